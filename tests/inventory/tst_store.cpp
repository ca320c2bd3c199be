// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "inventory/assettag.h"
#include "inventory/schema.h"
#include "inventory/store.h"

#include <QFile>
#include <QJsonArray>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Etabli;
using namespace Etabli::Inventory;

class TestStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void migratesVersion1InPlace();
    void refusesWhatIsNotAnInventory();
    void refusesANewerSchema();
    void eventLogIsAppendOnly();
    void pcGoesThroughTheWorkshop();
    void returnStartsANewCycle();
    void failedChangeLeavesNothing_data();
    void failedChangeLeavesNothing();
    void remoteEventsAreIdempotent();
    void staleRemoteMoveIsOverriddenAndVisible();
    void isoTimeIsQtsText();

private:
    std::unique_ptr<Store> openStore(const QString &name, const QString &station = QStringLiteral("bench-1"));
    QString readyPc(Store &store);
    QTemporaryDir m_dir;
};

std::unique_ptr<Store> TestStore::openStore(const QString &name, const QString &station)
{
    auto s = Store::open(m_dir.filePath(name), Identity{station, QStringLiteral("tester")});
    if (!s.ok())
        qFatal("%s", qPrintable(s.error().message));
    return std::move(s.value());
}

static qint64 scalar(Store &store, const QString &sql)
{
    QSqlQuery q(store.database());
    if (!q.exec(sql) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

void TestStore::init()
{
    QVERIFY(m_dir.isValid());
}

void TestStore::migratesVersion1InPlace()
{
    const QString path = m_dir.filePath(QStringLiteral("v1.sqlite"));
    QVERIFY(QFile::copy(QStringLiteral(ETABLI_FIXTURES "/inventory/store-v1.sqlite"), path));
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    {
        auto old = Store::open(path, Identity{QStringLiteral("b"), QStringLiteral("w")}, 1);
        QVERIFY(old.ok());
        QCOMPARE((*old)->schemaVersion(), 1);
    }
    auto opened = Store::open(path, Identity{QStringLiteral("bench-2"), QStringLiteral("paul")});
    QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().message));
    Store &store = **opened;
    QCOMPARE(store.schemaVersion(), Schema::latestVersion());
    QCOMPARE(scalar(store, QStringLiteral("PRAGMA user_version")), qint64(Schema::latestVersion()));
    QCOMPARE(store.assets().size(), 3);
    QCOMPARE(store.eventCount(), qint64(5));
    auto pc = store.asset(QStringLiteral("BCL-000001-M"));
    QVERIFY(pc.ok());
    QCOMPARE(toString(pc->state), toString(AssetState::Testing));
    QCOMPARE(pc->lot, QStringLiteral("LOT-2025-007"));
    QCOMPARE(pc->revision, qint64(2)); // asset.added + asset.moved, counted by the migration
    QCOMPARE(pc->cycle, 1);
    // Old event times became sortable milliseconds.
    QCOMPARE(scalar(store, QStringLiteral("SELECT time_ms FROM events WHERE seq = 1")),
             QDateTime::fromString(QStringLiteral("2025-09-01T08:00:00.000Z"), Qt::ISODateWithMs).toMSecsSinceEpoch());
    // The upgraded file keeps working, with the old settings.
    QCOMPARE(store.tagPrefix(), QStringLiteral("BCL"));
    auto added = store.addAsset(NewAsset{AssetKind::Mouse, {}, QStringLiteral("LOT-2025-007"), {}, {}, {}, {}});
    QVERIFY(added.ok());
    QCOMPARE(added->tag, AssetTag::make(QStringLiteral("BCL"), 4));
    QCOMPARE(store.lot(QStringLiteral("LOT-2025-007"))->assetCount, 4);
    auto refused = store.moveAsset(QStringLiteral("BCL-000001-M"), AssetState::InRepair);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().detail, QStringLiteral("hs_recorded"));
}

void TestStore::refusesWhatIsNotAnInventory()
{
    const QString path = m_dir.filePath(QStringLiteral("garbage.sqlite"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    const QByteArray garbage(4096, '\x5a');
    f.write(garbage);
    f.close();
    auto r = Store::open(path, Identity{QStringLiteral("b"), QStringLiteral("w")});
    QVERIFY(!r.ok());
    QVERIFY(!r.error().message.isEmpty());
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), garbage); // untouched
}

void TestStore::refusesANewerSchema()
{
    const QString path = m_dir.filePath(QStringLiteral("future.sqlite"));
    {
        auto store = openStore(QStringLiteral("future.sqlite"));
        QSqlQuery q(store->database());
        QVERIFY(q.exec(QStringLiteral("PRAGMA user_version = 99")));
    }
    auto r = Store::open(path, Identity{QStringLiteral("b"), QStringLiteral("w")});
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, ErrorCode::Unsupported);
}

