// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "inventory/assettag.h"
#include "inventory/store.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Etabli::Inventory;

/// A writer killed with SIGKILL at random moments never leaves a broken store nor a
/// change without its event (or an event without its change).
class TestCrash : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void killedWriterLeavesAConsistentStore();
};

namespace {

qint64 scalar(Store &store, const QString &sql)
{
    QSqlQuery q(store.database());
    if (!q.exec(sql) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

} // namespace

void TestCrash::killedWriterLeavesAConsistentStore()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("crash.sqlite"));
    const quint32 seed
        = qEnvironmentVariableIsSet("ETABLI_SEED") ? qEnvironmentVariableIntValue("ETABLI_SEED") : 20261125;
    qInfo("seed %u (set ETABLI_SEED to replay)", seed);
    QRandomGenerator rng(seed);
    const int runs = 24;
    qint64 previousEvents = 0;
    for (int run = 0; run < runs; ++run) {
        QProcess writer;
        writer.start(QStringLiteral(STORE_WRITER), {path, QStringLiteral("10000")});
        QVERIFY(writer.waitForStarted());
        QVERIFY(writer.waitForReadyRead(10000));
        QCOMPARE(writer.readLine().trimmed(), QByteArray("started"));
        const int delayMs = int(rng.bounded(20, 400));
        QTest::qWait(delayMs);
        const bool stillRunning = writer.state() == QProcess::Running;
        ::kill(pid_t(writer.processId()), SIGKILL);
        QVERIFY(writer.waitForFinished(10000));
        QVERIFY2(writer.exitStatus() == QProcess::CrashExit || !stillRunning,
                 writer.readAllStandardError().constData());

        auto opened = Store::open(path, Identity{QStringLiteral("check"), QStringLiteral("check")});
        QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().message));
        Store &store = **opened;
        QSqlQuery integrity(store.database());
        QVERIFY(integrity.exec(QStringLiteral("PRAGMA integrity_check")) && integrity.next());
        QCOMPARE(integrity.value(0).toString(), QStringLiteral("ok"));
        const qint64 events = store.eventCount();
        const qint64 added = scalar(store, QStringLiteral("SELECT count(*) FROM assets"));
        const qint64 moved = scalar(store, QStringLiteral("SELECT count(*) FROM assets WHERE state = 'TESTING'"));
        QCOMPARE(events, added + moved);
        QCOMPARE(scalar(store, QStringLiteral("SELECT sum(revision) FROM assets")), events);
        QCOMPARE(scalar(store, QStringLiteral("SELECT count(*) FROM events WHERE type = 'asset.moved'")), moved);
        // The tag counter commits with the asset it numbered.
        if (added > 0)
            QCOMPARE(store.setting(QStringLiteral("tag.next")).toLongLong(), added + 1);
        QVERIFY(events >= previousEvents);
        previousEvents = events;
        qInfo("run %d: killed after %d ms, %lld events", run, delayMs, events);
    }
    QVERIFY2(previousEvents > 0, "the writer never got to write");
}

QTEST_GUILESS_MAIN(TestCrash)
#include "tst_crash.moc"
