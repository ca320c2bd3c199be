// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "hwtest/probe/machineprobe.h"

#include "hwtest/probe/edid.h"
#include "hwtest/probe/hwids.h"
#include "hwtest/probe/smbios.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMutex>
#include <QRegularExpression>
#include <QSet>

#include <cmath>

namespace Etabli::HwTest {

namespace {

QByteArray readBytes(const QString &file, qint64 max = 1 << 20)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.read(max);
}

QString readText(const QString &file)
{
    return QString::fromUtf8(readBytes(file, 65536)).trimmed();
}

qint64 readInt(const QString &file, qint64 fallback = -1)
{
    bool ok = false;
    const qint64 v = readText(file).toLongLong(&ok, 0);
    return ok ? v : fallback;
}

/// A sysfs attribute holding a hexadecimal number without 0x ("09", "05f3").
int hexAttribute(const QString &file, int fallback = -1)
{
    bool ok = false;
    const int v = readText(file).toInt(&ok, 16);
    return ok ? v : fallback;
}

QStringList entries(const QString &dir, const QStringList &filters = {})
{
    return QDir(dir).entryList(filters, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::System, QDir::Name);
}

QString hex4(qint64 v)
{
    return QStringLiteral("%1").arg(v, 4, 16, QLatin1Char('0'));
}

QJsonValue orNull(const QString &s)
{
    return s.isEmpty() ? QJsonValue() : QJsonValue(s);
}

/// SMBIOS placeholders that mean "nobody filled this in".
bool meaningless(const QString &s)
{
    static const QStringList junk = {QStringLiteral("Not Specified"),
                                     QStringLiteral("To be filled by O.E.M."),
                                     QStringLiteral("To Be Filled By O.E.M."),
                                     QStringLiteral("Default string"),
                                     QStringLiteral("System Product Name"),
                                     QStringLiteral("System manufacturer"),
                                     QStringLiteral("<BAD INDEX>"),
                                     QStringLiteral("None"),
                                     QStringLiteral("Not Present"),
                                     QStringLiteral("Not Settable"),
                                     QStringLiteral("0123456789"),
                                     QStringLiteral("Unknown")};
    return s.trimmed().isEmpty() || junk.contains(s.trimmed(), Qt::CaseInsensitive);
}

QString clean(const QString &s)
{
    return meaningless(s) ? QString() : s.trimmed();
}

/// udev's database entry of a block device (ID_SERIAL_SHORT, ID_BUS…), when present.
QHash<QString, QString> udevProperties(const QString &root, const QString &devNumbers)
{
    QHash<QString, QString> props;
    const QStringList lines
        = readText(QDir(root).filePath(QStringLiteral("run/udev/data/b") + devNumbers)).split(u'\n');
    for (const QString &line : lines)
        if (line.startsWith(QLatin1String("E:"))) {
            const qsizetype eq = line.indexOf(u'=');
            if (eq > 2)
                props.insert(line.mid(2, eq - 2), line.mid(eq + 1));
        }
    return props;
}

/// SCSI VPD page 0x80 (unit serial number): 4-byte header then the text.
QString vpdSerial(const QByteArray &page)
{
    if (page.size() < 4)
        return {};
    const int len = static_cast<quint8>(page[3]);
    return QString::fromLatin1(page.mid(4, len)).trimmed();
}

QString transportOf(const QString &canonicalDevicePath, const QString &name)
{
    if (name.startsWith(QLatin1String("nvme")))
        return QStringLiteral("NVMe");
    if (canonicalDevicePath.contains(QLatin1String("/usb")))
        return QStringLiteral("USB");
    if (name.startsWith(QLatin1String("mmcblk")))
        return QStringLiteral("MMC");
    if (canonicalDevicePath.contains(QLatin1String("/ata")))
        return QStringLiteral("SATA");
    if (name.startsWith(QLatin1String("vd")) || canonicalDevicePath.contains(QLatin1String("/virtio")))
        return QStringLiteral("virtio");
    if (canonicalDevicePath.contains(QLatin1String("/host")))
        return QStringLiteral("SCSI");
    return QStringLiteral("unknown");
}

/// Peripheral kind of a USB HID interface: boot protocol first (1 keyboard, 2 mouse),
/// then the report descriptor's name as seen by input devices.
QString hidKind(int cls, int sub, int proto)
{
    if (cls != 3)
        return {};
    if (proto == 1)
        return QStringLiteral("keyboard");
    if (proto == 2)
        return QStringLiteral("mouse");
    Q_UNUSED(sub);
    return {};
}

} // namespace

