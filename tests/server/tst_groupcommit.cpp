// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
//
// Group commit (inventory/server/serverstore_writer.cpp): pushes that wait together are
// stored in one transaction with one set of multi-row statements; when one batch of the
// group is refused, the group is written again with each batch in a savepoint, so the
// refused batch fails alone and the others are stored, once, in arrival order. The test
// holds the write lock from a side connection (BEGIN IMMEDIATE on SQLite, the advisory
// lock on PostgreSQL) so that the pushes queue behind it and are written as one group.
// ETABLI_SERVER_BACKEND=postgresql runs it on a private PostgreSQL cluster.
#include "testserver.h"

#include "inventory/assettag.h"
#include "inventory/server/serverstore.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QUrlQuery>
#include <QUuid>

#include <atomic>
#include <chrono>
#include <thread>

using namespace TestServer;
using Etabli::Server::PushOutcome;
using Etabli::Server::ServerStore;

namespace {

QString tagOf(const QString &prefix, int n)
{
    return Etabli::Inventory::AssetTag::make(prefix, n);
}

Etabli::Inventory::Event event(const QString &type, const QString &tag, const QJsonObject &payload,
                               const QString &uuid = QUuid::createUuid().toString(QUuid::WithoutBraces))
{
    auto e = Etabli::Inventory::eventFromJson(eventJson(type, tag, payload, uuid));
    Q_ASSERT(e);
    return *e;
}

Etabli::Inventory::Event tested(const QString &tag)
{
    return event(QStringLiteral("test.recorded"), tag,
                 QJsonObject{{QStringLiteral("kind"), QStringLiteral("ram")},
                             {QStringLiteral("verdict"), QStringLiteral("PASS")}});
}

Etabli::Inventory::Event added(const QString &tag)
{
    return event(QStringLiteral("asset.added"), tag,
                 QJsonObject{{QStringLiteral("tag"), tag},
                             {QStringLiteral("kind"), QStringLiteral("pc")},
                             {QStringLiteral("make"), QStringLiteral("Dell")},
                             {QStringLiteral("model"), QStringLiteral("OptiPlex 7010")}});
}

/// One push on its own thread and its own connection, as a server worker does it.
struct Pusher {
    QList<Etabli::Inventory::Event> events;
    std::optional<Etabli::Result<QList<PushOutcome>>> result;
    std::thread thread;
    std::atomic<bool> ready{false}, go{false};
    /// Connects, then pushes once told to (so that the pushes queue in the order told).
    void start(const QString &url)
    {
        thread = std::thread([this, url] {
            auto store = ServerStore::open(url, ServerStore::OpenMode::Attach);
            ready = true;
            while (!go)
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
            if (!store) {
                result = store.error();
                return;
            }
            result = (*store)->push(events, QStringLiteral("bench"));
        });
    }
};

} // namespace

