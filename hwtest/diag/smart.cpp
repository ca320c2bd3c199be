// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "hwtest/diag/smart.h"

#include "hwtest/diag/toolrunner.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <atasmart.h>

#include <cerrno>
#include <cstring>

namespace Etabli::HwTest {

namespace {

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString().trimmed();
}

std::optional<qint64> integer(const QJsonValue &v)
{
    if (v.isDouble())
        return static_cast<qint64>(v.toDouble());
    if (v.isString()) {
        bool ok = false;
        const qint64 n = v.toString().trimmed().toLongLong(&ok);
        if (ok)
            return n;
    }
    return std::nullopt;
}

// Attributes whose raw value is a count of sectors or errors: vendors pack other
// data in the upper 16 bits of the 48-bit raw, so only the low 32 bits are the count.
bool isCountAttribute(int id)
{
    return id == 5 || id == 196 || id == 197 || id == 198 || id == 187;
}

qint64 decodeRaw(int id, qint64 raw48, const QString &rawString)
{
    // smartctl already applied its drive database to the string: "12", "0 (x y)", "4/5"…
    static const QRegularExpression leading(QStringLiteral("^\\s*(\\d+)(\\s|$|\\()"));
    const auto m = leading.match(rawString);
    if (m.hasMatch() && isCountAttribute(id))
        return std::min<qint64>(m.captured(1).toLongLong(), raw48 >= 0 ? (raw48 & 0xffffffffLL) : LLONG_MAX);
    if (raw48 < 0)
        return -1;
    return isCountAttribute(id) ? (raw48 & 0xffffffffLL) : raw48;
}

void fillCounts(SmartReport &r)
{
    auto count = [&r](int id) -> std::optional<qint64> {
        const SmartAttribute *a = r.attribute(id);
        if (!a || a->raw < 0)
            return std::nullopt;
        return a->raw;
    };
    r.reallocated = count(5);
    r.pending = count(197);
    r.offlineUncorrectable = count(198);
    r.reportedUncorrect = count(187);
}

SmartReport fromSmartctl(const QJsonObject &o)
{
    SmartReport r;
    r.source = QStringLiteral("smartctl-json");
    const QJsonObject device = o.value(QLatin1String("device")).toObject();
    r.device = str(device, "name");
    r.protocol = str(device, "protocol");
    if (r.protocol.isEmpty()) // smartctl < 7.0 had only the type
        r.protocol
            = str(device, "type").toUpper() == QLatin1String("NVME") ? QStringLiteral("NVMe") : QStringLiteral("ATA");
    r.model = str(o, "model_name");
    if (r.model.isEmpty())
        r.model = str(o, "scsi_model_name");
    if (r.model.isEmpty())
        r.model = QStringList{str(o, "scsi_vendor"), str(o, "scsi_product")}.join(u' ').trimmed();
    r.serial = str(o, "serial_number");
    r.firmware = str(o, "firmware_version");
    if (r.firmware.isEmpty())
        r.firmware = str(o, "scsi_revision");

    const QJsonValue passed = o.value(QLatin1String("smart_status")).toObject().value(QLatin1String("passed"));
    if (passed.isBool())
        r.overallPassed = passed.toBool();
    const QJsonValue poh = o.value(QLatin1String("power_on_time")).toObject().value(QLatin1String("hours"));
    if (auto h = integer(poh))
        r.powerOnHours = *h;
    if (auto t = integer(o.value(QLatin1String("temperature")).toObject().value(QLatin1String("current"))))
        r.temperatureC = int(*t);

    const QJsonArray table
        = o.value(QLatin1String("ata_smart_attributes")).toObject().value(QLatin1String("table")).toArray();
    for (const QJsonValue &v : table) {
        const QJsonObject a = v.toObject();
        SmartAttribute attr;
        attr.id = a.value(QLatin1String("id")).toInt();
        attr.name = str(a, "name");
        attr.value = a.value(QLatin1String("value")).toInt(-1);
        attr.worst = a.value(QLatin1String("worst")).toInt(-1);
        attr.threshold = a.value(QLatin1String("thresh")).toInt(-1);
        attr.prefailure = a.value(QLatin1String("flags")).toObject().value(QLatin1String("prefailure")).toBool();
        const QJsonObject raw = a.value(QLatin1String("raw")).toObject();
        attr.rawString = str(raw, "string");
        attr.raw = decodeRaw(attr.id, integer(raw.value(QLatin1String("value"))).value_or(-1), attr.rawString);
        const QString when = str(a, "when_failed");
        // smartctl writes "now", "past" (7.x) or "In_the_past" (old text output)
        attr.failingNow = when == QLatin1String("now");
        attr.failedInPast = !when.isEmpty() && !attr.failingNow && when != QLatin1String("-");
        // Recompute in case an older smartctl left when_failed out.
        if (attr.threshold > 0 && attr.value >= 0 && attr.value <= attr.threshold)
            attr.failingNow = true;
        r.attributes.append(attr);
    }
    fillCounts(r);

    const QJsonArray selfTests = o.value(QLatin1String("ata_smart_self_test_log"))
                                     .toObject()
                                     .value(QLatin1String("standard"))
                                     .toObject()
                                     .value(QLatin1String("table"))
                                     .toArray();
    for (const QJsonValue &v : selfTests) {
        const QString s
            = v.toObject().value(QLatin1String("status")).toObject().value(QLatin1String("string")).toString();
        if (s.contains(QLatin1String("read failure"), Qt::CaseInsensitive))
            r.selfTestReadFailure = true;
    }

    const QJsonObject nvme = o.value(QLatin1String("nvme_smart_health_information_log")).toObject();
    if (!nvme.isEmpty()) {
        r.protocol = QStringLiteral("NVMe");
        auto i = [&nvme](const char *k) { return integer(nvme.value(QLatin1String(k))); };
        if (auto v = i("critical_warning"))
            r.nvmeCriticalWarning = int(*v);
        if (auto v = i("available_spare"))
            r.nvmeAvailableSpare = int(*v);
        if (auto v = i("available_spare_threshold"))
            r.nvmeSpareThreshold = int(*v);
        if (auto v = i("percentage_used"))
            r.nvmePercentageUsed = int(*v);
        r.nvmeMediaErrors = i("media_errors");
        if (!r.powerOnHours)
            r.powerOnHours = i("power_on_hours");
        if (!r.temperatureC)
            if (auto v = i("temperature"))
                r.temperatureC = int(*v);
    }

    const QJsonObject scsiLog = o.value(QLatin1String("scsi_error_counter_log")).toObject();
    if (o.contains(QLatin1String("scsi_grown_defect_list")))
        r.scsiGrownDefects = integer(o.value(QLatin1String("scsi_grown_defect_list")));
    if (!scsiLog.isEmpty()) {
        r.scsiUncorrectedRead
            = integer(scsiLog.value(QLatin1String("read")).toObject().value(QLatin1String("total_uncorrected_errors")));
        r.scsiUncorrectedWrite = integer(
            scsiLog.value(QLatin1String("write")).toObject().value(QLatin1String("total_uncorrected_errors")));
    }
    return r;
}

QString cString(const char *s)
{
    return s ? QString::fromUtf8(s).trimmed() : QString();
}

void collectAttribute(SkDisk *, const SkSmartAttributeParsedData *a, void *userdata)
{
    auto *r = static_cast<SmartReport *>(userdata);
    SmartAttribute attr;
    attr.id = a->id;
    attr.name = cString(a->name);
    attr.value = a->current_value_valid ? a->current_value : -1;
    attr.worst = a->worst_value_valid ? a->worst_value : -1;
    attr.threshold = a->threshold_valid ? a->threshold : -1;
    attr.prefailure = a->prefailure;
    qint64 raw48 = 0;
    for (int i = 5; i >= 0; --i)
        raw48 = (raw48 << 8) | a->raw[i];
    if (a->pretty_unit == SK_SMART_ATTRIBUTE_UNIT_SECTORS)
        attr.raw = qint64(a->pretty_value); // libatasmart already decoded the vendor packing
    else if (isCountAttribute(attr.id) && attr.name.startsWith(QLatin1String("attribute-")))
        attr.raw = -1; // libatasmart's quirk table says this firmware uses the id for something else
    else
        attr.raw = isCountAttribute(attr.id) ? (raw48 & 0xffffffffLL) : raw48;
    attr.rawString = QString::number(attr.raw);
    attr.failingNow = a->good_now_valid && !a->good_now;
    attr.failedInPast = a->good_in_the_past_valid && !a->good_in_the_past;
    r->attributes.append(attr);
}

/// Everything after sk_disk_open: identify, status, attributes, overall.
Result<SmartReport> readAtasmart(SkDisk *d, const QString &source)
{
    SmartReport r;
    r.source = source;
    r.protocol = QStringLiteral("ATA");
    SkBool available = false;
    if (sk_disk_identify_is_available(d, &available) == 0 && available) {
        const SkIdentifyParsedData *id = nullptr;
        if (sk_disk_identify_parse(d, &id) == 0 && id) {
            r.model = cString(id->model);
            r.serial = cString(id->serial);
            r.firmware = cString(id->firmware);
        }
    }
    if (sk_disk_smart_is_available(d, &available) < 0 || !available)
        return makeError(ErrorCode::Unsupported,
                         QCoreApplication::translate("Smart", "the disk reports no SMART support"));
    SkBool good = true;
    if (sk_disk_smart_status(d, &good) == 0)
        r.overallPassed = bool(good);
    if (sk_disk_smart_parse_attributes(d, collectAttribute, &r) < 0)
        return makeError(ErrorCode::Corrupt,
                         QCoreApplication::translate("Smart", "libatasmart cannot parse the SMART attributes: %1")
                             .arg(QString::fromLocal8Bit(std::strerror(errno))));
    uint64_t ms = 0, mkelvin = 0;
    if (sk_disk_smart_get_power_on(d, &ms) == 0)
        r.powerOnHours = qint64(ms / 3600000ULL);
    if (sk_disk_smart_get_temperature(d, &mkelvin) == 0)
        r.temperatureC = int((qint64(mkelvin) - 273150) / 1000);
    SkSmartOverall overall;
    if (sk_disk_smart_get_overall(d, &overall) == 0)
        r.atasmartOverall = int(overall);
    fillCounts(r);
    return r;
}

} // namespace

