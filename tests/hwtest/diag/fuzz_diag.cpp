// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
//
// libFuzzer target for the diagnostics parsers of untrusted files: the first byte picks
// the parser (WAV, umockdev script + evdev stream, smartctl JSON), the rest is its input.
#include "hwtest/diag/audiotest.h"
#include "hwtest/diag/inputtest.h"
#include "hwtest/diag/smart.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace Etabli::HwTest;
    if (size < 1)
        return 0;
    const QByteArray input(reinterpret_cast<const char *>(data) + 1, qsizetype(size - 1));
    switch (data[0] % 3) {
    case 0:
        if (auto clip = parseWav(input); clip && clip->frames() < 2'000'000)
            (void)evaluateLoopback(*clip);
        break;
    case 1:
        if (auto raw = decodeUmockdevScript(input)) {
            if (auto events = parseEvdevStream(*raw)) {
                MouseCoverage mouse;
                mouse.feed(*events);
                (void)mouse.result();
            }
        }
        break;
    default:
        if (auto reports = parseSmartctlJson(input)) {
            for (const SmartReport &r : *reports)
                (void)evaluateSmart(r);
        }
        break;
    }
    return 0;
}