void TestStore::eventLogIsAppendOnly()
{
    auto store = openStore(QStringLiteral("append.sqlite"));
    QVERIFY(store->addLot(QStringLiteral("L1"), QStringLiteral("Donor"), 3).ok());
    QSqlQuery q(store->database());
    QVERIFY(!q.exec(QStringLiteral("UPDATE events SET type = 'x'")));
    QVERIFY(q.lastError().text().contains(QStringLiteral("append-only")));
    QVERIFY(!q.exec(QStringLiteral("DELETE FROM events")));
    QCOMPARE(store->eventCount(), qint64(1));
    QCOMPARE(store->events().first().type, QStringLiteral("lot.added"));
}

QString TestStore::readyPc(Store &store)
{
    auto pc = store.addAsset(
        NewAsset{AssetKind::Pc, {}, {}, QStringLiteral("Dell"), QStringLiteral("7010"), QStringLiteral("SN1"), {}});
    if (!pc.ok())
        return {};
    const QString tag = pc->tag;
    auto must = [](bool ok, const char *what) {
        if (!ok)
            qFatal("step failed: %s", what);
    };
    must(store.moveAsset(tag, AssetState::Testing).ok(), "testing");
    for (const char *kind : {"ram", "disk"})
        must(store
                 .record(QStringLiteral("test.recorded"), tag,
                         {{QStringLiteral("kind"), QLatin1String(kind)},
                          {QStringLiteral("verdict"), QStringLiteral("PASS")}})
                 .ok(),
             kind);
    must(store
             .record(QStringLiteral("imaging.recorded"), tag,
                     {{QStringLiteral("master_name"), QStringLiteral("ecole")},
                      {QStringLiteral("master_version"), QStringLiteral("2026.1")},
                      {QStringLiteral("fill"), QStringLiteral("zeros")},
                      {QStringLiteral("verified"), true}})
             .ok(),
         "imaging");
    must(store.moveAsset(tag, AssetState::Imaged).ok(), "imaged");
    must(store
             .record(QStringLiteral("label.printed"), tag,
                     {{QStringLiteral("template"), QStringLiteral("brother-62x29")},
                      {QStringLiteral("printer"), QStringLiteral("test")}})
             .ok(),
         "label");
    must(store.moveAsset(tag, AssetState::Ready).ok(), "ready");
    return tag;
}

void TestStore::pcGoesThroughTheWorkshop()
{
    auto store = openStore(QStringLiteral("workshop.sqlite"));
    const QString tag = readyPc(*store);
    QVERIFY(!tag.isEmpty());
    QCOMPARE(toString(store->asset(tag)->state), toString(AssetState::Ready));

    auto noBeneficiary = store->moveAsset(tag, AssetState::Reserved);
    QCOMPARE(noBeneficiary.error().detail, QStringLiteral("beneficiary_given"));
    QVERIFY(store->moveAsset(tag, AssetState::Reserved, QStringLiteral("FAM-0042")).ok());
    auto wrong = store->moveAsset(tag, AssetState::HandedOver, QStringLiteral("FAM-0043"));
    QVERIFY(!wrong.ok());
    QCOMPARE(wrong.error().detail, QStringLiteral("reserved_for_beneficiary"));
    auto handed = store->moveAsset(tag, AssetState::HandedOver, QStringLiteral("FAM-0042"));
    QVERIFY(handed.ok());
    QCOMPARE(handed->reservedFor, QStringLiteral("FAM-0042"));
    QSqlQuery q(store->database());
    QVERIFY(q.exec(QStringLiteral("SELECT handed_over_at, warranty_until FROM handovers")));
    QVERIFY(q.next());
    const QDate handedOn = QDateTime::fromString(q.value(0).toString(), Qt::ISODateWithMs).date();
    QCOMPARE(QDate::fromString(q.value(1).toString(), Qt::ISODate), handedOn.addYears(3));
    // Every applied change is one event on the asset.
    QCOMPARE(store->eventsForAsset(tag).size(), int(store->asset(tag)->revision));
}

void TestStore::returnStartsANewCycle()
{
    auto store = openStore(QStringLiteral("return.sqlite"));
    const QString tag = readyPc(*store);
    QVERIFY(store->moveAsset(tag, AssetState::Reserved, QStringLiteral("FAM-1")).ok());
    QVERIFY(store->moveAsset(tag, AssetState::HandedOver, QStringLiteral("FAM-1")).ok());
    auto back = store->moveAsset(tag, AssetState::Returned, {}, QStringLiteral("écran noir"));
    QVERIFY(back.ok());
    QCOMPARE(back->cycle, 2);
    QVERIFY(back->reservedFor.isEmpty());
    QVERIFY(store->moveAsset(tag, AssetState::Testing).ok());
    // Tests, erasure and image of the first loan no longer count.
    auto again = store->moveAsset(tag, AssetState::Imaged);
    QVERIFY(!again.ok());
    QCOMPARE(again.error().detail, QStringLiteral("required_tests_passed"));
}

