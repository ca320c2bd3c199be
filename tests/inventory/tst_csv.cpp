// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "inventory/csv.h"

#include <QTest>

using namespace Etabli;
using namespace Etabli::Inventory;

/// The one CSV writer (RFC 4180 + OWASP formula escaping) and the reader of the
/// schools' files (encodings, separators, quoted line breaks, line numbers).
class TestCsv : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void escapesFields_data();
    void escapesFields();
    void writesRecords();
    void writtenRecordsReadBack();
    void reads_data();
    void reads();
    void refusesWhatIsNotText();
};

void TestCsv::escapesFields_data()
{
    QTest::addColumn<QString>("cell");
    QTest::addColumn<QString>("expected");
    const auto s = [](const char *t) { return QString::fromUtf8(t); };
    QTest::newRow("plain") << s("CM1") << s("CM1");
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("accents") << s("École Jean-Jaurès") << s("École Jean-Jaurès");
    QTest::newRow("comma") << s("Ecole, Pasteur") << s("\"Ecole, Pasteur\"");
    QTest::newRow("quote") << s("dit \"le grand\"") << s("\"dit \"\"le grand\"\"\"");
    QTest::newRow("line feed") << s("a\nb") << s("\"a\nb\"");
    QTest::newRow("CR inside") << s("a\rb") << s("\"a\rb\"");
    QTest::newRow("= formula") << s("=HYPERLINK(\"http://x\")") << s("\"'=HYPERLINK(\"\"http://x\"\")\"");
    QTest::newRow("+ class") << s("+CM1") << s("\"'+CM1\"");
    QTest::newRow("- formula") << s("-2+3") << s("\"'-2+3\"");
    QTest::newRow("@ formula") << s("@SUM(A1)") << s("\"'@SUM(A1)\"");
    QTest::newRow("tab first") << s("\t=1") << s("\"'\t=1\"");
    QTest::newRow("CR first") << s("\r=1") << s("\"'\r=1\"");
    QTest::newRow("= with comma") << s("=1,2") << s("\"'=1,2\"");
    QTest::newRow("= not first") << s("a=b") << s("a=b");
    QTest::newRow("space then =") << s(" =1") << s(" =1");
    QTest::newRow("semicolon, comma file") << s("a;b") << s("a;b");
}

void TestCsv::escapesFields()
{
    QFETCH(QString, cell);
    QFETCH(QString, expected);
    QCOMPARE(Csv::field(cell), expected);
}

void TestCsv::writesRecords()
{
    QCOMPARE(Csv::record({QStringLiteral("a"), QStringLiteral("=b"), QStringLiteral("c,d")}),
             QStringLiteral("a,\"'=b\",\"c,d\"\r\n"));
    QCOMPARE(Csv::record({QStringLiteral("a;b"), QStringLiteral("c")}, QLatin1Char(';')),
             QStringLiteral("\"a;b\";c\r\n"));
}

void TestCsv::writtenRecordsReadBack()
{
    const QStringList cells{QStringLiteral("P-1"), QStringLiteral("Ecole, \"Pasteur\""), QStringLiteral("a\r\nb"),
                            QStringLiteral("plain")};
    const QString text
        = Csv::record({QStringLiteral("h1"), QStringLiteral("h2"), QStringLiteral("h3"), QStringLiteral("h4")})
        + Csv::record(cells);
    auto t = Csv::read(text.toUtf8());
    QVERIFY(t.ok());
    QCOMPARE(t->records.size(), 2);
    QCOMPARE(t->records[1].fields, cells);
}

