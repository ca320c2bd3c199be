// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
//
// libFuzzer target of the SMBIOS parser: a dmidecode --dump-bin file, and the same
// bytes split into a sysfs entry point + table. Seeds: tests/fixtures/probe/smbios.
#include "hwtest/probe/smbios.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using Etabli::HwTest::Smbios;
    // fromRawData would let a bug read past `size` unnoticed by ASan only if it kept a
    // pointer; copying makes the buffer exactly `size` bytes in ASan's view.
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    if (auto t = Smbios::parseDump(bytes))
        (void)Smbios::toJson(*t);
    const qsizetype split = bytes.isEmpty() ? 0 : qsizetype(static_cast<unsigned char>(bytes[0])) % 0x40;
    if (auto t = Smbios::parse(bytes.left(split), bytes.mid(split)))
        (void)Smbios::toJson(*t);
    return 0;
}
