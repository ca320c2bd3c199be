// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "imaging/qcow2.h"

#include <QCoreApplication>

#include <libdeflate.h>
#include <zlib.h>

#include <cstring>
#include <unordered_set>

namespace Etabli::Imaging {

namespace {

uint32_t be32(const uint8_t *p)
{
    return (uint32_t(p[0]) << 24) | (uint32_t(p[1]) << 16) | (uint32_t(p[2]) << 8) | uint32_t(p[3]);
}

uint64_t be64(const uint8_t *p)
{
    return (uint64_t(be32(p)) << 32) | be32(p + 4);
}

constexpr uint64_t kOffsetMask = 0x00fffffffffffe00ULL; // bits 9-55
constexpr uint64_t kCompressedFlag = 1ULL << 62;
constexpr uint64_t kCopiedFlag = 1ULL << 63;
constexpr uint64_t kZeroFlag = 1ULL;
constexpr uint64_t kMaxL1Bytes = 32ULL << 20; // QEMU's own limit (QCOW_MAX_L1_SIZE)

Error corrupt(const QString &what)
{
    return makeError(ErrorCode::Corrupt,
                     QCoreApplication::translate("Imaging", "the qcow2 master is damaged: %1").arg(what),
                     QStringLiteral("qcow2_corrupt"));
}

Error unsupported(const QString &what, const char *detail)
{
    return makeError(ErrorCode::Unsupported,
                     QCoreApplication::translate("Imaging", "this qcow2 master cannot be used: %1").arg(what),
                     QString::fromLatin1(detail));
}

} // namespace

Result<Qcow2Header> parseQcow2Header(const uint8_t *d, size_t length, uint64_t fileSize)
{
    if (length < 72 || std::memcmp(d, "QFI\xfb", 4) != 0)
        return makeError(ErrorCode::Unsupported, QCoreApplication::translate("Imaging", "not a qcow2 file (bad magic)"),
                         QStringLiteral("qcow2_magic"));
    Qcow2Header h;
    h.version = be32(d + 4);
    if (h.version != 2 && h.version != 3)
        return unsupported(QCoreApplication::translate("Imaging", "qcow2 version %1 is not supported (2 or 3 expected)")
                               .arg(h.version),
                           "qcow2_version");
    const uint64_t backingOffset = be64(d + 8);
    if (backingOffset != 0)
        return unsupported(QCoreApplication::translate(
                               "Imaging", "it depends on a backing file; flatten it first with «qemu-img convert»"),
                           "qcow2_backing_file");
    h.clusterBits = be32(d + 20);
    if (h.clusterBits < 9 || h.clusterBits > 21)
        return corrupt(QCoreApplication::translate("Imaging", "cluster size 2^%1 out of range").arg(h.clusterBits));
    h.size = be64(d + 24);
    if (h.size > (1ULL << 56))
        return corrupt(QCoreApplication::translate("Imaging", "virtual size %1 is too large").arg(h.size));
    const uint32_t cryptMethod = be32(d + 32);
    if (cryptMethod != 0)
        return unsupported(QCoreApplication::translate("Imaging", "it is encrypted"), "qcow2_encrypted");
    h.l1Size = be32(d + 36);
    h.l1TableOffset = be64(d + 40);
    h.refcountTableOffset = be64(d + 48);
    h.refcountTableClusters = be32(d + 56);
    if (h.version == 3) {
        if (length < 104)
            return corrupt(QCoreApplication::translate("Imaging", "truncated version 3 header"));
        h.incompatibleFeatures = be64(d + 72);
        h.refcountOrder = be32(d + 96);
        h.headerLength = be32(d + 100);
        if (h.headerLength < 104 || h.headerLength > h.clusterSize())
            return corrupt(QCoreApplication::translate("Imaging", "header length %1 is invalid").arg(h.headerLength));
        if (h.headerLength > 104) {
            if (length < 105)
                return corrupt(QCoreApplication::translate("Imaging", "truncated header"));
            h.compressionType = d[104];
        }
    }
    const uint64_t incompatible = h.incompatibleFeatures;
    if (incompatible & 1)
        return unsupported(
            QCoreApplication::translate(
                "Imaging", "it was not closed cleanly (dirty bit); repair it with «qemu-img check -r all»"),
            "qcow2_dirty");
    if (incompatible & 2)
        return unsupported(QCoreApplication::translate("Imaging", "QEMU marked it corrupt"), "qcow2_marked_corrupt");
    if (incompatible & 4)
        return unsupported(QCoreApplication::translate("Imaging", "its data lives in an external data file"),
                           "qcow2_external_data");
    if ((incompatible & 8) && h.compressionType != 0)
        return unsupported(
            QCoreApplication::translate("Imaging", "its clusters use compression type %1; only zlib is supported")
                .arg(h.compressionType),
            "qcow2_compression_type");
    if (incompatible & 16)
        return unsupported(QCoreApplication::translate("Imaging", "it uses extended L2 entries (subclusters)"),
                           "qcow2_extended_l2");
    if (incompatible & ~uint64_t(31))
        return unsupported(
            QCoreApplication::translate("Imaging", "unknown incompatible features 0x%1").arg(incompatible, 0, 16),
            "qcow2_unknown_feature");
    if (h.compressionType != 0)
        return unsupported(
            QCoreApplication::translate("Imaging", "compression type %1 is not supported").arg(h.compressionType),
            "qcow2_compression_type");

    const uint64_t needL1 = (h.clusterCount() + h.l2Entries() - 1) / h.l2Entries();
    if (h.l1Size < needL1)
        return corrupt(QCoreApplication::translate("Imaging", "L1 table too small for the virtual size"));
    if (uint64_t(h.l1Size) * 8 > kMaxL1Bytes)
        return corrupt(QCoreApplication::translate("Imaging", "L1 table too large"));
    if (h.l1Size > 0) {
        if (h.l1TableOffset % h.clusterSize() != 0 || h.l1TableOffset == 0)
            return corrupt(QCoreApplication::translate("Imaging", "L1 table offset is not cluster aligned"));
        if (h.l1TableOffset > fileSize || uint64_t(h.l1Size) * 8 > fileSize - h.l1TableOffset)
            return corrupt(
                QCoreApplication::translate("Imaging", "L1 table beyond the end of the file (truncated master?)"));
    }
    return h;
}

Result<ClusterRef> decodeL2Entry(uint64_t entry, const Qcow2Header &h, uint64_t fileSize)
{
    ClusterRef ref;
    if (entry & kCompressedFlag) {
        if (entry & kCopiedFlag)
            return corrupt(QCoreApplication::translate("Imaging", "compressed cluster with the copied flag"));
        // v2/v3 compressed descriptor: x = 62 - (cluster_bits - 8) offset bits, then the
        // count of additional 512-byte sectors.
        const unsigned x = 62 - (h.clusterBits - 8);
        const uint64_t offset = entry & ((1ULL << x) - 1);
        const uint64_t sectors = ((entry & ~kCompressedFlag) >> x) + 1;
        if (offset == 0 || offset >= fileSize)
            return corrupt(QCoreApplication::translate(
                               "Imaging", "compressed cluster at %1 beyond the end of the file (truncated master?)")
                               .arg(offset));
        uint64_t size = sectors * 512 - (offset & 511);
        // QEMU rounds the last sector up, so the descriptor may reach past EOF.
        size = std::min<uint64_t>(size, fileSize - offset);
        if (size > h.clusterSize() * 2 + 512)
            return corrupt(QCoreApplication::translate("Imaging", "compressed cluster larger than two clusters"));
        ref.kind = ClusterKind::Compressed;
        ref.hostOffset = offset;
        ref.compressedSize = uint32_t(size);
        return ref;
    }
    const uint64_t offset = entry & kOffsetMask;
    if (entry & 0x3f000000000001feULL)
        return corrupt(QCoreApplication::translate("Imaging", "reserved bits set in an L2 entry"));
    if (entry & kZeroFlag) {
        ref.kind = ClusterKind::Zero;
        return ref;
    }
    if (offset == 0)
        return ref; // unallocated
    if (offset % h.clusterSize() != 0)
        return corrupt(QCoreApplication::translate("Imaging", "data cluster offset %1 is not aligned").arg(offset));
    if (offset > fileSize || h.clusterSize() > fileSize - offset)
        return corrupt(
            QCoreApplication::translate("Imaging", "data cluster at %1 beyond the end of the file (truncated master?)")
                .arg(offset));
    ref.kind = ClusterKind::Data;
    ref.hostOffset = offset;
    return ref;
}

Result<void> inflateCluster(const uint8_t *in, size_t inLength, uint8_t *out, size_t clusterSize,
                            libdeflate_decompressor *decompressor)
{
    if (decompressor) {
        size_t actualIn = 0, actualOut = 0;
        const libdeflate_result r
            = libdeflate_deflate_decompress_ex(decompressor, in, inLength, out, clusterSize, &actualIn, &actualOut);
        if (r == LIBDEFLATE_SUCCESS && actualOut == clusterSize)
            return {};
        // Anything unusual (a stream longer than the cluster, which QEMU tolerates) is
        // settled by zlib below, with QEMU's exact rules.
    }
    z_stream s{};
    if (inflateInit2(&s, -12) != Z_OK)
        return makeError(ErrorCode::Internal, QCoreApplication::translate("Imaging", "zlib initialisation failed"));
    s.next_in = const_cast<Bytef *>(in);
    s.avail_in = uInt(inLength);
    s.next_out = out;
    s.avail_out = uInt(clusterSize);
    const int ret = inflate(&s, Z_FINISH);
    const bool ok = (ret == Z_STREAM_END || ret == Z_BUF_ERROR) && s.avail_out == 0;
    inflateEnd(&s);
    if (!ok)
        return corrupt(QCoreApplication::translate("Imaging", "a compressed cluster does not inflate"));
    return {};
}

Result<std::unique_ptr<Qcow2Image>> Qcow2Image::open(ReadAt reader, uint64_t fileSize)
{
    uint8_t head[512] = {};
    const size_t headLength = size_t(std::min<uint64_t>(fileSize, sizeof head));
    if (headLength < 72 || !reader(0, head, headLength))
        return makeError(ErrorCode::Corrupt,
                         QCoreApplication::translate("Imaging", "the file is too short to be a qcow2 master"),
                         QStringLiteral("qcow2_truncated"));
    auto header = parseQcow2Header(head, headLength, fileSize);
    if (!header)
        return header.error();
    auto image = std::unique_ptr<Qcow2Image>(new Qcow2Image);
    image->m_header = *header;
    image->m_fileSize = fileSize;
    const Qcow2Header &h = image->m_header;
    const uint64_t needL1 = (h.clusterCount() + h.l2Entries() - 1) / h.l2Entries();
    std::vector<uint8_t> l1(size_t(needL1) * 8);
    if (needL1 && !reader(h.l1TableOffset, l1.data(), l1.size()))
        return corrupt(QCoreApplication::translate("Imaging", "cannot read the L1 table"));
    image->m_l2.resize(size_t(needL1));
    std::vector<uint8_t> l2(size_t(h.clusterSize()));
    std::unordered_set<uint64_t> seen;
    for (uint64_t i = 0; i < needL1; ++i) {
        const uint64_t e = be64(l1.data() + i * 8);
        const uint64_t offset = e & kOffsetMask;
        if (e & 0x7f000000000001ffULL)
            return corrupt(QCoreApplication::translate("Imaging", "reserved bits set in L1 entry %1").arg(i));
        if (offset == 0)
            continue;
        if (offset % h.clusterSize() != 0)
            return corrupt(QCoreApplication::translate("Imaging", "L2 table %1 is not cluster aligned").arg(i));
        if (offset > fileSize || h.clusterSize() > fileSize - offset)
            return corrupt(
                QCoreApplication::translate("Imaging", "L2 table %1 beyond the end of the file (truncated master?)")
                    .arg(i));
        if (!seen.insert(offset).second)
            return corrupt(QCoreApplication::translate("Imaging", "two L1 entries share one L2 table"));
        if (!reader(offset, l2.data(), l2.size()))
            return corrupt(QCoreApplication::translate("Imaging", "cannot read L2 table %1").arg(i));
        const uint64_t first = i * h.l2Entries();
        const uint64_t count = std::min<uint64_t>(h.l2Entries(), h.clusterCount() - first);
        std::vector<ClusterRef> &refs = image->m_l2[size_t(i)];
        refs.resize(size_t(count));
        for (uint64_t j = 0; j < count; ++j) {
            auto ref = decodeL2Entry(be64(l2.data() + j * 8), h, fileSize);
            if (!ref)
                return ref.error();
            refs[size_t(j)] = *ref;
        }
    }
    return image;
}

ClusterRef Qcow2Image::cluster(uint64_t index) const
{
    const uint64_t l1 = index / m_header.l2Entries();
    if (l1 >= m_l2.size())
        return {};
    const std::vector<ClusterRef> &refs = m_l2[size_t(l1)];
    const uint64_t j = index % m_header.l2Entries();
    return j < refs.size() ? refs[size_t(j)] : ClusterRef{};
}

} // namespace Etabli::Imaging
