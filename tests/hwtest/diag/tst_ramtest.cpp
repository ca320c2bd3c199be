// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
//
// RAM test: clean runs, every pattern against the fault classes it targets (injected
// by test support, tests/support/faultymem.h), the default pass against all of them, error reports, ECC
// counters, sizes, progress and cancel.
#include "hwtest/diag/diagjob.h"
#include "hwtest/diag/ramtest.h"
#include "tests/support/faultymem.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

using namespace Etabli;
using namespace Etabli::HwTest;
using Etabli::TestSupport::RamFault;
using Etabli::TestSupport::runRamTestWithFaults;
using Etabli::TestSupport::toString;

Q_DECLARE_METATYPE(Etabli::HwTest::RamPattern)
Q_DECLARE_METATYPE(Etabli::TestSupport::RamFault)

namespace {

using Kind = RamFault::Kind;

RamFault fault(Kind kind, qint64 word, int bit, qint64 otherWord = 0, int otherBit = 0)
{
    return RamFault{kind, word, bit, otherWord, otherBit};
}

RamTestOptions small(QList<RamPattern> patterns)
{
    RamTestOptions o;
    o.bytes = 1 << 20; // 131072 words
    o.threads = 1;
    o.passes = 1;
    o.seed = 0x1234;
    o.patterns = std::move(patterns);
    o.maxErrors = 100000;
    o.edacRoot = QStringLiteral("/nonexistent");
    return o;
}

// The words where an injected fault shows.
QList<qint64> faultWords(const RamFault &f)
{
    switch (f.kind) {
    case Kind::AddressAlias:
        return {f.word, f.otherWord};
    case Kind::Coupling:
        return {f.otherWord};
    case Kind::DataLineStuck0:
    case Kind::Bridging:
        return {};
    default:
        return {f.word};
    }
}

bool found(const RamTestReport &r, const RamFault &f)
{
    const QList<qint64> words = faultWords(f);
    for (const RamError &e : r.errors) {
        if (words.isEmpty() || words.contains(e.word))
            return true;
    }
    return false;
}

} // namespace

class TestRamTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void cleanRun_data();
    void cleanRun();
    void patternFindsFault_data();
    void patternFindsFault();
    void defaultPassFindsEveryFault();
    void errorReport();
    void ecc();
    void sizes_data();
    void sizes();
    void safeMax();
    void progressAndCancel();
};

void TestRamTest::cleanRun_data()
{
    QTest::addColumn<qint64>("bytes");
    QTest::addColumn<int>("threads");
    QTest::addColumn<int>("passes");
    QTest::newRow("1 MiB, 1 thread") << qint64(1 << 20) << 1 << 1;
    QTest::newRow("8 MiB, 2 threads, 2 passes") << qint64(8 << 20) << 2 << 2;
    QTest::newRow("odd size, 3 threads") << qint64((3 << 20) + 12345) << 3 << 1;
    QTest::newRow("one page") << qint64(4096) << 4 << 1;
}

void TestRamTest::cleanRun()
{
    QFETCH(qint64, bytes);
    QFETCH(int, threads);
    QFETCH(int, passes);
    RamTestOptions o = small(allRamPatterns());
    o.bytes = bytes;
    o.threads = threads;
    o.passes = passes;
    const RamTestReport r = runRamTest(o);
    QVERIFY(r.failure.isEmpty());
    QCOMPARE(r.errorCount, 0);
    QVERIFY(r.bytes <= bytes && r.bytes > bytes - 4096 * threads);
    QCOMPARE(r.bytes % 4096, 0);
    QCOMPARE(r.passesDone, passes);
    QVERIFY(r.bytesMoved >= double(r.bytes) * 29 * passes); // 35 ops a word per pass
    const TestResult t = evaluateRam(r);
    QCOMPARE(toString(t.verdict), QStringLiteral("PASS"));
    QCOMPARE(t.kind, QStringLiteral("ram"));
    QCOMPARE(t.measurements[QStringLiteral("bytes")].toInteger(), r.bytes);
}

