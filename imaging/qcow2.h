// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

#include "common/result.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

struct libdeflate_decompressor;

namespace Etabli::Imaging {

/// The fields of a qcow2 header (docs/interop/qcow2.txt in QEMU) that a reader needs.
struct Qcow2Header {
    uint32_t version = 0;
    uint32_t clusterBits = 0;
    uint64_t size = 0; ///< virtual disk size in bytes
    uint32_t l1Size = 0;
    uint64_t l1TableOffset = 0;
    uint64_t refcountTableOffset = 0;
    uint32_t refcountTableClusters = 0;
    uint32_t refcountOrder = 4;
    uint64_t incompatibleFeatures = 0;
    uint32_t headerLength = 72;
    uint8_t compressionType = 0; ///< 0 = zlib (deflate)

    uint64_t clusterSize() const { return uint64_t(1) << clusterBits; }
    uint64_t l2Entries() const { return clusterSize() / 8; }
    uint64_t clusterCount() const { return (size + clusterSize() - 1) >> clusterBits; }
};

/// What one guest cluster holds, from its L2 entry.
enum class ClusterKind : uint8_t { Unallocated, Zero, Data, Compressed };

struct ClusterRef {
    ClusterKind kind = ClusterKind::Unallocated;
    uint64_t hostOffset = 0;
    uint32_t compressedSize = 0; ///< bytes to read for a compressed cluster (clamped to the file)
};

/// Parses and validates a qcow2 header. Refuses, with a message naming the feature, backing
/// files, encryption, external data files, extended L2 entries, non-zlib compression, dirty
/// or corrupt images and unknown incompatible features. Pure function: safe on any input,
/// callable from any thread (it is the fuzzing entry point).
Result<Qcow2Header> parseQcow2Header(const uint8_t *data, size_t length, uint64_t fileSize);

/// Decodes one L2 entry of an image with `header`; rejects reserved bits and offsets
/// outside a file of `fileSize` bytes. Pure function.
Result<ClusterRef> decodeL2Entry(uint64_t entry, const Qcow2Header &header, uint64_t fileSize);

/// Inflates one compressed cluster (raw deflate, as QEMU writes it) into exactly
/// `clusterSize` bytes. `decompressor` may be null (zlib is then used); libdeflate is
/// tried first because it inflates the same data about 2.5x faster.
Result<void> inflateCluster(const uint8_t *in, size_t inLength, uint8_t *out, size_t clusterSize,
                            libdeflate_decompressor *decompressor);

/// A qcow2 image opened for reading: header plus the L2 tables of every allocated L1 entry,
/// all validated at open time so a truncated or inconsistent master is refused before any
/// byte is written. After open() every const method may be called from any thread.
class Qcow2Image
{
public:
    /// Reads `length` bytes at `offset`; returns false on a short read or an I/O error.
    using ReadAt = std::function<bool(uint64_t offset, void *buffer, size_t length)>;

    static Result<std::unique_ptr<Qcow2Image>> open(ReadAt reader, uint64_t fileSize);

    const Qcow2Header &header() const { return m_header; }
    ClusterRef cluster(uint64_t index) const;
    uint64_t fileSize() const { return m_fileSize; }

private:
    Qcow2Header m_header;
    uint64_t m_fileSize = 0;
    // One vector of decoded entries per L1 slot; empty when the L2 table is unallocated.
    std::vector<std::vector<ClusterRef>> m_l2;
};

} // namespace Etabli::Imaging
