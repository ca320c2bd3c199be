// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "app/core/probeupdate.h"

#include "inventory/eventtypes.h"
#include "inventory/store.h"

#include <QJsonArray>

namespace Etabli::AppCore {

QJsonObject assetUpdateFromProbe(const QJsonObject &m)
{
    const QJsonObject sys = m.value(QStringLiteral("system")).toObject();
    const QJsonObject dmiSys = m.value(QStringLiteral("dmi")).toObject().value(QStringLiteral("system")).toObject();
    QString model = sys.value(QStringLiteral("model")).toString();
    // Lenovo puts the machine type in the product name and the marketing name in version.
    const QString version = dmiSys.value(QStringLiteral("version")).toString();
    if (sys.value(QStringLiteral("manufacturer")).toString().compare(QLatin1String("LENOVO"), Qt::CaseInsensitive) == 0
        && version.startsWith(QLatin1String("ThinkPad")))
        model = QStringLiteral("%1 (%2)").arg(version, model);
    const QJsonObject cpu = m.value(QStringLiteral("cpu")).toObject();
    const QJsonObject mem = m.value(QStringLiteral("memory")).toObject();
    QJsonArray components;
    qint64 diskBytes = 0;
    for (const QJsonValue &v : mem.value(QStringLiteral("modules")).toArray()) {
        const QJsonObject d = v.toObject();
        components.append(QJsonObject{{QStringLiteral("kind"), QStringLiteral("ram")},
                                      {QStringLiteral("make"), d.value(QStringLiteral("manufacturer"))},
                                      {QStringLiteral("model"), d.value(QStringLiteral("part_number"))},
                                      {QStringLiteral("serial"), d.value(QStringLiteral("serial_number"))},
                                      {QStringLiteral("size_bytes"), d.value(QStringLiteral("size_bytes"))},
                                      {QStringLiteral("details"), d}});
    }
    for (const QJsonValue &v : m.value(QStringLiteral("disks")).toArray()) {
        const QJsonObject d = v.toObject();
        if (!d.value(QStringLiteral("removable")).toBool())
            diskBytes += d.value(QStringLiteral("size_bytes")).toInteger();
        components.append(QJsonObject{{QStringLiteral("kind"), QStringLiteral("disk")},
                                      {QStringLiteral("make"), d.value(QStringLiteral("vendor"))},
                                      {QStringLiteral("model"), d.value(QStringLiteral("model"))},
                                      {QStringLiteral("serial"), d.value(QStringLiteral("serial"))},
                                      {QStringLiteral("size_bytes"), d.value(QStringLiteral("size_bytes"))},
                                      {QStringLiteral("details"), d}});
    }
    for (const QJsonValue &v : m.value(QStringLiteral("optical")).toArray()) {
        const QJsonObject d = v.toObject();
        components.append(QJsonObject{{QStringLiteral("kind"), QStringLiteral("optical")},
                                      {QStringLiteral("make"), d.value(QStringLiteral("vendor"))},
                                      {QStringLiteral("model"), d.value(QStringLiteral("model"))},
                                      {QStringLiteral("details"), d}});
    }
    for (const QJsonValue &v : m.value(QStringLiteral("network")).toArray()) {
        const QJsonObject d = v.toObject();
        components.append(QJsonObject{{QStringLiteral("kind"), QStringLiteral("nic")},
                                      {QStringLiteral("make"), d.value(QStringLiteral("vendor"))},
                                      {QStringLiteral("model"), d.value(QStringLiteral("product"))},
                                      {QStringLiteral("serial"), d.value(QStringLiteral("mac"))},
                                      {QStringLiteral("details"), d}});
    }
    for (const QJsonValue &v : m.value(QStringLiteral("monitors")).toArray()) {
        const QJsonObject d = v.toObject();
        if (d.contains(QStringLiteral("error")))
            continue;
        components.append(QJsonObject{
            {QStringLiteral("kind"), QStringLiteral("screen")},
            {QStringLiteral("make"),
             d.value(QStringLiteral("manufacturer_name")).toString(d.value(QStringLiteral("manufacturer")).toString())},
            {QStringLiteral("model"), d.value(QStringLiteral("name"))},
            {QStringLiteral("serial"),
             d.value(QStringLiteral("serial_text"))
                 .toString(QString::number(d.value(QStringLiteral("serial_number")).toInteger()))},
            {QStringLiteral("details"), d}});
    }
    for (const QJsonValue &v : m.value(QStringLiteral("peripherals")).toArray()) {
        QJsonObject d = v.toObject();
        d[QStringLiteral("details")] = QJsonObject{{QStringLiteral("usb_id"), d.value(QStringLiteral("usb_id"))}};
        d.remove(QStringLiteral("usb_id"));
        components.append(d);
    }
    const QJsonObject specs{{QStringLiteral("cpu"), cpu.value(QStringLiteral("model"))},
                            {QStringLiteral("cpu_cores"), cpu.value(QStringLiteral("cores"))},
                            {QStringLiteral("cpu_threads"), cpu.value(QStringLiteral("threads"))},
                            {QStringLiteral("cpu_64bit"), cpu.value(QStringLiteral("bits64"))},
                            {QStringLiteral("ram_bytes"), mem.value(QStringLiteral("installed_bytes"))},
                            {QStringLiteral("disk_bytes"), diskBytes},
                            {QStringLiteral("chassis"), sys.value(QStringLiteral("chassis_type"))},
                            {QStringLiteral("uuid"), sys.value(QStringLiteral("uuid"))},
                            {QStringLiteral("optical"), !m.value(QStringLiteral("optical")).toArray().isEmpty()},
                            {QStringLiteral("probed_by"), QStringLiteral("etabli probe")}};
    QJsonObject payload{{QStringLiteral("specs"), specs}, {QStringLiteral("components"), components}};
    const auto put = [&payload](const char *key, const QString &v) {
        if (!v.isEmpty())
            payload[QLatin1String(key)] = v.left(512);
    };
    put("make", sys.value(QStringLiteral("manufacturer")).toString());
    put("model", model);
    put("serial", sys.value(QStringLiteral("serial")).toString());
    return payload;
}

Result<Inventory::Event> recordProbe(Inventory::Store &store, const QString &tag, const QJsonObject &machine)
{
    return store.record(QString(Inventory::EventType::AssetUpdated), tag, assetUpdateFromProbe(machine));
}

Result<QList<Inventory::Asset>>
addProbedPeripherals(Inventory::Store &store, const QString &pcTag, const QJsonObject &machine,
                     const std::function<void(const QString &kind, const Inventory::Asset &added)> &added)
{
    auto pc = store.asset(pcTag);
    if (!pc)
        return pc.error();
    QList<Inventory::Asset> list;
    for (const QJsonValue &v : machine.value(QStringLiteral("peripherals")).toArray()) {
        const QJsonObject o = v.toObject();
        Inventory::NewAsset a;
        a.kind = Inventory::assetKindFromString(o.value(QStringLiteral("kind")).toString())
                     .value_or(Inventory::AssetKind::Part);
        a.lot = pc->lot;
        a.make = o.value(QStringLiteral("make")).toString();
        a.model = o.value(QStringLiteral("model")).toString();
        a.serial = o.value(QStringLiteral("serial")).toString();
        a.specs = QJsonObject{{QStringLiteral("usb_id"), o.value(QStringLiteral("usb_id"))},
                              {QStringLiteral("found_on"), pc->tag}};
        auto r = store.addAsset(a);
        if (!r)
            return r.error();
        list.append(*r);
        if (added)
            added(o.value(QStringLiteral("kind")).toString(), *r);
    }
    return list;
}

} // namespace Etabli::AppCore
