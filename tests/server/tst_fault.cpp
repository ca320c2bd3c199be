// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
//
// Fault test: 3 station processes make 2,000 changes each while the server and the
// stations are SIGKILLed and restarted at random moments (50 seeded schedules, one
// after the other on the same stores). After a final sync every store and the server
// must hold exactly the same events with the same verdicts (none lost, none doubled)
// and agree on every asset's state.
#include "testserver.h"

#include "inventory/store.h"

#include <QJsonArray>
#include <QRandomGenerator>
#include <QSet>
#include <QTest>

using namespace TestServer;

namespace {
constexpr int kStations = 3;
constexpr int kChanges = 2000;
constexpr int kSchedules = 50;
} // namespace

class TestFault : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    ServerProcess m_server;
    QStringList m_tokens;
    QString m_supervisor;

    QString storePath(int i) const { return m_dir.filePath(QStringLiteral("station-%1.sqlite").arg(i)); }
    QStringList stationArgs(int i) const
    {
        return {QStringLiteral("--db"),      storePath(i),
                QStringLiteral("--station"), QStringLiteral("bench-%1").arg(i),
                QStringLiteral("--server"),  m_server.url(),
                QStringLiteral("--token"),   m_tokens[i],
                QStringLiteral("--prefix"),  QStringLiteral("S%1").arg(QChar(u'A' + i))};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_server.db = QStringLiteral("sqlite:") + m_dir.filePath(QStringLiteral("server.sqlite"));
        for (int i = 0; i < kStations; ++i) {
            m_tokens << ServerProcess::createToken(m_server.db, QStringLiteral("station"),
                                                   QStringLiteral("bench-%1").arg(i));
            QVERIFY(!m_tokens.last().isEmpty());
        }
        m_supervisor = ServerProcess::createToken(m_server.db, QStringLiteral("supervisor"), QStringLiteral("boss"));
        QVERIFY2(m_server.start(), qPrintable(m_server.output));
    }

    void killsEverywhereStillConverge()
    {
        int serverKills = 0, stationKills = 0;
        for (int schedule = 0; schedule < kSchedules; ++schedule) {
            QRandomGenerator rng(quint32(1000 + schedule));
            const int target = kChanges * (schedule + 1) / kSchedules;
            std::vector<std::unique_ptr<QProcess>> stations(kStations);
            auto launch = [&](int i) {
                stations[i] = std::make_unique<QProcess>();
                stations[i]->setProcessChannelMode(QProcess::ForwardedErrorChannel);
                stations[i]->start(QStringLiteral(ETABLI_STATION_SIM),
                                   stationArgs(i)
                                       + QStringList{QStringLiteral("--target"), QString::number(target),
                                                     QStringLiteral("--seed"), QString::number(rng.generate())});
            };
            for (int i = 0; i < kStations; ++i)
                launch(i);
            QElapsedTimer round;
            round.start();
            int kills = rng.bounded(1, 4); // a few kills per schedule, at random moments
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
                    if (rng.bounded(2) == 0) {
                        m_server.kill(); // SIGKILL
                        ++serverKills;
                        QTest::qWait(rng.bounded(0, 100));
                        QVERIFY2(m_server.start(), qPrintable(m_server.output));
                    } else {
                        const int victim = rng.bounded(kStations);
                        if (stations[victim]->state() != QProcess::NotRunning) {
                            stations[victim]->kill();
                            stations[victim]->waitForFinished();
                            ++stationKills;
                            launch(victim); // a killed bench comes back and goes on
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
        qInfo("%d server kills, %d station kills over %d schedules", serverKills, stationKills, kSchedules);
        QVERIFY(serverKills > 0 && stationKills > 0);

        // Final sync, twice round so every bench also gets what the others sent last.
        for (int pass = 0; pass < 2; ++pass)
            for (int i = 0; i < kStations; ++i)
                QCOMPARE(run(QStringLiteral(ETABLI_STATION_SIM),
                             stationArgs(i) + QStringList{QStringLiteral("--final")}, nullptr, 120000),
                         0);

        // The server's events, in its order.
        QHash<QString, QString> server;
        QStringList order;
        qint64 cursor = 0;
        for (;;) {
            const Reply r = http(m_server.url(), "GET",
                                 QStringLiteral("/api/v1/events?since=%1&limit=5000").arg(cursor), m_supervisor);
            QCOMPARE(r.status, 200);
            for (const QJsonValue &v : r.json().value(QStringLiteral("events")).toArray()) {
                order << v.toObject().value(QStringLiteral("uuid")).toString();
                server.insert(order.last(), v.toObject().value(QStringLiteral("status")).toString());
            }
            cursor = r.json().value(QStringLiteral("cursor")).toInteger();
            if (!r.json().value(QStringLiteral("more")).toBool())
                break;
        }
        QCOMPARE(qsizetype(server.size()), order.size()); // none doubled
        QCOMPARE(server.size(), kStations * kChanges); // none lost
        QHash<QString, QString> serverStates;
        const Reply assets = http(m_server.url(), "GET", QStringLiteral("/api/v1/assets?limit=100000"), m_supervisor);
        for (const QJsonValue &v : assets.array())
            serverStates.insert(v.toObject().value(QStringLiteral("tag")).toString(),
                                v.toObject().value(QStringLiteral("state")).toString());
        int overridden = 0;
        for (const QString &status : std::as_const(server))
            overridden += status == QLatin1String("overridden");
        qInfo("%lld events, %d overridden by the conflict rule, %lld assets", qint64(server.size()), overridden,
              qint64(serverStates.size()));

        for (int i = 0; i < kStations; ++i) {
            auto store
                = Etabli::Inventory::Store::open(storePath(i), {QStringLiteral("check"), QStringLiteral("check")});
            QVERIFY(store.ok());
            QHash<QString, QString> local;
            int own = 0;
            for (const auto &e : (*store)->events()) {
                QVERIFY2(!local.contains(e.uuid), "an event is doubled in a store");
                local.insert(e.uuid, e.status);
                own += e.station == QStringLiteral("bench-%1").arg(i);
            }
            QCOMPARE(own, kChanges);
            QCOMPARE((*store)->unpushedCount(), 0);
            QCOMPARE(local.size(), server.size());
            for (auto it = server.cbegin(); it != server.cend(); ++it)
                QVERIFY2(local.value(it.key()) == it.value(),
                         qPrintable(QStringLiteral("station %1: event %2 is «%3» here, «%4» on the server")
                                        .arg(i)
                                        .arg(it.key(), local.value(it.key()), it.value())));
            for (const auto &a : (*store)->assets())
                QVERIFY2(serverStates.value(a.tag) == Etabli::Inventory::toString(a.state),
                         qPrintable(QStringLiteral("station %1: %2 is %3 here, %4 on the server")
                                        .arg(i)
                                        .arg(a.tag, Etabli::Inventory::toString(a.state), serverStates.value(a.tag))));
            QCOMPARE((*store)->assets().size(), serverStates.size());
        }
    }
};

QTEST_MAIN(TestFault)
#include "tst_fault.moc"
