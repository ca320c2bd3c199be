// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
//
// One set of event rules: the same events through a station's Store and the server's
// ServerStore (SQLite, or PostgreSQL with ETABLI_SERVER_BACKEND=postgresql) must meet the
// same decisions and lead to the same state. Then the issue-18 points that the rules fix,
// through the server's Api in process: handovers, unknown payload keys, family data on
// the station feed, integers, and who may add beneficiaries.
#include "testserver.h"

#include "inventory/assettag.h"
#include "inventory/eventrules.h"
#include "inventory/server/api.h"
#include "inventory/server/serverstore.h"
#include "inventory/store.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTest>
#include <QUuid>

using namespace Etabli;
using namespace Etabli::Inventory;
using Etabli::Server::Api;
using Etabli::Server::ApiRequest;
using Etabli::Server::ApiResponse;
using Etabli::Server::ServerStore;

namespace {

struct Step {
    QString type;
    QString tag;
    QJsonObject payload;
    int sameAs = -1; ///< >= 0: send again the event of that step (same UUID)
};
using Steps = QList<Step>;

QString tagOf(int n)
{
    return AssetTag::make(QStringLiteral("ETB"), n);
}

QJsonObject object(const char *json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

/// The decision, as words every side can say: "applied", "duplicate" or "refused: WHY".
QString stationDecides(Store &store, const Event &e)
{
    auto r = store.applyRemote(e);
    if (!r)
        return QStringLiteral("refused: ") + r.error().message;
    if (!*r)
        return QStringLiteral("duplicate");
    auto stored = store.eventByUuid(e.uuid);
    if (!stored)
        return QStringLiteral("lost: ") + stored.error().message;
    return stored->status == QLatin1String("applied") ? QStringLiteral("applied")
                                                      : QStringLiteral("refused: ") + stored->note;
}

QString serverWords(const Server::PushOutcome &o)
{
    if (!o.isNew)
        return QStringLiteral("duplicate");
    return o.status == QLatin1String("applied") ? QStringLiteral("applied") : QStringLiteral("refused: ") + o.note;
}

QString serverError(const Error &error, const QString &uuid)
{
    // The server names the event it refuses; the reason after it is the rules' own.
    const QString prefix = QStringLiteral("event %1: ").arg(uuid);
    return QStringLiteral("refused: ")
        + (error.message.startsWith(prefix) ? error.message.mid(prefix.size()) : error.message);
}

QString serverDecides(ServerStore &server, const Event &e)
{
    auto r = server.push({e}, QStringLiteral("parity"));
    if (!r)
        return serverError(r.error(), e.uuid);
    return serverWords(r->first());
}

/// Everything the rules decide about, as sorted lines (kits are compared through their
/// decisions only: the server keeps no readable kit table).
QStringList stationState(Store &store)
{
    QStringList out;
    for (const Asset &a : store.assets())
        out << QStringLiteral("asset %1 %2 %3 lot=%4 for=%5 cycle=%6 %7|%8|%9")
                   .arg(a.tag, toString(a.kind), toString(a.state), a.lot, a.reservedFor)
                   .arg(a.cycle)
                   .arg(a.make, a.model, a.serial);
    for (const Lot &l : store.lots())
        out << QStringLiteral("lot %1 donor=%2 expected=%3").arg(l.reference, l.donor).arg(l.expectedCount);
    for (const Donor &d : store.donors())
        out << QStringLiteral("donor %1").arg(d.name);
    QSqlQuery q(store.database());
    q.exec(QStringLiteral("SELECT a.tag, h.beneficiary, h.warranty_until, EXISTS(SELECT 1 FROM returns r WHERE"
                          " r.asset_id = h.asset_id AND r.returned_at >= h.handed_over_at) FROM handovers h"
                          " JOIN assets a ON a.id = h.asset_id"));
    while (q.next())
        out << QStringLiteral("handover %1 %2 until=%3 returned=%4")
                   .arg(q.value(0).toString(), q.value(1).toString(), q.value(2).toString())
                   .arg(q.value(3).toInt());
    q.exec(QStringLiteral("SELECT reference, school, class, family_name FROM beneficiaries"));
    while (q.next())
        out << QStringLiteral("beneficiary %1 %2|%3|%4")
                   .arg(q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString());
    out.sort();
    return out;
}

QStringList serverState(ServerStore &server)
{
    QStringList out;
    const auto text
        = [](const QJsonObject &o, const char *key) { return o.value(QLatin1String(key)).toVariant().toString(); };
    const QJsonArray assets = server.assets(QString(), 1000000).value();
    const QJsonArray lots = server.lots().value(), donors = server.donors().value();
    const QJsonArray handovers = server.handovers().value(), beneficiaries = server.beneficiaries().value();
    for (const QJsonValue &v : assets) {
        const QJsonObject a = v.toObject();
        out << QStringLiteral("asset %1 %2 %3 lot=%4 for=%5 cycle=%6 %7|%8|%9")
                   .arg(text(a, "tag"), text(a, "kind"), text(a, "state"), text(a, "lot"), text(a, "reserved_for"),
                        text(a, "cycle"), text(a, "make"), text(a, "model"), text(a, "serial"));
    }
    for (const QJsonValue &v : lots) {
        const QJsonObject l = v.toObject();
        out << QStringLiteral("lot %1 donor=%2 expected=%3")
                   .arg(text(l, "reference"), text(l, "donor"), text(l, "expected_count"));
    }
    for (const QJsonValue &v : donors)
        out << QStringLiteral("donor %1").arg(text(v.toObject(), "name"));
    for (const QJsonValue &v : handovers) {
        const QJsonObject h = v.toObject();
        out << QStringLiteral("handover %1 %2 until=%3 returned=%4")
                   .arg(text(h, "asset_tag"), text(h, "beneficiary"), text(h, "warranty_until"))
                   .arg(text(h, "returned_at").isEmpty() ? 0 : 1);
    }
    for (const QJsonValue &v : beneficiaries) {
        const QJsonObject b = v.toObject();
        out << QStringLiteral("beneficiary %1 %2|%3|%4")
                   .arg(text(b, "reference"), text(b, "school"), text(b, "class"), text(b, "family_name"));
    }
    out.sort();
    return out;
}

} // namespace

Q_DECLARE_METATYPE(Step)

class TestEventParity : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void eventTypesAreOneTable();
    void stationPayloadKeepsFamilyDataOff();
    void sameDecisionsAndState_data();
    void sameDecisionsAndState();
    void randomSequences();
    // Issue 18.
    void handoverFollowsTheReservation_data();
    void handoverFollowsTheReservation();
    void unknownPayloadKeysRefused_data();
    void unknownPayloadKeysRefused();
    void stationPullCarriesNoFamilyData();
    void integersOutOfRangeRefused_data();
    void integersOutOfRangeRefused();
    void beneficiariesOneRuleForBothPaths_data();
    void beneficiariesOneRuleForBothPaths();

private:
    /// A new, empty server store (its own SQLite file or PostgreSQL database).
    std::unique_ptr<ServerStore> newServer();
    std::unique_ptr<Store> newStation();
    Event event(const Step &step, int index);
    ApiResponse call(Api &api, const QByteArray &method, const QString &path, const QString &token,
                     const QByteArray &body = {});
    QByteArray eventsBody(const QList<Event> &events);

