// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "inventory/assettag.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Etabli::Inventory;

/// The `etabli` binary as scripts use it: JSON on stdout, errors on stderr with a
/// non-zero exit code, and a refused command changes nothing.
class TestCli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void addPrintsTheNewAssetAsJson();
    void eventsAsJson();
    void badInputChangesNothing_data();
    void badInputChangesNothing();
    void speaksFrenchWhenAsked();
    void refusesAFileThatIsNotAnInventory();
    // Issue 11, "found when tried as a new user would".
    void refusedWithItsReason_data();
    void refusedWithItsReason();
    void jsonErrorsHaveTheServersShape();
    void newDonorOnlyWhenAsked();
    void helpExplainsEveryCommand();
    void frenchHelpUsesFrenchPlaceholders();

private:
    struct Run {
        int code = -1;
        QByteArray out;
        QByteArray err;
    };
    Run etabli(const QStringList &args, const QString &lang = QStringLiteral("en"));
    QByteArray snapshot();
    QTemporaryDir m_dir;
    QString m_pc;
};

TestCli::Run TestCli::etabli(const QStringList &args, const QString &lang)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("ETABLI_LANG"), lang);
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(ETABLI_CLI),
            QStringList{QStringLiteral("--db"), m_dir.filePath(QStringLiteral("cli.sqlite")),
                        QStringLiteral("--station"), QStringLiteral("bench-t"), QStringLiteral("--worker"),
                        QStringLiteral("tester")}
                + args);
    if (!p.waitForFinished(30000))
        return {};
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

/// Everything a command could change, as one hash: the event log and every asset.
QByteArray TestCli::snapshot()
{
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(etabli({QStringLiteral("events"), QStringLiteral("--json")}).out);
    h.addData(etabli({QStringLiteral("asset"), QStringLiteral("list"), QStringLiteral("--json")}).out);
    h.addData(etabli({QStringLiteral("lot"), QStringLiteral("list"), QStringLiteral("--json")}).out);
    return h.result().toHex();
}

void TestCli::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // --new-donor: since issue 11 an unknown donor is refused unless asked for.
    QCOMPARE(etabli({QStringLiteral("lot"), QStringLiteral("add"), QStringLiteral("L1"), QStringLiteral("--donor"),
                     QStringLiteral("Banque"), QStringLiteral("--new-donor"), QStringLiteral("--expected"),
                     QStringLiteral("5")})
                 .code,
             0);
    const Run pc
        = etabli({QStringLiteral("asset"), QStringLiteral("add"), QStringLiteral("--kind"), QStringLiteral("pc"),
                  QStringLiteral("--lot"), QStringLiteral("L1"), QStringLiteral("--json")});
    QCOMPARE(pc.code, 0);
    m_pc = QJsonDocument::fromJson(pc.out).object().value(QStringLiteral("tag")).toString();
    QVERIFY(AssetTag::parse(m_pc).ok());
}

void TestCli::addPrintsTheNewAssetAsJson()
{
    const Run r
        = etabli({QStringLiteral("asset"), QStringLiteral("add"), QStringLiteral("--kind"), QStringLiteral("screen"),
                  QStringLiteral("--make"), QStringLiteral("Acer"), QStringLiteral("--model"), QStringLiteral("V193"),
                  QStringLiteral("--serial"), QStringLiteral("ETL1"), QStringLiteral("--json")});
    QCOMPARE(r.code, 0);
    QVERIFY(r.err.isEmpty());
    const QJsonObject o = QJsonDocument::fromJson(r.out).object();
    QVERIFY(AssetTag::parse(o.value(QStringLiteral("tag")).toString()).ok());
    QCOMPARE(o.value(QStringLiteral("kind")).toString(), QStringLiteral("screen"));
    QCOMPARE(o.value(QStringLiteral("state")).toString(), QStringLiteral("RECEIVED"));
    QCOMPARE(o.value(QStringLiteral("serial")).toString(), QStringLiteral("ETL1"));
    const Run shown = etabli({QStringLiteral("asset"), QStringLiteral("show"),
                              o.value(QStringLiteral("tag")).toString(), QStringLiteral("--json")});
    QCOMPARE(QJsonDocument::fromJson(shown.out).object().value(QStringLiteral("model")).toString(),
             QStringLiteral("V193"));
}

