// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
//
// The bench's long work through Etabli::Bench::Bench (the adaptor the screens bind to), on
// real SQLite stores and a real loop device (root, as CI runs):
// - the disk step runs SMART and a read-only surface scan of the disk under test, records
//   both as the CLI's `etabli test disk --surface` does, and says a failed surface in plain
//   words (unreadable sectors: FaultyBlockSource over the real loop device, because this
//   kernel has no device-mapper for a dm-error target);
// - « Work on another PC meanwhile »: another PC's steps by hand while the scan runs, the end
//   shown and said on return, both positions in the store, a restart offers both;
// - the sync indicator in words; the FROZEN disk known by the helper's typed code.
#include "app/bench/bench.h"
#include "app/core/benchflow.h"
#include "app/core/helperprotocol.h"
#include "app/core/workers.h"
#include "app/ui/speech.h"
#include "hwtest/diag/diagjob.h"
#include "hwtest/diag/ramtest_child.h"
#include "inventory/event.h"
#include "inventory/eventtypes.h"
#include "inventory/store.h"
#include "tests/support/faultyblocksource.h"
#include "tests/support/recordingspeaker.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

#include <atomic>
#include <thread>
#include <unistd.h>

using namespace Etabli;
using namespace Etabli::AppCore;
using BenchUi = Etabli::Bench::Bench;
using Etabli::Bench::BenchConfig;

namespace {

const Inventory::Identity kWho{QStringLiteral("bench-1"), QStringLiteral("setup")};

/// A real disk source that waits at its first read until the test opens the gate, and may
/// fail reads on some sectors (FaultyBlockSource): the long work lasts as long as the test needs.
class GatedDisk final : public HwTest::BlockSource
{
public:
    GatedDisk(std::unique_ptr<HwTest::BlockSource> inner, QSet<qint64> bad, std::atomic<bool> *gate)
        : m_inner(std::move(inner))
        , m_faulty(m_inner.get(), std::move(bad))
        , m_gate(gate)
    {}
    qint64 size() const override { return m_inner->size(); }
    int sectorSize() const override { return m_inner->sectorSize(); }
    qint64 readAt(qint64 offset, void *buffer, qint64 length) override
    {
        while (m_gate && !m_gate->load())
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        return m_faulty.readAt(offset, buffer, length);
    }
    QString name() const override { return m_inner->name(); }

private:
    std::unique_ptr<HwTest::BlockSource> m_inner;
    TestSupport::FaultyBlockSource m_faulty;
    std::atomic<bool> *m_gate;
};

QByteArray sha(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(&f);
    return h.result().toHex();
}

QList<Inventory::Event> diskTests(Inventory::Store &store, const QString &tag)
{
    QList<Inventory::Event> out;
    for (const Inventory::Event &e : store.eventsForAsset(tag))
        if (e.type == Inventory::EventType::TestRecorded
            && e.payload.value(QStringLiteral("kind")).toString() == QLatin1String("disk"))
            out << e;
    return out;
}

QString status(Inventory::Store &store, const QString &tag, BenchStep step)
{
    const FlowPosition pos = readFlow(store, tag).value();
    for (const FlowStepState &s : pos.steps)
        if (s.step == step)
            return toString(s.status);
    return QStringLiteral("(absent)");
}

} // namespace