// Which pattern finds which fault class (hwtest/README.md, "RAM test").
void TestRamTest::patternFindsFault_data()
{
    QTest::addColumn<RamPattern>("pattern");
    QTest::addColumn<RamFault>("fault");
    QTest::addColumn<bool>("detected");

    const RamFault stuck0 = fault(Kind::StuckAt0, 5000, 17);
    const RamFault stuck1 = fault(Kind::StuckAt1, 70001, 63);
    const RamFault up = fault(Kind::TransitionUp, 1234, 3);
    const RamFault down = fault(Kind::TransitionDown, 99999, 40);
    const RamFault aliasUp = fault(Kind::AddressAlias, 300, 0, 9000);
    const RamFault aliasDown = fault(Kind::AddressAlias, 9000, 0, 300);
    const RamFault aliasHalves = fault(Kind::AddressAlias, 1000, 0, 100000);
    const RamFault couplingUp = fault(Kind::Coupling, 10, 1, 20000, 9);
    const RamFault couplingDown = fault(Kind::Coupling, 20000, 9, 10, 1);
    const RamFault dataLine = fault(Kind::DataLineStuck0, 0, 22);
    const RamFault bridge = fault(Kind::Bridging, 0, 4, 0, 5);

    auto row = [](const char *name, RamPattern p, const RamFault &f, bool detected = true) {
        QTest::newRow(name) << p << f << detected;
    };
    row("own-address / stuck-at-0", RamPattern::OwnAddress, stuck0);
    row("own-address / stuck-at-1", RamPattern::OwnAddress, stuck1);
    row("own-address / address alias up", RamPattern::OwnAddress, aliasUp);
    row("own-address / address alias down", RamPattern::OwnAddress, aliasDown);
    row("moving-inversions / stuck-at-0", RamPattern::MovingInversions, stuck0);
    row("moving-inversions / stuck-at-1", RamPattern::MovingInversions, stuck1);
    row("moving-inversions / transition up", RamPattern::MovingInversions, up);
    row("moving-inversions / transition down", RamPattern::MovingInversions, down);
    row("moving-inversions / address alias up", RamPattern::MovingInversions, aliasUp);
    row("moving-inversions / address alias down", RamPattern::MovingInversions, aliasDown);
    row("moving-inversions / coupling, aggressor below", RamPattern::MovingInversions, couplingUp);
    row("moving-inversions / coupling, aggressor above", RamPattern::MovingInversions, couplingDown);
    row("moving-inversions / bridging is not its class", RamPattern::MovingInversions, bridge, false);
    row("moving-inversions-random / stuck-at-0", RamPattern::MovingInversionsRandom, stuck0);
    row("moving-inversions-random / stuck-at-1", RamPattern::MovingInversionsRandom, stuck1);
    row("moving-inversions-random / transition up", RamPattern::MovingInversionsRandom, up);
    row("moving-inversions-random / transition down", RamPattern::MovingInversionsRandom, down);
    row("moving-inversions-random / coupling, aggressor below", RamPattern::MovingInversionsRandom, couplingUp);
    row("moving-inversions-random / coupling, aggressor above", RamPattern::MovingInversionsRandom, couplingDown);
    row("walking-ones / data line stuck", RamPattern::WalkingOnes, dataLine);
    row("walking-ones / bridging", RamPattern::WalkingOnes, bridge);
    row("walking-zeros / data line stuck", RamPattern::WalkingZeros, dataLine);
    row("walking-zeros / bridging", RamPattern::WalkingZeros, bridge);
    row("random-values / stuck-at-0", RamPattern::RandomValues, stuck0);
    row("random-values / stuck-at-1", RamPattern::RandomValues, stuck1);
    row("block-move / address alias within a half", RamPattern::BlockMove, aliasUp);
    row("block-move / address alias across halves", RamPattern::BlockMove, aliasHalves);
}