void TestCli::eventsAsJson()
{
    const Run all = etabli({QStringLiteral("events"), QStringLiteral("--json")});
    QCOMPARE(all.code, 0);
    const QJsonArray events = QJsonDocument::fromJson(all.out).array();
    QVERIFY(events.size() >= 2);
    const QJsonObject first = events.first().toObject();
    for (const char *key : {"uuid", "station", "worker", "time", "type", "payload", "seq"})
        QVERIFY2(first.contains(QLatin1String(key)), key);
    QCOMPARE(first.value(QStringLiteral("type")).toString(), QStringLiteral("lot.added"));
    QCOMPARE(first.value(QStringLiteral("station")).toString(), QStringLiteral("bench-t"));
    const Run since
        = etabli({QStringLiteral("events"), QStringLiteral("--since"), QStringLiteral("1"), QStringLiteral("--json")});
    QCOMPARE(QJsonDocument::fromJson(since.out).array().size(), events.size() - 1);
}

void TestCli::badInputChangesNothing_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message");
    const QString unknown = AssetTag::make(QStringLiteral("ETB"), 4242);
    const QString pc = AssetTag::make(QStringLiteral("ETB"), 1); // made by initTestCase
    QString badCheck = pc;
    badCheck[badCheck.size() - 1] = pc.back() == u'A' ? u'B' : u'A';
    auto row = [](const char *name, QStringList args, int code, const char *message) {
        QTest::newRow(name) << args << code << QString::fromUtf8(message);
    };
    row("unknown tag", {QStringLiteral("asset"), QStringLiteral("move"), unknown, QStringLiteral("TESTING")}, 3,
        "no asset");
    row("wrong check character", {QStringLiteral("asset"), QStringLiteral("move"), badCheck, QStringLiteral("TESTING")},
        2, "check character");
    row("garbled tag", {QStringLiteral("asset"), QStringLiteral("show"), QStringLiteral("B#L-00")}, 2,
        "not an asset tag");
    row("unknown state", {QStringLiteral("asset"), QStringLiteral("move"), pc, QStringLiteral("BROKEN")}, 2,
        "unknown state");
    row("unknown state filter",
        {QStringLiteral("asset"), QStringLiteral("list"), QStringLiteral("--state"), QStringLiteral("X")}, 2,
        "unknown state");
    row("malformed JSON payload",
        {QStringLiteral("asset"), QStringLiteral("record"), pc, QStringLiteral("test.recorded"),
         QStringLiteral("--payload"), QStringLiteral("{\"kind\": \"ram\", \"verdict\": ")},
        2, "malformed JSON");
    row("payload not an object",
        {QStringLiteral("asset"), QStringLiteral("record"), pc, QStringLiteral("test.recorded"),
         QStringLiteral("--payload"), QStringLiteral("[1, 2]")},
        2, "JSON object");
    row("payload of wrong types",
        {QStringLiteral("asset"), QStringLiteral("record"), pc, QStringLiteral("test.recorded"),
         QStringLiteral("--payload"), QStringLiteral("{\"kind\": 3, \"verdict\": \"PASS\"}")},
        2, "must be a string");
    row("forbidden move", {QStringLiteral("asset"), QStringLiteral("move"), pc, QStringLiteral("HANDED_OVER")}, 4,
        "refused");
    row("unmet guard", {QStringLiteral("asset"), QStringLiteral("move"), pc, QStringLiteral("RECYCLED")}, 4, "erased");
    row("unknown kind",
        {QStringLiteral("asset"), QStringLiteral("add"), QStringLiteral("--kind"), QStringLiteral("tablet")}, 2,
        "unknown kind");
    row("unknown lot",
        {QStringLiteral("asset"), QStringLiteral("add"), QStringLiteral("--kind"), QStringLiteral("pc"),
         QStringLiteral("--lot"), QStringLiteral("NOPE")},
        3, "no lot");
    row("duplicate lot", {QStringLiteral("lot"), QStringLiteral("add"), QStringLiteral("L1")}, 4, "already exists");
    row("pre-printed tag already used",
        {QStringLiteral("asset"), QStringLiteral("add"), QStringLiteral("--kind"), QStringLiteral("pc"),
         QStringLiteral("--tag"), pc},
        4, "already used");
    row("unknown option", {QStringLiteral("asset"), QStringLiteral("list"), QStringLiteral("--colour")}, 2, "colour");
    row("unknown command", {QStringLiteral("teleport")}, 2, "unknown command");
    row("bad --since", {QStringLiteral("events"), QStringLiteral("--since"), QStringLiteral("yesterday")}, 2,
        "whole numbers");
}