MachineProbe::MachineProbe(QString root, UsbSource usb)
    : m_root(std::move(root))
    , m_usb(usb)
{}

MachineProbe::~MachineProbe() = default;

QString MachineProbe::path(const QString &relative) const
{
    return QDir(m_root).filePath(relative);
}

const HwIds &MachineProbe::ids()
{
    if (!m_ids) {
        // pci.ids and usb.ids take a while to parse: one loaded copy per search path
        // and per process, shared read-only between probes and threads.
        static QMutex mutex;
        static QHash<QString, std::shared_ptr<const HwIds>> cache;
        const QStringList dirs = HwIds::searchPath(m_root);
        QString key;
        for (const QString &d : dirs)
            for (const char *name : {"/pci.ids", "/usb.ids", "/pnp.ids"})
                if (QFileInfo::exists(d + QLatin1String(name)))
                    key += QFileInfo(d + QLatin1String(name)).canonicalFilePath() + u'\n';
        const QMutexLocker lock(&mutex);
        auto &slot = cache[key];
        if (!slot) {
            auto ids = std::make_shared<HwIds>();
            ids->load(dirs);
            slot = std::move(ids);
        }
        m_ids = slot;
    }
    return *m_ids;
}

QJsonObject MachineProbe::dmi()
{
    auto table = Smbios::read(m_root);
    if (table) {
        QJsonObject o = Smbios::toJson(*table);
        o[QStringLiteral("source")] = QStringLiteral("smbios");
        return o;
    }
    // Fallback: the kernel's own decoding, readable without root.
    const QString id = path(QStringLiteral("sys/class/dmi/id/"));
    if (!QFileInfo::exists(id)) {
        m_errors.append(QJsonObject{{QStringLiteral("reader"), QStringLiteral("dmi")},
                                    {QStringLiteral("error"), table.error().message}});
        return {};
    }
    const auto f = [&](const char *name) { return readText(id + QLatin1String(name)); };
    QJsonObject o{{QStringLiteral("source"), QStringLiteral("sysfs")}};
    o[QStringLiteral("bios")] = QJsonObject{{QStringLiteral("vendor"), f("bios_vendor")},
                                            {QStringLiteral("version"), f("bios_version")},
                                            {QStringLiteral("release_date"), f("bios_date")}};
    o[QStringLiteral("system")] = QJsonObject{
        {QStringLiteral("manufacturer"), f("sys_vendor")}, {QStringLiteral("product_name"), f("product_name")},
        {QStringLiteral("version"), f("product_version")}, {QStringLiteral("serial_number"), f("product_serial")},
        {QStringLiteral("uuid"), f("product_uuid")},       {QStringLiteral("family"), f("product_family")}};
    o[QStringLiteral("baseboard")] = QJsonObject{{QStringLiteral("manufacturer"), f("board_vendor")},
                                                 {QStringLiteral("product_name"), f("board_name")},
                                                 {QStringLiteral("serial_number"), f("board_serial")}};
    const int chassisType = int(readInt(id + u"chassis_type"_qs, 2));
    o[QStringLiteral("chassis")] = QJsonObject{{QStringLiteral("manufacturer"), f("chassis_vendor")},
                                               {QStringLiteral("type"), Smbios::chassisTypeName(chassisType)},
                                               {QStringLiteral("type_code"), chassisType},
                                               {QStringLiteral("serial_number"), f("chassis_serial")}};
    o[QStringLiteral("processors")] = QJsonArray();
    o[QStringLiteral("memory_devices")] = QJsonArray();
    return o;
}

