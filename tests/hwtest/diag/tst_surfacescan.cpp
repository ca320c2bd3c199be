// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
//
// Surface read scan on real files and loop devices, unreadable sectors from the EIO
// wrapper of test support, latency histogram, never a write, progress through the
// DiagJob facade.
#include "hwtest/diag/diagjob.h"
#include "hwtest/diag/surfacescan.h"
#include "tests/support/faultyblocksource.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QJsonArray>
#include <QProcess>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <unistd.h>

using namespace Etabli;
using namespace Etabli::HwTest;
using Etabli::TestSupport::FaultyBlockSource;

Q_DECLARE_METATYPE(QList<qint64>)

namespace {

QString makeFile(const QTemporaryDir &dir, const QString &name, qint64 bytes)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    QByteArray block(1 << 20, Qt::Uninitialized);
    QRandomGenerator rng(42);
    for (qint64 done = 0; done < bytes; done += block.size()) {
        rng.fillRange(reinterpret_cast<quint32 *>(block.data()), block.size() / 4);
        f.write(block.constData(), std::min<qint64>(block.size(), bytes - done));
    }
    return path;
}

QByteArray sha256(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(&f);
    return h.result();
}

// Asks the kernel directly whether this file can be opened with O_DIRECT.
bool directSupported(const QString &path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_DIRECT);
    if (fd >= 0)
        ::close(fd);
    return fd >= 0;
}

qint64 sum(const QList<qint64> &list)
{
    qint64 s = 0;
    for (qint64 v : list)
        s += v;
    return s;
}

} // namespace

class TestSurfaceScan : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void regularFile_data();
    void regularFile();
    void badSectors_data();
    void badSectors();
    void neverWrites();
    void badInput_data();
    void badInput();
    void loopDevice();
    void deviceMapperErrorTarget();
    void facadeProgressAndCancel();

private:
    QTemporaryDir m_dir;
    QString m_loop;
};

void TestSurfaceScan::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

void TestSurfaceScan::cleanupTestCase()
{
    if (!m_loop.isEmpty())
        QProcess::execute(QStringLiteral("losetup"), {QStringLiteral("-d"), m_loop});
}

void TestSurfaceScan::regularFile_data()
{
    QTest::addColumn<qint64>("size");
    QTest::addColumn<qint64>("chunk");
    QTest::newRow("16 MiB, 4 MiB reads") << qint64(16 << 20) << qint64(4 << 20);
    QTest::newRow("16 MiB, 1 MiB reads") << qint64(16 << 20) << qint64(1 << 20);
    QTest::newRow("size not a chunk multiple") << qint64((5 << 20) + 4096) << qint64(4 << 20);
    QTest::newRow("size not a sector multiple") << qint64((3 << 20) + 100) << qint64(1 << 20);
    QTest::newRow("smaller than one sector") << qint64(10) << qint64(4 << 20);
}

void TestSurfaceScan::regularFile()
{
    QFETCH(qint64, size);
    QFETCH(qint64, chunk);
    const QString path = makeFile(m_dir, QStringLiteral("file-%1").arg(size), size);
    auto src = FileBlockSource::open(path);
    QVERIFY(src.ok());
    QCOMPARE((*src)->size(), size);
    // O_DIRECT where the filesystem takes it (not tmpfs), buffered reads otherwise.
    QCOMPARE((*src)->direct(), directSupported(path));
    SurfaceScanOptions o;
    o.chunkBytes = chunk;
    const SurfaceScanReport r = scanSurface(**src, o);
    QCOMPARE(r.bytesScanned, size);
    QVERIFY(r.badSectors.isEmpty());
    QCOMPARE(r.reads, (size + chunk - 1) / chunk);
    QCOMPARE(sum(r.histogram), r.reads);
    const TestResult t = evaluateSurface(r, o, path);
    QCOMPARE(toString(t.verdict), QStringLiteral("PASS"));
    QCOMPARE(t.measurements[QStringLiteral("bytes_scanned")].toInteger(), size);
}

void TestSurfaceScan::badSectors_data()
{
    QTest::addColumn<QList<qint64>>("bad");
    QTest::addColumn<qint64>("chunk");
    const qint64 sectors = (8 << 20) / 512;
    QTest::newRow("none") << QList<qint64>{} << qint64(1 << 20);
    QTest::newRow("first sector") << QList<qint64>{0} << qint64(1 << 20);
    QTest::newRow("last sector") << QList<qint64>{sectors - 1} << qint64(1 << 20);
    QTest::newRow("a run of five") << QList<qint64>{4000, 4001, 4002, 4003, 4004} << qint64(1 << 20);
    QTest::newRow("run across a chunk edge") << QList<qint64>{2046, 2047, 2048, 2049} << qint64(1 << 20);
    QTest::newRow("spread") << QList<qint64>{7, 3333, 9999, 12000, sectors - 2} << qint64(4 << 20);
    QTest::newRow("a whole chunk") << [] {
        QList<qint64> l;
        for (qint64 s = 2048; s < 4096; ++s)
            l << s;
        return l;
    }() << qint64(1 << 20);
}