    std::unique_ptr<QTemporaryDir> m_dir;
    TestServer::PgCluster m_pg;
    bool m_postgres = false;
    int m_databases = 0;
    QDateTime m_base = QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC);
};

void TestEventParity::initTestCase()
{
    // On /dev/shm when there is one: the stores still sync every commit, and tmpfs makes
    // that cheap, so 10,000 sequences stay a few seconds.
    m_dir = QDir(QStringLiteral("/dev/shm")).exists()
        ? std::make_unique<QTemporaryDir>(QStringLiteral("/dev/shm/etabli-parity-XXXXXX"))
        : std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_postgres = qEnvironmentVariable("ETABLI_SERVER_BACKEND") == QLatin1String("postgresql");
    if (m_postgres)
        QVERIFY2(m_pg.start(), qPrintable(m_pg.error));
    qInfo("server backend: %s", m_postgres ? "postgresql" : "sqlite");
}

void TestEventParity::cleanupTestCase()
{
    m_pg.stop();
}

std::unique_ptr<ServerStore> TestEventParity::newServer()
{
    const QString name = QStringLiteral("parity%1").arg(++m_databases);
    const QString url = m_postgres ? m_pg.createDatabase(name)
                                   : QStringLiteral("sqlite:") + m_dir->filePath(name + QStringLiteral(".sqlite"));
    if (url.isEmpty())
        return nullptr;
    auto opened = ServerStore::open(url);
    if (!opened) {
        qWarning() << opened.error().message;
        return nullptr;
    }
    return std::move(*opened);
}

std::unique_ptr<Store> TestEventParity::newStation()
{
    auto opened = Store::open(m_dir->filePath(QStringLiteral("station%1.sqlite").arg(++m_databases)),
                              Identity{QStringLiteral("bench-p"), QStringLiteral("parity")});
    if (!opened)
        return nullptr;
    return std::move(*opened);
}

Event TestEventParity::event(const Step &step, int index)
{
    Event e;
    e.uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    e.station = QStringLiteral("bench-p");
    e.worker = QStringLiteral("parity");
    e.time = m_base.addSecs(index);
    e.type = step.type;
    e.assetTag = step.tag;
    e.payload = step.payload;
    return e;
}

void TestEventParity::eventTypesAreOneTable()
{
    // The header's names are the table's, and every stored type has a rule.
    const QStringList names{EventType::DonorAdded,       EventType::LotAdded,           EventType::AssetAdded,
                            EventType::AssetMoved,       EventType::AssetUpdated,       EventType::TestRecorded,
                            EventType::HsRecorded,       EventType::ErasureRecorded,    EventType::ErasureChecked,
                            EventType::ImagingRecorded,  EventType::LabelPrinted,       EventType::KitCreated,
                            EventType::BeneficiaryAdded, EventType::WorkerAdded,        EventType::StationAdded,
                            EventType::WorkerUpdated,    EventType::WorkshopConfigured, EventType::FlowStep,
                            EventType::VoucherIssued,    EventType::HandoverRecorded,   EventType::GrantRequested,
                            EventType::GrantPaid,        EventType::TrainingEnrolled,   EventType::TrainingAttended,
                            EventType::ReturnRecorded,   EventType::BeneficiaryErased};
    QCOMPARE(EventRules::typeNames(), names);
    // Everything that names or follows a family stays off the benches.
    const QStringList family{EventType::BeneficiaryAdded, EventType::VoucherIssued,    EventType::HandoverRecorded,
                             EventType::GrantRequested,   EventType::GrantPaid,        EventType::TrainingEnrolled,
                             EventType::TrainingAttended, EventType::BeneficiaryErased};
    QCOMPARE(EventRules::familyDataTypes(), family);
    for (const QString &n : family)
        QVERIFY2(!EventRules::mayPush(n, QStringLiteral("station")), qPrintable(n));
    QCOMPARE(knownEventTypes(), names);
    for (const QString &n : names)
        QVERIFY2(EventRules::rule(n), qPrintable(n));
    QVERIFY(!EventRules::rule(QStringLiteral("asset.sold")));
}

void TestEventParity::stationPayloadKeepsFamilyDataOff()
{
    Event e;
    e.type = QString(EventType::AssetMoved);
    // A desk note goes, a bench's note stays, and a key stored before unknown keys were
    // refused never reaches a bench.
    e.payload = object(R"({"from":"READY","to":"RESERVED","beneficiary":"B-1","note":"famille X"})");
    QCOMPARE(EventRules::stationPayload(e), object(R"({"from":"READY","to":"RESERVED","beneficiary":"B-1"})"));
    e.payload = object(R"({"from":"RECEIVED","to":"TESTING","note":"carton 4"})");
    QCOMPARE(EventRules::stationPayload(e), e.payload);
    e.type = QString(EventType::AssetUpdated);
    e.payload = object(R"({"make":"x","family_name":"X"})");
    QCOMPARE(EventRules::stationPayload(e), object(R"({"make":"x"})"));
}