const SmartAttribute *SmartReport::attribute(int id) const
{
    for (const SmartAttribute &a : attributes) {
        if (a.id == id)
            return &a;
    }
    return nullptr;
}

Result<QList<SmartReport>> parseSmartctlJson(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (doc.isNull())
        return makeError(ErrorCode::Corrupt,
                         QCoreApplication::translate("Smart", "not JSON: %1 at offset %2")
                             .arg(error.errorString())
                             .arg(error.offset));
    QJsonArray items;
    if (doc.isArray())
        items = doc.array();
    else
        items.append(doc.object());
    QList<SmartReport> reports;
    for (const QJsonValue &v : items) {
        const QJsonObject o = v.toObject();
        if (!o.contains(QLatin1String("smartctl")) && !o.contains(QLatin1String("device")))
            return makeError(
                ErrorCode::Corrupt,
                QCoreApplication::translate("Smart", "item %1 is not a smartctl -j output").arg(reports.size()));
        reports.append(fromSmartctl(o));
    }
    if (reports.isEmpty())
        return makeError(ErrorCode::Corrupt, QCoreApplication::translate("Smart", "no smartctl output in the file"));
    return reports;
}

Result<SmartReport> parseAtasmartBlob(const QByteArray &blob)
{
    SkDisk *d = nullptr;
    if (sk_disk_open(nullptr, &d) < 0)
        return makeError(ErrorCode::Internal,
                         QCoreApplication::translate("Smart", "libatasmart cannot create a blob disk"));
    if (sk_disk_set_blob(d, blob.constData(), size_t(blob.size())) < 0) {
        sk_disk_free(d);
        return makeError(ErrorCode::Corrupt,
                         QCoreApplication::translate("Smart", "not a libatasmart blob (%1 bytes)").arg(blob.size()));
    }
    auto r = readAtasmart(d, QStringLiteral("atasmart-blob"));
    sk_disk_free(d);
    return r;
}

