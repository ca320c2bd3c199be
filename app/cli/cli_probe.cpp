// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
//
// `etabli probe`: what is in this PC (issue 4), as text, JSON or a GLPI inventory;
// `probe edid FILE` / `probe smbios FILE` decode one blob; `probe check` is the
// minimum-spec check; `--asset TAG` stores the result on the asset.
#include "app/cli/cli.h"
#include "app/core/probeupdate.h"

#include "hwtest/probe/edid.h"
#include "hwtest/probe/glpiexport.h"
#include "hwtest/probe/hwids.h"
#include "hwtest/probe/machineprobe.h"
#include "hwtest/probe/minspec.h"
#include "hwtest/probe/smbios.h"
#include "inventory/eventtypes.h"
#include "inventory/store.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>

namespace Etabli::Cli {

using namespace Etabli::HwTest;

namespace {

Result<QByteArray> readBlob(const QString &file)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::NotFound,
                         QCoreApplication::translate("Cli", "cannot read %1: %2").arg(file, f.errorString()),
                         QStringLiteral("no_file"));
    return f.read(16 << 20);
}

int edidCommand(Context &ctx, const QString &file)
{
    auto blob = readBlob(file);
    if (!blob)
        return ctx.fail(blob.error());
    HwIds ids;
    ids.load(HwIds::searchPath(QStringLiteral("/")), HwIds::Pnp);
    auto e = Edid::parse(*blob, [&ids](const QString &id) { return ids.pnpName(id); });
    if (!e)
        return ctx.fail(e.error());
    const QJsonObject o = e->toJson();
    if (ctx.json) {
        ctx.printJson(o);
        return 0;
    }
    ctx.out << QCoreApplication::translate("Cli", "Manufacturer: %1 (%2)").arg(e->manufacturer, e->manufacturerName)
            << Qt::endl
            << QCoreApplication::translate("Cli", "Product code: %1").arg(e->productCode) << Qt::endl
            << QCoreApplication::translate("Cli", "Serial number: %1").arg(e->serialNumber) << Qt::endl;
    if (!e->serialText.isEmpty())
        ctx.out << QCoreApplication::translate("Cli", "Serial (text): %1").arg(e->serialText) << Qt::endl;
    ctx.out << QCoreApplication::translate("Cli", "Name: %1").arg(e->name) << Qt::endl;
    if (e->modelYear)
        ctx.out << QCoreApplication::translate("Cli", "Model year: %1").arg(e->year) << Qt::endl;
    else
        ctx.out << QCoreApplication::translate("Cli", "Made: week %1 of %2").arg(e->week).arg(e->year) << Qt::endl;
    if (e->widthCm > 0)
        ctx.out << QCoreApplication::translate("Cli", "Size: %1 cm x %2 cm, %3 inches")
                       .arg(e->widthCm)
                       .arg(e->heightCm)
                       .arg(e->diagonalInches())
                << Qt::endl;
    if (e->preferredWidth > 0)
        ctx.out << QCoreApplication::translate("Cli", "Preferred mode: %1x%2 at %3 Hz")
                       .arg(e->preferredWidth)
                       .arg(e->preferredHeight)
                       .arg(e->preferredRefreshHz, 0, 'f', 2)
                << Qt::endl;
    for (const QString &w : e->warnings)
        ctx.out << QCoreApplication::translate("Cli", "Warning: %1").arg(w) << Qt::endl;
    return 0;
}