void TestEventParity::sameDecisionsAndState_data()
{
    QTest::addColumn<Steps>("steps");
    QTest::addColumn<QStringList>("expected"); ///< the first word of each decision
    const QString pc = tagOf(1), screen = tagOf(2), keyboard = tagOf(3), ghost = tagOf(99);
    const auto add = [](const QString &tag, const char *kind, const char *lot = "") {
        return Step{QString(EventType::AssetAdded), tag,
                    QJsonObject{{QStringLiteral("tag"), tag},
                                {QStringLiteral("kind"), QLatin1String(kind)},
                                {QStringLiteral("lot"), QLatin1String(lot)}}};
    };
    const auto move = [](const QString &tag, const char *from, const char *to, const char *beneficiary = nullptr,
                         const char *note = nullptr) {
        QJsonObject p{{QStringLiteral("from"), QLatin1String(from)}, {QStringLiteral("to"), QLatin1String(to)}};
        if (beneficiary)
            p.insert(QStringLiteral("beneficiary"), QLatin1String(beneficiary));
        if (note)
            p.insert(QStringLiteral("note"), QString::fromUtf8(note));
        return Step{QString(EventType::AssetMoved), tag, p};
    };
    const auto on = [](QLatin1String type, const QString &tag, const char *json) {
        return Step{QString(type), tag, object(json)};
    };
    const auto general = [](QLatin1String type, const char *json) { return Step{QString(type), {}, object(json)}; };
    const auto again = [](int step) { return Step{{}, {}, {}, step}; };
    const QStringList ok{QStringLiteral("applied")};
    auto words = [](std::initializer_list<const char *> list) {
        QStringList out;
        for (const char *w : list)
            out << QLatin1String(w);
        return out;
    };

    QTest::newRow("donor: valid, sent twice, same name, malformed")
        << Steps{general(EventType::DonorAdded, R"({"name":"Banque"})"),
                 again(0),
                 general(EventType::DonorAdded, R"({"name":"Banque","contact":"x"})"),
                 general(EventType::DonorAdded, R"({})"),
                 general(EventType::DonorAdded, R"({"name":5})"),
                 general(EventType::DonorAdded, R"({"name":"B","extra":1})"),
                 general(EventType::DonorAdded,
                         QByteArray(R"({"name":")" + QByteArray(300, 'x') + R"("})").constData())}
        << words({"applied", "duplicate", "refused", "refused", "refused", "refused", "refused"});
    QTest::newRow("lot: creates its donor, duplicate, bad numbers")
        << Steps{general(EventType::LotAdded, R"({"reference":"L1","donor":"Banque","expected_count":12})"),
                 general(EventType::LotAdded, R"({"reference":"L1"})"),
                 general(EventType::LotAdded, R"({"reference":"L2","expected_count":1.5})"),
                 general(EventType::LotAdded, R"({"reference":"L2","expected_count":1e308})"),
                 general(EventType::LotAdded, R"({"reference":"L2","expected_count":9223372036854775808})"),
                 general(EventType::LotAdded, R"({"reference":"L2","expected_count":-1})"),
                 general(EventType::LotAdded, R"({"reference":"L2","expected_count":"12"})"),
                 general(EventType::LotAdded, R"({"reference":"L2","notes":"cartons abîmés"})")}
        << words({"applied", "refused", "refused", "refused", "refused", "refused", "refused", "applied"});
    QTest::newRow("asset.added: valid, duplicate tag, bad kind, tag mismatch, unknown lot, no tag")
        << Steps{general(EventType::LotAdded, R"({"reference":"L1"})"),
                 add(pc, "pc", "L1"),
                 add(pc, "screen"),
                 add(screen, "tablet"),
                 Step{QString(EventType::AssetAdded), screen,
                      QJsonObject{{QStringLiteral("tag"), keyboard}, {QStringLiteral("kind"), QStringLiteral("pc")}}},
                 add(screen, "screen", "NOPE"),
                 Step{QString(EventType::AssetAdded), {}, object(R"({"kind":"pc"})")},
                 add(screen, "screen")}
        << words({"applied", "applied", "refused", "refused", "refused", "refused", "refused", "applied"});
    QTest::newRow("asset.moved: a life, stale, forbidden, unknown state")
        << Steps{add(pc, "pc"),
                 move(pc, "RECEIVED", "TESTING"),
                 move(pc, "RECEIVED", "TESTING"),
                 move(pc, "TESTING", "HANDED_OVER"),
                 move(pc, "TESTING", "PRET"),
                 move(pc, "TESTING", "READY"),
                 move(pc, "READY", "RESERVED", "B-001", "famille DUPONT"),
                 move(pc, "RESERVED", "HANDED_OVER", "B-001"),
                 move(pc, "HANDED_OVER", "HANDED_OVER", "B-001"),
                 move(pc, "HANDED_OVER", "RETURNED", nullptr, "écran cassé"),
                 move(pc, "RETURNED", "TESTING"),
                 move(pc, "TESTING", "RECYCLED")}
        << words({"applied", "applied", "refused", "refused", "refused", "applied", "applied", "applied", "refused",
                  "applied", "applied", "applied"});
    QTest::newRow("asset.moved: the reservation guards")
        << Steps{add(pc, "pc"),
                 move(pc, "RECEIVED", "TESTING"),
                 move(pc, "TESTING", "READY"),
                 move(pc, "READY", "RESERVED"),
                 move(pc, "READY", "RESERVED", "B-001"),
                 move(pc, "RESERVED", "HANDED_OVER", "B-002"),
                 move(pc, "RESERVED", "HANDED_OVER"),
                 move(pc, "RESERVED", "READY"),
                 move(pc, "READY", "RESERVED", "B-002"),
                 move(pc, "RESERVED", "HANDED_OVER", "B-002")}
        << words({"applied", "applied", "applied", "refused", "applied", "refused", "refused", "applied", "applied",
                  "applied"});
    QTest::newRow("asset.updated: valid, unknown key, bad component")
        << Steps{add(pc, "pc"), on(EventType::AssetUpdated, pc, R"({"make":"HP","model":"800 G1","serial":"CZC1"})"),
                 on(EventType::AssetUpdated, pc, R"({"make":"x","family_name":"DUPONT"})"),
                 on(EventType::AssetUpdated, pc, R"({"components":[{"make":"Kingston"}]})"),
                 on(EventType::AssetUpdated, pc, R"({"serial":"CZC2","components":[{"kind":"ram"}]})")}
        << words({"applied", "applied", "refused", "refused", "applied"});
    QTest::newRow("test.recorded: valid, bad verdict, no kind, text too long")
        << Steps{add(pc, "pc"),
                 on(EventType::TestRecorded, pc, R"({"kind":"ram","verdict":"PASS"})"),
                 on(EventType::TestRecorded, pc, R"({"kind":"ram","verdict":"MAYBE"})"),
                 on(EventType::TestRecorded, pc, R"({"verdict":"PASS"})"),
                 on(EventType::TestRecorded, pc,
                    QByteArray(R"({"kind":"disk","verdict":"FAIL","rule":")" + QByteArray(2000, 'r') + R"("})")
                        .constData()),
                 on(EventType::TestRecorded, pc, R"({"kind":"disk","verdict":"warn","measurements":{"a":1}})")}
        << words({"applied", "applied", "refused", "refused", "refused", "applied"});
    QTest::newRow("hs.recorded: valid, part off the list, reason off the list")
        << Steps{add(screen, "screen"),
                 on(EventType::HsRecorded, screen, R"({"part":"screen","reason":"dead_pixels"})"),
                 on(EventType::HsRecorded, screen, R"({"part":"ecran","reason":"other"})"),
                 on(EventType::HsRecorded, screen, R"({"part":"screen","reason":"gremlins"})"),
                 on(EventType::HsRecorded, screen, R"({"part":"Disk","reason":"DISK_FAILING","disposal":"shredded"})")}
        << words({"applied", "applied", "refused", "refused", "applied"});
    QTest::newRow("erasure and imaging: valid, wrong types, numbers")
        << Steps{add(pc, "pc"),
                 on(EventType::ErasureRecorded, pc, R"({"method":"zeros","verified":true,"bytes":256060514304})"),
                 on(EventType::ErasureRecorded, pc, R"({"method":"zeros","verified":"yes"})"),
                 on(EventType::ErasureRecorded, pc, R"({"method":"zeros","verified":true,"bytes":1.5})"),
                 on(EventType::ImagingRecorded, pc,
                    R"({"master_name":"ecole","master_version":"2026.1","verified":true,"fill":"zeros","seconds":12.5})"),
                 on(EventType::ImagingRecorded, pc, R"({"master_version":"2026.1","verified":true})"),
                 on(EventType::ImagingRecorded, pc,
                    R"({"master_name":"ecole","master_version":"2026.1","verified":true,"mib_s":-3})")}
        << words({"applied", "applied", "refused", "refused", "applied", "refused", "refused"});
    QTest::newRow("label and kit: valid, duplicate kit, unknown item, items not tags")
        << Steps{add(pc, "pc"),
                 add(screen, "screen"),
                 on(EventType::LabelPrinted, pc, R"({"template":"asset-62mm","printer":"zpl://127.0.0.1:9100"})"),
                 on(EventType::LabelPrinted, pc, R"({"template":"asset-62mm"})"),
                 Step{QString(EventType::KitCreated), pc,
                      QJsonObject{{QStringLiteral("reference"), QStringLiteral("K1")},
                                  {QStringLiteral("items"), QJsonArray{screen}}}},
                 Step{QString(EventType::KitCreated), pc,
                      QJsonObject{{QStringLiteral("reference"), QStringLiteral("K1")},
                                  {QStringLiteral("items"), QJsonArray{}}}},
                 Step{QString(EventType::KitCreated), pc,
                      QJsonObject{{QStringLiteral("reference"), QStringLiteral("K2")},
                                  {QStringLiteral("items"), QJsonArray{keyboard}}}},
                 on(EventType::KitCreated, pc, R"({"reference":"K3","items":["not a tag"]})")}
        << words({"applied", "applied", "applied", "refused", "applied", "refused", "refused", "refused"});
    QTest::newRow("beneficiary, worker, station: valid, replaced, malformed")
        << Steps{general(EventType::BeneficiaryAdded,
                         R"({"reference":"B-001","school":"Jaurès","class":"CM1","family_name":"DUPONT"})"),
                 general(EventType::BeneficiaryAdded, R"({"reference":"B-001","school":"Jaurès","class":"CM2"})"),
                 general(EventType::BeneficiaryAdded, R"({"reference":"B-002","birthday":"2016-01-01"})"),
                 general(EventType::WorkerAdded, R"({"badge":"W1","display_name":"Léa","role":"worker"})"),
                 general(EventType::WorkerAdded, R"({"badge":"W2","display_name":"Max","role":"boss"})"),
                 general(EventType::StationAdded, R"({"name":"bench-3","location":"atelier"})"),
                 general(EventType::StationAdded, R"({"location":"atelier"})")}
        << words({"applied", "applied", "refused", "applied", "refused", "applied", "refused"});
    QTest::newRow("the faces' records: flow steps, settings, desk records, malformed")
        << Steps{add(pc, "pc"),
                 on(EventType::FlowStep, pc, R"({"step":"ram","status":"done","position":2})"),
                 on(EventType::FlowStep, pc, R"({"step":"ram","status":"half"})"),
                 general(EventType::WorkshopConfigured, R"({"bench_steps":[{"step":"ram","on":false}]})"),
                 general(EventType::WorkerUpdated, R"({"badge":"W1","role":"chief"})"),
                 general(EventType::TrainingAttended, R"({"beneficiary":"B-001","session":3})"),
                 general(EventType::TrainingAttended, R"({"beneficiary":"B-001","session":0})"),
                 general(EventType::BeneficiaryAdded, R"({"reference":"B-003","kind":"association"})"),
                 general(EventType::BeneficiaryAdded, R"({"reference":"B-004","kind":"club"})"),
                 on(EventType::ReturnRecorded, pc, R"({"reason":"no_boot","swap_tag":""})")}
        << words({"applied", "applied", "refused", "applied", "refused", "applied", "refused", "applied", "refused",
                  "applied"});
    QTest::newRow("shape: unknown type, unknown asset, tag on a general event, bad tag")
        << Steps{Step{QStringLiteral("asset.sold"), pc, object(R"({})")},
                 on(EventType::TestRecorded, ghost, R"({"kind":"ram","verdict":"PASS"})"),
                 Step{QString(EventType::DonorAdded), pc, object(R"({"name":"X"})")},
                 on(EventType::TestRecorded, QStringLiteral("ETB-1"), R"({"kind":"ram","verdict":"PASS"})"),
                 move(ghost, "RECEIVED", "TESTING")}
        << words({"refused", "refused", "refused", "refused", "refused"});
    Q_UNUSED(ok)
}

void TestEventParity::sameDecisionsAndState()
{
    QFETCH(Steps, steps);
    QFETCH(QStringList, expected);
    QCOMPARE(steps.size(), expected.size());
    auto station = newStation();
    auto server = newServer();
    QVERIFY(station && server);
    QList<Event> sent;
    for (int i = 0; i < steps.size(); ++i) {
        const Event e = steps[i].sameAs >= 0 ? sent[steps[i].sameAs] : event(steps[i], i);
        sent.append(e);
        const QString atStation = stationDecides(*station, e);
        const QString atServer = serverDecides(*server, e);
        QVERIFY2(
            atStation == atServer,
            qPrintable(
                QStringLiteral("step %1 (%2): station «%3», server «%4»").arg(i).arg(e.type, atStation, atServer)));
        QVERIFY2(
            atStation.startsWith(expected[i]),
            qPrintable(QStringLiteral("step %1 (%2): «%3», expected %4").arg(i).arg(e.type, atStation, expected[i])));
    }
    QCOMPARE(stationState(*station), serverState(*server));
}

void TestEventParity::randomSequences()
{
    // Seeded: ETABLI_SEED replays a run, ETABLI_PARITY_SEQUENCES changes the count.
    const quint32 seed = qEnvironmentVariableIsSet("ETABLI_SEED") ? quint32(qEnvironmentVariableIntValue("ETABLI_SEED"))
                                                                  : QRandomGenerator::system()->generate();
    const int sequences = qEnvironmentVariableIsSet("ETABLI_PARITY_SEQUENCES")
        ? qEnvironmentVariableIntValue("ETABLI_PARITY_SEQUENCES")
        : 10000;
    qInfo("seed %u (ETABLI_SEED=%u to replay), %d sequences", seed, seed, sequences);
    QRandomGenerator rng(seed);
    auto station = newStation();
    auto server = newServer();
    QVERIFY(station && server);
    const QList<AssetState> states = allAssetStates();
    const QStringList types = EventRules::typeNames();
    QElapsedTimer timer;
    timer.start();
    qint64 events = 0, applied = 0, batchesRefused = 0;
    int index = 0;
    for (int s = 0; s < sequences; ++s) {
        // Each sequence has its own tags and references, so sequences are independent
        // and one pair of stores holds them all.
        const QString tags[2] = {tagOf(1 + 3 * s), tagOf(2 + 3 * s)};
        const QString ghost = tagOf(900000 + s % 90000);
        const QString lot = QStringLiteral("L%1").arg(s), donor = QStringLiteral("D%1").arg(s);
        const QString beneficiaries[2] = {QStringLiteral("B%1-1").arg(s), QStringLiteral("B%1-2").arg(s)};
        QHash<QString, AssetState> believed;
        QList<Event> sequence;
        const int length = 1 + int(rng.bounded(5));
        for (int k = 0; k < length; ++k) {
            Step step;
            const QString tag = rng.bounded(50) == 0 ? ghost : tags[rng.bounded(2)];
            const quint32 pick = rng.bounded(100);
            if (!sequence.isEmpty() && pick < 5) { // the same event again
                sequence.append(sequence[int(rng.bounded(quint32(sequence.size())))]);
                continue;
            }
            if (pick < 25 || !believed.contains(tag)) {
                const char *kinds[] = {"pc", "screen", "keyboard", "tablet"};
                step = {QString(EventType::AssetAdded), tag,
                        QJsonObject{{QStringLiteral("tag"), tag},
                                    {QStringLiteral("kind"), QLatin1String(kinds[rng.bounded(pick < 2 ? 4 : 3)])}}};
                if (rng.bounded(3) == 0)
                    step.payload.insert(QStringLiteral("lot"), lot);
                believed.insert(tag, AssetState::Received);
            } else if (pick < 65) {
                // Mostly an edge of the lifecycle from the state this sequence expects;
                // sometimes a stale or random pair.
                AssetState from = believed.value(tag);
                AssetState to = states[int(rng.bounded(quint32(states.size())))];
                if (rng.bounded(4) != 0) {
                    QList<AssetState> next;
                    for (const Transition &t : Lifecycle::transitions())
                        if (t.from == from)
                            next << t.to;
                    if (!next.isEmpty())
                        to = next[int(rng.bounded(quint32(next.size())))];
                } else if (rng.bounded(2) == 0) {
                    from = states[int(rng.bounded(quint32(states.size())))];
                }
                QJsonObject p{{QStringLiteral("from"), toString(from)}, {QStringLiteral("to"), toString(to)}};
                if (rng.bounded(4) != 0)
                    p.insert(QStringLiteral("beneficiary"), beneficiaries[rng.bounded(2)]);
                if (rng.bounded(5) == 0)
                    p.insert(QStringLiteral("note"), QStringLiteral("note %1").arg(k));
                step = {QString(EventType::AssetMoved), tag, p};
                believed.insert(tag, to);
            } else {
                const QString type = types[int(rng.bounded(quint32(types.size())))];
                step.type = type;
                if (EventRules::rule(type)->aboutAsset)
                    step.tag = tag;
                if (type == EventType::DonorAdded)
                    step.payload = {{QStringLiteral("name"), donor}};
                else if (type == EventType::LotAdded)
                    step.payload = {{QStringLiteral("reference"), lot},
                                    {QStringLiteral("donor"), donor},
                                    {QStringLiteral("expected_count"), int(rng.bounded(2000))}};
                else if (type == EventType::AssetUpdated)
                    step.payload = {{QStringLiteral("make"), QStringLiteral("HP")},
                                    {QStringLiteral("serial"), QStringLiteral("S%1").arg(rng.bounded(100))}};
                else if (type == EventType::TestRecorded)
                    step.payload = {
                        {QStringLiteral("kind"), QStringLiteral("ram")},
                        {QStringLiteral("verdict"), rng.bounded(2) ? QStringLiteral("PASS") : QStringLiteral("FAIL")}};
                else if (type == EventType::HsRecorded)
                    step.payload = {{QStringLiteral("part"), QStringLiteral("screen")},
                                    {QStringLiteral("reason"), QStringLiteral("no_display")}};
                else if (type == EventType::ErasureRecorded)
                    step.payload = {{QStringLiteral("method"), QStringLiteral("zeros")},
                                    {QStringLiteral("verified"), true},
                                    {QStringLiteral("bytes"), 1 << 20}};
                else if (type == EventType::ErasureChecked)
                    step.payload = {{QStringLiteral("certificate_id"), QStringLiteral("C%1").arg(s)},
                                    {QStringLiteral("checker"), QStringLiteral("W%1").arg(rng.bounded(2))},
                                    {QStringLiteral("erased_by"), QStringLiteral("W%1").arg(rng.bounded(2))}};
                else if (type == EventType::ImagingRecorded)
                    step.payload = {{QStringLiteral("master_name"), QStringLiteral("ecole")},
                                    {QStringLiteral("master_version"), QStringLiteral("2026.%1").arg(rng.bounded(3))},
                                    {QStringLiteral("verified"), rng.bounded(2) == 0}};
                else if (type == EventType::LabelPrinted)
                    step.payload = {{QStringLiteral("template"), QStringLiteral("asset")},
                                    {QStringLiteral("printer"), QStringLiteral("zpl://x")}};
                else if (type == EventType::KitCreated)
                    step.payload = {{QStringLiteral("reference"), QStringLiteral("K%1").arg(s)},
                                    {QStringLiteral("items"), QJsonArray{tags[rng.bounded(2)]}}};
                else if (type == EventType::BeneficiaryAdded)
                    step.payload = {{QStringLiteral("reference"), beneficiaries[rng.bounded(2)]},
                                    {QStringLiteral("class"), QStringLiteral("CM1")}};
                else if (type == EventType::WorkerAdded)
                    step.payload = {{QStringLiteral("badge"), QStringLiteral("W%1").arg(s)},
                                    {QStringLiteral("display_name"), QStringLiteral("Léa")},
                                    {QStringLiteral("role"), QStringLiteral("worker")}};
                else
                    step.payload = {{QStringLiteral("name"), QStringLiteral("bench-%1").arg(s)}};
                if (rng.bounded(15) == 0) // a malformed one now and then
                    step.payload.insert(QStringLiteral("unexpected"), 1);
            }
            sequence.append(event(step, index++));
        }
        // The server takes the sequence in one transaction, the way a bench pushes it;
        // a batch it refuses whole (a malformed event, an unknown asset) goes again
        // event by event so every event still gets its own decision.
        QStringList atServer;
        auto pushed = server->push(sequence, QStringLiteral("parity"));
        if (pushed) {
            for (const Server::PushOutcome &o : *pushed)
                atServer << serverWords(o);
        } else {
            ++batchesRefused;
            for (const Event &e : std::as_const(sequence))
                atServer << serverDecides(*server, e);
        }
        for (int k = 0; k < sequence.size(); ++k) {
            const QString atStation = stationDecides(*station, sequence[k]);
            if (atStation != atServer[k]) {
                QString trace;
                for (int j = 0; j <= k; ++j)
                    trace += QStringLiteral("\n  %1 %2 %3")
                                 .arg(sequence[j].type, sequence[j].assetTag,
                                      QString::fromUtf8(
                                          QJsonDocument(sequence[j].payload).toJson(QJsonDocument::Compact)));
                QFAIL(qPrintable(QStringLiteral("seed %1, sequence %2, event %3: station «%4», server «%5»%6")
                                     .arg(seed)
                                     .arg(s)
                                     .arg(k)
                                     .arg(atStation, atServer[k], trace)));
            }
            applied += atStation == QLatin1String("applied");
        }
        events += sequence.size();
    }
    const QStringList a = stationState(*station), b = serverState(*server);
    QCOMPARE(a.size(), b.size());
    QCOMPARE(a, b);
    qInfo("%lld events in %d sequences (%lld applied, %lld batches retried one by one) in %lld ms", events, sequences,
          applied, batchesRefused, timer.elapsed());
    // A generator that only made refusals would prove nothing.
    QVERIFY(applied > events / 3);
}

// --- issue 18, through the server's Api

ApiResponse TestEventParity::call(Api &api, const QByteArray &method, const QString &path, const QString &token,
                                  const QByteArray &body)
{
    ApiRequest r;
    r.method = method;
    r.path = path;
    r.authorization = "Bearer " + token.toLatin1();
    r.body = body;
    return api.handle(r);
}

QByteArray TestEventParity::eventsBody(const QList<Event> &events)
{
    QJsonArray list;
    for (const Event &e : events)
        list.append(toJson(e));
    return QJsonDocument(QJsonObject{{QStringLiteral("events"), list}}).toJson(QJsonDocument::Compact);
}

void TestEventParity::handoverFollowsTheReservation_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("state"); ///< where the asset is before the handover
    QTest::addColumn<QString>("to"); ///< the beneficiary it is handed to
    QTest::addColumn<bool>("accepted");
    QTest::addColumn<QString>("detail");
    for (const QString &path : {QStringLiteral("/api/v1/handovers"), QStringLiteral("/api/v1/events")}) {
        const QByteArray p = path.toLatin1();
        QTest::addRow("%s: reserved for another", p.constData())
            << path << QStringLiteral("RESERVED") << QStringLiteral("B-002") << false
            << QStringLiteral("reserved_for_beneficiary");
        QTest::addRow("%s: not reserved", p.constData()) << path << QStringLiteral("READY") << QStringLiteral("B-001")
                                                         << false << QStringLiteral("forbidden_transition");
        QTest::addRow("%s: already handed over", p.constData())
            << path << QStringLiteral("HANDED_OVER") << QStringLiteral("B-001") << false
            << QStringLiteral("forbidden_transition");
        QTest::addRow("%s: reserved for this one", p.constData())
            << path << QStringLiteral("RESERVED") << QStringLiteral("B-001") << true << QString();
    }
}

