// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
//
// The distribution desk end to end against a real etabli-server process: a bench's
// READY assets reach the desk by sync; a bad CSV is refused whole, a good one imported;
// vouchers; a full kit handed over from simulated scanner bursts (ScanDetector turns the
// key timings into codes); a double handover, a wrong family, an asset not ready and a
// garbled scan refused with nothing changed; a return with a swap; then the states and
// events checked on the server. Offline: the server stopped during handovers and
// restarted; every handover arrives once.
#include "app/ui/scandetector.h"
#include "inventory/assettag.h"
#include "inventory/eventrules.h"
#include "inventory/store.h"
#include "testserver.h"

#include <QSignalSpy>
#include <QTest>

using namespace TestServer;
using namespace Etabli;
using namespace Etabli::Inventory;

namespace {

QString tag(int n)
{
    return AssetTag::make(QStringLiteral("BCL"), n);
}

/// A scanner's burst (6 ms a key, then Enter) through the detector; returns what it read.
QString scanBurst(Ui::ScanDetector &d, const QString &keys, qint64 &clock, bool *garbled = nullptr)
{
    QString code;
    bool bad = false;
    auto c1 = QObject::connect(&d, &Ui::ScanDetector::scanned, [&](const QString &s) { code = s; });
    auto c2 = QObject::connect(&d, &Ui::ScanDetector::garbledScan, [&](const QString &raw) {
        code = raw;
        bad = true;
    });
    clock += 2000; // the worker picks up the next item
    for (QChar c : keys) {
        d.feedKeyAt(0, QString(c), clock);
        clock += 6;
    }
    d.feedKeyAt(Qt::Key_Return, QStringLiteral("\r"), clock);
    QObject::disconnect(c1);
    QObject::disconnect(c2);
    if (garbled)
        *garbled = bad;
    return code;
}

} // namespace

class TestDeskEndToEnd : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase() { m_server.kill(); }
    void importRefusesABadFileWhole();
    void vouchers();
    void fullKitByScannerBursts();
    void refusalsChangeNothing();
    void returnWithSwap();
    void offlineHandoversArriveOnce();

private:
    int etabli(const QStringList &args, QString *out = nullptr, QString *err = nullptr);
    int etabliOn(const QString &db, const QString &station, const QStringList &args);
    QString serverState(const QString &t);
    int serverCount(const QString &type);
    QString voucherOf(const QString &ref);

    QTemporaryDir m_dir;
    ServerProcess m_server;
    QString m_bench, m_desk, m_boss;
    QString m_deskDb;
    QMap<QString, QString> m_vouchers;
};

int TestDeskEndToEnd::etabli(const QStringList &args, QString *out, QString *err)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("ETABLI_LANG"), QStringLiteral("en"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(ETABLI_CLI),
            QStringList{QStringLiteral("--db"), m_deskDb, QStringLiteral("--station"), QStringLiteral("desk-1"),
                        QStringLiteral("--worker"), QStringLiteral("Nadia")}
                + args);
    if (!p.waitForFinished(60000))
        return -1;
    if (out)
        *out = QString::fromUtf8(p.readAllStandardOutput());
    if (err)
        *err = QString::fromUtf8(p.readAllStandardError());
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

int TestDeskEndToEnd::etabliOn(const QString &db, const QString &station, const QStringList &args)
{
    return run(QStringLiteral(ETABLI_CLI),
               QStringList{QStringLiteral("--db"), db, QStringLiteral("--station"), station} + args);
}

QString TestDeskEndToEnd::serverState(const QString &t)
{
    const Reply r = http(m_server.url(), "GET", QStringLiteral("/api/v1/assets/") + t, m_desk);
    return r.json().value(QStringLiteral("state")).toString();
}

