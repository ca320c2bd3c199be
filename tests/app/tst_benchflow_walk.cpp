// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
//
// The whole bench flow on the demo machine, as a real process: `etabli-station --demo
// --screenshots DIR --db PATH` walks from the badge login to the label printed, and the store
// then holds the PC in READY with its tests, erasure, imaging and label, each step done once.
// Then the kill test: the walk is killed with SIGKILL at random moments (10 seeds), each
// next run resumes at the step the store says, and at the end nothing is lost or doubled.
// Needs root for the demo's loop device (as the demo itself does).
#include "app/core/benchflow.h"
#include "inventory/eventtypes.h"
#include "inventory/store.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QImage>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <signal.h>
#include <unistd.h>

using namespace Etabli;

namespace {

const Inventory::Identity kReader{QStringLiteral("test"), QStringLiteral("test")};

QProcessEnvironment stationEnvironment(const QString &dir)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), dir);
    env.insert(QStringLiteral("ETABLI_STATION"), QStringLiteral("bench-1"));
    return env;
}

QStringList walkArgs(const QString &dir, const QStringList &extra = {})
{
    return QStringList{QStringLiteral("--demo"),
                       QStringLiteral("--db"),
                       dir + QStringLiteral("/inventory.sqlite"),
                       QStringLiteral("--screenshots"),
                       dir + QStringLiteral("/shots"),
                       QStringLiteral("--size"),
                       QStringLiteral("1366x768")}
    + extra;
}

struct Counts {
    QString state;
    QHash<QString, int> types; ///< events by type
    QHash<QString, int> tests; ///< test.recorded by kind
    QHash<QString, int> done; ///< flow.step done/failed/skipped by step
    QString current; ///< the current step, "(finished)" at the end
    QList<QPair<qint64, QString>> flowSteps; ///< every flow.step: seq, step
    qint64 lastSeq = 0;
};

Counts countsOf(const QString &db)
{
    Counts c;
    auto store = Inventory::Store::open(db, kReader);
    if (!store)
        return c;
    const QString tag = (*store)->setting(QStringLiteral("demo.pc"));
    if (tag.isEmpty())
        return c;
    c.state = Inventory::toString((*store)->asset(tag)->state);
    for (const Inventory::Event &e : (*store)->eventsForAsset(tag)) {
        ++c.types[e.type];
        c.lastSeq = std::max(c.lastSeq, e.seq);
        if (e.type == Inventory::EventType::FlowStep)
            c.flowSteps.append({e.seq, e.payload.value(QStringLiteral("step")).toString()});
        if (e.type == Inventory::EventType::TestRecorded)
            ++c.tests[e.payload.value(QStringLiteral("kind")).toString()];
        if (e.type == Inventory::EventType::FlowStep
            && e.payload.value(QStringLiteral("status")).toString() != QLatin1String("started"))
            ++c.done[e.payload.value(QStringLiteral("step")).toString()];
    }
    auto pos = AppCore::readFlow(**store, tag);
    c.current = pos && pos->currentStep() ? AppCore::toString(*pos->currentStep()) : QStringLiteral("(finished)");
    return c;
}

/// Nothing doubled: each step finished at most once, each test kind, the erasure, the
/// imaging and the label at most once.
void checkNothingDoubled(const Counts &c)
{
    for (auto it = c.done.cbegin(); it != c.done.cend(); ++it)
        QVERIFY2(it.value() <= 1,
                 qPrintable(QStringLiteral("step %1 finished %2 times").arg(it.key()).arg(it.value())));
    for (auto it = c.tests.cbegin(); it != c.tests.cend(); ++it)
        QVERIFY2(it.value() <= 1,
                 qPrintable(QStringLiteral("test %1 recorded %2 times").arg(it.key()).arg(it.value())));
    QVERIFY(c.types.value(QString(Inventory::EventType::ErasureRecorded)) <= 1);
    QVERIFY(c.types.value(QString(Inventory::EventType::ImagingRecorded)) <= 1);
    QVERIFY(c.types.value(QString(Inventory::EventType::LabelPrinted)) <= 1);
}