QJsonObject MachineProbe::cpu()
{
    const QString info = QString::fromUtf8(readBytes(path(QStringLiteral("proc/cpuinfo"))));
    if (info.isEmpty()) {
        m_errors.append(QJsonObject{
            {QStringLiteral("reader"), QStringLiteral("cpu")},
            {QStringLiteral("error"), QCoreApplication::translate("MachineProbe", "cannot read /proc/cpuinfo")}});
        return {};
    }
    QString model, vendor;
    QStringList flags;
    int threads = 0;
    QSet<QString> cores, sockets;
    QString physical;
    for (const QString &block : info.split(QStringLiteral("\n\n"), Qt::SkipEmptyParts)) {
        QHash<QString, QString> kv;
        for (const QString &line : block.split(u'\n')) {
            const qsizetype colon = line.indexOf(u':');
            if (colon > 0)
                kv.insert(line.left(colon).trimmed(), line.mid(colon + 1).trimmed());
        }
        if (!kv.contains(QStringLiteral("processor")))
            continue;
        ++threads;
        if (model.isEmpty())
            model = kv.value(QStringLiteral("model name"));
        if (vendor.isEmpty())
            vendor = kv.value(QStringLiteral("vendor_id"));
        if (flags.isEmpty())
            flags = kv.value(QStringLiteral("flags")).split(u' ', Qt::SkipEmptyParts);
        physical = kv.value(QStringLiteral("physical id"), QStringLiteral("0"));
        sockets.insert(physical);
        if (kv.contains(QStringLiteral("core id")))
            cores.insert(QString(physical + u':' + kv.value(QStringLiteral("core id"))));
    }
    const qint64 maxKHz = readInt(path(QStringLiteral("sys/devices/system/cpu/cpu0/cpufreq/cpuinfo_max_freq")));
    QJsonObject o{{QStringLiteral("model"), model.simplified()},
                  {QStringLiteral("vendor"), vendor},
                  {QStringLiteral("sockets"), int(qMax<qsizetype>(1, sockets.size()))},
                  {QStringLiteral("cores"), int(cores.isEmpty() ? threads : cores.size())},
                  {QStringLiteral("threads"), threads},
                  {QStringLiteral("bits64"), flags.contains(QStringLiteral("lm"))},
                  {QStringLiteral("sse2"), flags.contains(QStringLiteral("sse2"))},
                  {QStringLiteral("avx"), flags.contains(QStringLiteral("avx"))},
                  {QStringLiteral("avx2"), flags.contains(QStringLiteral("avx2"))}};
    o[QStringLiteral("max_mhz")] = maxKHz > 0 ? QJsonValue(int(maxKHz / 1000)) : QJsonValue();
    return o;
}

QJsonObject MachineProbe::memory(const QJsonObject &dmi)
{
    QJsonObject o;
    const QString meminfo = readText(path(QStringLiteral("proc/meminfo")));
    static const QRegularExpression total(QStringLiteral("^MemTotal:\\s+(\\d+) kB"),
                                          QRegularExpression::MultilineOption);
    if (const auto m = total.match(meminfo); m.hasMatch())
        o[QStringLiteral("usable_bytes")] = m.captured(1).toLongLong() * 1024;
    else
        m_errors.append(
            QJsonObject{{QStringLiteral("reader"), QStringLiteral("memory")},
                        {QStringLiteral("error"),
                         QCoreApplication::translate("MachineProbe", "cannot read MemTotal in /proc/meminfo")}});
    QJsonArray modules;
    qint64 installed = 0;
    for (const QJsonValue &v : dmi.value(QStringLiteral("memory_devices")).toArray()) {
        const QJsonObject d = v.toObject();
        const qint64 bytes = d.value(QStringLiteral("size_bytes")).toInteger();
        if (bytes <= 0)
            continue;
        installed += bytes;
        modules.append(
            QJsonObject{{QStringLiteral("locator"), d.value(QStringLiteral("locator"))},
                        {QStringLiteral("size_bytes"), bytes},
                        {QStringLiteral("type"), d.value(QStringLiteral("type"))},
                        {QStringLiteral("form_factor"), d.value(QStringLiteral("form_factor"))},
                        {QStringLiteral("speed_mts"), d.value(QStringLiteral("speed_mts"))},
                        {QStringLiteral("manufacturer"), clean(d.value(QStringLiteral("manufacturer")).toString())},
                        {QStringLiteral("serial_number"), clean(d.value(QStringLiteral("serial_number")).toString())},
                        {QStringLiteral("part_number"), clean(d.value(QStringLiteral("part_number")).toString())}});
    }
    o[QStringLiteral("modules")] = modules;
    // Installed RAM: the modules' sum when SMBIOS lists them, else what the kernel sees.
    o[QStringLiteral("installed_bytes")]
        = installed > 0 ? installed : o.value(QStringLiteral("usable_bytes")).toInteger();
    return o;
}

