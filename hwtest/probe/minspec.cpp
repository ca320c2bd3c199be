// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "hwtest/probe/minspec.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>

namespace Etabli::HwTest {

namespace {} // namespace

Result<MinSpecProfile> MinSpecProfile::fromJson(const QJsonObject &o)
{
    MinSpecProfile p;
    const auto bad = [](const char *key) {
        return makeError(
            ErrorCode::InvalidArgument,
            QCoreApplication::translate("MinSpec", "profile key «%1» has the wrong type").arg(QLatin1String(key)),
            QStringLiteral("bad_profile"));
    };
    if (o.contains(QStringLiteral("name"))) {
        if (!o.value(QStringLiteral("name")).isString())
            return bad("name");
        p.name = o.value(QStringLiteral("name")).toString();
    }
    const std::pair<const char *, bool *> flags[] = {{"cpu_64bit", &p.cpu64bit}, {"sse2", &p.sse2}};
    for (const auto &[key, target] : flags)
        if (o.contains(QLatin1String(key))) {
            if (!o.value(QLatin1String(key)).isBool())
                return bad(key);
            *target = o.value(QLatin1String(key)).toBool();
        }
    const std::pair<const char *, double *> numbers[] = {{"min_ram_gib", &p.minRamGiB}, {"min_disk_gb", &p.minDiskGB}};
    for (const auto &[key, target] : numbers)
        if (o.contains(QLatin1String(key))) {
            if (!o.value(QLatin1String(key)).isDouble() || o.value(QLatin1String(key)).toDouble() < 0)
                return bad(key);
            *target = o.value(QLatin1String(key)).toDouble();
        }
    if (o.contains(QStringLiteral("min_threads"))) {
        if (!o.value(QStringLiteral("min_threads")).isDouble())
            return bad("min_threads");
        p.minThreads = o.value(QStringLiteral("min_threads")).toInt();
    }
    return p;
}

Result<MinSpecProfile> MinSpecProfile::load(const QString &file)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return makeError(
            ErrorCode::NotFound,
            QCoreApplication::translate("MinSpec", "cannot read the profile %1: %2").arg(file, f.errorString()),
            QStringLiteral("no_profile"));
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return makeError(ErrorCode::InvalidArgument,
                         QCoreApplication::translate("MinSpec", "the profile %1 is not a JSON object: %2")
                             .arg(file, error.errorString()),
                         QStringLiteral("bad_profile"));
    return fromJson(doc.object());
}

QJsonObject MinSpec::check(const MinSpecProfile &p, const QJsonObject &machine)
{
    QJsonArray failures;
    const auto fail = [&](const char *part, const QString &reason, const QJsonValue &needed, const QJsonValue &found) {
        failures.append(QJsonObject{{QStringLiteral("part"), QLatin1String(part)},
                                    {QStringLiteral("reason"), reason},
                                    {QStringLiteral("needed"), needed},
                                    {QStringLiteral("found"), found},
                                    {QStringLiteral("picture"), QStringLiteral("part-%1").arg(QLatin1String(part))}});
    };
    const QJsonObject cpu = machine.value(QStringLiteral("cpu")).toObject();
    if (p.cpu64bit && !cpu.value(QStringLiteral("bits64")).toBool())
        fail("cpu", QCoreApplication::translate("MinSpec", "the processor is not 64-bit"), true, false);
    if (p.sse2 && !cpu.value(QStringLiteral("sse2")).toBool())
        fail("cpu", QCoreApplication::translate("MinSpec", "the processor lacks SSE2"), true, false);
    if (cpu.value(QStringLiteral("threads")).toInt() < p.minThreads)
        fail("cpu",
             QCoreApplication::translate("MinSpec", "the processor runs %1 threads, %2 needed")
                 .arg(cpu.value(QStringLiteral("threads")).toInt())
                 .arg(p.minThreads),
             p.minThreads, cpu.value(QStringLiteral("threads")).toInt());

    const double ramGiB
        = double(
              machine.value(QStringLiteral("memory")).toObject().value(QStringLiteral("installed_bytes")).toInteger())
        / (1024.0 * 1024 * 1024);
    // The kernel's MemTotal lacks the firmware's share: allow 5 % below the target.
    if (ramGiB < p.minRamGiB * 0.95)
        fail("ram",
             QCoreApplication::translate("MinSpec", "%1 GiB of memory, %2 GiB needed: add memory")
                 .arg(ramGiB, 0, 'f', 1)
                 .arg(p.minRamGiB),
             p.minRamGiB, std::round(ramGiB * 10) / 10);

    double diskGB = 0;
    for (const QJsonValue &v : machine.value(QStringLiteral("disks")).toArray()) {
        const QJsonObject d = v.toObject();
        if (d.value(QStringLiteral("removable")).toBool()
            || d.value(QStringLiteral("transport")).toString() == u"USB"_qs)
            continue;
        diskGB = qMax(diskGB, double(d.value(QStringLiteral("size_bytes")).toInteger()) / 1e9);
    }
    if (diskGB < p.minDiskGB)
        fail("disk",
             diskGB == 0 ? QCoreApplication::translate("MinSpec", "no internal disk: add a disk of at least %1 GB")
                               .arg(p.minDiskGB)
                         : QCoreApplication::translate("MinSpec",
                                                       "the largest disk holds %1 GB, %2 GB needed: replace the disk")
                               .arg(std::round(diskGB))
                               .arg(p.minDiskGB),
             p.minDiskGB, std::round(diskGB));

    return QJsonObject{
        {QStringLiteral("profile"), p.name},
        {QStringLiteral("verdict"), failures.isEmpty() ? QStringLiteral("OK") : QStringLiteral("UPGRADE_NEEDED")},
        {QStringLiteral("ok"), failures.isEmpty()},
        {QStringLiteral("failures"), failures}};
}

} // namespace Etabli::HwTest
