// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

#include "common/result.h"
#include "imaging/imagingjob.h"
#include "imaging/manifest.h"
#include "imaging/writer.h"

#include <QJsonObject>
#include <QObject>
#include <QStringList>

#include <functional>
#include <vector>

namespace Etabli::AppCore {

/// What a face asks for when it writes a master: the CLI's options, the station's choices
/// and the helper's request line all become one of these.
struct ImagingRequest {
    QString master; ///< a file, or "-" for a raw stream on stdin (then `manifestPath` is needed)
    QStringList targets;
    QStringList serials; ///< empty, or one per target (same order) that the device must report
    QString manifestPath; ///< empty: MASTER.manifest.json
    QString publicKeyPath; ///< empty: defaultPublicKey()
    bool allowUnsigned = false; ///< accept a missing or unsigned manifest (tests; said loudly)
    Imaging::Fill fill = Imaging::Fill::Zeros;
    bool verify = false;
    int threads = 0;
    bool journal = true; ///< false: no resume journal
    QString journalDir; ///< empty: defaultJournalDir()
    QString sealDir; ///< empty: no seal (every range checked by SHA-256, nothing recorded)
    /// Extra safety the helper insists on: only block devices, and a serial for each.
    bool blockDevicesOnly = false;
    bool serialsRequired = false;
    /// A zero fill read back in full on a whole disk is that disk's Clear erasure
    /// (certifiesErasure): its certificate is signed with the station key in `stationKeyDir`
    /// (empty: StationKey::defaultDir()) and written to `certificatePaths` (empty, or one per
    /// target, same order; an empty entry writes none).
    QStringList certificatePaths;
    QString stationKeyDir;
    QString workshop, station, worker, softwareVersion;
    /// An http(s):// master (etabli-server --masters): token, CA, patience.
    Imaging::RemoteOptions remote;
};

/// A request checked against the workshop's policy, ready to run.
struct ImagingPlan {
    ImagingRequest request;
    Imaging::WriteOptions options;
    bool manifestSigned = false;
    QString masterName, masterVersion;
    int64_t size = -1; ///< the master's disk size (-1: a stream without manifest)
    /// What the face must say loudly (an unsigned master accepted with allowUnsigned…).
    QStringList warnings;
};

/// The public key masters are checked against: $ETABLI_MASTER_PUBKEY, else /etc/etabli/master.pub.
QString defaultPublicKey();
/// Where resume journals live: $ETABLI_JOURNAL_DIR, else the user's data dir.
QString defaultJournalDir();

/// The manifest of `master` checked by the workshop's policy: a signed manifest must
/// verify against the trusted key (`publicKeyPath`, empty: defaultPublicKey()); a missing
/// or unsigned one is accepted only with `allowUnsigned`, and `warnings` then says so.
/// A bad signature is never accepted. Any thread.
Result<std::optional<Imaging::Manifest>> trustedManifest(const QString &master, const QString &manifestPath,
                                                         const QString &publicKeyPath, bool allowUnsigned,
                                                         bool &isSigned, QStringList &warnings,
                                                         const Imaging::RemoteOptions &remote = {});

/// Loads and checks the manifest of the master by the workshop's policy (a signed
/// manifest must verify against the trusted key; a missing or unsigned one only with
/// allowUnsigned), ties the resume journal to the master, and fills the write options.
/// Opens no target. Any thread.
/// `warnings`, when given, receives the plan's warnings even when planning fails.
Result<ImagingPlan> planImaging(const ImagingRequest &request, QStringList *warnings = nullptr);

/// "block" for a disk, "file" for a regular file (or /dev/null): what `target_kind` says.
QString targetKind(const Imaging::TargetProgress &target);
/// True when the target was written to the end (and verified when asked).
bool targetSucceeded(const ImagingPlan &plan, const Imaging::TargetProgress &target);
/// The payload of `imaging.recorded` for one target (keys in imaging/README.md).
QJsonObject imagingRecordPayload(const ImagingPlan &plan, const Imaging::TargetProgress &target,
                                 const QString &startedAt, const QString &endedAt);

/// The size of the block device `device` in bytes (sysfs), -1 when unknown.
int64_t blockDeviceBytes(const QString &device);
/// True when writing `target` also erased it as NIST Clear: a block device, zero fill,
/// every range read back, and the master covered the whole disk (`diskBytes`, -1: ask sysfs).
/// Never a regular file.
bool certifiesErasure(const ImagingPlan &plan, const Imaging::TargetProgress &target, int64_t diskBytes = -1);
/// The signed certificate of that erasure (method clear, technique overwrite, pattern zeros,
/// verification full), on `asset` when given.
Result<QJsonObject> imagingErasureCertificate(const ImagingPlan &plan, const Imaging::TargetProgress &target,
                                              const QString &asset, const QString &startedAt, const QString &endedAt);
/// The payload of `erasure.recorded` for that certificate (check_status: to_be_checked).
QJsonObject imagingErasurePayload(const Imaging::TargetProgress &target, const QJsonObject &certificate,
                                  const QString &startedAt, const QString &endedAt);

/// How one run ended, for every target.
struct ImagingOutcome {
    /// Why the run failed as a whole (a target refused before anything was written, a
    /// damaged master, every target failed); ok() when at least one target finished.
    Result<void> result;
    std::vector<Imaging::TargetProgress> targets; ///< empty when nothing was written at all
    QString masterCheck; ///< "sha256", "seal" or "none"
    QString startedAt, endedAt; ///< ISO 8601, UTC
};

/// The use-case "write a master and record it": runs an ImagingJob for a plan, then
/// records `imaging.recorded` on the asset of each target that was written (when a
/// recorder is given). Lives in the thread that owns it (the UI or the CLI's main
/// thread) and needs its event loop; the writing itself runs on the job's thread.
class ImagingRun : public QObject
{
    Q_OBJECT
public:
    /// Records one event; returns why it could not.
    using Recorder = std::function<Result<void>(const QString &asset, const QJsonObject &payload)>;

