// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
// bench (issue 12): the work screen's progress, coalesced to what a person can see.
#include "app/core/progressthrottle.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

using Etabli::ProgressThrottle;

class TestProgressThrottle : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void coalesces_data();
    void coalesces();
    void edgesPassAtOnce();
    void sameValueDropped();
    void resetForgets();
};

void TestProgressThrottle::coalesces_data()
{
    QTest::addColumn<int>("intervalMs");
    QTest::addColumn<int>("everyMs");
    QTest::addColumn<int>("forMs");
    // The engines' ten a second, the helper's hundred, and values slower than the interval.
    QTest::newRow("10/s into 4/s") << 250 << 100 << 1500;
    QTest::newRow("100/s into 4/s") << 250 << 10 << 1200;
    QTest::newRow("slower than the interval: all pass") << 60 << 120 << 900;
}

void TestProgressThrottle::coalesces()
{
    QFETCH(int, intervalMs);
    QFETCH(int, everyMs);
    QFETCH(int, forMs);
    ProgressThrottle t(intervalMs);
    QSignalSpy spy(&t, &ProgressThrottle::update);
    QElapsedTimer clock;
    clock.start();
    int reported = 0;
    double last = 0;
    while (clock.elapsed() < forMs) {
        ++reported;
        last = 0.9 * double(clock.elapsed() + 1) / double(forMs); // stays below 1: no end yet
        t.report(last, forMs / 1000 - reported);
        QTest::qWait(everyMs);
    }
    const int passedDuring = int(spy.count());
    QTRY_COMPARE_WITH_TIMEOUT(spy.last().at(0).toDouble(), last, 2 * intervalMs); // the latest, not lost
    // At most one per interval (+1: the first passes at once, + the one held back at the end).
    const int allowed = forMs / intervalMs + 2;
    QVERIFY2(spy.count() <= allowed,
             qPrintable(QStringLiteral("%1 updates for %2 reports, at most %3 allowed")
                            .arg(spy.count())
                            .arg(reported)
                            .arg(allowed)));
    QVERIFY(passedDuring >= std::min(reported, forMs / intervalMs) / 2); // it does pass values on
    if (everyMs > intervalMs)
        QCOMPARE(int(spy.count()), reported); // nothing to coalesce: every value shown
    for (int i = 1; i < spy.count(); ++i) // in order, never back
        QVERIFY(spy.at(i).at(0).toDouble() >= spy.at(i - 1).at(0).toDouble());
}

void TestProgressThrottle::edgesPassAtOnce()
{
    ProgressThrottle t(10'000);
    QSignalSpy spy(&t, &ProgressThrottle::update);
    t.report(0, -1);
    t.report(0.5, 60); // held back (inside the interval)
    QCOMPARE(spy.count(), 1);
    t.report(1, 0); // the end passes at once, and the held-back value is not sent after it
    QCOMPARE(spy.count(), 2);
    QCOMPARE(spy.last().at(0).toDouble(), 1.0);
    QCOMPARE(spy.last().at(1).toLongLong(), 0);
    QTest::qWait(50);
    QCOMPARE(spy.count(), 2);
}

void TestProgressThrottle::sameValueDropped()
{
    ProgressThrottle t(1);
    QSignalSpy spy(&t, &ProgressThrottle::update);
    t.report(0.25, 30);
    QTest::qWait(5);
    t.report(0.25, 30);
    QTest::qWait(5);
    QCOMPARE(spy.count(), 1);
    t.report(0.25, 29); // the time left changed: shown
    QTRY_COMPARE(spy.count(), 2);
}

void TestProgressThrottle::resetForgets()
{
    ProgressThrottle t(10'000);
    QSignalSpy spy(&t, &ProgressThrottle::update);
    t.report(0.2, 10);
    t.report(0.3, 9); // held back
    t.reset(); // a new job: the old job's value never arrives
    QTest::qWait(30);
    QCOMPARE(spy.count(), 1);
    t.report(0.2, 10); // same as before the reset, but a new job: passes
    QCOMPARE(spy.count(), 2);
}

QTEST_GUILESS_MAIN(TestProgressThrottle)
#include "tst_progressthrottle.moc"