int TestDeskEndToEnd::serverCount(const QString &type)
{
    const Reply r = http(m_server.url(), "GET", QStringLiteral("/api/v1/events?since=0&limit=5000"), m_desk);
    QSet<QString> uuids;
    for (const QJsonValue &v : r.json().value(QStringLiteral("events")).toArray())
        if (v.toObject().value(QStringLiteral("type")).toString() == type)
            uuids.insert(v.toObject().value(QStringLiteral("uuid")).toString());
    return int(uuids.size());
}

QString TestDeskEndToEnd::voucherOf(const QString &ref)
{
    return m_vouchers.value(ref);
}

void TestDeskEndToEnd::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_server.db = QStringLiteral("sqlite:") + m_dir.filePath(QStringLiteral("server.sqlite"));
    m_bench = ServerProcess::createToken(m_server.db, QStringLiteral("station"), QStringLiteral("bench-1"));
    m_desk = ServerProcess::createToken(m_server.db, QStringLiteral("desk"), QStringLiteral("desk-1"));
    QVERIFY(!m_bench.isEmpty() && !m_desk.isEmpty());
    QVERIFY2(m_server.start(), qPrintable(m_server.output));
    // A bench made these READY: 1–5 a kit, 6 a PC still TESTING, 7 the swap's PC,
    // 8–10 a second kit (offline), 11 a PC reserved on the server for P-3.
    QJsonArray events{
        eventJson(QStringLiteral("lot.added"), {}, {{QStringLiteral("reference"), QStringLiteral("L1")}})};
    const QList<QPair<int, const char *>> assets{{1, "pc"},       {2, "screen"},    {3, "keyboard"}, {4, "mouse"},
                                                 {5, "speakers"}, {6, "pc"},        {7, "pc"},       {8, "pc"},
                                                 {9, "screen"},   {10, "speakers"}, {11, "pc"},      {12, "pc"}};
    for (const auto &[n, kind] : assets) {
        events.append(eventJson(QStringLiteral("asset.added"), tag(n),
                                {{QStringLiteral("tag"), tag(n)},
                                 {QStringLiteral("kind"), QLatin1String(kind)},
                                 {QStringLiteral("lot"), QStringLiteral("L1")}}));
        events.append(eventJson(
            QStringLiteral("asset.moved"), tag(n),
            {{QStringLiteral("from"), QStringLiteral("RECEIVED")}, {QStringLiteral("to"), QStringLiteral("TESTING")}}));
        if (n != 6)
            events.append(eventJson(QStringLiteral("asset.moved"), tag(n),
                                    {{QStringLiteral("from"), QStringLiteral("TESTING")},
                                     {QStringLiteral("to"), QStringLiteral("READY")}}));
    }
    const Reply pushed = http(m_server.url(), "POST", QStringLiteral("/api/v1/events"), m_bench,
                              QJsonDocument(QJsonObject{{QStringLiteral("events"), events}}).toJson());
    QVERIFY2(pushed.status == 200, pushed.body.constData());
    m_deskDb = m_dir.filePath(QStringLiteral("desk.sqlite"));
    QCOMPARE(etabli({QStringLiteral("sync"), QStringLiteral("--server"), m_server.url(), QStringLiteral("--token"),
                     m_desk, QStringLiteral("--desk")}),
             0);
    QCOMPARE(serverState(tag(1)), QStringLiteral("READY"));
}

