// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
//
// The screen pattern sequence: order, defect marks, verdicts.
#include "hwtest/diag/screentest.h"

#include <QJsonArray>
#include <QTest>

using namespace Etabli::HwTest;

class TestScreenTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sequence();
    void verdicts_data();
    void verdicts();
    void badMarks();
};

void TestScreenTest::sequence()
{
    QStringList names;
    for (const ScreenPattern &p : ScreenTest::sequence())
        names << p.name;
    QCOMPARE(
        names,
        (QStringList{QStringLiteral("black"), QStringLiteral("white"), QStringLiteral("red"), QStringLiteral("green"),
                     QStringLiteral("blue"), QStringLiteral("grey"), QStringLiteral("grid")}));
    QCOMPARE(ScreenTest::sequence().at(2).rgb, 0xff0000u);
    QVERIFY(ScreenTest::sequence().last().gridStep > 0);
    ScreenTest t;
    int shown = 1;
    while (t.next())
        ++shown;
    QCOMPARE(shown, 7);
    QVERIFY(t.finished());
    QVERIFY(!t.next());
}

void TestScreenTest::verdicts_data()
{
    QTest::addColumn<int>("stopAfter"); // patterns shown before stopping, 7 = all
    QTest::addColumn<QList<int>>("markOn"); // pattern indexes where a defect is marked
    QTest::addColumn<QString>("verdict");
    QTest::addColumn<QString>("rule");
    QTest::newRow("clean") << 7 << QList<int>{} << "PASS"
                           << "screen.ok";
    QTest::newRow("dead pixel on white") << 7 << QList<int>{1} << "FAIL"
                                         << "screen.defects";
    QTest::newRow("two defects") << 7 << QList<int>{0, 6} << "FAIL"
                                 << "screen.defects";
    QTest::newRow("stopped early") << 3 << QList<int>{} << "WARN"
                                   << "screen.incomplete";
    QTest::newRow("stopped after a defect") << 3 << QList<int>{2} << "FAIL"
                                            << "screen.defects";
}

void TestScreenTest::verdicts()
{
    QFETCH(int, stopAfter);
    QFETCH(QList<int>, markOn);
    QFETCH(QString, verdict);
    QFETCH(QString, rule);
    ScreenTest t(QStringLiteral("DELL P2217H"));
    for (int i = 0; i < stopAfter; ++i) {
        if (markOn.contains(i))
            QVERIFY(t.markDefect(0.25, 0.75));
        if (i + 1 < stopAfter)
            QVERIFY(t.next());
    }
    if (stopAfter == 7)
        QVERIFY(!t.next());
    const TestResult r = t.result();
    QCOMPARE(r.kind, QStringLiteral("screen"));
    QCOMPARE(toString(r.verdict), verdict);
    QVERIFY2(r.rule.startsWith(rule), qPrintable(r.rule));
    QCOMPARE(r.measurements[QStringLiteral("monitor_model")].toString(), QStringLiteral("DELL P2217H"));
    const QJsonArray defects = r.measurements[QStringLiteral("defects")].toArray();
    QCOMPARE(defects.size(), markOn.size());
    for (int i = 0; i < markOn.size(); ++i) {
        QCOMPARE(defects[i].toObject()[QStringLiteral("pattern")].toString(),
                 ScreenTest::sequence().at(markOn[i]).name);
        QCOMPARE(defects[i].toObject()[QStringLiteral("x")].toDouble(), 0.25);
    }
    QCOMPARE(r.measurements[QStringLiteral("patterns_shown")].toArray().size(), stopAfter);
}

void TestScreenTest::badMarks()
{
    ScreenTest t;
    QVERIFY(!t.markDefect(-0.1, 0.5));
    QVERIFY(!t.markDefect(0.5, 1.5));
    QVERIFY(!t.markDefect(qQNaN(), 0.5));
    QVERIFY(t.markDefect(1.0, 0.0));
    t.undoLastDefect();
    QVERIFY(t.defects().isEmpty());
    while (t.next()) {}
    QVERIFY(!t.markDefect(0.5, 0.5)); // finished
    QCOMPARE(toString(t.result().verdict), QStringLiteral("PASS"));
}

QTEST_GUILESS_MAIN(TestScreenTest)
#include "tst_screentest.moc"
