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
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>
#include <QUrlQuery>
#include <QUuid>

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
    void cleanupTestCase()
    {
        m_server.kill();
        m_pg.stop();
    }
    void importRefusesABadFileWhole();
    void vouchers();
    void fullKitByScannerBursts();
    void refusalsChangeNothing();
    void returnWithSwap();
    void offlineHandoversArriveOnce();
    // deskserver: the server's projections, the cross-desk grant rules, the audit, the erasure
    void serverKeepsTheFamilysRecords();
    void grantRulesHoldAcrossDesks();
    void erasureReachesTheServerLog();

private:
    bool databaseMentions(const QString &text);
    Reply pushAs(const QString &station, const QString &type, const QJsonObject &payload);
    int etabli(const QStringList &args, QString *out = nullptr, QString *err = nullptr);
    int etabliOn(const QString &db, const QString &station, const QStringList &args);
    QString serverState(const QString &t);
    int serverCount(const QString &type);
    QString voucherOf(const QString &ref);

    QTemporaryDir m_dir;
    PgCluster m_pg; // deskserver: ETABLI_SERVER_BACKEND=postgresql (tst_desk_e2e_postgresql)
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
    if (qEnvironmentVariable("ETABLI_SERVER_BACKEND") == QLatin1String("postgresql")) {
        QVERIFY2(m_pg.start(), qPrintable(m_pg.error));
        m_server.db = m_pg.createDatabase(QStringLiteral("etabli_desk"));
        QVERIFY(!m_server.db.isEmpty());
    } else {
        m_server.db = QStringLiteral("sqlite:") + m_dir.filePath(QStringLiteral("server.sqlite"));
    }
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

Reply TestDeskEndToEnd::pushAs(const QString &station, const QString &type, const QJsonObject &payload)
{
    QJsonObject e = eventJson(type, {}, payload);
    e.insert(QStringLiteral("station"), station);
    return http(m_server.url(), "POST", QStringLiteral("/api/v1/events"), m_desk,
                QJsonDocument(QJsonObject{{QStringLiteral("events"), QJsonArray{e}}}).toJson());
}

/// Whether any text column of any table of the server's database holds `text` (SQL, on
/// SQLite and PostgreSQL alike).
bool TestDeskEndToEnd::databaseMentions(const QString &text)
{
    const QString name = QStringLiteral("mentions-%1").arg(QUuid::createUuid().toString(QUuid::Id128));
    bool found = false;
    {
        QSqlDatabase c;
        QString tablesSql;
        if (m_server.db.startsWith(QLatin1String("sqlite:"))) {
            c = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            c.setDatabaseName(m_server.db.mid(7));
            tablesSql = QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table'");
        } else {
            const QUrl url(m_server.db);
            c = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
            c.setHostName(QUrlQuery(url).queryItemValue(QStringLiteral("host")));
            c.setPort(url.port());
            c.setUserName(url.userName());
            c.setDatabaseName(url.path().mid(1));
            tablesSql
                = QStringLiteral("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'");
        }
        if (!c.open())
            return true; // unreadable counts as found: the test fails loudly
        QStringList tables;
        QSqlQuery t(c);
        t.exec(tablesSql);
        while (t.next())
            tables << t.value(0).toString();
        if (tables.size() < 10)
            return true;
        for (const QString &table : std::as_const(tables)) {
            QSqlQuery q(c);
            q.exec(QStringLiteral("SELECT * FROM \"%1\"").arg(table));
            while (q.next() && !found)
                for (int i = 0; i < q.record().count(); ++i)
                    if (q.value(i).toString().contains(text))
                        found = true;
        }
    }
    QSqlDatabase::removeDatabase(name);
    return found;
}

