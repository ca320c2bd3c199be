// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
//
// The Clear engine on real files and loop devices: every byte overwritten, verification
// catches an unreadable sector, a dropped write and a bad region found by sampling.
#include "erasetestutil.h"
#include "imaging/erase.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

#include <set>

using namespace Etabli;
using namespace Etabli::Imaging;
using namespace EraseTest;

Q_DECLARE_METATYPE(Etabli::Imaging::ErasePattern)
Q_DECLARE_METATYPE(Etabli::Imaging::VerifyMode)

class TstErase : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    std::unique_ptr<DiskTarget> openFile(const QString &path)
    {
        auto t = DiskTarget::open(path, {});
        if (!t)
            qWarning() << t.error().message;
        return t ? std::move(t.value()) : nullptr;
    }

    static void checkOverwritten(const QByteArray &after, ErasePattern pattern, const QByteArray &seed)
    {
        QVERIFY(!after.contains(plantedRecord()));
        if (pattern == ErasePattern::Zeros) {
            QCOMPARE(after.count('\0'), after.size());
        } else {
            QByteArray expected(after.size(), '\0');
            PatternStream(pattern, seed).fill(0, reinterpret_cast<uint8_t *>(expected.data()), size_t(expected.size()));
            QVERIFY(after == expected);
            // A random pattern is not compressible into runs: far from all zeros.
            QVERIFY(after.count('\0') < after.size() / 100);
        }
    }