void TestRamTest::patternFindsFault()
{
    QFETCH(RamPattern, pattern);
    QFETCH(RamFault, fault);
    QFETCH(bool, detected);
    const RamTestReport r = runRamTestWithFaults(small({pattern}), {fault});
    QCOMPARE(found(r, fault), detected);
    QCOMPARE(r.errorCount > 0, detected);
    QCOMPARE(toString(evaluateRam(r).verdict), detected ? QStringLiteral("FAIL") : QStringLiteral("PASS"));
    for (const RamError &e : r.errors)
        QCOMPARE(toString(e.pattern), toString(pattern));
}

void TestRamTest::defaultPassFindsEveryFault()
{
    const QList<RamFault> faults{
        fault(Kind::StuckAt0, 100, 0),
        fault(Kind::StuckAt1, 20000, 31),
        fault(Kind::TransitionUp, 30000, 7),
        fault(Kind::TransitionDown, 40000, 8),
        fault(Kind::AddressAlias, 50000, 0, 50500),
        fault(Kind::Coupling, 60000, 2, 61000, 3),
        fault(Kind::Coupling, 71000, 2, 70000, 3),
    };
    // Two threads: the faults sit in both slices (65536 words each).
    RamTestOptions o = small(allRamPatterns());
    o.threads = 2;
    const RamTestReport r = runRamTestWithFaults(o, faults);
    for (const RamFault &f : faults)
        QVERIFY2(found(r, f), qPrintable(toString(f.kind) + QStringLiteral(" at word ") + QString::number(f.word)));
    // Nothing reported where no fault was injected, except where block-move copied a
    // faulty word of the lower half of a slice (65536 words) to the upper half.
    for (const RamError &e : r.errors) {
        bool expected = false;
        const qint64 copiedFrom = e.word - 32768;
        for (const RamFault &f : faults)
            expected |= faultWords(f).contains(e.word)
                || (e.pattern == RamPattern::BlockMove && copiedFrom % 65536 < 32768
                    && faultWords(f).contains(copiedFrom));
        QVERIFY2(expected, qPrintable(QString::number(e.word)));
    }
    // Bus-wide faults, one run each (they touch every word).
    for (const RamFault &f : {fault(Kind::DataLineStuck0, 0, 60), fault(Kind::Bridging, 0, 0, 0, 63)})
        QVERIFY(runRamTestWithFaults(small(allRamPatterns()), {f}).errorCount > 0);
}

void TestRamTest::errorReport()
{
    const RamTestReport r = runRamTestWithFaults(small({RamPattern::OwnAddress}), {fault(Kind::StuckAt1, 777, 5)});
    QVERIFY(r.errorCount >= 1);
    const RamError &e = r.errors.first();
    QCOMPARE(e.word, 777);
    QCOMPARE(e.bits(), QList<int>{5});
    QCOMPARE(e.diff(), quint64(1) << 5);
    QCOMPARE(e.actual, e.expected | (quint64(1) << 5));
    // Own address writes the word's address, so expected names the failing address too.
    QVERIFY(e.address != 0);
    QVERIFY(e.expected == quint64(e.address) || e.expected == ~quint64(e.address));
    const TestResult t = evaluateRam(r);
    QVERIFY(t.rule.startsWith(QLatin1String("ram.miscompare")));
    const QJsonObject first = t.measurements[QStringLiteral("errors")].toArray().first().toObject();
    QCOMPARE(first[QStringLiteral("bits")].toArray(), (QJsonArray{5}));
    QCOMPARE(first[QStringLiteral("address")].toString(), QStringLiteral("0x%1").arg(quint64(e.address), 0, 16));
}

