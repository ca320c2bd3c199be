// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "inventory/beneficiaryimport.h"
#include "inventory/store.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Etabli;
using namespace Etabli::Inventory;

namespace {

/// "line:detail" for each error, the form the table compares.
using Errors = QStringList;

const char *const kHeaderEn = "pupil id,pupil name,school,class,parent name,parent contact\r\n";

QByteArray cp1252(const QString &text)
{
    QByteArray out;
    for (const QChar c : text) {
        if (c.unicode() < 0x100)
            out += char(c.unicode());
        else if (c == QChar(0x20AC))
            out += '\x80';
        else if (c == QChar(0x0153))
            out += '\x9C';
        else
            out += '?';
    }
    return out;
}

} // namespace

/// `etabli desk import` on a table of real files: encodings, separators, quoted line
/// breaks, every kind of bad line with the line where its record starts, and the all
/// or nothing rule (one bad line and the store is unchanged).
class TestDeskImport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void reportsEachFile_data();
    void reportsEachFile();
    void nothingIsStoredWithAnyError();
    void dryRunStoresNothing();
    void tenThousandRows();
    void refusedOnABench();
    void listsBeneficiaries();

private:
    struct Run {
        int code = -1;
        QJsonDocument json;
        QByteArray err;
    };
    Run etabli(const QString &db, const QStringList &args);
    QString write(const QString &name, const QByteArray &bytes);
    QString newDesk(const QString &name);
    QTemporaryDir m_dir;
};

TestDeskImport::Run TestDeskImport::etabli(const QString &db, const QStringList &args)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("ETABLI_LANG"), QStringLiteral("en"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(ETABLI_CLI),
            QStringList{QStringLiteral("--db"), db, QStringLiteral("--station"), QStringLiteral("desk-1")} + args);
    if (!p.waitForFinished(60000))
        return {};
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            QJsonDocument::fromJson(p.readAllStandardOutput()), p.readAllStandardError()};
}

QString TestDeskImport::write(const QString &name, const QByteArray &bytes)
{
    const QString path = m_dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(bytes) != bytes.size())
        return {};
    return path;
}

QString TestDeskImport::newDesk(const QString &name)
{
    const QString db = m_dir.filePath(name + QStringLiteral(".sqlite"));
    auto store = Store::open(db, {QStringLiteral("desk-1"), QStringLiteral("w")});
    if (!store || !(*store)->setSetting(QStringLiteral("sync.desk"), QStringLiteral("1")))
        return {};
    // One pupil the desk knows already (pulled from the server, or imported before).
    if (!(*store)->recordGeneral(QStringLiteral("beneficiary.added"),
                                 {{QStringLiteral("reference"), QStringLiteral("KNOWN-1")},
                                  {QStringLiteral("family_name"), QStringLiteral("Déjà")}}))
        return {};
    return db;
}

void TestDeskImport::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