private Q_SLOTS:
    void clearFile_data()
    {
        QTest::addColumn<ErasePattern>("pattern");
        QTest::addColumn<VerifyMode>("verify");
        QTest::addColumn<qint64>("size");
        QTest::newRow("zeros, full, 16 MiB") << ErasePattern::Zeros << VerifyMode::Full << qint64(16 << 20);
        QTest::newRow("random, full, 16 MiB") << ErasePattern::Random << VerifyMode::Full << qint64(16 << 20);
        QTest::newRow("zeros, sample, odd size")
            << ErasePattern::Zeros << VerifyMode::Sample << qint64((9 << 20) + 1234);
        QTest::newRow("random, sample, odd size")
            << ErasePattern::Random << VerifyMode::Sample << qint64((9 << 20) + 1234);
        QTest::newRow("random, full, odd size") << ErasePattern::Random << VerifyMode::Full << qint64((5 << 20) + 333);
    }
    void clearFile()
    {
        QFETCH(ErasePattern, pattern);
        QFETCH(VerifyMode, verify);
        QFETCH(qint64, size);
        const QString path
            = m_dir.filePath(QStringLiteral("disk-%1.img").arg(QString::fromLatin1(QTest::currentDataTag())));
        QVERIFY(writeFile(path, plantedData(size)));
        auto target = openFile(path);
        QVERIFY(target);
        EraseOptions options;
        options.pattern = pattern;
        options.verify = verify;
        options.chunkBytes = 1 << 20;
        int64_t lastDone = -1;
        bool sawVerifying = false;
        options.progress = [&](const EraseProgress &p) {
            lastDone = p.bytesDone;
            sawVerifying |= p.phase == EraseProgress::Phase::Verifying || p.phase == EraseProgress::Phase::Done;
        };
        Eraser eraser(*target, options);
        auto r = eraser.run();
        QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().message));
        QVERIFY(r->verified);
        QCOMPARE(r->bytes, size);
        QVERIFY(r->badSectors.empty());
        QVERIFY(sawVerifying);
        QVERIFY(lastDone > 0);
        if (verify == VerifyMode::Full)
            QCOMPARE(r->verifiedBytes, size);
        else
            QCOMPARE(r->verifiedBytes, r->plan.sampledBytes());
        target.reset();
        const QByteArray after = readFile(path);
        QCOMPARE(after.size(), size);
        checkOverwritten(after, pattern, QByteArray::fromHex(r->patternSeedHex.toLatin1()));
        if (QTest::currentTestFailed())
            return;
        // The result says what a certificate needs.
        const QJsonObject json = r->toJson();
        QCOMPARE(json.value(QStringLiteral("pattern")).toString(), toString(pattern));
        QCOMPARE(json.value(QStringLiteral("verified")).toBool(), true);
        QCOMPARE(json.contains(QStringLiteral("sample_plan")), verify == VerifyMode::Sample);
    }

    void clearLoopDevice_data()
    {
        QTest::addColumn<ErasePattern>("pattern");
        QTest::newRow("zeros") << ErasePattern::Zeros;
        QTest::newRow("random") << ErasePattern::Random;
    }
    void clearLoopDevice()
    {
        if (!canUseLoop())
            QSKIP("loop devices need root and /dev/loop-control");
        QFETCH(ErasePattern, pattern);
        const QString file
            = m_dir.filePath(QStringLiteral("loop-%1.img").arg(QString::fromLatin1(QTest::currentDataTag())));
        const qint64 size = 24 << 20;
        QVERIFY(writeFile(file, plantedData(size)));
        const QString dev = attachLoop(file);
        QVERIFY2(!dev.isEmpty(), "losetup failed");
        QByteArray seed;
        {
            auto t = DiskTarget::open(dev, {});
            if (!t) {
                detachLoop(dev);
                QFAIL(qPrintable(t.error().message));
            }
            QVERIFY((*t)->isBlockDevice());
            EraseOptions options;
            options.pattern = pattern;
            Eraser eraser(**t, options);
            auto r = eraser.run();
            if (!r) {
                detachLoop(dev);
                QFAIL(qPrintable(r.error().message));
            }
            QVERIFY(r->verified);
            QCOMPARE(r->verifiedBytes, size);
            seed = QByteArray::fromHex(r->patternSeedHex.toLatin1());
        }
        detachLoop(dev);
        checkOverwritten(readFile(file), pattern, seed);
    }

    void unreadableSectorFailsWithOffset_data()
    {
        QTest::addColumn<VerifyMode>("verify");
        QTest::addColumn<qint64>("bad");
        QTest::newRow("full") << VerifyMode::Full << qint64((5 << 20) + 8192);
        // The disk's last block is always in the sample plan.
        QTest::newRow("sample, last block") << VerifyMode::Sample << qint64((8 << 20) - 4096);
    }
    void unreadableSectorFailsWithOffset()
    {
        QFETCH(VerifyMode, verify);
        QFETCH(qint64, bad);
        const QString path = m_dir.filePath(QStringLiteral("eio-%1.img").arg(int(verify)));
        QVERIFY(writeFile(path, plantedData(8 << 20)));
        UnreadableTarget target(openFile(path), bad);
        EraseOptions options;
        options.verify = verify;
        Eraser eraser(target, options);
        auto r = eraser.run();
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::Corrupt);
        QCOMPARE(r.error().detail, QStringLiteral("verify_unreadable"));
        QVERIFY2(r.error().message.contains(QString::number(bad)), qPrintable(r.error().message));
        QCOMPARE(eraser.result().badSectors.size(), size_t(1));
        QCOMPARE(eraser.result().badSectors.front().offset, bad);
        QCOMPARE(eraser.result().badSectors.front().reason, QStringLiteral("unreadable"));
        QVERIFY(!eraser.result().verified);
    }

    void droppedWriteFailsWithOffset_data()
    {
        QTest::addColumn<ErasePattern>("pattern");
        QTest::newRow("zeros") << ErasePattern::Zeros;
        QTest::newRow("random") << ErasePattern::Random;
    }
    void droppedWriteFailsWithOffset()
    {
        QFETCH(ErasePattern, pattern);
        const QString path
            = m_dir.filePath(QStringLiteral("drop-%1.img").arg(QString::fromLatin1(QTest::currentDataTag())));
        QVERIFY(writeFile(path, plantedData(8 << 20)));
        const int64_t from = (3 << 20) + 512, to = (3 << 20) + 1536; // two sectors
        DroppingTarget target(openFile(path), from, to);
        EraseOptions options;
        options.pattern = pattern;
        Eraser eraser(target, options);
        auto r = eraser.run();
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::Corrupt);
        QCOMPARE(r.error().detail, QStringLiteral("verify_mismatch"));
        QVERIFY2(r.error().message.contains(QString::number(from)), qPrintable(r.error().message));
        const auto &bad = eraser.result().badSectors;
        QCOMPARE(bad.size(), size_t(2));
        QCOMPARE(bad[0].offset, from);
        QCOMPARE(bad[1].offset, from + 512);
        QCOMPARE(bad[0].reason, QStringLiteral("mismatch"));
    }

    void unwritableSectorStopsTheWrite()
    {
        const QString path = m_dir.filePath(QStringLiteral("unwritable.img"));
        QVERIFY(writeFile(path, plantedData(8 << 20)));
        UnwritableTarget target(openFile(path), 6 << 20);
        EraseOptions options;
        options.chunkBytes = 1 << 20;
        Eraser eraser(target, options);
        auto r = eraser.run();
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::Io);
        QCOMPARE(r.error().detail, QStringLiteral("write_failed"));
        QVERIFY2(r.error().message.contains(QString::number(6 << 20)), qPrintable(r.error().message));
    }

    void sampleFindsBadRegion()
    {
        // 64 MiB cleared, then 16 MiB in the middle made to hold a donor's data again (a
        // region the drive remapped and never wrote): the sample must land in it.
        const QString path = m_dir.filePath(QStringLiteral("region.img"));
        const qint64 size = 64 << 20, from = 24 << 20, length = 16 << 20;
        QVERIFY(writeFile(path, plantedData(size)));
        {
            auto target = openFile(path);
            EraseOptions options;
            options.verify = VerifyMode::None;
            auto r = Eraser(*target, options).run();
            QVERIFY(r);
            QVERIFY(!r->verified); // never verified, never an erasure
        }
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadWrite));
            QVERIFY(f.seek(from));
            QCOMPARE(f.write(plantedData(length)), length);
        }
        for (uint64_t seed : {1ULL, 2ULL, 0xfeedULL}) {
            auto target = openFile(path);
            EraseOptions options;
            options.verify = VerifyMode::Sample;
            options.sampleSeed = seed;
            Eraser eraser(*target, options);
            auto r = eraser.verifyOnly();
            QVERIFY(!r);
            QCOMPARE(r.error().code, ErrorCode::Corrupt);
            const auto &bad = eraser.result().badSectors;
            QVERIFY(!bad.empty());
            QVERIFY(bad.front().offset >= from && bad.front().offset < from + length);
            QCOMPARE(eraser.result().plan.seed, seed);
        }
    }

    void samplePlanCoversEveryRegion_data()
    {
        QTest::addColumn<qint64>("disk");
        QTest::addColumn<double>("percent");
        QTest::newRow("8 MiB") << qint64(8 << 20) << 1.0;
        QTest::newRow("1 GiB exactly") << (qint64(1) << 30) << 1.0;
        QTest::newRow("10 GiB + 5 bytes") << (qint64(10) << 30) + 5 << 1.0;
        QTest::newRow("500 GB") << qint64(500'107'862'016) << 1.0;
        QTest::newRow("3 GiB at 5 %") << (qint64(3) << 30) << 5.0;
    }
    void samplePlanCoversEveryRegion()
    {
        QFETCH(qint64, disk);
        QFETCH(double, percent);
        const SamplePlan plan = SamplePlan::make(disk, 42, percent);
        QCOMPARE(plan.regions, int((disk + SamplePlan::kRegionBytes - 1) / SamplePlan::kRegionBytes));
        QVERIFY(double(plan.sampledBytes()) >= double(disk) * percent / 100.0);
        QVERIFY(std::is_sorted(plan.offsets.begin(), plan.offsets.end()));
        QCOMPARE(plan.offsets.front(), qint64(0));
        QCOMPARE(plan.offsets.back(), (disk - 1) / plan.blockBytes * plan.blockBytes);
        std::set<int64_t> regions;
        for (int64_t o : plan.offsets) {
            QVERIFY(o >= 0 && o < disk);
            QCOMPARE(o % plan.blockBytes, qint64(0));
            regions.insert(o / plan.regionBytes);
        }
        QCOMPARE(int(regions.size()), plan.regions);
        // Reproducible from its seed, different with another.
        QVERIFY(SamplePlan::make(disk, 42, percent).offsets == plan.offsets);
        if (disk > (qint64(1) << 30))
            QVERIFY(SamplePlan::make(disk, 43, percent).offsets != plan.offsets);
        const QJsonObject json = plan.toJson();
        QCOMPARE(json.value(QStringLiteral("seed")).toString(), QStringLiteral("42"));
        QCOMPARE(json.value(QStringLiteral("offsets")).toArray().size(), qsizetype(plan.offsets.size()));
        QVERIFY(!plan.describe().isEmpty());
    }

    void cancelStops()
    {
        const QString path = m_dir.filePath(QStringLiteral("cancel.img"));
        QVERIFY(writeFile(path, plantedData(16 << 20)));
        auto target = openFile(path);
        EraseOptions options;
        options.chunkBytes = 1 << 20;
        options.lanes = 1;
        Eraser *self = nullptr;
        options.progress = [&](const EraseProgress &p) {
            if (p.bytesDone >= (2 << 20))
                self->cancel();
        };
        Eraser eraser(*target, options);
        self = &eraser;
        auto r = eraser.run();
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::Cancelled);
    }

    void patternStreamIsRandomAccess()
    {
        const QByteArray seed(32, '\x07');
        PatternStream s(ErasePattern::Random, seed);
        QByteArray whole(1 << 16, '\0'), part(4096, '\0');
        s.fill(0, reinterpret_cast<uint8_t *>(whole.data()), size_t(whole.size()));
        s.fill(8192, reinterpret_cast<uint8_t *>(part.data()), size_t(part.size()));
        QVERIFY(whole.mid(8192, 4096) == part);
        QByteArray other(4096, '\0');
        PatternStream(ErasePattern::Random, QByteArray(32, '\x08'))
            .fill(8192, reinterpret_cast<uint8_t *>(other.data()), 4096);
        QVERIFY(other != part);
    }

    void samplesBeforeAndAfter()
    {
        const QString path = m_dir.filePath(QStringLiteral("samples.img"));
        QVERIFY(writeFile(path, plantedData(4 << 20)));
        auto target = openFile(path);
        const SamplePlan plan = SamplePlan::make(target->size(), 7);
        auto before = readSamples(*target, plan.offsets, plan.blockBytes);
        QVERIFY(before);
        QCOMPARE(changedFraction(*before, *before, plan.blockBytes), 0.0);
        EraseOptions options;
        options.pattern = ErasePattern::Random;
        options.verify = VerifyMode::None;
        QVERIFY(Eraser(*target, options).run());
        auto after = readSamples(*target, plan.offsets, plan.blockBytes);
        QVERIFY(after);
        QCOMPARE(changedFraction(*before, *after, plan.blockBytes), 1.0);
    }

    void parsing()
    {
        QVERIFY(parseErasePattern(QStringLiteral("random")).value() == ErasePattern::Random);
        QVERIFY(!parseErasePattern(QStringLiteral("ones")));
        QVERIFY(parseVerifyMode(QStringLiteral("sample")).value() == VerifyMode::Sample);
        QVERIFY(!parseVerifyMode(QStringLiteral("half")));
    }
};

QTEST_GUILESS_MAIN(TstErase)
#include "tst_erase.moc"