void TestEventParity::handoverFollowsTheReservation()
{
    QFETCH(QString, path);
    QFETCH(QString, state);
    QFETCH(QString, to);
    QFETCH(bool, accepted);
    QFETCH(QString, detail);
    auto server = newServer();
    QVERIFY(server);
    Api api(*server);
    const QString desk = *server->createToken(QStringLiteral("desk-1"), QStringLiteral("desk"));
    const QString pc = tagOf(7);
    const auto move = [&](const char *from, const char *next, const QString &who = {}) {
        Step s{QString(EventType::AssetMoved), pc,
               QJsonObject{{QStringLiteral("from"), QLatin1String(from)}, {QStringLiteral("to"), QLatin1String(next)}}};
        if (!who.isEmpty())
            s.payload.insert(QStringLiteral("beneficiary"), who);
        return s;
    };
    Steps setup{{QString(EventType::BeneficiaryAdded), {}, object(R"({"reference":"B-001"})")},
                {QString(EventType::BeneficiaryAdded), {}, object(R"({"reference":"B-002"})")},
                {QString(EventType::AssetAdded), pc,
                 QJsonObject{{QStringLiteral("tag"), pc}, {QStringLiteral("kind"), QStringLiteral("pc")}}},
                move("RECEIVED", "TESTING"),
                move("TESTING", "IMAGED"),
                move("IMAGED", "READY")};
    if (state != QLatin1String("READY"))
        setup << move("READY", "RESERVED", QStringLiteral("B-001"));
    if (state == QLatin1String("HANDED_OVER"))
        setup << move("RESERVED", "HANDED_OVER", QStringLiteral("B-001"));
    QList<Event> events;
    for (int i = 0; i < setup.size(); ++i)
        events << event(setup[i], i);
    auto pushed = server->push(events, QStringLiteral("desk-1"));
    QVERIFY2(pushed, qPrintable(pushed ? QString() : pushed.error().message));
    for (const Server::PushOutcome &o : *pushed)
        QCOMPARE(o.status, QStringLiteral("applied"));
    QCOMPARE(server->asset(pc)->value(QStringLiteral("state")).toString(), state);
    const int handoversBefore = int(server->handovers()->size());

    ApiResponse r;
    if (path == QLatin1String("/api/v1/handovers")) {
        r = call(api, "POST", path, desk,
                 QJsonDocument(QJsonObject{{QStringLiteral("asset_tag"), pc}, {QStringLiteral("beneficiary"), to}})
                     .toJson(QJsonDocument::Compact));
        QCOMPARE(r.status, accepted ? 201 : 409);
        if (!accepted)
            QCOMPARE(QJsonDocument::fromJson(r.body).object().value(QStringLiteral("detail")).toString(), detail);
    } else {
        Step handover = move(state.toLatin1().constData(), "HANDED_OVER", to);
        r = call(api, "POST", path, desk, eventsBody({event(handover, 100)}));
        QCOMPARE(r.status, 200);
        const QJsonObject result
            = QJsonDocument::fromJson(r.body).object().value(QStringLiteral("results")).toArray().first().toObject();
        // A pushed event that does not apply is kept as overridden (the conflict rule).
        QCOMPARE(result.value(QStringLiteral("status")).toString(),
                 accepted ? QStringLiteral("applied") : QStringLiteral("overridden"));
    }
    const QJsonArray handovers = server->handovers().value();
    QCOMPARE(int(handovers.size()), handoversBefore + (accepted ? 1 : 0));
    for (const QJsonValue &h : handovers)
        QCOMPARE(h.toObject().value(QStringLiteral("beneficiary")).toString(), QStringLiteral("B-001"));
    QCOMPARE(server->asset(pc)->value(QStringLiteral("state")).toString(),
             accepted ? QStringLiteral("HANDED_OVER") : state);
}