QJsonArray MachineProbe::disks()
{
    QJsonArray out;
    const QString block = path(QStringLiteral("sys/block"));
    static const QRegularExpression skip(QStringLiteral("^(loop|ram|zram|dm-|md|sr|fd|nbd)"));
    for (const QString &name : entries(block)) {
        if (skip.match(name).hasMatch())
            continue;
        const QString dir = block + u'/' + name;
        const QString canonical = QFileInfo(dir).canonicalFilePath();
        if (canonical.contains(QLatin1String("/virtual/")))
            continue;
        const qint64 sectors = readInt(dir + QStringLiteral("/size"), 0);
        if (sectors <= 0)
            continue; // empty card reader slot
        const QHash<QString, QString> udev = udevProperties(m_root, readText(dir + QStringLiteral("/dev")));
        QString serial = readText(dir + QStringLiteral("/device/serial"));
        if (serial.isEmpty())
            serial = vpdSerial(readBytes(dir + QStringLiteral("/device/vpd_pg80"), 512));
        if (serial.isEmpty())
            serial = udev.value(QStringLiteral("ID_SERIAL_SHORT"));
        QString model = readText(dir + QStringLiteral("/device/model"));
        if (model.isEmpty())
            model = udev.value(QStringLiteral("ID_MODEL")).replace(u'_', u' ');
        QJsonObject d{{QStringLiteral("name"), name},
                      {QStringLiteral("model"), model},
                      {QStringLiteral("vendor"), readText(dir + QStringLiteral("/device/vendor"))},
                      {QStringLiteral("serial"), serial},
                      {QStringLiteral("size_bytes"), sectors * 512},
                      {QStringLiteral("rotational"), readInt(dir + QStringLiteral("/queue/rotational"), 0) == 1},
                      {QStringLiteral("removable"), readInt(dir + QStringLiteral("/removable"), 0) == 1},
                      {QStringLiteral("transport"), transportOf(canonical, name)}};
        out.append(d);
    }
    return out;
}

QJsonArray MachineProbe::optical()
{
    QJsonArray out;
    const QString info = readText(path(QStringLiteral("proc/sys/dev/cdrom/info")));
    if (info.isEmpty())
        return out;
    // One column per drive, tab-separated after "label:".
    QHash<QString, QStringList> rows;
    for (const QString &line : info.split(u'\n')) {
        const qsizetype colon = line.indexOf(u':');
        if (colon <= 0)
            continue;
        rows.insert(line.left(colon).trimmed(), line.mid(colon + 1).split(u'\t', Qt::SkipEmptyParts));
    }
    const QStringList names = rows.value(QStringLiteral("drive name"));
    for (int i = 0; i < names.size(); ++i) {
        const auto cap = [&](const char *label) {
            return rows.value(QLatin1String(label)).value(i).trimmed() == QLatin1String("1");
        };
        const QString name = names[i].trimmed();
        const QString dev = path(QStringLiteral("sys/block/") + name + QStringLiteral("/device/"));
        QJsonObject d{{QStringLiteral("name"), name},
                      {QStringLiteral("vendor"), readText(dev + u"vendor"_qs)},
                      {QStringLiteral("model"), readText(dev + u"model"_qs)},
                      {QStringLiteral("speed"), rows.value(QStringLiteral("drive speed")).value(i).trimmed().toInt()},
                      {QStringLiteral("reads_cd"), true},
                      {QStringLiteral("writes_cd_r"), cap("Can write CD-R")},
                      {QStringLiteral("writes_cd_rw"), cap("Can write CD-RW")},
                      {QStringLiteral("reads_dvd"), cap("Can read DVD")},
                      {QStringLiteral("writes_dvd_r"), cap("Can write DVD-R")},
                      {QStringLiteral("writes_dvd_ram"), cap("Can write DVD-RAM")}};
        out.append(d);
    }
    return out;
}

