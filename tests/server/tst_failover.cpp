// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
//
// Failover: a PostgreSQL primary and a streaming standby (synchronous_standby_names, so
// a commit is on both before the server answers), private clusters started here. One
// etabli-server connects with a multi-host URL (target_session_attrs=read-write). While
// three stations push, the primary is killed with SIGKILL and the standby promoted
// (pg_ctl promote); the server reconnects by itself, the stations retry, and every event
// a station was told was stored is in the new primary exactly once.
#include "testserver.h"

#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

#include <csignal>

using namespace TestServer;

namespace {

const QString kBin = QStringLiteral("/usr/lib/postgresql/15/bin/");

/// Runs a PostgreSQL tool as the postgres user when we are root (PostgreSQL refuses root).
int asPostgres(const QStringList &command, QString *out = nullptr, int timeoutMs = 120000)
{
    if (geteuid() == 0)
        return run(QStringLiteral("runuser"),
                   QStringList{QStringLiteral("-u"), QStringLiteral("postgres"), QStringLiteral("--")} + command, out,
                   timeoutMs);
    return run(command.first(), command.mid(1), out, timeoutMs);
}

QString psql(const QString &dir, quint16 port, const QString &sql)
{
    QString out;
    asPostgres({QStringLiteral("psql"), QStringLiteral("-XAtq"), QStringLiteral("-h"), dir, QStringLiteral("-p"),
                QString::number(port), QStringLiteral("-U"), QStringLiteral("etabli"), QStringLiteral("-d"),
                QStringLiteral("postgres"), QStringLiteral("-c"), sql},
               &out, 30000);
    return out.trimmed();
}

/// The uuids a station store says the server acknowledged (pushed = 1), read without
/// disturbing the station process that writes it.
QSet<QString> acknowledged(const QString &path)
{
    QSet<QString> out;
    const QString name = QStringLiteral("ack-") + path;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"));
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(QStringLiteral("SELECT uuid FROM events WHERE pushed = 1")))
                while (q.next())
                    out.insert(q.value(0).toString());
        }
    }
    QSqlDatabase::removeDatabase(name);
    return out;
}

} // namespace

class TestFailover : public QObject
{
    Q_OBJECT

    QString m_root;
    QString m_primary, m_standby; ///< cluster folders (data in DIR/data, socket in DIR)
    quint16 m_primaryPort = 0, m_standbyPort = 0;
    bool m_primaryUp = false, m_standbyUp = false;
    QTemporaryDir m_dir;