void TestCsv::reads_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("encoding");
    QTest::addColumn<QString>("separator");
    QTest::addColumn<QList<int>>("lines"); // where each record starts
    QTest::addColumn<QStringList>("second"); // the second record's fields
    QTest::addColumn<bool>("undecodable"); // the second record has undecodable text
    const auto u = [](const char *t) { return QString::fromUtf8(t); };
    const auto l = [&u](std::initializer_list<const char *> items) {
        QStringList out;
        for (const char *i : items)
            out << u(i);
        return out;
    };

    QTest::newRow("utf-8, comma") << QByteArray("id,nom\n1,Zoé\n") << u("utf-8") << u(",") << QList<int>{1, 2}
                                  << l({"1", "Zoé"}) << false;
    QTest::newRow("utf-8 BOM, semicolon") << QByteArray("\xEF\xBB\xBFid;nom\r\n1;Zoé\r\n") << u("utf-8-bom") << u(";")
                                          << QList<int>{1, 2} << l({"1", "Zoé"}) << false;
    QTest::newRow("windows-1252") << QByteArray("id;nom\r\n1;Zo\xE9 \x80\r\n") << u("windows-1252") << u(";")
                                  << QList<int>{1, 2} << l({"1", "Zoé €"}) << false;
    QTest::newRow("windows-1252 undefined byte") << QByteArray("id;nom\r\n1;Zo\xE9\x81\r\n") << u("windows-1252")
                                                 << u(";") << QList<int>{1, 2} << l({"1", "Zoé\xEF\xBF\xBD"}) << true;
    QTest::newRow("utf-8 with one bad line")
        << QByteArray("id,nom\n1,\xFF\xFE\n2,Zoé\n3,Gaëlle\n4,Hélène\n") << u("utf-8") << u(",")
        << QList<int>{1, 2, 3, 4, 5} << l({"1", "\xEF\xBF\xBD\xEF\xBF\xBD"}) << true;
    QTest::newRow("quoted line break") << QByteArray("id,adresse,x\n1,\"12 rue A\n75000 Paris\",y\n2,b,z\n")
                                       << u("utf-8") << u(",") << QList<int>{1, 2, 4}
                                       << l({"1", "12 rue A\n75000 Paris", "y"}) << false;
    QTest::newRow("quoted CRLF break and quotes")
        << QByteArray("id;a\r\n1;\"x \"\"y\"\"\r\nz\"\r\n2;b\r\n") << u("utf-8") << u(";") << QList<int>{1, 2, 4}
        << l({"1", "x \"y\"\r\nz"}) << false;
    QTest::newRow("semicolon header, commas in text")
        << QByteArray("id;nom;classe\n1;Martin, Léa;CM1\n") << u("utf-8") << u(";") << QList<int>{1, 2}
        << l({"1", "Martin, Léa", "CM1"}) << false;
    QTest::newRow("blank lines skipped, numbers kept") << QByteArray("id,nom\n\n1,a\n\n\n2,b") << u("utf-8") << u(",")
                                                       << QList<int>{1, 3, 6} << l({"1", "a"}) << false;
    QTest::newRow("empty fields") << QByteArray("a,b,c\n,,\n") << u("utf-8") << u(",") << QList<int>{1, 2}
                                  << l({"", "", ""}) << false;
}

void TestCsv::reads()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, encoding);
    QFETCH(QString, separator);
    QFETCH(QList<int>, lines);
    QFETCH(QStringList, second);
    QFETCH(bool, undecodable);
    auto t = Csv::read(bytes);
    QVERIFY(t.ok());
    QCOMPARE(Csv::toString(t->encoding), encoding);
    QCOMPARE(QString(t->separator), separator);
    QList<int> got;
    for (const Csv::Record &r : t->records)
        got << r.line;
    QCOMPARE(got, lines);
    QCOMPARE(t->records[1].fields, second);
    QCOMPARE(t->records[1].undecodable, undecodable);
    QVERIFY(!t->records[0].undecodable);
}

void TestCsv::refusesWhatIsNotText()
{
    QVERIFY(!Csv::read(QByteArray()).ok());
    QVERIFY(!Csv::read(QByteArray("\xEF\xBB\xBF\n\n")).ok());
    QCOMPARE(Csv::read(QByteArray("PK\x03\x04\0\0xlsx", 10)).error().code, ErrorCode::Corrupt);
    auto open = Csv::read("id,nom\n1,\"never closed\n2,b\n");
    QVERIFY(open.ok());
    QCOMPARE(open->records.size(), 2);
    QVERIFY(open->records[1].unterminated);
    QCOMPARE(open->records[1].line, 2);
}

QTEST_GUILESS_MAIN(TestCsv)
#include "tst_csv.moc"
