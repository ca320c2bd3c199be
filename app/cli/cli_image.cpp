// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
//
// image build | write | verify | keygen | sign | info: the master imaging engine.
#include "app/cli/cli.h"

#include "imaging/builder.h"
#include "imaging/manifest.h"
#include "imaging/seal.h"
#include "imaging/source.h"
#include "imaging/target.h"
#include "imaging/writer.h"
#include "inventory/store.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QStandardPaths>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace Etabli::Cli {

using namespace Etabli::Imaging;

namespace {

QString mib(int64_t bytes)
{
    return QString::number(double(bytes) / 1048576.0, 'f', 1) + QStringLiteral(" MiB");
}

QString defaultPublicKey()
{
    const QString env = qEnvironmentVariable("ETABLI_MASTER_PUBKEY");
    return env.isEmpty() ? QStringLiteral("/etc/etabli/master.pub") : env;
}

QString defaultJournalDir()
{
    const QString env = qEnvironmentVariable("ETABLI_JOURNAL_DIR");
    if (!env.isEmpty())
        return env;
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + QStringLiteral("/imaging-journal");
}

void addSealOptions(QCommandLineParser &p)
{
    p.addOption({QStringLiteral("seal-dir"),
                 QCoreApplication::translate("Cli", "Where the records of fully checked masters live"),
                 QStringLiteral("DIR")});
    p.addOption({QStringLiteral("no-seal"),
                 QCoreApplication::translate("Cli", "Check every range by SHA-256 and record nothing")});
}

/// Empty when --no-seal: every range is then checked by SHA-256 and nothing is recorded.
QString sealDirOption(const QCommandLineParser &p)
{
    if (p.isSet(QStringLiteral("no-seal")))
        return {};
    return p.isSet(QStringLiteral("seal-dir")) ? p.value(QStringLiteral("seal-dir")) : MasterSeal::defaultDir();
}

/// Records a full check of `master` against `m` (best effort: a failure only means the next
/// write checks by SHA-256 again, so it is reported as a warning).
void sealMaster(Context &ctx, const QString &dir, const QString &master, const QString &identity, const Manifest &m,
                const std::vector<uint32_t> &crcs)
{
    if (dir.isEmpty())
        return;
    if (auto r = MasterSeal::save(dir, master, identity, m, crcs); !r)
        ctx.err << QCoreApplication::translate("Cli", "warning: %1").arg(r.error().message) << Qt::endl;
}

int threadsOption(const QCommandLineParser &p)
{
    return p.value(QStringLiteral("threads")).toInt();
}

/// Loads and checks the manifest of `master` according to the workshop's policy:
/// a signed manifest must verify against the trusted key; a missing or unsigned one is
/// accepted only with --allow-unsigned, and then said loudly.
Result<std::optional<Manifest>> trustedManifest(Context &ctx, const QString &master, const QString &manifestPath,
                                                const QString &pubkeyPath, bool allowUnsigned, bool &isSigned)
{
    isSigned = false;
    const QString path = !manifestPath.isEmpty() ? manifestPath
        : master == QLatin1String("-")           ? QString()
                                                 : Manifest::pathFor(master);
    auto loaded = path.isEmpty()
        ? Result<Manifest>(makeError(ErrorCode::NotFound,
                                     QCoreApplication::translate("Cli", "a master read from stdin needs --manifest"),
                                     QStringLiteral("manifest_missing")))
        : Manifest::load(path);
    if (!loaded) {
        if (loaded.error().code != ErrorCode::NotFound)
            return loaded.error();
        if (!allowUnsigned)
            return makeError(ErrorCode::Refused,
                             QCoreApplication::translate(
                                 "Cli", "%1; refusing an unverifiable master (--allow-unsigned exists for tests)")
                                 .arg(loaded.error().message),
                             QStringLiteral("manifest_missing"));
        ctx.err << QCoreApplication::translate("Cli",
                                               "WARNING: no manifest for %1, writing it unverified (--allow-unsigned)")
                       .arg(master)
                << Qt::endl;
        qWarning("imaging: unsigned master accepted (--allow-unsigned): %s", qUtf8Printable(master));
        return std::optional<Manifest>();
    }
    Manifest m = std::move(loaded.value());
    if (!m.isSigned()) {
        if (!allowUnsigned)
            return makeError(
                ErrorCode::Refused,
                QCoreApplication::translate(
                    "Cli", "the manifest of %1 is not signed; refusing it (--allow-unsigned exists for tests)")
                    .arg(master),
                QStringLiteral("manifest_unsigned"));
        ctx.err << QCoreApplication::translate("Cli", "WARNING: the manifest of %1 is not signed (--allow-unsigned)")
                       .arg(master)
                << Qt::endl;
        qWarning("imaging: unsigned manifest accepted (--allow-unsigned): %s", qUtf8Printable(master));
        return std::optional<Manifest>(std::move(m));
    }
    auto key = KeyPair::loadPublicKey(pubkeyPath);
    if (!key) {
        if (!allowUnsigned)
            return key.error();
        // Without the workshop key we can still catch a tampered manifest.
        key = m.publicKey;
        ctx.err << QCoreApplication::translate(
            "Cli",
            "WARNING: no trusted public key, checking the signature against the manifest's own key (--allow-unsigned)")
                << Qt::endl;
    }
    if (auto v = m.verifySignature(*key); !v)
        return v.error(); // a bad signature is never accepted
    isSigned = true;
    return std::optional<Manifest>(std::move(m));
}

int buildCommand(Context &ctx)
{
    QCommandLineParser p;
    p.addOption({{QStringLiteral("o"), QStringLiteral("output")},
                 QCoreApplication::translate("Cli", "Master to write"),
                 QStringLiteral("FILE")});
    p.addOption({QStringLiteral("cluster-size"),
                 QCoreApplication::translate("Cli", "Cluster size in bytes (default 65536)"), QStringLiteral("N")});
    p.addOption(
        {QStringLiteral("threads"), QCoreApplication::translate("Cli", "Compression threads"), QStringLiteral("N")});
    p.addOption({QStringLiteral("level"), QCoreApplication::translate("Cli", "zlib level 1-9 (default 6, as QEMU)"),
                 QStringLiteral("N")});
    p.addOption({QStringLiteral("key"), QCoreApplication::translate("Cli", "Secret key signing the manifest"),
                 QStringLiteral("FILE")});
    p.addOption({QStringLiteral("name"), QCoreApplication::translate("Cli", "Master name for the manifest"),
                 QStringLiteral("NAME")});
    p.addOption({QStringLiteral("version"), QCoreApplication::translate("Cli", "Master version for the manifest"),
                 QStringLiteral("V")});
    p.addOption({QStringLiteral("no-manifest"), QCoreApplication::translate("Cli", "Do not write a manifest")});
    if (!parseArgs(p, ctx))
        return 2;
    const QStringList pos = p.positionalArguments();
    const QString output = p.value(QStringLiteral("output"));
    if (pos.size() != 2 || output.isEmpty())
        return ctx.usage(QCoreApplication::translate(
            "Cli",
            "usage: etabli image build SOURCE -o MASTER.qcow2 [--cluster-size N] [--key K --name N --version V]"));
    BuildOptions options;
    if (p.isSet(QStringLiteral("cluster-size")))
        options.clusterSize = p.value(QStringLiteral("cluster-size")).toUInt();
    if (p.isSet(QStringLiteral("level")))
        options.level = std::clamp(p.value(QStringLiteral("level")).toInt(), 1, 9);
    options.threads = threadsOption(p);
    options.digests = !p.isSet(QStringLiteral("no-manifest"));
    if (QFileInfo(pos[1]).exists() && QFileInfo(pos[1]).canonicalFilePath() == QFileInfo(output).canonicalFilePath())
        return ctx.fail(makeError(ErrorCode::InvalidArgument,
                                  QCoreApplication::translate("Cli", "the output must differ from the source")));
    QByteArray secret;
    if (p.isSet(QStringLiteral("key"))) {
        auto k = KeyPair::loadSecretKey(p.value(QStringLiteral("key")));
        if (!k)
            return ctx.fail(k.error());
        secret = *k;
    }
    auto source = Source::open(pos[1]);
    if (!source)
        return ctx.fail(source.error());
    auto built = buildMaster(**source, output, options);
    if (!built)
        return ctx.fail(built.error());
    Manifest &m = built->manifest;
    m.name = p.value(QStringLiteral("name")).isEmpty() ? QFileInfo(output).completeBaseName()
                                                       : p.value(QStringLiteral("name"));
    m.version = p.value(QStringLiteral("version"));
    m.createdAt = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    if (!p.isSet(QStringLiteral("no-manifest"))) {
        if (!secret.isEmpty())
            if (auto s = m.sign(secret); !s)
                return ctx.fail(s.error());
        if (auto s = m.save(Manifest::pathFor(output)); !s)
            return ctx.fail(s.error());
    }
    const double mibs = double(built->virtualSize) / 1048576.0 / std::max(built->seconds, 1e-9);
    if (ctx.json) {
        ctx.printJson(QJsonObject{{QStringLiteral("master"), output},
                                  {QStringLiteral("virtual_size"), double(built->virtualSize)},
                                  {QStringLiteral("file_size"), double(built->fileSize)},
                                  {QStringLiteral("compressed_clusters"), double(built->compressedClusters)},
                                  {QStringLiteral("raw_clusters"), double(built->rawClusters)},
                                  {QStringLiteral("zero_clusters"), double(built->zeroClusters)},
                                  {QStringLiteral("seconds"), built->seconds},
                                  {QStringLiteral("mib_s"), mibs},
                                  {QStringLiteral("sha256"), toHex(m.sha256)},
                                  {QStringLiteral("signed"), m.isSigned()}});
    } else {
        ctx.out << QCoreApplication::translate("Cli", "%1: %2 virtual, %3 on disk, %4 s (%5 MiB/s); manifest %6")
                       .arg(output, mib(built->virtualSize), mib(built->fileSize))
                       .arg(built->seconds, 0, 'f', 2)
                       .arg(mibs, 0, 'f', 0)
                       .arg(p.isSet(QStringLiteral("no-manifest")) ? QCoreApplication::translate("Cli", "not written")
                                : m.isSigned()                     ? QCoreApplication::translate("Cli", "signed")
                                                                   : QCoreApplication::translate("Cli", "unsigned"))
                << Qt::endl;
    }
    return 0;
}

int keygenCommand(Context &ctx)
{
    QCommandLineParser p;
    if (!parseArgs(p, ctx))
        return 2;
    const QStringList pos = p.positionalArguments();
    if (pos.size() != 2)
        return ctx.usage(QCoreApplication::translate(
            "Cli", "usage: etabli image keygen BASENAME   (writes BASENAME.key and BASENAME.pub)"));
    auto k = KeyPair::generate();
    if (!k)
        return ctx.fail(k.error());
    if (auto s = k->save(pos[1]); !s)
        return ctx.fail(s.error());
    ctx.out
        << QCoreApplication::translate("Cli", "wrote %1.key (secret, keep it off the benches) and %1.pub").arg(pos[1])
        << Qt::endl;
    return 0;
}

int signCommand(Context &ctx)
{
    QCommandLineParser p;
    p.addOption({QStringLiteral("key"), QCoreApplication::translate("Cli", "Secret key"), QStringLiteral("FILE")});
    p.addOption({QStringLiteral("name"), QCoreApplication::translate("Cli", "Master name"), QStringLiteral("NAME")});
    p.addOption({QStringLiteral("version"), QCoreApplication::translate("Cli", "Master version"), QStringLiteral("V")});
    p.addOption(
        {QStringLiteral("threads"), QCoreApplication::translate("Cli", "Hashing threads"), QStringLiteral("N")});
    addSealOptions(p);
    if (!parseArgs(p, ctx))
        return 2;
    const QStringList pos = p.positionalArguments();
    if (pos.size() != 2 || !p.isSet(QStringLiteral("key")) || !p.isSet(QStringLiteral("version")))
        return ctx.usage(
            QCoreApplication::translate("Cli", "usage: etabli image sign MASTER --key FILE --version V [--name N]"));
    auto secret = KeyPair::loadSecretKey(p.value(QStringLiteral("key")));
    if (!secret)
        return ctx.fail(secret.error());
    auto source = Source::open(pos[1]);
    if (!source)
        return ctx.fail(source.error());
    const QString name = p.value(QStringLiteral("name")).isEmpty() ? QFileInfo(pos[1]).completeBaseName()
                                                                   : p.value(QStringLiteral("name"));
    const QString identity = MasterSeal::identityOf(pos[1]);
    std::vector<uint32_t> crcs;
    auto m = computeManifest(**source, name, p.value(QStringLiteral("version")), threadsOption(p), {}, &crcs);
    if (!m)
        return ctx.fail(m.error());
    if (auto s = m->sign(*secret); !s)
        return ctx.fail(s.error());
    const QString path = Manifest::pathFor(pos[1]);
    if (auto s = m->save(path); !s)
        return ctx.fail(s.error());
    sealMaster(ctx, sealDirOption(p), pos[1], identity, *m, crcs);
    if (ctx.json)
        ctx.printJson(QJsonObject{{QStringLiteral("manifest"), path}, {QStringLiteral("sha256"), toHex(m->sha256)}});
    else
        ctx.out << QCoreApplication::translate("Cli", "signed %1 (%2, sha256 %3)")
                       .arg(path, mib(m->virtualSize), toHex(m->sha256))
                << Qt::endl;
    return 0;
}

int verifyCommand(Context &ctx)
{
    QCommandLineParser p;
    p.addOption(
        {QStringLiteral("pubkey"), QCoreApplication::translate("Cli", "Trusted public key"), QStringLiteral("FILE")});
    p.addOption({QStringLiteral("manifest"),
                 QCoreApplication::translate("Cli", "Manifest (default MASTER.manifest.json)"),
                 QStringLiteral("FILE")});
    p.addOption({QStringLiteral("allow-unsigned"),
                 QCoreApplication::translate("Cli", "Accept a missing or unsigned manifest (tests)")});
    p.addOption(
        {QStringLiteral("threads"), QCoreApplication::translate("Cli", "Hashing threads"), QStringLiteral("N")});
    addSealOptions(p);
    if (!parseArgs(p, ctx))
        return 2;
    const QStringList pos = p.positionalArguments();
    if (pos.size() < 2)
        return ctx.usage(
            QCoreApplication::translate("Cli", "usage: etabli image verify MASTER [TARGET...] [--pubkey FILE]"));
    const QString master = pos[1];
    bool isSigned = false;
    const QString pubkey = p.isSet(QStringLiteral("pubkey")) ? p.value(QStringLiteral("pubkey")) : defaultPublicKey();
    auto manifest = trustedManifest(ctx, master, p.value(QStringLiteral("manifest")), pubkey,
                                    p.isSet(QStringLiteral("allow-unsigned")), isSigned);
    if (!manifest)
        return ctx.fail(manifest.error());
    if (!*manifest)
        return ctx.fail(makeError(ErrorCode::NotFound,
                                  QCoreApplication::translate("Cli", "nothing to verify against: no manifest")));
    const Manifest &m = **manifest;
    QJsonArray results;
    int code = 0;
    if (pos.size() == 2) {
        auto source = Source::open(master);
        if (!source)
            return ctx.fail(source.error());
        const QString identity = MasterSeal::identityOf(master);
        std::vector<uint32_t> crcs;
        auto actual = computeManifest(**source, m.name, m.version, threadsOption(p), {}, &crcs);
        if (!actual)
            return ctx.fail(actual.error());
        const int64_t diff = m.firstDifference(*actual);
        if (diff < 0)
            sealMaster(ctx, sealDirOption(p), master, identity, m, crcs);
        else
            MasterSeal::remove(sealDirOption(p), master);
        if (diff >= 0)
            return ctx.fail(
                makeError(ErrorCode::Corrupt,
                          QCoreApplication::translate(
                              "Cli", "%1 does not match its manifest from offset %2: damaged or tampered master")
                              .arg(master)
                              .arg(diff * m.rangeSize),
                          QStringLiteral("manifest_mismatch")));
        results.append(QJsonObject{{QStringLiteral("path"), master}, {QStringLiteral("ok"), true}});
        if (!ctx.json)
            ctx.out << QCoreApplication::translate("Cli", "%1 matches its %2 manifest (%3 %4, sha256 %5)")
                           .arg(master,
                                isSigned ? QCoreApplication::translate("Cli", "signed")
                                         : QCoreApplication::translate("Cli", "UNSIGNED"),
                                m.name, m.version, toHex(m.sha256))
                    << Qt::endl;
    }
    for (qsizetype i = 2; i < pos.size(); ++i) {
        auto r = verifyTargetAgainstManifest(pos[i], m);
        results.append(QJsonObject{{QStringLiteral("path"), pos[i]},
                                   {QStringLiteral("ok"), r.ok()},
                                   {QStringLiteral("error"), r.ok() ? QString() : r.error().message}});
        if (!r) {
            code = ctx.fail(r.error());
        } else if (!ctx.json) {
            ctx.out << QCoreApplication::translate("Cli", "%1 holds %2 %3 exactly").arg(pos[i], m.name, m.version)
                    << Qt::endl;
        }
    }
    if (ctx.json)
        ctx.printJson(results);
    return code;
}

int infoCommand(Context &ctx)
{
    QCommandLineParser p;
    if (!parseArgs(p, ctx))
        return 2;
    const QStringList pos = p.positionalArguments();
    if (pos.size() != 2)
        return ctx.usage(QCoreApplication::translate("Cli", "usage: etabli image info MASTER"));
    auto source = Source::open(pos[1]);
    if (!source)
        return ctx.fail(source.error());
    QJsonObject o{{QStringLiteral("path"), pos[1]},
                  {QStringLiteral("format"), (*source)->formatName()},
                  {QStringLiteral("virtual_size"), double((*source)->virtualSize())},
                  {QStringLiteral("cluster_size"), double((*source)->clusterSize())}};
    if (ctx.json)
        ctx.printJson(o);
    else
        ctx.out << QCoreApplication::translate("Cli", "%1: %2, %3 bytes virtual")
                       .arg(pos[1], (*source)->formatName())
                       .arg((*source)->virtualSize())
                << ((*source)->clusterSize()
                        ? QCoreApplication::translate("Cli", ", clusters of %1 bytes").arg((*source)->clusterSize())
                        : QString())
                << Qt::endl;
    return 0;
}

int writeCommand(Context &ctx)
{
    QCommandLineParser p;
    p.addOption({QStringLiteral("verify"), QCoreApplication::translate("Cli", "Read every target back and compare")});
    p.addOption({QStringLiteral("fill"),
                 QCoreApplication::translate("Cli", "zeros|discard|skip for empty ranges (default zeros)"),
                 QStringLiteral("MODE")});
    p.addOption(
        {QStringLiteral("pubkey"), QCoreApplication::translate("Cli", "Trusted public key"), QStringLiteral("FILE")});
    p.addOption({QStringLiteral("manifest"),
                 QCoreApplication::translate("Cli", "Manifest (default MASTER.manifest.json)"),
                 QStringLiteral("FILE")});
    p.addOption({QStringLiteral("allow-unsigned"),
                 QCoreApplication::translate("Cli", "Accept a missing or unsigned manifest (tests; logged)")});
    p.addOption({QStringLiteral("confirm-serial"),
                 QCoreApplication::translate("Cli", "Serial the target must report (once per target)"),
                 QStringLiteral("SERIAL")});
    p.addOption({QStringLiteral("asset"),
                 QCoreApplication::translate("Cli", "Asset tag to record the run on (once per target)"),
                 QStringLiteral("TAG")});
    p.addOption({QStringLiteral("journal-dir"), QCoreApplication::translate("Cli", "Resume journals directory"),
                 QStringLiteral("DIR")});
    p.addOption({QStringLiteral("no-journal"), QCoreApplication::translate("Cli", "Do not journal (no resume)")});
    p.addOption(
        {QStringLiteral("threads"), QCoreApplication::translate("Cli", "Decoding threads"), QStringLiteral("N")});
    addSealOptions(p);
    p.addOption({QStringLiteral("quiet"), QCoreApplication::translate("Cli", "No progress lines")});
    if (!parseArgs(p, ctx))
        return 2;
    const QStringList pos = p.positionalArguments();
    if (pos.size() < 3)
        return ctx.usage(QCoreApplication::translate(
            "Cli",
            "usage: etabli image write MASTER TARGET... [--verify] [--fill zeros|discard|skip]"
            " [--confirm-serial S]... [--asset TAG]..."));
    const QString master = pos[1];
    const QStringList targets = pos.mid(2);
    const QStringList serials = p.values(QStringLiteral("confirm-serial"));
    const QStringList assets = p.values(QStringLiteral("asset"));
    if (!serials.isEmpty() && serials.size() != targets.size())
        return ctx.usage(
            QCoreApplication::translate("Cli", "give --confirm-serial once per target, in the same order"));
    if (!assets.isEmpty() && assets.size() != targets.size())
        return ctx.usage(QCoreApplication::translate("Cli", "give --asset once per target, in the same order"));
    WriteOptions options;
    if (p.isSet(QStringLiteral("fill"))) {
        auto fill = parseFill(p.value(QStringLiteral("fill")));
        if (!fill)
            return ctx.fail(fill.error());
        options.fill = *fill;
    }
    options.verify = p.isSet(QStringLiteral("verify"));
    options.threads = threadsOption(p);
    Inventory::Store *store = nullptr;
    if (!assets.isEmpty() && !(store = ctx.store()))
        return ctx.lastExitCode();

    bool isSigned = false;
    const QString pubkey = p.isSet(QStringLiteral("pubkey")) ? p.value(QStringLiteral("pubkey")) : defaultPublicKey();
    auto manifest = trustedManifest(ctx, master, p.value(QStringLiteral("manifest")), pubkey,
                                    p.isSet(QStringLiteral("allow-unsigned")), isSigned);
    if (!manifest)
        return ctx.fail(manifest.error());
    options.manifest = *manifest;
    options.sealDir = sealDirOption(p);
    options.masterPath = master;
    auto source = Source::open(master);
    if (!source)
        return ctx.fail(source.error());
    const int64_t size = (*source)->virtualSize() >= 0 ? (*source)->virtualSize()
        : options.manifest                             ? options.manifest->virtualSize
                                                       : -1;
    if (!p.isSet(QStringLiteral("no-journal")) && size >= 0) {
        options.journalDir
            = p.isSet(QStringLiteral("journal-dir")) ? p.value(QStringLiteral("journal-dir")) : defaultJournalDir();
        const QFileInfo fi(master);
        options.masterIdentity = options.manifest ? toHex(options.manifest->sha256)
                                                  : QStringLiteral("%1|%2|%3")
                                                        .arg(fi.absoluteFilePath())
                                                        .arg(fi.size())
                                                        .arg(fi.lastModified().toMSecsSinceEpoch());
    }
    // Every target is checked before anything is written.
    std::vector<std::unique_ptr<TargetDevice>> devices;
    for (qsizetype i = 0; i < targets.size(); ++i) {
        SafetyOptions safety;
        safety.requiredSize = size;
        safety.confirmSerial = serials.value(i);
        safety.masterPath = master;
        auto t = DiskTarget::open(targets[i], safety);
        if (!t)
            return ctx.fail(t.error());
        devices.push_back(std::move(t.value()));
    }
    const QString masterName = options.manifest ? options.manifest->name : QFileInfo(master).completeBaseName();
    const QString masterVersion = options.manifest && !options.manifest->version.isEmpty()
        ? options.manifest->version
        : QCoreApplication::translate("Cli", "unknown");
    const QString startedAt = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    ImageWriter writer(std::move(source.value()), options);
    for (auto &d : devices)
        writer.addTarget(std::move(d));

    Result<void> result;
    // The loop wakes when the run ends instead of sleeping out its 100 ms tick.
    std::mutex doneMutex;
    std::condition_variable doneCv;
    bool finished = false;
    std::thread worker([&] {
        result = writer.run();
        {
            std::lock_guard lock(doneMutex);
            finished = true;
        }
        doneCv.notify_all();
    });
    const bool showProgress = !p.isSet(QStringLiteral("quiet"));
    auto last = std::chrono::steady_clock::now();
    while (true) {
        {
            std::unique_lock lock(doneMutex);
            if (doneCv.wait_for(lock, std::chrono::milliseconds(100), [&] { return finished; }))
                break;
        }
        bool running = false;
        const auto list = writer.progress();
        for (const TargetProgress &t : list)
            running = running || (t.phase != TargetProgress::Phase::Done && t.phase != TargetProgress::Phase::Failed);
        if (!running)
            break;
        if (showProgress && std::chrono::steady_clock::now() - last >= std::chrono::seconds(1)) {
            last = std::chrono::steady_clock::now();
            for (const TargetProgress &t : list) {
                const int64_t done = t.phase == TargetProgress::Phase::Verifying ? t.verifiedBytes : t.bytesDone;
                const QString pct = t.bytesTotal > 0
                    ? QString::number(100.0 * double(done) / double(t.bytesTotal), 'f', 0) + u'%'
                    : QStringLiteral("?");
                if (ctx.json)
                    ctx.err << QStringLiteral("{\"target\":\"%1\",\"phase\":\"%2\",\"bytes\":%3,\"total\":%4,\"mib_s\":"
                                              "%5,\"eta_s\":%6}")
                                   .arg(t.name, toString(t.phase))
                                   .arg(done)
                                   .arg(t.bytesTotal)
                                   .arg(t.mibPerSecond, 0, 'f', 1)
                                   .arg(t.etaSeconds, 0, 'f', 0)
                            << Qt::endl;
                else
                    ctx.err << QCoreApplication::translate("Cli", "%1: %2 %3 %4  %5 MiB/s  ETA %6 s")
                                   .arg(t.name, toString(t.phase), pct, mib(done))
                                   .arg(t.mibPerSecond, 0, 'f', 0)
                                   .arg(t.etaSeconds < 0 ? QStringLiteral("?") : QString::number(t.etaSeconds, 'f', 0))
                            << Qt::endl;
            }
        }
    }
    worker.join();
    const auto list = writer.progress();
    const QString endedAt = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    int code = result.ok() ? 0 : exitCodeFor(result.error().code);
    if (!result.ok())
        ctx.fail(result.error());
    QJsonArray out;
    for (size_t i = 0; i < list.size(); ++i) {
        const TargetProgress &t = list[i];
        const bool ok = t.phase == TargetProgress::Phase::Done && (!options.verify || t.verified);
        if (!ok && code == 0)
            code = exitCodeFor(t.errorCode);
        QJsonObject o{{QStringLiteral("target"), t.name},
                      {QStringLiteral("ok"), ok},
                      {QStringLiteral("model"), t.model},
                      {QStringLiteral("serial"), t.serial},
                      {QStringLiteral("bytes"), double(t.bytesDone)},
                      {QStringLiteral("resumed_bytes"), double(t.resumedBytes)},
                      {QStringLiteral("seconds"), t.seconds},
                      {QStringLiteral("mib_s"), t.mibPerSecond},
                      {QStringLiteral("verified"), t.verified},
                      {QStringLiteral("fill"), toString(options.fill)},
                      {QStringLiteral("manifest_signed"), isSigned},
                      {QStringLiteral("master_check"), writer.masterCheck()}};
        if (!t.error.isEmpty())
            o.insert(QStringLiteral("error"), t.error);
        if (store && int(i) < assets.size() && (t.bytesDone > 0 || t.phase == TargetProgress::Phase::Done)) {
            const QJsonObject payload{{QStringLiteral("master_name"), masterName},
                                      {QStringLiteral("master_version"), masterVersion},
                                      {QStringLiteral("target_model"), t.model},
                                      {QStringLiteral("target_serial"), t.serial},
                                      {QStringLiteral("bytes"), double(t.bytesDone)},
                                      {QStringLiteral("seconds"), t.seconds},
                                      {QStringLiteral("mib_s"), t.mibPerSecond},
                                      {QStringLiteral("fill"), toString(options.fill)},
                                      {QStringLiteral("verified"), options.verify && t.verified},
                                      {QStringLiteral("manifest_signed"), isSigned},
                                      {QStringLiteral("started_at"), startedAt},
                                      {QStringLiteral("ended_at"), endedAt}};
            auto recorded = store->record(QStringLiteral("imaging.recorded"), assets[int(i)], payload);
            if (!recorded) {
                code = ctx.fail(recorded.error());
            } else {
                o.insert(QStringLiteral("asset"), assets[int(i)]);
            }
        }
        out.append(o);
        if (!ctx.json) {
            if (ok)
                ctx.out
                    << QCoreApplication::translate("Cli", "OK   %1: %2 in %3 s (%4 MiB/s)%5%6")
                           .arg(t.name, mib(t.bytesDone))
                           .arg(t.seconds, 0, 'f', 1)
                           .arg(t.mibPerSecond, 0, 'f', 0)
                           .arg(options.verify ? QCoreApplication::translate("Cli", ", verified") : QString())
                           .arg(t.resumedBytes
                                    ? QCoreApplication::translate("Cli", ", resumed after %1").arg(mib(t.resumedBytes))
                                    : QString())
                    << Qt::endl;
            else
                ctx.out << QCoreApplication::translate("Cli", "FAIL %1: %2")
                               .arg(t.name,
                                    t.error.isEmpty() ? QCoreApplication::translate("Cli", "not written") : t.error)
                        << Qt::endl;
        }
    }
    if (ctx.json)
        ctx.printJson(out);
    return code;
}

int imageCommand(Context &ctx)
{
    const QString verb = ctx.args.value(0);
    if (verb == QLatin1String("build"))
        return buildCommand(ctx);
    if (verb == QLatin1String("write"))
        return writeCommand(ctx);
    if (verb == QLatin1String("verify"))
        return verifyCommand(ctx);
    if (verb == QLatin1String("keygen"))
        return keygenCommand(ctx);
    if (verb == QLatin1String("sign"))
        return signCommand(ctx);
    if (verb == QLatin1String("info"))
        return infoCommand(ctx);
    return ctx.usage(QCoreApplication::translate("Cli", "usage: etabli image build|write|verify|keygen|sign|info …"));
}

} // namespace

void registerImageCommands(Registry &registry)
{
    registry.add(
        {QStringLiteral("image"),
         QStringLiteral(
             "  image write MASTER TARGET... [--verify] [--fill zeros|discard|skip] [--confirm-serial S]..."
             " [--asset TAG]... [--pubkey F] [--allow-unsigned] [--no-seal]\n"
             "  image build SOURCE -o MASTER.qcow2 [--cluster-size N] [--key F --name N --version V]\n"
             "  image verify MASTER [TARGET...] [--pubkey F] | keygen BASENAME | sign MASTER --key F --version V"
             " | info MASTER"),
         imageCommand});
}

} // namespace Etabli::Cli
