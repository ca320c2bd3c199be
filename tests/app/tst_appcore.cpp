// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
//
// The app/core use-cases on real SQLite stores and a machine captured from real
// hardware: identity defaults, test results recorded, a probe stored on an asset with
// its peripherals, and what a label shows.
#include "app/core/assetlabel.h"
#include "app/core/identity.h"
#include "app/core/probeupdate.h"
#include "app/core/testrecording.h"
#include "common/appdefaults.h"
#include "hwtest/probe/machineprobe.h"
#include "inventory/assettag.h"
#include "inventory/store.h"

#include <QJsonArray>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace Etabli;
using namespace Etabli::AppCore;

namespace {

const Inventory::Identity kWho{QStringLiteral("bench-3"), QStringLiteral("tester")};

/// Sets or unsets environment variables for the scope of one test row.
class EnvGuard
{
public:
    void set(const char *name, const QString &value, bool present)
    {
        m_saved.append({name, qgetenv(name), qEnvironmentVariableIsSet(name)});
        if (present)
            qputenv(name, value.toUtf8());
        else
            qunsetenv(name);
    }
    ~EnvGuard()
    {
        for (auto it = m_saved.crbegin(); it != m_saved.crend(); ++it) {
            if (it->present)
                qputenv(it->name, it->value);
            else
                qunsetenv(it->name);
        }
    }

private:
    struct Saved {
        const char *name;
        QByteArray value;
        bool present;
    };
    QList<Saved> m_saved;
};

HwTest::TestResult result(const QString &kind, HwTest::TestVerdict verdict)
{
    HwTest::TestResult t;
    t.kind = kind;
    t.verdict = verdict;
    t.rule = kind + QStringLiteral(".rule");
    t.measurements = QJsonObject{{QStringLiteral("n"), 1}};
    t.startedAt = QDateTime::currentDateTimeUtc();
    t.endedAt = t.startedAt;
    return t;
}

Inventory::Component component(const char *kind, const QString &model, qint64 bytes, bool rotational = true)
{
    Inventory::Component c;
    c.kind = QLatin1String(kind);
    c.model = model;
    c.sizeBytes = bytes;
    c.details = QJsonObject{{QStringLiteral("rotational"), rotational}};
    return c;
}

} // namespace