QJsonArray MachineProbe::network()
{
    QJsonArray out;
    const QString net = path(QStringLiteral("sys/class/net"));
    for (const QString &name : entries(net)) {
        const QString dir = net + u'/' + name;
        if (!QFileInfo::exists(dir + QStringLiteral("/device")))
            continue; // lo, bridges, tunnels: no hardware behind
        const QString device = QFileInfo(dir + QStringLiteral("/device")).canonicalFilePath();
        QJsonObject n{{QStringLiteral("name"), name},
                      {QStringLiteral("mac"), readText(dir + QStringLiteral("/address"))},
                      {QStringLiteral("driver"),
                       QFileInfo(QFileInfo(dir + QStringLiteral("/device/driver")).symLinkTarget()).fileName()},
                      {QStringLiteral("wireless"),
                       QFileInfo::exists(dir + QStringLiteral("/wireless"))
                           || QFileInfo::exists(dir + QStringLiteral("/phy80211"))}};
        const qint64 vendor = readInt(dir + QStringLiteral("/device/vendor"));
        const qint64 product = readInt(dir + QStringLiteral("/device/device"));
        if (vendor >= 0 && product >= 0) {
            n[QStringLiteral("bus")] = QStringLiteral("pci");
            n[QStringLiteral("pci_slot")] = QFileInfo(device).fileName();
            n[QStringLiteral("vendor_id")] = hex4(vendor);
            n[QStringLiteral("device_id")] = hex4(product);
            n[QStringLiteral("vendor")] = orNull(ids().pciVendor(quint16(vendor)));
            n[QStringLiteral("product")] = orNull(ids().pciDevice(quint16(vendor), quint16(product)));
        } else if (const QString usb = QFileInfo(device).path(); QFileInfo::exists(usb + u"/idVendor"_qs)) {
            const qint64 v = hexAttribute(usb + u"/idVendor"_qs);
            const qint64 p = hexAttribute(usb + u"/idProduct"_qs);
            n[QStringLiteral("bus")] = QStringLiteral("usb");
            n[QStringLiteral("vendor_id")] = hex4(v);
            n[QStringLiteral("device_id")] = hex4(p);
            n[QStringLiteral("vendor")] = orNull(ids().usbVendor(quint16(v)));
            n[QStringLiteral("product")] = orNull(ids().usbProduct(quint16(v), quint16(p)));
        }
        out.append(n);
    }
    return out;
}

QJsonArray MachineProbe::pci()
{
    QJsonArray out;
    const QString bus = path(QStringLiteral("sys/bus/pci/devices"));
    for (const QString &slot : entries(bus)) {
        const QString dir = bus + u'/' + slot;
        const qint64 vendor = readInt(dir + QStringLiteral("/vendor"));
        const qint64 device = readInt(dir + QStringLiteral("/device"));
        const qint64 cls = readInt(dir + QStringLiteral("/class"));
        if (vendor < 0 || device < 0)
            continue;
        const quint8 base = quint8((cls >> 16) & 0xFF), sub = quint8((cls >> 8) & 0xFF);
        out.append(
            QJsonObject{{QStringLiteral("slot"), slot},
                        {QStringLiteral("vendor_id"), hex4(vendor)},
                        {QStringLiteral("device_id"), hex4(device)},
                        {QStringLiteral("class_id"),
                         QStringLiteral("%1%2").arg(base, 2, 16, QLatin1Char('0')).arg(sub, 2, 16, QLatin1Char('0'))},
                        {QStringLiteral("class"), orNull(ids().pciClass(base, sub))},
                        {QStringLiteral("vendor"), orNull(ids().pciVendor(quint16(vendor)))},
                        {QStringLiteral("device"), orNull(ids().pciDevice(quint16(vendor), quint16(device)))},
                        {QStringLiteral("driver"),
                         QFileInfo(QFileInfo(dir + QStringLiteral("/driver")).symLinkTarget()).fileName()}});
    }
    return out;
}

QJsonArray MachineProbe::audio()
{
    QJsonArray out;
    // " 0 [PCH            ]: HDA-Intel - HDA Intel PCH"
    static const QRegularExpression card(QStringLiteral("^\\s*(\\d+) \\[(\\S+)\\s*\\]: (.+?) - (.+)$"));
    for (const QString &line : readText(path(QStringLiteral("proc/asound/cards"))).split(u'\n')) {
        const auto m = card.match(line);
        if (!m.hasMatch())
            continue;
        out.append(QJsonObject{{QStringLiteral("index"), m.captured(1).toInt()},
                               {QStringLiteral("id"), m.captured(2)},
                               {QStringLiteral("driver"), m.captured(3).trimmed()},
                               {QStringLiteral("name"), m.captured(4).trimmed()}});
    }
    return out;
}