int smbiosCommand(Context &ctx, const QString &file)
{
    auto blob = readBlob(file);
    if (!blob)
        return ctx.fail(blob.error());
    auto table = Smbios::parseDump(*blob);
    if (!table)
        return ctx.fail(table.error());
    const QJsonObject o = Smbios::toJson(*table);
    if (ctx.json) {
        ctx.printJson(o);
        return 0;
    }
    ctx.out << QCoreApplication::translate("Cli", "SMBIOS %1, %2 structures")
                   .arg(o.value(QStringLiteral("smbios_version")).toString())
                   .arg(table->structures.size())
            << Qt::endl;
    const auto section = [&ctx](const QString &title, const QJsonObject &s) {
        ctx.out << title << Qt::endl;
        for (auto it = s.begin(); it != s.end(); ++it)
            ctx.out << QStringLiteral("  %1: %2").arg(it.key(), it.value().toVariant().toString()) << Qt::endl;
    };
    for (const char *key : {"bios", "system", "baseboard", "chassis"})
        if (o.contains(QLatin1String(key)))
            section(QLatin1String(key), o.value(QLatin1String(key)).toObject());
    for (const QJsonValue &v : o.value(QStringLiteral("processors")).toArray())
        section(QStringLiteral("processor"), v.toObject());
    for (const QJsonValue &v : o.value(QStringLiteral("memory_devices")).toArray())
        section(QStringLiteral("memory_device"), v.toObject());
    return 0;
}

int checkOutput(Context &ctx, const QJsonObject &verdict)
{
    if (ctx.json) {
        ctx.printJson(verdict);
    } else if (verdict.value(QStringLiteral("ok")).toBool()) {
        ctx.out << QCoreApplication::translate("Cli", "OK: this PC meets the profile «%1»")
                       .arg(verdict.value(QStringLiteral("profile")).toString())
                << Qt::endl;
    } else {
        ctx.out << QCoreApplication::translate("Cli", "Upgrade needed (profile «%1»):")
                       .arg(verdict.value(QStringLiteral("profile")).toString())
                << Qt::endl;
        for (const QJsonValue &v : verdict.value(QStringLiteral("failures")).toArray())
            ctx.out << QStringLiteral("  [%1] %2")
                           .arg(v.toObject().value(QStringLiteral("part")).toString(),
                                v.toObject().value(QStringLiteral("reason")).toString())
                    << Qt::endl;
    }
    // Exit 0 only when the PC passes, so scripts can branch on it.
    return verdict.value(QStringLiteral("ok")).toBool() ? 0 : 1;
}

