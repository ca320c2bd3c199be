// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
//
// image build | write | verify | keygen | sign | info: the master imaging engine.
#include "app/cli/cli.h"

#include "app/core/imagingrun.h"
#include "imaging/builder.h"
#include "imaging/httpsource.h"
#include "imaging/manifest.h"
#include "imaging/multicast.h"
#include "imaging/seal.h"
#include "imaging/source.h"
#include "imaging/target.h"
#include "imaging/writer.h"
#include "inventory/eventtypes.h"
#include "inventory/store.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QTimer>

namespace Etabli::Cli {

using namespace Etabli::Imaging;

namespace {

QString mib(int64_t bytes)
{
    return QString::number(double(bytes) / 1048576.0, 'f', 1) + QStringLiteral(" MiB");
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
    QStringList warnings;
    auto manifest
        = AppCore::trustedManifest(master, p.value(QStringLiteral("manifest")), p.value(QStringLiteral("pubkey")),
                                   p.isSet(QStringLiteral("allow-unsigned")), isSigned, warnings);
    for (const QString &warning : warnings)
        ctx.err << warning << Qt::endl;
    if (!manifest)
        return ctx.fail(manifest.error());
    if (!*manifest)
        return ctx.fail(makeError(ErrorCode::NotFound,
                                  QCoreApplication::translate("Cli", "nothing to verify against: no manifest")));
    const Manifest &m = **manifest;
    QJsonArray results;
    int code = 0;
    if (pos.size() == 2) {
        // A device, a FIFO or a directory would be hashed forever (or block the open).
        if (auto file = requireMasterFile(master); !file)
            return ctx.fail(file.error());
        auto source = Source::open(master);
        if (!source)
            return ctx.fail(source.error());
        if (auto size = requireMasterSize(**source, master, m.virtualSize); !size)
            return ctx.fail(size.error());
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

QString progressLine(const Context &ctx, const TargetProgress &t)
{
    const int64_t done = t.phase == TargetProgress::Phase::Verifying ? t.verifiedBytes : t.bytesDone;
    if (ctx.json)
        return QStringLiteral(
                   "{\"target\":\"%1\",\"phase\":\"%2\",\"bytes\":%3,\"total\":%4,\"mib_s\":%5,\"eta_s\":%6}")
            .arg(t.name, toString(t.phase))
            .arg(done)
            .arg(t.bytesTotal)
            .arg(t.mibPerSecond, 0, 'f', 1)
            .arg(t.etaSeconds, 0, 'f', 0);
    const QString pct = t.bytesTotal > 0 ? QString::number(100.0 * double(done) / double(t.bytesTotal), 'f', 0) + u'%'
                                         : QStringLiteral("?");
    return QCoreApplication::translate("Cli", "%1: %2 %3 %4  %5 MiB/s  ETA %6 s")
        .arg(t.name, toString(t.phase), pct, mib(done))
        .arg(t.mibPerSecond, 0, 'f', 0)
        .arg(t.etaSeconds < 0 ? QStringLiteral("?") : QString::number(t.etaSeconds, 'f', 0));
}

// Parsing and printing only: the use-case is AppCore::planImaging + AppCore::ImagingRun.
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
    p.addOption(
        {QStringLiteral("certificate"),
         QCoreApplication::translate(
             "Cli", "Where to write the erasure certificate of a disk zero-filled and verified (once per target)"),
         QStringLiteral("FILE.json")});
    p.addOption({QStringLiteral("station-key-dir"),
                 QCoreApplication::translate("Cli", "Folder of the station's signing key"), QStringLiteral("DIR")});
    // masters over the network (issue 19)
    p.addOption({QStringLiteral("token"),
                 QCoreApplication::translate("Cli", "Station token for an https:// master (default: the sync token)"),
                 QStringLiteral("TOKEN")});
    p.addOption({QStringLiteral("ca"),
                 QCoreApplication::translate("Cli", "Trusted CA certificate (PEM) of the server (default: sync.ca)"),
                 QStringLiteral("FILE")});
    p.addOption({QStringLiteral("stall-timeout"),
                 QCoreApplication::translate("Cli", "Give up after this long without data (default 60 seconds)"),
                 QStringLiteral("SECONDS")});
    p.addOption({QStringLiteral("connections"),
                 QCoreApplication::translate("Cli", "Range requests in flight (default 4)"), QStringLiteral("N")});
    p.addOption(
        {QStringLiteral("cache"),
         QCoreApplication::translate("Cli",
                                     "A local copy of this master or of an older version (file, disk, USB "
                                     "stick; default: the setting masters.cache): only what differs is fetched"),
         QStringLiteral("PATH")});
    if (!parseArgs(p, ctx))
        return 2;
    const QStringList pos = p.positionalArguments();
    if (pos.size() < 3)
        return ctx.usage(QCoreApplication::translate(
            "Cli",
            "usage: etabli image write MASTER TARGET... [--verify] [--fill zeros|discard|skip]"
            " [--confirm-serial S]... [--asset TAG]..."));
    AppCore::ImagingRequest request;
    request.master = pos[1];
    request.targets = pos.mid(2);
    request.serials = p.values(QStringLiteral("confirm-serial"));
    const QStringList assets = p.values(QStringLiteral("asset"));
    if (!request.serials.isEmpty() && request.serials.size() != request.targets.size())
        return ctx.usage(
            QCoreApplication::translate("Cli", "give --confirm-serial once per target, in the same order"));
    if (!assets.isEmpty() && assets.size() != request.targets.size())
        return ctx.usage(QCoreApplication::translate("Cli", "give --asset once per target, in the same order"));
    if (p.isSet(QStringLiteral("fill"))) {
        auto fill = parseFill(p.value(QStringLiteral("fill")));
        if (!fill)
            return ctx.fail(fill.error());
        request.fill = *fill;
    }
    request.verify = p.isSet(QStringLiteral("verify"));
    request.threads = threadsOption(p);
    request.publicKeyPath = p.value(QStringLiteral("pubkey"));
    request.manifestPath = p.value(QStringLiteral("manifest"));
    request.allowUnsigned = p.isSet(QStringLiteral("allow-unsigned"));
    request.journal = !p.isSet(QStringLiteral("no-journal"));
    request.journalDir = p.value(QStringLiteral("journal-dir"));
    request.sealDir = sealDirOption(p);
    request.certificatePaths = p.values(QStringLiteral("certificate"));
    if (!request.certificatePaths.isEmpty() && request.certificatePaths.size() != request.targets.size())
        return ctx.usage(QCoreApplication::translate("Cli", "give --certificate once per target, in the same order"));
    request.stationKeyDir = p.value(QStringLiteral("station-key-dir"));
    request.workshop = qEnvironmentVariable("ETABLI_WORKSHOP");
    request.station = ctx.station;
    request.worker = ctx.worker;
    request.softwareVersion = QStringLiteral(ETABLI_VERSION);
    Inventory::Store *store = nullptr;
    if (!assets.isEmpty() && !(store = ctx.store()))
        return ctx.lastExitCode();
    if (isRemoteMaster(request.master)) {
        // The station's sync settings when not given: the token it syncs with, its CA.
        if ((!p.isSet(QStringLiteral("token")) || !p.isSet(QStringLiteral("ca"))) && !store && !(store = ctx.store()))
            return ctx.lastExitCode();
        request.remote.token = p.isSet(QStringLiteral("token")) ? p.value(QStringLiteral("token"))
                                                                : store->setting(QStringLiteral("sync.token"));
        request.remote.caFile
            = p.isSet(QStringLiteral("ca")) ? p.value(QStringLiteral("ca")) : store->setting(QStringLiteral("sync.ca"));
        if (request.remote.token.isEmpty())
            return ctx.usage(QCoreApplication::translate(
                "Cli", "a master on the network needs this station's token: --token, or «etabli sync --token» once"));
        bool ok = true;
        if (p.isSet(QStringLiteral("stall-timeout")))
            request.remote.stallSeconds = p.value(QStringLiteral("stall-timeout")).toDouble(&ok);
        if (!ok || request.remote.stallSeconds < 1 || request.remote.stallSeconds > 3600)
            return ctx.usage(QCoreApplication::translate("Cli", "--stall-timeout takes 1 to 3600 seconds"));
        if (p.isSet(QStringLiteral("connections")))
            request.remote.connections = p.value(QStringLiteral("connections")).toInt(&ok);
        if (!ok || request.remote.connections < 1 || request.remote.connections > 32)
            return ctx.usage(QCoreApplication::translate("Cli", "--connections takes 1 to 32"));
        request.remote.cachePath = p.isSet(QStringLiteral("cache")) ? p.value(QStringLiteral("cache"))
            : store                                                 ? store->setting(QStringLiteral("masters.cache"))
                                                                    : QString();
        if (!request.remote.cachePath.isEmpty() && !QFileInfo::exists(request.remote.cachePath))
            return ctx.usage(
                QCoreApplication::translate("Cli", "--cache: no such file or disk: %1").arg(request.remote.cachePath));
    } else if (p.isSet(QStringLiteral("cache"))) {
        return ctx.usage(QCoreApplication::translate("Cli", "--cache is for a master on the network"));
    }

    QStringList warnings;
    auto plan = AppCore::planImaging(request, &warnings);
    for (const QString &warning : std::as_const(warnings))
        ctx.err << warning << Qt::endl;
    if (!plan)
        return ctx.fail(plan.error());

    AppCore::ImagingRun run;
    if (store)
        run.setRecorder(assets, [store](const QString &asset, const QJsonObject &payload) -> Result<void> {
            auto recorded = store->record(QString(Etabli::Inventory::EventType::ImagingRecorded), asset, payload);
            if (!recorded)
                return recorded.error();
            return {};
        });
    if (store)
        run.setErasureRecorder([store](const QString &asset, const QJsonObject &payload) -> Result<void> {
            auto recorded = store->record(QString(Etabli::Inventory::EventType::ErasureRecorded), asset, payload);
            if (!recorded)
                return recorded.error();
            return {};
        });
    QEventLoop loop;
    QObject::connect(&run, &AppCore::ImagingRun::finished, &loop, &QEventLoop::quit);
    QTimer ticker;
    if (!p.isSet(QStringLiteral("quiet"))) {
        QObject::connect(&ticker, &QTimer::timeout, &loop, [&] {
            const auto list = run.progress();
            for (const TargetProgress &t : list)
                ctx.err << progressLine(ctx, t) << Qt::endl;
        });
        ticker.start(1000);
    }
    run.start(*plan);
    loop.exec();
    ticker.stop();

    const AppCore::ImagingOutcome &outcome = run.outcome();
    if (outcome.targets.empty()) // refused before anything was written
        return ctx.fail(outcome.result.ok() ? makeError(ErrorCode::Internal, QStringLiteral("no target written"))
                                            : outcome.result.error());
    int code = outcome.result.ok() ? 0 : exitCodeFor(outcome.result.error().code);
    if (!outcome.result.ok())
        ctx.fail(outcome.result.error());
    for (const Error &e : run.recordErrors())
        code = ctx.fail(e);
    QJsonArray out;
    const WriteOptions &options = plan->options;
    for (size_t i = 0; i < outcome.targets.size(); ++i) {
        const TargetProgress &t = outcome.targets[i];
        const bool ok = AppCore::targetSucceeded(*plan, t);
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
                      {QStringLiteral("manifest_signed"), plan->manifestSigned},
                      {QStringLiteral("master_check"), outcome.masterCheck},
                      {QStringLiteral("target_kind"), AppCore::targetKind(t)}};
        if (!t.error.isEmpty())
            o.insert(QStringLiteral("error"), t.error);
        const QJsonObject certificate = run.certificates().value(qsizetype(i));
        if (!certificate.isEmpty())
            o.insert(QStringLiteral("certificate_id"), certificate.value(QStringLiteral("id")).toString());
        o.insert(QStringLiteral("erasure"), !certificate.isEmpty());
        if (!run.recordedAssets().value(qsizetype(i)).isEmpty())
            o.insert(QStringLiteral("asset"), run.recordedAssets().value(qsizetype(i)));
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

// masters (issue 19): one sender feeds a row of benches by UDP multicast.
int serveMulticastCommand(Context &ctx)
{
    QCommandLineParser p;
    p.addOption({QStringLiteral("group"),
                 QCoreApplication::translate("Cli", "Multicast group and port, e.g. 239.19.0.1:5019"),
                 QStringLiteral("GROUP:PORT")});
    p.addOption({QStringLiteral("rate-mbit"), QCoreApplication::translate("Cli", "Sending rate (default 500 Mbit/s)"),
                 QStringLiteral("N")});
    p.addOption({QStringLiteral("cycles"),
                 QCoreApplication::translate("Cli", "Passes over the master (default 0: until stopped)"),
                 QStringLiteral("N")});
    p.addOption({QStringLiteral("floor-mbit"),
                 QCoreApplication::translate("Cli",
                                             "Slowest rate for a slow receiver; below it, the receiver leaves the "
                                             "group for unicast (default: a quarter of --rate-mbit)"),
                 QStringLiteral("N")});
    p.addOption({QStringLiteral("min-receivers"),
                 QCoreApplication::translate("Cli",
                                             "Start the first cycle once N receivers report (at most 60 s; "
                                             "default 0: at once)"),
                 QStringLiteral("N")});
    if (!parseArgs(p, ctx))
        return 2;
    const QStringList pos = p.positionalArguments();
    MulticastSendOptions o;
    QString ignored;
    bool okRate = true, okCycles = true, okFloor = true;
    if (p.isSet(QStringLiteral("rate-mbit")))
        o.rateMbit = p.value(QStringLiteral("rate-mbit")).toDouble(&okRate);
    if (p.isSet(QStringLiteral("floor-mbit")))
        o.floorMbit = p.value(QStringLiteral("floor-mbit")).toDouble(&okFloor);
    if (p.isSet(QStringLiteral("cycles")))
        o.cycles = p.value(QStringLiteral("cycles")).toInt(&okCycles);
    bool okMin = true;
    if (p.isSet(QStringLiteral("min-receivers")))
        o.minReceivers = p.value(QStringLiteral("min-receivers")).toInt(&okMin);
    if (!okMin || o.minReceivers < 0 || o.minReceivers > 10000)
        okCycles = false;
    if (pos.size() != 2 || !p.isSet(QStringLiteral("group")) || !okRate || !okCycles || !okFloor || o.rateMbit < 1
        || o.rateMbit > 100000 || o.cycles < 0 || o.floorMbit < 0 || o.floorMbit > o.rateMbit)
        return ctx.usage(QCoreApplication::translate("Cli",
                                                     "usage: etabli image serve-multicast MASTER.qcow2 --group "
                                                     "GROUP:PORT [--rate-mbit N] [--floor-mbit N] [--cycles N] "
                                                     "[--min-receivers N]"));
    if (auto g = parseMulticastMaster(QStringLiteral("multicast://") + p.value(QStringLiteral("group"))
                                          + QStringLiteral("?master=x"),
                                      &o.group, &o.port, &ignored);
        !g)
        return ctx.fail(g.error());
    if (auto f = requireMasterFile(pos[1]); !f)
        return ctx.fail(f.error());
    std::atomic<bool> stop{false};
    auto sent = serveMulticast(
        pos[1], o, stop,
        [&ctx](int cycle, int64_t bytes) {
            ctx.err << QCoreApplication::translate("Cli", "cycle %1: %2 sent").arg(cycle).arg(mib(bytes)) << Qt::endl;
        },
        [&ctx](const QString &line) { ctx.err << line << Qt::endl; });
    if (!sent)
        return ctx.fail(sent.error());
    return 0;
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
    if (verb == QLatin1String("serve-multicast"))
        return serveMulticastCommand(ctx);
    return ctx.usage(QCoreApplication::translate("Cli", "usage: etabli image build|write|verify|keygen|sign|info …"));
}

} // namespace

void registerImageCommands(Registry &registry)
{
    registry.add(
        {QStringLiteral("image"),
         QStringLiteral(
             "  image write MASTER TARGET... [--verify] [--fill zeros|discard|skip] [--confirm-serial S]..."
             " [--asset TAG]... [--certificate FILE.json]... [--pubkey F] [--allow-unsigned] [--no-seal]\n"
             "  image build SOURCE -o MASTER.qcow2 [--cluster-size N] [--key F --name N --version V]\n"
             "  image verify MASTER [TARGET...] [--pubkey F] | keygen BASENAME | sign MASTER --key F --version V"
             " | info MASTER\n"
             "  image write https://SERVER/api/v1/masters/NAME.qcow2 TARGET... [--token T] [--ca CA.pem]"
             " [--stall-timeout S]\n"
             "  image write multicast://GROUP:PORT?master=URL TARGET... | serve-multicast MASTER --group GROUP:PORT"
             " [--rate-mbit N] [--cycles N]"),
         imageCommand});
}

} // namespace Etabli::Cli
