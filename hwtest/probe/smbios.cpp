// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
//
// Field layouts follow DMTF DSP0134; the text of each value follows dmidecode 3.4,
// which the cross-check test uses as the oracle.
#include "hwtest/probe/smbios.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>

#include <array>

namespace Etabli::HwTest {

namespace {

quint8 byteAt(const QByteArray &d, qsizetype off)
{
    return off >= 0 && off < d.size() ? static_cast<quint8>(d[off]) : 0;
}
quint16 wordAt(const QByteArray &d, qsizetype off)
{
    return quint16(byteAt(d, off) | (byteAt(d, off + 1) << 8));
}
quint32 dwordAt(const QByteArray &d, qsizetype off)
{
    return quint32(wordAt(d, off)) | (quint32(wordAt(d, off + 2)) << 16);
}
quint64 qwordAt(const QByteArray &d, qsizetype off)
{
    return quint64(dwordAt(d, off)) | (quint64(dwordAt(d, off + 4)) << 32);
}

bool checksumOk(const QByteArray &d, qsizetype from, qsizetype len)
{
    if (from < 0 || len <= 0 || from + len > d.size())
        return false;
    quint8 sum = 0;
    for (qsizetype i = from; i < from + len; ++i)
        sum = quint8(sum + static_cast<quint8>(d[i]));
    return sum == 0;
}

Error corrupt(const QString &message, const char *detail)
{
    return makeError(ErrorCode::Corrupt, message, QLatin1String(detail));
}

/// Walks the structures of `table`; stops at type 127, at `maxCount` structures or
/// at the first structure that would run past the end (as dmidecode does).
QList<SmbiosStructure> walk(const QByteArray &table, int maxCount)
{
    QList<SmbiosStructure> out;
    qsizetype pos = 0;
    while (pos + 4 <= table.size() && (maxCount < 0 || out.size() < maxCount)) {
        const quint8 type = byteAt(table, pos);
        const quint8 length = byteAt(table, pos + 1);
        if (length < 4)
            break;
        qsizetype next = pos + length;
        if (next > table.size())
            break;
        // The string set ends with two NULs.
        while (next + 1 < table.size() && (table[next] != 0 || table[next + 1] != 0))
            ++next;
        if (next + 1 >= table.size())
            break;
        SmbiosStructure s;
        s.type = type;
        s.handle = wordAt(table, pos + 2);
        s.formatted = table.mid(pos, length);
        const QByteArray strings = table.mid(pos + length, next - (pos + length));
        if (!strings.isEmpty() && strings != QByteArray(1, '\0'))
            s.strings = strings.split('\0');
        out.append(std::move(s));
        pos = next + 2;
        if (type == 127)
            break;
    }
    return out;
}

// --- value formatting, as dmidecode 3.4 prints it -------------------------------

QString str(const SmbiosStructure &s, qsizetype offset)
{
    if (offset >= s.formatted.size())
        return {};
    const int index = byteAt(s.formatted, offset);
    if (index == 0)
        return QStringLiteral("Not Specified");
    if (index > s.strings.size() || s.strings[index - 1].isEmpty())
        return QStringLiteral("<BAD INDEX>");
    QByteArray v = s.strings[index - 1];
    for (char &c : v)
        if (static_cast<unsigned char>(c) < 32 || c == 127)
            c = '.';
    return QString::fromLatin1(v).trimmed();
}

template<std::size_t N>
QString lookup(const std::array<const char *, N> &names, unsigned code, unsigned first = 1)
{
    if (code >= first && code - first < N)
        return QLatin1String(names[code - first]);
    return QStringLiteral("<OUT OF SPEC>");
}

QString frequency(quint16 mhz)
{
    return mhz == 0 ? QStringLiteral("Unknown") : QStringLiteral("%1 MHz").arg(mhz);
}

/// dmidecode's dmi_print_memory_size: the largest unit keeping at most two parts.
QString memorySize(quint64 code, int shift)
{
    static const char *units[] = {"bytes", "kB", "MB", "GB", "TB", "PB", "EB", "ZB"};
    std::array<quint64, 7> split{};
    for (int i = 0; i < 7; ++i)
        split[i] = (code >> (10 * i)) & 0x3FF;
    int i = 6;
    for (; i > 0; --i)
        if (split[i])
            break;
    quint64 capacity;
    if (i > 0 && split[i - 1]) {
        --i;
        capacity = split[i] + (split[i + 1] << 10);
    } else {
        capacity = split[i];
    }
    return QStringLiteral("%1 %2").arg(capacity).arg(QLatin1String(units[i + shift]));
}

QString uuid(const QByteArray &f, qsizetype off, int version)
{
    bool allFF = true, all00 = true;
    for (int i = 0; i < 16; ++i) {
        allFF = allFF && byteAt(f, off + i) == 0xFF;
        all00 = all00 && byteAt(f, off + i) == 0x00;
    }
    if (allFF)
        return QStringLiteral("Not Present");
    if (all00)
        return QStringLiteral("Not Settable");
    // Since SMBIOS 2.6 the first three fields are little-endian.
    static const int le[16] = {3, 2, 1, 0, 5, 4, 7, 6, 8, 9, 10, 11, 12, 13, 14, 15};
    QString out;
    for (int i = 0; i < 16; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            out += u'-';
        const int idx = version >= 0x0206 ? le[i] : i;
        out += QStringLiteral("%1").arg(byteAt(f, off + idx), 2, 16, QLatin1Char('0'));
    }
    return out;
}

constexpr std::array<const char *, 9> kWakeUp
    = {"Reserved",   "Other",        "Unknown",  "APM Timer",        "Modem Ring",
       "LAN Remote", "Power Switch", "PCI PME#", "AC Power Restored"};

constexpr std::array<const char *, 13> kBoardTypes = {"Unknown",
                                                      "Other",
                                                      "Server Blade",
                                                      "Connectivity Switch",
                                                      "System Management Module",
                                                      "Processor Module",
                                                      "I/O Module",
                                                      "Memory Module",
                                                      "Daughter Board",
                                                      "Motherboard",
                                                      "Processor+Memory Module",
                                                      "Processor+I/O Module",
                                                      "Interconnect Board"};

constexpr std::array<const char *, 36> kChassisTypes = {"Other",
                                                        "Unknown",
                                                        "Desktop",
                                                        "Low Profile Desktop",
                                                        "Pizza Box",
                                                        "Mini Tower",
                                                        "Tower",
                                                        "Portable",
                                                        "Laptop",
                                                        "Notebook",
                                                        "Hand Held",
                                                        "Docking Station",
                                                        "All In One",
                                                        "Sub Notebook",
                                                        "Space-saving",
                                                        "Lunch Box",
                                                        "Main Server Chassis",
                                                        "Expansion Chassis",
                                                        "Sub Chassis",
                                                        "Bus Expansion Chassis",
                                                        "Peripheral Chassis",
                                                        "RAID Chassis",
                                                        "Rack Mount Chassis",
                                                        "Sealed-case PC",
                                                        "Multi-system",
                                                        "CompactPCI",
                                                        "AdvancedTCA",
                                                        "Blade",
                                                        "Blade Enclosing",
                                                        "Tablet",
                                                        "Convertible",
                                                        "Detachable",
                                                        "IoT Gateway",
                                                        "Embedded PC",
                                                        "Mini PC",
                                                        "Stick PC"};

constexpr std::array<const char *, 6> kProcessorTypes
    = {"Other", "Unknown", "Central Processor", "Math Processor", "DSP Processor", "Video Processor"};

constexpr std::array<const char *, 16> kFormFactors
    = {"Other", "Unknown", "SIMM",         "SIP",  "Chip",   "DIP",   "ZIP",     "Proprietary Card",
       "DIMM",  "TSOP",    "Row Of Chips", "RIMM", "SODIMM", "SRIMM", "FB-DIMM", "Die"};

constexpr std::array<const char *, 35> kMemoryTypes = {"Other",
                                                       "Unknown",
                                                       "DRAM",
                                                       "EDRAM",
                                                       "VRAM",
                                                       "SRAM",
                                                       "RAM",
                                                       "ROM",
                                                       "Flash",
                                                       "EEPROM",
                                                       "FEPROM",
                                                       "EPROM",
                                                       "CDRAM",
                                                       "3DRAM",
                                                       "SDRAM",
                                                       "SGRAM",
                                                       "RDRAM",
                                                       "DDR",
                                                       "DDR2",
                                                       "DDR2 FB-DIMM",
                                                       "Reserved",
                                                       "Reserved",
                                                       "Reserved",
                                                       "DDR3",
                                                       "FBD2",
                                                       "DDR4",
                                                       "LPDDR",
                                                       "LPDDR2",
                                                       "LPDDR3",
                                                       "LPDDR4",
                                                       "Logical non-volatile device",
                                                       "HBM",
                                                       "HBM2",
                                                       "DDR5",
                                                       "LPDDR5"};

/// The processor families a workshop meets (DSP0134 table 23). Codes not listed
/// here are left out of the output rather than guessed.
QString processorFamily(unsigned code)
{
    struct Family {
        unsigned code;
        const char *name;
    };
    static constexpr Family families[] = {
        {0x01, "Other"},
        {0x02, "Unknown"},
        {0x0B, "Pentium"},
        {0x0C, "Pentium Pro"},
        {0x0D, "Pentium II"},
        {0x0E, "Pentium MMX"},
        {0x0F, "Celeron"},
        {0x10, "Pentium II Xeon"},
        {0x11, "Pentium III"},
        {0x14, "Celeron M"},
        {0x15, "Pentium 4 HT"},
        {0x18, "Duron"},
        {0x19, "K5"},
        {0x1A, "K6"},
        {0x1B, "K6-2"},
        {0x1C, "K6-3"},
        {0x1D, "Athlon"},
        {0x28, "Core Duo"},
        {0x29, "Core Duo Mobile"},
        {0x2A, "Core Solo Mobile"},
        {0x2B, "Atom"},
        {0x2C, "Core M"},
        {0x2D, "Core m3"},
        {0x2E, "Core m5"},
        {0x2F, "Core m7"},
        {0x6B, "Zen"},
        {0x83, "Athlon 64"},
        {0x84, "Opteron"},
        {0x85, "Sempron"},
        {0x86, "Turion 64"},
        {0x87, "Dual-Core Opteron"},
        {0x88, "Athlon 64 X2"},
        {0x89, "Turion 64 X2"},
        {0x8A, "Quad-Core Opteron"},
        {0x8B, "Third-Generation Opteron"},
        {0x8C, "Phenom FX"},
        {0x8D, "Phenom X4"},
        {0x8E, "Phenom X2"},
        {0x8F, "Athlon X2"},
        {0xB0, "Pentium III Xeon"},
        {0xB1, "Pentium III Speedstep"},
        {0xB2, "Pentium 4"},
        {0xB3, "Xeon"},
        {0xB5, "Xeon MP"},
        {0xB6, "Athlon XP"},
        {0xB7, "Athlon MP"},
        {0xB8, "Itanium 2"},
        {0xB9, "Pentium M"},
        {0xBA, "Celeron D"},
        {0xBB, "Pentium D"},
        {0xBC, "Pentium EE"},
        {0xBD, "Core Solo"},
        {0xBF, "Core 2 Duo"},
        {0xC0, "Core 2 Solo"},
        {0xC1, "Core 2 Extreme"},
        {0xC2, "Core 2 Quad"},
        {0xC3, "Core 2 Extreme Mobile"},
        {0xC4, "Core 2 Duo Mobile"},
        {0xC5, "Core 2 Solo Mobile"},
        {0xC6, "Core i7"},
        {0xC7, "Dual-Core Celeron"},
        {0xCD, "Core i5"},
        {0xCE, "Core i3"},
        {0xCF, "Core i9"},
        {0xE6, "Embedded Opteron Quad-Core"},
        {0xE7, "Phenom Triple-Core"},
        {0xE8, "Turion Ultra Dual-Core Mobile"},
        {0xE9, "Turion Dual-Core Mobile"},
        {0xEA, "Athlon Dual-Core"},
        {0xEB, "Sempron SI"},
        {0xEC, "Phenom II"},
        {0xED, "Athlon II"},
        {0xEE, "Six-Core Opteron"},
        {0xEF, "Sempron M"},
    };
    for (const Family &f : families)
        if (f.code == code)
            return QLatin1String(f.name);
    return {};
}

QString processorStatus(quint8 code)
{
    if (!(code & 0x40))
        return QStringLiteral("Unpopulated");
    static constexpr std::array<const char *, 8> status
        = {"Unknown", "Enabled",       "Disabled By User", "Disabled By BIOS",
           "Idle",    "<OUT OF SPEC>", "<OUT OF SPEC>",    "Other"};
    return QStringLiteral("Populated, ") + QLatin1String(status[code & 0x07]);
}

QString memoryWidth(quint16 code)
{
    return code == 0xFFFF || code == 0 ? QStringLiteral("Unknown") : QStringLiteral("%1 bits").arg(code);
}

QString memorySpeed(quint16 code1, quint32 code2)
{
    const quint32 v = code1 == 0xFFFF ? code2 : code1;
    return v == 0 ? QStringLiteral("Unknown") : QStringLiteral("%1 MT/s").arg(v);
}

QString handleText(quint16 h)
{
    return QStringLiteral("0x") + QStringLiteral("%1").arg(h, 4, 16, QLatin1Char('0')).toUpper();
}

QJsonObject bios(const SmbiosStructure &s)
{
    const QByteArray &f = s.formatted;
    QJsonObject o{{QStringLiteral("handle"), handleText(s.handle)}};
    if (f.size() < 0x12)
        return o;
    o[QStringLiteral("vendor")] = str(s, 0x04);
    o[QStringLiteral("version")] = str(s, 0x05);
    o[QStringLiteral("release_date")] = str(s, 0x08);
    if (f.size() < 0x18)
        return o;
    if (byteAt(f, 0x14) != 0xFF && byteAt(f, 0x15) != 0xFF)
        o[QStringLiteral("bios_revision")] = QStringLiteral("%1.%2").arg(byteAt(f, 0x14)).arg(byteAt(f, 0x15));
    if (byteAt(f, 0x16) != 0xFF && byteAt(f, 0x17) != 0xFF)
        o[QStringLiteral("firmware_revision")] = QStringLiteral("%1.%2").arg(byteAt(f, 0x16)).arg(byteAt(f, 0x17));
    return o;
}

QJsonObject system(const SmbiosStructure &s, int version)
{
    const QByteArray &f = s.formatted;
    QJsonObject o{{QStringLiteral("handle"), handleText(s.handle)}};
    if (f.size() < 0x08)
        return o;
    o[QStringLiteral("manufacturer")] = str(s, 0x04);
    o[QStringLiteral("product_name")] = str(s, 0x05);
    o[QStringLiteral("version")] = str(s, 0x06);
    o[QStringLiteral("serial_number")] = str(s, 0x07);
    if (f.size() < 0x19)
        return o;
    o[QStringLiteral("uuid")] = uuid(f, 0x08, version);
    o[QStringLiteral("wake_up_type")] = lookup(kWakeUp, byteAt(f, 0x18), 0);
    if (f.size() < 0x1B)
        return o;
    o[QStringLiteral("sku_number")] = str(s, 0x19);
    o[QStringLiteral("family")] = str(s, 0x1A);
    return o;
}

QJsonObject baseboard(const SmbiosStructure &s)
{
    const QByteArray &f = s.formatted;
    QJsonObject o{{QStringLiteral("handle"), handleText(s.handle)}};
    if (f.size() < 0x08)
        return o;
    o[QStringLiteral("manufacturer")] = str(s, 0x04);
    o[QStringLiteral("product_name")] = str(s, 0x05);
    o[QStringLiteral("version")] = str(s, 0x06);
    o[QStringLiteral("serial_number")] = str(s, 0x07);
    if (f.size() < 0x09)
        return o;
    o[QStringLiteral("asset_tag")] = str(s, 0x08);
    if (f.size() < 0x0E)
        return o;
    o[QStringLiteral("location_in_chassis")] = str(s, 0x0A);
    o[QStringLiteral("type")] = lookup(kBoardTypes, byteAt(f, 0x0D));
    return o;
}

QJsonObject chassis(const SmbiosStructure &s)
{
    const QByteArray &f = s.formatted;
    QJsonObject o{{QStringLiteral("handle"), handleText(s.handle)}};
    if (f.size() < 0x09)
        return o;
    o[QStringLiteral("manufacturer")] = str(s, 0x04);
    o[QStringLiteral("type")] = lookup(kChassisTypes, byteAt(f, 0x05) & 0x7F);
    o[QStringLiteral("type_code")] = byteAt(f, 0x05) & 0x7F;
    o[QStringLiteral("lock")] = (byteAt(f, 0x05) & 0x80) ? QStringLiteral("Present") : QStringLiteral("Not Present");
    o[QStringLiteral("version")] = str(s, 0x06);
    o[QStringLiteral("serial_number")] = str(s, 0x07);
    o[QStringLiteral("asset_tag")] = str(s, 0x08);
    return o;
}

QJsonObject processor(const SmbiosStructure &s)
{
    const QByteArray &f = s.formatted;
    QJsonObject o{{QStringLiteral("handle"), handleText(s.handle)}};
    if (f.size() < 0x1A)
        return o;
    o[QStringLiteral("socket_designation")] = str(s, 0x04);
    o[QStringLiteral("type")] = lookup(kProcessorTypes, byteAt(f, 0x05));
    unsigned family = byteAt(f, 0x06);
    if (family == 0xFE && f.size() >= 0x2A)
        family = wordAt(f, 0x28);
    if (const QString name = processorFamily(family); !name.isEmpty())
        o[QStringLiteral("family")] = name;
    o[QStringLiteral("manufacturer")] = str(s, 0x07);
    o[QStringLiteral("version")] = str(s, 0x10);
    o[QStringLiteral("external_clock")] = frequency(wordAt(f, 0x12));
    o[QStringLiteral("max_speed")] = frequency(wordAt(f, 0x14));
    o[QStringLiteral("current_speed")] = frequency(wordAt(f, 0x16));
    o[QStringLiteral("max_speed_mhz")] = wordAt(f, 0x14);
    o[QStringLiteral("status")] = processorStatus(byteAt(f, 0x18));
    o[QStringLiteral("populated")] = bool(byteAt(f, 0x18) & 0x40);
    if (f.size() < 0x23)
        return o;
    o[QStringLiteral("serial_number")] = str(s, 0x20);
    o[QStringLiteral("asset_tag")] = str(s, 0x21);
    o[QStringLiteral("part_number")] = str(s, 0x22);
    if (f.size() < 0x28)
        return o;
    const auto count = [&](qsizetype small, qsizetype big) -> unsigned {
        const quint8 v = byteAt(f, small);
        return v == 0xFF && f.size() >= big + 2 ? wordAt(f, big) : v;
    };
    if (unsigned v = count(0x23, 0x2A))
        o[QStringLiteral("core_count")] = int(v);
    if (unsigned v = count(0x24, 0x2C))
        o[QStringLiteral("core_enabled")] = int(v);
    if (unsigned v = count(0x25, 0x2E))
        o[QStringLiteral("thread_count")] = int(v);
    return o;
}

QJsonObject memoryDevice(const SmbiosStructure &s)
{
    const QByteArray &f = s.formatted;
    QJsonObject o{{QStringLiteral("handle"), handleText(s.handle)}};
    if (f.size() < 0x15)
        return o;
    o[QStringLiteral("total_width")] = memoryWidth(wordAt(f, 0x08));
    o[QStringLiteral("data_width")] = memoryWidth(wordAt(f, 0x0A));
    const quint16 size = wordAt(f, 0x0C);
    qint64 bytes = 0;
    if (size == 0) {
        o[QStringLiteral("size")] = QStringLiteral("No Module Installed");
    } else if (size == 0xFFFF) {
        o[QStringLiteral("size")] = QStringLiteral("Unknown");
    } else if (size == 0x7FFF && f.size() >= 0x20) {
        const quint32 mb = dwordAt(f, 0x1C) & 0x7FFFFFFF;
        o[QStringLiteral("size")] = memorySize(mb, 2);
        bytes = qint64(mb) << 20;
    } else if (size & 0x8000) {
        o[QStringLiteral("size")] = memorySize(size & 0x7FFF, 1);
        bytes = qint64(size & 0x7FFF) << 10;
    } else {
        o[QStringLiteral("size")] = memorySize(size, 2);
        bytes = qint64(size) << 20;
    }
    o[QStringLiteral("size_bytes")] = bytes;
    o[QStringLiteral("form_factor")] = lookup(kFormFactors, byteAt(f, 0x0E));
    o[QStringLiteral("locator")] = str(s, 0x10);
    o[QStringLiteral("bank_locator")] = str(s, 0x11);
    o[QStringLiteral("type")] = lookup(kMemoryTypes, byteAt(f, 0x12));
    // As dmidecode: with no module in the slot, the remaining fields mean nothing.
    if (f.size() < 0x17 || size == 0)
        return o;
    const quint32 speed = wordAt(f, 0x15) == 0xFFFF && f.size() >= 0x5C ? dwordAt(f, 0x54) : wordAt(f, 0x15);
    o[QStringLiteral("speed")] = memorySpeed(wordAt(f, 0x15), f.size() >= 0x5C ? dwordAt(f, 0x54) : 0);
    o[QStringLiteral("speed_mts")] = qint64(speed == 0xFFFF ? 0 : speed);
    if (f.size() < 0x1B)
        return o;
    o[QStringLiteral("manufacturer")] = str(s, 0x17);
    o[QStringLiteral("serial_number")] = str(s, 0x18);
    o[QStringLiteral("asset_tag")] = str(s, 0x19);
    o[QStringLiteral("part_number")] = str(s, 0x1A);
    if (f.size() < 0x1C)
        return o;
    const quint8 rank = byteAt(f, 0x1B) & 0x0F;
    o[QStringLiteral("rank")] = rank == 0 ? QStringLiteral("Unknown") : QString::number(rank);
    if (f.size() < 0x22)
        return o;
    o[QStringLiteral("configured_memory_speed")]
        = memorySpeed(wordAt(f, 0x20), f.size() >= 0x5C ? dwordAt(f, 0x58) : 0);
    return o;
}

} // namespace

Result<SmbiosTable> Smbios::parse(const QByteArray &ep, const QByteArray &table)
{
    SmbiosTable t;
    int maxCount = -1;
    qsizetype tableLength = table.size();
    if (ep.startsWith("_SM3_")) {
        const int len = byteAt(ep, 0x06);
        if (len < 0x18 || len > ep.size())
            return corrupt(QCoreApplication::translate("Smbios", "SMBIOS 3 entry point is truncated"),
                           "entry_point_truncated");
        if (!checksumOk(ep, 0, len))
            return corrupt(QCoreApplication::translate("Smbios", "SMBIOS 3 entry point checksum is wrong"),
                           "entry_point_checksum");
        t.major = byteAt(ep, 0x07);
        t.minor = byteAt(ep, 0x08);
        tableLength = qMin<qsizetype>(tableLength, dwordAt(ep, 0x0C));
    } else if (ep.startsWith("_SM_")) {
        const int len = byteAt(ep, 0x05);
        if (len < 0x1F || len > ep.size())
            return corrupt(QCoreApplication::translate("Smbios", "SMBIOS 2 entry point is truncated"),
                           "entry_point_truncated");
        if (!checksumOk(ep, 0, len) || ep.mid(0x10, 5) != "_DMI_" || !checksumOk(ep, 0x10, 0x0F))
            return corrupt(QCoreApplication::translate("Smbios", "SMBIOS 2 entry point checksum is wrong"),
                           "entry_point_checksum");
        t.major = byteAt(ep, 0x06);
        t.minor = byteAt(ep, 0x07);
        // Known mistakes of old firmware, corrected as dmidecode does.
        if (t.major == 2 && (t.minor == 0x1F || t.minor == 0x21))
            t.minor = 3;
        else if (t.major == 2 && t.minor == 0x33)
            t.minor = 6;
        tableLength = qMin<qsizetype>(tableLength, wordAt(ep, 0x16));
        maxCount = wordAt(ep, 0x1C);
    } else if (ep.startsWith("_DMI_")) {
        if (ep.size() < 0x0F || !checksumOk(ep, 0, 0x0F))
            return corrupt(
                QCoreApplication::translate("Smbios", "legacy DMI entry point is truncated or its checksum is wrong"),
                "entry_point_checksum");
        t.major = byteAt(ep, 0x0E) >> 4;
        t.minor = byteAt(ep, 0x0E) & 0x0F;
        tableLength = qMin<qsizetype>(tableLength, wordAt(ep, 0x06));
        maxCount = wordAt(ep, 0x0C);
    } else {
        return corrupt(QCoreApplication::translate("Smbios", "no SMBIOS entry point signature (_SM_, _SM3_ or _DMI_)"),
                       "no_entry_point");
    }
    t.structures = walk(table.left(tableLength), maxCount);
    if (t.structures.isEmpty())
        return corrupt(QCoreApplication::translate("Smbios", "the SMBIOS table holds no structure"), "empty_table");
    return t;
}

Result<SmbiosTable> Smbios::parseDump(const QByteArray &dump)
{
    qsizetype address = 0x20;
    if (!dump.startsWith("_SM3_") && !dump.startsWith("_SM_") && !dump.startsWith("_DMI_"))
        return corrupt(QCoreApplication::translate("Smbios", "no SMBIOS entry point signature (_SM_, _SM3_ or _DMI_)"),
                       "no_entry_point");
    if (dump.startsWith("_SM3_"))
        address = qsizetype(qMin<quint64>(qwordAt(dump, 0x10), quint64(dump.size())));
    else if (dump.startsWith("_SM_"))
        address = dwordAt(dump, 0x18);
    else if (dump.startsWith("_DMI_"))
        address = dwordAt(dump, 0x08);
    if (address < 0x0F || address > dump.size())
        return corrupt(
            QCoreApplication::translate("Smbios", "the dump's table address %1 lies outside the file").arg(address),
            "bad_table_address");
    return parse(dump.left(qMin<qsizetype>(address, 0x20)), dump.mid(address));
}

Result<SmbiosTable> Smbios::read(const QString &root)
{
    const QString dir = QDir(root).filePath(QStringLiteral("sys/firmware/dmi/tables"));
    QFile ep(dir + QStringLiteral("/smbios_entry_point"));
    QFile table(dir + QStringLiteral("/DMI"));
    for (QFile *f : {&ep, &table})
        if (!f->open(QIODevice::ReadOnly))
            return makeError(
                ErrorCode::NotFound,
                QCoreApplication::translate("Smbios", "cannot read %1: %2").arg(f->fileName(), f->errorString()),
                QStringLiteral("no_smbios"));
    return parse(ep.readAll(), table.readAll());
}

QString Smbios::chassisTypeName(int code)
{
    return lookup(kChassisTypes, unsigned(code & 0x7F));
}

QJsonObject Smbios::toJson(const SmbiosTable &table)
{
    QJsonObject o;
    o[QStringLiteral("smbios_version")] = QStringLiteral("%1.%2").arg(table.major).arg(table.minor);
    QJsonArray processors, memory;
    for (const SmbiosStructure &s : table.structures) {
        switch (s.type) {
        case 0:
            if (!o.contains(QStringLiteral("bios")))
                o[QStringLiteral("bios")] = bios(s);
            break;
        case 1:
            if (!o.contains(QStringLiteral("system")))
                o[QStringLiteral("system")] = system(s, table.version());
            break;
        case 2:
            if (!o.contains(QStringLiteral("baseboard")))
                o[QStringLiteral("baseboard")] = baseboard(s);
            break;
        case 3:
            if (!o.contains(QStringLiteral("chassis")))
                o[QStringLiteral("chassis")] = chassis(s);
            break;
        case 4:
            processors.append(processor(s));
            break;
        case 17:
            memory.append(memoryDevice(s));
            break;
        default:
            break;
        }
    }
    o[QStringLiteral("processors")] = processors;
    o[QStringLiteral("memory_devices")] = memory;
    return o;
}

} // namespace Etabli::HwTest