void TestSurfaceScan::badSectors()
{
    QFETCH(QList<qint64>, bad);
    QFETCH(qint64, chunk);
    const QString path = makeFile(m_dir, QStringLiteral("bad.img"), 8 << 20);
    auto src = FileBlockSource::open(path);
    QVERIFY(src.ok());
    FaultyBlockSource faulty(src->get(), QSet<qint64>(bad.begin(), bad.end()));
    SurfaceScanOptions o;
    o.chunkBytes = chunk;
    const SurfaceScanReport r = scanSurface(faulty, o);
    QCOMPARE(r.badSectors, bad); // every one found, nothing else, in order
    QCOMPARE(r.bytesScanned, qint64(8 << 20)); // and the scan went on to the end
    // Narrowing by halves costs about 2·log2(sectors per chunk) reads per bad sector.
    const qint64 chunks = (8 << 20) / chunk;
    QVERIFY2(faulty.readCalls() <= chunks + bad.size() * 2 * 14 + 2, qPrintable(QString::number(faulty.readCalls())));
    const TestResult t = evaluateSurface(r, o, path);
    QCOMPARE(toString(t.verdict), bad.isEmpty() ? QStringLiteral("PASS") : QStringLiteral("FAIL"));
    QCOMPARE(t.measurements[QStringLiteral("bad_sector_count")].toInt(), bad.size());
    if (!bad.isEmpty())
        QVERIFY(t.rule.startsWith(QLatin1String("surface.unreadable-sectors")));
}

void TestSurfaceScan::neverWrites()
{
    const QString path = makeFile(m_dir, QStringLiteral("ro.img"), 4 << 20);
    const QByteArray before = sha256(path);
    const QDateTime mtime = QFileInfo(path).lastModified();
    QFile::setPermissions(path, QFile::ReadOwner);
    {
        auto src = FileBlockSource::open(path);
        QVERIFY(src.ok());
        QCOMPARE(scanSurface(**src, {}).bytesScanned, qint64(4 << 20));
    }
    QCOMPARE(sha256(path), before);
    QCOMPARE(QFileInfo(path).lastModified(), mtime);
}

void TestSurfaceScan::badInput_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("code");
    QTest::newRow("missing") << QStringLiteral("/nonexistent/disk") << int(ErrorCode::NotFound);
    QTest::newRow("directory") << QStringLiteral("/tmp") << int(ErrorCode::InvalidArgument);
    QTest::newRow("character device") << QStringLiteral("/dev/null") << int(ErrorCode::InvalidArgument);
}

void TestSurfaceScan::badInput()
{
    QFETCH(QString, path);
    QFETCH(int, code);
    auto src = FileBlockSource::open(path);
    QVERIFY(!src.ok());
    QCOMPARE(int(src.error().code), code);
}

void TestSurfaceScan::loopDevice()
{
    if (geteuid() != 0)
        QSKIP("loop devices need root (CI runs as root)");
    const QString path = makeFile(m_dir, QStringLiteral("loop.img"), 32 << 20);
    QProcess losetup;
    losetup.start(QStringLiteral("losetup"),
                  {QStringLiteral("-f"), QStringLiteral("--show"), QStringLiteral("-r"), path});
    QVERIFY(losetup.waitForFinished(10000));
    m_loop = QString::fromUtf8(losetup.readAllStandardOutput()).trimmed();
    QVERIFY2(losetup.exitCode() == 0 && m_loop.startsWith(QLatin1String("/dev/loop")),
             qPrintable(QString::fromUtf8(losetup.readAllStandardError())));

    auto src = FileBlockSource::open(m_loop);
    QVERIFY2(src.ok(), qPrintable(src.ok() ? QString() : src.error().message));
    QVERIFY((*src)->isBlockDevice());
    QVERIFY((*src)->direct());
    QCOMPARE((*src)->size(), qint64(32 << 20));
    const SurfaceScanReport r = scanSurface(**src, {});
    QCOMPARE(r.bytesScanned, qint64(32 << 20));
    QVERIFY(r.badSectors.isEmpty());
    QCOMPARE(toString(evaluateSurface(r, {}, m_loop).verdict), QStringLiteral("PASS"));

    // The same real device with unreadable sectors on top.
    FaultyBlockSource faulty(src->get(), {100, 60000});
    QCOMPARE(scanSurface(faulty, {}).badSectors, (QList<qint64>{100, 60000}));
}

