// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "app/core/erasure.h"

#include "imaging/erasecertificate.h"
#include "imaging/erasepurge.h"
#include "imaging/target.h"
#include "inventory/assettag.h"
#include "inventory/eventtypes.h"
#include "inventory/store.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSaveFile>
#include <QSqlQuery>
#include <QUuid>

#include <algorithm>
#include <cmath>

#include <fcntl.h>
#include <unistd.h>

namespace Etabli::AppCore {

using namespace Etabli::Imaging;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Etabli::AppCore::Erasure", text);
}

QString standardFor(const QString &method)
{
    return method == QLatin1String("purge") ? QStringLiteral("NIST SP 800-88 Rev. 1, Purge")
                                            : QStringLiteral("NIST SP 800-88 Rev. 1, Clear");
}

Result<void> writeCertificate(const QString &path, const QJsonObject &certificate)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return makeError(ErrorCode::Io, tr("cannot write %1: %2").arg(path, f.errorString()));
    f.write(QJsonDocument(certificate).toJson(QJsonDocument::Indented));
    if (!f.commit())
        return makeError(ErrorCode::Io, tr("cannot write %1: %2").arg(path, f.errorString()));
    return {};
}

/// Asks the kernel to read the disk's size again after SET MAX / DCO RESTORE or a Format
/// (SCSI rescan for sd, namespace rescan for NVMe). Best effort: the reopened target's size
/// says whether it worked.
void rescan(const QString &device)
{
    const QString name = QFileInfo(device).canonicalFilePath().section(u'/', -1);
    for (const QString &path : {QStringLiteral("/sys/class/block/%1/device/rescan").arg(name),
                                QStringLiteral("/sys/class/block/%1/device/rescan_controller").arg(name)}) {
        QFile f(path);
        if (f.open(QIODevice::WriteOnly)) {
            f.write("1");
            return;
        }
    }
}

} // namespace

QString toString(ErasureMethod method)
{
    switch (method) {
    case ErasureMethod::Clear:
        return QStringLiteral("clear");
    case ErasureMethod::Purge:
        return QStringLiteral("purge");
    case ErasureMethod::Auto:
        return QStringLiteral("auto");
    }
    return {};
}

Result<ErasureMethod> parseErasureMethod(const QString &text)
{
    if (text == QLatin1String("clear"))
        return ErasureMethod::Clear;
    if (text == QLatin1String("purge"))
        return ErasureMethod::Purge;
    if (text == QLatin1String("auto"))
        return ErasureMethod::Auto;
    return makeError(ErrorCode::InvalidArgument, tr("--method must be clear, purge or auto, not «%1»").arg(text));
}

