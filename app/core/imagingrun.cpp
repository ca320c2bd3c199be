// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "app/core/imagingrun.h"

#include "app/core/erasure.h"

#include "imaging/httpsource.h"
#include "imaging/manifest.h"
#include "imaging/seal.h"
#include "imaging/source.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>
#include <QStandardPaths>

namespace Etabli::AppCore {

using namespace Etabli::Imaging;

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

namespace {

/// The manifest next to a remote master, fetched with the station's token.
Result<Manifest> remoteManifest(const QString &url, const RemoteOptions &remote)
{
    auto bytes = fetchRemoteDocument(url, remote);
    if (!bytes)
        return bytes.error();
    return Manifest::fromJson(*bytes);
}

} // namespace

Result<std::optional<Manifest>> trustedManifest(const QString &master, const QString &manifestPath,
                                                const QString &publicKeyPath, bool allowUnsigned, bool &isSigned,
                                                QStringList &warnings, const RemoteOptions &remote)
{
    ImagingRequest r;
    r.master = master;
    r.manifestPath = manifestPath;
    r.publicKeyPath = publicKeyPath;
    r.allowUnsigned = allowUnsigned;
    isSigned = false;
    const QString path = !r.manifestPath.isEmpty() ? r.manifestPath
        : r.master == QLatin1String("-")           ? QString()
                                                   : Manifest::pathFor(remoteMasterUrl(r.master));
    auto loaded = path.isEmpty()
        ? Result<Manifest>(makeError(ErrorCode::NotFound,
                                     QCoreApplication::translate("Cli", "a master read from stdin needs --manifest"),
                                     QStringLiteral("manifest_missing")))
        : isRemoteMaster(path) ? remoteManifest(remoteMasterUrl(path), remote)
                               : Manifest::load(path);
    if (!loaded) {
        if (loaded.error().code != ErrorCode::NotFound)
            return loaded.error();
        if (!r.allowUnsigned)
            return makeError(ErrorCode::Refused,
                             QCoreApplication::translate(
                                 "Cli", "%1; refusing an unverifiable master (--allow-unsigned exists for tests)")
                                 .arg(loaded.error().message),
                             QStringLiteral("manifest_missing"));
        warnings << QCoreApplication::translate("Cli",
                                                "WARNING: no manifest for %1, writing it unverified (--allow-unsigned)")
                        .arg(r.master);
        qWarning("imaging: unsigned master accepted (--allow-unsigned): %s", qUtf8Printable(r.master));
        return std::optional<Manifest>();
    }
    Manifest m = std::move(loaded.value());
    if (!m.isSigned()) {
        if (!r.allowUnsigned)
            return makeError(
                ErrorCode::Refused,
                QCoreApplication::translate(
                    "Cli", "the manifest of %1 is not signed; refusing it (--allow-unsigned exists for tests)")
                    .arg(r.master),
                QStringLiteral("manifest_unsigned"));
        warnings << QCoreApplication::translate("Cli", "WARNING: the manifest of %1 is not signed (--allow-unsigned)")
                        .arg(r.master);
        qWarning("imaging: unsigned manifest accepted (--allow-unsigned): %s", qUtf8Printable(r.master));
        return std::optional<Manifest>(std::move(m));
    }
    auto key = KeyPair::loadPublicKey(r.publicKeyPath.isEmpty() ? defaultPublicKey() : r.publicKeyPath);
    if (!key) {
        if (!r.allowUnsigned)
            return key.error();
        // Without the workshop key we can still catch a tampered manifest.
        key = m.publicKey;
        warnings << QCoreApplication::translate("Cli",
                                                "WARNING: no trusted public key, checking the signature against the "
                                                "manifest's own key (--allow-unsigned)");
    }
    if (auto v = m.verifySignature(*key); !v)
        return v.error(); // a bad signature is never accepted
    isSigned = true;
    return std::optional<Manifest>(std::move(m));
}

namespace {

Result<void> fillPlan(const ImagingRequest &request, ImagingPlan &plan)
{
    plan.request = request;
    if (request.targets.isEmpty())
        return makeError(ErrorCode::InvalidArgument,
                         QCoreApplication::translate("Etabli::AppCore::ImagingRun", "no target to write"),
                         QStringLiteral("no_target"));
    if (!request.serials.isEmpty() && request.serials.size() != request.targets.size())
        return makeError(ErrorCode::InvalidArgument,
                         QCoreApplication::translate("Cli", "give --confirm-serial once per target, in the same order"),
                         QStringLiteral("serials_count"));
    auto manifest = trustedManifest(request.master, request.manifestPath, request.publicKeyPath, request.allowUnsigned,
                                    plan.manifestSigned, plan.warnings, request.remote);
    if (!manifest)
        return manifest.error();
    WriteOptions &o = plan.options;
    o.fill = request.fill;
    o.verify = request.verify;
    o.threads = request.threads;
    o.manifest = *manifest;
    const bool remote = isRemoteMaster(request.master);
    o.remote = request.remote;
    // A seal is about a file on this bench; a remote master is checked by SHA-256 each time.
    o.sealDir = remote ? QString() : request.sealDir;
    o.masterPath = remote ? QString() : request.master;
    QString remoteIdentity;
    if (o.manifest) {
        plan.size = o.manifest->virtualSize;
    } else if (request.master != QLatin1String("-")) {
        // The size the journal needs; the job opens the master again to write it.
        auto source = Source::open(request.master, request.remote);
        if (!source)
            return source.error();
        plan.size = (*source)->virtualSize();
        remoteIdentity = (*source)->identity();
    }
    if (request.journal && plan.size >= 0) {
        o.journalDir = request.journalDir.isEmpty() ? defaultJournalDir() : request.journalDir;
        const QFileInfo fi(request.master);
        o.masterIdentity = o.manifest   ? toHex(o.manifest->sha256)
            : !remoteIdentity.isEmpty() ? remoteIdentity
                                        : QStringLiteral("%1|%2|%3")
                                              .arg(fi.absoluteFilePath())
                                              .arg(fi.size())
                                              .arg(fi.lastModified().toMSecsSinceEpoch());
    }
    plan.masterName = o.manifest ? o.manifest->name : QFileInfo(request.master).completeBaseName();
    plan.masterVersion = o.manifest && !o.manifest->version.isEmpty() ? o.manifest->version
                                                                      : QCoreApplication::translate("Cli", "unknown");
    return {};
}

} // namespace

Result<ImagingPlan> planImaging(const ImagingRequest &request, QStringList *warnings)
{
    ImagingPlan plan;
    auto filled = fillPlan(request, plan);
    if (warnings)
        *warnings += plan.warnings;
    if (!filled)
        return filled.error();
    return plan;
}

QString targetKind(const TargetProgress &target)
{
    return target.blockDevice ? QStringLiteral("block") : QStringLiteral("file");
}

bool targetSucceeded(const ImagingPlan &plan, const TargetProgress &target)
{
    return target.phase == TargetProgress::Phase::Done && (!plan.options.verify || target.verified);
}

QJsonObject imagingRecordPayload(const ImagingPlan &plan, const TargetProgress &t, const QString &startedAt,
                                 const QString &endedAt)
{
    return QJsonObject{{QStringLiteral("master_name"), plan.masterName},
                       {QStringLiteral("master_version"), plan.masterVersion},
                       {QStringLiteral("target_model"), t.model},
                       {QStringLiteral("target_serial"), t.serial},
                       {QStringLiteral("target_kind"), targetKind(t)},
                       {QStringLiteral("bytes"), double(t.bytesDone)},
                       {QStringLiteral("seconds"), t.seconds},
                       {QStringLiteral("mib_s"), t.mibPerSecond},
                       {QStringLiteral("fill"), toString(plan.options.fill)},
                       {QStringLiteral("verified"), plan.options.verify && t.verified},
                       {QStringLiteral("manifest_signed"), plan.manifestSigned},
                       {QStringLiteral("started_at"), startedAt},
                       {QStringLiteral("ended_at"), endedAt}};
}

int64_t blockDeviceBytes(const QString &device)
{
    const QString name = QFileInfo(device).canonicalFilePath().section(u'/', -1);
    QFile f(QStringLiteral("/sys/class/block/%1/size").arg(name));
    if (name.isEmpty() || !f.open(QIODevice::ReadOnly))
        return -1;
    bool ok = false;
    const qint64 sectors = QString::fromLatin1(f.readAll()).trimmed().toLongLong(&ok);
    return ok ? sectors * 512 : -1;
}

bool certifiesErasure(const ImagingPlan &plan, const TargetProgress &target, int64_t diskBytes)
{
    if (!target.blockDevice || plan.options.fill != Fill::Zeros || !plan.options.verify || !target.verified
        || !targetSucceeded(plan, target))
        return false;
    if (diskBytes < 0)
        diskBytes = blockDeviceBytes(target.name);
    // A master smaller than the disk leaves its end as it was: no erasure.
    return diskBytes > 0 && target.bytesDone >= diskBytes && target.verifiedBytes >= diskBytes;
}

Result<QJsonObject> imagingErasureCertificate(const ImagingPlan &plan, const TargetProgress &t, const QString &asset,
                                              const QString &startedAt, const QString &endedAt)
{
    const ImagingRequest &r = plan.request;
    CertificateFacts f;
    f.workshop = r.workshop;
    f.assetTag = asset;
    f.diskModel = t.model;
    f.diskSerial = t.serial;
    f.bus = QStringLiteral("block");
    f.media = QStringLiteral("unknown");
    f.capacityBytes = t.bytesTotal >= 0 ? t.bytesTotal : t.bytesDone;
    f.nativeCapacityBytes = f.capacityBytes;
    f.method = QStringLiteral("clear");
    f.technique = QStringLiteral("overwrite");
    f.pattern = QStringLiteral("zeros");
    f.startedAt = startedAt;
    f.endedAt = endedAt;
    f.bytes = t.bytesDone;
    f.durationMs = int64_t(t.seconds * 1000);
    f.verifyMode = QStringLiteral("full");
    f.verified = t.verified;
    f.verifiedBytes = t.verifiedBytes;
    f.worker = r.worker;
    f.station = r.station;
    f.softwareVersion = r.softwareVersion;
    return signWithStationKey(certificateBody(f), r.stationKeyDir);
}

QJsonObject imagingErasurePayload(const TargetProgress &t, const QJsonObject &certificate, const QString &startedAt,
                                  const QString &endedAt)
{
    return QJsonObject{
        {QStringLiteral("method"), QStringLiteral("clear")},
        {QStringLiteral("device_model"), t.model},
        {QStringLiteral("device_serial"), t.serial},
        {QStringLiteral("bytes"), double(t.bytesDone)},
        {QStringLiteral("verified"), t.verified},
        {QStringLiteral("started_at"), startedAt},
        {QStringLiteral("ended_at"), endedAt},
        {QStringLiteral("certificate"), certificate},
        {QStringLiteral("technique"), QStringLiteral("overwrite")},
        {QStringLiteral("pattern"), QStringLiteral("zeros")},
        {QStringLiteral("verification"), QStringLiteral("full")},
        {QStringLiteral("certificate_id"), certificate.value(QStringLiteral("id")).toString()},
        {QStringLiteral("check_status"), QStringLiteral("to_be_checked")},
    };
}

ImagingRun::ImagingRun(QObject *parent)
    : QObject(parent)
{}

ImagingRun::~ImagingRun() = default;

void ImagingRun::setRecorder(const QStringList &assets, Recorder recorder)
{
    m_assets = assets;
    m_recorder = std::move(recorder);
}

void ImagingRun::start(const ImagingPlan &plan)
{
    if (isRunning())
        return;
    m_plan = plan;
    m_outcome = {};
    m_recordedAssets.clear();
    m_recordErrors.clear();
    m_certificates.clear();
    delete m_job;
    m_job = new ImagingJob(this);
    m_job->setMaster(plan.request.master);
    m_job->setTargets(plan.request.targets);
    m_job->setConfirmSerials(plan.request.serials);
    m_job->setOptions(plan.options);
    SafetyOptions safety;
    safety.blockDeviceOnly = plan.request.blockDevicesOnly;
    safety.serialRequired = plan.request.serialsRequired;
    m_job->setSafety(safety);
    if (m_opener)
        m_job->setTargetOpener(m_opener);
    connect(m_job, &ImagingJob::progress, this, &ImagingRun::progressChanged);
    connect(m_job, &ImagingJob::finished, this, &ImagingRun::jobFinished);
    m_outcome.startedAt = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    m_job->start();
}

void ImagingRun::cancel()
{
    if (m_job)
        m_job->cancel();
}

bool ImagingRun::isRunning() const
{
    return m_job && m_job->state() == ImagingJob::State::Running;
}

std::vector<TargetProgress> ImagingRun::progress() const
{
    return m_job ? m_job->snapshot() : std::vector<TargetProgress>{};
}

void ImagingRun::jobFinished()
{
    m_outcome.endedAt = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    m_outcome.targets = m_job->results();
    m_outcome.masterCheck = m_job->masterCheck();
    if (auto e = m_job->error())
        m_outcome.result = *e;
    bool ok = m_outcome.result.ok() && !m_outcome.targets.empty();
    for (size_t i = 0; i < m_outcome.targets.size(); ++i) {
        const TargetProgress &t = m_outcome.targets[i];
        ok = ok && targetSucceeded(m_plan, t);
        QString recordedOn;
        // A run that wrote something is part of the asset's history, even when it failed.
        if (m_recorder && int(i) < m_assets.size() && (t.bytesDone > 0 || t.phase == TargetProgress::Phase::Done)) {
            auto r
                = m_recorder(m_assets[int(i)], imagingRecordPayload(m_plan, t, m_outcome.startedAt, m_outcome.endedAt));
            if (r) {
                recordedOn = m_assets[int(i)];
            } else {
                m_recordErrors.append(r.error());
                ok = false;
            }
        }
        m_recordedAssets.append(recordedOn);
        const qsizetype errorsBefore = m_recordErrors.size();
        m_certificates.append(certifyErasure(int(i), t));
        ok = ok && m_recordErrors.size() == errorsBefore;
    }
    Q_EMIT finished(ok);
}

QJsonObject ImagingRun::certifyErasure(int index, const TargetProgress &t)
{
    if (!certifiesErasure(m_plan, t))
        return {};
    const QString asset = m_assets.value(index);
    auto certificate = imagingErasureCertificate(m_plan, t, asset, m_outcome.startedAt, m_outcome.endedAt);
    if (!certificate) {
        m_recordErrors.append(certificate.error());
        return {};
    }
    const QString path = m_plan.request.certificatePaths.value(index);
    if (!path.isEmpty()) {
        QSaveFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(QJsonDocument(*certificate).toJson(QJsonDocument::Indented)) < 0
            || !f.commit())
            m_recordErrors.append(
                makeError(ErrorCode::Io,
                          QCoreApplication::translate("Etabli::AppCore::ImagingRun", "cannot write %1: %2")
                              .arg(path, f.errorString())));
    }
    if (m_erasureRecorder && !asset.isEmpty())
        if (auto r
            = m_erasureRecorder(asset, imagingErasurePayload(t, *certificate, m_outcome.startedAt, m_outcome.endedAt));
            !r)
            m_recordErrors.append(r.error());
    return *certificate;
}

} // namespace Etabli::AppCore
