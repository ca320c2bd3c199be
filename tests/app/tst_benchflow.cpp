// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
//
// The bench flow model (app/core/benchflow.h) on real SQLite stores: the order from the
// workshop's configuration, the steps that apply to each kind, the position read back from
// flow.step events after the store was closed as by a power cut, resume that never redoes a
// step whose work is in the log, and nothing written twice.
#include "app/core/benchflow.h"
#include "app/core/testrecording.h"
#include "app/core/workers.h"
#include "inventory/eventtypes.h"
#include "inventory/store.h"

#include <QJsonArray>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Etabli;
using namespace Etabli::AppCore;
using Inventory::AssetKind;
using Inventory::AssetState;

namespace {

const Inventory::Identity kWho{QStringLiteral("bench-1"), QStringLiteral("amina")};

QStringList names(const QList<BenchStep> &steps)
{
    QStringList out;
    for (BenchStep s : steps)
        out << toString(s);
    return out;
}

QString current(const FlowPosition &pos)
{
    return pos.currentStep() ? toString(*pos.currentStep()) : QStringLiteral("(finished)");
}

QStringList names(const FlowPosition &pos)
{
    QStringList out;
    for (const FlowStepState &s : pos.steps)
        out << toString(s.step);
    return out;
}

Inventory::Event configured(const QJsonObject &payload, qint64 seq)
{
    Inventory::Event e;
    e.seq = seq;
    e.type = QString(Inventory::EventType::WorkshopConfigured);
    e.payload = payload;
    return e;
}

int flowEvents(Inventory::Store &store, const QString &tag)
{
    int n = 0;
    for (const Inventory::Event &e : store.eventsForAsset(tag))
        n += e.type == Inventory::EventType::FlowStep;
    return n;
}

HwTest::TestResult pass(const QString &kind)
{
    HwTest::TestResult t;
    t.kind = kind;
    t.rule = kind + QStringLiteral(".ok");
    t.startedAt = QDateTime::currentDateTimeUtc();
    t.endedAt = t.startedAt;
    return t;
}

} // namespace

