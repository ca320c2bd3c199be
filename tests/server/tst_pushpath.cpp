// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
//
// push (issue 17): the fast append paths of the server store and SQLite's checkpoints off
// the commit path. On SQLite, events are appended through one prepared statement on
// SQLite's own API; on PostgreSQL a group is one INSERT … SELECT FROM unnest(arrays), whose
// array literals must carry any text (quotes, backslashes, commas, braces, "NULL", newlines,
// non-ASCII) unchanged, absent asset tags as NULL, and keep the arrival order in seq. On
// SQLite the WAL is checkpointed by a thread of its own (serverstore_checkpoint.cpp): the
// database file must grow while pushes go on, the WAL stay bounded, nothing be lost.
// ETABLI_SERVER_BACKEND=postgresql runs it on a private PostgreSQL cluster.
#include "testserver.h"

#include "inventory/assettag.h"
#include "inventory/server/serverstore.h"
#include "inventory/server/serverstore_p.h" // WriterProfile

#include <QFileInfo>
#include <QScopeGuard>
#include <QTest>
#include <QUuid>

using namespace TestServer;
using Etabli::Server::ServerStore;

namespace {

Etabli::Inventory::Event makeEvent(const QString &type, const QString &tag, const QJsonObject &payload,
                                   const QString &worker = QStringLiteral("w1"))
{
    QJsonObject o = eventJson(type, tag, payload);
    o.insert(QStringLiteral("worker"), worker);
    auto e = Etabli::Inventory::eventFromJson(o);
    Q_ASSERT(e);
    return *e;
}

Etabli::Inventory::Event added(const QString &tag)
{
    return makeEvent(QStringLiteral("asset.added"), tag,
                     QJsonObject{{QStringLiteral("tag"), tag},
                                 {QStringLiteral("kind"), QStringLiteral("pc")},
                                 {QStringLiteral("make"), QStringLiteral("Dell")},
                                 {QStringLiteral("model"), QStringLiteral("OptiPlex 7010")}});
}

Etabli::Inventory::Event tested(const QString &tag, const QString &note = QStringLiteral("ok"))
{
    return makeEvent(QStringLiteral("test.recorded"), tag,
                     QJsonObject{{QStringLiteral("kind"), QStringLiteral("ram")},
                                 {QStringLiteral("verdict"), QStringLiteral("PASS")},
                                 {QStringLiteral("rule"), note}});
}

} // namespace