Result<SmartReport> readAtasmartDevice(const QString &device)
{
    SkDisk *d = nullptr;
    if (sk_disk_open(QFile::encodeName(device).constData(), &d) < 0)
        return makeError(ErrorCode::Io,
                         QCoreApplication::translate("Smart", "cannot open %1 with libatasmart: %2")
                             .arg(device, QString::fromLocal8Bit(std::strerror(errno))));
    if (sk_disk_smart_read_data(d) < 0) {
        const int e = errno;
        sk_disk_free(d);
        return makeError(ErrorCode::Unsupported,
                         QCoreApplication::translate("Smart", "%1 does not answer ATA SMART: %2")
                             .arg(device, QString::fromLocal8Bit(std::strerror(e))));
    }
    auto r = readAtasmart(d, QStringLiteral("atasmart"));
    sk_disk_free(d);
    if (r)
        r->device = device;
    return r;
}

Result<SmartReport> readSmartctlDevice(const QString &device, int timeoutMs)
{
    if (!device.startsWith(QLatin1String("/dev/")) || device.contains(QLatin1String("..")))
        return makeError(ErrorCode::InvalidArgument,
                         QCoreApplication::translate("Smart", "%1 is not a device under /dev").arg(device));
    auto run = runAllowedTool(QStringLiteral("smartctl"), {QStringLiteral("--json"), QStringLiteral("-a"), device},
                              timeoutMs);
    if (!run)
        return run.error();
    // smartctl's exit status is a bit mask: bits 0 and 1 mean it could not read the
    // device; its reasons are in smartctl.messages of the JSON on stdout.
    if (run->exitCode & 0x3) {
        QStringList why;
        const QJsonArray messages = QJsonDocument::fromJson(run->stdOut)
                                        .object()
                                        .value(QLatin1String("smartctl"))
                                        .toObject()
                                        .value(QLatin1String("messages"))
                                        .toArray();
        for (const QJsonValue &m : messages)
            why << m.toObject().value(QLatin1String("string")).toString();
        return makeError(ErrorCode::Io,
                         QCoreApplication::translate("Smart", "smartctl cannot read %1: %2")
                             .arg(device,
                                  why.isEmpty() ? QStringLiteral("exit status %1").arg(run->exitCode)
                                                : why.join(QStringLiteral("; "))),
                         QString::fromUtf8(run->stdErr).trimmed());
    }
    auto reports = parseSmartctlJson(run->stdOut);
    if (!reports)
        return reports.error();
    SmartReport r = reports->first();
    r.source = QStringLiteral("smartctl");
    r.device = device;
    return r;
}