void TestDeskEndToEnd::importRefusesABadFileWhole()
{
    const QString bad = m_dir.filePath(QStringLiteral("bad.csv"));
    const QString good = m_dir.filePath(QStringLiteral("good.csv"));
    const QByteArray header = "pupil id;pupil name;school;class;parent name;parent contact\r\n";
    const QByteArray rows = "P-1;Léa Martin;Jaurès;CM1;Sophie Martin;06 11\r\n"
                            "P-2;Omar Benali;Jaurès;CE2;Karim Benali;06 22\r\n"
                            "P-3;Inès Dupont;Jaurès;CM1;Marc Dupont;06 33\r\n"
                            "P-4;Noé Petit;Jaurès;CE2;Anne Petit;06 44\r\n";
    const QList<std::pair<QString, QByteArray>> files{
        {bad, header + rows + QByteArray("P-2;Doublon;Jaurès;CM1;X;07\r\n")}, {good, header + rows}};
    for (const auto &[path, bytes] : files) {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes);
    }
    QCOMPARE(etabli({QStringLiteral("desk"), QStringLiteral("import"), bad}), 2);
    QCOMPARE(etabli({QStringLiteral("sync")}), 0);
    QCOMPARE(http(m_server.url(), "GET", QStringLiteral("/api/v1/beneficiaries"), m_desk).array().size(), 0);
    QCOMPARE(etabli({QStringLiteral("desk"), QStringLiteral("import"), good}), 0);
    QCOMPARE(etabli({QStringLiteral("sync")}), 0);
    const Reply people = http(m_server.url(), "GET", QStringLiteral("/api/v1/beneficiaries"), m_desk);
    QCOMPARE(people.array().size(), 4);
    QVERIFY(people.body.contains("Inès Dupont") || people.body.contains("Marc Dupont"));
    // P-3's PC was reserved for P-3 (the server's record of it).
    const Reply reserve = http(
        m_server.url(), "POST", QStringLiteral("/api/v1/events"), m_desk,
        QJsonDocument(QJsonObject{{QStringLiteral("events"),
                                   QJsonArray{eventJson(QStringLiteral("asset.moved"), tag(11),
                                                        {{QStringLiteral("from"), QStringLiteral("READY")},
                                                         {QStringLiteral("to"), QStringLiteral("RESERVED")},
                                                         {QStringLiteral("beneficiary"), QStringLiteral("P-3")}})}}})
            .toJson());
    QVERIFY2(reserve.status == 200, reserve.body.constData());
    QCOMPARE(etabli({QStringLiteral("sync")}), 0);
}

void TestDeskEndToEnd::vouchers()
{
    QString out;
    const QString pdf = m_dir.filePath(QStringLiteral("vouchers.pdf"));
    QCOMPARE(etabli({QStringLiteral("--json"), QStringLiteral("desk"), QStringLiteral("vouchers"),
                     QStringLiteral("--school"), QStringLiteral("Jaurès"), QStringLiteral("-o"), pdf},
                    &out),
             0);
    for (const QJsonValue &v :
         QJsonDocument::fromJson(out.toUtf8()).object().value(QStringLiteral("vouchers")).toArray())
        m_vouchers.insert(v.toObject().value(QStringLiteral("beneficiary")).toString(),
                          v.toObject().value(QStringLiteral("voucher")).toString());
    QCOMPARE(m_vouchers.size(), 4);
    QCOMPARE(etabli({QStringLiteral("sync")}), 0);
    QCOMPARE(serverCount(QStringLiteral("voucher.issued")), 4);
}

void TestDeskEndToEnd::fullKitByScannerBursts()
{
    Ui::ScanDetector detector;
    qint64 clock = 0;
    QStringList args{QStringLiteral("desk"), QStringLiteral("handover"),
                     scanBurst(detector, voucherOf(QStringLiteral("P-1")), clock)};
    for (int n = 1; n <= 5; ++n)
        args << scanBurst(detector, tag(n).toLower(), clock); // a scanner without Caps: still the tag
    QCOMPARE(args.at(2), voucherOf(QStringLiteral("P-1")));
    args << QStringLiteral("--witness") << QStringLiteral("Nadia");
    QString err;
    QCOMPARE(etabli(args, nullptr, &err), 0);
    QCOMPARE(etabli({QStringLiteral("sync")}), 0);
    for (int n = 1; n <= 5; ++n)
        QCOMPARE(serverState(tag(n)), QStringLiteral("HANDED_OVER"));
    QCOMPARE(serverCount(QStringLiteral("handover.recorded")), 1);
}