class TestPushPath : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    PgCluster m_pg;
    bool m_postgres = false;
    int m_databases = 0;

    QString database()
    {
        const QString name = QStringLiteral("push%1").arg(++m_databases);
        return m_postgres ? m_pg.createDatabase(name)
                          : QStringLiteral("sqlite:") + m_dir.filePath(name + QStringLiteral(".sqlite"));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_postgres = qEnvironmentVariable("ETABLI_SERVER_BACKEND") == QLatin1String("postgresql");
        if (m_postgres)
            QVERIFY2(m_pg.start(), qPrintable(m_pg.error));
    }

    void textRoundTrip_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("quotes") << QStringLiteral("say \"hi\" and 'bye'");
        QTest::newRow("backslashes") << QStringLiteral("C:\\temp\\ and \\\" and \\\\");
        QTest::newRow("array syntax") << QStringLiteral("{a,b},{\"c\"} NULL , }{");
        QTest::newRow("the word NULL") << QStringLiteral("NULL");
        QTest::newRow("empty") << QString();
        QTest::newRow("lines and tabs") << QStringLiteral("one\ntwo\tthree\r\n");
        QTest::newRow("non-ASCII") << QStringLiteral("écran fêlé — 😀 ß");
    }

    void textRoundTrip()
    {
        QFETCH(QString, text);
        const QString url = database();
        auto store = ServerStore::open(url);
        QVERIFY2(store, qPrintable(store ? QString() : store.error().message));
        const QString tag = Etabli::Inventory::AssetTag::make(QStringLiteral("PP"), 1);
        // An event without an asset (a NULL in the tag array) among them.
        QList<Etabli::Inventory::Event> batch{
            added(tag), tested(tag, text),
            makeEvent(QStringLiteral("worker.added"), QString(),
                      QJsonObject{{QStringLiteral("badge"), QStringLiteral("B-1")},
                                  {QStringLiteral("display_name"), QStringLiteral("Ana")},
                                  {QStringLiteral("role"), QStringLiteral("worker")}}),
            tested(tag, text + text)};
        auto pushed = (*store)->push(batch, QStringLiteral("bench ") + text);
        QVERIFY2(pushed, qPrintable(pushed ? QString() : pushed.error().message));
        QCOMPARE(pushed->size(), batch.size());
        for (qsizetype i = 1; i < pushed->size(); ++i)
            QVERIFY2(pushed->at(i).seq > pushed->at(i - 1).seq, "seq does not follow the arrival order");

        qint64 last = 0;
        bool more = false;
        auto pulled = (*store)->pull(0, 100, true, &last, &more);
        QVERIFY(pulled);
        QCOMPARE(pulled->size(), batch.size());
        for (qsizetype i = 0; i < batch.size(); ++i) {
            const QJsonObject o = pulled->at(i).toObject();
            QCOMPARE(o.value(QStringLiteral("uuid")).toString(), batch[i].uuid);
            QCOMPARE(o.value(QStringLiteral("seq")).toInteger(), pushed->at(i).seq);
            QCOMPARE(o.value(QStringLiteral("payload")).toObject(), batch[i].payload);
            QCOMPARE(o.value(QStringLiteral("time")).toString(), QStringLiteral("2026-11-25T10:00:00.000Z"));
            QCOMPARE(o.value(QStringLiteral("asset_tag")).isNull(), batch[i].assetTag.isEmpty());
        }
        QCOMPARE((*store)->eventCount(), qint64(batch.size()));
    }

    // push (issue 17): the writer's profile (ETABLI_WRITER_PROFILE) counts the statements of
    // each phase of a group; on PostgreSQL a round trip each, so the UUID check, the asset
    // read and the append must stay one statement whatever the batch's size, and on SQLite
    // the UUID check is one statement per 100 and the append one step per event.
    void statementsPerGroup_data()
    {
        QTest::addColumn<int>("events");
        QTest::addColumn<int>("assets");
        QTest::newRow("10 events, 10 assets") << 10 << 10;
        QTest::newRow("300 events, 150 assets") << 300 << 150;
    }

    void statementsPerGroup()
    {
        namespace Profile = Etabli::Server::WriterProfile;
        QFETCH(int, events);
        QFETCH(int, assets);
        auto store = ServerStore::open(database());
        QVERIFY2(store, qPrintable(store ? QString() : store.error().message));
        QList<Etabli::Inventory::Event> adds, tests;
        for (int a = 0; a < assets; ++a)
            adds.append(added(Etabli::Inventory::AssetTag::make(QStringLiteral("SG"), a + 1)));
        for (int i = 0; i < events; ++i)
            tests.append(tested(adds[i % assets].assetTag, QString::number(i)));
        QVERIFY((*store)->push(adds, QStringLiteral("bench")));

        Profile::enable(true);
        const auto off = qScopeGuard([] { Profile::enable(false); });
        auto pushed = (*store)->push(tests, QStringLiteral("bench"));
        const Profile::Totals t = Profile::totals();
        QVERIFY2(pushed, qPrintable(pushed ? QString() : pushed.error().message));
        QCOMPARE(pushed->size(), qsizetype(events));
        QCOMPARE(t.groups, qint64(1));
        QCOMPARE(t.events, qint64(events));
        qint64 ns = 0;
        for (qint64 phase : t.ns)
            ns += phase;
        QVERIFY(ns > 0);
        QCOMPARE(t.statements[Profile::Commit], qint64(1));
        // The projections fold the group from memory: one statement (last_seq and the last
        // seq logged before the group), not a second one reading the group back from the log.
        QCOMPARE(t.statements[Profile::ProjLog], qint64(1));
        // The UUID check was read by the pushing thread before its turn (push()'s precheck).
        QCOMPARE(t.statements[Profile::Known], qint64(0));
        if (m_postgres) {
            QCOMPARE(t.statements[Profile::Begin], qint64(1)); // BEGIN and the advisory lock, one round trip
            QCOMPARE(t.statements[Profile::Prefetch], qint64(1));
            QCOMPARE(t.statements[Profile::Insert], qint64(1));
        } else {
            QCOMPARE(t.statements[Profile::Begin], qint64(1));
            QCOMPARE(t.statements[Profile::Insert], qint64(events));
        }
        // Pushed again: every UUID known, nothing applied nor appended.
        Profile::enable(true);
        auto again = (*store)->push(tests, QStringLiteral("bench"));
        QVERIFY(again);
        QCOMPARE(again->first().isNew, false);
        QCOMPARE(Profile::totals().statements[Profile::Insert], qint64(0));
        QCOMPARE(Profile::totals().statements[Profile::Prefetch], qint64(0));
    }

    // push (issue 17): a push's UUIDs are read by its own thread before the writer's turn
    // (the precheck) and trusted by the writer. An event stored in between, by another
    // group or another server on the same database (here a second store, as a second
    // server's would be), must not be appended twice: the log's unique UUID refuses the
    // trusting attempt, the group is written again with the UUIDs read inside the
    // transaction, and the pusher is told the events were already stored, with their seq.
    void storedBetweenPrecheckAndTurn()
    {
        using Etabli::Server::PushOutcome;
        const QString url = database();
        auto mine = ServerStore::open(url);
        auto other = ServerStore::open(url);
        QVERIFY2(mine && other, "two stores on the database");
        const QString tag = Etabli::Inventory::AssetTag::make(QStringLiteral("SG"), 901);
        QVERIFY((*mine)->push({added(tag)}, QStringLiteral("bench")));
        const QList<Etabli::Inventory::Event> batch{tested(tag, QStringLiteral("between 1")),
                                                    tested(tag, QStringLiteral("between 2"))};
        const qint64 before = (*mine)->eventCount();
        QList<PushOutcome> byOther;
        Etabli::Server::TestHooks::afterPrecheck = [&] {
            auto stored = (*other)->push(batch, QStringLiteral("other"));
            QVERIFY2(stored, qPrintable(stored ? QString() : stored.error().message));
            byOther = *stored;
        };
        auto pushed = (*mine)->push(batch, QStringLiteral("bench"));
        QVERIFY(!Etabli::Server::TestHooks::afterPrecheck); // the hook ran, once
        QVERIFY2(pushed, qPrintable(pushed ? QString() : pushed.error().message));
        QCOMPARE(byOther.size(), qsizetype(2));
        QCOMPARE(pushed->size(), qsizetype(2));
        for (int i = 0; i < 2; ++i) {
            QVERIFY(byOther[i].isNew);
            QVERIFY(!pushed->at(i).isNew);
            QCOMPARE(pushed->at(i).seq, byOther[i].seq);
            QVERIFY(byOther[i].seq > 0);
        }
        QCOMPARE((*mine)->eventCount(), before + 2);
        // The next push trusts its precheck again and stores normally.
        auto next = (*mine)->push({tested(tag, QStringLiteral("after"))}, QStringLiteral("bench"));
        QVERIFY(next && next->first().isNew);
        QCOMPARE((*mine)->eventCount(), before + 3);
    }

    // push (issue 17): a group larger than SQLite's default page cache (2 MiB) keeps its
    // dirty pages until COMMIT (PRAGMA cache_spill, serverstore.cpp) instead of spilling them
    // into the WAL mid-transaction and writing them twice: SQLite's own count of spilled
    // pages (SQLITE_DBSTATUS_CACHE_SPILL, in the writer's profile) stays 0.
    void bigGroupNotSpilled_data()
    {
        QTest::addColumn<int>("events");
        QTest::addColumn<int>("noteChars");
        QTest::newRow("2,000 events of 1 kB (over 2 MiB of pages)") << 2000 << 1000;
        QTest::newRow("4,000 events of 300 B") << 4000 << 300;
    }

    void bigGroupNotSpilled()
    {
        if (m_postgres)
            QSKIP("SQLite's page cache only; the SQLite run of this test covers it");
        namespace Profile = Etabli::Server::WriterProfile;
        QFETCH(int, events);
        QFETCH(int, noteChars);
        auto store = ServerStore::open(database());
        QVERIFY2(store, qPrintable(store ? QString() : store.error().message));
        QList<Etabli::Inventory::Event> adds, tests;
        for (int a = 0; a < 200; ++a)
            adds.append(added(Etabli::Inventory::AssetTag::make(QStringLiteral("SP"), a + 1)));
        QVERIFY((*store)->push(adds, QStringLiteral("bench")));
        for (int i = 0; i < events; ++i)
            tests.append(
                tested(adds[i % adds.size()].assetTag, QString::number(i) + QString(noteChars, QLatin1Char('x'))));
        Profile::enable(true);
        const auto off = qScopeGuard([] { Profile::enable(false); });
        auto pushed = (*store)->push(tests, QStringLiteral("bench"));
        QVERIFY2(pushed, qPrintable(pushed ? QString() : pushed.error().message));
        const Profile::Totals t = Profile::totals();
        QCOMPARE(t.groups, qint64(1));
        QCOMPARE(t.events, qint64(events));
        QCOMPARE(t.spilled, qint64(0));
        QCOMPARE((*store)->eventCount(), qint64(events + adds.size()));
    }

    void walCheckpointedWhilePushing()
    {
        if (m_postgres)
            QSKIP("SQLite's WAL only; the SQLite run of this test covers it");
        const QString url = database();
        const QString path = url.mid(7);
        auto store = ServerStore::open(url);
        QVERIFY2(store, qPrintable(store ? QString() : store.error().message));
        const qint64 before = QFileInfo(path).size();

        // Batches of 30 events, each its own commit; each commit's pages go to the WAL and
        // only a checkpoint copies them into the database file. Below 3,000 WAL pages the
        // server's connections never checkpoint themselves: first until the WAL passes 1,100
        // pages, which only the checkpointer's thread can copy, then 9,000 events more, with
        // which the WAL must start over instead of growing.
        qint64 stored = 0;
        const auto pushBatches = [&](int from, int to) {
            for (int b = from; b < to; ++b) {
                const QString tag = Etabli::Inventory::AssetTag::make(QStringLiteral("WC"), b + 1);
                QList<Etabli::Inventory::Event> batch{added(tag)};
                for (int i = 0; i < 29; ++i)
                    batch.append(tested(tag, QString(200, QLatin1Char('x'))));
                auto pushed = (*store)->push(batch, QStringLiteral("bench"));
                if (!pushed)
                    return pushed.error().message;
                stored += batch.size();
            }
            return QString();
        };
        const QString wal = path + QStringLiteral("-wal");
        // First until the WAL passes 1,100 pages (the checkpointer's thread is woken at 1,000;
        // one batch adds a few dozen pages, the supervisor's projections included), never
        // near the 3,000 at which a connection would checkpoint itself.
        int firstBatches = 0;
        while (firstBatches < 400 && QFileInfo(wal).size() < 1100 * 4096) {
            const QString first = pushBatches(firstBatches, firstBatches + 1);
            QVERIFY2(first.isEmpty(), qPrintable(first));
            ++firstBatches;
        }
        QVERIFY2(QFileInfo(wal).size() < 3000 * 4096, "the first pushes made a WAL of 3,000 pages or more");
        // Only the checkpointer's thread copies pages into the file here (a quarter MiB at least:
        // the first batches' events alone are larger).
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(path).size() > before + 256 * 1024, 10000);
        qInfo("after %lld events (%d batches): database file %lld -> %lld bytes, WAL %lld bytes", stored, firstBatches,
              before, QFileInfo(path).size(), QFileInfo(wal).size());
        const QString second = pushBatches(firstBatches, firstBatches + 300);
        QVERIFY2(second.isEmpty(), qPrintable(second));
        qInfo("after %lld events: database file %lld bytes, WAL %lld bytes", stored, QFileInfo(path).size(),
              QFileInfo(wal).size());
        QVERIFY2(QFileInfo(wal).size() < 16 * 1024 * 1024, "the WAL did not start over: it grows without end");
        QCOMPARE((*store)->eventCount(), stored);
        store->reset();
        auto again = ServerStore::open(url, ServerStore::OpenMode::Attach);
        QVERIFY(again);
        QCOMPARE((*again)->eventCount(), stored);
    }
};

QTEST_GUILESS_MAIN(TestPushPath)
#include "tst_pushpath.moc"
