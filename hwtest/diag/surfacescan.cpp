// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "hwtest/diag/surfacescan.h"

#include "hwtest/diag/diagjob.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <linux/fs.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace Etabli::HwTest {

namespace {

struct AlignedBuffer {
    explicit AlignedBuffer(qint64 bytes)
    {
        if (posix_memalign(&data, 4096, size_t(bytes)) != 0)
            data = nullptr;
    }
    ~AlignedBuffer() { std::free(data); }
    void *data = nullptr;
};

} // namespace

Result<std::unique_ptr<FileBlockSource>> FileBlockSource::open(const QString &path)
{
    const QByteArray native = QFile::encodeName(path);
    std::unique_ptr<FileBlockSource> s(new FileBlockSource);
    s->m_path = path;
    s->m_fd = ::open(native.constData(), O_RDONLY | O_DIRECT | O_CLOEXEC);
    if (s->m_fd < 0 && errno == EINVAL) {
        s->m_direct = false;
        s->m_fd = ::open(native.constData(), O_RDONLY | O_CLOEXEC);
    }
    if (s->m_fd < 0) {
        const int e = errno;
        return makeError(e == ENOENT ? ErrorCode::NotFound : ErrorCode::Io,
                         QCoreApplication::translate("SurfaceScan", "cannot open %1: %2")
                             .arg(path, QString::fromLocal8Bit(std::strerror(e))));
    }
    struct stat st {
    };
    if (fstat(s->m_fd, &st) != 0)
        return makeError(ErrorCode::Io, QCoreApplication::translate("SurfaceScan", "cannot stat %1").arg(path));
    if (S_ISBLK(st.st_mode)) {
        s->m_blockDevice = true;
        uint64_t bytes = 0;
        int sector = 512;
        if (ioctl(s->m_fd, BLKGETSIZE64, &bytes) != 0)
            return makeError(ErrorCode::Io,
                             QCoreApplication::translate("SurfaceScan", "cannot get the size of %1").arg(path));
        if (ioctl(s->m_fd, BLKSSZGET, &sector) == 0 && sector >= 512)
            s->m_sectorSize = sector;
        s->m_size = qint64(bytes);
    } else if (S_ISREG(st.st_mode)) {
        s->m_size = st.st_size;
    } else {
        return makeError(
            ErrorCode::InvalidArgument,
            QCoreApplication::translate("SurfaceScan", "%1 is neither a block device nor a regular file").arg(path));
    }
    if (!s->m_direct)
        posix_fadvise(s->m_fd, 0, 0, POSIX_FADV_SEQUENTIAL);
    return s;
}

FileBlockSource::~FileBlockSource()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

qint64 FileBlockSource::readAt(qint64 offset, void *buffer, qint64 length)
{
    qint64 done = 0;
    while (done < length) {
        const ssize_t n = ::pread(m_fd, static_cast<char *>(buffer) + done, size_t(length - done), offset + done);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return -errno;
        }
        if (n == 0)
            break;
        done += n;
        // O_DIRECT on a file whose size is not sector-aligned returns a short last read.
        if (done % m_sectorSize != 0)
            break;
    }
    if (!m_direct)
        posix_fadvise(m_fd, offset, length, POSIX_FADV_DONTNEED);
    return done;
}

const QList<int> &surfaceLatencyBuckets()
{
    static const QList<int> buckets{5, 20, 50, 150, 500};
    return buckets;
}

namespace {

class Scanner
{
public:
    Scanner(BlockSource &s, const SurfaceScanOptions &o, SurfaceScanReport &r)
        : src(s)
        , opt(o)
        , rep(r)
    {}

    qint64 timedRead(qint64 offset, void *buf, qint64 len)
    {
        QElapsedTimer t;
        t.start();
        const qint64 n = src.readAt(offset, buf, len);
        const qint64 ms = t.elapsed();
        const QList<int> &b = surfaceLatencyBuckets();
        int i = 0;
        while (i < b.size() && ms >= b[i])
            ++i;
        ++rep.histogram[i];
        ++rep.reads;
        if (ms >= opt.slowReadMs)
            ++rep.slowReads;
        return n;
    }

    // Halves a failing range until single sectors; returns false when too many are bad.
    bool narrow(qint64 offset, qint64 len, void *buf)
    {
        const int ss = rep.sectorSize;
        if (len <= ss) {
            rep.badSectors.append(offset / ss);
            return rep.badSectors.size() < opt.maxBadSectors;
        }
        const qint64 half = ((len / ss) / 2) * ss;
        for (const auto &[o, l] : {std::pair{offset, half}, std::pair{offset + half, len - half}}) {
            const qint64 n = timedRead(o, buf, l);
            if (n < 0 && !narrow(o, l, buf))
                return false;
        }
        return true;
    }

