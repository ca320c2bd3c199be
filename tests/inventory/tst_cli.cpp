// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "inventory/assettag.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
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
    QCOMPARE(etabli({QStringLiteral("lot"), QStringLiteral("add"), QStringLiteral("L1"), QStringLiteral("--donor"),
                     QStringLiteral("Banque"), QStringLiteral("--expected"), QStringLiteral("5")})
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

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
