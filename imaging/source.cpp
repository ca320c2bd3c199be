// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "imaging/source.h"

#include "imaging/httpsource.h"
#include "imaging/multicast.h"
#include "imaging/qcow2.h"

#include <QCoreApplication>

#include <libdeflate.h>
#include <zlib.h>

#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <fcntl.h>
#include <linux/fs.h>
#include <mutex>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace Etabli::Imaging {

namespace {

Error ioError(const QString &what, int err)
{
    return makeError(ErrorCode::Io,
                     QCoreApplication::translate("Imaging", "%1: %2").arg(what, QString::fromLocal8Bit(strerror(err))),
                     QStringLiteral("io"));
}

bool preadFull(int fd, void *buffer, size_t length, uint64_t offset)
{
    auto *p = static_cast<uint8_t *>(buffer);
    while (length > 0) {
        const ssize_t n = ::pread(fd, p, length, off_t(offset));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        p += n;
        length -= size_t(n);
        offset += uint64_t(n);
    }
    return true;
}

// Reads until `length` bytes or end of file; returns the count or -1 on error.
int64_t readUpTo(int fd, uint8_t *p, int64_t length)
{
    int64_t done = 0;
    while (done < length) {
        const ssize_t n = ::read(fd, p + done, size_t(length - done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return -1;
        if (n == 0)
            break;
        done += n;
    }
    return done;
}

void appendExtent(std::vector<Extent> &extents, uint32_t offset, uint32_t length)
{
    if (!extents.empty() && extents.back().offset + extents.back().length == offset)
        extents.back().length += length;
    else
        extents.push_back({offset, length});
}

struct Fd {
    int fd = -1;
    ~Fd()
    {
        if (fd >= 0)
            ::close(fd);
    }
};

struct DecompressorDeleter {
    void operator()(libdeflate_decompressor *d) const { libdeflate_free_decompressor(d); }
};

libdeflate_decompressor *threadDecompressor()
{
    thread_local std::unique_ptr<libdeflate_decompressor, DecompressorDeleter> d(libdeflate_alloc_decompressor());
    return d.get();
}

// Serves sequential reads in offset order when several pipeline workers ask at once.
class TurnStile
{
public:
    void waitFor(int64_t offset)
    {
        std::unique_lock lock(m_mutex);
        m_cv.wait(lock, [&] { return m_next == offset || m_failed; });
    }
    void advance(int64_t to)
    {
        {
            std::lock_guard lock(m_mutex);
            m_next = to;
        }
        m_cv.notify_all();
    }
    void fail()
    {
        {
            std::lock_guard lock(m_mutex);
            m_failed = true;
        }
        m_cv.notify_all();
    }
    bool failed()
    {
        std::lock_guard lock(m_mutex);
        return m_failed;
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_cv;
    int64_t m_next = 0;
    bool m_failed = false;
};

class RawSource final : public Source
{
public:
    RawSource(int fd, int64_t size)
        : m_size(size)
    {
        m_fd.fd = fd;
    }
    Format format() const override { return Format::Raw; }
    int64_t virtualSize() const override { return m_size; }
    Result<int64_t> read(int64_t offset, int64_t length, uint8_t *buffer, std::vector<Extent> &extents) override
    {
        extents.clear();
        const int64_t n = std::max<int64_t>(0, std::min(length, m_size - offset));
        if (n > 0 && !preadFull(m_fd.fd, buffer, size_t(n), uint64_t(offset)))
            return ioError(QCoreApplication::translate("Imaging", "cannot read the source at offset %1").arg(offset),
                           errno ? errno : EIO);
        findDataExtents(buffer, uint32_t(n), 0, extents);
        return n;
    }

private:
    Fd m_fd;
    int64_t m_size = 0;
};

class StreamSource final : public Source
{
public:
    explicit StreamSource(int fd) { m_fd.fd = fd; }
    Format format() const override { return Format::RawStream; }
    int64_t virtualSize() const override { return -1; }
    bool isSequential() const override { return true; }
    Result<int64_t> read(int64_t offset, int64_t length, uint8_t *buffer, std::vector<Extent> &extents) override
    {
        extents.clear();
        m_turn.waitFor(offset);
        if (m_turn.failed())
            return makeError(ErrorCode::Io, QCoreApplication::translate("Imaging", "the input stream failed earlier"));
        const int64_t n = m_eof ? 0 : readUpTo(m_fd.fd, buffer, length);
        if (n < 0) {
            const int err = errno;
            m_turn.fail();
            return ioError(QCoreApplication::translate("Imaging", "cannot read the input stream"), err);
        }
        if (n < length)
            m_eof = true;
        m_turn.advance(offset + length);
        findDataExtents(buffer, uint32_t(n), 0, extents);
        return n;
    }

private:
    Fd m_fd;
    TurnStile m_turn;
    bool m_eof = false;
};

class GzipSource final : public Source
{
public:
    explicit GzipSource(gzFile file)
        : m_file(file)
    {
        gzbuffer(m_file, 1 << 20);
    }
    ~GzipSource() override { gzclose(m_file); }
    Format format() const override { return Format::GzipRaw; }
    int64_t virtualSize() const override { return -1; }
    bool isSequential() const override { return true; }
    Result<int64_t> read(int64_t offset, int64_t length, uint8_t *buffer, std::vector<Extent> &extents) override
    {
        extents.clear();
        m_turn.waitFor(offset);
        if (m_turn.failed())
            return makeError(ErrorCode::Corrupt,
                             QCoreApplication::translate("Imaging", "the gzip source failed earlier"));
        int64_t done = 0;
        while (!m_eof && done < length) {
            const int n = gzread(m_file, buffer + done, unsigned(std::min<int64_t>(length - done, 1 << 30)));
            if (n < 0) {
                int code = 0;
                const QString why = QString::fromLocal8Bit(gzerror(m_file, &code));
                m_turn.fail();
                return makeError(ErrorCode::Corrupt,
                                 QCoreApplication::translate("Imaging", "the gzip source is damaged: %1").arg(why),
                                 QStringLiteral("gzip_corrupt"));
            }
            if (n == 0) {
                m_eof = true;
                int code = 0;
                gzerror(m_file, &code);
                if (code != Z_OK && code != Z_BUF_ERROR) {
                    m_turn.fail();
                    return makeError(ErrorCode::Corrupt,
                                     QCoreApplication::translate("Imaging", "the gzip source is damaged"),
                                     QStringLiteral("gzip_corrupt"));
                }
                if (code == Z_BUF_ERROR) {
                    m_turn.fail();
                    return makeError(ErrorCode::Corrupt,
                                     QCoreApplication::translate("Imaging", "the gzip source is truncated"),
                                     QStringLiteral("gzip_truncated"));
                }
            }
            done += n;
        }
        m_turn.advance(offset + length);
        findDataExtents(buffer, uint32_t(done), 0, extents);
        return done;
    }

private:
    gzFile m_file;
    TurnStile m_turn;
    bool m_eof = false;
};

class Qcow2Source final : public Source
{
public:
    Qcow2Source(int fd, std::unique_ptr<Qcow2Image> image)
        : m_image(std::move(image))
    {
        m_fd.fd = fd;
    }
    Format format() const override { return Format::Qcow2; }
    int64_t virtualSize() const override { return int64_t(m_image->header().size); }
    uint32_t clusterSize() const override { return uint32_t(m_image->header().clusterSize()); }

    bool knownZero(int64_t offset, int64_t length) const override
    {
        const uint64_t cs = clusterSize();
        const uint64_t first = uint64_t(offset) / cs, last = (uint64_t(offset + length) + cs - 1) / cs;
        for (uint64_t c = first; c < last; ++c) {
            const ClusterKind k = m_image->cluster(c).kind;
            if (k == ClusterKind::Data || k == ClusterKind::Compressed)
                return false;
        }
        return true;
    }

    Result<int64_t> read(int64_t offset, int64_t length, uint8_t *buffer, std::vector<Extent> &extents) override
    {
        extents.clear();
        const int64_t size = virtualSize();
        const int64_t n = std::max<int64_t>(0, std::min(length, size - offset));
        const uint64_t cs = clusterSize();
        // Ranges start on a cluster boundary (the range size is a multiple of the cluster size).
        const uint64_t first = uint64_t(offset) / cs, last = (uint64_t(offset + n) + cs - 1) / cs;
        bool any = false;
        for (uint64_t c = first; c < last && !any; ++c) {
            const ClusterKind k = m_image->cluster(c).kind;
            any = k == ClusterKind::Data || k == ClusterKind::Compressed;
        }
        if (!any)
            return n;
        thread_local std::vector<uint8_t> packed, lastCluster;
        uint64_t c = first;
        while (c < last) {
            const ClusterRef ref = m_image->cluster(c);
            const uint32_t rel = uint32_t((c - first) * cs);
            const uint32_t inRange = uint32_t(std::min<uint64_t>(cs, uint64_t(n) - rel));
            uint8_t *out = buffer + rel;
            if (ref.kind == ClusterKind::Unallocated || ref.kind == ClusterKind::Zero) {
                std::memset(out, 0, inRange);
                ++c;
                continue;
            }
            if (ref.kind == ClusterKind::Data) {
                // Coalesce host-contiguous data clusters into one read.
                uint64_t run = 1;
                while (c + run < last) {
                    const ClusterRef next = m_image->cluster(c + run);
                    if (next.kind != ClusterKind::Data || next.hostOffset != ref.hostOffset + run * cs)
                        break;
                    ++run;
                }
                const uint64_t bytes = std::min<uint64_t>(run * cs, uint64_t(n) - rel);
                if (!preadFull(m_fd.fd, out, size_t(bytes), ref.hostOffset))
                    return makeError(
                        ErrorCode::Corrupt,
                        QCoreApplication::translate("Imaging", "cannot read data cluster at %1 (truncated master?)")
                            .arg(ref.hostOffset));
                appendExtent(extents, rel, uint32_t(bytes));
                c += run;
                continue;
            }
            // Compressed: group neighbours that QEMU packed next to each other.
            uint64_t run = 1;
            uint64_t start = ref.hostOffset, end = ref.hostOffset + ref.compressedSize;
            while (c + run < last) {
                const ClusterRef next = m_image->cluster(c + run);
                if (next.kind != ClusterKind::Compressed || next.hostOffset < start || next.hostOffset > end + 65536
                    || next.hostOffset + next.compressedSize - start > (8u << 20))
                    break;
                end = std::max(end, next.hostOffset + next.compressedSize);
                ++run;
            }
            packed.resize(size_t(end - start));
            if (!preadFull(m_fd.fd, packed.data(), packed.size(), start))
                return makeError(
                    ErrorCode::Corrupt,
                    QCoreApplication::translate("Imaging", "cannot read compressed clusters at %1 (truncated master?)")
                        .arg(start));
            for (uint64_t k = 0; k < run; ++k) {
                const ClusterRef r = m_image->cluster(c + k);
                const uint32_t relK = uint32_t((c + k - first) * cs);
                const uint32_t inRangeK = uint32_t(std::min<uint64_t>(cs, uint64_t(n) - relK));
                uint8_t *dst = buffer + relK;
                if (inRangeK < cs) {
                    lastCluster.resize(cs);
                    dst = lastCluster.data();
                }
                auto ok = inflateCluster(packed.data() + (r.hostOffset - start), r.compressedSize, dst, cs,
                                         threadDecompressor());
                if (!ok)
                    return makeError(
                        ok.error().code,
                        ok.error().message
                            + QCoreApplication::translate("Imaging", " (guest offset %1)").arg(uint64_t(offset) + relK),
                        ok.error().detail);
                if (dst != buffer + relK)
                    std::memcpy(buffer + relK, dst, inRangeK);
            }
            const uint32_t bytes = uint32_t(std::min<uint64_t>(run * cs, uint64_t(n) - rel));
            appendExtent(extents, rel, bytes);
            c += run;
        }
        return n;
    }

private:
    Fd m_fd;
    std::unique_ptr<Qcow2Image> m_image;
};

} // namespace

QString Source::formatName() const
{
    switch (format()) {
    case Format::Qcow2:
        return QStringLiteral("qcow2");
    case Format::Raw:
        return QStringLiteral("raw");
    case Format::GzipRaw:
        return QStringLiteral("gzip");
    case Format::RawStream:
        return QStringLiteral("stream");
    }
    return {};
}

bool isAllZero(const uint8_t *data, size_t length)
{
    if (length == 0)
        return true;
    if (data[0] != 0)
        return false;
    // Comparing the buffer with itself shifted by one byte runs at memcmp (SIMD) speed.
    return std::memcmp(data, data + 1, length - 1) == 0;
}

void findDataExtents(const uint8_t *data, uint32_t length, uint32_t base, std::vector<Extent> &extents)
{
    constexpr uint32_t kBlock = 4096;
    for (uint32_t at = 0; at < length; at += kBlock) {
        const uint32_t n = std::min(kBlock, length - at);
        if (isAllZero(data + at, n))
            continue;
        appendExtent(extents, base + at, n);
    }
}

Result<void> requireMasterFile(const QString &path)
{
    struct stat st {
    };
    if (::stat(path.toLocal8Bit().constData(), &st) != 0)
        return makeError(errno == ENOENT ? ErrorCode::NotFound : ErrorCode::Io,
                         QCoreApplication::translate("Imaging", "cannot open the master %1: %2")
                             .arg(path, QString::fromLocal8Bit(strerror(errno))));
    if (!S_ISREG(st.st_mode))
        return makeError(ErrorCode::Corrupt,
                         QCoreApplication::translate("Imaging", "the master %1 is not a regular file (%2)")
                             .arg(path,
                                  S_ISDIR(st.st_mode)        ? QCoreApplication::translate("Imaging", "a directory")
                                      : S_ISFIFO(st.st_mode) ? QCoreApplication::translate("Imaging", "a FIFO")
                                      : S_ISCHR(st.st_mode)
                                      ? QCoreApplication::translate("Imaging", "a character device")
                                      : S_ISBLK(st.st_mode) ? QCoreApplication::translate("Imaging", "a block device")
                                                            : QCoreApplication::translate("Imaging", "not a file")),
                         QStringLiteral("master_not_file"));
    return {};
}

Result<void> requireMasterSize(const Source &source, const QString &path, int64_t expected)
{
    if (source.virtualSize() < 0 || expected < 0 || source.virtualSize() == expected)
        return {};
    return makeError(ErrorCode::Corrupt,
                     QCoreApplication::translate("Imaging", "the master %1 holds %2 bytes, its manifest says %3")
                         .arg(path)
                         .arg(source.virtualSize())
                         .arg(expected),
                     QStringLiteral("manifest_mismatch"));
}

Result<std::unique_ptr<Source>> Source::open(const QString &path, const RemoteOptions &remote)
{
    if (isMulticastMaster(path)) {
        RemoteOptions options = remote;
        QString url;
        if (auto parsed = parseMulticastMaster(path, &options.multicastGroup, &options.multicastPort, &url); !parsed)
            return parsed.error();
        auto http = HttpSource::open(url, options);
        if (!http)
            return http.error();
        return std::unique_ptr<Source>(std::move(*http));
    }
    if (isRemoteMaster(path)) {
        auto http = HttpSource::open(path, remote);
        if (!http)
            return http.error();
        return std::unique_ptr<Source>(std::move(*http));
    }
    if (path == QLatin1String("-"))
        return std::unique_ptr<Source>(new StreamSource(::dup(STDIN_FILENO)));
    const QByteArray native = path.toLocal8Bit();
    const int fd = ::open(native.constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return makeError(errno == ENOENT ? ErrorCode::NotFound : ErrorCode::Io,
                         QCoreApplication::translate("Imaging", "cannot open the master %1: %2")
                             .arg(path, QString::fromLocal8Bit(strerror(errno))));
    struct stat st {
    };
    ::fstat(fd, &st);
    int64_t size = st.st_size;
    if (S_ISBLK(st.st_mode)) {
        uint64_t bytes = 0;
        ::ioctl(fd, BLKGETSIZE64, &bytes);
        size = int64_t(bytes);
    } else if (S_ISDIR(st.st_mode)) {
        ::close(fd);
        return makeError(ErrorCode::InvalidArgument,
                         QCoreApplication::translate("Imaging", "the master %1 is a directory").arg(path));
    } else if (!S_ISREG(st.st_mode)) {
        return std::unique_ptr<Source>(new StreamSource(fd));
    }
    uint8_t magic[4] = {};
    const bool haveMagic = size >= 4 && preadFull(fd, magic, 4, 0);
    if (haveMagic && std::memcmp(magic, "QFI\xfb", 4) == 0) {
        auto image = Qcow2Image::open(
            [fd](uint64_t off, void *buf, size_t len) { return preadFull(fd, buf, len, off); }, uint64_t(size));
        if (!image) {
            ::close(fd);
            return image.error();
        }
        return std::unique_ptr<Source>(new Qcow2Source(fd, std::move(image.value())));
    }
    if (haveMagic && magic[0] == 0x1f && magic[1] == 0x8b) {
        gzFile gz = gzdopen(fd, "rb");
        if (!gz) {
            ::close(fd);
            return makeError(ErrorCode::Io,
                             QCoreApplication::translate("Imaging", "cannot open the gzip master %1").arg(path));
        }
        return std::unique_ptr<Source>(new GzipSource(gz));
    }
    return std::unique_ptr<Source>(new RawSource(fd, size));
}

} // namespace Etabli::Imaging
