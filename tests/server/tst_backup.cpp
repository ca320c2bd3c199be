// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
//
// `etabli-server backup` while the server takes pushes, then `restore` into an empty
// database: the restored server holds exactly the events of the moment of the backup (same
// seq, same verdicts), the same figures, and the same tokens. SQLite by default,
// ETABLI_SERVER_BACKEND=postgresql on a private cluster (pg_dump / pg_restore).
#include "testserver.h"

#include "inventory/assettag.h"

#include <QTest>
#include <QUuid>

using namespace TestServer;

namespace {

/// Pushes `count` events (assets and their moves) starting at asset number `first`.
int pushSome(const ServerProcess &server, const QString &token, int first, int count)
{
    QJsonArray events;
    for (int i = first; events.size() < count; ++i) {
        const QString tag = Etabli::Inventory::AssetTag::make(QStringLiteral("BAK"), i);
        events << eventJson(QStringLiteral("asset.added"), tag,
                            {{QStringLiteral("tag"), tag}, {QStringLiteral("kind"), QStringLiteral("pc")}});
        events << eventJson(
            QStringLiteral("asset.moved"), tag,
            {{QStringLiteral("from"), QStringLiteral("RECEIVED")}, {QStringLiteral("to"), QStringLiteral("TESTING")}});
    }
    return http(server.url(), "POST", QStringLiteral("/api/v1/events"), token,
                QJsonDocument(QJsonObject{{QStringLiteral("events"), events}}).toJson(QJsonDocument::Compact))
        .status;
}

QByteArray log(const ServerProcess &server, const QString &token)
{
    const Reply r = http(server.url(), "GET", QStringLiteral("/api/v1/events?since=0&limit=5000"), token);
    return QJsonDocument(r.json().value(QStringLiteral("events")).toArray()).toJson(QJsonDocument::Compact);
}

} // namespace

class TestBackup : public QObject
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
    static int tool(const QString &db, const QString &verb, const QString &file)
    {
        return run(QStringLiteral(ETABLI_SERVER), {QStringLiteral("--db"), db, verb, file});
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

    void backupWhileServingThenRestore()
    {
        ServerProcess server;
        server.db = database(QStringLiteral("live"));
        const QString boss = ServerProcess::createToken(server.db, QStringLiteral("supervisor"), QStringLiteral("b"));
        QVERIFY2(server.start(), qPrintable(server.output));
        QCOMPARE(pushSome(server, boss, 1, 300), 200);
        const QByteArray before = log(server, boss);
        const QJsonObject figures = http(server.url(), "GET", QStringLiteral("/api/v1/figures"), boss).json();
        QCOMPARE(figures.value(QStringLiteral("events")).toInteger(), 300);

        const QString file = m_dir.filePath(QStringLiteral("central.backup"));
        QCOMPARE(tool(server.db, QStringLiteral("backup"), file), 0);
        QCOMPARE(QFile::permissions(file)
                     & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
                 QFile::Permissions());
        QCOMPARE(tool(server.db, QStringLiteral("backup"), file), 4); // never overwrites
        QCOMPARE(pushSome(server, boss, 1000, 50), 200); // after the backup: not in it

        const QString restored = database(QStringLiteral("restored"));
        QCOMPARE(tool(restored, QStringLiteral("restore"), m_dir.filePath(QStringLiteral("missing"))), 3);
        QCOMPARE(tool(restored, QStringLiteral("restore"), file), 0);
        QCOMPARE(tool(restored, QStringLiteral("restore"), file), 4); // only into an empty database
        ServerProcess again;
        again.db = restored;
        QVERIFY2(again.start(), qPrintable(again.output));
        QCOMPARE(log(again, boss), before); // same events, seq, verdicts; the token too
        QCOMPARE(http(again.url(), "GET", QStringLiteral("/api/v1/figures"), boss).json(), figures);
        // and it goes on from there
        QCOMPARE(pushSome(again, boss, 2000, 10), 200);
        QCOMPARE(http(again.url(), "GET", QStringLiteral("/api/v1/figures"), boss)
                     .json()
                     .value(QStringLiteral("events"))
                     .toInteger(),
                 310);
    }
};

QTEST_MAIN(TestBackup)
#include "tst_backup.moc"