    BlockSource &src;
    const SurfaceScanOptions &opt;
    SurfaceScanReport &rep;
};

} // namespace

SurfaceScanReport scanSurface(BlockSource &source, const SurfaceScanOptions &options, ProgressSink *sink)
{
    SurfaceScanReport rep;
    rep.sectorSize = source.sectorSize();
    rep.bytesTotal = source.size();
    rep.histogram = QList<qint64>(surfaceLatencyBuckets().size() + 1, 0);
    const qint64 ss = rep.sectorSize;
    const qint64 chunk = std::max(ss, (options.chunkBytes / ss) * ss);
    AlignedBuffer buffer(chunk);
    if (!buffer.data)
        return rep;
    Scanner scanner(source, options, rep);
    QElapsedTimer clock;
    clock.start();
    qint64 offset = 0;
    while (offset < rep.bytesTotal) {
        if (sink && sink->cancelled()) {
            rep.cancelled = true;
            break;
        }
        // Round the tail up to a whole sector: O_DIRECT reads stop at end of file.
        const qint64 len = std::min(chunk, ((rep.bytesTotal - offset + ss - 1) / ss) * ss);
        const qint64 n = scanner.timedRead(offset, buffer.data, len);
        if (n < 0) {
            if (!scanner.narrow(offset, len, buffer.data))
                break;
        } else if (n == 0) {
            break;
        }
        offset += len;
        rep.bytesScanned = std::min(offset, rep.bytesTotal);
        if (sink)
            sink->report(double(rep.bytesScanned) / double(std::max<qint64>(1, rep.bytesTotal)));
    }
    rep.elapsedMs = clock.elapsed();
    return rep;
}

TestResult evaluateSurface(const SurfaceScanReport &r, const SurfaceScanOptions &options, const QString &device)
{
    VerdictBuilder v;
    v.setPassRule(QStringLiteral("surface.ok: every sector read"));
    if (!r.badSectors.isEmpty())
        v.fire(TestVerdict::Fail, QStringLiteral("surface.unreadable-sectors"),
               QCoreApplication::translate("SurfaceScan", "%1 unreadable sectors, first at sector %2")
                   .arg(r.badSectors.size())
                   .arg(r.badSectors.first()));
    if (r.slowReads > std::max<qint64>(3, r.reads / 100))
        v.fire(TestVerdict::Warn, QStringLiteral("surface.slow-reads"),
               QCoreApplication::translate("SurfaceScan", "%1 of %2 reads took %3 ms or more")
                   .arg(r.slowReads)
                   .arg(r.reads)
                   .arg(options.slowReadMs));
    if (r.cancelled || r.bytesScanned < r.bytesTotal)
        v.fire(TestVerdict::Warn, QStringLiteral("surface.incomplete"),
               QCoreApplication::translate("SurfaceScan", "the scan stopped at %1 of %2 bytes")
                   .arg(r.bytesScanned)
                   .arg(r.bytesTotal));

    TestResult t;
    t.kind = QStringLiteral("disk");
    t.verdict = v.verdict();
    t.rule = v.rule();
    QJsonArray bad;
    for (int i = 0; i < std::min<int>(r.badSectors.size(), 64); ++i)
        bad.append(r.badSectors[i]);
    QJsonObject hist;
    const QList<int> &b = surfaceLatencyBuckets();
    for (int i = 0; i < r.histogram.size(); ++i)
        hist.insert(i < b.size() ? QStringLiteral("lt_%1ms").arg(b[i]) : QStringLiteral("ge_%1ms").arg(b.last()),
                    r.histogram[i]);
    const double mibs = r.elapsedMs > 0 ? (r.bytesScanned / 1048576.0) / (r.elapsedMs / 1000.0) : 0.0;
    t.measurements = QJsonObject{{QStringLiteral("check"), QStringLiteral("surface")},
                                 {QStringLiteral("device"), device},
                                 {QStringLiteral("bytes_total"), r.bytesTotal},
                                 {QStringLiteral("bytes_scanned"), r.bytesScanned},
                                 {QStringLiteral("sector_size"), r.sectorSize},
                                 {QStringLiteral("chunk_bytes"), options.chunkBytes},
                                 {QStringLiteral("bad_sector_count"), r.badSectors.size()},
                                 {QStringLiteral("bad_sectors"), bad},
                                 {QStringLiteral("reads"), r.reads},
                                 {QStringLiteral("slow_reads"), r.slowReads},
                                 {QStringLiteral("latency_histogram"), hist},
                                 {QStringLiteral("elapsed_ms"), r.elapsedMs},
                                 {QStringLiteral("mib_s"), qRound(mibs * 10) / 10.0},
                                 {QStringLiteral("rules_fired"), v.firedRules()}};
    return t;
}

} // namespace Etabli::HwTest