void checkReady(const Counts &c)
{
    QCOMPARE(c.state, QStringLiteral("READY"));
    QCOMPARE(c.current, QStringLiteral("(finished)"));
    for (const char *kind : {"ram", "disk", "screen", "audio", "keyboard", "mouse"})
        QCOMPARE(c.tests.value(QLatin1String(kind)), 1);
    QCOMPARE(c.types.value(QString(Inventory::EventType::ErasureRecorded)), 1);
    QCOMPARE(c.types.value(QString(Inventory::EventType::ImagingRecorded)), 1);
    QCOMPARE(c.types.value(QString(Inventory::EventType::LabelPrinted)), 1);
}

/// bench: the two PCs' steps and events as the store has them.
struct StepStatusOf {
    QHash<QString, int> events; ///< events of both PCs by type
    QHash<QString, QString> status; ///< "TAG step" -> last status
    QHash<QString, int> finished; ///< "TAG step" -> done/failed/skipped count
    QHash<QString, int> testCount; ///< "TAG kind" -> test.recorded count
    QHash<QString, QString> currentStep;
    StepStatusOf(const QString &db, const QString &a, const QString &b)
    {
        auto store = Inventory::Store::open(db, kReader);
        if (!store)
            return;
        for (const QString &tag : {a, b}) {
            for (const Inventory::Event &e : (*store)->eventsForAsset(tag)) {
                ++events[e.type];
                const QString key = tag + QLatin1Char(' ');
                if (e.type == Inventory::EventType::FlowStep) {
                    const QString st = e.payload.value(QStringLiteral("status")).toString();
                    const QString step = e.payload.value(QStringLiteral("step")).toString();
                    status[key + step] = st;
                    if (st != QLatin1String("started"))
                        ++finished[key + step];
                }
                if (e.type == Inventory::EventType::TestRecorded)
                    ++testCount[key + e.payload.value(QStringLiteral("kind")).toString()];
            }
            auto pos = AppCore::readFlow(**store, tag);
            currentStep[tag] = pos && pos->currentStep() ? AppCore::toString(*pos->currentStep()) : QString();
        }
    }
    QString step(const QString &tag, const char *s) const
    {
        return status.value(tag + QLatin1Char(' ') + QLatin1String(s));
    }
    int done(const QString &tag, const char *s) const
    {
        return finished.value(tag + QLatin1Char(' ') + QLatin1String(s));
    }
    int tests(const QString &tag, const char *k) const
    {
        return testCount.value(tag + QLatin1Char(' ') + QLatin1String(k));
    }
    QString current(const QString &tag) const { return currentStep.value(tag); }
};

} // namespace

