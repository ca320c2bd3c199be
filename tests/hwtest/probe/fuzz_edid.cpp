// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
//
// libFuzzer target of the EDID parser. Seeds: tests/fixtures/probe/edid.
#include "hwtest/probe/edid.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using Etabli::HwTest::Edid;
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    if (auto e = Edid::parse(bytes, [](const QString &id) { return id; }))
        (void)e->toJson();
    return 0;
}
