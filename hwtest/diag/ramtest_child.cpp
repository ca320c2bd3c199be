// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "hwtest/diag/ramtest_child.h"

#include "hwtest/diag/diagjob.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

#include <algorithm>
#include <csignal>
#include <thread>

#include <fcntl.h>
#include <sys/prctl.h>
#include <unistd.h>

namespace Etabli::HwTest {

namespace {

TestResult failed(const char *rule, const QString &text, const QDateTime &started)
{
    TestResult t;
    t.kind = QStringLiteral("ram");
    t.verdict = TestVerdict::Fail;
    t.rule = QString::fromLatin1(rule) + QStringLiteral(": ") + text;
    t.measurements = QJsonObject{{QStringLiteral("process"), QStringLiteral("child")}};
    t.startedAt = started;
    t.endedAt = QDateTime::currentDateTimeUtc();
    return t;
}

/// Feeds the complete lines of `buffer` that are progress objects to `sink`; keeps the
/// other lines (the child's messages) in `messages`, the unfinished tail in `buffer`.
void takeLines(QByteArray &buffer, ProgressSink &sink, QList<QByteArray> &messages)
{
    qsizetype nl;
    while ((nl = buffer.indexOf('\n')) >= 0) {
        const QByteArray line = buffer.left(nl).trimmed();
        buffer.remove(0, nl + 1);
        if (line.isEmpty())
            continue;
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        if (o.contains(QLatin1String("fraction")))
            sink.report(o.value(QLatin1String("fraction")).toDouble());
        else
            messages.append(line);
    }
}

/// The child's last words: its JSON error's message, else its last line.
QString lastWords(const QList<QByteArray> &messages)
{
    if (messages.isEmpty())
        return QString();
    const QJsonObject o = QJsonDocument::fromJson(messages.last()).object();
    if (o.contains(QLatin1String("message")))
        return o.value(QLatin1String("message")).toString();
    return QString::fromUtf8(messages.last());
}

} // namespace

int defaultRamThreads(bool uiOnScreen)
{
    const int cores = int(std::max(1U, std::thread::hardware_concurrency()));
    return uiOnScreen ? std::max(1, cores - 1) : cores;
}

QStringList ramChildArguments(const RamChildOptions &o)
{
    QStringList args{QStringLiteral("test"),      QStringLiteral("ram"),
                     QStringLiteral("--json"),    QStringLiteral("--progress-lines"),
                     QStringLiteral("--size"),    QString::number(o.bytes),
                     QStringLiteral("--passes"),  QString::number(std::max(1, o.passes)),
                     QStringLiteral("--threads"), QString::number(o.threads > 0 ? o.threads : defaultRamThreads(true))};
    if (o.seed)
        args << QStringLiteral("--seed") << QString::number(o.seed, 16);
    return args + o.extraArgs;
}

TestResult runRamTestInChild(const RamChildOptions &options, ProgressSink &sink)
{
    const QDateTime started = QDateTime::currentDateTimeUtc();
    // Blocking QProcess on this thread (no event loop here): the waitFor… calls.
    QProcess child;
    child.setProgram(options.program);
    child.setArguments(ramChildArguments(options));
    child.setChildProcessModifier([nice = options.groupNice] {
        // The test never outlives the station, even after a kill -9 of it.
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        // Its own session, hence its own scheduler autogroup (CONFIG_SCHED_AUTOGROUP): in the
        // station's group it kept the group busy, and the UI thread waking for a frame waited
        // for the group's turn behind the other groups; alone, the station's group sleeps
        // between frames and is run at once when it wakes. The group's nice (best effort)
        // gives the UI the edge when both want the CPU. Only async-signal-safe calls here.
        ::setsid();
        if (nice > 0) {
            const int fd = ::open("/proc/self/autogroup", O_WRONLY | O_CLOEXEC);
            if (fd >= 0) {
                char text[4] = {char('0' + nice / 10), char('0' + nice % 10), '\n', 0};
                const bool twoDigits = nice >= 10;
                [[maybe_unused]] const ssize_t n = ::write(fd, twoDigits ? text : text + 1, twoDigits ? 3 : 2);
                ::close(fd);
            }
            [[maybe_unused]] const int r = ::nice(nice);
        }
    });
    child.setReadChannel(QProcess::StandardError);
    child.start(QIODevice::ReadOnly);
    if (!child.waitForStarted(10000))
        return failed("ram.not-run",
                      QCoreApplication::translate("RamTest", "the memory test program %1 did not start: %2")
                          .arg(options.program, child.errorString()),
                      started);
    QByteArray out, err;
    QList<QByteArray> messages;
    bool cancelled = false;
    while (child.state() != QProcess::NotRunning) {
        if (!cancelled && sink.cancelled()) {
            cancelled = true;
            child.kill();
        }
        child.waitForReadyRead(100);
        err += child.readAllStandardError();
        out += child.readAllStandardOutput();
        takeLines(err, sink, messages);
    }
    child.waitForFinished(-1);
    err += child.readAllStandardError() + '\n';
    out += child.readAllStandardOutput();
    takeLines(err, sink, messages);

    if (cancelled) {
        TestResult t = failed("ram.incomplete",
                              QCoreApplication::translate("RamTest", "the test was stopped before the end"), started);
        t.verdict = TestVerdict::Warn;
        return t;
    }
    if (child.exitStatus() == QProcess::CrashExit)
        return failed("ram.child-crashed",
                      QCoreApplication::translate("RamTest",
                                                  "the memory test program stopped before the end (%1); the "
                                                  "memory may be faulty")
                          .arg(child.errorString()),
                      started);
    TestResult t;
    if (child.exitCode() != 0 || !TestResult::fromJson(QJsonDocument::fromJson(out).object(), &t)) {
        const QString why = lastWords(messages);
        return failed("ram.not-run",
                      QCoreApplication::translate("RamTest", "the memory test program gave no result (exit code %1)%2")
                          .arg(child.exitCode())
                          .arg(why.isEmpty() ? QString() : QStringLiteral(": ") + why),
                      started);
    }
    t.measurements.insert(QStringLiteral("process"), QStringLiteral("child"));
    sink.report(1.0);
    return t;
}

} // namespace Etabli::HwTest
