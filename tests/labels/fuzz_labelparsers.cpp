// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
//
// libFuzzer target for the label parsers of untrusted data: user template JSON, the
// Brother QL status packet and the Zebra ~HS answer. Build with clang++ and
// -DETABLI_FUZZ=ON, then: fuzz_labelparsers -max_total_time=60 labels/templates
#include "labels/brotherql.h"
#include "labels/labeltemplate.h"
#include "labels/printer.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    auto templ = Etabli::Labels::LabelTemplate::fromJson(input, QStringLiteral("fuzz"));
    if (templ) {
        // Whatever parses must describe a page the renderer can reason about.
        if (templ->pageMm().width() <= 0 || templ->pageMm().height() <= 0 || templ->capacity() < 1)
            __builtin_trap();
    }
    if (auto s = Etabli::Labels::BrotherQl::parseStatus(input))
        (void)s->errorMessages();
    if (auto z = Etabli::Labels::parseZebraStatus(input))
        (void)z->problems();
    return 0;
}