class TestGroupCommit : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    PgCluster m_pg;
    bool m_postgres = false;
    int m_databases = 0;

    QString database()
    {
        const QString name = QStringLiteral("group%1").arg(++m_databases);
        return m_postgres ? m_pg.createDatabase(name)
                          : QStringLiteral("sqlite:") + m_dir.filePath(name + QStringLiteral(".sqlite"));
    }

    /// A side connection that holds the write lock the server store takes.
    QSqlDatabase side(const QString &url)
    {
        const QString name = QStringLiteral("side%1").arg(m_databases);
        if (!m_postgres) {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(url.mid(7));
            return db;
        }
        // postgresql://etabli@localhost:PORT/NAME?host=DIR, as PgCluster makes it
        const QUrl u(url);
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(QUrlQuery(u).queryItemValue(QStringLiteral("host")));
        db.setPort(u.port());
        db.setUserName(u.userName());
        db.setDatabaseName(u.path().mid(1));
        return db;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_postgres = qEnvironmentVariable("ETABLI_SERVER_BACKEND") == QLatin1String("postgresql");
        if (m_postgres)
            QVERIFY2(m_pg.start(), qPrintable(m_pg.error));
    }

    void refusedBatchAlone_data()
    {
        QTest::addColumn<bool>("withRefused");
        QTest::addColumn<bool>("withRepeat");
        QTest::newRow("all good: one set of statements") << false << false;
        QTest::newRow("one batch refused: savepoints") << true << false;
        QTest::newRow("refused, and a UUID in two batches") << true << true;
        QTest::newRow("a UUID in two batches") << false << true;
    }

    void refusedBatchAlone()
    {
        QFETCH(bool, withRefused);
        QFETCH(bool, withRepeat);
        const QString url = database();
        auto store = ServerStore::open(url);
        QVERIFY2(store, qPrintable(store ? QString() : store.error().message));
        const QString a = tagOf(QStringLiteral("GC"), 1), b = tagOf(QStringLiteral("GC"), 2);
        const QString unknown = tagOf(QStringLiteral("GC"), 99);
        QVERIFY((*store)->push({added(a)}, QStringLiteral("bench")));

        QSqlDatabase lock = side(url);
        QVERIFY2(lock.open(), qPrintable(lock.lastError().text()));
        {
            QSqlQuery q(lock);
            QVERIFY2(q.exec(m_postgres ? QStringLiteral("SELECT pg_advisory_lock(%1)").arg(0x657461626c69)
                                       : QStringLiteral("BEGIN IMMEDIATE")),
                     qPrintable(q.lastError().text()));
        }

        // The first push waits on the lock alone; the others queue behind it and are
        // written together once it is through.
        std::vector<std::unique_ptr<Pusher>> pushers;
        const auto push = [&](QList<Etabli::Inventory::Event> events) {
            pushers.push_back(std::make_unique<Pusher>());
            pushers.back()->events = std::move(events);
            pushers.back()->start(url);
        };
        push({tested(a)});
        push({tested(a), tested(a), tested(a)});
        if (withRefused)
            push({tested(a), tested(unknown), tested(a)}); // the middle one: an asset nobody pushed
        QList<Etabli::Inventory::Event> last{added(b), tested(b)};
        if (withRepeat)
            last.append(pushers[1]->events[1]); // already in the batch before, in the same group
        push(last);
        for (auto &p : pushers)
            QTRY_VERIFY_WITH_TIMEOUT(p->ready, 20000);
        for (auto &p : pushers) {
            p->go = true;
            QTest::qWait(p == pushers.front() ? 300 : 100);
        }
        QTest::qWait(300);
        {
            QSqlQuery q(lock);
            QVERIFY(q.exec(m_postgres ? QStringLiteral("SELECT pg_advisory_unlock(%1)").arg(0x657461626c69)
                                      : QStringLiteral("COMMIT")));
        }
        lock.close();
        for (auto &p : pushers)
            p->thread.join();

        // Every good batch stored with its own seqs, the refused one alone refused.
        QSet<qint64> seqs;
        qint64 expected = 1; // the asset.added before
        for (size_t i = 0; i < pushers.size(); ++i) {
            const Pusher &p = *pushers[i];
            QVERIFY(p.result.has_value());
            const bool refused = withRefused && i == 2;
            if (refused) {
                QVERIFY2(!*p.result, "a batch with an unknown asset was stored");
                QCOMPARE(p.result->error().detail, QStringLiteral("unknown_asset"));
                continue;
            }
            QVERIFY2(*p.result, qPrintable(*p.result ? QString() : p.result->error().message));
            QCOMPARE((*p.result)->size(), p.events.size());
            for (qsizetype k = 0; k < p.events.size(); ++k) {
                const PushOutcome &o = (*p.result)->at(k);
                QCOMPARE(o.uuid, p.events[k].uuid);
                QVERIFY(o.seq > 0);
                QCOMPARE(o.status, QStringLiteral("applied"));
                const bool repeat = withRepeat && i + 1 == pushers.size() && k == p.events.size() - 1;
                QCOMPARE(o.isNew, !repeat);
                if (repeat) {
                    QCOMPARE(o.seq, (*pushers[1]->result)->at(1).seq);
                } else {
                    QVERIFY2(!seqs.contains(o.seq), "two events with one seq");
                    seqs.insert(o.seq);
                    ++expected;
                }
            }
        }
        QCOMPARE((*store)->eventCount(), expected);
        qint64 last_ = 0;
        bool more = false;
        auto pulled = (*store)->pull(0, 1000, true, &last_, &more);
        QVERIFY(pulled);
        QCOMPARE(pulled->size(), qsizetype(expected));
        for (const QJsonValue &v : *pulled)
            QVERIFY2(v.toObject().value(QStringLiteral("asset_tag")).toString() != unknown,
                     "an event of the refused batch is in the log");
        // The arrival order: the first push first, then the group in queue order.
        QCOMPARE(pulled->at(1).toObject().value(QStringLiteral("uuid")).toString(), pushers[0]->events[0].uuid);
        QCOMPARE(pulled->at(2).toObject().value(QStringLiteral("uuid")).toString(), pushers[1]->events[0].uuid);
        auto asset = (*store)->asset(b);
        QVERIFY2(asset, "the last batch's asset.added is not applied");

        // Pushed again: stored once, the same seqs.
        auto again = (*store)->push(pushers[1]->events, QStringLiteral("bench"));
        QVERIFY(again);
        for (qsizetype k = 0; k < again->size(); ++k) {
            QVERIFY(!again->at(k).isNew);
            QCOMPARE(again->at(k).seq, (*pushers[1]->result)->at(k).seq);
        }
        QCOMPARE((*store)->eventCount(), expected);
    }

    void cleanupTestCase()
    {
        for (const QString &name : QSqlDatabase::connectionNames())
            if (name.startsWith(QLatin1String("side")))
                QSqlDatabase::removeDatabase(name);
    }
};

QTEST_GUILESS_MAIN(TestGroupCommit)
#include "tst_groupcommit.moc"