void TestStore::failedChangeLeavesNothing_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("tag");
    QTest::addColumn<QJsonObject>("payload");
    QTest::addColumn<int>("code");
    const QString good = AssetTag::make(QStringLiteral("ETB"), 1);
    QTest::newRow("unknown tag") << QStringLiteral("test.recorded") << AssetTag::make(QStringLiteral("ETB"), 77)
                                 << QJsonObject{{QStringLiteral("kind"), QStringLiteral("ram")},
                                                {QStringLiteral("verdict"), QStringLiteral("PASS")}}
                                 << int(ErrorCode::NotFound);
    QString badCheck = good;
    badCheck[badCheck.size() - 1] = good.back() == u'A' ? u'B' : u'A';
    QTest::newRow("wrong check character")
        << QStringLiteral("test.recorded") << badCheck << QJsonObject{} << int(ErrorCode::BadCheckCharacter);
    QTest::newRow("verdict not a verdict") << QStringLiteral("test.recorded") << good
                                           << QJsonObject{{QStringLiteral("kind"), QStringLiteral("ram")},
                                                          {QStringLiteral("verdict"), QStringLiteral("OK")}}
                                           << int(ErrorCode::InvalidArgument);
    QTest::newRow("verdict of the wrong type")
        << QStringLiteral("test.recorded") << good
        << QJsonObject{{QStringLiteral("kind"), QStringLiteral("ram")}, {QStringLiteral("verdict"), 1}}
        << int(ErrorCode::InvalidArgument);
    QTest::newRow("hs reason off the list") << QStringLiteral("hs.recorded") << good
                                            << QJsonObject{{QStringLiteral("part"), QStringLiteral("screen")},
                                                           {QStringLiteral("reason"), QStringLiteral("sad")}}
                                            << int(ErrorCode::InvalidArgument);
    QTest::newRow("imaging without verified") << QStringLiteral("imaging.recorded") << good
                                              << QJsonObject{{QStringLiteral("master_name"), QStringLiteral("m")},
                                                             {QStringLiteral("master_version"), QStringLiteral("1")}}
                                              << int(ErrorCode::InvalidArgument);
    QTest::newRow("components not a list")
        << QStringLiteral("asset.updated") << good << QJsonObject{{QStringLiteral("components"), QStringLiteral("ram")}}
        << int(ErrorCode::InvalidArgument);
    QTest::newRow("kit with an unknown item")
        << QStringLiteral("kit.created") << good
        << QJsonObject{{QStringLiteral("reference"), QStringLiteral("K1")},
                       {QStringLiteral("items"), QJsonArray{AssetTag::make(QStringLiteral("ETB"), 55)}}}
        << int(ErrorCode::NotFound);
    QTest::newRow("unknown record type") << QStringLiteral("asset.deleted") << good << QJsonObject{}
                                         << int(ErrorCode::InvalidArgument);
}

void TestStore::failedChangeLeavesNothing()
{
    QFETCH(QString, type);
    QFETCH(QString, tag);
    QFETCH(QJsonObject, payload);
    QFETCH(int, code);
    auto store = openStore(
        QStringLiteral("bad-%1.sqlite").arg(QString::fromUtf8(QTest::currentDataTag())).replace(u' ', u'-'));
    QVERIFY(store->addAsset(NewAsset{}).ok());
    const qint64 before = store->eventCount();
    const qint64 kitsBefore = scalar(*store, QStringLiteral("SELECT count(*) FROM kits"));
    auto r = store->record(type, tag, payload);
    QVERIFY(!r.ok());
    QCOMPARE(int(r.error().code), code);
    QVERIFY(!r.error().message.isEmpty());
    QCOMPARE(store->eventCount(), before);
    QCOMPARE(scalar(*store, QStringLiteral("SELECT count(*) FROM kits")), kitsBefore);
    QCOMPARE(scalar(*store, QStringLiteral("SELECT count(*) FROM test_results")), qint64(0));
    QCOMPARE(store->asset(AssetTag::make(QStringLiteral("ETB"), 1))->revision, qint64(1));
}

