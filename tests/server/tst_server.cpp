// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
//
// etabli-server as a real process on 127.0.0.1: endpoints, roles, bad input, ENT
// feed, TLS. The backend comes from ETABLI_SERVER_BACKEND: sqlite (default) or
// postgresql (a private cluster this test starts and stops itself).
#include "testserver.h"

#include "inventory/assettag.h"
#include "inventory/event.h"
#include "inventory/store.h"

#include <QJsonArray>
#include <QSslCertificate>
#include <QSslKey>
#include <QTest>
#include <QUuid>

using namespace TestServer;
using Etabli::Inventory::AssetTag::make;

namespace {

QString uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QJsonObject makeEvent(const QString &type, const QString &tag, const QJsonObject &payload, const QString &id = uuid())
{
    return QJsonObject{{QStringLiteral("uuid"), id},
                       {QStringLiteral("station"), QStringLiteral("bench-1")},
                       {QStringLiteral("worker"), QStringLiteral("w1")},
                       {QStringLiteral("time"), QStringLiteral("2026-11-25T10:00:00.000Z")},
                       {QStringLiteral("type"), type},
                       {QStringLiteral("asset_tag"), tag.isEmpty() ? QJsonValue() : QJsonValue(tag)},
                       {QStringLiteral("payload"), payload}};
}

QJsonObject addAsset(const QString &tag, const QString &lot = {})
{
    QJsonObject p{{QStringLiteral("tag"), tag}, {QStringLiteral("kind"), QStringLiteral("pc")}};
    if (!lot.isEmpty())
        p.insert(QStringLiteral("lot"), lot);
    return makeEvent(QStringLiteral("asset.added"), tag, p);
}

QJsonObject move(const QString &tag, const QString &from, const QString &to, const QString &beneficiary = {})
{
    QJsonObject p{{QStringLiteral("from"), from}, {QStringLiteral("to"), to}};
    if (!beneficiary.isEmpty())
        p.insert(QStringLiteral("beneficiary"), beneficiary);
    return makeEvent(QStringLiteral("asset.moved"), tag, p);
}

QByteArray batch(const QJsonArray &events)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("events"), events}}).toJson(QJsonDocument::Compact);
}

} // namespace