QJsonArray MachineProbe::usb()
{
    if (m_usb == UsbSource::Libusb || (m_usb == UsbSource::Auto && QDir(m_root).canonicalPath() == u"/"_qs)) {
        auto r = usbFromLibusb(ids());
        if (r)
            return *r;
        if (m_usb == UsbSource::Libusb) {
            m_errors.append(QJsonObject{{QStringLiteral("reader"), QStringLiteral("usb")},
                                        {QStringLiteral("error"), r.error().message}});
            return {};
        }
    }
    QJsonArray out;
    const QString bus = path(QStringLiteral("sys/bus/usb/devices"));
    for (const QString &name : entries(bus)) {
        if (name.contains(u':'))
            continue; // interfaces are read with their device
        const QString dir = bus + u'/' + name;
        bool okV = false, okP = false;
        const quint16 v = quint16(readText(dir + u"/idVendor"_qs).toUInt(&okV, 16));
        const quint16 p = quint16(readText(dir + u"/idProduct"_qs).toUInt(&okP, 16));
        if (!okV || !okP)
            continue;
        QString kind;
        const QString base = QFileInfo(dir).canonicalFilePath();
        for (const QString &intf : entries(base, {name + u":*"_qs})) {
            const QString idir = base + u'/' + intf;
            kind = hidKind(int(hexAttribute(idir + u"/bInterfaceClass"_qs)),
                           int(hexAttribute(idir + u"/bInterfaceSubClass"_qs)),
                           int(hexAttribute(idir + u"/bInterfaceProtocol"_qs)));
            if (!kind.isEmpty())
                break;
        }
        const int cls = hexAttribute(dir + u"/bDeviceClass"_qs, 0);
        QJsonObject d{
            {QStringLiteral("bus"), int(readInt(dir + u"/busnum"_qs, 0))},
            {QStringLiteral("port_path"), name.startsWith(u"usb"_qs) ? QStringLiteral("0") : name.section(u'-', 1)},
            {QStringLiteral("device_address"), int(readInt(dir + u"/devnum"_qs, 0))},
            {QStringLiteral("vendor_id"), hex4(v)},
            {QStringLiteral("product_id"), hex4(p)},
            {QStringLiteral("class"), cls},
            {QStringLiteral("vendor"), orNull(ids().usbVendor(v))},
            {QStringLiteral("product"), orNull(ids().usbProduct(v, p))},
            {QStringLiteral("manufacturer_string"), orNull(readText(dir + u"/manufacturer"_qs))},
            {QStringLiteral("product_string"), orNull(readText(dir + u"/product"_qs))},
            {QStringLiteral("serial"), orNull(readText(dir + u"/serial"_qs))},
            {QStringLiteral("peripheral"), orNull(kind)}};
        if (cls == 9)
            d[QStringLiteral("hub")] = true;
        out.append(d);
    }
    return out;
}

QJsonArray MachineProbe::monitors()
{
    QJsonArray out;
    const QString drm = path(QStringLiteral("sys/class/drm"));
    for (const QString &name : entries(drm, {QStringLiteral("card*-*")})) {
        const QString file = drm + u'/' + name + u"/edid"_qs;
        if (!QFileInfo::exists(file))
            continue;
        const QByteArray blob = readBytes(file, 32768);
        if (blob.isEmpty())
            continue; // connector with nothing plugged in
        const QString connector = name.section(u'-', 1);
        auto e = Edid::parse(blob, [this](const QString &id) { return ids().pnpName(id); });
        QJsonObject m = e ? e->toJson()
                          : QJsonObject{{QStringLiteral("error"), e.error().message},
                                        {QStringLiteral("error_detail"), e.error().detail}};
        m[QStringLiteral("connector")] = connector;
        out.append(m);
    }
    return out;
}