void TestEventParity::unknownPayloadKeysRefused_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<bool>("aboutAsset");
    QTest::addColumn<QString>("payload");
    QTest::addColumn<QString>("key");
    QTest::newRow("asset.updated with a family name")
        << QString(EventType::AssetUpdated) << true << R"({"make":"x","family_name":"DUPONT"})"
        << "family_name";
    QTest::newRow("asset.moved with a contact")
        << QString(EventType::AssetMoved) << true << R"({"from":"RECEIVED","to":"TESTING","contact":"06 12"})"
        << "contact";
    QTest::newRow("test.recorded with an extra key")
        << QString(EventType::TestRecorded) << true << R"({"kind":"ram","verdict":"PASS","famille":"x"})"
        << "famille";
    QTest::newRow("lot.added with an extra key")
        << QString(EventType::LotAdded) << false << R"({"reference":"L9","owner":"DUPONT"})"
        << "owner";
}

void TestEventParity::unknownPayloadKeysRefused()
{
    QFETCH(QString, type);
    QFETCH(bool, aboutAsset);
    QFETCH(QString, payload);
    QFETCH(QString, key);
    auto server = newServer();
    auto station = newStation();
    QVERIFY(server && station);
    Api api(*server);
    const QString desk = *server->createToken(QStringLiteral("desk-1"), QStringLiteral("desk"));
    const QString pc = tagOf(8);
    const Event added
        = event({QString(EventType::AssetAdded), pc,
                 QJsonObject{{QStringLiteral("tag"), pc}, {QStringLiteral("kind"), QStringLiteral("pc")}}},
                0);
    QVERIFY(server->push({added}, QStringLiteral("desk-1")));
    const qint64 before = server->eventCount();
    const Event e = event({type, aboutAsset ? pc : QString(), object(payload.toUtf8().constData())}, 1);
    // The server: 400 naming the key, nothing stored.
    const ApiResponse r = call(api, "POST", QStringLiteral("/api/v1/events"), desk, eventsBody({e}));
    QCOMPARE(r.status, 400);
    const QJsonObject body = QJsonDocument::fromJson(r.body).object();
    QCOMPARE(body.value(QStringLiteral("detail")).toString(), QStringLiteral("unknown_field"));
    QVERIFY2(body.value(QStringLiteral("message")).toString().contains(QStringLiteral("«%1»").arg(key)),
             r.body.constData());
    QCOMPARE(server->eventCount(), before);
    // The station: refused the same way (here as an event made elsewhere), nothing stored.
    QVERIFY(station->addAsset(NewAsset{AssetKind::Pc, pc, {}, {}, {}, {}, {}}));
    const qint64 stationBefore = station->eventCount();
    auto local = station->applyRemote(e);
    QVERIFY(!local);
    QCOMPARE(local.error().code, ErrorCode::InvalidArgument);
    QCOMPARE(local.error().detail, QStringLiteral("unknown_field"));
    QVERIFY2(local.error().message.contains(QStringLiteral("«%1»").arg(key)), qPrintable(local.error().message));
    QCOMPARE(station->eventCount(), stationBefore);
}