class TestEtabliServer : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    PgCluster m_pg;
    ServerProcess m_server;
    QHash<QString, QString> m_tokens; ///< role (or "revoked") → secret
    int m_nextTag = 1;

    QString newTag() { return make(QStringLiteral("SRV"), m_nextTag++); }
    Reply call(const QByteArray &method, const QString &path, const QString &who, const QByteArray &body = {},
               const QByteArray &accept = {})
    {
        return http(m_server.url(), method, path, m_tokens.value(who, who), body, accept);
    }
    /// Events the server holds, counted in the log itself; the dashboard's counter
    /// must agree.
    qint64 eventCount()
    {
        const Reply all
            = call("GET", QStringLiteral("/api/v1/events?since=0&limit=5000"), QStringLiteral("supervisor"));
        const qint64 logged = all.json().value(QStringLiteral("events")).toArray().size();
        const qint64 counted = call("GET", QStringLiteral("/api/v1/figures"), QStringLiteral("supervisor"))
                                   .json()
                                   .value(QStringLiteral("events"))
                                   .toInteger(-1);
        return logged == counted ? logged : -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString backend = qEnvironmentVariable("ETABLI_SERVER_BACKEND", QStringLiteral("sqlite"));
        if (backend == QLatin1String("postgresql")) {
            QVERIFY2(m_pg.start(), qPrintable(m_pg.error));
            m_server.db = m_pg.createDatabase(QStringLiteral("etabli_test"));
            QVERIFY(!m_server.db.isEmpty());
        } else {
            m_server.db = QStringLiteral("sqlite:") + m_dir.filePath(QStringLiteral("server.sqlite"));
        }
        for (const char *role : {"station", "desk", "supervisor", "ent"}) {
            const QString secret = ServerProcess::createToken(m_server.db, QLatin1String(role),
                                                              QLatin1String(role) + QStringLiteral("-1"));
            QVERIFY2(secret.startsWith(QLatin1String("etb_")), qPrintable(secret));
            m_tokens.insert(QLatin1String(role), secret);
        }
        const QString revoked
            = ServerProcess::createToken(m_server.db, QStringLiteral("station"), QStringLiteral("stolen"));
        QCOMPARE(run(QStringLiteral(ETABLI_SERVER),
                     {QStringLiteral("--db"), m_server.db, QStringLiteral("token"), QStringLiteral("revoke"),
                      QStringLiteral("stolen")}),
                 0);
        m_tokens.insert(QStringLiteral("revoked"), revoked);
        m_tokens.insert(QStringLiteral("garbage"), QStringLiteral("etb_notatoken"));
        m_tokens.insert(QStringLiteral("none"), QString());
        // masters: one manifest served from --masters (the authMatrix row below).
        QVERIFY(QDir().mkpath(m_dir.filePath(QStringLiteral("masters"))));
        QFile manifest(m_dir.filePath(QStringLiteral("masters/ecole.qcow2.manifest.json")));
        QVERIFY(manifest.open(QIODevice::WriteOnly));
        manifest.write("{}");
        manifest.close();
        m_server.extraArgs << QStringLiteral("--masters") << m_dir.filePath(QStringLiteral("masters"));
        QVERIFY2(m_server.start(), qPrintable(m_server.output));
    }

    void cleanupTestCase()
    {
        m_server.kill();
        m_pg.stop();
    }

    void healthz()
    {
        const Reply r = http(m_server.url(), "GET", QStringLiteral("/healthz"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
        const bool pg = m_server.db.startsWith(QLatin1String("postgresql"));
        QCOMPARE(r.json().value(QStringLiteral("backend")).toString(),
                 pg ? QStringLiteral("postgresql") : QStringLiteral("sqlite"));
    }

    void tokensAreListedHashedAndRevoked()
    {
        QString out;
        QCOMPARE(run(QStringLiteral(ETABLI_SERVER),
                     {QStringLiteral("--db"), m_server.db, QStringLiteral("token"), QStringLiteral("list"),
                      QStringLiteral("--json")},
                     &out),
                 0);
        const QJsonArray list = QJsonDocument::fromJson(out.toUtf8()).array();
        QVERIFY(list.size() >= 5);
        bool sawRevoked = false;
        for (const QJsonValue &v : list) {
            const QJsonObject t = v.toObject();
            QVERIFY(!out.contains(m_tokens.value(QStringLiteral("station")))); // never the secret
            if (t.value(QStringLiteral("name")).toString() == QLatin1String("stolen"))
                sawRevoked = !t.value(QStringLiteral("revoked_at")).toString().isEmpty();
        }
        QVERIFY(sawRevoked);
        // The database holds only hashes: the secret is nowhere in the file.
        if (m_server.db.startsWith(QLatin1String("sqlite:"))) {
            QFile f(m_server.db.mid(7));
            QVERIFY(f.open(QIODevice::ReadOnly));
            QVERIFY(!f.readAll().contains(m_tokens.value(QStringLiteral("desk")).toUtf8()));
        }
        // Its messages are in French when asked (the catalogue is compiled in).
        QProcess fr;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("ETABLI_LANG"), QStringLiteral("fr"));
        fr.setProcessEnvironment(env);
        fr.start(QStringLiteral(ETABLI_SERVER),
                 {QStringLiteral("--db"), m_server.db, QStringLiteral("token"), QStringLiteral("create")});
        QVERIFY(fr.waitForFinished(30000));
        QCOMPARE(fr.exitCode(), 2);
        const QString said = QString::fromUtf8(fr.readAllStandardError());
        QVERIFY2(said.contains(QStringLiteral("token create demande --role et --name")), qPrintable(said));
        // A bad role is refused and creates nothing.
        QVERIFY(run(QStringLiteral(ETABLI_SERVER),
                    {QStringLiteral("--db"), m_server.db, QStringLiteral("token"), QStringLiteral("create"),
                     QStringLiteral("--role"), QStringLiteral("admin"), QStringLiteral("--name"), QStringLiteral("x")})
                != 0);
    }

    void refusesAStationStore()
    {
        const QString path = m_dir.filePath(QStringLiteral("bench.sqlite"));
        {
            auto station = Etabli::Inventory::Store::open(path, {QStringLiteral("b"), QStringLiteral("w")});
            QVERIFY(station.ok());
            QVERIFY((*station)->addDonor(QStringLiteral("Banque")).ok());
        }
        QFile before(path);
        QVERIFY(before.open(QIODevice::ReadOnly));
        const QByteArray bytes = before.readAll();
        before.close();
        QString out;
        QCOMPARE(run(QStringLiteral(ETABLI_SERVER),
                     {QStringLiteral("--db"), QStringLiteral("sqlite:") + path, QStringLiteral("token"),
                      QStringLiteral("list")},
                     &out),
                 4);
        QFile after(path);
        QVERIFY(after.open(QIODevice::ReadOnly));
        QCOMPARE(after.readAll(), bytes);
    }

    void authMatrix_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("who");
        QTest::addColumn<QStringList>("allowed");
        const QString st = QStringLiteral("station"), de = QStringLiteral("desk"), su = QStringLiteral("supervisor"),
                      en = QStringLiteral("ent");
        struct Endpoint {
            QByteArray method;
            QString path;
            QByteArray body;
            QStringList allowed;
        };
        const QList<Endpoint> endpoints{
            {"GET", QStringLiteral("/api/v1/events?since=0"), {}, {st, de, su}},
            {"POST", QStringLiteral("/api/v1/events"), "{\"events\":[]}", {st, de, su}},
            {"GET", QStringLiteral("/api/v1/assets?state=READY"), {}, {st, de, su}},
            {"GET", QStringLiteral("/api/v1/assets/") + make(QStringLiteral("NOPE"), 1), {}, {st, de, su}},
            {"GET", QStringLiteral("/api/v1/lots"), {}, {st, de, su}},
            {"GET", QStringLiteral("/api/v1/donors"), {}, {st, de, su}},
            {"GET", QStringLiteral("/api/v1/beneficiaries"), {}, {de, su}},
            {"POST",
             QStringLiteral("/api/v1/beneficiaries"),
             "{\"reference\":\"MATRIX-1\",\"school\":\"Jaures\"}",
             {de}},
            {"GET", QStringLiteral("/api/v1/handovers"), {}, {de, su}},
            {"POST",
             QStringLiteral("/api/v1/handovers"),
             "{\"asset_tag\":\"" + make(QStringLiteral("NOPE"), 2).toUtf8() + "\",\"beneficiary\":\"MATRIX-1\"}",
             {de}},
            {"GET", QStringLiteral("/api/v1/figures"), {}, {su}},
            {"GET", QStringLiteral("/api/v1/ent/equipment"), {}, {en, su}},
            {"GET", QStringLiteral("/api/v1/tokens"), {}, {su}},
            {"POST", QStringLiteral("/api/v1/tokens"), "{\"name\":\"matrix\",\"role\":\"ent\"}", {su}},
            {"DELETE", QStringLiteral("/api/v1/tokens/999999"), {}, {su}},
            // erasures (engineer "erasure"): endorsement at enrolment, the second-person check list
            {"POST",
             QStringLiteral("/api/v1/stations/endorsement"),
             "{\"station_key\":\"" + QByteArray(32, 'm').toBase64() + "\"}",
             {st}},
            {"GET", QStringLiteral("/api/v1/stations/endorsements"), {}, {su}},
            {"GET", QStringLiteral("/api/v1/erasures/unchecked"), {}, {su}},
            // masters (issue 19): benches only; the .qcow2 itself is in tst_masters.
            {"GET", QStringLiteral("/api/v1/masters/ecole.qcow2.manifest.json"), {}, {st}},
            // desk (engineer "deskserver"): a family's records, the personal-data audit, the sync conflicts
            {"GET", QStringLiteral("/api/v1/desk/beneficiaries/NOPE-1"), {}, {de, su}},
            {"GET", QStringLiteral("/api/v1/desk/audit"), {}, {de, su}},
            {"GET", QStringLiteral("/api/v1/desk/conflicts"), {}, {de, su}},
            // supervisor (issue 13): supervisor-only reads
            {"GET", QStringLiteral("/api/v1/reports/bilan?from=2026-01-01&to=2026-12-31"), {}, {su}},
            {"GET", QStringLiteral("/api/v1/attention"), {}, {su}},
            {"GET", QStringLiteral("/api/v1/admin/workshop"), {}, {su}},
            {"GET", QStringLiteral("/api/v1/admin/workers"), {}, {su}},
        };
        for (const Endpoint &e : endpoints)
            for (const char *who : {"none", "garbage", "revoked", "station", "desk", "supervisor", "ent"})
                QTest::addRow("%s %s as %s", e.method.constData(), qPrintable(e.path.section(QLatin1Char('?'), 0, 0)),
                              who)
                    << e.method << e.path << e.body << QString::fromLatin1(who) << e.allowed;
    }
    void authMatrix()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(QByteArray, body);
        QFETCH(QString, who);
        QFETCH(QStringList, allowed);
        const Reply r = call(method, path, who, body);
        QVERIFY2(r.status < 500, r.body.constData());
        QVERIFY2(r.contentType.startsWith("application/json"), r.contentType.constData());
        if (who == QLatin1String("none") || who == QLatin1String("garbage") || who == QLatin1String("revoked")) {
            QCOMPARE(r.status, 401);
        } else if (!allowed.contains(who)) {
            QCOMPARE(r.status, 403);
            QCOMPARE(r.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
                     QStringLiteral("forbidden"));
        } else {
            QVERIFY2(r.status != 401 && r.status != 403, r.body.constData());
            if (method == "GET" && !path.contains(QLatin1String("NOPE")))
                QCOMPARE(r.status, 200);
        }
    }

    void pushIsIdempotent()
    {
        const QString tag = newTag();
        const QJsonArray events{
            makeEvent(QStringLiteral("donor.added"), {}, {{QStringLiteral("name"), QStringLiteral("Banque Idem")}}),
            makeEvent(QStringLiteral("lot.added"), {},
                      {{QStringLiteral("reference"), QStringLiteral("LOT-IDEM")},
                       {QStringLiteral("donor"), QStringLiteral("Banque Idem")}}),
            addAsset(tag, QStringLiteral("LOT-IDEM"))};
        const qint64 before = eventCount();
        const Reply first = call("POST", QStringLiteral("/api/v1/events"), QStringLiteral("station"), batch(events));
        QCOMPARE(first.status, 200);
        QCOMPARE(first.json().value(QStringLiteral("stored")).toInt(), 3);
        const Reply second = call("POST", QStringLiteral("/api/v1/events"), QStringLiteral("station"), batch(events));
        QCOMPARE(second.status, 200);
        QCOMPARE(second.json().value(QStringLiteral("stored")).toInt(), 0);
        const QJsonArray a = first.json().value(QStringLiteral("results")).toArray();
        const QJsonArray b = second.json().value(QStringLiteral("results")).toArray();
        QCOMPARE(a.size(), 3);
        for (int i = 0; i < 3; ++i) {
            QVERIFY(a[i].toObject().value(QStringLiteral("new")).toBool());
            QVERIFY(!b[i].toObject().value(QStringLiteral("new")).toBool());
            QCOMPARE(b[i].toObject().value(QStringLiteral("seq")), a[i].toObject().value(QStringLiteral("seq")));
        }
        QCOMPARE(eventCount(), before + 3);
        const Reply asset = call("GET", QStringLiteral("/api/v1/assets/") + tag, QStringLiteral("station"));
        QCOMPARE(asset.status, 200);
        QCOMPARE(asset.json().value(QStringLiteral("lot")).toString(), QStringLiteral("LOT-IDEM"));
        QCOMPARE(asset.json().value(QStringLiteral("state")).toString(), QStringLiteral("RECEIVED"));
    }

    void pullWithCursor()
    {
        const QJsonArray events{addAsset(newTag()), addAsset(newTag()), addAsset(newTag())};
        QCOMPARE(call("POST", QStringLiteral("/api/v1/events"), QStringLiteral("station"), batch(events)).status, 200);
        // Page through everything two at a time: same events as one big pull, in order.
        const Reply all
            = call("GET", QStringLiteral("/api/v1/events?since=0&limit=5000"), QStringLiteral("supervisor"));
        QCOMPARE(all.status, 200);
        QVERIFY(!all.json().value(QStringLiteral("more")).toBool());
        QStringList expected, paged;
        for (const QJsonValue &v : all.json().value(QStringLiteral("events")).toArray())
            expected << v.toObject().value(QStringLiteral("uuid")).toString();
        qint64 cursor = 0;
        for (int guard = 0; guard < 10000; ++guard) {
            const Reply page = call("GET", QStringLiteral("/api/v1/events?since=%1&limit=2").arg(cursor),
                                    QStringLiteral("supervisor"));
            QCOMPARE(page.status, 200);
            qint64 previous = cursor;
            for (const QJsonValue &v : page.json().value(QStringLiteral("events")).toArray()) {
                QVERIFY(v.toObject().value(QStringLiteral("seq")).toInteger() > previous);
                previous = v.toObject().value(QStringLiteral("seq")).toInteger();
                paged << v.toObject().value(QStringLiteral("uuid")).toString();
            }
            cursor = page.json().value(QStringLiteral("cursor")).toInteger();
            if (!page.json().value(QStringLiteral("more")).toBool())
                break;
        }
        QCOMPARE(paged, expected);
        for (const QJsonValue &v : events)
            QVERIFY(paged.contains(v.toObject().value(QStringLiteral("uuid")).toString()));
        const Reply rest
            = call("GET", QStringLiteral("/api/v1/events?since=%1").arg(cursor), QStringLiteral("station"));
        QCOMPARE(rest.json().value(QStringLiteral("events")).toArray().size(), 0);
    }

    void conflictingMovesFirstArrivalWins()
    {
        const QString tag = newTag();
        QCOMPARE(
            call("POST", QStringLiteral("/api/v1/events"), QStringLiteral("station"), batch({addAsset(tag)})).status,
            200);
        // Two benches moved the same PC from RECEIVED while offline.
        const QJsonObject a = move(tag, QStringLiteral("RECEIVED"), QStringLiteral("TESTING"));
        const QJsonObject b = move(tag, QStringLiteral("RECEIVED"), QStringLiteral("PARTS"));
        const Reply ra = call("POST", QStringLiteral("/api/v1/events"), QStringLiteral("station"), batch({a}));
        const Reply rb = call("POST", QStringLiteral("/api/v1/events"), QStringLiteral("station"), batch({b}));
        QCOMPARE(ra.json()
                     .value(QStringLiteral("results"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QStringLiteral("status"))
                     .toString(),
                 QStringLiteral("applied"));
        const QJsonObject lost = rb.json().value(QStringLiteral("results")).toArray().first().toObject();
        QCOMPARE(lost.value(QStringLiteral("status")).toString(), QStringLiteral("overridden"));
        QVERIFY(lost.value(QStringLiteral("note")).toString().contains(QLatin1String("TESTING")));
        const Reply asset = call("GET", QStringLiteral("/api/v1/assets/") + tag, QStringLiteral("station"));
        QCOMPARE(asset.json().value(QStringLiteral("state")).toString(), QStringLiteral("TESTING"));
        const QJsonArray history = asset.json().value(QStringLiteral("history")).toArray();
        QCOMPARE(history.size(), 3); // the loser stays visible
        QCOMPARE(history[2].toObject().value(QStringLiteral("status")).toString(), QStringLiteral("overridden"));
        // A move along no lifecycle edge is overridden too, never applied.
        const Reply rc = call("POST", QStringLiteral("/api/v1/events"), QStringLiteral("station"),
                              batch({move(tag, QStringLiteral("TESTING"), QStringLiteral("HANDED_OVER"))}));
        QCOMPARE(rc.json()
                     .value(QStringLiteral("results"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QStringLiteral("status"))
                     .toString(),
                 QStringLiteral("overridden"));
    }

    void badRequests_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("who");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        const QString ev = QStringLiteral("/api/v1/events");
        const QString st = QStringLiteral("station");
        const QString known = make(QStringLiteral("SRV"), 1); // added by pushIsIdempotent
        auto one = [](QJsonObject e) { return batch({e}); };
        auto with = [](QJsonObject e, const QString &key, const QJsonValue &v) {
            if (v.isUndefined())
                e.remove(key);
            else
                e.insert(key, v);
            return batch({e});
        };
        auto payload = [&](const QString &type, const QString &tag, const QJsonObject &p) {
            return one(makeEvent(type, tag, p));
        };
        const QJsonObject base = makeEvent(
            QStringLiteral("test.recorded"), known,
            {{QStringLiteral("kind"), QStringLiteral("ram")}, {QStringLiteral("verdict"), QStringLiteral("PASS")}});
        const QString sameId = uuid();
        // The same tag with another check character.
        QString badCheck = known;
        badCheck[badCheck.size() - 1] = known.endsWith(QLatin1Char('A')) ? QLatin1Char('B') : QLatin1Char('A');
        QTest::newRow("not JSON") << QByteArray("POST") << ev << st << QByteArray("{events: [") << 400;
        QTest::newRow("empty body") << QByteArray("POST") << ev << st << QByteArray() << 400;
        QTest::newRow("JSON array body") << QByteArray("POST") << ev << st << QByteArray("[]") << 400;
        QTest::newRow("JSON string body") << QByteArray("POST") << ev << st << QByteArray("\"x\"") << 400;
        QTest::newRow("events not a list") << QByteArray("POST") << ev << st << QByteArray("{\"events\":{}}") << 400;
        QTest::newRow("unknown top-level field")
            << QByteArray("POST") << ev << st << QByteArray("{\"events\":[],\"force\":true}") << 400;
        QTest::newRow("event not an object")
            << QByteArray("POST") << ev << st << QByteArray("{\"events\":[42]}") << 400;
        QTest::newRow("missing uuid") << QByteArray("POST") << ev << st
                                      << with(base, QStringLiteral("uuid"), QJsonValue::Undefined) << 400;
        QTest::newRow("uuid not a UUID") << QByteArray("POST") << ev << st
                                         << with(base, QStringLiteral("uuid"), QStringLiteral("1234")) << 400;
        QTest::newRow("uuid a number") << QByteArray("POST") << ev << st << with(base, QStringLiteral("uuid"), 7)
                                       << 400;
        QTest::newRow("bad time") << QByteArray("POST") << ev << st
                                  << with(base, QStringLiteral("time"), QStringLiteral("yesterday")) << 400;
        QTest::newRow("unknown type") << QByteArray("POST") << ev << st
                                      << with(base, QStringLiteral("type"), QStringLiteral("asset.deleted")) << 400;
        QTest::newRow("station not a string")
            << QByteArray("POST") << ev << st << with(base, QStringLiteral("station"), 3) << 400;
        QTest::newRow("empty worker") << QByteArray("POST") << ev << st
                                      << with(base, QStringLiteral("worker"), QString()) << 400;
        QTest::newRow("payload not an object")
            << QByteArray("POST") << ev << st << with(base, QStringLiteral("payload"), QJsonArray()) << 400;
        QTest::newRow("unknown event field")
            << QByteArray("POST") << ev << st << with(base, QStringLiteral("priority"), 1) << 400;
        QTest::newRow("asset_tag a number")
            << QByteArray("POST") << ev << st << with(base, QStringLiteral("asset_tag"), 12) << 400;
        QTest::newRow("bad check character")
            << QByteArray("POST") << ev << st << with(base, QStringLiteral("asset_tag"), badCheck) << 400;
        QTest::newRow("unknown asset") << QByteArray("POST") << ev << st
                                       << with(base, QStringLiteral("asset_tag"), make(QStringLiteral("GHOST"), 9))
                                       << 422;
        QTest::newRow("verdict MAYBE") << QByteArray("POST") << ev << st
                                       << payload(QStringLiteral("test.recorded"), known,
                                                  {{QStringLiteral("kind"), QStringLiteral("ram")},
                                                   {QStringLiteral("verdict"), QStringLiteral("MAYBE")}})
                                       << 400;
        QTest::newRow("test kind missing")
            << QByteArray("POST") << ev << st
            << payload(QStringLiteral("test.recorded"), known, {{QStringLiteral("verdict"), QStringLiteral("PASS")}})
            << 400;
        QTest::newRow("measurements a string") << QByteArray("POST") << ev << st
                                               << payload(QStringLiteral("test.recorded"), known,
                                                          {{QStringLiteral("kind"), QStringLiteral("ram")},
                                                           {QStringLiteral("verdict"), QStringLiteral("PASS")},
                                                           {QStringLiteral("measurements"), QStringLiteral("fast")}})
                                               << 400;
        QTest::newRow("erasure verified as string") << QByteArray("POST") << ev << st
                                                    << payload(QStringLiteral("erasure.recorded"), known,
                                                               {{QStringLiteral("method"), QStringLiteral("zero")},
                                                                {QStringLiteral("verified"), QStringLiteral("yes")}})
                                                    << 400;
        QTest::newRow("erasure negative bytes") << QByteArray("POST") << ev << st
                                                << payload(QStringLiteral("erasure.recorded"), known,
                                                           {{QStringLiteral("method"), QStringLiteral("zero")},
                                                            {QStringLiteral("verified"), true},
                                                            {QStringLiteral("bytes"), -5}})
                                                << 400;
        QTest::newRow("imaging without master")
            << QByteArray("POST") << ev << st
            << payload(
                   QStringLiteral("imaging.recorded"), known,
                   {{QStringLiteral("master_version"), QStringLiteral("2026.1")}, {QStringLiteral("verified"), true}})
            << 400;
        QTest::newRow("hs unknown reason") << QByteArray("POST") << ev << st
                                           << payload(QStringLiteral("hs.recorded"), known,
                                                      {{QStringLiteral("part"), QStringLiteral("screen")},
                                                       {QStringLiteral("reason"), QStringLiteral("gremlins")}})
                                           << 400;
        QTest::newRow("move to unknown state") << QByteArray("POST") << ev << st
                                               << payload(QStringLiteral("asset.moved"), known,
                                                          {{QStringLiteral("from"), QStringLiteral("RECEIVED")},
                                                           {QStringLiteral("to"), QStringLiteral("SOLD")}})
                                               << 400;
        QTest::newRow("asset.added tag mismatch")
            << QByteArray("POST") << ev << st
            << payload(QStringLiteral("asset.added"), make(QStringLiteral("NEW"), 1),
                       {{QStringLiteral("tag"), make(QStringLiteral("NEW"), 2)},
                        {QStringLiteral("kind"), QStringLiteral("pc")}})
            << 400;
        QTest::newRow("asset.added unknown kind")
            << QByteArray("POST") << ev << st
            << payload(QStringLiteral("asset.added"), make(QStringLiteral("NEW"), 3),
                       {{QStringLiteral("tag"), make(QStringLiteral("NEW"), 3)},
                        {QStringLiteral("kind"), QStringLiteral("toaster")}})
            << 400;
        QTest::newRow("donor without name")
            << QByteArray("POST") << ev << st << payload(QStringLiteral("donor.added"), {}, {}) << 400;
        QTest::newRow("donor with asset tag")
            << QByteArray("POST") << ev << st
            << payload(QStringLiteral("donor.added"), known, {{QStringLiteral("name"), QStringLiteral("X")}}) << 400;
        QTest::newRow("same uuid twice in a batch")
            << QByteArray("POST") << ev << st
            << batch({makeEvent(QStringLiteral("donor.added"), {}, {{QStringLiteral("name"), QStringLiteral("D1")}},
                                sameId),
                      makeEvent(QStringLiteral("donor.added"), {}, {{QStringLiteral("name"), QStringLiteral("D2")}},
                                sameId)})
            << 400;
        QTest::newRow("valid then invalid: nothing stored")
            << QByteArray("POST") << ev << st
            << batch({addAsset(make(QStringLiteral("HALF"), 1)),
                      makeEvent(QStringLiteral("test.recorded"), make(QStringLiteral("HALF"), 1),
                                {{QStringLiteral("verdict"), QStringLiteral("PASS")}})})
            << 400;
        QTest::newRow("valid then unknown asset: rolled back")
            << QByteArray("POST") << ev << st
            << batch({addAsset(make(QStringLiteral("HALF"), 2)),
                      makeEvent(QStringLiteral("label.printed"), make(QStringLiteral("GHOST"), 3),
                                {{QStringLiteral("template"), QStringLiteral("pc")},
                                 {QStringLiteral("printer"), QStringLiteral("ql")}})})
            << 422;
        QTest::newRow("station pushes family data")
            << QByteArray("POST") << ev << st
            << payload(QStringLiteral("beneficiary.added"), {},
                       {{QStringLiteral("reference"), QStringLiteral("FAM-1")},
                        {QStringLiteral("family_name"), QStringLiteral("Martin")}})
            << 403;
        QJsonArray tooMany;
        for (int i = 0; i < 1001; ++i)
            tooMany.append(makeEvent(QStringLiteral("donor.added"), {},
                                     {{QStringLiteral("name"), QStringLiteral("many %1").arg(i)}}));
        QTest::newRow("batch over 1000 events") << QByteArray("POST") << ev << st << batch(tooMany) << 413;
        QTest::newRow("body over 4 MiB") << QByteArray("POST") << ev << st << QByteArray(4 * 1024 * 1024 + 10, ' ')
                                         << 413;
        QTest::newRow("since not a number")
            << QByteArray("GET") << QStringLiteral("/api/v1/events?since=abc") << st << QByteArray() << 400;
        QTest::newRow("negative since") << QByteArray("GET") << QStringLiteral("/api/v1/events?since=-1") << st
                                        << QByteArray() << 400;
        QTest::newRow("limit zero") << QByteArray("GET") << QStringLiteral("/api/v1/events?limit=0") << st
                                    << QByteArray() << 400;
        QTest::newRow("limit huge") << QByteArray("GET") << QStringLiteral("/api/v1/events?limit=99999999") << st
                                    << QByteArray() << 400;
        QTest::newRow("unknown state filter")
            << QByteArray("GET") << QStringLiteral("/api/v1/assets?state=SOLD") << st << QByteArray() << 400;
        QTest::newRow("malformed tag in path")
            << QByteArray("GET") << QStringLiteral("/api/v1/assets/%3Cscript%3E") << st << QByteArray() << 400;
        QTest::newRow("unknown endpoint")
            << QByteArray("GET") << QStringLiteral("/api/v1/secrets") << st << QByteArray() << 404;
        QTest::newRow("wrong method") << QByteArray("PUT") << ev << st << QByteArray("{}") << 405;
        QTest::newRow("beneficiary unknown field")
            << QByteArray("POST") << QStringLiteral("/api/v1/beneficiaries") << QStringLiteral("desk")
            << QByteArray("{\"reference\":\"B-X\",\"iban\":\"FR76\"}") << 400;
        QTest::newRow("beneficiary without reference")
            << QByteArray("POST") << QStringLiteral("/api/v1/beneficiaries") << QStringLiteral("desk")
            << QByteArray("{\"school\":\"Jaures\"}") << 400;
        QTest::newRow("beneficiary reference a number")
            << QByteArray("POST") << QStringLiteral("/api/v1/beneficiaries") << QStringLiteral("desk")
            << QByteArray("{\"reference\":12}") << 400;
        QTest::newRow("handover of unknown asset")
            << QByteArray("POST") << QStringLiteral("/api/v1/handovers") << QStringLiteral("desk")
            << QByteArray("{\"asset_tag\":\"" + make(QStringLiteral("GHOST"), 4).toUtf8()
                          + "\",\"beneficiary\":\"B-1\"}")
            << 404;
        QTest::newRow("handover of a RECEIVED asset")
            << QByteArray("POST") << QStringLiteral("/api/v1/handovers") << QStringLiteral("desk")
            << QByteArray("{\"asset_tag\":\"" + known.toUtf8() + "\",\"beneficiary\":\"B-1\"}") << 409;
        QTest::newRow("token with unknown role")
            << QByteArray("POST") << QStringLiteral("/api/v1/tokens") << QStringLiteral("supervisor")
            << QByteArray("{\"name\":\"x\",\"role\":\"root\"}") << 400;
        QTest::newRow("token with extra field")
            << QByteArray("POST") << QStringLiteral("/api/v1/tokens") << QStringLiteral("supervisor")
            << QByteArray("{\"name\":\"x\",\"role\":\"ent\",\"admin\":true}") << 400;
    }
    void badRequests()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(QString, who);
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        const qint64 before = eventCount();
        const int tokensBefore
            = call("GET", QStringLiteral("/api/v1/tokens"), QStringLiteral("supervisor")).array().size();
        const Reply r = call(method, path, who, body);
        QCOMPARE(r.status, status);
        QVERIFY(r.contentType.startsWith("application/json"));
        const QJsonObject error = r.json().value(QStringLiteral("error")).toObject();
        QVERIFY2(!error.value(QStringLiteral("message")).toString().isEmpty(), r.body.constData());
        QCOMPARE(eventCount(), before);
        QCOMPARE(call("GET", QStringLiteral("/api/v1/tokens"), QStringLiteral("supervisor")).array().size(),
                 tokensBefore);
        QCOMPARE(http(m_server.url(), "GET", QStringLiteral("/healthz")).status, 200); // still alive
    }

    void familyDataStaysOffBenches()
    {
        const Reply added = call("POST", QStringLiteral("/api/v1/beneficiaries"), QStringLiteral("desk"),
                                 "{\"reference\":\"FAM-42\",\"school_id\":\"P-0042\",\"school\":\"Ecole Jaures\","
                                 "\"class\":\"CM1\",\"family_name\":\"Durand\",\"contact\":\"06 00 00 00 00\"}");
        QCOMPARE(added.status, 201);
        auto pullAll = [this](const QString &who) {
            return call("GET", QStringLiteral("/api/v1/events?since=0&limit=5000"), who).body;
        };
        QVERIFY(pullAll(QStringLiteral("desk")).contains("Durand"));
        QVERIFY(pullAll(QStringLiteral("supervisor")).contains("Durand"));
        const QByteArray station = pullAll(QStringLiteral("station"));
        QVERIFY(!station.contains("Durand"));
        QVERIFY(!station.contains("beneficiary.added"));
        QCOMPARE(call("GET", QStringLiteral("/api/v1/beneficiaries"), QStringLiteral("station")).status, 403);
        QVERIFY(call("GET", QStringLiteral("/api/v1/beneficiaries"), QStringLiteral("desk")).body.contains("Durand"));
    }

    void entFeed()
    {
        const QString tag = newTag();
        QJsonArray events{addAsset(tag),
                          move(tag, QStringLiteral("RECEIVED"), QStringLiteral("TESTING")),
                          makeEvent(QStringLiteral("imaging.recorded"), tag,
                                    {{QStringLiteral("master_name"), QStringLiteral("ecole")},
                                     {QStringLiteral("master_version"), QStringLiteral("2026.2")},
                                     {QStringLiteral("verified"), true}}),
                          move(tag, QStringLiteral("TESTING"), QStringLiteral("IMAGED")),
                          move(tag, QStringLiteral("IMAGED"), QStringLiteral("READY")),
                          move(tag, QStringLiteral("READY"), QStringLiteral("RESERVED"), QStringLiteral("FAM-ENT"))};
        QCOMPARE(call("POST", QStringLiteral("/api/v1/events"), QStringLiteral("station"), batch(events)).status, 200);
        QCOMPARE(
            call("POST", QStringLiteral("/api/v1/beneficiaries"), QStringLiteral("desk"),
                 "{\"reference\":\"FAM-ENT\",\"school_id\":\"P-7\",\"school\":\"Ecole, Pasteur\",\"class\":\"CE2\","
                 "\"family_name\":\"Secret\"}")
                .status,
            201);
        const Reply handed = call("POST", QStringLiteral("/api/v1/handovers"), QStringLiteral("desk"),
                                  "{\"asset_tag\":\"" + tag.toUtf8() + "\",\"beneficiary\":\"FAM-ENT\"}");
        QCOMPARE(handed.status, 201);
        QCOMPARE(handed.json().value(QStringLiteral("status")).toString(), QStringLiteral("applied"));

        const Reply feed = call("GET", QStringLiteral("/api/v1/ent/equipment"), QStringLiteral("ent"));
        QCOMPARE(feed.status, 200);
        QVERIFY(!feed.body.contains("Secret")); // no family name in the schools' feed
        QJsonObject row;
        for (const QJsonValue &v : feed.json().value(QStringLiteral("equipment")).toArray())
            if (v.toObject().value(QStringLiteral("asset_tag")).toString() == tag)
                row = v.toObject();
        QCOMPARE(row.value(QStringLiteral("school_id")).toString(), QStringLiteral("P-7"));
        QCOMPARE(row.value(QStringLiteral("class")).toString(), QStringLiteral("CE2"));
        QCOMPARE(row.value(QStringLiteral("master_version")).toString(), QStringLiteral("2026.2"));
        const QDate handover
            = QDate::fromString(row.value(QStringLiteral("handover_date")).toString().left(10), Qt::ISODate);
        QCOMPARE(handover, QDate::currentDate());
        QCOMPARE(row.value(QStringLiteral("warranty_end")).toString(), handover.addYears(3).toString(Qt::ISODate));

        const Reply csv = call("GET", QStringLiteral("/api/v1/ent/equipment"), QStringLiteral("ent"), {}, "text/csv");
        QCOMPARE(csv.status, 200);
        QVERIFY(csv.contentType.startsWith("text/csv"));
        const QList<QByteArray> lines = csv.body.trimmed().split('\n');
        QCOMPARE(lines.first().trimmed(),
                 QByteArray("school_id,school,class,asset_tag,handover_date,warranty_end,master_version"));
        bool found = false;
        for (const QByteArray &line : lines)
            if (line.contains(tag.toUtf8())) {
                found = true;
                QVERIFY(line.startsWith("P-7,\"Ecole, Pasteur\",CE2,")); // quoted comma
                QVERIFY(line.trimmed().endsWith(",2026.2"));
            }
        QVERIFY(found);
        QCOMPARE(call("GET", QStringLiteral("/api/v1/ent/equipment"), QStringLiteral("station")).status, 403);

        // The dashboard sees the handover and the conflicts of the earlier tests.
        const QJsonObject figures = call("GET", QStringLiteral("/api/v1/figures"), QStringLiteral("supervisor")).json();
        QCOMPARE(figures.value(QStringLiteral("handed_over")).toInt(), 1);
        QCOMPARE(
            figures.value(QStringLiteral("assets_by_state")).toObject().value(QStringLiteral("HANDED_OVER")).toInt(),
            1);
        QCOMPARE(
            figures.value(QStringLiteral("overridden_by_type")).toObject().value(QStringLiteral("asset.moved")).toInt(),
            2);
        QVERIFY(figures.value(QStringLiteral("assets_by_donor")).toObject().value(QStringLiteral("Banque Idem")).toInt()
                >= 1);
    }

    void tlsAndLoopbackRule()
    {
        // Plain HTTP outside loopback is refused before anything listens.
        QString out;
        QCOMPARE(run(QStringLiteral(ETABLI_SERVER),
                     {QStringLiteral("--db"), m_server.db, QStringLiteral("--listen"),
                      QStringLiteral("0.0.0.0:%1").arg(freePort())},
                     &out),
                 2);
        const QString cert = m_dir.filePath(QStringLiteral("cert.pem")),
                      key = m_dir.filePath(QStringLiteral("key.pem"));
        QCOMPARE(
            run(QStringLiteral("openssl"),
                {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
                 QStringLiteral("-nodes"), QStringLiteral("-keyout"), key, QStringLiteral("-out"), cert,
                 QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"),
                 QStringLiteral("-addext"), QStringLiteral("subjectAltName=IP:127.0.0.1")}),
            0);
        ServerProcess tls;
        tls.db = m_server.db;
        tls.scheme = QStringLiteral("https");
        tls.extraArgs = {QStringLiteral("--tls-cert"), cert, QStringLiteral("--tls-key"), key};
        QVERIFY2(tls.start(), qPrintable(tls.output));
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.addCaCertificates(QSslCertificate::fromPath(cert));
        const Reply ok = http(tls.url(), "GET", QStringLiteral("/api/v1/lots"),
                              m_tokens.value(QStringLiteral("station")), {}, {}, &ssl);
        QCOMPARE(ok.status, 200);
        // Without trusting the certificate the client refuses; plain HTTP gets no answer.
        resetConnections();
        QCOMPARE(http(tls.url(), "GET", QStringLiteral("/healthz")).status, 0);
        QString plain = tls.url();
        plain.replace(QLatin1String("https:"), QLatin1String("http:"));
        QCOMPARE(http(plain, "GET", QStringLiteral("/healthz")).status, 0);
    }
};

QTEST_MAIN(TestEtabliServer)
#include "tst_server.moc"