    bool startCluster(const QString &dir, quint16 port)
    {
        return asPostgres({kBin + QStringLiteral("pg_ctl"), QStringLiteral("-D"), dir + QStringLiteral("/data"),
                           QStringLiteral("-l"), dir + QStringLiteral("/log"), QStringLiteral("-w"),
                           QStringLiteral("-o"),
                           QStringLiteral("-k %1 -p %2 -c listen_addresses='' -c fsync=on").arg(dir).arg(port),
                           QStringLiteral("start")})
            == 0;
    }
    void stopCluster(const QString &dir)
    {
        asPostgres({kBin + QStringLiteral("pg_ctl"), QStringLiteral("-D"), dir + QStringLiteral("/data"),
                    QStringLiteral("-m"), QStringLiteral("immediate"), QStringLiteral("-w"), QStringLiteral("stop")});
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(QFile::exists(kBin + QStringLiteral("initdb")), "PostgreSQL 15 is not installed");
        m_root = QStringLiteral("/tmp/etabli-failover-%1-%2").arg(getpid()).arg(QDateTime::currentMSecsSinceEpoch());
        m_primary = m_root + QStringLiteral("/primary");
        m_standby = m_root + QStringLiteral("/standby");
        QVERIFY(QDir().mkpath(m_primary) && QDir().mkpath(m_standby));
        if (geteuid() == 0)
            QCOMPARE(run(QStringLiteral("chown"), {QStringLiteral("-R"), QStringLiteral("postgres:postgres"), m_root}),
                     0);
        QString out;
        QVERIFY2(asPostgres({kBin + QStringLiteral("initdb"), QStringLiteral("-A"), QStringLiteral("trust"),
                             QStringLiteral("-U"), QStringLiteral("etabli"), QStringLiteral("-D"),
                             m_primary + QStringLiteral("/data")},
                            &out)
                     == 0,
                 qPrintable(out));
        m_primaryPort = freePort();
        QVERIFY(startCluster(m_primary, m_primaryPort));
        m_primaryUp = true;
        QCOMPARE(asPostgres({kBin + QStringLiteral("createdb"), QStringLiteral("-h"), m_primary, QStringLiteral("-p"),
                             QString::number(m_primaryPort), QStringLiteral("-U"), QStringLiteral("etabli"),
                             QStringLiteral("etabli")}),
                 0);
        // The standby: a base backup of the primary, streaming from it.
        QVERIFY2(asPostgres({kBin + QStringLiteral("pg_basebackup"), QStringLiteral("-h"), m_primary,
                             QStringLiteral("-p"), QString::number(m_primaryPort), QStringLiteral("-U"),
                             QStringLiteral("etabli"), QStringLiteral("-D"), m_standby + QStringLiteral("/data"),
                             QStringLiteral("-R"), QStringLiteral("-X"), QStringLiteral("stream")},
                            &out)
                     == 0,
                 qPrintable(out));
        m_standbyPort = freePort();
        QVERIFY(startCluster(m_standby, m_standbyPort));
        m_standbyUp = true;
        // From now on a commit returns only once the standby has it.
        psql(m_primary, m_primaryPort, QStringLiteral("ALTER SYSTEM SET synchronous_standby_names = '*'"));
        psql(m_primary, m_primaryPort, QStringLiteral("SELECT pg_reload_conf()"));
        QTRY_COMPARE_WITH_TIMEOUT(
            psql(m_primary, m_primaryPort, QStringLiteral("SELECT sync_state FROM pg_stat_replication")),
            QStringLiteral("sync"), 30000);
    }

    void cleanupTestCase()
    {
        if (m_primaryUp)
            stopCluster(m_primary);
        if (m_standbyUp)
            stopCluster(m_standby);
        if (!m_root.isEmpty())
            QDir(m_root).removeRecursively();
    }