void TestStore::remoteEventsAreIdempotent()
{
    auto a = openStore(QStringLiteral("a.sqlite"), QStringLiteral("bench-a"));
    auto b = openStore(QStringLiteral("b.sqlite"), QStringLiteral("bench-b"));
    QVERIFY(a->addLot(QStringLiteral("L1"), QStringLiteral("Donor"), 2).ok());
    QVERIFY(a->addAsset(NewAsset{AssetKind::Screen, {}, QStringLiteral("L1"), {}, {}, {}, {}}).ok());
    for (const Event &e : a->events()) {
        auto first = b->applyRemote(e);
        QVERIFY(first.ok());
        QVERIFY(*first);
        auto second = b->applyRemote(e);
        QVERIFY(second.ok());
        QVERIFY(!*second);
    }
    QCOMPARE(b->eventCount(), a->eventCount());
    const Event original = a->events().last();
    const Event copy = b->eventByUuid(original.uuid).value();
    QCOMPARE(copy.station, QStringLiteral("bench-a"));
    QCOMPARE(copy.time, original.time);
    QCOMPARE(b->asset(original.assetTag)->lot, QStringLiteral("L1"));
}

void TestStore::staleRemoteMoveIsOverriddenAndVisible()
{
    auto a = openStore(QStringLiteral("sa.sqlite"), QStringLiteral("bench-a"));
    auto b = openStore(QStringLiteral("sb.sqlite"), QStringLiteral("bench-b"));
    auto screen = a->addAsset(NewAsset{AssetKind::Screen, {}, {}, {}, {}, {}, {}});
    QVERIFY(screen.ok());
    for (const Event &e : a->events())
        QVERIFY(b->applyRemote(e).ok());
    // Both stations move the same asset from RECEIVED, offline.
    QVERIFY(a->moveAsset(screen->tag, AssetState::Testing).ok());
    QVERIFY(b->moveAsset(screen->tag, AssetState::Parts).ok());
    const Event fromB = b->events().last();
    auto applied = a->applyRemote(fromB);
    QVERIFY(applied.ok());
    QVERIFY(*applied);
    QCOMPARE(toString(a->asset(screen->tag)->state), toString(AssetState::Testing));
    const Event stored = a->eventByUuid(fromB.uuid).value();
    QCOMPARE(stored.status, QStringLiteral("overridden"));
    QVERIFY(stored.note.contains(QStringLiteral("RECEIVED")));
    QCOMPARE(a->eventsForAsset(screen->tag).size(), 3);
}

QTEST_GUILESS_MAIN(TestStore)
// push (issue 17): isoTime() writes the event time by hand (it was a tenth of the server's
// CPU through QDateTime::toString); its text must be Qt's Qt::ISODateWithMs in UTC, which
// every store and the log hold: leap days, century years, ends of days and milliseconds,
// times before 1970, other time zones, and a spread of random instants.
void TestStore::isoTimeIsQtsText()
{
    const auto qts = [](const QDateTime &t) { return t.toUTC().toString(Qt::ISODateWithMs); };
    QList<QDateTime> times{
        QDateTime(QDate(2024, 2, 29), QTime(23, 59, 59, 999), Qt::UTC),
        QDateTime(QDate(2000, 2, 29), QTime(0, 0), Qt::UTC),
        QDateTime(QDate(2100, 3, 1), QTime(12, 0, 0, 5), Qt::UTC),
        QDateTime(QDate(1969, 12, 31), QTime(23, 59, 59, 999), Qt::UTC),
        QDateTime(QDate(1000, 1, 1), QTime(0, 0), Qt::UTC),
        QDateTime(QDate(9999, 12, 31), QTime(23, 59, 59, 999), Qt::UTC),
        QDateTime(QDate(2026, 3, 29), QTime(2, 30), Qt::OffsetFromUTC, 3600),
        QDateTime(QDate(2026, 12, 4), QTime(8, 5, 9, 42), Qt::LocalTime),
        QDateTime::fromMSecsSinceEpoch(0, Qt::UTC),
    };
    quint64 x = 0x9e3779b97f4a7c15ULL; // a fixed xorshift sequence: the same instants every run
    for (int i = 0; i < 20000; ++i) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        // from about 1900 to 2150
        times.append(QDateTime::fromMSecsSinceEpoch(qint64(x % 7'900'000'000'000ULL) - 2'200'000'000'000LL, Qt::UTC));
    }
    for (const QDateTime &t : std::as_const(times))
        QCOMPARE(isoTime(t), qts(t));
    QCOMPARE(isoTime(QDateTime()), qts(QDateTime())); // invalid: Qt's answer, empty
    QCOMPARE(isoTime(QDateTime(QDate(2024, 2, 29), QTime(23, 59, 59, 999), Qt::UTC)),
             QStringLiteral("2024-02-29T23:59:59.999Z"));
}

#include "tst_store.moc"