void TestCli::badInputChangesNothing()
{
    QFETCH(QStringList, args);
    QFETCH(int, code);
    QFETCH(QString, message);
    const QByteArray before = snapshot();
    const Run r = etabli(args);
    QCOMPARE(r.code, code);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(QString::fromUtf8(r.err).contains(message, Qt::CaseInsensitive), r.err.constData());
    QCOMPARE(snapshot(), before);
    // With --json the error is a JSON object on stderr.
    const Run j = etabli(args + QStringList{QStringLiteral("--json")});
    QCOMPARE(j.code, code);
    QVERIFY2(QJsonDocument::fromJson(j.err).object().contains(QStringLiteral("error")), j.err.constData());
}

void TestCli::speaksFrenchWhenAsked()
{
    const QStringList args{QStringLiteral("asset"), QStringLiteral("show"), QStringLiteral("BCL-1")};
    const Run fr = etabli(args, QStringLiteral("fr"));
    QCOMPARE(fr.code, 2);
    QVERIFY2(QString::fromUtf8(fr.err).contains(QStringLiteral("n'est pas une étiquette d'inventaire")),
             fr.err.constData());
    const Run flag = etabli(args + QStringList{QStringLiteral("--lang"), QStringLiteral("fr")});
    QCOMPARE(flag.err, fr.err);
    const Run en = etabli(args);
    QVERIFY2(QString::fromUtf8(en.err).contains(QStringLiteral("is not an asset tag")), en.err.constData());
    // Every module's messages go through the same catalogue (here the imaging engine's).
    const QStringList image{QStringLiteral("image"), QStringLiteral("info"),
                            m_dir.filePath(QStringLiteral("none.qcow2"))};
    const Run frImage = etabli(image, QStringLiteral("fr"));
    QVERIFY(frImage.code != 0);
    QVERIFY2(QString::fromUtf8(frImage.err).contains(QStringLiteral("impossible d'ouvrir le master")),
             frImage.err.constData());
}

void TestCli::refusesAFileThatIsNotAnInventory()
{
    const QString path = m_dir.filePath(QStringLiteral("photo.jpg"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    const QByteArray garbage = QByteArray("\xff\xd8\xff\xe0 not a database ").repeated(200);
    f.write(garbage);
    f.close();
    QProcess p;
    p.start(QStringLiteral(ETABLI_CLI),
            {QStringLiteral("--db"), path, QStringLiteral("asset"), QStringLiteral("list")});
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.exitCode(), 5);
    QVERIFY(!p.readAllStandardError().isEmpty());
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), garbage);
}