int probeCommand(Context &ctx)
{
    QCommandLineParser p;
    p.addOption({QStringLiteral("root"), QCoreApplication::translate("Cli", "Read the machine under DIR instead of /"),
                 QStringLiteral("DIR")});
    p.addOption({QStringLiteral("format"), QCoreApplication::translate("Cli", "Output format: text, json or glpi"),
                 QStringLiteral("FORMAT")});
    p.addOption({QStringLiteral("usb"), QCoreApplication::translate("Cli", "USB source: auto, libusb or sysfs"),
                 QStringLiteral("SOURCE")});
    p.addOption({QStringLiteral("asset"),
                 QCoreApplication::translate("Cli", "Store the result on this asset (asset.updated)"),
                 QStringLiteral("TAG")});
    p.addOption({QStringLiteral("add-peripherals"),
                 QCoreApplication::translate(
                     "Cli", "With --asset: register each USB keyboard and mouse as an asset of its own (same lot)")});
    p.addOption({QStringLiteral("profile"),
                 QCoreApplication::translate("Cli", "Minimum-spec profile (JSON file) for probe check"),
                 QStringLiteral("FILE")});
    p.addOption({QStringLiteral("device-id"),
                 QCoreApplication::translate("Cli", "GLPI device id (default: from the serial number)"),
                 QStringLiteral("ID")});
    if (!parseArgs(p, ctx))
        return 2;
    const QStringList pos = p.positionalArguments();
    const QString verb = pos.value(0);
    if (verb == QLatin1String("edid") && pos.size() == 2)
        return edidCommand(ctx, pos[1]);
    if (verb == QLatin1String("smbios") && pos.size() == 2)
        return smbiosCommand(ctx, pos[1]);
    if (!pos.isEmpty() && !(verb == QLatin1String("check") && pos.size() == 1))
        return ctx.usage(QCoreApplication::translate(
            "Cli",
            "usage: etabli probe [--root DIR] [--format text|json|glpi] [--usb auto|libusb|sysfs]"
            " [--asset TAG [--add-peripherals]] | probe check [--root DIR] [--profile FILE] | probe edid FILE"
            " | probe smbios FILE"));

    const QString root = p.isSet(QStringLiteral("root")) ? p.value(QStringLiteral("root")) : QStringLiteral("/");
    if (!QFileInfo(root).isDir())
        return ctx.fail(makeError(ErrorCode::NotFound,
                                  QCoreApplication::translate("Cli", "no such directory: %1").arg(root),
                                  QStringLiteral("no_root")));
    MachineProbe::UsbSource usb = MachineProbe::UsbSource::Auto;
    const QString usbText = p.value(QStringLiteral("usb"));
    if (usbText == QLatin1String("libusb"))
        usb = MachineProbe::UsbSource::Libusb;
    else if (usbText == QLatin1String("sysfs"))
        usb = MachineProbe::UsbSource::Sysfs;
    else if (!usbText.isEmpty() && usbText != QLatin1String("auto"))
        return ctx.usage(QCoreApplication::translate("Cli", "--usb takes auto, libusb or sysfs"));
    const QString format = p.value(QStringLiteral("format"));
    if (!format.isEmpty() && format != QLatin1String("text") && format != QLatin1String("json")
        && format != QLatin1String("glpi"))
        return ctx.usage(QCoreApplication::translate("Cli", "--format takes text, json or glpi"));

    MinSpecProfile profile;
    if (p.isSet(QStringLiteral("profile"))) {
        auto loaded = MinSpecProfile::load(p.value(QStringLiteral("profile")));
        if (!loaded)
            return ctx.fail(loaded.error());
        profile = *loaded;
    }

    MachineProbe probe(root, usb);
    const QJsonObject machine = probe.probe();

    if (p.isSet(QStringLiteral("asset"))) {
        Inventory::Store *store = ctx.store();
        if (!store)
            return ctx.lastExitCode();
        auto r = AppCore::recordProbe(*store, p.value(QStringLiteral("asset")), machine);
        if (!r)
            return ctx.fail(r.error());
        const bool talk = !ctx.json && format != QLatin1String("glpi");
        if (talk)
            ctx.err << QCoreApplication::translate("Cli", "stored on %1").arg(r->assetTag) << Qt::endl;
        if (p.isSet(QStringLiteral("add-peripherals"))) {
            auto added = AppCore::addProbedPeripherals(
                *store, r->assetTag, machine, [&](const QString &kind, const Inventory::Asset &a) {
                    if (talk)
                        ctx.err << QCoreApplication::translate("Cli", "%1 registered as %2").arg(kind, a.tag)
                                << Qt::endl;
                });
            if (!added)
                return ctx.fail(added.error());
        }
    }

    if (verb == QLatin1String("check"))
        return checkOutput(ctx, MinSpec::check(profile, machine));
    if (format == QLatin1String("glpi")) {
        ctx.printJson(GlpiExport::inventory(machine, p.value(QStringLiteral("device-id"))));
        return 0;
    }
    if (ctx.json || format == QLatin1String("json")) {
        ctx.printJson(machine);
        return 0;
    }
    ctx.out << MachineProbe::toText(machine);
    ctx.out.flush();
    return 0;
}

} // namespace

void registerProbeCommands(Registry &registry)
{
    registry.add({QStringLiteral("probe"),
                  QStringLiteral("  probe [--root DIR] [--format text|json|glpi] [--usb auto|libusb|sysfs]\n"
                                 "        [--asset TAG [--add-peripherals]] [--device-id ID]\n"
                                 "  probe check [--root DIR] [--profile FILE]   (exit 1: upgrade needed)\n"
                                 "  probe edid FILE | probe smbios FILE"),
                  probeCommand});
}

} // namespace Etabli::Cli