// deskserver: a second desk (or this one after a reinstall) reads a family's records from the
// server: the names, the voucher, the kit and the swap, the return; a station token cannot.
void TestDeskEndToEnd::serverKeepsTheFamilysRecords()
{
    const Reply r = http(m_server.url(), "GET", QStringLiteral("/api/v1/desk/beneficiaries/P-1"), m_desk);
    QCOMPARE(r.status, 200);
    const QJsonObject b = r.json();
    QCOMPARE(b.value(QStringLiteral("pupil_name")).toString(), QStringLiteral("Léa Martin"));
    QCOMPARE(b.value(QStringLiteral("parent_name")).toString(), QStringLiteral("Sophie Martin"));
    QCOMPARE(b.value(QStringLiteral("vouchers")).toArray().size(), 1);
    QCOMPARE(b.value(QStringLiteral("vouchers")).toArray().at(0).toObject().value(QStringLiteral("voucher")).toString(),
             voucherOf(QStringLiteral("P-1")));
    const QJsonArray handovers = b.value(QStringLiteral("handovers")).toArray();
    QCOMPARE(handovers.size(), 2); // the kit and the swap
    QCOMPARE(handovers.at(0).toObject().value(QStringLiteral("tags")).toArray().size(), 5);
    QCOMPARE(handovers.at(0).toObject().value(QStringLiteral("station")).toString(), QStringLiteral("desk-1"));
    QCOMPARE(handovers.at(0).toObject().value(QStringLiteral("warranty_end")).toString(),
             QDateTime::currentDateTimeUtc().date().addYears(3).toString(Qt::ISODate));
    const QJsonArray returns = b.value(QStringLiteral("returns")).toArray();
    QCOMPARE(returns.size(), 1);
    QCOMPARE(returns.at(0).toObject().value(QStringLiteral("tag")).toString(), tag(1));
    QCOMPARE(returns.at(0).toObject().value(QStringLiteral("swap_tag")).toString(), tag(7));
    QCOMPARE(http(m_server.url(), "GET", QStringLiteral("/api/v1/desk/beneficiaries/P-1"), m_bench).status, 403);
    QCOMPARE(http(m_server.url(), "GET", QStringLiteral("/api/v1/desk/beneficiaries/NOPE-9"), m_desk).status, 404);

    // The same through the CLI of a freshly installed desk, which has nothing locally.
    QString out;
    QCOMPARE(etabli({QStringLiteral("desk"), QStringLiteral("family"), QStringLiteral("P-1"),
                     QStringLiteral("--server"), m_server.url(), QStringLiteral("--token"), m_desk},
                    &out),
             0);
    QCOMPARE(QJsonDocument::fromJson(out.toUtf8()).object().value(QStringLiteral("handovers")).toArray().size(), 2);

    // Every view is audited on the server: who (the token), what, when.
    QString audit;
    QCOMPARE(etabli({QStringLiteral("--json"), QStringLiteral("desk"), QStringLiteral("audit"),
                     QStringLiteral("--server"), m_server.url(), QStringLiteral("--token"), m_desk,
                     QStringLiteral("--beneficiary"), QStringLiteral("P-1")},
                    &audit),
             0);
    QStringList actions;
    for (const QJsonValue &v : QJsonDocument::fromJson(audit.toUtf8()).array()) {
        actions << v.toObject().value(QStringLiteral("action")).toString();
        QVERIFY(!v.toObject().value(QStringLiteral("time")).toString().isEmpty());
        QCOMPARE(v.toObject().value(QStringLiteral("worker")).toString(), QStringLiteral("desk-1"));
    }
    QCOMPARE(actions.count(QStringLiteral("view")), 2);
    for (const char *a : {"beneficiary.added", "voucher.issued", "handover.recorded"})
        QVERIFY2(actions.contains(QLatin1String(a)), qPrintable(actions.join(u' ')));
    // Lists and pulls of family data are audited too.
    const Reply all = http(m_server.url(), "GET", QStringLiteral("/api/v1/desk/audit"), m_desk);
    QCOMPARE(all.status, 200);
    QStringList kinds;
    for (const QJsonValue &v : all.json().value(QStringLiteral("audit")).toArray())
        kinds << v.toObject().value(QStringLiteral("action")).toString();
    QVERIFY2(kinds.contains(QStringLiteral("list")) && kinds.contains(QStringLiteral("pull")),
             qPrintable(kinds.join(u' ')));
    QCOMPARE(http(m_server.url(), "GET", QStringLiteral("/api/v1/desk/audit"), m_bench).status, 403);
    QCOMPARE(etabli({QStringLiteral("desk"), QStringLiteral("audit"), QStringLiteral("--server"), m_server.url(),
                     QStringLiteral("--token"), m_bench}),
             4);
}

