// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "hwtest/diag/toolrunner.h"

#include <QCoreApplication>
#include <QProcess>
#include <QStandardPaths>

namespace Etabli::HwTest {

QStringList allowedTools()
{
    return {QStringLiteral("smartctl")};
}

Result<ToolRun> runAllowedTool(const QString &tool, const QStringList &args, int timeoutMs)
{
    if (!allowedTools().contains(tool))
        return makeError(ErrorCode::Refused,
                         QCoreApplication::translate("ToolRunner", "%1 is not an allowed tool").arg(tool));
    const QString program = QStandardPaths::findExecutable(
        tool,
        {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/bin"), QStringLiteral("/sbin"), QStringLiteral("/bin")});
    if (program.isEmpty())
        return makeError(
            ErrorCode::NotFound,
            QCoreApplication::translate("ToolRunner", "%1 is not installed (package smartmontools)").arg(tool));
    QProcess p;
    p.start(program, args);
    if (!p.waitForStarted(5000))
        return makeError(
            ErrorCode::Io,
            QCoreApplication::translate("ToolRunner", "cannot start %1: %2").arg(program, p.errorString()));
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(1000);
        return makeError(
            ErrorCode::Io,
            QCoreApplication::translate("ToolRunner", "%1 did not finish in %2 s").arg(tool).arg(timeoutMs / 1000));
    }
    ToolRun run;
    run.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    run.stdOut = p.readAllStandardOutput();
    run.stdErr = p.readAllStandardError();
    return run;
}

} // namespace Etabli::HwTest
