// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

// Internal: the ordered, bounded range pipeline shared by write, sign and build.

#include "common/result.h"
#include "imaging/source.h"

#include <array>
#include <atomic>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace Etabli::Imaging {

using Digest = std::array<uint8_t, 32>;

/// SHA-256 (OpenSSL: SHA-NI where the CPU has it). Any thread.
Digest sha256(const void *data, size_t length);
QString toHex(const Digest &digest);
/// CRC-32 (libdeflate: PCLMUL). Any thread.
uint32_t crc32Of(const void *data, size_t length);
/// The file in `dir` that belongs to `path` (journals, seals): a digest of its absolute
/// path, so any path gives one flat, safe name. Any thread.
QString fileFor(const QString &dir, const QString &path, const QString &suffix);

/// An aligned buffer for O_DIRECT I/O.
class AlignedBuffer
{
public:
    explicit AlignedBuffer(size_t size = 0);
    ~AlignedBuffer();
    AlignedBuffer(AlignedBuffer &&other) noexcept;
    AlignedBuffer &operator=(AlignedBuffer &&other) noexcept;
    uint8_t *data() const { return m_data; }
    size_t size() const { return m_size; }

private:
    uint8_t *m_data = nullptr;
    size_t m_size = 0;
};

/// A shared, read-only, page-aligned buffer of zeros of at least `size` (≤ 64 MiB) bytes. Any thread.
const uint8_t *zeroBuffer(size_t size);

struct Slot {
    int64_t index = -1;
    AlignedBuffer buffer;
    uint32_t length = 0; ///< content bytes of this range
    std::vector<Extent> extents; ///< empty: all zeros
    uint32_t crc = 0;
    Digest sha{};
    bool skipped = false; ///< not produced: every consumer already holds it (resume)
    // Used by the builder: per cluster, compressed size (0 zero, UINT32_MAX stored raw).
    std::vector<uint32_t> clusterSizes;
    std::vector<uint8_t> packed;
    enum class State { Free, Producing, Ready } state = State::Free;
};

/// Producers (a pool of threads) fill ranges 0, 1, 2… into a ring of `window` slots; each
/// consumer sees every range in order. A slot is reused only once every live consumer
/// has released it, so memory is window × rangeSize whatever the number of consumers.
class Pipeline
{
public:
    /// Fills slot.index's range; returns the content length (< rangeSize: last range).
    using Produce = std::function<Result<int64_t>(Slot &slot)>;

    Pipeline(int64_t count, uint32_t rangeSize, int workers, int window, int consumers, Produce produce);
    ~Pipeline();

    /// Before start(): a ring of `slots` ranges sharing the `window` buffers, where a range
    /// that `isZero` says is all zeros takes no buffer. Memory stays window × rangeSize, but
    /// writers may run further ahead through zero ranges. The producer must not touch the
    /// buffer of such a range (its data() is null).
    void shareBuffers(int slots, std::function<bool(int64_t index)> isZero);
    void start();
    /// Next range for `consumer` in order, or null at the end or after abort(). Blocks.
    Slot *acquire(int consumer);
    void release(int consumer);
    /// A consumer that failed: the pipeline no longer waits for it.
    void drop(int consumer);
    void abort(Error error);
    void join();
    std::optional<Error> error() const;
    int64_t count() const;

private:
    void work();
    bool slotFreeLocked(int64_t index) const;
    void reclaimLocked();

    mutable std::mutex m_mutex;
    std::condition_variable m_cv;
    std::vector<Slot> m_slots;
    std::vector<int64_t> m_cursor; ///< per consumer; -1 when dropped
    std::vector<std::thread> m_threads;
    Produce m_produce;
    int64_t m_count = -1;
    int64_t m_next = 0;
    uint32_t m_rangeSize = 0;
    int m_workers = 1;
    std::optional<Error> m_error;
    std::function<bool(int64_t)> m_isZero; ///< set by shareBuffers()
    std::vector<AlignedBuffer> m_pool; ///< free buffers (shareBuffers() only)
    int64_t m_reclaimed = 0; ///< slots below this index gave their buffer back
};

int defaultThreads();

} // namespace Etabli::Imaging
