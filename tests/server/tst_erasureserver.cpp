// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
//
// Issue 15 on the central server, with a real etabli-server on 127.0.0.1 and the real CLI:
// the workshop's certification key endorses a station's key when it enrols (syncs), so the
// certificates made after pass `certificate verify --require-endorsed`; the erasures still
// to be checked by a second person, listed for the supervisor from the `erasures`
// projection, the same after `etabli-server rebuild`.
#include "testserver.h"

#include <QFileInfo>
#include <QProcessEnvironment>
#include <QTest>

using namespace TestServer;

namespace {

struct Run {
    int code = -1;
    QByteArray out, err;
    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
    QJsonArray array() const { return QJsonDocument::fromJson(out).array(); }
};

} // namespace

class TstErasureServer : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    PgCluster m_pg;
    ServerProcess m_server;
    QProcessEnvironment m_env;
    QHash<QString, QString> m_tokens;
    QString m_keyFile, m_stationDb, m_assetTag;
    QStringList m_certificateIds; ///< made on the station, oldest first

    QString path(const QString &name) const { return m_dir.filePath(name); }
    Run cli(const QStringList &args)
    {
        QProcess p;
        p.setProcessEnvironment(m_env);
        p.start(QStringLiteral(ETABLI_CLI), args);
        p.waitForFinished(120000);
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
                p.readAllStandardError()};
    }
    Reply call(const QByteArray &method, const QString &apiPath, const QString &who, const QByteArray &body = {})
    {
        return http(m_server.url(), method, apiPath, m_tokens.value(who, who), body);
    }
    /// Erases a fresh 2 MiB file onto the station's asset and writes its certificate.
    QString wipe(const QString &name, const QString &worker)
    {
        const QString disk = path(name + QStringLiteral(".img"));
        QFile f(disk);
        if (!f.open(QIODevice::WriteOnly) || f.write(QByteArray(2 << 20, char(0xa5))) != (2 << 20))
            return {};
        f.close();
        const Run w = cli({QStringLiteral("--db"), m_stationDb, QStringLiteral("--json"), QStringLiteral("--worker"),
                           worker, QStringLiteral("--station"), QStringLiteral("bench-7"), QStringLiteral("wipe"), disk,
                           QStringLiteral("--method"), QStringLiteral("clear"), QStringLiteral("--asset"), m_assetTag,
                           QStringLiteral("--certificate"), path(name + QStringLiteral(".json"))});
        if (w.code != 0) {
            qWarning("wipe: %s", w.err.constData());
            return {};
        }
        const QJsonObject c = QJsonDocument::fromJson([&] {
                                  QFile j(path(name + QStringLiteral(".json")));
                                  return j.open(QIODevice::ReadOnly) ? j.readAll() : QByteArray();
                              }())
                                  .object();
        m_certificateIds << c.value(QStringLiteral("id")).toString();
        return path(name + QStringLiteral(".json"));
    }
    Run sync()
    {
        return cli({QStringLiteral("--db"), m_stationDb, QStringLiteral("--json"), QStringLiteral("sync"),
                    QStringLiteral("--server"), m_server.url(), QStringLiteral("--token"),
                    m_tokens.value(QStringLiteral("station")), QStringLiteral("--attempts"), QStringLiteral("2")});
    }
    Run verify(const QString &certificate)
    {
        return cli({QStringLiteral("--json"), QStringLiteral("certificate"), QStringLiteral("verify"), certificate,
                    QStringLiteral("--require-endorsed"), QStringLiteral("--workshop-key"),
                    path(QStringLiteral("workshop.pub"))});
    }
    QStringList uncheckedIds(const QJsonArray &rows)
    {
        QStringList ids;
        for (const QJsonValue &v : rows)
            ids << v.toObject().value(QStringLiteral("certificate_id")).toString();
        return ids;
    }
    int endorsementCount()
    {
        const Reply r = call("GET", QStringLiteral("/api/v1/stations/endorsements"), QStringLiteral("supervisor"));
        return r.status == 200 ? int(r.json().value(QStringLiteral("endorsements")).toArray().size()) : -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(QFileInfo::exists(QStringLiteral(ETABLI_CLI)), "build the etabli target first");
        m_env = QProcessEnvironment::systemEnvironment();
        m_env.insert(QStringLiteral("ETABLI_STATION_KEY_DIR"), path(QStringLiteral("station-key")));
        m_env.insert(QStringLiteral("LANG"), QStringLiteral("C"));
        m_env.remove(QStringLiteral("ETABLI_WORKSHOP_PUBKEY"));
        if (qEnvironmentVariable("ETABLI_SERVER_BACKEND") == QLatin1String("postgresql")) {
            QVERIFY2(m_pg.start(), qPrintable(m_pg.error));
            m_server.db = m_pg.createDatabase(QStringLiteral("etabli_erasure"));
            QVERIFY(!m_server.db.isEmpty());
        } else {
            m_server.db = QStringLiteral("sqlite:") + path(QStringLiteral("server.sqlite"));
        }
        for (const char *role : {"station", "desk", "supervisor", "ent"})
            m_tokens.insert(QLatin1String(role),
                            ServerProcess::createToken(m_server.db, QLatin1String(role),
                                                       QLatin1String(role) + QStringLiteral("-7")));
        m_tokens.insert(QStringLiteral("garbage"), QStringLiteral("etb_notatoken"));
        m_tokens.insert(QStringLiteral("none"), QString());
        m_keyFile = path(QStringLiteral("workshop.key"));
        m_server.extraArgs = {QStringLiteral("--certification-key"), m_keyFile};
        QVERIFY2(m_server.start(), qPrintable(m_server.output));

        m_stationDb = path(QStringLiteral("station.db"));
        const Run added = cli({QStringLiteral("--db"), m_stationDb, QStringLiteral("--json"), QStringLiteral("asset"),
                               QStringLiteral("add"), QStringLiteral("--kind"), QStringLiteral("pc")});
        QVERIFY2(added.code == 0, added.err.constData());
        m_assetTag = added.json().value(QStringLiteral("tag")).toString();
        QVERIFY(!m_assetTag.isEmpty());
    }

    void cleanupTestCase()
    {
        m_server.kill();
        m_pg.stop();
    }

    void certificationKeyIsMadePrivate()
    {
        QVERIFY(QFileInfo::exists(m_keyFile));
        const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup
            | QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther;
        QCOMPARE(QFile::permissions(m_keyFile) & others, QFileDevice::Permissions());
        QVERIFY(QFileInfo::exists(path(QStringLiteral("workshop.pub"))));
        // A key others may read is refused before anything listens.
        const QString shared = path(QStringLiteral("shared.key"));
        QVERIFY(QFile::copy(m_keyFile, shared));
        QVERIFY(QFile::setPermissions(shared,
                                      QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup
                                          | QFileDevice::ReadOther));
        ServerProcess other;
        other.db = QStringLiteral("sqlite:") + path(QStringLiteral("other.sqlite"));
        other.extraArgs = {QStringLiteral("--certification-key"), shared};
        QVERIFY(!other.start(5000));
        QVERIFY2(other.output.contains(QLatin1String("readable by others")), qPrintable(other.output));
        // A missing key without the .key ending is not guessed.
        other.extraArgs = {QStringLiteral("--certification-key"), path(QStringLiteral("nokey"))};
        QVERIFY(!other.start(5000));
        QVERIFY(!QFileInfo::exists(path(QStringLiteral("nokey"))));
    }

    void beforeEnrolmentNotEndorsed()
    {
        const QString c = wipe(QStringLiteral("before"), QStringLiteral("amel"));
        QVERIFY(!c.isEmpty());
        const Run v = verify(c);
        QCOMPARE(v.code, 4);
        QCOMPARE(v.json().value(QStringLiteral("signature_valid")).toBool(), true);
        QCOMPARE(v.json().value(QStringLiteral("endorsed")).toBool(true), false);
    }

    void refusals_data()
    {
        QTest::addColumn<QString>("who");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        const QByteArray good = "{\"station_key\":\"" + QByteArray(32, 'k').toBase64() + "\"}";
        QTest::newRow("no token") << QStringLiteral("none") << good << 401;
        QTest::newRow("bad token") << QStringLiteral("garbage") << good << 401;
        QTest::newRow("desk token") << QStringLiteral("desk") << good << 403;
        QTest::newRow("supervisor token") << QStringLiteral("supervisor") << good << 403;
        QTest::newRow("ent token") << QStringLiteral("ent") << good << 403;
        QTest::newRow("31 bytes") << QStringLiteral("station")
                                  << QByteArray("{\"station_key\":\"" + QByteArray(31, 'k').toBase64() + "\"}") << 400;
        QTest::newRow("33 bytes") << QStringLiteral("station")
                                  << QByteArray("{\"station_key\":\"" + QByteArray(33, 'k').toBase64() + "\"}") << 400;
        QTest::newRow("not base64") << QStringLiteral("station")
                                    << QByteArray("{\"station_key\":\"!!!!not-base64-at-all-but-44-chars-long!!!!\"}")
                                    << 400;
        QTest::newRow("number") << QStringLiteral("station") << QByteArray("{\"station_key\":42}") << 400;
        QTest::newRow("missing") << QStringLiteral("station") << QByteArray("{}") << 400;
        QTest::newRow("unknown field") << QStringLiteral("station")
                                       << QByteArray("{\"station_key\":\"" + QByteArray(32, 'k').toBase64()
                                                     + "\",\"station\":\"bench-1\"}")
                                       << 400;
        QTest::newRow("not json") << QStringLiteral("station") << QByteArray("station_key=abc") << 400;
    }
    void refusals()
    {
        QFETCH(QString, who);
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        const int before = endorsementCount();
        QVERIFY(before >= 0);
        const Reply r = call("POST", QStringLiteral("/api/v1/stations/endorsement"), who, body);
        QCOMPARE(r.status, status);
        QVERIFY2(r.json().contains(QStringLiteral("error")), r.body.constData());
        QCOMPARE(endorsementCount(), before); // changed nothing
    }

    void enrolmentEndorsesTheStationKey()
    {
        const Run s = sync();
        QVERIFY2(s.code == 0, s.err.constData());
        QCOMPARE(s.json().value(QStringLiteral("endorsement")).toString(), QStringLiteral("installed"));
        QCOMPARE(endorsementCount(), 1);
        QVERIFY(QFileInfo::exists(path(QStringLiteral("station-key/station.endorsement.json"))));
        // Asked once: the next sync does not ask again.
        const Run again = sync();
        QVERIFY2(again.code == 0, again.err.constData());
        QCOMPARE(again.json().value(QStringLiteral("endorsement")).toString(), QString());

        // The endorsement names the token's station, the workshop's key, never its secret.
        QFile secret(m_keyFile);
        QVERIFY(secret.open(QIODevice::ReadOnly));
        const QByteArray secretText = secret.readAll().trimmed();
        QFile e(path(QStringLiteral("station-key/station.endorsement.json")));
        QVERIFY(e.open(QIODevice::ReadOnly));
        const QByteArray endorsement = e.readAll();
        QVERIFY(!endorsement.contains(secretText));
        const QJsonObject o = QJsonDocument::fromJson(endorsement).object();
        QCOMPARE(o.value(QStringLiteral("station")).toString(), QStringLiteral("station-7"));
        QFile pub(path(QStringLiteral("workshop.pub")));
        QVERIFY(pub.open(QIODevice::ReadOnly));
        QCOMPARE(o.value(QStringLiteral("workshop_key")).toString().toLatin1(), pub.readAll().trimmed());

        // The same key asked again by hand: the stored endorsement, nothing new.
        const Reply r
            = call("POST", QStringLiteral("/api/v1/stations/endorsement"), QStringLiteral("station"),
                   "{\"station_key\":\"" + o.value(QStringLiteral("station_key")).toString().toLatin1() + "\"}");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("endorsement")).toObject(), o);
        QVERIFY(!r.body.contains(secretText));
        QCOMPARE(endorsementCount(), 1);
    }

    void afterEnrolmentEndorsed()
    {
        const QString c = wipe(QStringLiteral("after"), QStringLiteral("amel"));
        QVERIFY(!c.isEmpty());
        const Run v = verify(c);
        QVERIFY2(v.code == 0, v.err.constData());
        QCOMPARE(v.json().value(QStringLiteral("endorsed")).toBool(), true);
        // The one made before enrolment still is not.
        QCOMPARE(verify(path(QStringLiteral("before.json"))).code, 4);
        // Against another workshop's key, not endorsed either.
        QCOMPARE(cli({QStringLiteral("certificate"), QStringLiteral("verify"), c, QStringLiteral("--require-endorsed"),
                      QStringLiteral("--workshop-key"), path(QStringLiteral("station-key/station.pub"))})
                     .code,
                 4);
    }

    void uncheckedErasuresOnTheServer()
    {
        QCOMPARE(m_certificateIds.size(), 2);
        QVERIFY2(sync().code == 0, "sync");
        Reply r = call("GET", QStringLiteral("/api/v1/erasures/unchecked"), QStringLiteral("supervisor"));
        QCOMPARE(r.status, 200);
        QCOMPARE(uncheckedIds(r.json().value(QStringLiteral("erasures")).toArray()), m_certificateIds);
        QCOMPARE(r.json().value(QStringLiteral("count")).toInt(), 2);
        const QJsonObject first = r.json().value(QStringLiteral("erasures")).toArray().at(0).toObject();
        QCOMPARE(first.value(QStringLiteral("asset_tag")).toString(), m_assetTag);
        QCOMPARE(first.value(QStringLiteral("worker")).toString(), QStringLiteral("amel"));
        QCOMPARE(first.value(QStringLiteral("station")).toString(), QStringLiteral("bench-7"));
        QCOMPARE(first.value(QStringLiteral("method")).toString(), QStringLiteral("clear"));
        QCOMPARE(first.value(QStringLiteral("check_status")).toString(), QStringLiteral("to_be_checked"));
        QCOMPARE(first.value(QStringLiteral("verified")).toBool(), true);

        // A second person checks the first one on the bench; once synced, the server agrees.
        const Run c = cli({QStringLiteral("--db"), m_stationDb, QStringLiteral("--worker"), QStringLiteral("leo"),
                           QStringLiteral("certificate"), QStringLiteral("check"), m_certificateIds.first(),
                           QStringLiteral("--checker"), QStringLiteral("leo")});
        QVERIFY2(c.code == 0, c.err.constData());
        QVERIFY2(sync().code == 0, "sync");
        r = call("GET", QStringLiteral("/api/v1/erasures/unchecked"), QStringLiteral("supervisor"));
        QCOMPARE(uncheckedIds(r.json().value(QStringLiteral("erasures")).toArray()), m_certificateIds.mid(1));

        // The CLI asks the server the same.
        const Run listed = cli({QStringLiteral("--json"), QStringLiteral("certificate"), QStringLiteral("unchecked"),
                                QStringLiteral("--server"), m_server.url(), QStringLiteral("--token"),
                                m_tokens.value(QStringLiteral("supervisor"))});
        QVERIFY2(listed.code == 0, listed.err.constData());
        QCOMPARE(listed.array(), r.json().value(QStringLiteral("erasures")).toArray());
        const Run station = cli({QStringLiteral("certificate"), QStringLiteral("unchecked"), QStringLiteral("--server"),
                                 m_server.url(), QStringLiteral("--token"), m_tokens.value(QStringLiteral("station"))});
        QCOMPARE(station.code, 6);

        // Rebuilt from the log, the projection gives the same answer.
        QCOMPARE(run(QStringLiteral(ETABLI_SERVER), {QStringLiteral("--db"), m_server.db, QStringLiteral("rebuild")}),
                 0);
        const Reply rebuilt = call("GET", QStringLiteral("/api/v1/erasures/unchecked"), QStringLiteral("supervisor"));
        QCOMPARE(rebuilt.status, 200);
        QCOMPARE(rebuilt.json(), r.json());
    }

    // A backup carries the projection and the endorsed keys; the restored server answers the same.
    void survivesBackupAndRestore()
    {
        const Reply unchecked = call("GET", QStringLiteral("/api/v1/erasures/unchecked"), QStringLiteral("supervisor"));
        const Reply keys = call("GET", QStringLiteral("/api/v1/stations/endorsements"), QStringLiteral("supervisor"));
        QCOMPARE(unchecked.status, 200);
        QCOMPARE(keys.json().value(QStringLiteral("endorsements")).toArray().size(), 1);
        const QString file = path(QStringLiteral("central.backup"));
        QCOMPARE(
            run(QStringLiteral(ETABLI_SERVER), {QStringLiteral("--db"), m_server.db, QStringLiteral("backup"), file}),
            0);
        ServerProcess again;
        again.db = qEnvironmentVariable("ETABLI_SERVER_BACKEND") == QLatin1String("postgresql")
            ? m_pg.createDatabase(QStringLiteral("etabli_erasure_restored"))
            : QStringLiteral("sqlite:") + path(QStringLiteral("restored.sqlite"));
        QVERIFY(!again.db.isEmpty());
        QCOMPARE(
            run(QStringLiteral(ETABLI_SERVER), {QStringLiteral("--db"), again.db, QStringLiteral("restore"), file}), 0);
        again.extraArgs = {QStringLiteral("--certification-key"), m_keyFile};
        QVERIFY2(again.start(), qPrintable(again.output));
        const QString boss = m_tokens.value(QStringLiteral("supervisor"));
        QCOMPARE(http(again.url(), "GET", QStringLiteral("/api/v1/erasures/unchecked"), boss).json(), unchecked.json());
        QCOMPARE(http(again.url(), "GET", QStringLiteral("/api/v1/stations/endorsements"), boss).json(), keys.json());
    }

    void uncheckedIsForTheSupervisor_data()
    {
        QTest::addColumn<QString>("who");
        QTest::addColumn<int>("status");
        QTest::newRow("none") << QStringLiteral("none") << 401;
        QTest::newRow("garbage") << QStringLiteral("garbage") << 401;
        QTest::newRow("station") << QStringLiteral("station") << 403;
        QTest::newRow("desk") << QStringLiteral("desk") << 403;
        QTest::newRow("ent") << QStringLiteral("ent") << 403;
        QTest::newRow("supervisor") << QStringLiteral("supervisor") << 200;
    }
    void uncheckedIsForTheSupervisor()
    {
        QFETCH(QString, who);
        QFETCH(int, status);
        QCOMPARE(call("GET", QStringLiteral("/api/v1/erasures/unchecked"), who).status, status);
    }
};

QTEST_MAIN(TstErasureServer)
#include "tst_erasureserver.moc"