void TestSurfaceScan::deviceMapperErrorTarget()
{
    // A dm "error" target in the middle of the loop device gives a real kernel EIO.
    if (m_loop.isEmpty())
        QSKIP("needs the loop device of loopDevice() (root)");
    if (!QFileInfo::exists(QStringLiteral("/dev/mapper/control")))
        QSKIP("device-mapper is not available on this machine (no dm kernel driver); "
              "unreadable sectors are covered by FaultyBlockSource instead");
    const qint64 sectors = (32 << 20) / 512;
    const QString table
        = QStringLiteral("0 1000 linear %1 0\n1000 8 error\n1008 %2 linear %1 1008\n").arg(m_loop).arg(sectors - 1008);
    QProcess dm;
    dm.start(QStringLiteral("dmsetup"), {QStringLiteral("create"), QStringLiteral("etabli-diag-err")});
    dm.write(table.toUtf8());
    dm.closeWriteChannel();
    if (!dm.waitForFinished(10000) || dm.exitCode() != 0)
        QSKIP(qPrintable(QStringLiteral("dmsetup cannot create an error target here: ")
                         + QString::fromUtf8(dm.readAllStandardError()).trimmed()));
    auto cleanup = qScopeGuard([] {
        QProcess::execute(QStringLiteral("dmsetup"), {QStringLiteral("remove"), QStringLiteral("etabli-diag-err")});
    });
    auto src = FileBlockSource::open(QStringLiteral("/dev/mapper/etabli-diag-err"));
    QVERIFY(src.ok());
    QList<qint64> expected;
    for (qint64 s = 1000; s < 1008; ++s)
        expected << s;
    QCOMPARE(scanSurface(**src, {}).badSectors, expected);
}

namespace {
// A real source made slow, so a cancel lands in the middle of the scan.
class SlowSource : public BlockSource
{
public:
    explicit SlowSource(BlockSource *inner)
        : m_inner(inner)
    {}
    qint64 size() const override { return m_inner->size(); }
    int sectorSize() const override { return m_inner->sectorSize(); }
    qint64 readAt(qint64 offset, void *buffer, qint64 length) override
    {
        usleep(20000);
        return m_inner->readAt(offset, buffer, length);
    }
    QString name() const override { return m_inner->name(); }

private:
    BlockSource *m_inner;
};
} // namespace

void TestSurfaceScan::facadeProgressAndCancel()
{
    const QString path = makeFile(m_dir, QStringLiteral("job.img"), 32 << 20);
    auto src = FileBlockSource::open(path);
    QVERIFY(src.ok());
    BlockSource *source = src->get();
    SurfaceScanOptions o;
    o.chunkBytes = 256 * 1024;

    DiagJob job;
    QSignalSpy progress(&job, &DiagJob::progress);
    QSignalSpy finished(&job, &DiagJob::finished);
    QVERIFY(job.start([source, o](ProgressSink &sink) {
        SurfaceScanReport r = scanSurface(*source, o, &sink);
        return evaluateSurface(r, o, source->name());
    }));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
    QVERIFY(progress.size() >= 1);
    QCOMPARE(progress.last().at(0).toDouble(), 100.0);
    const auto result = finished.first().at(0).value<TestResult>();
    QCOMPARE(result.kind, QStringLiteral("disk"));
    QCOMPARE(result.measurements[QStringLiteral("check")].toString(), QStringLiteral("surface"));
    QCOMPARE(toString(result.verdict), QStringLiteral("PASS"));

    // 128 reads of 20 ms: cancel after the first progress report, the scan stops early.
    SlowSource slow(source);
    DiagJob second;
    QSignalSpy slowProgress(&second, &DiagJob::progress);
    QSignalSpy done(&second, &DiagJob::finished);
    QVERIFY(second.start([&slow, o](ProgressSink &sink) {
        SurfaceScanReport r = scanSurface(slow, o, &sink);
        return evaluateSurface(r, o, slow.name());
    }));
    QVERIFY(!second.start([](ProgressSink &) { return TestResult{}; })); // one run at a time
    QTRY_VERIFY_WITH_TIMEOUT(slowProgress.size() >= 1, 10000);
    const double at = slowProgress.first().at(0).toDouble();
    QVERIFY2(at < 100.0, "the engine did not report progress while running");
    QCOMPARE(second.state(), DiagJob::State::Running);
    second.cancel();
    QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 10000);
    const auto cancelled = done.first().at(0).value<TestResult>();
    QCOMPARE(toString(cancelled.verdict), QStringLiteral("WARN"));
    QVERIFY2(cancelled.rule.startsWith(QLatin1String("surface.incomplete")), qPrintable(cancelled.rule));
    QVERIFY(cancelled.measurements[QStringLiteral("bytes_scanned")].toInteger() < (32 << 20));
}

QTEST_GUILESS_MAIN(TestSurfaceScan)
#include "tst_surfacescan.moc"
