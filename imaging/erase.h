// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

#include "common/result.h"
#include "imaging/target.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

namespace Etabli::Imaging {

/// What a Clear pass writes over every sector.
enum class ErasePattern {
    Zeros, ///< 0x00 everywhere
    Random, ///< a ChaCha20 keystream from a 32-byte seed: a drive that compresses or
            ///< deduplicates cannot fake it, and the verifier regenerates it from the seed
};
QString toString(ErasePattern pattern);
Result<ErasePattern> parseErasePattern(const QString &text);

/// How the written pattern is read back.
enum class VerifyMode {
    None, ///< not verified (never counts as an erasure)
    Full, ///< every sector read back and compared
    Sample, ///< the SamplePlan's blocks read back and compared
};
QString toString(VerifyMode mode);
Result<VerifyMode> parseVerifyMode(const QString &text);

/// The keystream of ErasePattern::Random, at any offset: fill(offset, buf, n) writes the
/// bytes the pattern has at [offset, offset + n). ChaCha20 (libsodium, 64-bit block
/// counter = offset / 64, nonce "etabliER"), so any 64-byte-aligned piece can be regenerated
/// alone: the writer's lanes and the verifier each compute their own. Thread-safe (const).
class PatternStream
{
public:
    explicit PatternStream(ErasePattern pattern, QByteArray seed = {});
    ErasePattern pattern() const { return m_pattern; }
    const QByteArray &seed() const { return m_seed; }
    /// `offset` must be a multiple of 64.
    void fill(int64_t offset, uint8_t *data, size_t length) const;

private:
    ErasePattern m_pattern;
    QByteArray m_seed; ///< 32 bytes for Random, empty for Zeros
};

/// Which blocks a `sample` verification reads, reproducible from its seed. The disk is
/// cut into regions of `regionBytes` (1 GiB; the last one may be shorter). Each region is
/// cut into `n` equal strata, n = max(minPerRegion, ceil(region × percent / 100 /
/// blockBytes)); one block of `blockBytes` is read at a random aligned place inside each
/// stratum (xoshiro256** seeded by splitmix64(seed)). The disk's first and last blocks are
/// always read (partition tables, backup GPT). So every region is sampled, at least
/// `percent` % of the disk is read, and any damaged stretch longer than two strata is hit.
struct SamplePlan {
    static constexpr int64_t kRegionBytes = int64_t(1) << 30;
    static constexpr int64_t kBlockBytes = 64 * 1024;
    static constexpr int kMinPerRegion = 16;

    uint64_t seed = 0;
    int64_t diskBytes = 0;
    int64_t regionBytes = kRegionBytes;
    int64_t blockBytes = kBlockBytes;
    double percent = 1.0;
    int regions = 0;
    std::vector<int64_t> offsets; ///< sorted, unique; each block is min(blockBytes, disk - offset) long

    static SamplePlan make(int64_t diskBytes, uint64_t seed, double percent = 1.0, int64_t regionBytes = kRegionBytes,
                           int64_t blockBytes = kBlockBytes);
    int64_t sampledBytes() const;
    /// Seed, rule, counts and every offset (`offsets` array), for the result and the audit.
    QJsonObject toJson(bool withOffsets = true) const;
    /// One line a person reads: "N blocks of 64 KiB (x % of the disk) in R regions, seed S".
    QString describe() const;
};

/// Where an erasure is, a snapshot for progress callbacks.
struct EraseProgress {
    enum class Phase { Writing, Syncing, Verifying, Done };
    Phase phase = Phase::Writing;
    int64_t bytesDone = 0;
    int64_t bytesTotal = 0;
    double mibPerSecond = 0;
};
QString toString(EraseProgress::Phase phase);

struct EraseOptions {
    ErasePattern pattern = ErasePattern::Zeros;
    VerifyMode verify = VerifyMode::Full;
    QByteArray patternSeed; ///< 32 bytes; empty = fresh from the system's random source
    uint64_t sampleSeed = 0; ///< 0 = fresh from the system's random source
    double samplePercent = 1.0;
    int64_t chunkBytes = 4 << 20; ///< one write or read; a multiple of 4 KiB
    int lanes = 2; ///< writes (and reads) in flight at once
    /// Called from the erasing threads (serialised), after every chunk or sample block.
    std::function<void(const EraseProgress &)> progress;
};

/// One sector that did not read back as written.
struct BadSector {
    int64_t offset = 0;
    QString reason; ///< "mismatch" (other bytes) or "unreadable" (read error)
};

/// The outcome of one Clear pass, complete enough for a certificate.
struct EraseResult {
    ErasePattern pattern = ErasePattern::Zeros;
    VerifyMode verify = VerifyMode::Full;
    QString patternSeedHex; ///< Random: the ChaCha20 key, so anyone can re-check the disk
    int64_t bytes = 0; ///< bytes overwritten (the whole target)
    int passes = 1;
    double writeSeconds = 0, verifySeconds = 0;
    double writeMibPerSecond = 0, verifyMibPerSecond = 0;
    int64_t verifiedBytes = 0;
    bool verified = false; ///< verification ran and every byte read matched
    std::vector<BadSector> badSectors; ///< at most 32, in offset order
    SamplePlan plan; ///< Sample only
    QString startedAt, endedAt; ///< ISO 8601 UTC
    QString error; ///< why verification failed (first bad offset named)
    QJsonObject toJson() const;
};

/// Clears one target: overwrites every byte with the pattern (O_DIRECT, `lanes` writes in
/// flight, aligned 4 KiB buffers), flushes, then reads back and compares (full or sample).
/// BLKZEROOUT/discard are never used: the bytes really travel to the drive. A write error
/// stops the pass with its offset; a read-back difference or read error is reported with
/// the offset of the first 4 KiB block concerned (exact sector of 512 B for mismatches).
/// run() blocks; cancel() and nothing else may be called from another thread meanwhile.
/// The caller has already passed the safety checks (DiskTarget::open / checkTargetSafety).
class Eraser
{
public:
    Eraser(TargetDevice &target, EraseOptions options);
    /// Fails with ErrorCode::Cancelled, ErrorCode::Io (write error: the result carries the
    /// offset in the message) or ErrorCode::Corrupt (verification failed: `result()` still
    /// has the details). A successful run returns the result with verified == true (or
    /// verify == None).
    Result<EraseResult> run();
    /// Verification alone (after a firmware purge's final pass, or to re-check a disk).
    Result<EraseResult> verifyOnly();
    const EraseResult &result() const { return m_result; }
    void cancel() { m_cancel = true; }

private:
    Result<void> writePass();
    Result<void> verifyPass();
    /// Reads and compares one piece; appends what did not match to `bad`. Any lane.
    void checkBlock(int64_t offset, size_t length, uint8_t *buffer, uint8_t *expected, std::vector<BadSector> &bad);
    void report(EraseProgress::Phase phase, int64_t done, double seconds);

    TargetDevice &m_target;
    EraseOptions m_options;
    PatternStream m_stream;
    EraseResult m_result;
    std::atomic<bool> m_cancel{false};
};

/// Reads the given blocks (sorted offsets, `blockBytes` each) and returns their bytes
/// concatenated: the "before" and "after" samples of a firmware purge. Any thread.
Result<QByteArray> readSamples(TargetDevice &target, const std::vector<int64_t> &offsets, int64_t blockBytes);

/// Fraction of the sampled blocks that changed between `before` and `after` (same plan):
/// 1.0 means every block differs. A purge that leaves a block as it was did not reach it.
double changedFraction(const QByteArray &before, const QByteArray &after, int64_t blockBytes);

} // namespace Etabli::Imaging