class TestBenchJobs : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_image; ///< the disk under test's backing file (real data)
    QString m_loop; ///< the loop device over it
    int m_n = 0;
    Test::RecordingSpeaker m_speaker;

    std::unique_ptr<Inventory::Store> newStore(QString &path, const QJsonArray &steps)
    {
        path = m_dir.filePath(QStringLiteral("s%1.sqlite").arg(++m_n));
        auto s = Inventory::Store::open(path, kWho);
        if (!s)
            return nullptr;
        if (!(*s)->recordGeneral(QString(Inventory::EventType::WorkshopConfigured),
                                 {{QStringLiteral("bench_steps"), steps}}))
            return nullptr;
        return std::move(s.value());
    }
    static QString addPc(Inventory::Store &store)
    {
        Inventory::NewAsset a;
        a.kind = Inventory::AssetKind::Pc;
        auto added = store.addAsset(a);
        return added ? added->tag : QString();
    }
    BenchConfig config(const QString &db) const
    {
        BenchConfig c;
        c.dbPath = db;
        c.station = kWho.station;
        c.smartJson = QStringLiteral(ETABLI_FIXTURES "/diag/smartctl-wd20efrx-pass.json");
        c.diskPath = m_loop;
        c.surfaceChunkBytes = 1 << 20;
        return c;
    }
    static BenchConfig::DiskOpener gated(QSet<qint64> bad, std::atomic<bool> *gate)
    {
        return [bad, gate](const QString &path) -> Result<std::unique_ptr<HwTest::BlockSource>> {
            auto file = HwTest::FileBlockSource::open(path);
            if (!file)
                return file.error();
            return std::unique_ptr<HwTest::BlockSource>(
                std::make_unique<GatedDisk>(std::unique_ptr<HwTest::BlockSource>(std::move(*file)), bad, gate));
        };
    }
    static bool openOn(BenchUi *bench, const QString &tag)
    {
        bench->openAsset(tag);
        return QTest::qWaitFor([&] { return bench->assetTag() == tag && bench->busyRequests() == 0; }, 10000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        Ui::Speech::instance()->setSpeaker(&m_speaker);
        Ui::Speech::instance()->setEnabled(true);
        if (::geteuid() != 0)
            QSKIP("the disk under test is a loop device: run as root (CI does)");
        // 16 MiB of real, varied data: the scan must read it all and change none of it.
        m_image = m_dir.filePath(QStringLiteral("disk.img"));
        QFile f(m_image);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QByteArray block(1 << 20, Qt::Uninitialized);
        for (int i = 0; i < 16; ++i) {
            for (int j = 0; j < block.size(); ++j)
                block[j] = char((i * 131 + j * 7) & 0xff);
            QVERIFY(f.write(block) == block.size());
        }
        f.close();
        QProcess losetup;
        losetup.start(QStringLiteral("losetup"), {QStringLiteral("-f"), QStringLiteral("--show"), m_image});
        QVERIFY(losetup.waitForFinished(20000));
        QVERIFY2(losetup.exitCode() == 0, losetup.readAllStandardError().constData());
        m_loop = QString::fromUtf8(losetup.readAllStandardOutput()).trimmed();
        QVERIFY(m_loop.startsWith(QLatin1String("/dev/loop")));
    }
    void cleanupTestCase()
    {
        Ui::Speech::instance()->setSpeaker(nullptr);
        if (!m_loop.isEmpty())
            QProcess::execute(QStringLiteral("losetup"), {QStringLiteral("-d"), m_loop});
    }

    /// The disk step: SMART, then the surface of the disk under test (the loop device), read
    /// only; both recorded; a failed surface said in plain words on the next screen.
    void diskStepSurface_data()
    {
        QTest::addColumn<QList<qint64>>("bad");
        QTest::newRow("every sector read") << QList<qint64>{};
        QTest::newRow("unreadable sectors") << QList<qint64>{100, 101, 30000};
    }
    void diskStepSurface()
    {
        QFETCH(QList<qint64>, bad);
        QString db;
        auto store = newStore(db, {QStringLiteral("disk"), QStringLiteral("hs")});
        QVERIFY(store);
        const QString tag = addPc(*store);
        const QByteArray before = sha(m_image);
        BenchUi *bench = BenchUi::instance();
        BenchConfig c = config(db);
        if (!bad.isEmpty())
            c.openDisk = gated(QSet<qint64>(bad.begin(), bad.end()), nullptr);
        bench->configure(c);
        QVERIFY(openOn(bench, tag));
        QCOMPARE(bench->flow()->currentStep(), QStringLiteral("disk"));
        QSignalSpy progress(bench, &BenchUi::progressChanged);
        bench->mainAction();
        QVERIFY(bench->working());
        QTRY_VERIFY_WITH_TIMEOUT(!bench->jobRunning() && bench->busyRequests() == 0, 30000);
        QCOMPARE(bench->flow()->currentStep(), QStringLiteral("hs"));
        QVERIFY(progress.count() > 0);

        // One disk test (resume and the lifecycle count one): the surface as `etabli test disk
        // --surface` records it, with the SMART verdict inside.
        const QList<Inventory::Event> tests = diskTests(*store, tag);
        QCOMPARE(tests.size(), 1);
        const QJsonObject surface = tests.at(0).payload;
        const QJsonObject m = surface.value(QStringLiteral("measurements")).toObject();
        const QJsonObject smart = m.value(QStringLiteral("smart")).toObject();
        QCOMPARE(smart.value(QStringLiteral("verdict")).toString(), QStringLiteral("PASS"));
        QVERIFY(smart.value(QStringLiteral("rule")).toString().startsWith(QLatin1String("smart")));
        QCOMPARE(m.value(QStringLiteral("check")).toString(), QStringLiteral("surface"));
        QCOMPARE(m.value(QStringLiteral("device")).toString(), m_loop); // the disk under test only
        QCOMPARE(m.value(QStringLiteral("bytes_total")).toInteger(), qint64(16 << 20));
        QCOMPARE(m.value(QStringLiteral("bytes_scanned")).toInteger(), qint64(16 << 20));
        QCOMPARE(m.value(QStringLiteral("bad_sector_count")).toInt(), int(bad.size()));
        QCOMPARE(sha(m_image), before); // read-only
        if (bad.isEmpty()) {
            QCOMPARE(surface.value(QStringLiteral("verdict")).toString(), QStringLiteral("PASS"));
            QCOMPARE(status(*store, tag, BenchStep::Disk), QStringLiteral("done"));
            QCOMPARE(bench->verdict(), QString());
        } else {
            QCOMPARE(surface.value(QStringLiteral("verdict")).toString(), QStringLiteral("FAIL"));
            QCOMPARE(m.value(QStringLiteral("bad_sectors")).toArray().first().toInteger(), bad.first());
            QCOMPARE(status(*store, tag, BenchStep::Disk), QStringLiteral("failed"));
            // Plain words for the worker: no « sector », no « SMART ».
            QCOMPARE(bench->verdict(), QStringLiteral("Some places on the disk cannot be read. Do not use this disk."));
        }
        // Leaving the screen's step clears the verdict.
        bench->mainAction();
        QTRY_COMPARE(bench->flow()->currentStep(), QStringLiteral("done"));
        QCOMPARE(bench->verdict(), QString());
    }

    /// « Work on another PC meanwhile »: PC A's disk test runs (held at its first read until
    /// the test opens the gate) while the worker does PC B's steps by hand; a step that needs
    /// the bench waits; both positions are in the store meanwhile; A's end is said at once and
    /// shown when the worker goes back.
    void workMeanwhile_data()
    {
        QTest::addColumn<QList<qint64>>("bad");
        QTest::newRow("the test passes") << QList<qint64>{};
        QTest::newRow("the test fails") << QList<qint64>{7};
    }
    void workMeanwhile()
    {
        QFETCH(QList<qint64>, bad);
        QString db;
        auto store = newStore(
            db, {QStringLiteral("disk"), QStringLiteral("hs"), QStringLiteral("cleaning"), QStringLiteral("packing")});
        QVERIFY(store);
        const QString a = addPc(*store), b = addPc(*store), c = addPc(*store);
        QVERIFY(markStep(*store, b, BenchStep::Disk, StepStatus::Done)); // B's disk was tested earlier
        std::atomic<bool> gate{false};
        BenchUi *bench = BenchUi::instance();
        BenchConfig cfg = config(db);
        cfg.openDisk = gated(QSet<qint64>(bad.begin(), bad.end()), &gate);
        bench->configure(cfg);
        QVERIFY(openOn(bench, a));
        QVERIFY(!bench->canWorkMeanwhile()); // nothing runs yet
        bench->mainAction();
        QVERIFY(bench->working());
        QVERIFY(bench->canWorkMeanwhile());

        bench->workOnAnother();
        QCOMPARE(bench->screen(), BenchUi::Screen::Asset);
        QCOMPARE(bench->otherTag(), a);
        QVERIFY(bench->jobRunning());
        QVERIFY(bench->notice().contains(a));

        // PC C stands at its disk step: that needs the bench, it waits, nothing is written.
        QVERIFY(openOn(bench, c));
        QVERIFY(!bench->working());
        const qint64 events = store->eventCount();
        bench->mainAction();
        QVERIFY(bench->message().contains(a));
        QCOMPARE(store->eventCount(), events);

        // PC B: its steps by hand while A's test runs.
        QVERIFY(openOn(bench, b));
        QCOMPARE(bench->flow()->currentStep(), QStringLiteral("hs"));
        bench->recordHs(QStringLiteral("battery"), QStringLiteral("missing"));
        QTRY_COMPARE(bench->hsRecorded().size(), 1);
        bench->mainAction();
        QTRY_COMPARE(bench->flow()->currentStep(), QStringLiteral("cleaning"));
        bench->mainAction();
        QTRY_COMPARE(bench->flow()->currentStep(), QStringLiteral("packing"));
        QVERIFY(bench->jobRunning());
        QCOMPARE(bench->jobTag(), a);
        QCOMPARE(bench->assetTag(), b);
        QVERIFY(!bench->working()); // B's screen shows B, not A's progress

        // Both positions are in the store now (a kill -9 here resumes both).
        QCOMPARE(status(*store, a, BenchStep::Disk), QStringLiteral("started"));
        QCOMPARE(status(*store, b, BenchStep::Cleaning), QStringLiteral("done"));
        QCOMPARE(unfinishedAssets(*store, 3), (QStringList{b, a})); // C: nothing recorded, not open

        // A's test ends while the worker is on B: said at once, B stays on the screen.
        m_speaker.clear();
        gate = true;
        QTRY_VERIFY_WITH_TIMEOUT(!bench->jobRunning() && bench->busyRequests() == 0, 30000);
        QCOMPARE(bench->assetTag(), b);
        QCOMPARE(bench->flow()->currentStep(), QStringLiteral("packing"));
        QVERIFY(bench->otherFinished());
        const QString ended = QStringLiteral("The work on PC %1 is finished. Go back to it.").arg(a);
        QCOMPARE(bench->notice(), ended);
        QTRY_VERIFY(m_speaker.spoken().contains(ended));
        QCOMPARE(bench->verdict(), QString()); // A's verdict waits for A
        QCOMPARE(diskTests(*store, a).size(), 1);

        // Back to A: its end on its own screen.
        bench->backToOther();
        QTRY_COMPARE(bench->assetTag(), a);
        QCOMPARE(bench->flow()->currentStep(), QStringLiteral("hs"));
        QCOMPARE(bench->otherTag(), QString());
        if (bad.isEmpty()) {
            QCOMPARE(status(*store, a, BenchStep::Disk), QStringLiteral("done"));
            QCOMPARE(bench->notice(), QStringLiteral("The work on this PC is finished."));
            QTRY_COMPARE(m_speaker.last(), bench->notice());
        } else {
            QCOMPARE(status(*store, a, BenchStep::Disk), QStringLiteral("failed"));
            QCOMPARE(bench->verdict(), QStringLiteral("Some places on the disk cannot be read. Do not use this disk."));
        }
        // B kept its place.
        QCOMPARE(current(*store, b), QStringLiteral("packing"));
    }

    /// After a restart (the store closed as by kill -9, the bench opened again on it) with
    /// PC A's long work cut and PC B's steps half done: the bench reopens B at its step and
    /// offers « back to PC A », which reopens A at its cut step.
    void restartResumesBoth()
    {
        QString db;
        QString a, b;
        {
            auto store = newStore(db, {QStringLiteral("disk"), QStringLiteral("hs"), QStringLiteral("cleaning")});
            QVERIFY(store);
            WorkerCard w;
            w.badge = QStringLiteral("W-0042");
            w.displayName = QStringLiteral("Amina");
            QVERIFY(addWorker(*store, w));
            a = addPc(*store);
            b = addPc(*store);
            QVERIFY(markStep(*store, a, BenchStep::Disk, StepStatus::Started)); // the scan was running
            QVERIFY(markStep(*store, b, BenchStep::Disk, StepStatus::Done));
            QVERIFY(markStep(*store, b, BenchStep::Hs, StepStatus::Done)); // B: by hand meanwhile
            QCOMPARE(unfinishedAssets(*store), (QStringList{b, a}));
        }
        BenchUi *bench = BenchUi::instance();
        bench->configure(config(db));
        QTRY_VERIFY(bench->busyRequests() == 0);
        bench->loginWithBadge(QStringLiteral("W-0042"));
        QTRY_COMPARE(bench->assetTag(), b);
        QTRY_COMPARE(bench->flow()->currentStep(), QStringLiteral("cleaning"));
        QCOMPARE(bench->otherTag(), a);
        QVERIFY(bench->notice().contains(a));
        bench->backToOther();
        QTRY_COMPARE(bench->assetTag(), a);
        QCOMPARE(bench->flow()->currentStep(), QStringLiteral("disk")); // cut: run again, nothing lost
        QCOMPARE(bench->otherTag(), QString());
        // A finished asset is not offered: one open asset, no « back to ».
        {
            QString db2;
            auto store = newStore(db2, {QStringLiteral("hs")});
            QVERIFY(store);
            const QString done = addPc(*store);
            QVERIFY(markStep(*store, done, BenchStep::Hs, StepStatus::Done));
            QVERIFY(markStep(*store, done, BenchStep::Done, StepStatus::Done));
            QCOMPARE(unfinishedAssets(*store), QStringList());
        }
    }

    /// The sync indicator: what is still to send and when the bench last sent, in words.
    void syncWords_data()
    {
        QTest::addColumn<int>("pending");
        QTest::addColumn<int>("secondsAgo"); ///< -1: never sent
        QTest::addColumn<QString>("expected");
        QTest::newRow("never sent") << 0 << -1 << "Everything is sent. Not sent yet.";
        QTest::newRow("three to send, never sent") << 3 << -1 << "3 changes to send. Not sent yet.";
        QTest::newRow("just now") << 0 << 20 << "Everything is sent. Sent just now.";
        QTest::newRow("5 minutes") << 2 << 5 * 60 + 10 << "2 changes to send. Sent 5 minutes ago.";
        QTest::newRow("1 minute") << 1 << 61 << "1 change to send. Sent 1 minute ago.";
        QTest::newRow("3 hours") << 0 << 3 * 3600 + 5 << "Everything is sent. Sent 3 hours ago.";
        QTest::newRow("2 days") << 0 << 2 * 86400 + 5 << "Everything is sent. Sent 2 days ago.";
    }
    void syncWords()
    {
        QFETCH(int, pending);
        QFETCH(int, secondsAgo);
        QFETCH(QString, expected);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QString last = secondsAgo < 0 ? QString() : Inventory::isoTime(now.addSecs(-secondsAgo));
        QCOMPARE(BenchUi::syncWords(pending, last, now), expected);
    }

    /// In French, the workshop's language (the station's catalogue, as the screens load it).
    void syncWordsFrench()
    {
        QTranslator fr;
        QVERIFY(fr.load(QStringLiteral(":/i18n/etabli_fr.qm")));
        QCoreApplication::installTranslator(&fr);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QString five = BenchUi::syncWords(2, Inventory::isoTime(now.addSecs(-5 * 60 - 10)), now);
        const QString never = BenchUi::syncWords(0, QString(), now);
        const QString one = BenchUi::syncWords(1, Inventory::isoTime(now.addSecs(-61)), now);
        QCoreApplication::removeTranslator(&fr);
        QCOMPARE(five, QStringLiteral("2 changements à envoyer. Envoyé il y a 5 minutes."));
        QCOMPARE(never, QStringLiteral("Tout est envoyé. Pas encore envoyé."));
        QCOMPARE(one, QStringLiteral("1 changement à envoyer. Envoyé il y a 1 minute."));
    }

    /// bench: a failed erase in French, from the station's own translations, for each typed
    /// code the helper may send (and none at all), never the helper's words.
    void eraseFailureFrench_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("detail");
        QTest::addColumn<QString>("french");
        QTest::newRow("frozen") << "refused"
                                << "drive_frozen"
                                << "Le disque n'est pas effacé. Regarde les images.";
        QTest::newRow("another disk") << "refused"
                                      << "serial_mismatch"
                                      << "Ce n'est pas le bon disque. Appelle l'encadrant.";
        QTest::newRow("disk gone") << "not_found"
                                   << "target_missing"
                                   << "Le disque est introuvable. Vérifie son câble.";
        QTest::newRow("write failed") << "io"
                                      << "write_failed"
                                      << "Le disque n'est pas effacé. Appelle l'encadrant.";
        QTest::newRow("helper did not start") << ""
                                              << ""
                                              << "Le disque n'est pas effacé. Appelle l'encadrant.";
    }
    void eraseFailureFrench()
    {
        QFETCH(QString, code);
        QFETCH(QString, detail);
        QFETCH(QString, french);
        QTranslator fr;
        QVERIFY(fr.load(QStringLiteral(":/i18n/etabli_fr.qm")));
        QCoreApplication::installTranslator(&fr);
        const QString said = BenchUi::eraseFailureText(code, detail);
        QCoreApplication::removeTranslator(&fr);
        QCOMPARE(said, french);
    }

    /// The indicator of a real store: its changes not pushed and its last successful sync.
    void syncFromStore()
    {
        QString db;
        {
            auto store = newStore(db, {QStringLiteral("hs")});
            QVERIFY(store);
            addPc(*store);
        }
        BenchUi *bench = BenchUi::instance();
        bench->configure(config(db));
        QTRY_VERIFY(bench->busyRequests() == 0);
        QVERIFY(bench->pendingChanges() > 0);
        QVERIFY2(bench->syncText().endsWith(QLatin1String("Not sent yet.")), qPrintable(bench->syncText()));
        {
            auto store = Inventory::Store::open(db, kWho);
            QVERIFY(store);
            QVERIFY((*store)->setSetting(QStringLiteral("sync.last_success"),
                                         Inventory::isoTime(QDateTime::currentDateTimeUtc().addSecs(-5 * 60 - 3))));
        }
        bench->configure(config(db));
        QTRY_VERIFY(bench->busyRequests() == 0);
        QVERIFY2(bench->syncText().endsWith(QLatin1String("Sent 5 minutes ago.")), qPrintable(bench->syncText()));
    }

    /// bench: the RAM step runs `etabli test ram` in a child process (never in the station's
    /// own, whose UI thread keeps a core): its result comes back through the same DiagJob and
    /// is recorded as before; a child that dies or gives no result is a FAIL saying so, and
    /// the worker is told to call the supervisor, never that the memory passed.
    void ramInChild_data()
    {
        QTest::addColumn<QString>("script"); // empty: the real etabli
        QTest::addColumn<QString>("verdict");
        QTest::addColumn<QString>("rule");
        QTest::newRow("real etabli, 16 MiB") << QString() << "PASS"
                                             << "ram.ok";
        QTest::newRow("child crashed") << "kill -SEGV $$"
                                       << "FAIL"
                                       << "ram.child-crashed";
        QTest::newRow("child killed") << "sleep 0.3; kill -KILL $$"
                                      << "FAIL"
                                      << "ram.child-crashed";
        QTest::newRow("no result") << "echo '{\"code\":\"refused\",\"message\":\"too big\"}' >&2; exit 4"
                                   << "FAIL"
                                   << "ram.not-run";
        QTest::newRow("garbage result") << "echo '{\"fraction\":0.5,\"eta_s\":1}' >&2; echo nonsense"
                                        << "FAIL"
                                        << "ram.not-run";
    }
    void ramInChild()
    {
        QFETCH(QString, script);
        QFETCH(QString, verdict);
        QFETCH(QString, rule);
        QString db;
        auto store = newStore(db, {QStringLiteral("ram"), QStringLiteral("hs")});
        QVERIFY(store);
        const QString tag = addPc(*store);
        BenchUi *bench = BenchUi::instance();
        BenchConfig c = config(db);
        c.ramBytes = 16 << 20;
        c.ramProgram = QStringLiteral(ETABLI_CLI);
        if (!script.isEmpty()) {
            c.ramProgram = m_dir.filePath(QStringLiteral("ram-%1.sh").arg(m_n));
            QFile f(c.ramProgram);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("#!/bin/sh\n" + script.toUtf8() + "\n");
            f.close();
            QVERIFY(f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner));
        }
        bench->configure(c);
        QVERIFY(openOn(bench, tag));
        QCOMPARE(bench->flow()->currentStep(), QStringLiteral("ram"));
        QSignalSpy progress(bench, &BenchUi::progressChanged);
        bench->mainAction();
        QVERIFY(bench->working());
        QTRY_VERIFY_WITH_TIMEOUT(!bench->jobRunning() && bench->busyRequests() == 0, 60000);
        QList<Inventory::Event> tests;
        for (const Inventory::Event &e : store->eventsForAsset(tag))
            if (e.type == Inventory::EventType::TestRecorded)
                tests.append(e);
        QCOMPARE(tests.size(), 1);
        const QJsonObject t = tests.first().payload;
        QCOMPARE(t.value(QStringLiteral("kind")).toString(), QStringLiteral("ram"));
        QCOMPARE(t.value(QStringLiteral("verdict")).toString(), verdict);
        QVERIFY2(t.value(QStringLiteral("rule")).toString().startsWith(rule),
                 qPrintable(t.value(QStringLiteral("rule")).toString()));
        const QJsonObject m = t.value(QStringLiteral("measurements")).toObject();
        QCOMPARE(m.value(QStringLiteral("process")).toString(), QStringLiteral("child"));
        if (verdict == QLatin1String("PASS")) {
            QCOMPARE(m.value(QStringLiteral("bytes")).toInteger(), qint64(16 << 20));
            // One core fewer than the machine: the UI thread keeps one.
            QCOMPARE(m.value(QStringLiteral("threads")).toInt(), HwTest::defaultRamThreads(true));
            QCOMPARE(HwTest::defaultRamThreads(true),
                     std::max(1, int(std::max(1U, std::thread::hardware_concurrency())) - 1));
            QVERIFY(progress.count() > 0);
            QCOMPARE(status(*store, tag, BenchStep::Ram), QStringLiteral("done"));
            QCOMPARE(bench->flow()->currentStep(), QStringLiteral("hs"));
        } else {
            QCOMPARE(status(*store, tag, BenchStep::Ram), QStringLiteral("failed"));
            QCOMPARE(bench->verdict(), QStringLiteral("The memory test stopped before the end. Call the supervisor."));
        }
    }

    /// A cancel kills the child at once (WARN ram.incomplete, as the in-process test said);
    /// the child is gone afterwards.
    void ramChildCancelled()
    {
        HwTest::RamChildOptions o;
        o.program = QStringLiteral(ETABLI_CLI);
        o.bytes = 16 << 20;
        o.passes = 10000;
        std::atomic<bool> cancel{false};
        std::atomic<int> reports{0};
        std::atomic<qint64> cancelledAt{0};
        QElapsedTimer clock;
        clock.start();
        HwTest::ProgressSink sink(&cancel, [&](double, qint64) { ++reports; });
        // Cancelled once its progress lines come through (a loaded machine starts it late).
        std::thread stopper([&] {
            while (reports == 0 && clock.elapsed() < 30000)
                std::this_thread::sleep_for(std::chrono::milliseconds(20));
            cancelledAt = clock.elapsed();
            cancel = true;
        });
        const HwTest::TestResult r = HwTest::runRamTestInChild(o, sink);
        stopper.join();
        QVERIFY(reports > 0); // its progress lines came through
        QVERIFY2(clock.elapsed() - cancelledAt < 10000, qPrintable(QString::number(clock.elapsed() - cancelledAt)));
        QCOMPARE(HwTest::toString(r.verdict), QStringLiteral("WARN"));
        QVERIFY(r.rule.startsWith(QLatin1String("ram.incomplete")));
        QCOMPARE(HwTest::ramChildArguments(o).mid(0, 4),
                 (QStringList{QStringLiteral("test"), QStringLiteral("ram"), QStringLiteral("--json"),
                              QStringLiteral("--progress-lines")}));
    }

    /// The FROZEN disk is known from the helper's typed refusal (detail drive_frozen), not from
    /// the word « frozen » in its message. The helper here is a stand-in speaking its protocol
    /// (no frozen ATA drive on a test machine); it refuses the write as the real one would.
    void frozenByCode_data()
    {
        QTest::addColumn<QString>("detail");
        QTest::addColumn<QString>("message");
        QTest::addColumn<bool>("frozen");
        QTest::addColumn<QString>("answer"); // bench: "error" (a refused request) or "result" (the zero fill refused)
        QTest::addColumn<QString>("worker"); // bench: what the worker reads (the station's words)
        QTest::newRow("frozen, message without the word") << "drive_frozen"
                                                          << "the disk refused to be erased" << true << "error"
                                                          << "The disk was not erased. Look at the pictures.";
        QTest::newRow("not frozen, the word in the message")
            << "target_mounted"
            << "not frozen but mounted: /dev/loop9 is in use" << false << "error"
            << "The disk was not erased. Call the supervisor.";
        QTest::newRow("another refusal") << "serial_mismatch"
                                         << "this is another disk" << false << "error"
                                         << "This is not the right disk. Call the supervisor.";
        // bench: the zero fill itself refused on a security-frozen drive (its target fails).
        QTest::newRow("zero fill refused, frozen") << "drive_frozen"
                                                   << "SECURITY FREEZE LOCK is set" << true << "result"
                                                   << "The disk was not erased. Look at the pictures.";
        QTest::newRow("zero fill refused, not frozen") << "write_failed"
                                                       << "write error at sector 4096" << false << "result"
                                                       << "The disk was not erased. Call the supervisor.";
    }
    void frozenByCode()
    {
        QFETCH(QString, detail);
        QFETCH(QString, message);
        QFETCH(bool, frozen);
        QFETCH(QString, answer);
        QFETCH(QString, worker);
        // The protocol's own check, on the wire form.
        const QJsonObject line
            = QJsonDocument::fromJson(
                  HelperProtocol::errorLine(QStringLiteral("1"), makeError(ErrorCode::Refused, message, detail)))
                  .object();
        QCOMPARE(HelperProtocol::isDriveFrozen(line), frozen);
        QCOMPARE(
            HelperProtocol::isDriveFrozen(QJsonObject{{QStringLiteral("ok"), false}, {QStringLiteral("error"), line}}),
            frozen);

        QString db;
        auto store = newStore(db, {QStringLiteral("erase_image"), QStringLiteral("label")});
        QVERIFY(store);
        const QString tag = addPc(*store);
        const QString helper = m_dir.filePath(QStringLiteral("helper-%1.py").arg(m_n));
        QFile f(helper);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(
            QStringLiteral("#!/usr/bin/python3\n"
                           "import json, sys\n"
                           "print(json.dumps({'type': 'ready', 'protocol': 1, 'verbs': ['write']}), flush=True)\n"
                           "req = json.loads(sys.stdin.readline())\n"
                           "err = {'code': 'refused', 'detail': %1, 'message': %2}\n"
                           "if %3:\n"
                           "    assert req['fill'] == 'zeros', req\n"
                           "    print(json.dumps({'id': req['id'], 'type': 'result', 'ok': False, 'targets':"
                           " [{'target': req['targets'][0], 'ok': False, 'error': err}]}), flush=True)\n"
                           "else:\n"
                           "    print(json.dumps(dict(err, id=req['id'], type='error', exit_code=4)), flush=True)\n")
                .arg(QString::fromUtf8(QJsonDocument(QJsonArray{detail}).toJson(QJsonDocument::Compact))
                         .mid(1)
                         .chopped(1),
                     QString::fromUtf8(QJsonDocument(QJsonArray{message}).toJson(QJsonDocument::Compact))
                         .mid(1)
                         .chopped(1))
                .arg(answer == QLatin1String("result") ? QStringLiteral("True") : QStringLiteral("False"))
                .toUtf8());
        f.close();
        QVERIFY(f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner));
        BenchUi *bench = BenchUi::instance();
        BenchConfig c = config(db);
        c.helperProgram = helper;
        c.masterPath = m_dir.filePath(QStringLiteral("master.qcow2"));
        c.diskSerial = QStringLiteral("SERIAL-1");
        bench->configure(c);
        QVERIFY(openOn(bench, tag));
        bench->mainAction();
        QVERIFY(bench->confirming());
        bench->confirmErase();
        QTRY_VERIFY_WITH_TIMEOUT(!bench->jobRunning(), 20000);
        // bench: the worker reads the station's own sentence, never the helper's English words;
        // those stay for the supervisor (workDetail, and the log).
        QCOMPARE(bench->message(), worker);
        QVERIFY2(!bench->message().contains(message), qPrintable(bench->message()));
        QVERIFY2(bench->workDetail().contains(message) && bench->workDetail().contains(detail),
                 qPrintable(bench->workDetail()));
        QCOMPARE(bench->diskFrozen(), frozen);
        QTRY_VERIFY(bench->busyRequests() == 0);
        QCOMPARE(bench->flow()->currentStep(), QStringLiteral("erase_image")); // not erased: not done
        for (const Inventory::Event &e : store->eventsForAsset(tag))
            QVERIFY(e.type != Inventory::EventType::ImagingRecorded && e.type != Inventory::EventType::ErasureRecorded);
    }

    // masters (issue 19): a master on the network (setting station.master) goes to the helper
    // with the station's token, CA and cache; a local master without them. The helper here
    // records the request it gets, then refuses it.
    void networkMasterRequest_data()
    {
        QTest::addColumn<QString>("master");
        QTest::addColumn<bool>("remote");
        QTest::newRow("local file") << QStringLiteral("@DIR/master.qcow2") << false;
        QTest::newRow("https") << QStringLiteral("https://inventaire:8420/api/v1/masters/ecole.qcow2") << true;
        QTest::newRow("multicast") << QStringLiteral(
            "multicast://239.19.0.1:5019?master=https://inventaire:8420/api/v1/masters/ecole.qcow2")
                                   << true;
    }
    void networkMasterRequest()
    {
        QFETCH(QString, master);
        QFETCH(bool, remote);
        master.replace(QLatin1String("@DIR"), m_dir.path());
        QString db;
        auto store = newStore(db, {QStringLiteral("erase_image"), QStringLiteral("label")});
        QVERIFY(store);
        const QString tag = addPc(*store);
        const QString helper = m_dir.filePath(QStringLiteral("helper-net-%1.py").arg(m_n));
        const QString seen = m_dir.filePath(QStringLiteral("request-%1.json").arg(m_n));
        QFile f(helper);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(
            QStringLiteral("#!/usr/bin/python3\n"
                           "import json, sys\n"
                           "print(json.dumps({'type': 'ready', 'protocol': 1, 'verbs': ['write']}), flush=True)\n"
                           "line = sys.stdin.readline()\n"
                           "open(%1, 'w').write(line)\n"
                           "req = json.loads(line)\n"
                           "print(json.dumps({'id': req['id'], 'type': 'error', 'code': 'refused', 'exit_code': 4,"
                           " 'detail': 'test', 'message': 'recorded'}), flush=True)\n")
                .arg(
                    QString::fromUtf8(QJsonDocument(QJsonArray{seen}).toJson(QJsonDocument::Compact)).mid(1).chopped(1))
                .toUtf8());
        f.close();
        QVERIFY(f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner));
        BenchUi *bench = BenchUi::instance();
        BenchConfig c = config(db);
        c.helperProgram = helper;
        c.masterPath = master;
        c.masterToken = QStringLiteral("etb_station_token");
        c.masterCa = QStringLiteral("/etc/etabli/ca.pem");
        c.masterCache = QStringLiteral("/dev/sdz");
        c.diskSerial = QStringLiteral("SERIAL-1");
        bench->configure(c);
        QVERIFY(openOn(bench, tag));
        bench->mainAction();
        QVERIFY(bench->confirming());
        bench->confirmErase();
        QTRY_VERIFY_WITH_TIMEOUT(!bench->jobRunning(), 20000);
        QTRY_VERIFY(bench->busyRequests() == 0);
        QFile r(seen);
        QVERIFY(r.open(QIODevice::ReadOnly));
        const QJsonObject request = QJsonDocument::fromJson(r.readAll()).object();
        QCOMPARE(request.value(QStringLiteral("verb")).toString(), QStringLiteral("write"));
        QCOMPARE(request.value(QStringLiteral("master")).toString(), master);
        QCOMPARE(request.value(QStringLiteral("token")).toString(),
                 remote ? QStringLiteral("etb_station_token") : QString());
        QCOMPARE(request.value(QStringLiteral("ca")).toString(),
                 remote ? QStringLiteral("/etc/etabli/ca.pem") : QString());
        QCOMPARE(request.value(QStringLiteral("cache")).toString(), remote ? QStringLiteral("/dev/sdz") : QString());
        QCOMPARE(request.contains(QStringLiteral("token")), remote);
        // What the helper checks first: the request is well formed for it.
        auto parsed = HelperProtocol::parseRequest(QJsonDocument(request).toJson(QJsonDocument::Compact));
        QVERIFY2(parsed, parsed ? "" : qPrintable(parsed.error().message));
        auto checked = HelperProtocol::checkRemoteWrite(parsed->args);
        QVERIFY2(checked, checked ? "" : qPrintable(checked.error().message));
    }

private:
    static QString current(Inventory::Store &store, const QString &tag)
    {
        const FlowPosition pos = readFlow(store, tag).value();
        return pos.currentStep() ? toString(*pos.currentStep()) : QStringLiteral("(finished)");
    }
};

QTEST_MAIN(TestBenchJobs)
#include "tst_benchflow_jobs.moc"
