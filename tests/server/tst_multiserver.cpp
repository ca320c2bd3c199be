// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
//
// Several servers, one PostgreSQL: two etabli-server processes on one database of a
// private cluster, three station processes split between them (a station that comes
// back after a kill talks to the other server, so cursors and tokens cross processes),
// and tst_fault's SIGKILL schedules applied to both servers and the stations. At the
// end both servers give the same log, and every store holds exactly those events, in
// the same order (its server_seq), with the same verdicts and asset states: none lost,
// none doubled.
#include "testserver.h"

#include "inventory/store.h"

#include <QRandomGenerator>
#include <QSet>
#include <QTest>

#include <algorithm>

using namespace TestServer;

namespace {
constexpr int kStations = 3;
constexpr int kChanges = 600;
constexpr int kSchedules = 20;

struct Logged {
    QStringList order;
    QHash<QString, QString> status;
    QHash<QString, qint64> seq;
};
} // namespace

class TestMultiServer : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    PgCluster m_pg;
    ServerProcess m_servers[2];
    QStringList m_tokens;
    QString m_supervisor;

    QString storePath(int i) const { return m_dir.filePath(QStringLiteral("station-%1.sqlite").arg(i)); }
    QStringList stationArgs(int i, int server) const
    {
        return {QStringLiteral("--db"),      storePath(i),
                QStringLiteral("--station"), QStringLiteral("bench-%1").arg(i),
                QStringLiteral("--server"),  m_servers[server].url(),
                QStringLiteral("--token"),   m_tokens[i],
                QStringLiteral("--prefix"),  QStringLiteral("M%1").arg(QChar(u'A' + i))};
    }
    Logged log(int server)
    {
        Logged out;
        qint64 cursor = 0;
        for (;;) {
            const Reply r = http(m_servers[server].url(), "GET",
                                 QStringLiteral("/api/v1/events?since=%1&limit=5000").arg(cursor), m_supervisor);
            if (r.status != 200)
                return {};
            for (const QJsonValue &v : r.json().value(QStringLiteral("events")).toArray()) {
                const QString uuid = v.toObject().value(QStringLiteral("uuid")).toString();
                out.order << uuid;
                out.status.insert(uuid, v.toObject().value(QStringLiteral("status")).toString());
                out.seq.insert(uuid, v.toObject().value(QStringLiteral("seq")).toInteger());
            }
            cursor = r.json().value(QStringLiteral("cursor")).toInteger();
            if (!r.json().value(QStringLiteral("more")).toBool())
                return out;
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(m_pg.start(), qPrintable(m_pg.error));
        const QString db = m_pg.createDatabase(QStringLiteral("etabli_multi"));
        QVERIFY(!db.isEmpty());
        for (int i = 0; i < kStations; ++i) {
            m_tokens << ServerProcess::createToken(db, QStringLiteral("station"), QStringLiteral("bench-%1").arg(i));
            QVERIFY(!m_tokens.last().isEmpty());
        }
        m_supervisor = ServerProcess::createToken(db, QStringLiteral("supervisor"), QStringLiteral("boss"));
        for (ServerProcess &s : m_servers) {
            s.db = db;
            QVERIFY2(s.start(), qPrintable(s.output));
        }
    }

    void cleanupTestCase()
    {
        for (ServerProcess &s : m_servers)
            s.kill();
        m_pg.stop();
    }

    void killsOnTwoServersStillConverge()
    {
        int serverKills = 0, stationKills = 0, switches = 0;
        int launches[kStations] = {};
        for (int schedule = 0; schedule < kSchedules; ++schedule) {
            QRandomGenerator rng(quint32(2000 + schedule));
            const int target = kChanges * (schedule + 1) / kSchedules;
            std::vector<std::unique_ptr<QProcess>> stations(kStations);
            auto launch = [&](int i) {
                const int server = (i + launches[i]++) % 2; // split, and switching at each comeback
                switches += launches[i] > 1 ? 1 : 0;
                stations[i] = std::make_unique<QProcess>();
                stations[i]->setProcessChannelMode(QProcess::ForwardedErrorChannel);
                stations[i]->start(QStringLiteral(ETABLI_STATION_SIM),
                                   stationArgs(i, server)
                                       + QStringList{QStringLiteral("--target"), QString::number(target),
                                                     QStringLiteral("--seed"), QString::number(rng.generate())});
            };
            for (int i = 0; i < kStations; ++i)
                launch(i);
            QElapsedTimer round;
            round.start();
            int kills = rng.bounded(1, 4);
            while (round.elapsed() < 60000) {
                bool allDone = true;
                for (int i = 0; i < kStations; ++i) {
                    stations[i]->waitForFinished(0);
                    if (stations[i]->state() != QProcess::NotRunning)
                        allDone = false;
                    else
                        QVERIFY2(stations[i]->exitStatus() == QProcess::CrashExit || stations[i]->exitCode() == 0,
                                 "a station failed to make a change");
                }
                if (allDone)
                    break;
                QTest::qWait(rng.bounded(5, 60));
                if (kills > 0 && rng.bounded(100) < 30) {
                    --kills;
                    const int what = rng.bounded(3);
                    if (what < 2) {
                        m_servers[what].kill(); // SIGKILL, maybe mid-push
                        ++serverKills;
                        QTest::qWait(rng.bounded(0, 100));
                        QVERIFY2(m_servers[what].start(), qPrintable(m_servers[what].output));
                    } else {
                        const int victim = rng.bounded(kStations);
                        if (stations[victim]->state() != QProcess::NotRunning) {
                            stations[victim]->kill();
                            stations[victim]->waitForFinished();
                            ++stationKills;
                            launch(victim);
                        }
                    }
                }
            }
            for (auto &s : stations) {
                if (s->state() != QProcess::NotRunning)
                    QVERIFY2(s->waitForFinished(60000), "a station hung");
                QCOMPARE(s->exitStatus(), QProcess::NormalExit);
                QCOMPARE(s->exitCode(), 0);
            }
        }
        qInfo(
            "%d server kills, %d station kills, %d station launches on the other server than before, over %d schedules",
            serverKills, stationKills, switches, kSchedules);
        QVERIFY(serverKills > 0 && stationKills > 0);

        // Final sync, each bench once with each server.
        for (int pass = 0; pass < 2; ++pass)
            for (int i = 0; i < kStations; ++i)
                QCOMPARE(run(QStringLiteral(ETABLI_STATION_SIM),
                             stationArgs(i, (i + pass) % 2) + QStringList{QStringLiteral("--final")}, nullptr, 120000),
                         0);

        // Both servers read one log: the arrival order is the database's, not a process's.
        const Logged a = log(0), b = log(1);
        QCOMPARE(a.order.size(), kStations * kChanges); // none lost
        QCOMPARE(qsizetype(QSet<QString>(a.order.begin(), a.order.end()).size()), a.order.size()); // none doubled
        QCOMPARE(b.order, a.order);
        QCOMPARE(b.status, a.status);
        for (qsizetype i = 1; i < a.order.size(); ++i)
            QVERIFY(a.seq.value(a.order[i]) > a.seq.value(a.order[i - 1]));
        QHash<QString, QString> serverStates;
        const Reply assets
            = http(m_servers[1].url(), "GET", QStringLiteral("/api/v1/assets?limit=100000"), m_supervisor);
        QCOMPARE(assets.status, 200);
        for (const QJsonValue &v : assets.array())
            serverStates.insert(v.toObject().value(QStringLiteral("tag")).toString(),
                                v.toObject().value(QStringLiteral("state")).toString());
        int overridden = 0;
        for (const QString &status : std::as_const(a.status))
            overridden += status == QLatin1String("overridden");
        qInfo("%lld events, %d overridden by the conflict rule, %lld assets", qint64(a.order.size()), overridden,
              qint64(serverStates.size()));

        for (int i = 0; i < kStations; ++i) {
            auto store
                = Etabli::Inventory::Store::open(storePath(i), {QStringLiteral("check"), QStringLiteral("check")});
            QVERIFY(store.ok());
            QList<Etabli::Inventory::Event> events = (*store)->events();
            std::sort(events.begin(), events.end(),
                      [](const auto &x, const auto &y) { return x.serverSeq < y.serverSeq; });
            QStringList order;
            for (const auto &e : std::as_const(events)) {
                order << e.uuid;
                QVERIFY2(e.serverSeq == a.seq.value(e.uuid) && e.status == a.status.value(e.uuid),
                         qPrintable(QStringLiteral("station %1: event %2 is #%3 «%4» here, #%5 «%6» on the server")
                                        .arg(i)
                                        .arg(e.uuid)
                                        .arg(e.serverSeq)
                                        .arg(e.status)
                                        .arg(a.seq.value(e.uuid))
                                        .arg(a.status.value(e.uuid))));
            }
            QCOMPARE(order, a.order); // the same events in the same order
            QCOMPARE((*store)->unpushedCount(), 0);
            for (const auto &asset : (*store)->assets())
                QVERIFY2(serverStates.value(asset.tag) == Etabli::Inventory::toString(asset.state),
                         qPrintable(QStringLiteral("station %1: %2 is %3 here, %4 on the server")
                                        .arg(i)
                                        .arg(asset.tag, Etabli::Inventory::toString(asset.state),
                                             serverStates.value(asset.tag))));
            QCOMPARE((*store)->assets().size(), serverStates.size());
        }
    }
};

QTEST_MAIN(TestMultiServer)
#include "tst_multiserver.moc"