class TestBenchWalk : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (::geteuid() != 0)
            QSKIP("the demo's PC disk is a loop device: run as root (CI does)");
    }

    void walkToReady()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QProcess p;
        p.setProcessEnvironment(stationEnvironment(dir.path()));
        p.start(QStringLiteral(ETABLI_STATION_BIN), walkArgs(dir.path()));
        QVERIFY(p.waitForFinished(120000));
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
        const QString out = QString::fromUtf8(p.readAllStandardOutput());
        QVERIFY2(out.contains(QStringLiteral("screens saved in")), qPrintable(out));

        const Counts c = countsOf(dir.filePath(QStringLiteral("inventory.sqlite")));
        checkReady(c);
        checkNothingDoubled(c);
        // Every one of the 13 steps of a PC finished once, in the store.
        QCOMPARE(c.done.size(), 13);

        // One picture per screen: login, asset, 13 steps, the erase confirmation, the end.
        const QStringList shots = QDir(dir.filePath(QStringLiteral("shots"))).entryList({QStringLiteral("*.png")});
        QVERIFY2(shots.size() >= 17, qPrintable(shots.join(QLatin1Char(' '))));
        for (const char *name :
             {"login", "asset", "step-identify", "step-erase_image-confirm", "step-label", "finished"})
            QVERIFY2(!shots.filter(QLatin1String(name)).isEmpty(), name);
        for (const QString &s : shots) {
            const QImage img(dir.filePath(QStringLiteral("shots/") + s));
            QCOMPARE(img.size(), QSize(1366, 768));
            // Not blank: the corner colour is not the whole picture.
            int other = 0;
            for (int y = 0; y < img.height(); y += 16)
                for (int x = 0; x < img.width(); x += 16)
                    other += img.pixel(x, y) != img.pixel(0, img.height() - 1);
            QVERIFY2(other > 20, qPrintable(s));
        }
    }

    /// bench: kill -9 of the real station with TWO PCs open: the demo PC in its memory test
    /// (a child process), the second one in its steps by hand (« work on another PC
    /// meanwhile »). The memory test's child ends with the station; the station restarted on
    /// the same store reopens the second PC at its saved step and offers the first one, which
    /// reopens at its cut memory test; nothing done is lost or done again.
    void killedWithTwoPcs()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString db = dir.filePath(QStringLiteral("inventory.sqlite"));
        QProcess p;
        p.setProcessEnvironment(stationEnvironment(dir.path()));
        p.start(QStringLiteral(ETABLI_STATION_BIN),
                {QStringLiteral("--demo"), QStringLiteral("--db"), db, QStringLiteral("--start-at"),
                 QStringLiteral("two-pcs")});
        QVERIFY(p.waitForStarted());
        // The station says when the second PC's HS step is done and the memory test runs.
        QByteArray out;
        QElapsedTimer clock;
        clock.start();
        while (!out.contains("two-pcs:") && clock.elapsed() < 90000 && p.state() == QProcess::Running) {
            p.waitForReadyRead(200);
            out += p.readAllStandardOutput();
        }
        QVERIFY2(out.contains("two-pcs:"), QByteArray(out + p.readAllStandardError()).constData());
        QString a, b;
        {
            auto store = Inventory::Store::open(db, kReader);
            QVERIFY(store);
            a = (*store)->setting(QStringLiteral("demo.pc"));
            b = (*store)->setting(QStringLiteral("demo.pc_b"));
        }
        QVERIFY(!a.isEmpty() && !b.isEmpty() && a != b);
        // The memory test's own process, a child of the station.
        const qint64 station = p.processId();
        qint64 ramChild = 0;
        for (const QString &pid : QDir(QStringLiteral("/proc")).entryList({QStringLiteral("[0-9]*")}, QDir::Dirs)) {
            QFile status(QStringLiteral("/proc/%1/status").arg(pid)), cmd(QStringLiteral("/proc/%1/cmdline").arg(pid));
            if (!status.open(QIODevice::ReadOnly) || !cmd.open(QIODevice::ReadOnly))
                continue;
            const QByteArray st = status.readAll(), args = cmd.readAll();
            if (st.contains(QByteArray("\nPPid:\t" + QByteArray::number(station) + "\n"))
                && args.contains(QByteArray("test\0ram\0", 9)))
                ramChild = pid.toLongLong();
        }
        QVERIFY2(ramChild > 0, "the memory test runs in a child process of the station");
        const StepStatusOf before{db, a, b};
        QCOMPARE(before.step(a, "ram"), QStringLiteral("started"));
        QCOMPARE(before.step(b, "hs"), QStringLiteral("done"));
        const QString bAt = before.current(b);
        QVERIFY2(bAt != QLatin1String("hs") && !bAt.isEmpty(), qPrintable(bAt));

        ::kill(pid_t(station), SIGKILL);
        QVERIFY(p.waitForFinished(5000));
        // The memory test does not outlive the station (PR_SET_PDEATHSIG).
        const auto gone = [ramChild] {
            QFile st(QStringLiteral("/proc/%1/status").arg(ramChild));
            return !st.open(QIODevice::ReadOnly) || st.readAll().contains("State:\tZ");
        };
        QVERIFY2(QTest::qWaitFor(gone, 5000), "the memory test outlived the station");
        const StepStatusOf killed{db, a, b};
        QCOMPARE(killed.events, before.events); // the kill lost nothing written
        QCOMPARE(killed.tests(a, "ram"), 0); // the cut memory test recorded nothing

        // Restarted on the same store: B at its saved step, A offered, then reopened at its cut test.
        QProcess again;
        again.setProcessEnvironment(stationEnvironment(dir.path()));
        again.start(QStringLiteral(ETABLI_STATION_BIN),
                    {QStringLiteral("--demo"), QStringLiteral("--db"), db, QStringLiteral("--start-at"),
                     QStringLiteral("resume")});
        QVERIFY(again.waitForFinished(60000));
        const QString said = QString::fromUtf8(again.readAllStandardOutput());
        QVERIFY2(again.exitCode() == 0, qPrintable(said + QString::fromUtf8(again.readAllStandardError())));
        QVERIFY2(said.contains(QStringLiteral("resume: open %1 at %2 other %3").arg(b, bAt, a)), qPrintable(said));
        QVERIFY2(said.contains(QStringLiteral("resume: back %1 at ram").arg(a)), qPrintable(said));
        qInfo("killed with %s in its memory test (child %lld) and %s at %s; restarted: %s", qPrintable(a), ramChild,
              qPrintable(b), qPrintable(bAt), qPrintable(said.simplified()));
        const StepStatusOf after{db, a, b};
        QCOMPARE(after.step(b, "hs"), QStringLiteral("done"));
        QCOMPARE(after.done(b, "hs"), 1); // not done again
        QCOMPARE(after.current(b), bAt);
        QCOMPARE(after.done(a, "ram"), 0);
        QCOMPARE(after.tests(a, "ram"), 0);
        QCOMPARE(after.current(a), QStringLiteral("ram"));
        for (const QString &type : before.events.keys())
            QVERIFY2(after.events.value(type) >= before.events.value(type), qPrintable(type));
    }

    /// SIGKILL at random moments (10 seeds) on one store: each next run starts where the
    /// store says the flow is, and the last one ends READY with nothing lost or doubled.
    void killedAndResumed()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString db = dir.filePath(QStringLiteral("inventory.sqlite"));
        QElapsedTimer clock;
        clock.start();
        QStringList seen;
        for (quint32 seed = 1; seed <= 10; ++seed) {
            QRandomGenerator random(seed);
            QProcess p;
            p.setProcessEnvironment(stationEnvironment(dir.path()));
            const Counts before = countsOf(db);
            p.start(QStringLiteral(ETABLI_STATION_BIN), walkArgs(dir.path()));
            QVERIFY(p.waitForStarted());
            // The first run builds the demo master; later ones start at once.
            const int delay = (seed == 1 ? 2500 : 600) + int(random.bounded(3000));
            if (p.waitForFinished(delay))
                break; // finished before the kill: the loop below checks the end
            ::kill(pid_t(p.processId()), SIGKILL);
            QVERIFY(p.waitForFinished(5000));
            const Counts after = countsOf(db);
            checkNothingDoubled(after);
            seen << after.current;
            // The run resumed at the step the store gave: its first flow.step is that step.
            if (!before.current.isEmpty())
                for (const auto &f : after.flowSteps)
                    if (f.first > before.lastSeq) {
                        QCOMPARE(f.second, before.current);
                        break;
                    }
            // Nothing done was lost: what was finished before this run still is.
            for (auto it = before.done.cbegin(); it != before.done.cend(); ++it)
                QCOMPARE(after.done.value(it.key()), it.value());
            qInfo("seed %u: killed after %d ms at step %s", seed, delay, qPrintable(after.current));
        }
        // The last run resumes where the store says and finishes the flow.
        QProcess last;
        last.setProcessEnvironment(stationEnvironment(dir.path()));
        last.start(QStringLiteral(ETABLI_STATION_BIN), walkArgs(dir.path()));
        QVERIFY(last.waitForFinished(120000));
        QVERIFY2(last.exitCode() == 0, last.readAllStandardError().constData());
        const Counts end = countsOf(db);
        checkReady(end);
        checkNothingDoubled(end);
        QCOMPARE(end.done.size(), 13);
        qInfo("steps where the runs were killed: %s; %lld ms in all", qPrintable(seen.join(QLatin1Char(' '))),
              clock.elapsed());
        // The kills fell on more than one step (the seeds spread them).
        QVERIFY(seen.size() < 2 || QSet<QString>(seen.cbegin(), seen.cend()).size() > 1);
    }
};

QTEST_MAIN(TestBenchWalk)
#include "tst_benchflow_walk.moc"