// deskserver: one grant per pupil, by the deadline, whichever desk asks: the server keeps
// the first request and stores a second desk's second or late one as overridden.
void TestDeskEndToEnd::grantRulesHoldAcrossDesks()
{
    const QString today = QDateTime::currentDateTimeUtc().date().toString(Qt::ISODate);
    const auto statusOf = [](const Reply &r) {
        return r.json()
            .value(QStringLiteral("results"))
            .toArray()
            .at(0)
            .toObject()
            .value(QStringLiteral("status"))
            .toString();
    };
    const Reply again
        = pushAs(QStringLiteral("desk-2"), QStringLiteral("grant.requested"),
                 {{QStringLiteral("beneficiary"), QStringLiteral("P-2")}, {QStringLiteral("requested_at"), today}});
    QCOMPARE(again.status, 200);
    QCOMPARE(statusOf(again), QStringLiteral("overridden")); // desk-1 asked first (offline, then synced)
    const QString late = QDateTime::currentDateTimeUtc().date().addMonths(4).toString(Qt::ISODate);
    const Reply tooLate
        = pushAs(QStringLiteral("desk-2"), QStringLiteral("grant.requested"),
                 {{QStringLiteral("beneficiary"), QStringLiteral("P-3")}, {QStringLiteral("requested_at"), late}});
    QCOMPARE(statusOf(tooLate), QStringLiteral("overridden"));
    QVERIFY2(tooLate.body.contains("had to be requested by"), tooLate.body.constData());
    const Reply none = pushAs(QStringLiteral("desk-2"), QStringLiteral("grant.requested"),
                              {{QStringLiteral("beneficiary"), QStringLiteral("P-4")}, // lost its PC at sync
                               {QStringLiteral("requested_at"), today}});
    QCOMPARE(statusOf(none), QStringLiteral("overridden"));
    const Reply inTime = pushAs(QStringLiteral("desk-2"), QStringLiteral("grant.requested"),
                                {{QStringLiteral("beneficiary"), QStringLiteral("P-3")},
                                 {QStringLiteral("requested_at"), today},
                                 {QStringLiteral("proof_received"), true}});
    QCOMPARE(statusOf(inTime), QStringLiteral("applied"));
    const Reply paid
        = pushAs(QStringLiteral("desk-1"), QStringLiteral("grant.paid"),
                 {{QStringLiteral("beneficiary"), QStringLiteral("P-3")}, {QStringLiteral("paid_at"), today}});
    QCOMPARE(statusOf(paid), QStringLiteral("applied"));
    QCOMPARE(statusOf(pushAs(QStringLiteral("desk-2"), QStringLiteral("grant.paid"),
                             {{QStringLiteral("beneficiary"), QStringLiteral("P-3")}})),
             QStringLiteral("overridden"));
    const QJsonObject p3 = http(m_server.url(), "GET", QStringLiteral("/api/v1/desk/beneficiaries/P-3"), m_desk).json();
    const QJsonObject grant = p3.value(QStringLiteral("grant")).toObject();
    QCOMPARE(grant.value(QStringLiteral("requested_at")).toString(), today);
    QCOMPARE(grant.value(QStringLiteral("paid_at")).toString(), today);
    QCOMPARE(grant.value(QStringLiteral("station")).toString(), QStringLiteral("desk-2"));
    QCOMPARE(http(m_server.url(), "GET", QStringLiteral("/api/v1/desk/beneficiaries/P-2"), m_desk)
                 .json()
                 .value(QStringLiteral("grant"))
                 .toObject()
                 .value(QStringLiteral("station"))
                 .toString(),
             QStringLiteral("desk-1"));
}

