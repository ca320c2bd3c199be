// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace Etabli::HwTest {

/// One SMBIOS structure: its formatted area (header included) and its string set.
struct SmbiosStructure {
    quint8 type = 0;
    quint16 handle = 0;
    QByteArray formatted; ///< header + formatted area, `length` bytes
    QList<QByteArray> strings; ///< string set, index 1 is strings[0]
};

/// A decoded SMBIOS table: version from the entry point plus every structure up to
/// the end-of-table marker.
struct SmbiosTable {
    int major = 0;
    int minor = 0;
    QList<SmbiosStructure> structures;

    /// Version as dmidecode compares it: (major << 8) | minor.
    int version() const { return (major << 8) | minor; }
};

/// Parser of the binary SMBIOS table (DMTF DSP0134) by our own code, no dmidecode.
/// Pure functions over bytes: safe on untrusted input (fuzzed), never read past the
/// buffers, callable from any thread.
class Smbios
{
public:
    /// Decodes an entry point (`_SM_`, `_SM3_` or legacy `_DMI_`) and the table it
    /// describes. `table` holds the structures (as /sys/firmware/dmi/tables/DMI).
    static Result<SmbiosTable> parse(const QByteArray &entryPoint, const QByteArray &table);
    /// Decodes a `dmidecode --dump-bin` file: entry point at 0, table at the
    /// address written in the entry point (0x20).
    static Result<SmbiosTable> parseDump(const QByteArray &dump);
    /// Reads ROOT/sys/firmware/dmi/tables/{smbios_entry_point,DMI}.
    static Result<SmbiosTable> read(const QString &root);

    /// The structures Établi cares about, keys in dmidecode's field names in snake
    /// case, values formatted as dmidecode prints them (trimmed): `bios`, `system`,
    /// `baseboard`, `chassis` (objects, first of their type), `processors` and
    /// `memory_devices` (arrays), plus `smbios_version`. Each structure carries its
    /// `handle` ("0x0004"); numeric helpers (`size_bytes`, `speed_mts`…) are added
    /// next to the dmidecode-formatted fields.
    static QJsonObject toJson(const SmbiosTable &table);
    /// dmidecode's name of a chassis type code (3 = "Desktop", 10 = "Notebook"…).
    static QString chassisTypeName(int code);
};

} // namespace Etabli::HwTest
