// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "hwtest/probe/glpiexport.h"

#include <QCoreApplication>
#include <QDate>
#include <QJsonArray>
#include <QRegularExpression>

namespace Etabli::HwTest {

namespace {

/// Adds `value` under `key` only when it says something (GLPI treats "" as a value).
void put(QJsonObject &o, const char *key, const QString &value)
{
    if (!value.trimmed().isEmpty())
        o[QLatin1String(key)] = value.trimmed();
}

QString text(const QJsonObject &o, const char *key)
{
    const QString v = o.value(QLatin1String(key)).toString().trimmed();
    static const QStringList junk = {QStringLiteral("Not Specified"),
                                     QStringLiteral("To be filled by O.E.M."),
                                     QStringLiteral("Default string"),
                                     QStringLiteral("<BAD INDEX>"),
                                     QStringLiteral("Not Present"),
                                     QStringLiteral("Unknown"),
                                     QStringLiteral("None")};
    return junk.contains(v, Qt::CaseInsensitive) ? QString() : v;
}

/// SMBIOS writes BIOS dates as MM/DD/YYYY; the schema wants YYYY-MM-DD.
QString isoDate(const QString &smbiosDate)
{
    static const QRegularExpression us(QStringLiteral("^(\\d{2})/(\\d{2})/(\\d{4})$"));
    const auto m = us.match(smbiosDate);
    if (!m.hasMatch())
        return {};
    const QDate d(m.captured(3).toInt(), m.captured(1).toInt(), m.captured(2).toInt());
    return d.isValid() ? d.toString(Qt::ISODate) : QString();
}

} // namespace

QJsonObject GlpiExport::inventory(const QJsonObject &m, const QString &deviceId)
{
    const QJsonObject dmi = m.value(QStringLiteral("dmi")).toObject();
    const QJsonObject sys = dmi.value(QStringLiteral("system")).toObject();
    const QJsonObject board = dmi.value(QStringLiteral("baseboard")).toObject();
    const QJsonObject bios = dmi.value(QStringLiteral("bios")).toObject();
    const QJsonObject chassis = dmi.value(QStringLiteral("chassis")).toObject();
    const QJsonObject summary = m.value(QStringLiteral("system")).toObject();
    const QJsonObject cpu = m.value(QStringLiteral("cpu")).toObject();
    const QJsonObject memory = m.value(QStringLiteral("memory")).toObject();

    QJsonObject content;
    const QString version = QCoreApplication::applicationVersion();
    content[QStringLiteral("versionclient")]
        = version.isEmpty() ? QStringLiteral("Etabli") : QString(QStringLiteral("Etabli_v") + version);

    QJsonObject hardware;
    put(hardware, "name", text(sys, "product_name"));
    put(hardware, "uuid", text(sys, "uuid"));
    put(hardware, "chassis_type", text(chassis, "type"));
    hardware[QStringLiteral("memory")] = memory.value(QStringLiteral("installed_bytes")).toInteger() / (1024 * 1024);
    content[QStringLiteral("hardware")] = hardware;

    QJsonObject b;
    put(b, "smanufacturer", text(sys, "manufacturer"));
    put(b, "smodel", text(sys, "product_name"));
    put(b, "ssn", text(sys, "serial_number"));
    put(b, "skunumber", text(sys, "sku_number"));
    put(b, "mmanufacturer", text(board, "manufacturer"));
    put(b, "mmodel", text(board, "product_name"));
    put(b, "msn", text(board, "serial_number"));
    put(b, "bmanufacturer", text(bios, "vendor"));
    put(b, "bversion", text(bios, "version"));
    put(b, "bdate", isoDate(text(bios, "release_date")));
    put(b, "enclosureserial", text(chassis, "serial_number"));
    put(b, "assettag", text(chassis, "asset_tag"));
    content[QStringLiteral("bios")] = b;

    QJsonArray cpus;
    const QJsonArray processors = dmi.value(QStringLiteral("processors")).toArray();
    for (const QJsonValue &v : processors) {
        const QJsonObject p = v.toObject();
        if (!p.value(QStringLiteral("populated")).toBool(true))
            continue;
        QJsonObject c;
        put(c, "name",
            text(p, "version").isEmpty() ? cpu.value(QStringLiteral("model")).toString() : text(p, "version"));
        put(c, "manufacturer", text(p, "manufacturer"));
        put(c, "familyname", text(p, "family"));
        put(c, "serial", text(p, "serial_number"));
        if (int n = p.value(QStringLiteral("core_count")).toInt())
            c[QStringLiteral("core")] = n;
        if (int n = p.value(QStringLiteral("thread_count")).toInt())
            c[QStringLiteral("thread")] = n;
        if (int s = p.value(QStringLiteral("max_speed_mhz")).toInt())
            c[QStringLiteral("speed")] = s;
        c[QStringLiteral("arch")]
            = cpu.value(QStringLiteral("bits64")).toBool() ? QStringLiteral("x86_64") : QStringLiteral("i686");
        cpus.append(c);
    }
    if (cpus.isEmpty() && !cpu.isEmpty()) {
        QJsonObject c;
        put(c, "name", cpu.value(QStringLiteral("model")).toString());
        put(c, "manufacturer", cpu.value(QStringLiteral("vendor")).toString());
        c[QStringLiteral("core")] = cpu.value(QStringLiteral("cores")).toInt();
        c[QStringLiteral("thread")] = cpu.value(QStringLiteral("threads")).toInt();
        c[QStringLiteral("arch")]
            = cpu.value(QStringLiteral("bits64")).toBool() ? QStringLiteral("x86_64") : QStringLiteral("i686");
        cpus.append(c);
    }
    content[QStringLiteral("cpus")] = cpus;

    QJsonArray memories;
    int slot = 0;
    for (const QJsonValue &v : dmi.value(QStringLiteral("memory_devices")).toArray()) {
        const QJsonObject d = v.toObject();
        ++slot;
        QJsonObject mem{
            {QStringLiteral("numslots"), slot},
            {QStringLiteral("capacity"), d.value(QStringLiteral("size_bytes")).toInteger() / (1024 * 1024)}};
        put(mem, "caption", text(d, "locator"));
        put(mem, "description", text(d, "form_factor"));
        put(mem, "type", text(d, "type"));
        put(mem, "manufacturer", text(d, "manufacturer"));
        put(mem, "serialnumber", text(d, "serial_number"));
        put(mem, "model", text(d, "part_number"));
        if (int s = d.value(QStringLiteral("speed_mts")).toInt())
            mem[QStringLiteral("speed")] = QString::number(s);
        memories.append(mem);
    }
    content[QStringLiteral("memories")] = memories;

    QJsonArray storages;
    for (const QJsonValue &v : m.value(QStringLiteral("disks")).toArray()) {
        const QJsonObject d = v.toObject();
        QJsonObject s{{QStringLiteral("disksize"), d.value(QStringLiteral("size_bytes")).toInteger() / 1000000}};
        put(s, "name", d.value(QStringLiteral("name")).toString());
        put(s, "model", d.value(QStringLiteral("model")).toString());
        put(s, "manufacturer", d.value(QStringLiteral("vendor")).toString());
        put(s, "serial", d.value(QStringLiteral("serial")).toString());
        put(s, "interface", d.value(QStringLiteral("transport")).toString());
        s[QStringLiteral("type")] = QStringLiteral("disk");
        s[QStringLiteral("description")]
            = d.value(QStringLiteral("rotational")).toBool() ? QStringLiteral("HDD") : QStringLiteral("SSD");
        storages.append(s);
    }
    for (const QJsonValue &v : m.value(QStringLiteral("optical")).toArray()) {
        const QJsonObject d = v.toObject();
        QJsonObject s{{QStringLiteral("type"), QStringLiteral("cdrom")}};
        put(s, "name", d.value(QStringLiteral("name")).toString());
        put(s, "model", d.value(QStringLiteral("model")).toString());
        put(s, "manufacturer", d.value(QStringLiteral("vendor")).toString());
        s[QStringLiteral("description")] = d.value(QStringLiteral("writes_dvd_r")).toBool()
            ? QStringLiteral("DVD writer")
            : (d.value(QStringLiteral("reads_dvd")).toBool() ? QStringLiteral("DVD reader") : QStringLiteral("CD"));
        storages.append(s);
    }
    content[QStringLiteral("storages")] = storages;

    QJsonArray networks;
    for (const QJsonValue &v : m.value(QStringLiteral("network")).toArray()) {
        const QJsonObject n = v.toObject();
        QJsonObject o{
            {QStringLiteral("description"), n.value(QStringLiteral("name")).toString()},
            {QStringLiteral("virtualdev"), false},
            {QStringLiteral("type"),
             n.value(QStringLiteral("wireless")).toBool() ? QStringLiteral("wifi") : QStringLiteral("ethernet")}};
        put(o, "mac", n.value(QStringLiteral("mac")).toString());
        put(o, "driver", n.value(QStringLiteral("driver")).toString());
        put(o, "manufacturer", n.value(QStringLiteral("vendor")).toString());
        put(o, "model", n.value(QStringLiteral("product")).toString());
        put(o, "pcislot", n.value(QStringLiteral("pci_slot")).toString());
        if (n.contains(QStringLiteral("vendor_id")))
            o[QStringLiteral("pciid")] = (n.value(QStringLiteral("vendor_id")).toString() + u':'
                                          + n.value(QStringLiteral("device_id")).toString())
                                             .toUpper();
        networks.append(o);
    }
    content[QStringLiteral("networks")] = networks;

    QJsonArray controllers;
    for (const QJsonValue &v : m.value(QStringLiteral("pci")).toArray()) {
        const QJsonObject p = v.toObject();
        QJsonObject c;
        put(c, "name", p.value(QStringLiteral("device")).toString());
        put(c, "manufacturer", p.value(QStringLiteral("vendor")).toString());
        put(c, "type", p.value(QStringLiteral("class")).toString());
        put(c, "driver", p.value(QStringLiteral("driver")).toString());
        put(c, "pcislot", p.value(QStringLiteral("slot")).toString());
        put(c, "pciclass", p.value(QStringLiteral("class_id")).toString());
        put(c, "vendorid", p.value(QStringLiteral("vendor_id")).toString());
        put(c, "productid", p.value(QStringLiteral("device_id")).toString());
        controllers.append(c);
    }
    content[QStringLiteral("controllers")] = controllers;

    QJsonArray sounds;
    for (const QJsonValue &v : m.value(QStringLiteral("audio")).toArray()) {
        const QJsonObject a = v.toObject();
        QJsonObject s;
        put(s, "name", a.value(QStringLiteral("name")).toString());
        put(s, "description", a.value(QStringLiteral("driver")).toString());
        sounds.append(s);
    }
    content[QStringLiteral("sounds")] = sounds;

    QJsonArray usb, inputs;
    for (const QJsonValue &v : m.value(QStringLiteral("usb")).toArray()) {
        const QJsonObject u = v.toObject();
        if (u.value(QStringLiteral("hub")).toBool())
            continue;
        QJsonObject o{{QStringLiteral("vendorid"), u.value(QStringLiteral("vendor_id")).toString()},
                      {QStringLiteral("productid"), u.value(QStringLiteral("product_id")).toString()},
                      {QStringLiteral("class"), QString::number(u.value(QStringLiteral("class")).toInt())}};
        const QString name = u.value(QStringLiteral("product_string")).toString();
        put(o, "name", name.isEmpty() ? u.value(QStringLiteral("product")).toString() : name);
        const QString maker = u.value(QStringLiteral("manufacturer_string")).toString();
        put(o, "manufacturer", maker.isEmpty() ? u.value(QStringLiteral("vendor")).toString() : maker);
        put(o, "serial", u.value(QStringLiteral("serial")).toString());
        usb.append(o);
        if (const QString kind = u.value(QStringLiteral("peripheral")).toString(); !kind.isEmpty()) {
            QJsonObject in{{QStringLiteral("interface"), QStringLiteral("USB")},
                           {QStringLiteral("type"),
                            kind == u"keyboard"_qs ? QStringLiteral("Keyboard") : QStringLiteral("Pointing")}};
            put(in, "name", o.value(QStringLiteral("name")).toString());
            put(in, "manufacturer", o.value(QStringLiteral("manufacturer")).toString());
            inputs.append(in);
        }
    }
    content[QStringLiteral("usbdevices")] = usb;
    content[QStringLiteral("inputs")] = inputs;

    QJsonArray monitors;
    for (const QJsonValue &v : m.value(QStringLiteral("monitors")).toArray()) {
        const QJsonObject e = v.toObject();
        if (e.contains(QStringLiteral("error")))
            continue;
        QJsonObject o;
        put(o, "name", e.value(QStringLiteral("name")).toString());
        put(o, "caption", e.value(QStringLiteral("name")).toString());
        put(o, "manufacturer",
            e.value(QStringLiteral("manufacturer_name")).toString(e.value(QStringLiteral("manufacturer")).toString()));
        put(o, "port", e.value(QStringLiteral("connector")).toString());
        if (const qint64 s = e.value(QStringLiteral("serial_number")).toInteger())
            o[QStringLiteral("serial")] = QString::number(s);
        put(o, "altserial", e.value(QStringLiteral("serial_text")).toString());
        monitors.append(o);
    }
    content[QStringLiteral("monitors")] = monitors;

    QString id = deviceId;
    if (id.isEmpty()) {
        id = text(sys, "serial_number");
        if (id.isEmpty())
            id = summary.value(QStringLiteral("uuid")).toString();
        id = QStringLiteral("etabli-") + (id.isEmpty() ? QStringLiteral("unknown") : id);
    }
    return QJsonObject{{QStringLiteral("deviceid"), id},
                       {QStringLiteral("itemtype"), QStringLiteral("Computer")},
                       {QStringLiteral("action"), QStringLiteral("inventory")},
                       {QStringLiteral("content"), content}};
}

} // namespace Etabli::HwTest