void TestEventParity::stationPullCarriesNoFamilyData()
{
    auto server = newServer();
    auto station = newStation();
    QVERIFY(server && station);
    Api api(*server);
    const QString desk = *server->createToken(QStringLiteral("desk-1"), QStringLiteral("desk"));
    const QString bench = *server->createToken(QStringLiteral("bench-1"), QStringLiteral("station"));
    const QString pc = tagOf(9);
    const auto move = [&](const char *from, const char *to, const char *extra) {
        QJsonObject p = object(extra);
        p.insert(QStringLiteral("from"), QLatin1String(from));
        p.insert(QStringLiteral("to"), QLatin1String(to));
        return Step{QString(EventType::AssetMoved), pc, p};
    };
    const Steps bench1{{QString(EventType::AssetAdded), pc,
                        QJsonObject{{QStringLiteral("tag"), pc}, {QStringLiteral("kind"), QStringLiteral("pc")}}},
                       move("RECEIVED", "TESTING", R"({"note":"carton 4"})"),
                       move("TESTING", "IMAGED", "{}"),
                       move("IMAGED", "READY", "{}")};
    QList<Event> events;
    for (int i = 0; i < bench1.size(); ++i)
        events << event(bench1[i], i);
    QCOMPARE(call(api, "POST", QStringLiteral("/api/v1/events"), bench, eventsBody(events)).status, 200);
    // The desk: a beneficiary, then moves with notes naming the family.
    QCOMPARE(call(api, "POST", QStringLiteral("/api/v1/beneficiaries"), desk,
                  R"({"reference":"B-001","family_name":"DUPONT","contact":"06 12 34 56 78"})")
                 .status,
             201);
    QList<Event> deskEvents;
    const Steps deskSteps{move("READY", "RESERVED", R"({"beneficiary":"B-001","note":"famille DUPONT, rappeler"})"),
                          move("RESERVED", "HANDED_OVER", R"({"beneficiary":"B-001","note":"remis à Mme DUPONT"})"),
                          move("HANDED_OVER", "RETURNED", R"({"note":"DUPONT déménage"})")};
    for (int i = 0; i < deskSteps.size(); ++i)
        deskEvents << event(deskSteps[i], 10 + i);
    QCOMPARE(call(api, "POST", QStringLiteral("/api/v1/events"), desk, eventsBody(deskEvents)).status, 200);
    // Extra keys carrying family data are refused outright.
    const ApiResponse extra = call(
        api, "POST", QStringLiteral("/api/v1/events"), desk,
        eventsBody(
            {event({QString(EventType::AssetUpdated), pc, object(R"({"make":"x","family_name":"DUPONT"})")}, 20)}));
    QCOMPARE(extra.status, 400);

    // The station's pull: every event, no family data anywhere.
    const ApiResponse pulled = call(api, "GET", QStringLiteral("/api/v1/events"), bench);
    QCOMPARE(pulled.status, 200);
    QVERIFY2(!pulled.body.contains("DUPONT") && !pulled.body.contains("06 12"), pulled.body.constData());
    const QJsonArray feed = QJsonDocument::fromJson(pulled.body).object().value(QStringLiteral("events")).toArray();
    QCOMPARE(int(feed.size()), bench1.size() + deskSteps.size());
    // A bench's own notes stay; the desk's moves come without theirs.
    QCOMPARE(feed[1].toObject().value(QStringLiteral("payload")).toObject().value(QStringLiteral("note")).toString(),
             QStringLiteral("carton 4"));
    QCOMPARE(
        feed[4].toObject().value(QStringLiteral("payload")).toObject().value(QStringLiteral("beneficiary")).toString(),
        QStringLiteral("B-001"));
    // The desk still reads its own notes.
    const ApiResponse deskPull = call(api, "GET", QStringLiteral("/api/v1/events"), desk);
    QVERIFY(deskPull.body.contains("famille DUPONT"));

    // And a real bench store that applies the feed holds none either.
    QList<Event> incoming;
    for (const QJsonValue &v : feed) {
        auto e = eventFromJson(v.toObject());
        QVERIFY(e);
        e->serverSeq = v.toObject().value(QStringLiteral("seq")).toInteger();
        incoming << *e;
    }
    QVERIFY(station->applyPulled(incoming));
    QCOMPARE(toString(station->asset(pc)->state), toString(AssetState::Returned));
    for (const Event &e : station->events())
        QVERIFY2(!QJsonDocument(toJson(e)).toJson().contains("DUPONT"), qPrintable(e.type));
    QFile file(station->path());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!file.readAll().contains("DUPONT"));
}