void TestDeskEndToEnd::refusalsChangeNothing()
{
    Ui::ScanDetector detector;
    qint64 clock = 0;
    // A QWERTY scanner on the AZERTY desk: the detector names it; the CLI refuses it too.
    const QString digitRow = QStringLiteral("à&é\"'(-è_ç");
    QString keys;
    for (QChar c : tag(8))
        keys += c.isDigit() ? digitRow.at(c.unicode() - u'0') : c == u'-' ? QChar(u')') : c;
    bool garbled = false;
    const QString raw = scanBurst(detector, keys, clock, &garbled);
    QVERIFY(garbled);
    const int before = serverCount(QStringLiteral("asset.moved"));
    const QString v2 = voucherOf(QStringLiteral("P-2"));
    const QList<QPair<QStringList, int>> refusals{
        {{v2, tag(1), tag(5)}, 4}, // double handover
        {{v2, tag(11)}, 4}, // reserved for another family
        {{v2, tag(6)}, 4}, // not ready
        {{v2, raw}, 2}, // garbled
    };
    for (const auto &[tags, code] : refusals) {
        QString err;
        QCOMPARE(etabli(QStringList{QStringLiteral("desk"), QStringLiteral("handover")} + tags
                            + QStringList{QStringLiteral("--witness"), QStringLiteral("Nadia")},
                        nullptr, &err),
                 code);
    }
    QCOMPARE(etabli({QStringLiteral("sync")}), 0);
    QCOMPARE(serverCount(QStringLiteral("asset.moved")), before);
    QCOMPARE(serverState(tag(6)), QStringLiteral("TESTING"));
    QCOMPARE(serverState(tag(11)), QStringLiteral("RESERVED"));
    QCOMPARE(serverCount(QStringLiteral("handover.recorded")), 1);
}

void TestDeskEndToEnd::returnWithSwap()
{
    QCOMPARE(etabli({QStringLiteral("desk"), QStringLiteral("return"), tag(1), QStringLiteral("--reason"),
                     QStringLiteral("no_boot"), QStringLiteral("--swap"), tag(7)}),
             0);
    QCOMPARE(etabli({QStringLiteral("sync")}), 0);
    QCOMPARE(serverState(tag(1)), QStringLiteral("RETURNED"));
    QCOMPARE(serverState(tag(7)), QStringLiteral("HANDED_OVER"));
    QCOMPARE(serverCount(QStringLiteral("return.recorded")), 1);
    QCOMPARE(serverCount(QStringLiteral("handover.recorded")), 2);
}