    void primaryKilledStandbyPromotedNothingLost()
    {
        // libpq tries each host in turn and keeps the one that accepts writes.
        const QString db = QStringLiteral("postgresql://etabli@localhost:%1,localhost:%2/etabli?host=%3,%4"
                                          "&target_session_attrs=read-write")
                               .arg(m_primaryPort)
                               .arg(m_standbyPort)
                               .arg(m_primary, m_standby);
        QStringList tokens;
        for (int i = 0; i < 3; ++i)
            tokens << ServerProcess::createToken(db, QStringLiteral("station"), QStringLiteral("bench-%1").arg(i));
        const QString boss = ServerProcess::createToken(db, QStringLiteral("supervisor"), QStringLiteral("boss"));
        QVERIFY(!boss.isEmpty() && !tokens.contains(QString()));
        ServerProcess server;
        server.db = db;
        QVERIFY2(server.start(), qPrintable(server.output));

        constexpr int kTarget = 300;
        auto args = [&](int i) {
            return QStringList{QStringLiteral("--db"),      m_dir.filePath(QStringLiteral("station-%1.sqlite").arg(i)),
                               QStringLiteral("--station"), QStringLiteral("bench-%1").arg(i),
                               QStringLiteral("--server"),  server.url(),
                               QStringLiteral("--token"),   tokens[i],
                               QStringLiteral("--prefix"),  QStringLiteral("F%1").arg(QChar(u'A' + i))};
        };
        QElapsedTimer whole;
        whole.start();
        std::vector<std::unique_ptr<QProcess>> stations;
        for (int i = 0; i < 3; ++i) {
            stations.push_back(std::make_unique<QProcess>());
            stations.back()->setProcessChannelMode(QProcess::ForwardedErrorChannel);
            stations.back()->start(QStringLiteral(ETABLI_STATION_SIM),
                                   args(i)
                                       + QStringList{QStringLiteral("--target"), QString::number(kTarget),
                                                     QStringLiteral("--seed"), QString::number(42 + i)});
        }
        // Let them push a while.
        QTRY_VERIFY_WITH_TIMEOUT(http(server.url(), "GET", QStringLiteral("/api/v1/figures"), boss)
                                         .json()
                                         .value(QStringLiteral("events"))
                                         .toInteger()
                                     > 150,
                                 60000);
        resetConnections();

        // SIGKILL the primary: its postmaster and every backend.
        QFile pidFile(m_primary + QStringLiteral("/data/postmaster.pid"));
        QVERIFY(pidFile.open(QIODevice::ReadOnly));
        const pid_t postmaster = pid_t(pidFile.readLine().trimmed().toInt());
        QVERIFY(postmaster > 0);
        QList<pid_t> children;
        for (const QString &entry : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
            QFile stat(QStringLiteral("/proc/%1/stat").arg(entry));
            if (entry.toInt() > 0 && stat.open(QIODevice::ReadOnly)) {
                const QByteArray line = stat.readAll();
                const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
                if (fields.size() > 1 && fields[1].toInt() == postmaster)
                    children << pid_t(entry.toInt());
            }
        }
        QCOMPARE(::kill(postmaster, SIGKILL), 0);
        for (pid_t child : std::as_const(children))
            ::kill(child, SIGKILL);
        m_primaryUp = false;
        QTest::qWait(300);
        // What the stations were told is stored, at the moment the primary died (and the
        // few answers still in flight): all of it must survive.
        QSet<QString> told;
        for (int i = 0; i < 3; ++i)
            told += acknowledged(m_dir.filePath(QStringLiteral("station-%1.sqlite").arg(i)));
        qInfo("%lld events acknowledged when the primary was killed, %lld ms after the stations started",
              qint64(told.size()), whole.elapsed());
        QVERIFY(told.size() > 100);

        QElapsedTimer phase;
        phase.start();
        QString out;
        QVERIFY2(asPostgres({kBin + QStringLiteral("pg_ctl"), QStringLiteral("-D"), m_standby + QStringLiteral("/data"),
                             QStringLiteral("-w"), QStringLiteral("promote")},
                            &out)
                     == 0,
                 qPrintable(out));

        // The server finds the new primary by itself; the stations retry and finish.
        for (auto &s : stations) {
            QVERIFY2(s->waitForFinished(120000), "a station hung");
            QCOMPARE(s->exitStatus(), QProcess::NormalExit);
            QCOMPARE(s->exitCode(), 0);
        }
        qInfo("standby promoted and the stations done %lld ms after the kill", phase.elapsed());
        for (int i = 0; i < 3; ++i)
            QCOMPARE(run(QStringLiteral(ETABLI_STATION_SIM), args(i) + QStringList{QStringLiteral("--final")}, nullptr,
                         120000),
                     0);

        QStringList order;
        qint64 cursor = 0;
        for (;;) {
            const Reply r
                = http(server.url(), "GET", QStringLiteral("/api/v1/events?since=%1&limit=5000").arg(cursor), boss);
            QCOMPARE(r.status, 200);
            for (const QJsonValue &v : r.json().value(QStringLiteral("events")).toArray())
                order << v.toObject().value(QStringLiteral("uuid")).toString();
            cursor = r.json().value(QStringLiteral("cursor")).toInteger();
            if (!r.json().value(QStringLiteral("more")).toBool())
                break;
        }
        const QSet<QString> stored(order.begin(), order.end());
        QCOMPARE(stored.size(), order.size()); // exactly once
        QCOMPARE(order.size(), 3 * kTarget); // nothing lost
        for (const QString &uuid : std::as_const(told))
            QVERIFY2(stored.contains(uuid), qPrintable(QStringLiteral("acknowledged event %1 is lost").arg(uuid)));
        QCOMPARE(psql(m_standby, m_standbyPort, QStringLiteral("SELECT pg_is_in_recovery()")), QStringLiteral("f"));
        // The health lane's own connection was idle during the failover: its first request
        // may find it dead (503) and reconnect; the next ones must be served by the new primary.
        QTRY_COMPARE_WITH_TIMEOUT(http(server.url(), "GET", QStringLiteral("/healthz")).status, 200, 15000);
    }
};

QTEST_MAIN(TestFailover)
#include "tst_failover.moc"