void TestEventParity::integersOutOfRangeRefused_data()
{
    QTest::addColumn<QByteArray>("number");
    QTest::addColumn<QString>("key");
    for (const char *key : {"expected_count", "bytes"}) {
        for (const char *n : {"1e308", "9223372036854775808", "1.5", "-1"})
            QTest::addRow("%s %s", key, n) << QByteArray(n) << QString::fromLatin1(key);
    }
}

void TestEventParity::integersOutOfRangeRefused()
{
    QFETCH(QByteArray, number);
    QFETCH(QString, key);
    auto server = newServer();
    QVERIFY(server);
    Api api(*server);
    const QString desk = *server->createToken(QStringLiteral("desk-1"), QStringLiteral("desk"));
    const QString pc = tagOf(10);
    QVERIFY(
        server->push({event({QString(EventType::AssetAdded), pc,
                             QJsonObject{{QStringLiteral("tag"), pc}, {QStringLiteral("kind"), QStringLiteral("pc")}}},
                            0)},
                     QStringLiteral("desk-1")));
    const qint64 before = server->eventCount();
    // The number goes as written: a QJsonObject would already have rounded it.
    const bool lot = key == QLatin1String("expected_count");
    const QByteArray payload = lot ? QByteArray(R"({"reference":"L1","expected_count":)") + number + "}"
                                   : QByteArray(R"({"method":"zeros","verified":true,"bytes":)") + number + "}";
    const QByteArray body = R"({"events":[{"uuid":")" + QUuid::createUuid().toByteArray(QUuid::WithoutBraces)
        + R"(","station":"desk-1","worker":"w","time":"2026-03-02T09:00:00.000Z","type":")"
        + (lot ? QByteArray("lot.added") : QByteArray("erasure.recorded")) + R"(","asset_tag":)"
        + (lot ? QByteArray("null") : QByteArray("\"" + pc.toLatin1() + "\"")) + R"(,"payload":)" + payload + "}]}";
    const ApiResponse r = call(api, "POST", QStringLiteral("/api/v1/events"), desk, body);
    QVERIFY2(r.status == 400, r.body.constData());
    QVERIFY2(QJsonDocument::fromJson(r.body).object().value(QStringLiteral("message")).toString().contains(key),
             r.body.constData());
    QCOMPARE(server->eventCount(), before);
    // And the same number is refused by a station.
    auto station = newStation();
    QVERIFY(station && station->addAsset(NewAsset{AssetKind::Pc, pc, {}, {}, {}, {}, {}}));
    const QJsonObject p = QJsonDocument::fromJson(payload).object();
    auto local = lot ? station->recordGeneral(QString(EventType::LotAdded), p)
                     : station->record(QString(EventType::ErasureRecorded), pc, p);
    QVERIFY(!local);
    QCOMPARE(local.error().code, ErrorCode::InvalidArgument);
}