void TestCli::refusedWithItsReason_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message");
    const QString pc = AssetTag::make(QStringLiteral("ETB"), 1); // made by initTestCase
    auto row = [](const char *name, QStringList args, int code, const char *message) {
        QTest::newRow(name) << args << code << QString::fromUtf8(message);
    };
    row("HS part off the list",
        {QStringLiteral("asset"), QStringLiteral("record"), pc, QStringLiteral("hs.recorded"),
         QStringLiteral("--payload"), QStringLiteral(R"({"part":"ecran","reason":"other"})")},
        2, "unknown part «ecran» (one of screen, keyboard");
    row("HS reason off the list",
        {QStringLiteral("asset"), QStringLiteral("record"), pc, QStringLiteral("hs.recorded"),
         QStringLiteral("--payload"), QStringLiteral(R"({"part":"screen","reason":"cassé"})")},
        2, "unknown reason «cassé» (one of no_power");
    row("payload key not in the table",
        {QStringLiteral("asset"), QStringLiteral("record"), pc, QStringLiteral("asset.updated"),
         QStringLiteral("--payload"), QStringLiteral(R"({"make":"x","family_name":"Dupont"})")},
        2, "unknown key «family_name»");
    row("byte count not whole",
        {QStringLiteral("asset"), QStringLiteral("record"), pc, QStringLiteral("erasure.recorded"),
         QStringLiteral("--payload"), QStringLiteral(R"({"method":"zeros","verified":true,"bytes":1.5})")},
        2, "«bytes» must be a whole number");
    row("byte count out of range",
        {QStringLiteral("asset"), QStringLiteral("record"), pc, QStringLiteral("erasure.recorded"),
         QStringLiteral("--payload"), QStringLiteral(R"({"method":"zeros","verified":true,"bytes":1e308})")},
        2, "«bytes» must be a whole number");
    row("move to an unknown state names the states",
        {QStringLiteral("asset"), QStringLiteral("move"), pc, QStringLiteral("PRET")}, 2,
        "unknown state «PRET» (one of RECEIVED, TESTING, IN_REPAIR, IMAGED, READY, RESERVED, HANDED_OVER");
    row("unknown verb named", {QStringLiteral("asset"), QStringLiteral("lister")}, 2,
        "unknown verb «lister» for «asset» (one of add, show, list");
    row("unknown lot verb named", {QStringLiteral("lot"), QStringLiteral("ajouter"), QStringLiteral("L9")}, 2,
        "unknown verb «ajouter» for «lot»");
    row("unknown donor",
        {QStringLiteral("lot"), QStringLiteral("add"), QStringLiteral("L2"), QStringLiteral("--donor"),
         QStringLiteral("Inconnu SA")},
        3, "no donor «Inconnu SA» (known: Banque); add --new-donor");
    row("donor with another case",
        {QStringLiteral("lot"), QStringLiteral("add"), QStringLiteral("L2"), QStringLiteral("--donor"),
         QStringLiteral("banque")},
        3, "did you mean «Banque»");
}

void TestCli::refusedWithItsReason()
{
    QFETCH(QStringList, args);
    QFETCH(int, code);
    QFETCH(QString, message);
    const QByteArray before = snapshot();
    const Run r = etabli(args);
    QCOMPARE(r.code, code);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
    QCOMPARE(snapshot(), before);
}

void TestCli::jsonErrorsHaveTheServersShape()
{
    // The server answers {"code","message","detail", "error":{…}}; the CLI prints the same
    // top-level keys and keeps its "error" message and "detail" beside them.
    const QString pc = AssetTag::make(QStringLiteral("ETB"), 1);
    const Run refused = etabli(
        {QStringLiteral("asset"), QStringLiteral("move"), pc, QStringLiteral("RECYCLED"), QStringLiteral("--json")});
    QCOMPARE(refused.code, 4);
    const QJsonObject o = QJsonDocument::fromJson(refused.err).object();
    QCOMPARE(o.value(QStringLiteral("code")).toString(), QStringLiteral("conflict"));
    QCOMPARE(o.value(QStringLiteral("detail")).toString(), QStringLiteral("data_cleared"));
    QVERIFY(!o.value(QStringLiteral("message")).toString().isEmpty());
    QCOMPARE(o.value(QStringLiteral("error")).toString(), o.value(QStringLiteral("message")).toString());
    const Run missing = etabli({QStringLiteral("asset"), QStringLiteral("show"),
                                AssetTag::make(QStringLiteral("ETB"), 4343), QStringLiteral("--json")});
    QCOMPARE(missing.code, 3);
    QCOMPARE(QJsonDocument::fromJson(missing.err).object().value(QStringLiteral("code")).toString(),
             QStringLiteral("not_found"));
    const Run bad = etabli({QStringLiteral("asset"), QStringLiteral("lister"), QStringLiteral("--json")});
    QCOMPARE(QJsonDocument::fromJson(bad.err).object().value(QStringLiteral("code")).toString(),
             QStringLiteral("bad_request"));
}

