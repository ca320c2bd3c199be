// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QStringList>

namespace Etabli::HwTest {

/// Output of one external tool run.
struct ToolRun {
    int exitCode = 0;
    QByteArray stdOut;
    QByteArray stdErr;
};

/// The only way diagnostics run external programs (STYLE 4): `tool` must be on the
/// allow-list (smartctl) and is looked up in the system directories only, never via
/// $PATH, and without a shell. Blocking: call it from a worker thread.
Result<ToolRun> runAllowedTool(const QString &tool, const QStringList &args, int timeoutMs);

/// The allow-list, for documentation and tests.
QStringList allowedTools();

} // namespace Etabli::HwTest
