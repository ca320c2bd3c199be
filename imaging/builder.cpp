// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "imaging/builder.h"

#include "imaging/pipeline_p.h"
#include "imaging/source.h"

#include <QCoreApplication>

#include <libdeflate.h>
#include <openssl/evp.h>
#include <zlib.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace Etabli::Imaging {

namespace {

constexpr uint32_t kRaw = UINT32_MAX;
constexpr uint64_t kCopied = 1ULL << 63;
constexpr uint64_t kCompressed = 1ULL << 62;

void putBe32(uint8_t *p, uint32_t v)
{
    p[0] = uint8_t(v >> 24);
    p[1] = uint8_t(v >> 16);
    p[2] = uint8_t(v >> 8);
    p[3] = uint8_t(v);
}

void putBe64(uint8_t *p, uint64_t v)
{
    putBe32(p, uint32_t(v >> 32));
    putBe32(p + 4, uint32_t(v));
}

void putBe16(uint8_t *p, uint16_t v)
{
    p[0] = uint8_t(v >> 8);
    p[1] = uint8_t(v);
}

// One deflate stream per thread, reset per cluster (QEMU's parameters: raw, window 2^12).
class Deflater
{
public:
    explicit Deflater(int level)
    {
        m_ok = deflateInit2(&m_stream, level, Z_DEFLATED, -12, 9, Z_DEFAULT_STRATEGY) == Z_OK;
    }
    ~Deflater() { deflateEnd(&m_stream); }
    // Returns the compressed size, or 0 when it would not be smaller than the input.
    size_t compress(const uint8_t *in, size_t length, uint8_t *out, size_t capacity)
    {
        if (!m_ok || deflateReset(&m_stream) != Z_OK)
            return 0;
        m_stream.next_in = const_cast<Bytef *>(in);
        m_stream.avail_in = uInt(length);
        m_stream.next_out = out;
        m_stream.avail_out = uInt(capacity);
        if (deflate(&m_stream, Z_FINISH) != Z_STREAM_END)
            return 0;
        return capacity - m_stream.avail_out;
    }

private:
    z_stream m_stream{};
    bool m_ok = false;
};

class OutputFile
{
public:
    ~OutputFile()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    bool open(const QString &path)
    {
        m_fd = ::open(path.toLocal8Bit().constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
        m_buffer.reserve(kChunk);
        return m_fd >= 0;
    }
    bool append(const uint8_t *data, size_t length)
    {
        m_pos += length;
        while (length > 0) {
            const size_t n = std::min(length, kChunk - m_buffer.size());
            m_buffer.insert(m_buffer.end(), data, data + n);
            data += n;
            length -= n;
            if (m_buffer.size() == kChunk && !flush())
                return false;
        }
        return true;
    }
    bool appendZeros(size_t length)
    {
        static const std::vector<uint8_t> zeros(65536, 0);
        while (length > 0) {
            const size_t n = std::min(length, zeros.size());
            if (!append(zeros.data(), n))
                return false;
            length -= n;
        }
        return true;
    }
    bool flush()
    {
        size_t done = 0;
        while (done < m_buffer.size()) {
            const ssize_t n = ::write(m_fd, m_buffer.data() + done, m_buffer.size() - done);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                return false;
            done += size_t(n);
        }
        m_buffer.clear();
        return true;
    }
    bool pwriteAt(uint64_t offset, const uint8_t *data, size_t length)
    {
        return ::pwrite(m_fd, data, length, off_t(offset)) == ssize_t(length);
    }
    bool finish() { return flush() && ::ftruncate(m_fd, off_t(m_pos)) == 0 && ::fsync(m_fd) == 0; }
    uint64_t pos() const { return m_pos; }

private:
    static constexpr size_t kChunk = 8 << 20;
    int m_fd = -1;
    uint64_t m_pos = 0;
    std::vector<uint8_t> m_buffer;
};

} // namespace

Result<BuildResult> buildMaster(Source &source, const QString &outputPath, const BuildOptions &options,
                                const std::function<void(int64_t)> &progress)
{
    const auto started = std::chrono::steady_clock::now();
    const uint32_t cs = options.clusterSize;
    if (cs < 4096 || cs > (2u << 20) || (cs & (cs - 1)))
        return makeError(
            ErrorCode::InvalidArgument,
            QCoreApplication::translate("Imaging", "the cluster size must be a power of two from 4 KiB to 2 MiB"));
    unsigned clusterBits = 0;
    while ((1u << clusterBits) < cs)
        ++clusterBits;
    const uint32_t rangeSize = uint32_t(Manifest::rangeSizeFor(cs));
    const int threads = options.threads > 0 ? options.threads : defaultThreads();
    const int64_t sourceSize = source.virtualSize();
    const int64_t count = sourceSize < 0 ? -1 : (sourceSize + rangeSize - 1) / rangeSize;

    OutputFile out;
    if (!out.open(outputPath))
        return makeError(ErrorCode::Io,
                         QCoreApplication::translate("Imaging", "cannot create %1: %2")
                             .arg(outputPath, QString::fromLocal8Bit(strerror(errno))));
    out.appendZeros(cs); // the header cluster, written last

    const Digest zeroRange = sha256(zeroBuffer(rangeSize), rangeSize);
    Pipeline pipe(count, rangeSize, threads, threads * 2 + 2, 1, [&](Slot &s) -> Result<int64_t> {
        auto read = source.read(s.index * int64_t(rangeSize), rangeSize, s.buffer.data(), s.extents);
        if (!read)
            return read;
        int64_t n = *read;
        if (n % 512) { // QEMU sizes are whole sectors: pad the last one with zeros
            const int64_t padded = (n + 511) / 512 * 512;
            if (!s.extents.empty())
                std::memset(s.buffer.data() + n, 0, size_t(padded - n));
            n = padded;
        }
        if (options.digests)
            s.sha = s.extents.empty() ? (n == rangeSize ? zeroRange : sha256(zeroBuffer(rangeSize), size_t(n)))
                                      : sha256(s.buffer.data(), size_t(n));
        const uint32_t clusters = uint32_t((n + cs - 1) / cs);
        s.clusterSizes.assign(clusters, 0);
        s.packed.clear();
        if (s.extents.empty())
            return n;
        if (n % cs) // zero the tail of the last cluster before compressing it whole
            std::memset(s.buffer.data() + n, 0, size_t(cs - n % cs));
        thread_local std::unique_ptr<Deflater> deflater;
        thread_local int deflaterLevel = -1;
        if (!deflater || deflaterLevel != options.level) {
            deflater = std::make_unique<Deflater>(options.level);
            deflaterLevel = options.level;
        }
        // A fast libdeflate pass spots incompressible clusters (media, archives), which
        // zlib would grind through only to store them raw anyway.
        struct CompressorDeleter {
            void operator()(libdeflate_compressor *c) const { libdeflate_free_compressor(c); }
        };
        thread_local std::unique_ptr<libdeflate_compressor, CompressorDeleter> probe(libdeflate_alloc_compressor(1));
        thread_local std::vector<uint8_t> probeOut;
        probeOut.resize(cs);
        size_t e = 0;
        for (uint32_t c = 0; c < clusters; ++c) {
            const uint32_t from = c * cs, to = from + cs;
            while (e < s.extents.size() && s.extents[e].offset + s.extents[e].length <= from)
                ++e;
            if (e >= s.extents.size() || s.extents[e].offset >= to)
                continue; // zero cluster: left unallocated
            const size_t at = s.packed.size();
            s.packed.resize(at + cs);
            // Probing the first 4 KiB costs 1/16 of a full pass on 64 KiB clusters.
            const size_t sample = std::min<size_t>(cs, 4096);
            const bool compressible = !probe
                || libdeflate_deflate_compress(probe.get(), s.buffer.data() + from, sample, probeOut.data(),
                                               sample - sample / 32)
                    != 0;
            const size_t k
                = compressible ? deflater->compress(s.buffer.data() + from, cs, s.packed.data() + at, cs - 1) : 0;
            if (k == 0) {
                std::memcpy(s.packed.data() + at, s.buffer.data() + from, cs);
                s.clusterSizes[c] = kRaw;
            } else {
                s.packed.resize(at + k);
                s.clusterSizes[c] = uint32_t(k);
            }
        }
        return n;
    });

    BuildResult result;
    result.manifest.rangeSize = rangeSize;
    std::vector<uint64_t> l2; // one entry per guest cluster
    std::vector<uint16_t> refcounts(1, 1); // per host cluster; cluster 0 is the header
    auto addRef = [&](uint64_t first, uint64_t last) {
        if (refcounts.size() <= last)
            refcounts.resize(size_t(last) + 1, 0);
        for (uint64_t h = first; h <= last; ++h)
            ++refcounts[size_t(h)];
    };
    const unsigned x = 62 - (clusterBits - 8);
    EVP_MD_CTX *whole = EVP_MD_CTX_new();
    EVP_DigestInit_ex(whole, EVP_sha256(), nullptr);
    bool writeFailed = false;
    int64_t total = 0;
    pipe.start();
    while (Slot *s = pipe.acquire(0)) {
        if (options.digests) {
            result.manifest.ranges.push_back(s->sha);
            EVP_DigestUpdate(whole, s->extents.empty() ? zeroBuffer(rangeSize) : s->buffer.data(), s->length);
        }
        total += s->length;
        size_t at = 0;
        for (uint32_t size : s->clusterSizes) {
            if (size == 0) {
                l2.push_back(0);
                ++result.zeroClusters;
                continue;
            }
            if (size == kRaw) {
                const uint64_t pad = (cs - out.pos() % cs) % cs;
                writeFailed = writeFailed || !out.appendZeros(size_t(pad));
                const uint64_t offset = out.pos();
                l2.push_back(offset | kCopied);
                addRef(offset / cs, offset / cs);
                writeFailed = writeFailed || !out.append(s->packed.data() + at, cs);
                at += cs;
                ++result.rawClusters;
                continue;
            }
            const uint64_t offset = out.pos();
            const uint64_t extraSectors = ((offset + size - 1) >> 9) - (offset >> 9);
            l2.push_back(kCompressed | (extraSectors << x) | offset);
            addRef((offset & ~511ULL) / cs, (((offset + size - 1) | 511ULL)) / cs);
            writeFailed = writeFailed || !out.append(s->packed.data() + at, size);
            at += size;
            ++result.compressedClusters;
        }
        pipe.release(0);
        if (writeFailed) {
            pipe.abort(makeError(ErrorCode::Io,
                                 QCoreApplication::translate("Imaging", "cannot write %1: %2")
                                     .arg(outputPath, QString::fromLocal8Bit(strerror(errno)))));
            break;
        }
        if (progress)
            progress(total);
    }
    pipe.join();
    unsigned int digestLength = 0;
    EVP_DigestFinal_ex(whole, result.manifest.sha256.data(), &digestLength);
    EVP_MD_CTX_free(whole);
    if (auto e = pipe.error())
        return *e;

    // Metadata after the data: L2 tables, L1 table, refcount blocks, refcount table.
    const uint64_t virtualSize = uint64_t(total);
    const uint64_t l2Entries = cs / 8;
    const uint64_t clusters = (virtualSize + cs - 1) / cs;
    l2.resize(size_t(clusters), 0);
    const uint64_t l1Size = std::max<uint64_t>(1, (clusters + l2Entries - 1) / l2Entries);
    writeFailed = writeFailed || !out.appendZeros(size_t((cs - out.pos() % cs) % cs));
    std::vector<uint8_t> table(cs);
    std::vector<uint64_t> l1(size_t(l1Size), 0);
    for (uint64_t i = 0; i < l1Size; ++i) {
        const uint64_t first = i * l2Entries, last = std::min(clusters, first + l2Entries);
        bool any = false;
        for (uint64_t c = first; c < last && !any; ++c)
            any = l2[size_t(c)] != 0;
        if (!any)
            continue;
        std::fill(table.begin(), table.end(), 0);
        for (uint64_t c = first; c < last; ++c)
            putBe64(table.data() + (c - first) * 8, l2[size_t(c)]);
        const uint64_t offset = out.pos();
        l1[size_t(i)] = offset | kCopied;
        addRef(offset / cs, offset / cs);
        writeFailed = writeFailed || !out.append(table.data(), cs);
    }
    const uint64_t l1Offset = out.pos();
    const uint64_t l1Clusters = (l1Size * 8 + cs - 1) / cs;
    std::vector<uint8_t> l1Bytes(size_t(l1Clusters * cs), 0);
    for (uint64_t i = 0; i < l1Size; ++i)
        putBe64(l1Bytes.data() + i * 8, l1[size_t(i)]);
    addRef(l1Offset / cs, l1Offset / cs + l1Clusters - 1);
    writeFailed = writeFailed || !out.append(l1Bytes.data(), l1Bytes.size());

    const uint64_t used = out.pos() / cs;
    const uint64_t perBlock = cs / 2; // refcount_order 4: 16-bit entries
    uint64_t blocks = 0, tableClusters = 0;
    for (;;) {
        const uint64_t b = (used + blocks + tableClusters + perBlock - 1) / perBlock;
        const uint64_t t = (b * 8 + cs - 1) / cs;
        if (b == blocks && t == tableClusters)
            break;
        blocks = b;
        tableClusters = t;
    }
    const uint64_t blocksOffset = out.pos();
    const uint64_t tableOffset = blocksOffset + blocks * cs;
    addRef(blocksOffset / cs, tableOffset / cs + tableClusters - 1);
    refcounts.resize(size_t(blocks * perBlock), 0);
    std::vector<uint8_t> block(cs);
    for (uint64_t b = 0; b < blocks; ++b) {
        for (uint64_t j = 0; j < perBlock; ++j)
            putBe16(block.data() + j * 2, refcounts[size_t(b * perBlock + j)]);
        writeFailed = writeFailed || !out.append(block.data(), cs);
    }
    std::vector<uint8_t> rt(size_t(tableClusters * cs), 0);
    for (uint64_t b = 0; b < blocks; ++b)
        putBe64(rt.data() + b * 8, blocksOffset + b * cs);
    writeFailed = writeFailed || !out.append(rt.data(), rt.size());

    uint8_t header[104] = {};
    std::memcpy(header, "QFI\xfb", 4);
    putBe32(header + 4, 3);
    putBe32(header + 20, clusterBits);
    putBe64(header + 24, virtualSize);
    putBe32(header + 36, uint32_t(l1Size));
    putBe64(header + 40, l1Offset);
    putBe64(header + 48, tableOffset);
    putBe32(header + 56, uint32_t(tableClusters));
    putBe32(header + 96, 4);
    putBe32(header + 100, 104);
    writeFailed = writeFailed || !out.flush() || !out.pwriteAt(0, header, sizeof header) || !out.finish();
    if (writeFailed)
        return makeError(ErrorCode::Io,
                         QCoreApplication::translate("Imaging", "cannot write %1: %2")
                             .arg(outputPath, QString::fromLocal8Bit(strerror(errno))));

    result.virtualSize = int64_t(virtualSize);
    result.fileSize = int64_t(out.pos());
    result.manifest.virtualSize = int64_t(virtualSize);
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return result;
}

} // namespace Etabli::Imaging