class TestBenchFlow : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_files = 0;

    QString newPath() { return m_dir.filePath(QStringLiteral("s%1.sqlite").arg(++m_files)); }
    static std::unique_ptr<Inventory::Store> open(const QString &path)
    {
        auto s = Inventory::Store::open(path, kWho);
        return s ? std::move(s.value()) : nullptr;
    }
    static QString addPc(Inventory::Store &store)
    {
        Inventory::NewAsset a;
        a.kind = AssetKind::Pc;
        auto added = store.addAsset(a);
        return added ? added->tag : QString();
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void names_data()
    {
        QTest::addColumn<int>("step");
        QTest::addColumn<QString>("name");
        const QStringList expected{QStringLiteral("identify"),    QStringLiteral("ram"),   QStringLiteral("disk"),
                                   QStringLiteral("screen"),      QStringLiteral("audio"), QStringLiteral("input"),
                                   QStringLiteral("hs"),          QStringLiteral("parts"), QStringLiteral("cleaning"),
                                   QStringLiteral("erase_image"), QStringLiteral("label"), QStringLiteral("packing"),
                                   QStringLiteral("done")};
        for (int i = 0; i < expected.size(); ++i)
            QTest::newRow(qPrintable(expected.at(i))) << i << expected.at(i);
    }
    void names()
    {
        QFETCH(int, step);
        QFETCH(QString, name);
        QCOMPARE(toString(BenchStep(step)), name);
        QVERIFY(benchStepFromString(name) == std::optional<BenchStep>(BenchStep(step)));
        QVERIFY(!benchStepFromString(name.toUpper()));
    }

    void orderFromConfiguration_data()
    {
        QTest::addColumn<QList<Inventory::Event>>("events");
        QTest::addColumn<QStringList>("expected");
        const QStringList all = ::names(defaultBenchSteps());
        QTest::newRow("nothing configured") << QList<Inventory::Event>{} << all;
        QTest::newRow("other settings only")
            << QList<Inventory::Event>{configured({{QStringLiteral("master_name"), QStringLiteral("ecole")}}, 1)}
            << all;
        QTest::newRow("empty list") << QList<Inventory::Event>{configured(
            {{QStringLiteral("bench_steps"), QJsonArray{}}}, 1)}
                                    << all;
        QTest::newRow("reordered, done added") << QList<Inventory::Event>{configured(
            {{QStringLiteral("bench_steps"),
              QJsonArray{QStringLiteral("ram"), QStringLiteral("identify"), QStringLiteral("label")}}},
            1)}
                                               << QStringList{QStringLiteral("ram"), QStringLiteral("identify"),
                                                              QStringLiteral("label"), QStringLiteral("done")};
        QTest::newRow("unknown and repeated dropped, done last") << QList<Inventory::Event>{
            configured({{QStringLiteral("bench_steps"),
                         QJsonArray{QStringLiteral("done"), QStringLiteral("disk"), QStringLiteral("teleport"),
                                    QStringLiteral("disk"), QStringLiteral("RAM"), QStringLiteral("hs")}}},
                       1)} << QStringList{QStringLiteral("disk"), QStringLiteral("hs"), QStringLiteral("done")};
        QTest::newRow("the latest list wins") << QList<Inventory::Event>{
            configured({{QStringLiteral("bench_steps"), QJsonArray{QStringLiteral("hs")}}}, 1),
            configured(
                {{QStringLiteral("bench_steps"), QJsonArray{QStringLiteral("label"), QStringLiteral("packing")}}}, 2),
            configured({{QStringLiteral("city_name"), QStringLiteral("Lille")}},
                       3)} << QStringList{QStringLiteral("label"), QStringLiteral("packing"), QStringLiteral("done")};
    }
    void orderFromConfiguration()
    {
        QFETCH(QList<Inventory::Event>, events);
        QFETCH(QStringList, expected);
        QCOMPARE(::names(stepsFromConfiguration(events)), expected);
    }

    void presenceByKind_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("pc") << int(AssetKind::Pc) << ::names(defaultBenchSteps());
        QTest::newRow("screen") << int(AssetKind::Screen)
                                << QStringList{QStringLiteral("screen"),   QStringLiteral("hs"),
                                               QStringLiteral("cleaning"), QStringLiteral("label"),
                                               QStringLiteral("packing"),  QStringLiteral("done")};
        QTest::newRow("keyboard") << int(AssetKind::Keyboard)
                                  << QStringList{QStringLiteral("input"),    QStringLiteral("hs"),
                                                 QStringLiteral("cleaning"), QStringLiteral("label"),
                                                 QStringLiteral("packing"),  QStringLiteral("done")};
        QTest::newRow("speakers") << int(AssetKind::Speakers)
                                  << QStringList{QStringLiteral("audio"),    QStringLiteral("hs"),
                                                 QStringLiteral("cleaning"), QStringLiteral("label"),
                                                 QStringLiteral("packing"),  QStringLiteral("done")};
    }
    void presenceByKind()
    {
        QFETCH(int, kind);
        QFETCH(QStringList, expected);
        const FlowPosition pos
            = flowPosition(QStringLiteral("X"), AssetKind(kind), AssetState::Received, defaultBenchSteps(), {});
        QCOMPARE(::names(pos), expected);
        QCOMPARE(pos.current, 0);
        QCOMPARE(pos.number(), 1);
    }

    /// The configuration in a real store decides the order of a real asset's flow.
    void orderFromStore()
    {
        const QString path = newPath();
        auto store = open(path);
        QVERIFY(store);
        const QString tag = addPc(*store);
        QCOMPARE(::names(readFlow(*store, tag).value()), ::names(defaultBenchSteps()));
        QVERIFY(store->recordGeneral(
            QString(Inventory::EventType::WorkshopConfigured),
            {{QStringLiteral("bench_steps"),
              QJsonArray{QStringLiteral("identify"), QStringLiteral("erase_image"), QStringLiteral("label")}}}));
        const FlowPosition pos = readFlow(*store, tag).value();
        QCOMPARE(::names(pos),
                 (QStringList{QStringLiteral("identify"), QStringLiteral("erase_image"), QStringLiteral("label"),
                              QStringLiteral("done")}));
        QCOMPARE(pos.total(), 4);
        // A step the workshop switched off is not in the flow: refused, nothing written.
        const qint64 before = store->eventCount();
        auto refused = markStep(*store, tag, BenchStep::Ram, StepStatus::Done);
        QVERIFY(!refused);
        QCOMPARE(refused.error().detail, QStringLiteral("step_not_in_flow"));
        QCOMPARE(store->eventCount(), before);
    }

    /// The position survives closing the store (a power cut), a started step whose work is
    /// in the log is marked done on resume (not run again), nothing is written twice.
    void resumeFromEvents()
    {
        const QString path = newPath();
        QString tag;
        {
            auto store = open(path);
            QVERIFY(store);
            tag = addPc(*store);
            auto started = markStep(*store, tag, BenchStep::Identify, StepStatus::Started);
            QVERIFY2(started, started ? "" : qPrintable(started.error().message));
            QVERIFY(markStep(*store, tag, BenchStep::Identify, StepStatus::Done));
            QVERIFY(markStep(*store, tag, BenchStep::Ram, StepStatus::Started));
            // The RAM test ended and was recorded, then the power went before "done".
            QVERIFY(recordTestResult(*store, tag, pass(QStringLiteral("ram"))));
        }
        auto store = open(path);
        QVERIFY(store);
        QCOMPARE(unfinishedAsset(*store), tag);
        FlowPosition pos = readFlow(*store, tag).value();
        QCOMPARE(toString(pos.steps.at(0).status), toString(StepStatus::Done));
        QCOMPARE(toString(pos.steps.at(1).status), toString(StepStatus::Started));
        QVERIFY(pos.steps.at(1).outcomeRecorded);
        QVERIFY(!pos.steps.at(2).outcomeRecorded); // the disk step's test is not in the log
        QCOMPARE(current(pos), QStringLiteral("ram"));
        const int flowBefore = flowEvents(*store, tag);
        pos = resumeFlow(*store, tag).value();
        QCOMPARE(toString(pos.steps.at(1).status), toString(StepStatus::Done));
        QCOMPARE(pos.steps.at(1).data.value(QStringLiteral("resumed")).toBool(), true);
        QCOMPARE(current(pos), QStringLiteral("disk"));
        QCOMPARE(pos.number(), 3);
        QCOMPARE(flowEvents(*store, tag), flowBefore + 1);
        // Resuming again, or marking again what is marked, writes nothing.
        QVERIFY(resumeFlow(*store, tag));
        QVERIFY(markStep(*store, tag, BenchStep::Ram, StepStatus::Done));
        QVERIFY(markStep(*store, tag, BenchStep::Disk, StepStatus::Started));
        QVERIFY(markStep(*store, tag, BenchStep::Disk, StepStatus::Started));
        QCOMPARE(flowEvents(*store, tag), flowBefore + 2);
        // Only one ram test in the log: nothing redone.
        int ramTests = 0;
        for (const Inventory::Event &e : store->eventsForAsset(tag))
            ramTests += e.type == Inventory::EventType::TestRecorded
                && e.payload.value(QStringLiteral("kind")).toString() == QLatin1String("ram");
        QCOMPARE(ramTests, 1);
    }

    /// A failed step is a finding: the flow goes on. Skipped too. The last step ends it.
    void finishingTheFlow()
    {
        auto store = open(newPath());
        QVERIFY(store);
        const QString tag = addPc(*store);
        QVERIFY(store->recordGeneral(
            QString(Inventory::EventType::WorkshopConfigured),
            {{QStringLiteral("bench_steps"), QJsonArray{QStringLiteral("ram"), QStringLiteral("hs")}}}));
        QVERIFY(markStep(*store, tag, BenchStep::Ram, StepStatus::Failed));
        QCOMPARE(current(readFlow(*store, tag).value()), QStringLiteral("hs"));
        QVERIFY(markStep(*store, tag, BenchStep::Hs, StepStatus::Skipped));
        QCOMPARE(unfinishedAsset(*store), tag);
        FlowPosition pos = markStep(*store, tag, BenchStep::Done, StepStatus::Done).value();
        QVERIFY(pos.finished());
        QCOMPARE(pos.number(), 3);
        QCOMPARE(unfinishedAsset(*store), QString());
        // The events carry the step's number in the workshop's order.
        QList<int> positions;
        for (const Inventory::Event &e : store->eventsForAsset(tag))
            if (e.type == Inventory::EventType::FlowStep)
                positions << e.payload.value(QStringLiteral("position")).toInt();
        QCOMPARE(positions, (QList<int>{1, 2, 3}));
        // Bad input changes nothing.
        const qint64 before = store->eventCount();
        QVERIFY(!markStep(*store, tag, BenchStep::Ram, StepStatus::Pending));
        QVERIFY(!markStep(*store, QStringLiteral("nonsense"), BenchStep::Ram, StepStatus::Done));
        QCOMPARE(store->eventCount(), before);
    }

    /// The asset moves only as far as the lifecycle's guards allow.
    void advanceAskTheLifecycle()
    {
        auto store = open(newPath());
        QVERIFY(store);
        const QString tag = addPc(*store);
        QCOMPARE(Inventory::toString(advanceAsset(*store, tag).value()), Inventory::toString(AssetState::Testing));
        QCOMPARE(Inventory::toString(advanceAsset(*store, tag).value()),
                 Inventory::toString(AssetState::Testing)); // no tests, no image: stays
        Inventory::NewAsset screen;
        screen.kind = AssetKind::Screen;
        const QString s = store->addAsset(screen)->tag;
        QVERIFY(recordTestResult(*store, s, pass(QStringLiteral("screen"))));
        QCOMPARE(Inventory::toString(advanceAsset(*store, s).value()),
                 Inventory::toString(AssetState::Testing)); // no label yet
        QVERIFY(store->record(
            QString(Inventory::EventType::LabelPrinted), s,
            {{QStringLiteral("template"), QStringLiteral("t")}, {QStringLiteral("printer"), QStringLiteral("p")}}));
        QCOMPARE(Inventory::toString(advanceAsset(*store, s).value()), Inventory::toString(AssetState::Ready));
    }

    /// Workers (schema 6): added with a photo and preferences, found by a scanned badge
    /// whatever its case, refused when the badge is known or the photo is not an image.
    void workers()
    {
        auto store = open(newPath());
        QVERIFY(store);
        QVERIFY(store->schemaVersion() >= 6); // the worker cards came with version 6
        WorkerCard amina;
        amina.badge = QStringLiteral("W-0007");
        amina.displayName = QStringLiteral("Amina");
        amina.photo = QByteArray("\x89PNG\r\n\x1a\n", 8) + QByteArray(100, 'x');
        amina.preferences.textScale = 2;
        amina.preferences.highContrast = true;
        amina.preferences.voice = false;
        QVERIFY(addWorker(*store, amina));
        WorkerCard bad = amina;
        QCOMPARE(addWorker(*store, bad).error().detail, QStringLiteral("badge_exists"));
        bad.badge = QStringLiteral("W-0008");
        bad.photo = QByteArray("GIF89a");
        QCOMPARE(addWorker(*store, bad).error().detail, QStringLiteral("bad_photo"));
        bad.photo.clear();
        bad.role = QStringLiteral("boss");
        QVERIFY(!addWorker(*store, bad));
        QCOMPARE(AppCore::workers(*store).size(), 1);

        auto found = workerByBadge(*store, QStringLiteral(" w-0007 "));
        QVERIFY(found);
        QCOMPARE(found->displayName, QStringLiteral("Amina"));
        QCOMPARE(found->photo, amina.photo);
        QCOMPARE(found->preferences.textScale, 2.0);
        QVERIFY(found->preferences.highContrast);
        QVERIFY(!found->preferences.voice);
        QCOMPARE(workerByBadge(*store, QStringLiteral("W-9999")).error().detail, QStringLiteral("unknown_badge"));

        // worker.updated changes only what it carries; a worker who left logs in no more.
        QVERIFY(store->recordGeneral(QString(Inventory::EventType::WorkerUpdated),
                                     {{QStringLiteral("badge"), QStringLiteral("W-0007")},
                                      {QStringLiteral("display_name"), QStringLiteral("Amina B.")}}));
        QCOMPARE(workerByBadge(*store, QStringLiteral("W-0007"))->displayName, QStringLiteral("Amina B."));
        QCOMPARE(workerByBadge(*store, QStringLiteral("W-0007"))->photo, amina.photo);
        QVERIFY(store->recordGeneral(
            QString(Inventory::EventType::WorkerUpdated),
            {{QStringLiteral("badge"), QStringLiteral("W-0007")}, {QStringLiteral("active"), false}}));
        QVERIFY(!workerByBadge(*store, QStringLiteral("W-0007")));
        QCOMPARE(AppCore::workers(*store).size(), 0);
        QCOMPARE(AppCore::workers(*store, false).size(), 1);
    }

    /// The identify step's verdict from the workshop's min_spec.
    void minSpec_data()
    {
        QTest::addColumn<QJsonObject>("minSpec");
        QTest::addColumn<QStringList>("missing");
        QTest::newRow("none") << QJsonObject{} << QStringList{};
        QTest::newRow("met") << QJsonObject{{QStringLiteral("ram_gb"), 4}, {QStringLiteral("disk_gb"), 100}}
                             << QStringList{};
        QTest::newRow("too little ram") << QJsonObject{{QStringLiteral("ram_gb"), 16}}
                                        << QStringList{QStringLiteral("ram")};
        QTest::newRow("both") << QJsonObject{{QStringLiteral("ram_gb"), 16}, {QStringLiteral("disk_gb"), 500}}
                              << QStringList{QStringLiteral("ram"), QStringLiteral("disk")};
    }
    void minSpec()
    {
        QFETCH(QJsonObject, minSpec);
        QFETCH(QStringList, missing);
        Inventory::Asset pc;
        Inventory::Component ram;
        ram.kind = QStringLiteral("ram");
        ram.sizeBytes = 8'000'000'000;
        Inventory::Component disk;
        disk.kind = QStringLiteral("disk");
        disk.sizeBytes = 256'000'000'000;
        pc.components = {ram, disk};
        const MinSpecVerdict v = minSpecVerdict(pc, minSpec);
        QCOMPARE(v.missing, missing);
        QCOMPARE(v.met, missing.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestBenchFlow)
#include "tst_benchflow.moc"