void TestDeskImport::reportsEachFile_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("imported");
    QTest::addColumn<Errors>("errors");
    QTest::addColumn<QString>("encoding");
    const auto u = [](const char *t) { return QString::fromUtf8(t); };
    const QByteArray en(kHeaderEn);
    const QString fr = u("N° élève;Nom de l'élève;École;Classe;Responsable légal;Téléphone\r\n");

    QTest::newRow("utf-8, comma, English headers") << en
            + QByteArray("P-1,Léa Martin,École Pasteur,CM1,Marie Martin,06 01 02 03 04\r\n"
                         "P-2,Noé Durand,École Pasteur,CE2,Paul Durand,paul@example.org\r\n")
                                                   << 2 << Errors{} << u("utf-8");
    QTest::newRow("utf-8 BOM, semicolon, French headers")
        << QByteArray("\xEF\xBB\xBF") + fr.toUtf8() + QByteArray("P-1;Léa Martin;École Pasteur;CM1;Marie Martin;06\r\n")
        << 1 << Errors{} << u("utf-8-bom");
    QTest::newRow("windows-1252, semicolon")
        << cp1252(fr + u("P-1;Zoé Lœuvre;École Jaurès;CE2;Hélène Lœuvre;07 € fixe\r\n")) << 1 << Errors{}
        << u("windows-1252");
    QTest::newRow("headers in any case and order, no accents")
        << QByteArray("CLASSE;ECOLE;NOM ELEVE;ID ELEVE;TEL;NOM DU PARENT\nCM1;Pasteur;Léa;P-1;06;Marie\n") << 1
        << Errors{} << u("utf-8");
    QTest::newRow("quoted line breaks keep line numbers") << en
            + QByteArray("P-1,\"Léa\nMartin\",\"École\r\nPasteur\",CM1,Marie,06\r\n"
                         "P-2,Noé,École,CE2,,07\r\n") << 0 << Errors{u("5:missing_field")}
                                                          << u("utf-8");
    QTest::newRow("duplicate pupil id in the file")
        << en + QByteArray("P-1,Léa,École,CM1,Marie,06\nP-2,Noé,École,CE2,Paul,07\nP-1,Léo,École,CM1,Ana,08\n") << 0
        << Errors{u("4:duplicate_in_file")} << u("utf-8");
    QTest::newRow("already known") << en + QByteArray("P-1,Léa,École,CM1,Marie,06\nKNOWN-1,Zoé,École,CM1,Ana,08\n") << 0
                                   << Errors{u("3:already_known")} << u("utf-8");
    QTest::newRow("missing columns") << QByteArray("pupil id,pupil name,school\nP-1,Léa,École\n") << 0
                                     << Errors{u("1:missing_column")} << u("utf-8");
    QTest::newRow("missing field, blank cells")
        << en + QByteArray("P-1,Léa,École,CM1,Marie,06\n,Noé,École,CE2,Paul,07\nP-3,Ana,École,   ,Luc,09\n") << 0
        << Errors{u("3:missing_field"), u("4:missing_field")} << u("utf-8");
    QTest::newRow("short record") << en + QByteArray("P-1,Léa,École\n") << 0 << Errors{u("2:missing_field")}
                                  << u("utf-8");
    QTest::newRow("undecodable line in a UTF-8 file") << en
            + QByteArray("P-1,Léa,École,CM1,Marie,06\nP-2,No\xFF\xFE,École,CE2,Paul,07\nP-3,Zoé,École,CM1,Hélène,08\n")
                                                      << 0 << Errors{u("3:undecodable")} << u("utf-8");
    QTest::newRow("undefined byte in a Windows-1252 file")
        << en + QByteArray("P-1,L\xE9\x61,\xC9\x63ole,CM1,Marie,06\nP-2,No\x81,Ecole,CE2,Paul,07\n") << 0
        << Errors{u("3:undecodable")} << u("windows-1252");
    QTest::newRow("unclosed quote") << en + QByteArray("P-1,Léa,École,CM1,Marie,06\nP-2,\"Noé,École,CE2,Paul,07\n") << 0
                                    << Errors{u("3:unterminated_quote")} << u("utf-8");
    QTest::newRow("too many fields") << en + QByteArray("P-1,Martin, Léa,École,CM1,Marie,06\n") << 0
                                     << Errors{u("2:field_count")} << u("utf-8");
    QTest::newRow("several errors, in line order")
        << en
            + QByteArray("P-1,Léa,École,CM1,Marie,06\nP-1,Léa,École,CM1,Marie,06\n\nKNOWN-1,a,b,c,d,e\nP-4,,b,c,d,e\n")
        << 0 << Errors{u("3:duplicate_in_file"), u("5:already_known"), u("6:missing_field")} << u("utf-8");
}

void TestDeskImport::reportsEachFile()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, imported);
    QFETCH(Errors, errors);
    QFETCH(QString, encoding);
    static int table = 0;
    const QString db = newDesk(QStringLiteral("desk-%1").arg(++table));
    QVERIFY(!db.isEmpty());
    const QString file = write(QStringLiteral("pupils.csv"), bytes);
    const Run r = etabli(db, {QStringLiteral("--json"), QStringLiteral("desk"), QStringLiteral("import"), file});
    const QJsonObject report = r.json.object();
    QCOMPARE(report.value(QStringLiteral("encoding")).toString(), encoding);
    Errors got;
    for (const QJsonValue &e : report.value(QStringLiteral("errors")).toArray()) {
        got << QStringLiteral("%1:%2")
                   .arg(e.toObject().value(QStringLiteral("line")).toInt())
                   .arg(e.toObject().value(QStringLiteral("detail")).toString());
        QVERIFY(!e.toObject().value(QStringLiteral("reason")).toString().isEmpty());
    }
    QCOMPARE(got, errors);
    QCOMPARE(report.value(QStringLiteral("imported")).toInt(), imported);
    QCOMPARE(r.code, errors.isEmpty() ? 0 : 2);
    // What the store holds: the known pupil plus exactly what was imported.
    auto store = Store::open(db, {QStringLiteral("check"), QStringLiteral("w")});
    QVERIFY(store.ok());
    QCOMPARE(BeneficiaryImport::beneficiaries(**store).size(), 1 + imported);
    QCOMPARE((*store)->eventCount(), 1 + imported);
}