QJsonObject certificateBody(const CertificateFacts &f)
{
    QJsonArray errors;
    for (const auto &e : f.errors)
        errors.append(QJsonObject{{QStringLiteral("offset"), double(e.first)}, {QStringLiteral("reason"), e.second}});
    const int64_t mibs
        = f.durationMs > 0 ? int64_t(std::llround(double(f.bytes) / 1048576.0 / (double(f.durationMs) / 1000.0))) : 0;
    QJsonObject erasure{
        {QStringLiteral("method"), f.method},
        {QStringLiteral("technique"), f.technique},
        {QStringLiteral("standard"), f.standard.isEmpty() ? standardFor(f.method) : f.standard},
        {QStringLiteral("pattern"), f.pattern},
        {QStringLiteral("passes"), f.passes},
        {QStringLiteral("bytes"), double(f.bytes)},
        {QStringLiteral("started_at"), f.startedAt},
        {QStringLiteral("ended_at"), f.endedAt},
        {QStringLiteral("duration_ms"), double(f.durationMs)},
        {QStringLiteral("throughput_mib_s"), double(mibs)},
    };
    if (!f.patternSeed.isEmpty())
        erasure.insert(QStringLiteral("pattern_seed"), f.patternSeed);
    if (!f.purge.isEmpty())
        erasure.insert(QStringLiteral("purge"), f.purge);
    QJsonObject verification{
        {QStringLiteral("mode"), f.verifyMode},
        {QStringLiteral("result"), f.verified ? QStringLiteral("passed") : QStringLiteral("failed")},
        {QStringLiteral("verified_bytes"), double(f.verifiedBytes)},
        {QStringLiteral("errors"), errors},
    };
    if (!f.samplePlan.isEmpty())
        verification.insert(QStringLiteral("sample_plan"), f.samplePlan);
    return QJsonObject{
        {QStringLiteral("format"), QLatin1String(kCertificateFormat)},
        {QStringLiteral("id"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
        {QStringLiteral("issued_at"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)},
        {QStringLiteral("workshop"), f.workshop},
        {QStringLiteral("donor"), f.donor},
        {QStringLiteral("lot"), f.lot},
        {QStringLiteral("asset_tag"), f.assetTag},
        {QStringLiteral("disk"),
         QJsonObject{{QStringLiteral("model"), f.diskModel},
                     {QStringLiteral("serial"), f.diskSerial},
                     {QStringLiteral("bus"), f.bus},
                     {QStringLiteral("media"), f.media},
                     {QStringLiteral("capacity_bytes"), double(f.capacityBytes)},
                     {QStringLiteral("native_capacity_bytes"), double(f.nativeCapacityBytes)}}},
        {QStringLiteral("hidden_areas"),
         QJsonObject{{QStringLiteral("hpa_found"), f.hpaFound},
                     {QStringLiteral("hpa_bytes"), double(f.hpaBytes)},
                     {QStringLiteral("dco_found"), f.dcoFound},
                     {QStringLiteral("dco_bytes"), double(f.dcoBytes)},
                     {QStringLiteral("removed"), f.hiddenRemoved}}},
        {QStringLiteral("erasure"), erasure},
        {QStringLiteral("verification"), verification},
        {QStringLiteral("worker"), f.worker},
        {QStringLiteral("checker"), f.checker},
        {QStringLiteral("station"), f.station},
        {QStringLiteral("software"),
         QJsonObject{{QStringLiteral("name"), QStringLiteral("etabli")},
                     {QStringLiteral("version"), f.softwareVersion}}},
    };
}

Result<QJsonObject> signWithStationKey(const QJsonObject &body, const QString &keyDir)
{
    auto key = StationKey::loadOrCreate(keyDir.isEmpty() ? StationKey::defaultDir() : keyDir);
    if (!key)
        return key.error();
    return signCertificate(body, *key);
}

Result<EndorsementOffer> endorsementOffer(const QString &keyDir)
{
    const QString dir = keyDir.isEmpty() ? StationKey::defaultDir() : keyDir;
    auto key = StationKey::loadOrCreate(dir);
    if (!key)
        return key.error();
    EndorsementOffer offer;
    if (!key->endorsement.isEmpty())
        return offer;
    offer.publicKey = key->keys.publicKey;
    offer.install = [dir](const QJsonObject &endorsement) -> Result<void> {
        auto k = StationKey::loadOrCreate(dir); // again: another process may have made it meanwhile
        if (!k)
            return k.error();
        return k->installEndorsement(endorsement);
    };
    return offer;
}

Result<ErasureOutcome> eraseDisk(const ErasureRequest &request, Inventory::Store *store, ErasureOutcome *outcomeOut)
{
    ErasureOutcome local;
    ErasureOutcome &outcome = outcomeOut ? *outcomeOut : local;
    auto notice = [&](const QString &line) {
        if (request.notice)
            request.notice(line);
    };

    // 1. Everything that can refuse, before anything is written.
    const QFileInfo info(request.device);
    if (!info.exists())
        return makeError(ErrorCode::NotFound, tr("%1 does not exist").arg(request.device),
                         QStringLiteral("target_missing"));
    CertificateFacts facts;
    facts.workshop = request.workshop;
    facts.station = request.station;
    facts.worker = request.worker;
    facts.softwareVersion = request.softwareVersion;
    if (!request.assetTag.isEmpty()) {
        if (!store)
            return makeError(ErrorCode::InvalidArgument, tr("no inventory to record the erasure in"));
        auto asset = store->asset(request.assetTag);
        if (!asset)
            return asset.error();
        facts.assetTag = asset->tag;
        facts.lot = asset->lot;
        if (!asset->lot.isEmpty())
            if (auto lot = store->lot(asset->lot); lot)
                facts.donor = lot->donor;
    }
    SafetyOptions safety;
    safety.confirmSerial = request.confirmSerial;
    auto opened = DiskTarget::open(request.device, safety);
    if (!opened)
        return opened.error();
    std::unique_ptr<DiskTarget> target = std::move(opened.value());
    facts.diskModel = target->model();
    facts.diskSerial = target->serial();
    facts.capacityBytes = target->size();
    facts.nativeCapacityBytes = target->size();
    facts.bus = target->isBlockDevice() ? QStringLiteral("block") : QStringLiteral("file");
    facts.media = target->isBlockDevice() ? QStringLiteral("unknown") : QStringLiteral("file");

    // 2. What the drive offers (block devices only: a file has no firmware).
    std::unique_ptr<PassThrough> ownTransport;
    PassThrough *transport = request.transport;
    if (!transport && target->isBlockDevice())
        if (auto t = openPassThrough(request.device); t) {
            ownTransport = std::move(t.value());
            transport = ownTransport.get();
        }
    DriveReport drive;
    if (transport)
        if (auto d = probeDrive(*transport); d)
            drive = *d;
    if (drive.known()) {
        facts.bus = drive.bus;
        facts.media = drive.media;
        if (!drive.model.isEmpty())
            facts.diskModel = drive.model;
        if (!drive.serial.isEmpty())
            facts.diskSerial = drive.serial;
        facts.nativeCapacityBytes = std::max<int64_t>(drive.nativeBytes, facts.capacityBytes);
        facts.hpaFound = drive.hpaBytes > 0;
        facts.hpaBytes = drive.hpaBytes;
        facts.dcoFound = drive.dcoBytes > 0;
        facts.dcoBytes = drive.dcoBytes;
        for (const QString &line : drive.notes)
            notice(line);
    }
    if ((facts.hpaFound || facts.dcoFound) && !request.restoreHiddenAreas)
        return makeError(ErrorCode::Refused,
                         tr("%1 hides %2 bytes (HPA/DCO): confirm restoring its native size (--restore-hidden) before"
                            " erasing, or it would keep data there")
                             .arg(request.device)
                             .arg(facts.hpaBytes + facts.dcoBytes),
                         QStringLiteral("hidden_area"));

    const PurgeChoice choice = choosePurge(drive, request.method == ErasureMethod::Purge);
    if (request.method == ErasureMethod::Purge && choice.technique == PurgeTechnique::None)
        return makeError(ErrorCode::Unsupported, tr("%1 offers no usable purge: %2").arg(request.device, choice.reason),
                         QStringLiteral("purge_unsupported"));
    const bool purge = request.method != ErasureMethod::Clear && choice.technique != PurgeTechnique::None;
    outcome.method = purge ? QStringLiteral("purge") : QStringLiteral("clear");
    outcome.technique = purge ? toString(choice.technique) : QStringLiteral("overwrite");
    outcome.reason = request.method == ErasureMethod::Clear ? tr("Clear was asked for") : choice.reason;
    notice(tr("method: %1 (%2): %3").arg(outcome.method, outcome.technique, outcome.reason));

    // 3. Hidden areas back to the native size (the worker confirmed it).
    if ((facts.hpaFound || facts.dcoFound) && transport) {
        if (auto r = restoreNativeSize(*transport, drive); !r)
            return r.error();
        facts.hiddenRemoved = true;
        // The kernel must see the new size before the overwrite covers it.
        target.reset();
        rescan(request.device);
        auto again = DiskTarget::open(request.device, safety);
        if (!again)
            return again.error();
        target = std::move(again.value());
        facts.capacityBytes = target->size();
    }

    const QString started = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    const auto t0 = std::chrono::steady_clock::now();
    EraseOptions options;
    options.pattern = request.pattern;
    options.verify = request.verify;
    options.sampleSeed = request.sampleSeed;
    while (options.sampleSeed == 0)
        options.sampleSeed = QRandomGenerator::system()->generate64();

    // 4. Purge: samples before, the firmware command, samples after, then the final pass.
    if (purge) {
        const SamplePlan plan = SamplePlan::make(target->size(), options.sampleSeed);
        auto before = readSamples(*target, plan.offsets, plan.blockBytes);
        if (!before)
            return before.error();
        auto done = runPurge(
            *transport, drive, choice.technique,
            [&](double fraction) {
                if (request.progress) {
                    EraseProgress p;
                    p.bytesTotal = 1000;
                    p.bytesDone = int64_t(fraction * 1000);
                    request.progress(QStringLiteral("purging"), p);
                }
                return !(request.cancel && *request.cancel);
            },
            request.purgePollMs);
        if (!done)
            return done.error();
        target.reset();
        rescan(request.device);
        auto again = DiskTarget::open(request.device, safety);
        if (!again)
            return again.error();
        target = std::move(again.value());
        auto after = readSamples(*target, plan.offsets, plan.blockBytes);
        if (!after)
            return after.error();
        const double changed = changedFraction(*before, *after, plan.blockBytes);
        facts.purge = QJsonObject{{QStringLiteral("technique"), toString(choice.technique)},
                                  {QStringLiteral("command"), done->command},
                                  {QStringLiteral("sample_blocks"), int(plan.offsets.size())},
                                  {QStringLiteral("sample_seed"), QString::number(plan.seed)},
                                  {QStringLiteral("changed_permille"), int(std::lround(changed * 1000))}};
        notice(tr("purge done; %1 % of the sampled blocks changed").arg(changed * 100, 0, 'f', 1));
        if (changed == 0)
            notice(tr("warning: no sampled block changed: the drive may not have erased anything; the overwrite"
                      " pass that follows clears it anyway"));
        facts.passes = 2;
    }

    // 5. The overwrite (Clear, or the final pass that makes a purge checkable).
    Eraser *running = nullptr;
    options.progress = [&](const EraseProgress &p) {
        if (request.cancel && *request.cancel && running)
            running->cancel();
        if (request.progress)
            request.progress(toString(p.phase), p);
    };
    Eraser eraser(*target, options);
    running = &eraser;
    if (options.verify == VerifyMode::Sample)
        notice(tr("sample plan: %1").arg(SamplePlan::make(target->size(), options.sampleSeed).describe()));
    auto ran = eraser.run();
    outcome.clear = eraser.result();
    if (!ran && ran.error().code != ErrorCode::Corrupt)
        return ran.error(); // cancelled or a write error: nothing to certify as erased
    outcome.verified = ran.ok() && outcome.clear.verified;

    // 6. Certificate and record.
    facts.method = outcome.method;
    facts.technique = outcome.technique;
    facts.pattern = toString(request.pattern);
    facts.patternSeed = outcome.clear.patternSeedHex;
    facts.startedAt = started;
    facts.endedAt = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    facts.durationMs
        = int64_t(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
    facts.bytes = outcome.clear.bytes;
    facts.verifyMode = toString(request.verify);
    facts.verified = outcome.verified;
    facts.verifiedBytes = outcome.clear.verifiedBytes;
    if (request.verify == VerifyMode::Sample) {
        // Integers only in a signed document (see canonicalJson).
        facts.samplePlan = outcome.clear.plan.toJson(false);
        facts.samplePlan.remove(QStringLiteral("percent_sampled"));
        facts.samplePlan.insert(QStringLiteral("percent_requested"), int(std::lround(outcome.clear.plan.percent)));
        facts.samplePlan.insert(QStringLiteral("sampled_permille"),
                                double(outcome.clear.plan.sampledBytes() * 1000 / std::max<int64_t>(1, facts.bytes)));
    }
    for (const BadSector &b : outcome.clear.badSectors)
        facts.errors.append({b.offset, b.reason});
    auto signedCert = signWithStationKey(certificateBody(facts), request.stationKeyDir);
    if (!signedCert)
        return signedCert.error();
    outcome.certificate = *signedCert;
    if (!request.certificatePath.isEmpty())
        if (auto w = writeCertificate(request.certificatePath, outcome.certificate); !w)
            return w.error();
    if (!facts.assetTag.isEmpty()) {
        const QJsonObject payload{
            {QStringLiteral("method"), outcome.method},
            {QStringLiteral("device_model"), facts.diskModel},
            {QStringLiteral("device_serial"), facts.diskSerial},
            {QStringLiteral("bytes"), double(facts.bytes)},
            {QStringLiteral("verified"), outcome.verified},
            {QStringLiteral("started_at"), facts.startedAt},
            {QStringLiteral("ended_at"), facts.endedAt},
            {QStringLiteral("certificate"), outcome.certificate},
            {QStringLiteral("technique"), outcome.technique},
            {QStringLiteral("pattern"), facts.pattern},
            {QStringLiteral("verification"), facts.verifyMode},
            {QStringLiteral("certificate_id"), outcome.certificate.value(QStringLiteral("id")).toString()},
            {QStringLiteral("check_status"), QStringLiteral("to_be_checked")},
        };
        auto recorded = store->record(QString(Inventory::EventType::ErasureRecorded), facts.assetTag, payload);
        if (!recorded)
            return recorded.error();
        outcome.eventUuid = recorded->uuid;
    }
    if (!ran)
        return ran.error();
    return outcome;
}

namespace {

const char *const kErasureColumns
    = "SELECT x.certificate_id, a.tag, x.worker, x.method, x.ended_at, x.check_status, x.checked_by, x.checked_at,"
      " x.event_uuid, coalesce(json_extract(x.certificate, '$.erasure.pattern'), ''), x.verified, x.device_serial"
      " FROM erasures x JOIN assets a ON a.id = x.asset_id ";

QList<ErasureRecord> erasureRows(Inventory::Store &store, const QString &where, const QVariantList &binds)
{
    QSqlQuery q(store.database());
    q.prepare(QString::fromLatin1(kErasureColumns) + where);
    for (const QVariant &b : binds)
        q.addBindValue(b);
    QList<ErasureRecord> out;
    if (!q.exec())
        return out;
    while (q.next()) {
        ErasureRecord r;
        r.certificateId = q.value(0).toString();
        r.assetTag = q.value(1).toString();
        r.worker = q.value(2).toString();
        r.method = q.value(3).toString();
        r.endedAt = q.value(4).toString();
        r.checkStatus = q.value(5).toString();
        r.checkedBy = q.value(6).toString();
        r.checkedAt = q.value(7).toString();
        r.eventUuid = q.value(8).toString();
        r.pattern = q.value(9).toString();
        r.verified = q.value(10).toInt() != 0;
        r.deviceSerial = q.value(11).toString();
        out << r;
    }
    return out;
}

/// Reads `count` seeded random sectors of `device` and returns the offset of the first one
/// that is not zeros, -1 when all are.
Result<int64_t> rereadZeros(const QString &device, int count, uint64_t seed, int *read)
{
    constexpr int64_t kSector = 512;
    const int fd = ::open(QFile::encodeName(device).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return makeError(ErrorCode::Io, tr("cannot read %1: %2").arg(device, QString::fromLocal8Bit(strerror(errno))));
    const int64_t size = ::lseek(fd, 0, SEEK_END);
    const int64_t sectors = size > 0 ? size / kSector : 0;
    if (sectors == 0) {
        ::close(fd);
        return makeError(ErrorCode::InvalidArgument, tr("%1 is empty: nothing to re-read").arg(device));
    }
    std::vector<int64_t> picks;
    if (sectors <= count) {
        for (int64_t s = 0; s < sectors; ++s)
            picks.push_back(s);
    } else {
        QRandomGenerator64 rng(seed);
        while (int(picks.size()) < count) {
            const int64_t s = int64_t(rng.bounded(quint64(sectors)));
            if (std::find(picks.begin(), picks.end(), s) == picks.end())
                picks.push_back(s);
        }
        std::sort(picks.begin(), picks.end());
    }
    QByteArray buffer(int(kSector), Qt::Uninitialized);
    *read = 0;
    for (int64_t s : picks) {
        const ssize_t n = ::pread(fd, buffer.data(), size_t(kSector), s * kSector);
        if (n != ssize_t(kSector)) {
            ::close(fd);
            return makeError(ErrorCode::Io, tr("cannot read %1 at offset %2").arg(device).arg(s * kSector));
        }
        ++*read;
        if (buffer.count('\0') != kSector) {
            ::close(fd);
            return s * kSector;
        }
    }
    ::close(fd);
    return int64_t(-1);
}

} // namespace

QList<ErasureRecord> uncheckedErasures(Inventory::Store &store)
{
    return erasureRows(store, QStringLiteral("WHERE x.check_status = 'to_be_checked' ORDER BY x.id"), {});
}

Result<ErasureRecord> findErasure(Inventory::Store &store, const QString &idOrTag)
{
    auto rows = erasureRows(store, QStringLiteral("WHERE x.certificate_id = ? ORDER BY x.id DESC LIMIT 1"),
                            {idOrTag.trimmed()});
    if (rows.isEmpty())
        if (auto tag = Inventory::AssetTag::parse(idOrTag.trimmed()); tag)
            rows = erasureRows(store, QStringLiteral("WHERE a.tag = ? ORDER BY x.id DESC LIMIT 1"), {*tag});
    if (rows.isEmpty())
        return makeError(ErrorCode::NotFound, tr("no erasure with the certificate or asset «%1»").arg(idOrTag),
                         QStringLiteral("unknown_erasure"));
    return rows.first();
}

Result<ErasureCheckOutcome> checkErasure(const ErasureCheckRequest &request, Inventory::Store &store,
                                         ErasureCheckOutcome *outcomeOut)
{
    ErasureCheckOutcome local;
    ErasureCheckOutcome &outcome = outcomeOut ? *outcomeOut : local;
    const QString checker = request.checker.trimmed();
    if (checker.isEmpty())
        return makeError(ErrorCode::InvalidArgument, tr("give the checker's badge (--checker)"));
    auto found = findErasure(store, request.certificateOrTag);
    if (!found)
        return found.error();
    outcome.erasure = *found;
    const ErasureRecord &e = outcome.erasure;
    if (e.certificateId.isEmpty())
        return makeError(ErrorCode::Refused, tr("the erasure of %1 has no certificate to check").arg(e.assetTag),
                         QStringLiteral("no_certificate"));
    if (e.checkStatus == QLatin1String("checked"))
        return makeError(ErrorCode::Refused,
                         tr("the erasure %1 was already checked by %2").arg(e.certificateId, e.checkedBy),
                         QStringLiteral("already_checked"));
    if (checker == e.worker)
        return makeError(ErrorCode::Refused, tr("%1 did this erasure: a different worker must check it").arg(checker),
                         QStringLiteral("same_worker"));
    if (!request.rereadDevice.isEmpty()) {
        if (e.pattern != QLatin1String("zeros"))
            return makeError(
                ErrorCode::Unsupported,
                tr("the erasure %1 wrote the pattern «%2»: only zeros can be re-read").arg(e.certificateId, e.pattern),
                QStringLiteral("reread_pattern"));
        // A disk re-read must be the one erased: its serial, and not mounted.
        if (QFileInfo(request.rereadDevice).exists() && !QFileInfo(request.rereadDevice).isFile()
            && !e.deviceSerial.isEmpty()) {
            SafetyOptions safety;
            safety.confirmSerial = e.deviceSerial;
            safety.blockDeviceOnly = true;
            if (auto safe = checkTargetSafety(request.rereadDevice, safety); !safe)
                return safe.error();
        }
        outcome.seed = request.seed;
        while (outcome.seed == 0)
            outcome.seed = QRandomGenerator::system()->generate64() & ((1ULL << 53) - 1); // exact in JSON
        auto bad = rereadZeros(request.rereadDevice, std::max(1, request.rereadSectors), outcome.seed,
                               &outcome.rereadSectors);
        if (!bad)
            return bad.error();
        if (*bad >= 0) {
            outcome.badOffset = *bad;
            return makeError(ErrorCode::Corrupt,
                             tr("the sector at offset %1 of %2 is not zeros: the erasure is not confirmed")
                                 .arg(*bad)
                                 .arg(request.rereadDevice),
                             QStringLiteral("reread_failed"));
        }
    }
    QJsonObject payload{{QStringLiteral("certificate_id"), e.certificateId},
                        {QStringLiteral("checker"), checker},
                        {QStringLiteral("erased_by"), e.worker}};
    if (!request.rereadDevice.isEmpty()) {
        payload.insert(QStringLiteral("reread_sectors"), outcome.rereadSectors);
        payload.insert(QStringLiteral("reread_ok"), true);
        if (outcome.seed < (1ULL << 53)) // a JSON integer stays exact up to 2^53
            payload.insert(QStringLiteral("reread_seed"), double(outcome.seed));
    }
    auto recorded = store.record(QString(Inventory::EventType::ErasureChecked), e.assetTag, payload);
    if (!recorded)
        return recorded.error();
    outcome.eventUuid = recorded->uuid;
    return outcome;
}

} // namespace Etabli::AppCore