void TestCli::newDonorOnlyWhenAsked()
{
    const Run made
        = etabli({QStringLiteral("lot"), QStringLiteral("add"), QStringLiteral("L3"), QStringLiteral("--donor"),
                  QStringLiteral("Assurance Nord"), QStringLiteral("--new-donor"), QStringLiteral("--json")});
    QCOMPARE(made.code, 0);
    QCOMPARE(QJsonDocument::fromJson(made.out).object().value(QStringLiteral("donor")).toString(),
             QStringLiteral("Assurance Nord"));
    // Now known: no flag needed.
    QCOMPARE(etabli({QStringLiteral("lot"), QStringLiteral("add"), QStringLiteral("L4"), QStringLiteral("--donor"),
                     QStringLiteral("Assurance Nord")})
                 .code,
             0);
    const QJsonArray donors
        = QJsonDocument::fromJson(
              etabli({QStringLiteral("donor"), QStringLiteral("list"), QStringLiteral("--json")}).out)
              .array();
    QStringList names;
    for (const QJsonValue &d : donors)
        names << d.toObject().value(QStringLiteral("name")).toString();
    QVERIFY2(!names.contains(QStringLiteral("Inconnu SA")), qPrintable(names.join(u',')));
    QVERIFY(names.contains(QStringLiteral("Assurance Nord")));
}

void TestCli::helpExplainsEveryCommand()
{
    const Run help = etabli({QStringLiteral("help")});
    QCOMPARE(help.code, 0);
    const QString text = QString::fromUtf8(help.out);
    for (const char *noun : {"config", "donor", "lot", "asset", "events", "probe", "test", "image", "label", "sync"}) {
        // "noun: one line", then the verbs.
        const QRegularExpression line(QStringLiteral("^%1: \\S.{8,}$").arg(QLatin1String(noun)),
                                      QRegularExpression::MultilineOption);
        QVERIFY2(line.match(text).hasMatch(), noun);
    }
}

void TestCli::frenchHelpUsesFrenchPlaceholders()
{
    const Run help = etabli({QStringLiteral("help")}, QStringLiteral("fr"));
    QCOMPARE(help.code, 0);
    const QString text = QString::fromUtf8(help.out);
    QVERIFY2(text.contains(QStringLiteral("les entreprises qui donnent les PC")), help.out.constData());
    // One French word per placeholder, in every line: NOM, FICHIER, CHEMIN, DOSSIER, RÉF, ÉTAT…
    const QRegularExpression english(
        QStringLiteral("\\b(NAME|FILE|PATH|DIR|HOST|REF|STATE|KEY|VALUE|TARGET|NOUN|VERB|BASENAME)\\b"));
    const auto m = english.match(text);
    QVERIFY2(!m.hasMatch(), qPrintable(m.captured(0) + QStringLiteral(" in: ") + text));
    for (const char *word : {"NOM", "FICHIER", "CHEMIN", "DOSSIER", "RÉF", "ÉTAT"})
        QVERIFY2(text.contains(QString::fromUtf8(word)), word);
    // The same words in the usage of a command.
    const Run usage = etabli({QStringLiteral("donor")}, QStringLiteral("fr"));
    QVERIFY2(QString::fromUtf8(usage.err).contains(QStringLiteral("donor add NOM")), usage.err.constData());
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