void TestRamTest::ecc()
{
    const QString root = QStringLiteral(ETABLI_FIXTURES "/diag/edac");
    const EdacCounts c = readEdac(root);
    QVERIFY(c.present);
    QCOMPARE(c.corrected, 5); // mc0 3 + mc1 2
    QCOMPARE(c.uncorrected, 1);
    QVERIFY(!readEdac(QStringLiteral("/nonexistent")).present);

    RamTestReport r;
    r.edacBefore = c;
    r.edacAfter = c;
    QCOMPARE(toString(evaluateRam(r).verdict), QStringLiteral("PASS"));
    QCOMPARE(evaluateRam(r).measurements[QStringLiteral("ecc_present")].toBool(), true);
    r.edacAfter.corrected += 2;
    QCOMPARE(toString(evaluateRam(r).verdict), QStringLiteral("WARN"));
    QVERIFY(evaluateRam(r).rule.startsWith(QLatin1String("ram.ecc-corrected")));
    r.edacAfter.uncorrected += 1;
    QCOMPARE(toString(evaluateRam(r).verdict), QStringLiteral("FAIL"));
    QVERIFY(evaluateRam(r).rule.startsWith(QLatin1String("ram.ecc-uncorrected")));

    // A run reads the counters before and after.
    RamTestOptions o = small({RamPattern::WalkingOnes});
    o.edacRoot = root;
    const RamTestReport run = runRamTest(o);
    QCOMPARE(run.edacBefore.corrected, 5);
    QCOMPARE(run.edacAfter.corrected, 5);
}

void TestRamTest::sizes_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("bytes");
    QTest::newRow("512M") << "512M" << qint64(512) * 1024 * 1024;
    QTest::newRow("4G") << "4G" << qint64(4) * 1024 * 1024 * 1024;
    QTest::newRow("1.5G") << "1.5G" << qint64(1536) * 1024 * 1024;
    QTest::newRow("64MiB") << "64MiB" << qint64(64) * 1024 * 1024;
    QTest::newRow("bytes") << "65536" << qint64(65536);
    QTest::newRow("k") << "8k" << qint64(8192);
    QTest::newRow("garbage") << "lots" << qint64(-1);
    QTest::newRow("negative") << "-5M" << qint64(-1);
    QTest::newRow("zero") << "0" << qint64(-1);
    QTest::newRow("empty") << "" << qint64(-1);
}

void TestRamTest::sizes()
{
    QFETCH(QString, text);
    QFETCH(qint64, bytes);
    auto r = parseByteSize(text);
    QCOMPARE(r.ok(), bytes > 0);
    if (r)
        QCOMPARE(*r, bytes);
    else
        QCOMPARE(r.error().code, ErrorCode::InvalidArgument);
}

void TestRamTest::safeMax()
{
    // MemAvailable 23431076 kB in the captured meminfo, minus 10 %.
    const qint64 available = qint64(23431076) * 1024;
    QCOMPARE(safeMaxRamBytes(QStringLiteral(ETABLI_FIXTURES "/diag/meminfo")), available - available / 10);
    QCOMPARE(safeMaxRamBytes(QStringLiteral("/nonexistent")), 0);
    QVERIFY(safeMaxRamBytes() > 0);
}

void TestRamTest::progressAndCancel()
{
    RamTestOptions o = small(allRamPatterns());
    o.bytes = 32 << 20;
    o.passes = 1000; // far longer than the test waits
    DiagJob job;
    QSignalSpy progress(&job, &DiagJob::progress);
    QSignalSpy finished(&job, &DiagJob::finished);
    QVERIFY(job.start([o](ProgressSink &sink) { return evaluateRam(runRamTest(o, &sink)); }));
    QTRY_VERIFY_WITH_TIMEOUT(progress.size() >= 2, 10000);
    QVERIFY(progress.last().at(0).toDouble() > 0.0);
    QVERIFY(progress.last().at(0).toDouble() < 100.0);
    QVERIFY(progress.last().at(1).toLongLong() > 0); // an ETA
    job.cancel();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
    const auto t = finished.first().at(0).value<TestResult>();
    QCOMPARE(toString(t.verdict), QStringLiteral("WARN"));
    QVERIFY2(t.rule.startsWith(QLatin1String("ram.incomplete")), qPrintable(t.rule));
    QVERIFY(t.measurements[QStringLiteral("passes")].toInt() < 1000);
}

QTEST_GUILESS_MAIN(TestRamTest)
#include "tst_ramtest.moc"