QJsonObject MachineProbe::probe()
{
    m_errors = QJsonArray();
    QJsonObject o;
    const QJsonObject d = dmi();
    o[QStringLiteral("dmi")] = d;
    const QJsonObject sys = d.value(QStringLiteral("system")).toObject();
    const QJsonObject chassis = d.value(QStringLiteral("chassis")).toObject();
    o[QStringLiteral("system")] = QJsonObject{
        {QStringLiteral("manufacturer"), clean(sys.value(QStringLiteral("manufacturer")).toString())},
        {QStringLiteral("model"), clean(sys.value(QStringLiteral("product_name")).toString())},
        {QStringLiteral("serial"), clean(sys.value(QStringLiteral("serial_number")).toString())},
        {QStringLiteral("uuid"), clean(sys.value(QStringLiteral("uuid")).toString())},
        {QStringLiteral("chassis_type"), chassis.value(QStringLiteral("type")).toString()},
        {QStringLiteral("chassis_serial"), clean(chassis.value(QStringLiteral("serial_number")).toString())}};
    o[QStringLiteral("cpu")] = cpu();
    o[QStringLiteral("memory")] = memory(d);
    o[QStringLiteral("disks")] = disks();
    o[QStringLiteral("optical")] = optical();
    o[QStringLiteral("network")] = network();
    o[QStringLiteral("pci")] = pci();
    o[QStringLiteral("audio")] = audio();
    const QJsonArray usbDevices = usb();
    o[QStringLiteral("usb")] = usbDevices;
    QJsonArray peripherals;
    for (const QJsonValue &v : usbDevices) {
        const QJsonObject u = v.toObject();
        if (!u.value(QStringLiteral("peripheral")).isString())
            continue;
        const QString make = u.value(QStringLiteral("manufacturer_string")).toString();
        const QString model = u.value(QStringLiteral("product_string")).toString();
        peripherals.append(QJsonObject{
            {QStringLiteral("kind"), u.value(QStringLiteral("peripheral"))},
            {QStringLiteral("make"), make.isEmpty() ? u.value(QStringLiteral("vendor")).toString() : make},
            {QStringLiteral("model"), model.isEmpty() ? u.value(QStringLiteral("product")).toString() : model},
            {QStringLiteral("serial"), u.value(QStringLiteral("serial"))},
            {QStringLiteral("usb_id"),
             QString(u.value(QStringLiteral("vendor_id")).toString() + u':'
                     + u.value(QStringLiteral("product_id")).toString())}});
    }
    o[QStringLiteral("peripherals")] = peripherals;
    const QJsonArray screens = monitors();
    o[QStringLiteral("monitors")] = screens;
    for (const QJsonValue &v : screens)
        if (v.toObject().contains(QStringLiteral("error")))
            m_errors.append(QJsonObject{{QStringLiteral("reader"), QStringLiteral("monitor")},
                                        {QStringLiteral("connector"), v.toObject().value(QStringLiteral("connector"))},
                                        {QStringLiteral("error"), v.toObject().value(QStringLiteral("error"))}});
    o[QStringLiteral("errors")] = m_errors;
    return o;
}

