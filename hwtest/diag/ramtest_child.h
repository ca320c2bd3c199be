// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

#include "hwtest/diag/ramtest.h"
#include "hwtest/diag/testresult.h"

#include <QString>
#include <QStringList>

namespace Etabli::HwTest {

class ProgressSink;

/// bench: the RAM test in a child process, so that its workers never share the station's
/// process (and its UI thread) and a crash of the test is a FAIL, not the station's end.
struct RamChildOptions {
    QString program; ///< the `etabli` command-line tool
    qint64 bytes = 64 * 1024 * 1024;
    int passes = 1;
    int threads = 0; ///< 0: defaultRamThreads(true)
    quint64 seed = 0; ///< 0: the child's choice
    QStringList extraArgs; ///< appended after the test's own (tests: a wrapper's arguments)
    /// The child's own session and scheduler autogroup, at this nice (0..19; 0: left as is),
    /// and the same nice for its threads: the UI's process keeps the CPU when it wants it.
    int groupNice = 10;
};

/// The workers a RAM test takes beside a UI on screen: one core fewer than the machine has
/// (at least one), so the UI thread keeps a core. Without a UI: one per core.
int defaultRamThreads(bool uiOnScreen);

/// The child's command line: `test ram --json --progress-lines --size B --passes P --threads T`.
QStringList ramChildArguments(const RamChildOptions &options);

/// Runs `program test ram …` and waits for it on the calling thread (a DiagJob's engine):
/// its progress lines go to `sink`, its JSON result is the returned TestResult. A cancel
/// (sink.cancelled()) kills the child: WARN ram.incomplete. A child killed by a signal, or
/// ending without a result, is a FAIL (ram.child-crashed, ram.not-run) saying so.
TestResult runRamTestInChild(const RamChildOptions &options, ProgressSink &sink);

} // namespace Etabli::HwTest