class TestAppCore : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_files = 0;

    std::unique_ptr<Inventory::Store> newStore()
    {
        auto s = Inventory::Store::open(m_dir.filePath(QStringLiteral("s%1.sqlite").arg(++m_files)), kWho);
        return s ? std::move(s.value()) : nullptr;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    // --- identity: the one rule for --station/--worker defaults
    void identity_data()
    {
        QTest::addColumn<QString>("station"); ///< "-" = unset
        QTest::addColumn<QString>("worker");
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("expectedStation"); ///< "<host>" = the host name, "station" if none
        QTest::addColumn<QString>("expectedWorker");
        QTest::newRow("environment") << "bench-2"
                                     << "amina"
                                     << "root"
                                     << "bench-2"
                                     << "amina";
        QTest::newRow("host and user") << "-"
                                       << "-"
                                       << "lucas"
                                       << "<host>"
                                       << "lucas";
        QTest::newRow("nothing at all") << "-"
                                        << "-"
                                        << "-"
                                        << "<host>"
                                        << "unknown";
        QTest::newRow("set but empty") << ""
                                       << ""
                                       << "lucas"
                                       << "station"
                                       << "unknown";
    }

    void identity()
    {
        QFETCH(QString, station);
        QFETCH(QString, worker);
        QFETCH(QString, user);
        QFETCH(QString, expectedStation);
        QFETCH(QString, expectedWorker);
        EnvGuard env;
        env.set("ETABLI_STATION", station, station != QLatin1String("-"));
        env.set("ETABLI_WORKER", worker, worker != QLatin1String("-"));
        env.set("USER", user, user != QLatin1String("-"));
        if (expectedStation == QLatin1String("<host>"))
            expectedStation
                = QSysInfo::machineHostName().isEmpty() ? QStringLiteral("station") : QSysInfo::machineHostName();
        const Inventory::Identity who = identityFromEnvironment();
        QCOMPARE(who.station, expectedStation);
        QCOMPARE(who.worker, expectedWorker);
        // An explicit value wins over the environment.
        const Inventory::Identity given = makeIdentity(QStringLiteral("desk-1"), QStringLiteral("zoé"));
        QCOMPARE(given.station, QStringLiteral("desk-1"));
        QCOMPARE(given.worker, QStringLiteral("zoé"));
    }

    void inventoryPathOrder()
    {
        EnvGuard env;
        env.set("ETABLI_DB", QString(), false);
        QCOMPARE(inventoryPath(), defaultInventoryPath());
        env.set("ETABLI_DB", QStringLiteral("/tmp/from-env.sqlite"), true);
        QCOMPARE(inventoryPath(), QStringLiteral("/tmp/from-env.sqlite"));
        QCOMPARE(inventoryPath(QStringLiteral("/tmp/given.sqlite")), QStringLiteral("/tmp/given.sqlite"));
    }

    // --- record a test result
    void recordTestResults_data()
    {
        QTest::addColumn<QString>("tag"); ///< "%TAG": the store's asset
        QTest::addColumn<int>("recorded");
        QTest::addColumn<int>("errorCode"); ///< -1: none
        QTest::newRow("two results") << "%TAG" << 2 << -1;
        QTest::newRow("lower-case tag") << "%tag" << 2 << -1;
        QTest::newRow("wrong check character") << "%BAD" << 0 << int(ErrorCode::BadCheckCharacter);
        QTest::newRow("unknown asset") << "%OTHER" << 0 << int(ErrorCode::NotFound);
    }

    void recordTestResults()
    {
        QFETCH(QString, tag);
        QFETCH(int, recorded);
        QFETCH(int, errorCode);
        auto store = newStore();
        QVERIFY(store);
        auto asset = store->addAsset(Inventory::NewAsset{});
        QVERIFY(asset.ok());
        const QString good = asset->tag;
        QString bad = good;
        bad[bad.size() - 1] = bad.back() == u'A' ? u'B' : u'A';
        tag.replace(QLatin1String("%TAG"), good)
            .replace(QLatin1String("%tag"), good.toLower())
            .replace(QLatin1String("%BAD"), bad)
            .replace(QLatin1String("%OTHER"), Inventory::AssetTag::make(QStringLiteral("ETB"), 777777));
        const qint64 before = store->eventCount();

        auto r = AppCore::recordTestResults(*store, tag,
                                            {result(QStringLiteral("keyboard"), HwTest::TestVerdict::Pass),
                                             result(QStringLiteral("mouse"), HwTest::TestVerdict::Fail)});
        QCOMPARE(r.ok(), errorCode < 0);
        if (!r) {
            QCOMPARE(int(r.error().code), errorCode);
            QVERIFY(!r.error().message.isEmpty());
        }
        QCOMPARE(store->eventCount() - before, qint64(recorded));
        if (recorded) {
            QCOMPARE(r->size(), recorded);
            const QList<Inventory::Event> events = store->eventsForAsset(good);
            QCOMPARE(events.last().type, QStringLiteral("test.recorded"));
            QCOMPARE(events.last().payload.value(QStringLiteral("kind")).toString(), QStringLiteral("mouse"));
            QCOMPARE(events.last().payload.value(QStringLiteral("verdict")).toString(), QStringLiteral("FAIL"));
            QCOMPARE(events.last().payload.value(QStringLiteral("measurements")).toObject().value(u"n").toInt(), 1);
            QCOMPARE(events.last().station, kWho.station);
        }
    }

    // --- probe -> asset.updated, peripherals as assets
    void probeStoredOnAsset()
    {
        auto store = newStore();
        QVERIFY(store);
        QVERIFY(store->addLot(QStringLiteral("LOT-1"), QString(), 10).ok());
        Inventory::NewAsset pc;
        pc.lot = QStringLiteral("LOT-1");
        auto asset = store->addAsset(pc);
        QVERIFY(asset.ok());

        HwTest::MachineProbe probe(QStringLiteral(ETABLI_FIXTURES "/probe/machines/thinkpad-t480"),
                                   HwTest::MachineProbe::UsbSource::Sysfs);
        const QJsonObject machine = probe.probe();
        const QJsonObject payload = assetUpdateFromProbe(machine);
        QCOMPARE(payload.value(QStringLiteral("make")).toString(), QStringLiteral("LENOVO"));
        QCOMPARE(payload.value(QStringLiteral("model")).toString(), QStringLiteral("ThinkPad T480s (20L8S07A14)"));
        QCOMPARE(payload.value(QStringLiteral("serial")).toString(), QStringLiteral("PC131TBF"));
        const QJsonObject specs = payload.value(QStringLiteral("specs")).toObject();
        QCOMPARE(specs.value(QStringLiteral("ram_bytes")).toInteger(), qint64(24) << 30);
        QCOMPARE(specs.value(QStringLiteral("probed_by")).toString(), QStringLiteral("etabli probe"));

        auto stored = recordProbe(*store, asset->tag, machine);
        QVERIFY2(stored.ok(), qPrintable(stored.ok() ? QString() : stored.error().message));
        QCOMPARE(stored->type, QStringLiteral("asset.updated"));
        auto after = store->asset(asset->tag);
        QVERIFY(after.ok());
        QCOMPARE(after->make, QStringLiteral("LENOVO"));
        QStringList kinds;
        for (const Inventory::Component &c : after->components)
            kinds << c.kind;
        kinds.sort();
        QCOMPARE(kinds,
                 (QStringList{QStringLiteral("disk"), QStringLiteral("keyboard"), QStringLiteral("nic"),
                              QStringLiteral("nic"), QStringLiteral("ram"), QStringLiteral("ram"),
                              QStringLiteral("screen"), QStringLiteral("screen")}));

        QStringList seen;
        auto added = addProbedPeripherals(
            *store, asset->tag, machine, [&](const QString &kind, const Inventory::Asset &a) { seen << kind + a.tag; });
        QVERIFY(added.ok());
        QCOMPARE(added->size(), 1);
        const Inventory::Asset keyboard = added->first();
        QCOMPARE(seen, QStringList{QStringLiteral("keyboard") + keyboard.tag});
        QVERIFY(keyboard.kind == Inventory::AssetKind::Keyboard);
        QCOMPARE(keyboard.lot, QStringLiteral("LOT-1"));
        QCOMPARE(keyboard.model, QStringLiteral("Kinesis Advantage PRO MPC/USB Keyboard"));
        QCOMPARE(keyboard.specs.value(QStringLiteral("found_on")).toString(), asset->tag);

        // An unknown PC: refused, nothing added.
        const qint64 before = store->eventCount();
        QVERIFY(!recordProbe(*store, Inventory::AssetTag::make(QStringLiteral("ETB"), 777777), machine).ok());
        QVERIFY(!addProbedPeripherals(*store, Inventory::AssetTag::make(QStringLiteral("ETB"), 777777), machine).ok());
        QCOMPARE(store->eventCount(), before);
    }

    // --- asset -> label facts
    void humanBytes_data()
    {
        QTest::addColumn<qint64>("bytes");
        QTest::addColumn<QString>("text");
        QTest::newRow("nothing") << qint64(0) << QString();
        QTest::newRow("8 GiB of RAM") << (qint64(8) << 30) << QStringLiteral("8 GB");
        QTest::newRow("256 GB SSD") << qint64(256060514304) << QStringLiteral("256 GB");
        QTest::newRow("500 GB disk") << qint64(500107862016) << QStringLiteral("500 GB");
        QTest::newRow("2 TB disk") << qint64(2000398934016) << QStringLiteral("2 TB");
    }

    void humanBytes()
    {
        QFETCH(qint64, bytes);
        QFETCH(QString, text);
        QCOMPARE(AppCore::humanBytes(bytes), text);
    }

    void labelSpecLine_data()
    {
        QTest::addColumn<QString>("cpu");
        QTest::addColumn<QList<Inventory::Component>>("components");
        QTest::addColumn<QJsonObject>("specs");
        QTest::addColumn<QString>("line");
        QTest::newRow("components") << QStringLiteral("Intel(R) Core(TM) i5-6500 CPU @ 3.20GHz")
                                    << QList<Inventory::Component>{component("ram", QString(), qint64(4) << 30),
                                                                   component("ram", QString(), qint64(4) << 30),
                                                                   component("disk", QString(), 256060514304, false),
                                                                   component("disk", QString(), 1000204886016)}
                                    << QJsonObject() << QStringLiteral("i5-6500 · 8 GB · SSD 256 GB");
        QTest::newRow("specs only") << QStringLiteral("AMD Athlon(tm) II X2 250 Processor")
                                    << QList<Inventory::Component>{}
                                    << QJsonObject{{QStringLiteral("ram_bytes"), double(qint64(2) << 30)},
                                                   {QStringLiteral("disk_bytes"), 500107862016.0}}
                                    << QStringLiteral("Athlon II X2 250 · 2 GB · 500 GB");
        QTest::newRow("nothing known") << QString() << QList<Inventory::Component>{} << QJsonObject()
                                       << QStringLiteral("DELL P2219H");
    }

    void labelSpecLine()
    {
        QFETCH(QString, cpu);
        QFETCH(QList<Inventory::Component>, components);
        QFETCH(QJsonObject, specs);
        QFETCH(QString, line);
        Inventory::Asset a;
        a.make = QStringLiteral("DELL");
        a.model = QStringLiteral("P2219H");
        a.specs = specs;
        if (!cpu.isEmpty())
            a.specs.insert(QStringLiteral("cpu"), cpu);
        a.components = components;
        QCOMPARE(AppCore::labelSpecLine(a), line);
    }

    void labelFactsFromTheInventory()
    {
        auto store = newStore();
        QVERIFY(store);
        auto pc = store->addAsset(Inventory::NewAsset{});
        Inventory::NewAsset screenAsset;
        screenAsset.kind = Inventory::AssetKind::Screen;
        auto screen = store->addAsset(screenAsset);
        QVERIFY(pc.ok() && screen.ok());
        QVERIFY(
            store
                ->record(QStringLiteral("asset.updated"), pc->tag,
                         QJsonObject{{QStringLiteral("specs"),
                                      QJsonObject{{QStringLiteral("cpu"), QStringLiteral("Intel(R) Core(TM) i5-6500")},
                                                  {QStringLiteral("ram_bytes"), double(qint64(8) << 30)}}}})
                .ok());
        auto kit = store->record(QStringLiteral("kit.created"), pc->tag,
                                 QJsonObject{{QStringLiteral("reference"), QStringLiteral("KIT-9")},
                                             {QStringLiteral("items"), QJsonArray{screen->tag}}});
        QVERIFY2(kit.ok(), qPrintable(kit.ok() ? QString() : kit.error().message));

        auto facts = assetLabelFacts(*store, pc->tag.toLower());
        QVERIFY(facts.ok());
        QCOMPARE(facts->tag, pc->tag);
        QCOMPARE(facts->kind, QStringLiteral("pc"));
        QCOMPARE(facts->spec, QStringLiteral("i5-6500 · 8 GB"));
        QCOMPARE(facts->kitReference, QStringLiteral("KIT-9"));
        QCOMPARE(facts->kitItems.size(), 1);
        QCOMPARE(facts->kitItems.first().tag, screen->tag);
        QCOMPARE(facts->kitItems.first().kind, QStringLiteral("screen"));
        QVERIFY(facts->master.isEmpty());

        QCOMPARE(assetLabelFacts(*store, QStringLiteral("not a tag")).ok(), false);
        auto printed = recordLabelPrinted(*store, pc->tag, QStringLiteral("brother-62x29"),
                                          QStringLiteral("brother-ql://127.0.0.1:9100"));
        QVERIFY(printed.ok());
        QCOMPARE(printed->type, QStringLiteral("label.printed"));
        QCOMPARE(printed->payload.value(QStringLiteral("template")).toString(), QStringLiteral("brother-62x29"));
        QCOMPARE(printed->payload.value(QStringLiteral("printer")).toString(),
                 QStringLiteral("brother-ql://127.0.0.1:9100"));
    }
};

QTEST_GUILESS_MAIN(TestAppCore)
#include "tst_appcore.moc"
