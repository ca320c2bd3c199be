// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
//
// The multi-target writer on real files and loop devices: a failing target is dropped
// while the others finish verified; safety refusals; damaged and truncated masters;
// manifest mismatches; fill modes.
#include "imagingtestutil.h"

#include "imaging/imagingjob.h"
#include "imaging/manifest.h"
#include "imaging/source.h"
#include "imaging/target.h"
#include "imaging/writer.h"
#include "tests/support/faketargets.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Etabli;
using namespace Etabli::Imaging;
using namespace ImagingTest;

namespace {

class Loop
{
public:
    explicit Loop(const QString &backing)
    {
        const Run r = run(QStringLiteral("losetup"), {QStringLiteral("-f"), QStringLiteral("--show"), backing});
        if (r.code == 0)
            device = QString::fromLocal8Bit(r.out).trimmed();
        else
            error = QString::fromLocal8Bit(r.err).trimmed();
    }
    ~Loop()
    {
        if (!device.isEmpty())
            run(QStringLiteral("losetup"), {QStringLiteral("-d"), device});
    }
    QString device, error;
};

// A disk that silently returns one wrong byte when read back at `badOffset`.
class LyingTarget final : public TargetDevice
{
public:
    LyingTarget(std::unique_ptr<TargetDevice> inner, int64_t badOffset)
        : m_inner(std::move(inner))
        , m_bad(badOffset)
    {}
    QString name() const override { return m_inner->name(); }
    int64_t size() const override { return m_inner->size(); }
    Result<void> resize(int64_t size) override { return m_inner->resize(size); }
    Result<void> write(int64_t offset, const uint8_t *data, size_t length) override
    {
        return m_inner->write(offset, data, length);
    }
    Result<bool> discard(int64_t offset, int64_t length) override { return m_inner->discard(offset, length); }
    Result<void> sync() override { return m_inner->sync(); }
    Result<void> read(int64_t offset, uint8_t *data, size_t length) override
    {
        auto r = m_inner->read(offset, data, length);
        if (r && m_bad >= offset && m_bad < offset + int64_t(length))
            data[m_bad - offset] ^= 0x40;
        return r;
    }

private:
    std::unique_ptr<TargetDevice> m_inner;
    int64_t m_bad = 0;
};

} // namespace