// deskserver: `etabli desk erase` reaches the server's log and the other desk's: no table
// holds the names any more (SQL over every table, both backends), nor any SQLite file; the
// events stay, so the counts do not move.
void TestDeskEndToEnd::erasureReachesTheServerLog()
{
    QVERIFY(databaseMentions(QStringLiteral("Léa Martin")));
    const int added = serverCount(QStringLiteral("beneficiary.added"));
    const int handedOver = serverCount(QStringLiteral("handover.recorded"));
    QCOMPARE(etabli({QStringLiteral("desk"), QStringLiteral("erase"), QStringLiteral("P-1")}), 0);
    QCOMPARE(etabli({QStringLiteral("sync")}), 0);
    for (const char *text : {"Léa Martin", "Sophie Martin", "06 11"})
        QVERIFY2(!databaseMentions(QString::fromUtf8(text)), text);
    QVERIFY(databaseMentions(QStringLiteral("Omar Benali"))); // the others stay
    QCOMPARE(serverCount(QStringLiteral("beneficiary.added")), added);
    QCOMPARE(serverCount(QStringLiteral("handover.recorded")), handedOver);
    const QJsonObject p1 = http(m_server.url(), "GET", QStringLiteral("/api/v1/desk/beneficiaries/P-1"), m_desk).json();
    QCOMPARE(p1.value(QStringLiteral("pupil_name")).toString(), QString());
    QVERIFY(!p1.value(QStringLiteral("erased_at")).toString().isEmpty());
    QCOMPARE(p1.value(QStringLiteral("handovers")).toArray().size(), 2); // the loan stays
    // The second desk receives the erasure at its next sync and redacts its own log.
    const QString desk2 = m_dir.filePath(QStringLiteral("desk2.sqlite"));
    QCOMPARE(etabliOn(desk2, QStringLiteral("desk-2"), {QStringLiteral("sync")}), 0);
    // The files themselves (SQLite): the server's and both desks', with their WAL.
    QStringList files{m_deskDb, desk2};
    if (m_server.db.startsWith(QLatin1String("sqlite:")))
        files << m_server.db.mid(7);
    for (const QString &file : std::as_const(files))
        for (const QString &f : QStringList{file, file + QStringLiteral("-wal")}) {
            QFile in(f);
            if (!in.open(QIODevice::ReadOnly))
                continue;
            const QByteArray bytes = in.readAll();
            QVERIFY2(!bytes.contains("Léa Martin") && !bytes.contains("Sophie Martin"), qPrintable(f));
        }

    // `etabli-server rebuild` replays the log into the same projections (the erasure included).
    const auto record = [this](const char *ref) {
        return http(m_server.url(), "GET", QStringLiteral("/api/v1/desk/beneficiaries/") + QLatin1String(ref), m_desk)
            .json();
    };
    const QJsonObject p1Before = record("P-1"), p3Before = record("P-3");
    QVERIFY(!p3Before.value(QStringLiteral("grant")).toObject().isEmpty());
    m_server.kill();
    QCOMPARE(run(QStringLiteral(ETABLI_SERVER), {QStringLiteral("--db"), m_server.db, QStringLiteral("rebuild")}), 0);
    resetConnections(); // the killed server's kept-alive connections
    QVERIFY2(m_server.start(), qPrintable(m_server.output));
    QTRY_COMPARE_WITH_TIMEOUT(
        http(m_server.url(), "GET", QStringLiteral("/api/v1/desk/beneficiaries/P-1"), m_desk).status, 200, 10000);
    QCOMPARE(record("P-1"), p1Before);
    QCOMPARE(record("P-3"), p3Before);
    QVERIFY(!databaseMentions(QStringLiteral("Léa Martin")));
}

QTEST_GUILESS_MAIN(TestDeskEndToEnd)
#include "tst_desk_e2e.moc"
