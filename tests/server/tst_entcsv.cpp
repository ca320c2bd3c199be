// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
//
// The ENT feed as CSV through a real etabli-server on 127.0.0.1: a school or a class
// that looks like a spreadsheet formula comes out as text (OWASP's rule), and the file
// reads back, through the project's own CSV reader, to exactly what was stored.
#include "testserver.h"

#include "inventory/assettag.h"
#include "inventory/csv.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QUuid>

using namespace TestServer;
using namespace Etabli;
using namespace Etabli::Inventory;

namespace {

QJsonObject move(const QString &tag, const char *from, const char *to, const QString &beneficiary = {})
{
    QJsonObject p{{QStringLiteral("from"), QLatin1String(from)}, {QStringLiteral("to"), QLatin1String(to)}};
    if (!beneficiary.isEmpty())
        p.insert(QStringLiteral("beneficiary"), beneficiary);
    return eventJson(QStringLiteral("asset.moved"), tag, p);
}

} // namespace

class TestEntCsv : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    ServerProcess m_server;
    QHash<QString, QString> m_tokens;
    int m_next = 1;

    Reply call(const QByteArray &method, const QString &path, const QString &who, const QByteArray &body = {},
               const QByteArray &accept = {})
    {
        return http(m_server.url(), method, path, m_tokens.value(who), body, accept);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_server.db = QStringLiteral("sqlite:") + m_dir.filePath(QStringLiteral("server.sqlite"));
        for (const char *role : {"station", "desk", "ent"})
            m_tokens.insert(QLatin1String(role),
                            ServerProcess::createToken(m_server.db, QLatin1String(role), QLatin1String(role)));
        QVERIFY2(m_server.start(), qPrintable(m_server.output));
    }
    void cleanupTestCase() { m_server.kill(); }

    void formulasComeOutAsText_data()
    {
        QTest::addColumn<QString>("schoolId");
        QTest::addColumn<QString>("school");
        QTest::addColumn<QString>("klass");
        QTest::addColumn<QByteArray>("expectedCells"); // school,class as they must appear
        const auto u = [](const char *t) { return QString::fromUtf8(t); };
        QTest::newRow("HYPERLINK school, +CM1") << u("P-1") << u("=HYPERLINK(\"http://x\")") << u("+CM1")
                                                << QByteArray("\"'=HYPERLINK(\"\"http://x\"\")\",\"'+CM1\"");
        QTest::newRow("@ and - ") << u("P-2") << u("@SUM(1+1)*cmd|' /C calc'!A0") << u("-CE2")
                                  << QByteArray("\"'@SUM(1+1)*cmd|' /C calc'!A0\",\"'-CE2\"");
        QTest::newRow("DDE command") << u("P-3") << u("=cmd|' /C calc'!A0") << u("CM1")
                                     << QByteArray("\"'=cmd|' /C calc'!A0\",CM1");
        QTest::newRow("plain, comma") << u("P-4") << u("Ecole, Pasteur") << u("CE2")
                                      << QByteArray("\"Ecole, Pasteur\",CE2");
        QTest::newRow("school id formula") << u("=1+1") << u("Ecole") << u("CM2") << QByteArray("Ecole,CM2");
    }
    void formulasComeOutAsText()
    {
        QFETCH(QString, schoolId);
        QFETCH(QString, school);
        QFETCH(QString, klass);
        QFETCH(QByteArray, expectedCells);
        const QString tag = AssetTag::make(QStringLiteral("ENT"), m_next);
        const QString family = QStringLiteral("FAM-%1").arg(m_next++);
        const QJsonArray events{
            eventJson(QStringLiteral("asset.added"), tag,
                      {{QStringLiteral("tag"), tag}, {QStringLiteral("kind"), QStringLiteral("pc")}}),
            move(tag, "RECEIVED", "TESTING"),
            eventJson(QStringLiteral("imaging.recorded"), tag,
                      {{QStringLiteral("master_name"), QStringLiteral("ecole")},
                       {QStringLiteral("master_version"), QStringLiteral("2026.2")},
                       {QStringLiteral("verified"), true}}),
            move(tag, "TESTING", "IMAGED"),
            move(tag, "IMAGED", "READY"),
            move(tag, "READY", "RESERVED", family)};
        QCOMPARE(call("POST", QStringLiteral("/api/v1/events"), QStringLiteral("station"),
                      QJsonDocument(QJsonObject{{QStringLiteral("events"), events}}).toJson(QJsonDocument::Compact))
                     .status,
                 200);
        const QJsonObject person{{QStringLiteral("reference"), family},
                                 {QStringLiteral("school_id"), schoolId},
                                 {QStringLiteral("school"), school},
                                 {QStringLiteral("class"), klass},
                                 {QStringLiteral("family_name"), QStringLiteral("Secret")}};
        QCOMPARE(call("POST", QStringLiteral("/api/v1/beneficiaries"), QStringLiteral("desk"),
                      QJsonDocument(person).toJson(QJsonDocument::Compact))
                     .status,
                 201);
        QCOMPARE(
            call("POST", QStringLiteral("/api/v1/handovers"), QStringLiteral("desk"),
                 QJsonDocument(QJsonObject{{QStringLiteral("asset_tag"), tag}, {QStringLiteral("beneficiary"), family}})
                     .toJson(QJsonDocument::Compact))
                .status,
            201);

        const Reply csv = call("GET", QStringLiteral("/api/v1/ent/equipment"), QStringLiteral("ent"), {}, "text/csv");
        QCOMPARE(csv.status, 200);
        QVERIFY(csv.contentType.startsWith("text/csv"));
        QVERIFY(!csv.body.contains("Secret"));
        // No cell of the whole feed starts with a formula character.
        auto table = Csv::read(csv.body);
        QVERIFY(table.ok());
        QCOMPARE(table->records.first().fields.first(), QStringLiteral("school_id"));
        for (const Csv::Record &r : std::as_const(table->records))
            for (const QString &cell : r.fields)
                QVERIFY2(cell.isEmpty() || !QStringLiteral("=+-@\t\r").contains(cell.front()), qPrintable(cell));
        // This row: the school and class as text, read back as stored (with the quote).
        bool found = false;
        for (const QByteArray &line : csv.body.split('\n')) {
            if (!line.contains(tag.toUtf8()))
                continue;
            found = true;
            QVERIFY2(line.contains(QByteArray("," + expectedCells + "," + tag.toUtf8() + ",")), line.constData());
        }
        QVERIFY(found);
        for (const Csv::Record &r : std::as_const(table->records))
            if (r.fields.value(3) == tag) {
                const auto plain = [](const QString &s) {
                    return !s.isEmpty() && QStringLiteral("=+-@\t\r").contains(s.front()) ? QLatin1Char('\'') + s : s;
                };
                QCOMPARE(r.fields.value(1), plain(school));
                QCOMPARE(r.fields.value(2), plain(klass));
            }
    }
};

QTEST_MAIN(TestEntCsv)
#include "tst_entcsv.moc"
