// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "app/core/assetlabel.h"

#include "inventory/assettag.h"
#include "inventory/eventtypes.h"
#include "inventory/store.h"

#include <QJsonArray>
#include <QRegularExpression>

#include <cmath>

namespace Etabli::AppCore {

using namespace Etabli::Inventory;

QString humanBytes(qint64 bytes)
{
    if (bytes <= 0)
        return {};
    const double gb = bytes / 1e9;
    if (gb >= 1000)
        return QStringLiteral("%1 TB").arg(gb / 1000, 0, 'g', 2);
    // RAM comes in powers of two: 8589934592 bytes is "8 GB" for everyone.
    const double gib = bytes / double(1ll << 30);
    if (std::abs(gib - std::round(gib)) < 0.02 && gib >= 1)
        return QStringLiteral("%1 GB").arg(qRound(gib));
    return QStringLiteral("%1 GB").arg(qRound(gb));
}

QString shortCpu(QString cpu)
{
    static const QRegularExpression noise(
        QStringLiteral("\\((R|TM|r|tm)\\)|\\bCPU\\b|@.*$|\\bProcessor\\b|\\bIntel\\b|\\bAMD\\b|\\bCore\\b"));
    cpu.remove(noise);
    return cpu.simplified();
}

QString labelSpecLine(const Asset &a)
{
    QString cpu = a.specs.value(QLatin1String("cpu")).toString();
    qint64 ram = 0, disk = 0;
    QString diskKind;
    for (const Component &c : a.components) {
        if (c.kind == QLatin1String("cpu") && cpu.isEmpty())
            cpu = c.model;
        else if (c.kind == QLatin1String("ram"))
            ram += c.sizeBytes;
        else if (c.kind == QLatin1String("disk") && disk == 0) {
            disk = c.sizeBytes;
            diskKind = c.details.value(QLatin1String("rotational")).toBool(true) ? QString() : QStringLiteral("SSD ");
        }
    }
    if (ram == 0)
        ram = qint64(a.specs.value(QLatin1String("ram_bytes")).toDouble());
    if (disk == 0)
        disk = qint64(a.specs.value(QLatin1String("disk_bytes")).toDouble());
    QStringList parts;
    if (!cpu.isEmpty())
        parts << shortCpu(cpu);
    if (ram > 0)
        parts << humanBytes(ram);
    if (disk > 0)
        parts << diskKind + humanBytes(disk);
    if (parts.isEmpty())
        return QStringList{a.make, a.model}.join(u' ').trimmed();
    return parts.join(QStringLiteral(" · "));
}

Result<AssetLabelFacts> assetLabelFacts(const Store &store, const QString &input)
{
    auto tag = AssetTag::parse(input);
    if (!tag)
        return tag.error();
    auto asset = store.asset(*tag);
    if (!asset)
        return asset.error();
    AssetLabelFacts d;
    d.tag = asset->tag;
    d.kind = toString(asset->kind);
    d.spec = labelSpecLine(*asset);
    const QList<Event> events = store.eventsForAsset(asset->tag);
    for (const Event &e : events) {
        if (e.status != QLatin1String("applied"))
            continue;
        if (e.type == Inventory::EventType::ImagingRecorded)
            d.master = QStringList{e.payload.value(QLatin1String("master_name")).toString(),
                                   e.payload.value(QLatin1String("master_version")).toString()}
                           .join(u' ')
                           .trimmed();
        if (e.type == Inventory::EventType::KitCreated) {
            d.kitReference = e.payload.value(QLatin1String("reference")).toString();
            d.kitItems.clear();
            for (const QJsonValue &v : e.payload.value(QLatin1String("items")).toArray()) {
                auto item = store.asset(v.toString());
                d.kitItems.append(LabelKitItem{v.toString(), item ? toString(item->kind) : QString()});
            }
        }
    }
    return d;
}

Result<Event> recordLabelPrinted(Store &store, const QString &tag, const QString &templateName,
                                 const QString &printerUri)
{
    return store.record(
        QString(Inventory::EventType::LabelPrinted), tag,
        QJsonObject{{QStringLiteral("template"), templateName}, {QStringLiteral("printer"), printerUri}});
}

} // namespace Etabli::AppCore
