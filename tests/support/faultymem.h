// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

// RAM faults for the RAM test, linked only by tests (Etabli::TestSupport): the test's own
// workers and patterns (hwtest/diag/ramtest_p.h) run over an accessor that injects faults.

#include "common/result.h"
#include "hwtest/diag/ramtest.h"

#include <QList>
#include <QString>

namespace Etabli::HwTest {
class ProgressSink;
}

namespace Etabli::TestSupport {

/// A fault injected into the tested region (word = 64-bit word index in the region).
struct RamFault {
    enum class Kind {
        StuckAt0, ///< `bit` of `word` always reads 0
        StuckAt1, ///< `bit` of `word` always reads 1
        TransitionUp, ///< `bit` of `word` cannot go 0 → 1
        TransitionDown, ///< `bit` of `word` cannot go 1 → 0
        AddressAlias, ///< address decoder: `word` reaches the cell of `otherWord`
        Coupling, ///< a transition of `bit` in `word` inverts `otherBit` in `otherWord`
        DataLineStuck0, ///< `bit` reads 0 in every word (a broken data line)
        Bridging, ///< in every word, a 1 written to `bit` also sets `otherBit` (shorted lines)
    };
    Kind kind = Kind::StuckAt0;
    qint64 word = 0;
    int bit = 0;
    qint64 otherWord = 0;
    int otherBit = 0;
};
QString toString(RamFault::Kind kind);
/// "KIND:WORD:BIT[:WORD2:BIT2]" (KIND as toString() spells it) → a fault.
Result<RamFault> parseRamFault(const QString &spec);

/// HwTest::runRamTest() with every memory access going through `faults` (all of them
/// inside the tested region). Same threads and report as runRamTest(); much slower, as
/// each access checks the fault list.
HwTest::RamTestReport runRamTestWithFaults(const HwTest::RamTestOptions &options, const QList<RamFault> &faults,
                                           HwTest::ProgressSink *sink = nullptr);

} // namespace Etabli::TestSupport