void TestDeskImport::nothingIsStoredWithAnyError()
{
    const QString db = newDesk(QStringLiteral("all-or-nothing"));
    QByteArray bytes(kHeaderEn);
    for (int i = 1; i <= 500; ++i)
        bytes += QStringLiteral("P-%1,Élève %1,École,CM1,Parent %1,06\n").arg(i).toUtf8();
    bytes += "P-501,Dernier,École,CM1,,06\n"; // the very last line is bad
    const Run r = etabli(db,
                         {QStringLiteral("--json"), QStringLiteral("desk"), QStringLiteral("import"),
                          write(QStringLiteral("bad-last.csv"), bytes)});
    QCOMPARE(r.code, 2);
    QCOMPARE(r.json.object().value(QStringLiteral("imported")).toInt(), 0);
    QCOMPARE(r.json.object().value(QStringLiteral("valid")).toInt(), 500);
    auto store = Store::open(db, {QStringLiteral("check"), QStringLiteral("w")});
    QVERIFY(store.ok());
    QCOMPARE(BeneficiaryImport::beneficiaries(**store).size(), 1);
    QCOMPARE((*store)->eventCount(), 1);
    QCOMPARE((*store)->unpushedCount(), 1);
}

void TestDeskImport::dryRunStoresNothing()
{
    const QString db = newDesk(QStringLiteral("dry"));
    const QString file
        = write(QStringLiteral("dry.csv"), QByteArray(kHeaderEn) + QByteArray("P-1,Léa,École,CM1,Marie,06\n"));
    const Run dry = etabli(db,
                           {QStringLiteral("--json"), QStringLiteral("desk"), QStringLiteral("import"), file,
                            QStringLiteral("--dry-run")});
    QCOMPARE(dry.code, 0);
    QCOMPARE(dry.json.object().value(QStringLiteral("imported")).toInt(), 0);
    QCOMPARE(dry.json.object().value(QStringLiteral("valid")).toInt(), 1);
    const Run real = etabli(db, {QStringLiteral("--json"), QStringLiteral("desk"), QStringLiteral("import"), file});
    QCOMPARE(real.code, 0);
    QCOMPARE(real.json.object().value(QStringLiteral("imported")).toInt(), 1);
}