class TestWriter : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_master; // qcow2, compressed, 64 KiB clusters
    QByteArray m_expected; // SHA-256 of its raw content (qemu-img)
    qint64 m_size = (6 << 20) + 65536;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    std::unique_ptr<ImageWriter> writer(const QString &master, WriteOptions options = {})
    {
        auto source = Source::open(master);
        if (!source)
            return {};
        return std::make_unique<ImageWriter>(std::move(source.value()), std::move(options));
    }

    std::unique_ptr<TargetDevice> file(const QString &name)
    {
        auto t = DiskTarget::open(path(name), {});
        return t ? std::move(t.value()) : nullptr;
    }

    static bool needRoot() { return ::geteuid() == 0; }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString raw = path(QStringLiteral("master.raw"));
        QVERIFY(writeFile(raw, diskContent(m_size, 11)));
        m_master = path(QStringLiteral("master.qcow2"));
        const Run r = run(QStringLiteral("qemu-img"),
                          {QStringLiteral("convert"), QStringLiteral("-c"), QStringLiteral("-O"),
                           QStringLiteral("qcow2"), raw, m_master});
        QVERIFY2(r.code == 0, r.err.constData());
        m_expected = sha256File(raw);
    }

    void threeTargetsOneFailing()
    {
        WriteOptions options;
        options.verify = true;
        auto w = writer(m_master, options);
        QVERIFY(w);
        w->addTarget(file(QStringLiteral("a.img")));
        w->addTarget(std::make_unique<Etabli::TestSupport::FaultyTarget>(file(QStringLiteral("b.img")), 1 << 20));
        w->addTarget(file(QStringLiteral("c.img")));
        QVERIFY(w->run().ok());
        const auto p = w->progress();
        QCOMPARE(p.size(), size_t(3));
        QCOMPARE(toString(p[0].phase), toString(TargetProgress::Phase::Done));
        QVERIFY(p[0].verified);
        QCOMPARE(toString(p[2].phase), toString(TargetProgress::Phase::Done));
        QVERIFY(p[2].verified);
        QCOMPARE(toString(p[1].phase), toString(TargetProgress::Phase::Failed));
        QVERIFY(!p[1].verified);
        QVERIFY2(p[1].error.contains(path(QStringLiteral("b.img"))) && p[1].error.contains(QStringLiteral("1048576")),
                 qPrintable(p[1].error));
        QCOMPARE(sha256File(path(QStringLiteral("a.img"))), m_expected);
        QCOMPARE(sha256File(path(QStringLiteral("c.img"))), m_expected);
        QCOMPARE(p[0].bytesDone, m_size);
    }

    void readBackMismatchIsNotVerified()
    {
        WriteOptions options;
        options.verify = true;
        auto w = writer(m_master, options);
        const int64_t bad = (3 << 20) + 12345;
        w->addTarget(std::make_unique<LyingTarget>(file(QStringLiteral("lying.img")), bad));
        w->addTarget(file(QStringLiteral("honest.img")));
        QVERIFY(w->run().ok());
        const auto p = w->progress();
        QCOMPARE(toString(p[0].phase), toString(TargetProgress::Phase::Failed));
        QVERIFY(!p[0].verified);
        QVERIFY2(p[0].error.contains(QStringLiteral("verification")) && p[0].error.contains(QString::number(3 << 20)),
                 qPrintable(p[0].error));
        QVERIFY(p[1].verified);
    }

    void allTargetsFailing()
    {
        auto w = writer(m_master);
        w->addTarget(std::make_unique<Etabli::TestSupport::FaultyTarget>(file(QStringLiteral("d.img")), 0));
        auto r = w->run();
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::Io);
    }

    void manifestMismatchStopsEverything()
    {
        auto source = Source::open(m_master);
        auto manifest = computeManifest(**source, QStringLiteral("m"), QStringLiteral("1"), 2);
        QVERIFY(manifest.ok());
        QCOMPARE(QByteArray(toHex(manifest->sha256).toLatin1()), m_expected);
        WriteOptions options;
        options.verify = true;
        options.manifest = *manifest;
        options.manifest->ranges[1][0] ^= 1; // as if the master had changed in range 1
        auto w = writer(m_master, options);
        w->addTarget(file(QStringLiteral("e.img")));
        auto r = w->run();
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::Corrupt);
        QCOMPARE(r.error().detail, QStringLiteral("manifest_mismatch"));
        QVERIFY(!w->progress().at(0).verified);
    }

    void flippedByteDetected()
    {
        // Flip one byte inside the compressed data: the manifest (made from the intact
        // master) catches it even when the deflate stream still decodes.
        auto source = Source::open(m_master);
        auto manifest = computeManifest(**source, QStringLiteral("m"), QStringLiteral("1"), 2);
        QVERIFY(manifest.ok());
        const QString damaged = path(QStringLiteral("flipped.qcow2"));
        QFile::copy(m_master, damaged);
        QFile f(damaged);
        QVERIFY(f.open(QIODevice::ReadWrite));
        const qint64 at = 0x50000 + 1234; // well inside the first data clusters
        f.seek(at);
        char c = 0;
        f.getChar(&c);
        f.seek(at);
        f.putChar(char(c ^ 0x20));
        f.close();
        WriteOptions options;
        options.verify = true;
        options.manifest = *manifest;
        auto w = writer(damaged, options);
        QVERIFY(w);
        w->addTarget(file(QStringLiteral("f.img")));
        auto r = w->run();
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::Corrupt);
        QVERIFY(!w->progress().at(0).verified);
        QVERIFY(w->progress().at(0).phase == TargetProgress::Phase::Failed);
    }

    void truncatedMasterRefusedAtOpen()
    {
        const QString cut = path(QStringLiteral("cut.qcow2"));
        QFile::copy(m_master, cut);
        QFile f(cut);
        QVERIFY(f.resize(f.size() / 2));
        auto source = Source::open(cut);
        QVERIFY(!source.ok());
        QCOMPARE(source.error().code, ErrorCode::Corrupt);
        QVERIFY2(source.error().message.contains(QStringLiteral("truncated")), qPrintable(source.error().message));
    }

    void regularFileResized()
    {
        // An existing, bigger file is cut to the master's size; skip leaves holes.
        QVERIFY(writeFile(path(QStringLiteral("big.img")), QByteArray(m_size + (3 << 20), 'x')));
        WriteOptions options;
        options.fill = Fill::Discard;
        options.verify = true;
        auto w = writer(m_master, options);
        w->addTarget(file(QStringLiteral("big.img")));
        QVERIFY(w->run().ok());
        QCOMPARE(QFileInfo(path(QStringLiteral("big.img"))).size(), m_size);
        QCOMPARE(sha256File(path(QStringLiteral("big.img"))), m_expected);
    }

    void safetyRefusals_data()
    {
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("serial");
        QTest::addColumn<QString>("detail");
        QTest::newRow("the master itself")
            << QStringLiteral("@master") << QString() << QStringLiteral("target_is_master");
        QTest::newRow("character device") << QStringLiteral("/dev/zero") << QString() << QStringLiteral("target_kind");
        QTest::newRow("file with a serial asked")
            << QStringLiteral("@new") << QStringLiteral("S123") << QStringLiteral("serial_mismatch");
    }
    void safetyRefusals()
    {
        QFETCH(QString, target);
        QFETCH(QString, serial);
        QFETCH(QString, detail);
        if (target == QLatin1String("@master"))
            target = m_master;
        if (target == QLatin1String("@new"))
            target = path(QStringLiteral("new.img"));
        SafetyOptions o;
        o.masterPath = m_master;
        o.confirmSerial = serial;
        o.requiredSize = m_size;
        auto t = DiskTarget::open(target, o);
        QVERIFY(!t.ok());
        QCOMPARE(t.error().code, ErrorCode::Refused);
        QCOMPARE(t.error().detail, detail);
        QVERIFY(!QFile::exists(path(QStringLiteral("new.img"))));
    }

    // Issue 18: a mistyped device path must not become a file in devtmpfs that is then
    // written, verified and recorded as an erased disk. "" = accepted.
    void devPaths_data()
    {
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("detail");
        QTest::newRow("missing node") << QStringLiteral("/dev/sdz9-etabli-missing") << QStringLiteral("target_missing");
        QTest::newRow("missing node in a /dev subfolder")
            << QStringLiteral("/dev/disk/by-id/etabli-missing") << QStringLiteral("target_missing");
        QTest::newRow("dotted path into /dev")
            << QStringLiteral("@tmp/../../dev/sdz9-etabli-missing") << QStringLiteral("target_missing");
        QTest::newRow("regular file in /dev") << QStringLiteral("@devfile") << QStringLiteral("target_kind");
        QTest::newRow("character device") << QStringLiteral("/dev/zero") << QStringLiteral("target_kind");
        QTest::newRow("symlink to a missing /dev node")
            << QStringLiteral("@link-missing") << QStringLiteral("target_missing");
        QTest::newRow("dangling symlink outside /dev")
            << QStringLiteral("@link-dangling") << QStringLiteral("target_missing");
        QTest::newRow("symlink to a block device") << QStringLiteral("@link-block") << QString();
        QTest::newRow("block device") << QStringLiteral("@block") << QString();
        QTest::newRow("new file outside /dev") << QStringLiteral("@tmp/new-outside.img") << QString();
        QTest::newRow("/dev/null (benchmark sink)") << QStringLiteral("/dev/null") << QString();
    }
    void devPaths()
    {
        QFETCH(QString, target);
        QFETCH(QString, detail);
        // Any unused loop node is a block device that is neither mounted nor the system disk.
        QString block;
        for (int i = 0; i < 64 && block.isEmpty(); ++i) {
            const QString node = QStringLiteral("/dev/loop%1").arg(i);
            const QString backing = QStringLiteral("/sys/block/loop%1/loop/backing_file").arg(i);
            if (QFileInfo(node).exists() && !QFileInfo(node).isFile() && !QFile::exists(backing))
                block = node;
        }
        QString created;
        if (target == QLatin1String("@devfile")) {
            target = created
                = QStringLiteral("/dev/shm/etabli-tst-writer-%1.img").arg(QCoreApplication::applicationPid());
            QVERIFY(writeFile(target, QByteArray(4096, 'x')));
        } else if (target.startsWith(QLatin1String("@link"))) {
            const QString to = target == QLatin1String("@link-missing") ? QStringLiteral("/dev/sdz9-etabli-missing")
                : target == QLatin1String("@link-dangling")             ? path(QStringLiteral("nowhere/x.img"))
                                                                        : block;
            if (to.isEmpty())
                QSKIP("no block device node on this machine");
            target = path(target.mid(1));
            QFile::remove(target);
            QVERIFY(QFile::link(to, target));
        } else if (target == QLatin1String("@block")) {
            if (block.isEmpty())
                QSKIP("no block device node on this machine");
            target = block;
        } else if (target.startsWith(QLatin1String("@tmp/"))) {
            target = path(target.mid(5));
        }
        const auto safe = checkTargetSafety(target, {});
        if (!created.isEmpty())
            QFile::remove(created);
        if (detail.isEmpty()) {
            QVERIFY2(safe.ok(), qPrintable(safe.ok() ? QString() : safe.error().message));
            return;
        }
        QVERIFY(!safe.ok());
        QCOMPARE(safe.error().detail, detail);
        // DiskTarget::open runs the same check and so creates nothing.
        auto t = DiskTarget::open(target, {});
        QVERIFY(!t.ok());
        QVERIFY(!QFile::exists(QStringLiteral("/dev/sdz9-etabli-missing")));
        QVERIFY(!QFile::exists(path(QStringLiteral("nowhere"))));
    }

    void systemDiskRefused()
    {
        // The disk holding "/" on this machine, found from /proc/self/mountinfo.
        QString rootDevice;
        const Run r = run(QStringLiteral("findmnt"),
                          {QStringLiteral("-n"), QStringLiteral("-o"), QStringLiteral("SOURCE"), QStringLiteral("/")});
        rootDevice = QString::fromLocal8Bit(r.out).trimmed();
        if (!rootDevice.startsWith(QLatin1String("/dev/")) || !QFileInfo(rootDevice).exists())
            QSKIP("the root filesystem is not on a block device here (overlay or container)");
        auto t = DiskTarget::open(rootDevice, {});
        QVERIFY(!t.ok());
        QCOMPARE(t.error().code, ErrorCode::Refused);
        QVERIFY2(t.error().detail == QLatin1String("target_system_disk")
                     || t.error().detail == QLatin1String("target_mounted"),
                 qPrintable(t.error().detail));
    }

    void loopDevices()
    {
        if (!needRoot())
            QSKIP("loop devices need root (CI runs as root)");
        const QString b1 = path(QStringLiteral("loop1.bin")), b2 = path(QStringLiteral("loop2.bin")),
                      small = path(QStringLiteral("small.bin"));
        QVERIFY(writeFile(b1, QByteArray(8 << 20, char(0x5a))));
        QVERIFY(writeFile(b2, QByteArray(8 << 20, char(0x5a))));
        QVERIFY(writeFile(small, QByteArray(1 << 20, 0)));
        Loop l1(b1), l2(b2), l3(small);
        if (l1.device.isEmpty() || l2.device.isEmpty() || l3.device.isEmpty())
            QSKIP(qPrintable(QStringLiteral("no loop device available: ") + l1.error));

        SafetyOptions o;
        o.requiredSize = m_size;
        auto tooSmall = DiskTarget::open(l3.device, o);
        QVERIFY(!tooSmall.ok());
        QCOMPARE(tooSmall.error().detail, QStringLiteral("target_too_small"));
        o.confirmSerial = QStringLiteral("WD-WCC6Y0000000");
        auto wrongSerial = DiskTarget::open(l1.device, o);
        QVERIFY(!wrongSerial.ok());
        QCOMPARE(wrongSerial.error().detail, QStringLiteral("serial_mismatch"));
        o.confirmSerial.clear();

        WriteOptions options;
        options.verify = true;
        options.fill = Fill::Zeros;
        auto w = writer(m_master, options);
        auto t1 = DiskTarget::open(l1.device, o);
        auto t2 = DiskTarget::open(l2.device, o);
        QVERIFY2(t1.ok(), qPrintable(t1.ok() ? QString() : t1.error().message));
        QVERIFY(t2.ok());
        QVERIFY((*t1)->isBlockDevice());
        w->addTarget(std::move(t1.value()));
        w->addTarget(std::move(t2.value()));
        QVERIFY(w->run().ok());
        for (const TargetProgress &p : w->progress()) {
            QCOMPARE(toString(p.phase), toString(TargetProgress::Phase::Done));
            QVERIFY(p.verified);
        }
        QCOMPARE(sha256File(l1.device, m_size), m_expected);
        QCOMPARE(sha256File(l2.device, m_size), m_expected);
        // The bytes past the master are untouched.
        QFile back(b1);
        QVERIFY(back.open(QIODevice::ReadOnly));
        back.seek(m_size);
        QCOMPARE(back.read(4), QByteArray(4, char(0x5a)));

        w.reset(); // closes the exclusive descriptors
        // Discard on a loop device punches holes in its backing file: reads back as zeros.
        QVERIFY(writeFile(b2, QByteArray(8 << 20, char(0x5a))));
        options.fill = Fill::Discard;
        auto w2 = writer(m_master, options);
        auto t3 = DiskTarget::open(l2.device, o);
        QVERIFY(t3.ok());
        w2->addTarget(std::move(t3.value()));
        QVERIFY(w2->run().ok());
        QVERIFY(w2->progress().at(0).verified);
        QCOMPARE(sha256File(l2.device, m_size), m_expected);
    }

    void mountedLoopRefused()
    {
        if (!needRoot())
            QSKIP("mounting needs root (CI runs as root)");
        const QString backing = path(QStringLiteral("fs.bin"));
        QVERIFY(writeFile(backing, QByteArray(16 << 20, 0)));
        Loop loop(backing);
        if (loop.device.isEmpty())
            QSKIP("no loop device available");
        if (run(QStringLiteral("mkfs.ext4"), {QStringLiteral("-q"), loop.device}).code != 0)
            QSKIP("mkfs.ext4 is not available");
        const QString mountPoint = path(QStringLiteral("mnt"));
        QDir().mkpath(mountPoint);
        if (run(QStringLiteral("mount"), {loop.device, mountPoint}).code != 0)
            QSKIP("this machine does not allow mounting a loop device");
        auto t = DiskTarget::open(loop.device, {});
        run(QStringLiteral("umount"), {mountPoint});
        QVERIFY(!t.ok());
        QCOMPARE(t.error().detail, QStringLiteral("target_mounted"));
        QVERIFY(t.error().message.contains(mountPoint));
    }

    void deviceMapperErrorTarget()
    {
        if (!needRoot())
            QSKIP("device-mapper needs root (CI runs as root)");
        const Run targets = run(QStringLiteral("dmsetup"), {QStringLiteral("targets")});
        if (targets.code != 0 || !targets.out.contains("error"))
            QSKIP("device-mapper is not available on this machine (no dm kernel driver); the EIO case is "
                  "covered by FaultyTarget in threeTargetsOneFailing");
        const QString backing = path(QStringLiteral("dm.bin"));
        QVERIFY(writeFile(backing, QByteArray(8 << 20, 0)));
        Loop loop(backing);
        if (loop.device.isEmpty())
            QSKIP("no loop device available");
        // 2 MiB readable and writable, then 6 MiB answering EIO.
        const QString name = QStringLiteral("etabli-eio-%1").arg(QCoreApplication::applicationPid());
        const QByteArray table = QStringLiteral("0 4096 linear %1 0\n4096 12288 error\n").arg(loop.device).toLatin1();
        const Run created = run(QStringLiteral("dmsetup"), {QStringLiteral("create"), name}, table);
        if (created.code != 0)
            QSKIP(qPrintable(QStringLiteral("dmsetup create failed: ") + QString::fromLocal8Bit(created.err)));
        const QString device = QStringLiteral("/dev/mapper/") + name;
        WriteOptions options;
        options.verify = true;
        auto w = writer(m_master, options);
        auto t = DiskTarget::open(device, {});
        QVERIFY2(t.ok(), qPrintable(t.ok() ? QString() : t.error().message));
        w->addTarget(std::move(t.value()));
        w->addTarget(file(QStringLiteral("dm-sibling.img")));
        QVERIFY(w->run().ok());
        const auto p = w->progress();
        w.reset();
        run(QStringLiteral("dmsetup"), {QStringLiteral("remove"), name});
        QCOMPARE(toString(p[0].phase), toString(TargetProgress::Phase::Failed));
        QVERIFY(!p[0].verified);
        QVERIFY2(p[0].error.contains(device), qPrintable(p[0].error));
        QVERIFY(p[1].verified);
        QCOMPARE(sha256File(path(QStringLiteral("dm-sibling.img"))), m_expected);
    }

    void imagingJobSignals()
    {
        ImagingJob job;
        job.setMaster(m_master);
        job.setTargets({path(QStringLiteral("job1.img")), path(QStringLiteral("job2.img"))});
        WriteOptions options;
        options.verify = true;
        job.setOptions(options);
        QSignalSpy finished(&job, &ImagingJob::finished);
        QSignalSpy progress(&job, &ImagingJob::progress);
        job.start();
        QCOMPARE(job.state(), ImagingJob::State::Running);
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.at(0).at(0).toBool(), true);
        QCOMPARE(job.state(), ImagingJob::State::Succeeded);
        QCOMPARE(job.results().size(), size_t(2));
        QVERIFY(progress.count() >= 2);
        QCOMPARE(progress.last().at(1).toLongLong(), m_size);
        QCOMPARE(sha256File(path(QStringLiteral("job2.img"))), m_expected);

        ImagingJob bad;
        bad.setMaster(m_master);
        bad.setTargets({m_master});
        QSignalSpy failed(&bad, &ImagingJob::errorOccurred);
        bad.start();
        QVERIFY(failed.wait(10000));
        QCOMPARE(bad.state(), ImagingJob::State::Failed);
        QVERIFY(bad.errorString().contains(QStringLiteral("master")));
    }
};

QTEST_GUILESS_MAIN(TestWriter)
#include "tst_writer.moc"
