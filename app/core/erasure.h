// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

#include "common/result.h"
#include "imaging/erase.h"
#include "imaging/erasepurge.h"

#include <QJsonObject>
#include <QString>

#include <atomic>
#include <functional>

namespace Etabli::Inventory {
class Store;
}

namespace Etabli::AppCore {

/// What the worker (or a script) asks for.
enum class ErasureMethod {
    Clear, ///< overwrite every sector (NIST SP 800-88 Clear)
    Purge, ///< a firmware sanitize / secure erase the drive offers, then a checkable final overwrite
    Auto, ///< the strongest the drive offers for its media; Clear when it offers nothing usable
};
QString toString(ErasureMethod method);
Result<ErasureMethod> parseErasureMethod(const QString &text);

struct ErasureRequest {
    QString device; ///< a block device, or an existing regular file (tests)
    ErasureMethod method = ErasureMethod::Auto;
    Imaging::ErasePattern pattern = Imaging::ErasePattern::Zeros;
    Imaging::VerifyMode verify = Imaging::VerifyMode::Full;
    QString confirmSerial; ///< must equal the device's serial (block devices)
    bool restoreHiddenAreas = false; ///< the worker confirmed removing an HPA/DCO first
    QString assetTag; ///< when set, erasure.recorded goes on this asset
    QString certificatePath; ///< when set, the signed certificate is written there
    QString stationKeyDir; ///< empty: StationKey::defaultDir()
    QString workshop; ///< the workshop's name on the certificate
    QString station, worker;
    QString softwareVersion;
    uint64_t sampleSeed = 0; ///< 0: fresh
    std::function<void(const QString &phase, const Imaging::EraseProgress &)> progress;
    /// Lines meant for the worker while it runs (the sample plan, the method chosen and why).
    std::function<void(const QString &)> notice;
    const std::atomic<bool> *cancel = nullptr;
    /// The way to the drive's firmware; null: opened from `device` (openPassThrough) for
    /// block devices. Not owned. Lets the helper reuse an open transport and tests replay
    /// recorded drive answers.
    Imaging::PassThrough *transport = nullptr;
    int purgePollMs = 2000;
};

struct ErasureOutcome {
    QString method; ///< "clear" or "purge"
    QString technique; ///< "overwrite", "ata-sanitize-crypto", "nvme-sanitize-block"…
    QString reason; ///< why this method (auto), in the worker's language
    Imaging::EraseResult clear; ///< the overwrite pass (after a purge, the final pass)
    QJsonObject certificate; ///< signed
    QString eventUuid; ///< erasure.recorded, when an asset was given
    bool verified = false;
};

/// Erases `request.device` with every safety check first (imaging/target.h: not the system
/// disk, not mounted, serial confirmed; nothing written before they all passed), records
/// `erasure.recorded` on the asset (when given, with the signed certificate inside) and
/// writes the certificate file. A failed verification is still recorded (verified: false)
/// and certified, so a donor sees the disk was not cleared; the result is then an error
/// with ErrorCode::Corrupt and `outcome` filled. Blocks; the caller's thread owns `store`.
Result<ErasureOutcome> eraseDisk(const ErasureRequest &request, Inventory::Store *store,
                                 ErasureOutcome *outcome = nullptr);

/// The certificate body (unsigned) for one erasure: every field the issue lists. Exposed so
/// that `image write --fill zeros --verify` can certify its erasure too.
struct CertificateFacts {
    QString workshop, donor, lot, assetTag;
    QString diskModel, diskSerial, bus, media;
    int64_t capacityBytes = 0, nativeCapacityBytes = 0;
    QString method, technique, standard;
    QString pattern, patternSeed;
    int passes = 1;
    bool hpaFound = false, dcoFound = false, hiddenRemoved = false;
    int64_t hpaBytes = 0, dcoBytes = 0;
    QString startedAt, endedAt;
    int64_t bytes = 0;
    int64_t durationMs = 0;
    QString verifyMode;
    bool verified = false;
    int64_t verifiedBytes = 0;
    QJsonObject samplePlan; ///< summary (no offsets): seed, rule, counts
    QJsonObject purge; ///< technique details, before/after sample comparison
    QList<QPair<int64_t, QString>> errors;
    QString worker, checker, station, softwareVersion;
};
QJsonObject certificateBody(const CertificateFacts &facts);
/// Signs `body` with the station key in `keyDir` (made on first use). Any thread.
Result<QJsonObject> signWithStationKey(const QJsonObject &body, const QString &keyDir = {});

/// Endorsement at enrolment (issue 15): what a station's sync offers the central server
/// (Sync::SyncConfig::stationPublicKey / installEndorsement). `publicKey` is the station
/// key in `keyDir` (made on first use), empty once the workshop has endorsed it; `install`
/// stores the server's endorsement after checking it is of this key. Any thread.
struct EndorsementOffer {
    QByteArray publicKey;
    std::function<Result<void>(const QJsonObject &endorsement)> install;
};
Result<EndorsementOffer> endorsementOffer(const QString &keyDir = {});

/// One erasure as the station store keeps it (table `erasures`, schema 5).
struct ErasureRecord {
    QString certificateId, assetTag, worker, method, endedAt, checkStatus, checkedBy, checkedAt, eventUuid;
    QString pattern; ///< from the certificate: zeros, random…
    QString deviceSerial; ///< the erased disk's serial: a re-read must find the same
    bool verified = false;
};
/// The erasures still "to be checked" by a second person, oldest first (the supervisor's
/// attention list). The caller's thread owns `store`.
QList<ErasureRecord> uncheckedErasures(Inventory::Store &store);
/// The erasure whose certificate id is `idOrTag`, or the last one of the asset `idOrTag`.
Result<ErasureRecord> findErasure(Inventory::Store &store, const QString &idOrTag);

/// The second-person check: `checker` (a badge, not the worker who erased) confirms the
/// erasure, optionally after re-reading `rereadSectors` seeded random sectors of
/// `rereadDevice` in front of them and finding the pattern written (zeros).
struct ErasureCheckRequest {
    QString certificateOrTag;
    QString checker;
    QString rereadDevice; ///< empty: no re-read
    int rereadSectors = 100;
    uint64_t seed = 0; ///< 0: fresh
};
struct ErasureCheckOutcome {
    ErasureRecord erasure;
    QString eventUuid; ///< erasure.checked
    int rereadSectors = 0;
    uint64_t seed = 0;
    int64_t badOffset = -1; ///< the first re-read sector not as written
};
/// Refuses (nothing recorded) when the erasure is unknown (NotFound), already checked or
/// checked by the worker who did it (Refused, detail same_worker), or when a re-read sector
/// is not as written (Corrupt, the offset in the message and `outcome->badOffset`).
/// Records `erasure.checked` on the asset otherwise. The caller's thread owns `store`.
Result<ErasureCheckOutcome> checkErasure(const ErasureCheckRequest &request, Inventory::Store &store,
                                         ErasureCheckOutcome *outcome = nullptr);

} // namespace Etabli::AppCore