void TestDeskEndToEnd::offlineHandoversArriveOnce()
{
    // A second desk, synced while the server is up.
    const QString desk2 = m_dir.filePath(QStringLiteral("desk2.sqlite"));
    QCOMPARE(etabliOn(desk2, QStringLiteral("desk-2"),
                      {QStringLiteral("sync"), QStringLiteral("--server"), m_server.url(), QStringLiteral("--token"),
                       m_desk, QStringLiteral("--desk")}),
             0);
    m_server.kill(); // the server is gone during the handovers
    QCOMPARE(etabli({QStringLiteral("desk"), QStringLiteral("handover"), voucherOf(QStringLiteral("P-2")), tag(8),
                     tag(9), tag(10), QStringLiteral("--witness"), QStringLiteral("Nadia")}),
             0); // queued locally
    QCOMPARE(
        etabli({QStringLiteral("desk"), QStringLiteral("grant"), QStringLiteral("request"), QStringLiteral("P-2")}), 0);
    // Both desks, offline, hand the same PC over to two families.
    QCOMPARE(etabli({QStringLiteral("desk"), QStringLiteral("handover"), voucherOf(QStringLiteral("P-3")), tag(12),
                     QStringLiteral("--witness"), QStringLiteral("Nadia"), QStringLiteral("--confirm"),
                     QStringLiteral("no_speakers")}),
             0);
    QCOMPARE(etabliOn(desk2, QStringLiteral("desk-2"),
                      {QStringLiteral("desk"), QStringLiteral("handover"), voucherOf(QStringLiteral("P-4")), tag(12),
                       QStringLiteral("--witness"), QStringLiteral("Paul"), QStringLiteral("--confirm"),
                       QStringLiteral("no_speakers")}),
             0);
    QCOMPARE(etabli({QStringLiteral("sync")}), 6); // the server cannot be reached
    QVERIFY2(m_server.start(), qPrintable(m_server.output)); // same database, same port
    QCOMPARE(etabli({QStringLiteral("sync")}), 0);
    QCOMPARE(etabli({QStringLiteral("sync")}), 0); // a second push sends nothing twice
    QCOMPARE(serverState(tag(8)), QStringLiteral("HANDED_OVER"));
    QCOMPARE(serverCount(QStringLiteral("handover.recorded")), 4);
    QCOMPARE(serverCount(QStringLiteral("grant.requested")), 1);
    QVERIFY(http(m_server.url(), "GET", QStringLiteral("/api/v1/desk/conflicts"), m_desk).array().isEmpty());

    // The second desk syncs last: its handover of the same PC loses and is listed.
    QCOMPARE(etabliOn(desk2, QStringLiteral("desk-2"), {QStringLiteral("sync")}), 0);
    const Reply conflicts = http(m_server.url(), "GET", QStringLiteral("/api/v1/desk/conflicts"), m_desk);
    QCOMPARE(conflicts.status, 200);
    QVERIFY2(!conflicts.array().isEmpty(), conflicts.body.constData());
    for (const QJsonValue &v : conflicts.array()) {
        const QJsonObject c = v.toObject();
        QCOMPARE(c.value(QStringLiteral("asset_tag")).toString(), tag(12));
        QCOMPARE(c.value(QStringLiteral("beneficiary")).toString(), QStringLiteral("P-4"));
        QCOMPARE(c.value(QStringLiteral("holder")).toString(), QStringLiteral("P-3"));
        QCOMPARE(c.value(QStringLiteral("station")).toString(), QStringLiteral("desk-2"));
    }
    QCOMPARE(http(m_server.url(), "GET", QStringLiteral("/api/v1/desk/conflicts"), m_bench).status, 403);
    // The second desk adopts the server's order: the PC is P-3's there too.
    auto store2 = Store::open(desk2, {QStringLiteral("desk-2"), QStringLiteral("t")});
    QVERIFY(store2);
    QCOMPARE((*store2)->asset(tag(12))->reservedFor, QStringLiteral("P-3"));

    // Family data never reaches a bench: a bench that syncs now gets none of the desk's types.
    const QString bench = m_dir.filePath(QStringLiteral("bench.sqlite"));
    QCOMPARE(etabliOn(bench, QStringLiteral("bench-1"),
                      {QStringLiteral("sync"), QStringLiteral("--server"), m_server.url(), QStringLiteral("--token"),
                       m_bench}),
             0);
    auto benchStore = Store::open(bench, {QStringLiteral("bench-1"), QStringLiteral("t")});
    QVERIFY(benchStore);
    QCOMPARE(toString((*benchStore)->asset(tag(12))->state), QStringLiteral("HANDED_OVER"));
    int familyEvents = 0;
    for (const Event &e : (*benchStore)->events()) {
        if (EventRules::isFamilyData(e.type))
            ++familyEvents;
        QVERIFY(!e.payload.contains(QStringLiteral("witness")) && !e.payload.contains(QStringLiteral("signature")));
    }
    QCOMPARE(familyEvents, 0);
    QVERIFY((*benchStore)->eventCount() > 30);
}

QTEST_GUILESS_MAIN(TestDeskEndToEnd)
#include "tst_desk_e2e.moc"