    explicit ImagingRun(QObject *parent = nullptr);
    ~ImagingRun() override;

    /// Tests and benchmarks wrap the opened disks here (e.g. a slowed target).
    void setTargetOpener(Imaging::ImagingJob::TargetOpener opener) { m_opener = std::move(opener); }
    /// `assets` empty or one per target; recorder called once finished, on this thread.
    void setRecorder(const QStringList &assets, Recorder recorder);
    /// Records `erasure.recorded` for each target the run also erased (certifiesErasure),
    /// after its `imaging.recorded`, on the same asset.
    void setErasureRecorder(Recorder recorder) { m_erasureRecorder = std::move(recorder); }

    void start(const ImagingPlan &plan);
    void cancel();
    bool isRunning() const;
    /// A snapshot of every target's progress while running (empty before the targets are open).
    std::vector<Imaging::TargetProgress> progress() const;
    const ImagingPlan &plan() const { return m_plan; }
    const ImagingOutcome &outcome() const { return m_outcome; }
    /// Per target: the asset recorded on, or why recording failed (empty when not asked).
    const QStringList &recordedAssets() const { return m_recordedAssets; }
    const QList<Error> &recordErrors() const { return m_recordErrors; }
    /// Per target: the signed erasure certificate, empty when the run was no erasure of it.
    const QList<QJsonObject> &certificates() const { return m_certificates; }

Q_SIGNALS:
    void progressChanged(int target, qint64 bytesDone, qint64 bytesTotal, double mibPerSecond, double etaSeconds,
                         const QString &phase);
    /// Emitted once, after recording. `ok` when every target succeeded and was recorded.
    void finished(bool ok);

private:
    void jobFinished();
    QJsonObject certifyErasure(int index, const Imaging::TargetProgress &target);

    ImagingPlan m_plan;
    ImagingOutcome m_outcome;
    Imaging::ImagingJob *m_job = nullptr;
    Imaging::ImagingJob::TargetOpener m_opener;
    QStringList m_assets;
    Recorder m_recorder;
    Recorder m_erasureRecorder;
    QList<QJsonObject> m_certificates;
    QStringList m_recordedAssets;
    QList<Error> m_recordErrors;
};

} // namespace Etabli::AppCore