void TestDeskImport::tenThousandRows()
{
    const QString db = newDesk(QStringLiteral("big"));
    QString text = QString::fromUtf8("Identifiant;Élève;École;Classe;Responsable;Contact\r\n");
    for (int i = 1; i <= 10000; ++i)
        text += QStringLiteral("E%1;Élève %1;École n°%2;%3;Parent %1;\"06 %1\r\nrue %1\"\r\n")
                    .arg(i, 5, 10, QLatin1Char('0'))
                    .arg(i % 40)
                    .arg(i % 2 ? QStringLiteral("CE2") : QStringLiteral("CM1"));
    const QString file = write(QStringLiteral("big.csv"), cp1252(text));
    QElapsedTimer t;
    t.start();
    const Run r = etabli(db, {QStringLiteral("--json"), QStringLiteral("desk"), QStringLiteral("import"), file});
    const qint64 ms = t.elapsed();
    qInfo("10,000 pupils (Windows-1252, ;, a quoted line break each) imported in %lld ms", ms);
    QVERIFY2(r.code == 0, r.err.constData());
    QCOMPARE(r.json.object().value(QStringLiteral("imported")).toInt(), 10000);
    QCOMPARE(r.json.object().value(QStringLiteral("encoding")).toString(), QStringLiteral("windows-1252"));
    auto store = Store::open(db, {QStringLiteral("check"), QStringLiteral("w")});
    QVERIFY(store.ok());
    const auto people = BeneficiaryImport::beneficiaries(**store);
    QCOMPARE(people.size(), 10001);
    QCOMPARE(people.first().reference, QStringLiteral("E00001"));
    QCOMPARE(people.first().school, QString::fromUtf8("École n°1"));
    QCOMPARE(people.first().contact, QStringLiteral("06 00001 rue 00001")); // one line: spaces simplified
    // Every line number of a second, broken copy points at the right record (two
    // physical lines per record): the duplicate of E05000 is on line 2 + 2 × 10000.
    text += QStringLiteral("E05000;Double;École;CM1;Parent;06\r\n");
    const Run again = etabli(db,
                             {QStringLiteral("--json"), QStringLiteral("desk"), QStringLiteral("import"),
                              write(QStringLiteral("big2.csv"), cp1252(text))});
    QCOMPARE(again.code, 2);
    const QJsonArray errors = again.json.object().value(QStringLiteral("errors")).toArray();
    QCOMPARE(errors.size(), 10001); // every pupil already known, and the duplicate
    QCOMPARE(errors.last().toObject().value(QStringLiteral("line")).toInt(), 2 + 2 * 10000);
    QCOMPARE(errors.last().toObject().value(QStringLiteral("detail")).toString(), QStringLiteral("duplicate_in_file"));
    QCOMPARE(errors.at(4999).toObject().value(QStringLiteral("line")).toInt(), 2 + 2 * 4999);
}

void TestDeskImport::refusedOnABench()
{
    const QString db = m_dir.filePath(QStringLiteral("bench.sqlite"));
    const QString file
        = write(QStringLiteral("bench.csv"), QByteArray(kHeaderEn) + QByteArray("P-1,Léa,École,CM1,Marie,06\n"));
    const Run r = etabli(db, {QStringLiteral("desk"), QStringLiteral("import"), file});
    QCOMPARE(r.code, 4);
    QVERIFY(r.err.contains("desk"));
    auto store = Store::open(db, {QStringLiteral("check"), QStringLiteral("w")});
    QVERIFY(store.ok());
    QCOMPARE((*store)->eventCount(), 0);
    QVERIFY(BeneficiaryImport::beneficiaries(**store).isEmpty());
    // A missing file is "not found".
    QCOMPARE(
        etabli(db, {QStringLiteral("desk"), QStringLiteral("import"), m_dir.filePath(QStringLiteral("nope.csv"))}).code,
        3);
}

void TestDeskImport::listsBeneficiaries()
{
    const QString db = newDesk(QStringLiteral("list"));
    QCOMPARE(etabli(db,
                    {QStringLiteral("desk"), QStringLiteral("import"),
                     write(QStringLiteral("list.csv"),
                           QByteArray(kHeaderEn) + QByteArray("P-9,Léa,=École,CM1,Marie Martin,06\n"))})
                 .code,
             0);
    const Run r = etabli(db, {QStringLiteral("--json"), QStringLiteral("desk"), QStringLiteral("beneficiaries")});
    QCOMPARE(r.code, 0);
    const QJsonArray list = r.json.array();
    QCOMPARE(list.size(), 2);
    const QJsonObject p9 = list.at(1).toObject();
    QCOMPARE(p9.value(QStringLiteral("reference")).toString(), QStringLiteral("P-9"));
    QCOMPARE(p9.value(QStringLiteral("school_id")).toString(), QStringLiteral("P-9"));
    QCOMPARE(p9.value(QStringLiteral("school")).toString(), QString::fromUtf8("=École"));
    QCOMPARE(p9.value(QStringLiteral("class")).toString(), QStringLiteral("CM1"));
    QCOMPARE(p9.value(QStringLiteral("family_name")).toString(), QStringLiteral("Marie Martin"));
    QCOMPARE(p9.value(QStringLiteral("contact")).toString(), QStringLiteral("06"));
}

QTEST_GUILESS_MAIN(TestDeskImport)
#include "tst_deskimport.moc"