Result<SmartReport> readSmartDevice(const QString &device)
{
    if (!QFileInfo::exists(device))
        return makeError(ErrorCode::NotFound, QCoreApplication::translate("Smart", "no such device: %1").arg(device));
    auto ata = readAtasmartDevice(device);
    if (ata)
        return ata;
    return readSmartctlDevice(device);
}

TestResult evaluateSmart(const SmartReport &r)
{
    VerdictBuilder v;
    v.setPassRule(QStringLiteral("smart.ok: no SMART rule fired"));
    if (r.overallPassed && !*r.overallPassed)
        v.fire(TestVerdict::Fail, QStringLiteral("smart.status-failed"),
               QCoreApplication::translate("Smart", "the drive's overall self-assessment is FAILED"));
    for (const SmartAttribute &a : r.attributes) {
        // A pre-failure attribute at its threshold predicts failure; an old-age one
        // (start/stop count, load cycles…) says the disk is worn, as libatasmart does.
        if (a.failingNow)
            v.fire(a.prefailure ? TestVerdict::Fail : TestVerdict::Warn,
                   a.prefailure ? QStringLiteral("smart.attribute-failing-now")
                                : QStringLiteral("smart.old-age-attribute-failing-now"),
                   QCoreApplication::translate("Smart", "attribute %1 %2 is at or below its threshold (%3 <= %4)")
                       .arg(a.id)
                       .arg(a.name)
                       .arg(a.value)
                       .arg(a.threshold));
    }
    if (r.atasmartOverall && *r.atasmartOverall == SK_SMART_OVERALL_BAD_SECTOR_MANY)
        v.fire(TestVerdict::Fail, QStringLiteral("smart.unreadable-sectors"),
               QCoreApplication::translate("Smart", "libatasmart counts many bad sectors for the disk size"));
    if (r.selfTestReadFailure)
        v.fire(TestVerdict::Fail, QStringLiteral("smart.unreadable-sectors"),
               QCoreApplication::translate("Smart", "a logged self-test ended in a read failure"));
    if (r.scsiUncorrectedRead.value_or(0) > 0)
        v.fire(TestVerdict::Fail, QStringLiteral("smart.unreadable-sectors"),
               QCoreApplication::translate("Smart", "%1 uncorrected read errors in the SCSI error log")
                   .arg(*r.scsiUncorrectedRead));
    if (r.nvmeCriticalWarning.value_or(0) != 0)
        v.fire(TestVerdict::Fail, QStringLiteral("smart.nvme-critical-warning"),
               QCoreApplication::translate("Smart", "NVMe critical warning 0x%1")
                   .arg(*r.nvmeCriticalWarning, 2, 16, QLatin1Char('0')));
    if (r.nvmeMediaErrors.value_or(0) > 0)
        v.fire(TestVerdict::Fail, QStringLiteral("smart.nvme-media-errors"),
               QCoreApplication::translate("Smart", "%1 NVMe media and data integrity errors").arg(*r.nvmeMediaErrors));
    if (r.nvmeAvailableSpare && r.nvmeSpareThreshold && *r.nvmeAvailableSpare < *r.nvmeSpareThreshold)
        v.fire(TestVerdict::Fail, QStringLiteral("smart.nvme-spare-low"),
               QCoreApplication::translate("Smart", "NVMe available spare %1% below its threshold %2%")
                   .arg(*r.nvmeAvailableSpare)
                   .arg(*r.nvmeSpareThreshold));

    auto warnCount = [&v](const std::optional<qint64> &n, const char *id, const char *text) {
        if (n.value_or(0) > 0)
            v.fire(TestVerdict::Warn, QLatin1String(id), QCoreApplication::translate("Smart", text).arg(*n));
    };
    warnCount(r.reallocated, "smart.reallocated", QT_TRANSLATE_NOOP("Smart", "%1 reallocated sectors (attribute 5)"));
    warnCount(r.pending, "smart.pending", QT_TRANSLATE_NOOP("Smart", "%1 pending sectors (attribute 197)"));
    warnCount(r.offlineUncorrectable, "smart.uncorrectable",
              QT_TRANSLATE_NOOP("Smart", "%1 offline uncorrectable sectors (attribute 198)"));
    warnCount(r.reportedUncorrect, "smart.reported-uncorrect",
              QT_TRANSLATE_NOOP("Smart", "%1 reported uncorrectable errors (attribute 187)"));
    warnCount(r.scsiGrownDefects, "smart.scsi-grown-defects",
              QT_TRANSLATE_NOOP("Smart", "%1 sectors in the SCSI grown defect list"));
    for (const SmartAttribute &a : r.attributes) {
        if (a.failedInPast && !a.failingNow)
            v.fire(TestVerdict::Warn, QStringLiteral("smart.attribute-failed-in-past"),
                   QCoreApplication::translate("Smart", "attribute %1 %2 went below its threshold in the past")
                       .arg(a.id)
                       .arg(a.name));
    }
    if (r.nvmePercentageUsed.value_or(0) >= 90)
        v.fire(TestVerdict::Warn, QStringLiteral("smart.nvme-wear"),
               QCoreApplication::translate("Smart", "NVMe wear at %1%").arg(*r.nvmePercentageUsed));

    TestResult t;
    t.kind = QStringLiteral("disk"); // the kind the lifecycle requires; measurements.check tells which
    t.verdict = v.verdict();
    t.rule = v.rule();
    t.measurements = smartMeasurements(r);
    t.measurements.insert(QStringLiteral("rules_fired"), v.firedRules());
    return t;
}