void TestEventParity::beneficiariesOneRuleForBothPaths_data()
{
    QTest::addColumn<QString>("role");
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("status");
    const QString events = QStringLiteral("/api/v1/events"), endpoint = QStringLiteral("/api/v1/beneficiaries");
    QTest::newRow("supervisor, events") << QStringLiteral("supervisor") << events << 403;
    QTest::newRow("supervisor, endpoint") << QStringLiteral("supervisor") << endpoint << 403;
    QTest::newRow("station, events") << QStringLiteral("station") << events << 403;
    QTest::newRow("station, endpoint") << QStringLiteral("station") << endpoint << 403;
    QTest::newRow("desk, events") << QStringLiteral("desk") << events << 200;
    QTest::newRow("desk, endpoint") << QStringLiteral("desk") << endpoint << 201;
}

void TestEventParity::beneficiariesOneRuleForBothPaths()
{
    QFETCH(QString, role);
    QFETCH(QString, path);
    QFETCH(int, status);
    auto server = newServer();
    QVERIFY(server);
    Api api(*server);
    const QString token = *server->createToken(QStringLiteral("t-") + role, role);
    const QByteArray body = path.endsWith(QLatin1String("events"))
        ? eventsBody({event(
            {QString(EventType::BeneficiaryAdded), {}, object(R"({"reference":"B-009","family_name":"MARTIN"})")}, 0)})
        : QByteArray(R"({"reference":"B-009","family_name":"MARTIN"})");
    const ApiResponse r = call(api, "POST", path, token, body);
    QVERIFY2(r.status == status, r.body.constData());
    QCOMPARE(int(server->beneficiaries()->size()), status < 300 ? 1 : 0);
    QCOMPARE(EventRules::mayPush(QString(EventType::BeneficiaryAdded), role), status < 300);
}

QTEST_GUILESS_MAIN(TestEventParity)
#include "tst_eventparity.moc"
