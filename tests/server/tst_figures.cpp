// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
//
// The dashboard's figures are a projection kept in each event's transaction. A seeded
// mix of intake, moves (some stale, so overridden), HS parts, handovers and returns goes
// through a real server; its figures must equal (1) the same figures recounted from the
// tables and the log (`etabli-server rebuild`), (2) the figures of a fresh database that
// replays the pulled log in its order, and (3) the states and kinds of GET /assets.
// ETABLI_SERVER_BACKEND=postgresql runs it on a private PostgreSQL cluster.
#include "testserver.h"

#include "inventory/assettag.h"

#include <QRandomGenerator>
#include <QTest>
#include <QUuid>

using namespace TestServer;

namespace {

/// The n-th event, a second after the one before it.
QJsonObject makeEvent(const QString &type, const QString &tag, const QJsonObject &payload, int n)
{
    return eventJson(type, tag, payload, QUuid::createUuid().toString(QUuid::WithoutBraces),
                     QDateTime(QDate(2026, 1, 5), QTime(8, 0))
                         .addSecs(n)
                         .toUTC()
                         .toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ")));
}

QByteArray batch(const QJsonArray &events)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("events"), events}}).toJson(QJsonDocument::Compact);
}

} // namespace

class TestFigures : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    PgCluster m_pg;
    bool m_postgres = false;

    QString database(const QString &name)
    {
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
    void cleanupTestCase() { m_pg.stop(); }

    void projectionEqualsRecountAndReplay()
    {
        ServerProcess server;
        server.db = database(QStringLiteral("figures"));
        QVERIFY(!server.db.isEmpty());
        const QString boss = ServerProcess::createToken(server.db, QStringLiteral("supervisor"), QStringLiteral("b"));
        // The desk pushes: beneficiary.added is desk-only on every path (issue 18 point 12).
        const QString desk = ServerProcess::createToken(server.db, QStringLiteral("desk"), QStringLiteral("d"));
        QVERIFY2(server.start(), qPrintable(server.output));

        // A seeded workshop: donors, lots, assets moving through their life.
        QRandomGenerator rng(20261201);
        QJsonArray events;
        int n = 0;
        for (int d = 0; d < 4; ++d)
            events << makeEvent(QStringLiteral("donor.added"), {},
                                {{QStringLiteral("name"), QStringLiteral("Donor %1").arg(d)}}, n++);
        for (int l = 0; l < 8; ++l)
            events << makeEvent(QStringLiteral("lot.added"), {},
                                {{QStringLiteral("reference"), QStringLiteral("LOT-%1").arg(l)},
                                 {QStringLiteral("donor"), QStringLiteral("Donor %1").arg(l % 4)},
                                 {QStringLiteral("expected_count"), 100}},
                                n++);
        for (int b = 0; b < 20; ++b)
            events << makeEvent(QStringLiteral("beneficiary.added"), {},
                                {{QStringLiteral("reference"), QStringLiteral("FAM-%1").arg(b)},
                                 {QStringLiteral("school"), QStringLiteral("Ecole")},
                                 {QStringLiteral("class"), QStringLiteral("CM1")}},
                                n++);
        const QStringList kinds{QStringLiteral("pc"), QStringLiteral("screen"), QStringLiteral("keyboard"),
                                QStringLiteral("mouse")};
        // The path a PC takes, and what a stale client might still believe.
        const QStringList path{QStringLiteral("RECEIVED"), QStringLiteral("TESTING"),  QStringLiteral("IMAGED"),
                               QStringLiteral("READY"),    QStringLiteral("RESERVED"), QStringLiteral("HANDED_OVER"),
                               QStringLiteral("RETURNED")};
        struct Asset {
            QString tag;
            int step = 0;
            QString beneficiary;
        };
        QList<Asset> assets;
        for (int i = 0; i < 3000; ++i) {
            const int roll = rng.bounded(100);
            if (assets.isEmpty() || roll < 12) {
                Asset a{Etabli::Inventory::AssetTag::make(QStringLiteral("FIG"), int(assets.size()) + 1)};
                QJsonObject p{{QStringLiteral("tag"), a.tag}, {QStringLiteral("kind"), kinds[rng.bounded(4)]}};
                if (rng.bounded(10) > 0) // some have no lot: counted by state and kind, not by donor
                    p.insert(QStringLiteral("lot"), QStringLiteral("LOT-%1").arg(rng.bounded(8)));
                events << makeEvent(QStringLiteral("asset.added"), a.tag, p, n++);
                assets << a;
                continue;
            }
            Asset &a = assets[rng.bounded(int(assets.size()))];
            if (roll < 25) {
                static const char *const parts[] = {"screen", "keyboard", "mouse"};
                static const char *const reasons[] = {"dead_pixels", "broken_keys", "other"};
                const int k = rng.bounded(3);
                events << makeEvent(QStringLiteral("hs.recorded"), a.tag,
                                    {{QStringLiteral("part"), QLatin1String(parts[k])},
                                     {QStringLiteral("reason"), QLatin1String(reasons[k])}},
                                    n++);
                continue;
            }
            const bool stale = roll < 32 && a.step > 0; // overridden: the asset is no longer there
            const int from = stale ? a.step - 1 : a.step;
            const int to = a.step == int(path.size()) - 1 ? 1 : a.step + 1; // RETURNED goes back to TESTING
            QJsonObject p{{QStringLiteral("from"), path[from]}, {QStringLiteral("to"), path[to]}};
            if (path[to] == QLatin1String("RESERVED"))
                a.beneficiary = QStringLiteral("FAM-%1").arg(rng.bounded(20));
            if (path[to] == QLatin1String("RESERVED") || path[to] == QLatin1String("HANDED_OVER"))
                p.insert(QStringLiteral("beneficiary"), a.beneficiary);
            events << makeEvent(QStringLiteral("asset.moved"), a.tag, p, n++);
            if (!stale)
                a.step = to;
        }
        for (qsizetype i = 0; i < events.size(); i += 100) {
            QJsonArray part;
            for (qsizetype j = i; j < qMin(events.size(), i + 100); ++j)
                part << events[j];
            const Reply r = http(server.url(), "POST", QStringLiteral("/api/v1/events"), desk, batch(part));
            QVERIFY2(r.status == 200, r.body.constData());
        }

        const Reply live = http(server.url(), "GET", QStringLiteral("/api/v1/figures"), boss);
        QCOMPARE(live.status, 200);
        const QJsonObject figures = live.json();
        QCOMPARE(figures.value(QStringLiteral("events")).toInteger(), events.size());
        QVERIFY(figures.value(QStringLiteral("handed_over")).toInteger() > 10);
        QVERIFY(figures.value(QStringLiteral("returned")).toInteger() > 0);
        QVERIFY(
            figures.value(QStringLiteral("overridden_by_type")).toObject().value(QStringLiteral("asset.moved")).toInt()
            > 10);
        QVERIFY(!figures.value(QStringLiteral("assets_by_donor")).toObject().isEmpty());
        QVERIFY(!figures.value(QStringLiteral("hs_by_part")).toObject().isEmpty());

        // (3) the assets themselves
        const Reply list = http(server.url(), "GET", QStringLiteral("/api/v1/assets?limit=100000"), boss);
        QJsonObject byState, byKind;
        for (const QJsonValue &v : list.array()) {
            const QString s = v.toObject().value(QStringLiteral("state")).toString();
            const QString k = v.toObject().value(QStringLiteral("kind")).toString();
            byState.insert(s, byState.value(s).toInteger() + 1);
            byKind.insert(k, byKind.value(k).toInteger() + 1);
        }
        QCOMPARE(figures.value(QStringLiteral("assets_by_state")).toObject(), byState);
        QCOMPARE(figures.value(QStringLiteral("assets_by_kind")).toObject(), byKind);

        // (1) recounted from the tables and the log, while the server runs
        QString out;
        QCOMPARE(
            run(QStringLiteral(ETABLI_SERVER), {QStringLiteral("--db"), server.db, QStringLiteral("rebuild")}, &out),
            0);
        const QJsonObject recounted = http(server.url(), "GET", QStringLiteral("/api/v1/figures"), boss).json();
        QCOMPARE(recounted, figures);

        // (2) a fresh database replaying the log in its order
        QJsonArray log;
        qint64 cursor = 0;
        for (;;) {
            const Reply r
                = http(server.url(), "GET", QStringLiteral("/api/v1/events?since=%1&limit=5000").arg(cursor), boss);
            QCOMPARE(r.status, 200);
            for (const QJsonValue &v : r.json().value(QStringLiteral("events")).toArray())
                log << v;
            cursor = r.json().value(QStringLiteral("cursor")).toInteger();
            if (!r.json().value(QStringLiteral("more")).toBool())
                break;
        }
        QCOMPARE(log.size(), events.size());
        ServerProcess replay;
        replay.db = database(QStringLiteral("replay"));
        const QString boss2 = ServerProcess::createToken(replay.db, QStringLiteral("supervisor"), QStringLiteral("b"));
        const QString desk2 = ServerProcess::createToken(replay.db, QStringLiteral("desk"), QStringLiteral("d"));
        QVERIFY2(replay.start(), qPrintable(replay.output));
        for (qsizetype i = 0; i < log.size(); i += 500) {
            QJsonArray part;
            for (qsizetype j = i; j < qMin(log.size(), i + 500); ++j) {
                QJsonObject e = log[j].toObject();
                for (const char *key : {"status", "seq", "note"}) // the server's verdicts, not the station's
                    e.remove(QLatin1String(key));
                part << e;
            }
            const Reply r = http(replay.url(), "POST", QStringLiteral("/api/v1/events"), desk2, batch(part));
            QVERIFY2(r.status == 200, r.body.constData());
            const QJsonArray results = r.json().value(QStringLiteral("results")).toArray();
            for (qsizetype j = 0; j < results.size(); ++j)
                QCOMPARE(results[j].toObject().value(QStringLiteral("status")).toString(),
                         log[i + j].toObject().value(QStringLiteral("status")).toString());
        }
        const QJsonObject replayed = http(replay.url(), "GET", QStringLiteral("/api/v1/figures"), boss2).json();
        QCOMPARE(replayed, figures);
        qInfo("%lld events: %s", qint64(events.size()),
              QJsonDocument(figures).toJson(QJsonDocument::Compact).constData());
    }
};

QTEST_MAIN(TestFigures)
#include "tst_figures.moc"