QJsonObject smartMeasurements(const SmartReport &r)
{
    QJsonObject m{{QStringLiteral("check"), QStringLiteral("smart")},
                  {QStringLiteral("source"), r.source},
                  {QStringLiteral("protocol"), r.protocol},
                  {QStringLiteral("model"), r.model},
                  {QStringLiteral("serial"), r.serial},
                  {QStringLiteral("firmware"), r.firmware}};
    if (!r.device.isEmpty())
        m.insert(QStringLiteral("device"), r.device);
    auto put = [&m](const char *key, const auto &opt) {
        if (opt)
            m.insert(QLatin1String(key), qint64(*opt));
    };
    if (r.overallPassed)
        m.insert(QStringLiteral("smart_passed"), *r.overallPassed);
    if (r.atasmartOverall)
        m.insert(QStringLiteral("atasmart_overall"),
                 QString::fromUtf8(sk_smart_overall_to_string(SkSmartOverall(*r.atasmartOverall))));
    put("power_on_hours", r.powerOnHours);
    put("temperature_c", r.temperatureC);
    put("reallocated_sectors", r.reallocated);
    put("pending_sectors", r.pending);
    put("offline_uncorrectable", r.offlineUncorrectable);
    put("reported_uncorrect", r.reportedUncorrect);
    put("nvme_critical_warning", r.nvmeCriticalWarning);
    put("nvme_media_errors", r.nvmeMediaErrors);
    put("nvme_available_spare", r.nvmeAvailableSpare);
    put("nvme_available_spare_threshold", r.nvmeSpareThreshold);
    put("nvme_percentage_used", r.nvmePercentageUsed);
    put("scsi_grown_defects", r.scsiGrownDefects);
    put("scsi_uncorrected_read", r.scsiUncorrectedRead);
    put("scsi_uncorrected_write", r.scsiUncorrectedWrite);
    QJsonArray key;
    for (const SmartAttribute &a : r.attributes) {
        if (!isCountAttribute(a.id) && a.id != 9 && a.id != 10 && a.id != 194 && !a.failingNow && !a.failedInPast)
            continue;
        key.append(QJsonObject{{QStringLiteral("id"), a.id},
                               {QStringLiteral("name"), a.name},
                               {QStringLiteral("value"), a.value},
                               {QStringLiteral("worst"), a.worst},
                               {QStringLiteral("threshold"), a.threshold},
                               {QStringLiteral("raw"), a.raw},
                               {QStringLiteral("failing_now"), a.failingNow},
                               {QStringLiteral("failed_in_past"), a.failedInPast}});
    }
    m.insert(QStringLiteral("key_attributes"), key);
    return m;
}

} // namespace Etabli::HwTest