QString MachineProbe::toText(const QJsonObject &m)
{
    QStringList lines;
    const auto gib = [](qint64 bytes) { return QString::number(double(bytes) / (1024.0 * 1024 * 1024), 'f', 1); };
    const auto gb = [](qint64 bytes) { return QString::number(std::round(double(bytes) / 1e9)); };
    const QJsonObject sys = m.value(QStringLiteral("system")).toObject();
    lines << QCoreApplication::translate("MachineProbe", "Computer: %1 %2 (%3)  serial %4")
                 .arg(sys.value(QStringLiteral("manufacturer")).toString(),
                      sys.value(QStringLiteral("model")).toString(),
                      sys.value(QStringLiteral("chassis_type")).toString(),
                      sys.value(QStringLiteral("serial")).toString());
    const QJsonObject cpu = m.value(QStringLiteral("cpu")).toObject();
    lines << QCoreApplication::translate("MachineProbe", "CPU: %1, %2 cores / %3 threads, %4")
                 .arg(cpu.value(QStringLiteral("model")).toString())
                 .arg(cpu.value(QStringLiteral("cores")).toInt())
                 .arg(cpu.value(QStringLiteral("threads")).toInt())
                 .arg(cpu.value(QStringLiteral("bits64")).toBool()
                          ? QCoreApplication::translate("MachineProbe", "64-bit")
                          : QCoreApplication::translate("MachineProbe", "32-bit only"));
    const QJsonObject mem = m.value(QStringLiteral("memory")).toObject();
    lines << QCoreApplication::translate("MachineProbe", "Memory: %1 GiB")
                 .arg(gib(mem.value(QStringLiteral("installed_bytes")).toInteger()));
    for (const QJsonValue &v : mem.value(QStringLiteral("modules")).toArray()) {
        const QJsonObject d = v.toObject();
        lines << QStringLiteral("  %1: %2 GiB %3 %4 %5")
                     .arg(d.value(QStringLiteral("locator")).toString(),
                          gib(d.value(QStringLiteral("size_bytes")).toInteger()),
                          d.value(QStringLiteral("type")).toString(),
                          d.value(QStringLiteral("manufacturer")).toString(),
                          d.value(QStringLiteral("part_number")).toString());
    }
    for (const QJsonValue &v : m.value(QStringLiteral("disks")).toArray()) {
        const QJsonObject d = v.toObject();
        lines << QCoreApplication::translate("MachineProbe", "Disk %1: %2 GB %3 %4 %5 serial %6")
                     .arg(d.value(QStringLiteral("name")).toString(),
                          gb(d.value(QStringLiteral("size_bytes")).toInteger()),
                          d.value(QStringLiteral("transport")).toString(),
                          d.value(QStringLiteral("rotational")).toBool()
                              ? QCoreApplication::translate("MachineProbe", "HDD")
                              : QCoreApplication::translate("MachineProbe", "SSD"),
                          d.value(QStringLiteral("model")).toString(), d.value(QStringLiteral("serial")).toString());
    }
    for (const QJsonValue &v : m.value(QStringLiteral("optical")).toArray()) {
        const QJsonObject d = v.toObject();
        lines << QCoreApplication::translate("MachineProbe", "Optical %1: %2 %3 (%4)")
                     .arg(d.value(QStringLiteral("name")).toString(), d.value(QStringLiteral("vendor")).toString(),
                          d.value(QStringLiteral("model")).toString(),
                          d.value(QStringLiteral("writes_dvd_r")).toBool()
                              ? QCoreApplication::translate("MachineProbe", "DVD writer")
                              : d.value(QStringLiteral("reads_dvd")).toBool()
                              ? QCoreApplication::translate("MachineProbe", "DVD reader")
                              : QCoreApplication::translate("MachineProbe", "CD only"));
    }
    for (const QJsonValue &v : m.value(QStringLiteral("network")).toArray()) {
        const QJsonObject d = v.toObject();
        lines << QCoreApplication::translate("MachineProbe", "Network %1: %2 %3 (%4)")
                     .arg(d.value(QStringLiteral("name")).toString(), d.value(QStringLiteral("mac")).toString(),
                          d.value(QStringLiteral("product")).toString(), d.value(QStringLiteral("driver")).toString());
    }
    for (const QJsonValue &v : m.value(QStringLiteral("audio")).toArray())
        lines << QCoreApplication::translate("MachineProbe", "Audio: %1")
                     .arg(v.toObject().value(QStringLiteral("name")).toString());
    for (const QJsonValue &v : m.value(QStringLiteral("peripherals")).toArray()) {
        const QJsonObject d = v.toObject();
        lines << QCoreApplication::translate("MachineProbe", "Peripheral (%1): %2 %3")
                     .arg(d.value(QStringLiteral("kind")).toString(), d.value(QStringLiteral("make")).toString(),
                          d.value(QStringLiteral("model")).toString());
    }
    for (const QJsonValue &v : m.value(QStringLiteral("monitors")).toArray()) {
        const QJsonObject d = v.toObject();
        if (d.contains(QStringLiteral("error"))) {
            lines << QCoreApplication::translate("MachineProbe", "Monitor on %1: unreadable EDID (%2)")
                         .arg(d.value(QStringLiteral("connector")).toString(),
                              d.value(QStringLiteral("error")).toString());
            continue;
        }
        lines << QCoreApplication::translate("MachineProbe", "Monitor on %1: %2 %3, %4\" serial %5, %6")
                     .arg(d.value(QStringLiteral("connector")).toString(),
                          d.value(QStringLiteral("manufacturer_name"))
                              .toString(d.value(QStringLiteral("manufacturer")).toString()),
                          d.value(QStringLiteral("name"))
                              .toString(QCoreApplication::translate("MachineProbe", "model %1")
                                            .arg(d.value(QStringLiteral("product_code")).toInt())))
                     .arg(d.value(QStringLiteral("diagonal_in")).toDouble())
                     .arg(d.value(QStringLiteral("serial_number")).toInteger())
                     .arg(d.value(QStringLiteral("year")).toInt(d.value(QStringLiteral("model_year")).toInt()));
    }
    for (const QJsonValue &v : m.value(QStringLiteral("errors")).toArray())
        lines << QCoreApplication::translate("MachineProbe", "Problem (%1): %2")
                     .arg(v.toObject().value(QStringLiteral("reader")).toString(),
                          v.toObject().value(QStringLiteral("error")).toString());
    return lines.join(u'\n') + u'\n';
}

} // namespace Etabli::HwTest
