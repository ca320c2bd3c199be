// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
//
// The sync client and `etabli sync` against a real etabli-server on 127.0.0.1
// (SQLite, or PostgreSQL with ETABLI_SERVER_BACKEND=postgresql):
// round trip, the conflict rule converging on every store, family data kept off
// benches, offline retries with backoff.
#include "testserver.h"

#include "inventory/store.h"
#include "inventory/sync/syncclient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkInterface>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTest>
#include <QUuid>

#include <sys/stat.h>

using namespace TestServer;
using namespace Etabli;
using namespace Etabli::Inventory;

class TestSync : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    PgCluster m_pg;
    ServerProcess m_server;
    QHash<QString, QString> m_tokens;

    std::unique_ptr<Store> openStore(const QString &name)
    {
        auto s = Store::open(m_dir.filePath(name + QStringLiteral(".sqlite")), {name, QStringLiteral("w-") + name});
        return s ? std::move(*s) : nullptr;
    }
    Result<Sync::SyncReport> sync(Store &store, int attempts = 3)
    {
        Sync::SyncConfig config;
        config.server = QUrl(m_server.url());
        config.token = m_tokens.value(store.identity().station);
        config.batchSize = 7; // several pages even in small tests
        Sync::SyncClient client(store, config);
        return client.syncBlocking(attempts);
    }
    /// uuid → status of every event the server holds.
    QHash<QString, QString> serverEvents()
    {
        QHash<QString, QString> out;
        const Reply r = http(m_server.url(), "GET", QStringLiteral("/api/v1/events?since=0&limit=5000"),
                             m_tokens.value(QStringLiteral("boss")));
        for (const QJsonValue &v : r.json().value(QStringLiteral("events")).toArray())
            out.insert(v.toObject().value(QStringLiteral("uuid")).toString(),
                       v.toObject().value(QStringLiteral("status")).toString());
        return out;
    }
    static QHash<QString, QString> localEvents(const Store &store)
    {
        QHash<QString, QString> out;
        for (const Event &e : store.events())
            out.insert(e.uuid, e.status);
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        if (qEnvironmentVariable("ETABLI_SERVER_BACKEND") == QLatin1String("postgresql")) {
            QVERIFY2(m_pg.start(), qPrintable(m_pg.error));
            m_server.db = m_pg.createDatabase(QStringLiteral("etabli_sync"));
            QVERIFY(!m_server.db.isEmpty());
        } else {
            m_server.db = QStringLiteral("sqlite:") + m_dir.filePath(QStringLiteral("server.sqlite"));
        }
        for (const char *name : {"bench-a", "bench-b", "bench-c", "bench-r", "bench-t"})
            m_tokens.insert(QLatin1String(name),
                            ServerProcess::createToken(m_server.db, QStringLiteral("station"), QLatin1String(name)));
        m_tokens.insert(QStringLiteral("desk"),
                        ServerProcess::createToken(m_server.db, QStringLiteral("desk"), QStringLiteral("desk")));
        m_tokens.insert(QStringLiteral("boss"),
                        ServerProcess::createToken(m_server.db, QStringLiteral("supervisor"), QStringLiteral("boss")));
        QVERIFY2(m_server.start(), qPrintable(m_server.output));
    }

    void cleanupTestCase()
    {
        m_server.kill();
        m_pg.stop();
    }

    void backoffGrowsAndIsCapped_data()
    {
        QTest::addColumn<int>("failures");
        QTest::addColumn<int>("low");
        QTest::addColumn<int>("high");
        QTest::newRow("first retry") << 0 << 375 << 625;
        QTest::newRow("second retry") << 1 << 750 << 1250;
        QTest::newRow("fifth retry") << 4 << 6000 << 10000;
        QTest::newRow("capped") << 20 << 45000 << 60000;
    }
    void backoffGrowsAndIsCapped()
    {
        QFETCH(int, failures);
        QFETCH(int, low);
        QFETCH(int, high);
        for (int i = 0; i < 50; ++i) {
            const auto d = Sync::SyncClient::backoffDelay(failures).count();
            QVERIFY2(d >= low && d <= high, qPrintable(QString::number(d)));
        }
    }

    void roundTrip()
    {
        auto a = openStore(QStringLiteral("bench-a"));
        auto b = openStore(QStringLiteral("bench-b"));
        QVERIFY(a && b);
        QVERIFY(a->setSetting(QStringLiteral("tag.prefix"), QStringLiteral("SA")).ok());
        QVERIFY(a->addDonor(QStringLiteral("Banque Sync")).ok());
        QVERIFY(a->addLot(QStringLiteral("LOT-SYNC"), QStringLiteral("Banque Sync"), 20).ok());
        for (int i = 0; i < 10; ++i) {
            NewAsset n;
            n.lot = QStringLiteral("LOT-SYNC");
            QVERIFY(a->addAsset(n).ok());
        }
        QCOMPARE(a->unpushedCount(), 12);
        auto ra = sync(*a);
        QVERIFY2(ra.ok(), ra.ok() ? "" : qPrintable(ra.error().message));
        QCOMPARE(ra->pushed, 12);
        QCOMPARE(ra->pending, 0);
        QCOMPARE(a->unpushedCount(), 0);
        QVERIFY(!Sync::SyncClient::lastSuccess(*a).isEmpty());
        // Pushing again is harmless: nothing pending, nothing new.
        auto again = sync(*a);
        QVERIFY(again.ok());
        QCOMPARE(again->pushed, 0);
        auto rb = sync(*b);
        QVERIFY(rb.ok());
        QCOMPARE(rb->newHere, 12);
        QCOMPARE(b->assets().size(), 10);
        QCOMPARE(b->lot(QStringLiteral("LOT-SYNC"))->assetCount, 10);
        QCOMPARE(localEvents(*b), localEvents(*a));
        QCOMPARE(localEvents(*a), serverEvents());
    }

    void conflictResolvesTheSameEverywhere()
    {
        auto a = openStore(QStringLiteral("bench-a"));
        auto b = openStore(QStringLiteral("bench-b"));
        auto c = openStore(QStringLiteral("bench-c"));
        QVERIFY(sync(*a).ok() && sync(*b).ok() && sync(*c).ok());
        const QString tag = a->assets().first().tag;
        QCOMPARE(toString(b->asset(tag)->state), QStringLiteral("RECEIVED"));
        // Offline, both benches take the same PC: a to TESTING, b to PARTS, and b
        // then records a test on it.
        QVERIFY(a->moveAsset(tag, AssetState::Testing).ok());
        QVERIFY(b->moveAsset(tag, AssetState::Parts).ok());
        QVERIFY(b->record(QStringLiteral("test.recorded"), tag,
                          {{QStringLiteral("kind"), QStringLiteral("ram")},
                           {QStringLiteral("verdict"), QStringLiteral("PASS")}})
                    .ok());
        QVERIFY(sync(*a).ok()); // a reaches the server first: a wins
        QVERIFY(sync(*b).ok());
        QVERIFY(sync(*a).ok());
        QVERIFY(sync(*c).ok());
        for (Store *s : {a.get(), b.get(), c.get()}) {
            QCOMPARE(toString(s->asset(tag)->state), QStringLiteral("TESTING"));
            QCOMPARE(localEvents(*s), serverEvents());
            int overridden = 0;
            for (const Event &e : s->eventsForAsset(tag))
                if (e.status == QLatin1String("overridden")) {
                    ++overridden;
                    QCOMPARE(e.station, QStringLiteral("bench-b"));
                    QCOMPARE(e.payload.value(QStringLiteral("to")).toString(), QStringLiteral("PARTS"));
                    QVERIFY(!e.note.isEmpty()); // why, for the history
                }
            QCOMPARE(overridden, 1);
        }
        // b's test still counts, on top of the winner's state.
        QCOMPARE(b->facts(tag).passedTests, QStringList{QStringLiteral("ram")});
    }

    void familyDataNeverReachesABench()
    {
        const Reply r = http(m_server.url(), "POST", QStringLiteral("/api/v1/beneficiaries"),
                             m_tokens.value(QStringLiteral("desk")),
                             "{\"reference\":\"FAM-SYNC\",\"family_name\":\"Lefebvre\",\"contact\":\"06 11\"}");
        QCOMPARE(r.status, 201);
        auto a = openStore(QStringLiteral("bench-a"));
        QVERIFY(sync(*a).ok());
        QSqlQuery q(a->database());
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM beneficiaries")) && q.next());
        QCOMPARE(q.value(0).toInt(), 0);
        for (const Event &e : a->events())
            QVERIFY(e.type != QLatin1String("beneficiary.added"));
        QFile file(a->path());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains("Lefebvre"));
    }

    // An event the server refuses (here a move of an asset it has not heard of yet) is set
    // aside; the events after it still go, and it goes too once the server can take it.
    void refusedEventIsSetAside()
    {
        auto t = openStore(QStringLiteral("bench-t"));
        auto r = openStore(QStringLiteral("bench-r"));
        QVERIFY(t && r);
        QVERIFY(t->setSetting(QStringLiteral("tag.prefix"), QStringLiteral("ST")).ok());
        QVERIFY(r->setSetting(QStringLiteral("tag.prefix"), QStringLiteral("SR")).ok());
        QVERIFY(t->addLot(QStringLiteral("LOT-T"), QStringLiteral("Banque T"), 1).ok());
        NewAsset n;
        n.lot = QStringLiteral("LOT-T");
        auto unknownHere = t->addAsset(n); // on bench-t only, not synced yet
        QVERIFY(unknownHere.ok());
        const QString foreignTag = unknownHere->tag;

        QVERIFY(r->addLot(QStringLiteral("LOT-R"), QStringLiteral("Banque R"), 3).ok());
        n.lot = QStringLiteral("LOT-R");
        QVERIFY(r->addAsset(n).ok());
        // bench-r scanned the other bench's tag: its move reaches the server first.
        const QString refusedUuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
        QSqlQuery q(r->database());
        q.prepare(QStringLiteral("INSERT INTO events(uuid, station, worker, time, time_ms, type, asset_tag, payload,"
                                 " status, note, pushed) VALUES(?, 'bench-r', 'w-bench-r', ?, ?, 'asset.moved', ?, ?,"
                                 " 'applied', '', 0)"));
        const QDateTime now = QDateTime::currentDateTimeUtc();
        q.addBindValue(refusedUuid);
        q.addBindValue(now.toString(Qt::ISODateWithMs));
        q.addBindValue(now.toMSecsSinceEpoch());
        q.addBindValue(foreignTag);
        q.addBindValue(QStringLiteral("{\"from\":\"RECEIVED\",\"to\":\"TESTING\"}"));
        QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
        QVERIFY(r->addAsset(n).ok()); // after the refused one
        const qint64 before = r->unpushedCount();
        QCOMPARE(before, 4); // lot, asset, the move, asset

        auto first = sync(*r);
        QVERIFY2(first.ok(), first.ok() ? "" : qPrintable(first.error().message));
        QCOMPARE(first->rejected, 1);
        QCOMPARE(first->pending, 0);
        QCOMPARE(first->sent, 3);
        QVERIFY(!serverEvents().contains(refusedUuid));
        const auto aside = r->rejectedEvents();
        QCOMPARE(aside.size(), 1);
        QCOMPARE(aside.first().event.uuid, refusedUuid);
        QVERIFY2(aside.first().reason.contains(QStringLiteral("422")), qPrintable(aside.first().reason));
        // `sync status` shows it, with the server's answer.
        QString out;
        QCOMPARE(run(QStringLiteral(ETABLI_CLI),
                     {QStringLiteral("--db"), r->path(), QStringLiteral("--json"), QStringLiteral("sync"),
                      QStringLiteral("status")},
                     &out),
                 0);
        const QJsonArray listed
            = QJsonDocument::fromJson(out.toUtf8()).object().value(QStringLiteral("rejected")).toArray();
        QCOMPARE(listed.size(), 1);
        QCOMPARE(listed.at(0).toObject().value(QStringLiteral("asset_tag")).toString(), foreignTag);

        // Still refused on the next round, which does not block anything either.
        QVERIFY(r->addAsset(n).ok());
        auto second = sync(*r);
        QVERIFY(second.ok());
        QCOMPARE(second->rejected, 1);
        QCOMPARE(second->pending, 0);

        // Once the server knows the asset, the set-aside move goes through.
        QVERIFY(sync(*t).ok());
        auto third = sync(*r);
        QVERIFY(third.ok());
        QCOMPARE(third->rejected, 0);
        QVERIFY(r->rejectedEvents().isEmpty());
        QVERIFY(serverEvents().contains(refusedUuid));
    }

    void offlineThenBack()
    {
        auto a = openStore(QStringLiteral("bench-a"));
        NewAsset n;
        QVERIFY(a->addAsset(n).ok());
        m_server.kill();
        auto down = sync(*a, 2); // one retry after a backoff
        QVERIFY(!down.ok());
        QCOMPARE(down.error().code, ErrorCode::Network);
        QCOMPARE(a->unpushedCount(), 1); // nothing lost, nothing marked sent
        QVERIFY(!Sync::SyncClient::lastError(*a).isEmpty());
        QVERIFY2(m_server.start(), qPrintable(m_server.output));
        auto up = sync(*a);
        QVERIFY(up.ok());
        QCOMPARE(a->unpushedCount(), 0);

        // A revoked token is not retried: it cannot get better by waiting.
        QString out;
        QCOMPARE(run(QStringLiteral(ETABLI_SERVER),
                     {QStringLiteral("--db"), m_server.db, QStringLiteral("token"), QStringLiteral("revoke"),
                      QStringLiteral("bench-c")}),
                 0);
        auto c = openStore(QStringLiteral("bench-c"));
        QElapsedTimer t;
        t.start();
        auto refused = sync(*c, 5);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, ErrorCode::Unauthorized);
        QVERIFY(t.elapsed() < 3000);
    }

    void backgroundModeRetriesUntilTheServerIsBack()
    {
        auto b = openStore(QStringLiteral("bench-b"));
        NewAsset n;
        QVERIFY(b->addAsset(n).ok());
        m_server.kill();
        Sync::SyncConfig config;
        config.server = QUrl(m_server.url());
        config.token = m_tokens.value(QStringLiteral("bench-b"));
        Sync::SyncClient client(*b, config);
        QSignalSpy rounds(&client, &Sync::SyncClient::finished);
        client.start(std::chrono::seconds(60));
        QTRY_VERIFY_WITH_TIMEOUT(client.consecutiveFailures() >= 2, 10000); // retried after a backoff
        QCOMPARE(b->unpushedCount(), 1);
        QVERIFY2(m_server.start(), qPrintable(m_server.output));
        QTRY_COMPARE_WITH_TIMEOUT(b->unpushedCount(), 0, 20000);
        QTRY_COMPARE(client.consecutiveFailures(), 0);
        QVERIFY(rounds.size() >= 3);
        QVERIFY(rounds.last().at(0).toBool());
        client.stop();
    }

    // --- hardening: plain HTTP only to loopback; the central file is private
    void plainHttpOnlyToLoopback_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("https anywhere") << QStringLiteral("https://inventaire.example:8420") << true;
        QTest::newRow("http 127.0.0.1") << QStringLiteral("http://127.0.0.1:8420") << true;
        QTest::newRow("http 127.8.9.10") << QStringLiteral("http://127.8.9.10:8420") << true;
        QTest::newRow("http ::1") << QStringLiteral("http://[::1]:8420") << true;
        QTest::newRow("http localhost") << QStringLiteral("http://localhost:8420") << true;
        QTest::newRow("http LOCALHOST") << QStringLiteral("HTTP://LOCALHOST:8420") << true;
        QTest::newRow("http LAN address") << QStringLiteral("http://192.168.1.20:8420") << false;
        QTest::newRow("http host name") << QStringLiteral("http://inventaire:8420") << false;
        QTest::newRow("http 128.0.0.1") << QStringLiteral("http://128.0.0.1:8420") << false;
        QTest::newRow("http localhost.evil.example") << QStringLiteral("http://localhost.evil.example") << false;
        QTest::newRow("http 127.0.0.1.nip.io") << QStringLiteral("http://127.0.0.1.nip.io") << false;
        QTest::newRow("http v4-mapped LAN") << QStringLiteral("http://[::ffff:10.0.0.1]:8420") << false;
        QTest::newRow("http ipv6 global") << QStringLiteral("http://[2001:db8::1]:8420") << false;
        QTest::newRow("ftp") << QStringLiteral("ftp://127.0.0.1") << false;
    }
    void plainHttpOnlyToLoopback()
    {
        QFETCH(QString, url);
        QFETCH(bool, allowed);
        auto r = Sync::SyncClient::checkServerUrl(QUrl(url));
        QCOMPARE(r.ok(), allowed);
        if (!allowed)
            QCOMPARE(r.error().code, ErrorCode::InvalidArgument);
    }
    /// The client refuses before connecting: a listener on this machine's own LAN
    /// address sees no connection (and so no token), and the CLI exits 2 remembering
    /// nothing.
    void plainHttpToAnotherHostSendsNothing()
    {
        QHostAddress lan;
        for (const QHostAddress &a : QNetworkInterface::allAddresses())
            if (a.protocol() == QAbstractSocket::IPv4Protocol && !a.isLoopback())
                lan = a;
        QTcpServer listener;
        QString url = QStringLiteral("http://192.0.2.1:8420"); // TEST-NET-1: never routed
        if (!lan.isNull() && listener.listen(lan, 0))
            url = QStringLiteral("http://%1:%2").arg(lan.toString()).arg(listener.serverPort());
        auto store = openStore(QStringLiteral("bench-http"));
        QVERIFY(store);
        QVERIFY(store->addDonor(QStringLiteral("Donor over HTTP")).ok());
        Sync::SyncConfig config;
        config.server = QUrl(url);
        config.token = QStringLiteral("etb_must_not_travel");
        Sync::SyncClient client(*store, config);
        auto report = client.syncBlocking(3);
        QVERIFY(!report.ok());
        QCOMPARE(report.error().code, ErrorCode::InvalidArgument);
        QCOMPARE(report.error().detail, QStringLiteral("plain_http"));
        QCOMPARE(store->unpushedCount(), 1);

        const QString db = m_dir.filePath(QStringLiteral("cli-http.sqlite"));
        QProcess cli;
        cli.start(QStringLiteral(ETABLI_CLI),
                  {QStringLiteral("--db"), db, QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("sync"),
                   QStringLiteral("--server"), url, QStringLiteral("--token"), QStringLiteral("etb_must_not_travel")});
        QVERIFY(cli.waitForFinished(30000));
        QCOMPARE(cli.exitCode(), 2);
        QVERIFY2(cli.readAllStandardError().contains("https://"), "the message says what to use instead");
        QString out;
        QCOMPARE(run(QStringLiteral(ETABLI_CLI),
                     {QStringLiteral("--db"), db, QStringLiteral("--json"), QStringLiteral("sync"),
                      QStringLiteral("status")},
                     &out),
                 0);
        QCOMPARE(QJsonDocument::fromJson(out.toUtf8()).object().value(QStringLiteral("server")).toString(), QString());
        if (listener.isListening()) {
            QTest::qWait(200);
            QVERIFY2(!listener.hasPendingConnections(), "the client connected to a non-loopback http:// server");
        }
    }
    void serverDatabaseIsPrivate_data()
    {
        QTest::addColumn<int>("mask");
        QTest::newRow("umask 022") << 022;
        QTest::newRow("umask 000") << 0;
    }
    void serverDatabaseIsPrivate()
    {
        QFETCH(int, mask);
        const mode_t previous = ::umask(mode_t(mask));
        const auto restore = qScopeGuard([previous] { ::umask(previous); });
        const QString folder = m_dir.filePath(QStringLiteral("central-%1/var").arg(mask));
        const QString path = folder + QStringLiteral("/central.sqlite");
        QVERIFY(!ServerProcess::createToken(QStringLiteral("sqlite:") + path, QStringLiteral("desk"),
                                            QStringLiteral("desk-perm"))
                     .isEmpty());
        const auto mode = [](const QString &p) {
            struct stat st;
            return ::stat(QFile::encodeName(p).constData(), &st) == 0 ? int(st.st_mode & 07777) : -1;
        };
        QCOMPARE(mode(path), 0600);
        QCOMPARE(mode(folder), 0700);
        QCOMPARE(mode(QFileInfo(folder).path()), 0700);
        for (const char *suffix : {"-wal", "-shm"})
            if (QFileInfo::exists(path + QLatin1String(suffix)))
                QCOMPARE(mode(path + QLatin1String(suffix)), 0600);
    }

    /// `etabli desk import` on the desk, then `etabli sync` (the desk remembered by
    /// --desk): the server holds the pupils, a bench that syncs after gets none of them.
    void deskImportReachesTheServerNotTheBenches()
    {
        const QString desk = m_dir.filePath(QStringLiteral("desk-import.sqlite"));
        const QString csv = m_dir.filePath(QStringLiteral("pupils.csv"));
        {
            QFile f(csv);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("\xEF\xBB\xBFN\xC2\xB0 \xC3\xA9l\xC3\xA8ve;\xC3\x89l\xC3\xA8ve;\xC3\x89"
                    "cole;Classe;Responsable;"
                    "T\xC3\xA9l\xC3\xA9phone\r\nIMP-1;L\xC3\xA9"
                    "a;Pasteur;CM1;Famille Importee;06\r\n"
                    "IMP-2;No\xC3\xA9;Pasteur;CE2;Famille Importee Deux;07\r\n");
        }
        const QStringList base{QStringLiteral("--db"), desk, QStringLiteral("--station"), QStringLiteral("desk")};
        // Not a desk yet: refused, nothing stored.
        QCOMPARE(
            run(QStringLiteral(ETABLI_CLI), base + QStringList{QStringLiteral("desk"), QStringLiteral("import"), csv}),
            4);
        QCOMPARE(run(QStringLiteral(ETABLI_CLI),
                     base
                         + QStringList{QStringLiteral("sync"), QStringLiteral("--server"), m_server.url(),
                                       QStringLiteral("--token"), m_tokens.value(QStringLiteral("desk")),
                                       QStringLiteral("--desk")}),
                 0);
        QCOMPARE(
            run(QStringLiteral(ETABLI_CLI), base + QStringList{QStringLiteral("desk"), QStringLiteral("import"), csv}),
            0);
        QCOMPARE(run(QStringLiteral(ETABLI_CLI), base + QStringList{QStringLiteral("sync")}), 0); // --desk remembered
        const Reply people = http(m_server.url(), "GET", QStringLiteral("/api/v1/beneficiaries"),
                                  m_tokens.value(QStringLiteral("desk")));
        QVERIFY(people.body.contains("IMP-1"));
        QVERIFY(people.body.contains("Famille Importee Deux"));
        // A bench syncing afterwards receives none of it.
        auto bench = openStore(QStringLiteral("bench-t"));
        QVERIFY(bench);
        QVERIFY(sync(*bench).ok());
        QSqlQuery q(bench->database());
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM beneficiaries")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 0);
        for (const Event &e : bench->events())
            QVERIFY(!e.payload.value(QStringLiteral("family_name")).toString().contains(QLatin1String("Importee")));
    }

    void cli()
    {
        const QString db = m_dir.filePath(QStringLiteral("cli.sqlite"));
        const QString token = ServerProcess::createToken(m_server.db, QStringLiteral("station"), QStringLiteral("cli"));
        QString out;
        QCOMPARE(run(QStringLiteral(ETABLI_CLI),
                     {QStringLiteral("--db"), db, QStringLiteral("--station"), QStringLiteral("cli"),
                      QStringLiteral("donor"), QStringLiteral("add"), QStringLiteral("Mutuelle CLI")}),
                 0);
        QCOMPARE(run(QStringLiteral(ETABLI_CLI),
                     {QStringLiteral("--db"), db, QStringLiteral("--json"), QStringLiteral("sync"),
                      QStringLiteral("status")},
                     &out),
                 0);
        QCOMPARE(QJsonDocument::fromJson(out.toUtf8()).object().value(QStringLiteral("pending")).toInt(), 1);
        QCOMPARE(run(QStringLiteral(ETABLI_CLI),
                     {QStringLiteral("--db"), db, QStringLiteral("--json"), QStringLiteral("sync"),
                      QStringLiteral("--server"), m_server.url(), QStringLiteral("--token"), token},
                     &out),
                 0);
        const QJsonObject report = QJsonDocument::fromJson(out.toUtf8()).object();
        QCOMPARE(report.value(QStringLiteral("stored")).toInt(), 1);
        QVERIFY(report.value(QStringLiteral("pulled")).toInt() > 10); // everyone's events came down
        // The server and token are remembered; status shows the last success.
        QCOMPARE(run(QStringLiteral(ETABLI_CLI), {QStringLiteral("--db"), db, QStringLiteral("sync")}, &out), 0);
        QCOMPARE(run(QStringLiteral(ETABLI_CLI),
                     {QStringLiteral("--db"), db, QStringLiteral("--json"), QStringLiteral("sync"),
                      QStringLiteral("status")},
                     &out),
                 0);
        const QJsonObject status = QJsonDocument::fromJson(out.toUtf8()).object();
        QCOMPARE(status.value(QStringLiteral("pending")).toInt(), 0);
        QVERIFY(!status.value(QStringLiteral("last_success")).toString().isEmpty());
        // The desk keeps family data, and only when it says it is the desk.
        const QString deskDb = m_dir.filePath(QStringLiteral("desk.sqlite"));
        QCOMPARE(
            run(QStringLiteral(ETABLI_CLI),
                {QStringLiteral("--db"), deskDb, QStringLiteral("sync"), QStringLiteral("--server"), m_server.url(),
                 QStringLiteral("--token"), m_tokens.value(QStringLiteral("desk")), QStringLiteral("--desk")}),
            0);
        {
            auto desk = Store::open(deskDb, {QStringLiteral("desk"), QStringLiteral("w")});
            QVERIFY(desk.ok());
            QSqlQuery q((*desk)->database());
            QVERIFY(q.exec(QStringLiteral("SELECT family_name FROM beneficiaries WHERE reference = 'FAM-SYNC'")));
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toString(), QStringLiteral("Lefebvre"));
        }
        // Bad input: a server URL that is not http(s) changes nothing.
        QCOMPARE(run(QStringLiteral(ETABLI_CLI),
                     {QStringLiteral("--db"), db, QStringLiteral("sync"), QStringLiteral("--server"),
                      QStringLiteral("ftp://x")}),
                 2);
    }
};

QTEST_MAIN(TestSync)
#include "tst_sync.moc"
