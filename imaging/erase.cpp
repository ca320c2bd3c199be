// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "imaging/erase.h"
#include "imaging/sodium_p.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <optional>
#include <thread>

namespace Etabli::Imaging {

namespace {

constexpr int kMaxBadSectors = 32;
constexpr int64_t kSector = 512;
constexpr int64_t kReadUnit = 4096;
const unsigned char kNonce[crypto_stream_chacha20_NONCEBYTES] = {'e', 't', 'a', 'b', 'l', 'i', 'E', 'R'};

struct AlignedBuffer {
    explicit AlignedBuffer(size_t n)
        : size(n)
        , data(static_cast<uint8_t *>(std::aligned_alloc(4096, (n + 4095) / 4096 * 4096)))
    {}
    ~AlignedBuffer() { std::free(data); }
    AlignedBuffer(const AlignedBuffer &) = delete;
    AlignedBuffer &operator=(const AlignedBuffer &) = delete;
    size_t size;
    uint8_t *data;
};

QString nowIso()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

double seconds(std::chrono::steady_clock::time_point since)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

uint64_t splitmix64(uint64_t &x)
{
    uint64_t z = (x += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

/// xoshiro256** (Blackman & Vigna), seeded through splitmix64 as its authors advise.
class Xoshiro
{
public:
    explicit Xoshiro(uint64_t seed)
    {
        for (auto &w : m_s)
            w = splitmix64(seed);
    }
    uint64_t next()
    {
        const uint64_t result = rotl(m_s[1] * 5, 7) * 9;
        const uint64_t t = m_s[1] << 17;
        m_s[2] ^= m_s[0];
        m_s[3] ^= m_s[1];
        m_s[1] ^= m_s[2];
        m_s[0] ^= m_s[3];
        m_s[2] ^= t;
        m_s[3] = rotl(m_s[3], 45);
        return result;
    }
    /// Uniform in [0, n), n > 0 (rejection sampling: no modulo bias).
    uint64_t below(uint64_t n)
    {
        const uint64_t limit = UINT64_MAX - UINT64_MAX % n;
        uint64_t v;
        do
            v = next();
        while (v >= limit);
        return v % n;
    }

private:
    static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    uint64_t m_s[4];
};

bool allZero(const uint8_t *p, size_t n)
{
    // memcmp against the previous bytes: the first one is checked, then p[i] == p[i-1].
    return n == 0 || (p[0] == 0 && std::memcmp(p, p + 1, n - 1) == 0);
}

} // namespace

QString toString(ErasePattern pattern)
{
    return pattern == ErasePattern::Random ? QStringLiteral("random") : QStringLiteral("zeros");
}

Result<ErasePattern> parseErasePattern(const QString &text)
{
    if (text == QLatin1String("zeros"))
        return ErasePattern::Zeros;
    if (text == QLatin1String("random"))
        return ErasePattern::Random;
    return makeError(ErrorCode::InvalidArgument,
                     QCoreApplication::translate("Imaging", "--pattern must be zeros or random, not «%1»").arg(text));
}

QString toString(VerifyMode mode)
{
    switch (mode) {
    case VerifyMode::None:
        return QStringLiteral("none");
    case VerifyMode::Full:
        return QStringLiteral("full");
    case VerifyMode::Sample:
        return QStringLiteral("sample");
    }
    return {};
}

Result<VerifyMode> parseVerifyMode(const QString &text)
{
    if (text == QLatin1String("full"))
        return VerifyMode::Full;
    if (text == QLatin1String("sample"))
        return VerifyMode::Sample;
    if (text == QLatin1String("none"))
        return VerifyMode::None;
    return makeError(ErrorCode::InvalidArgument,
                     QCoreApplication::translate("Imaging", "--verify must be full or sample, not «%1»").arg(text));
}

QString toString(EraseProgress::Phase phase)
{
    switch (phase) {
    case EraseProgress::Phase::Writing:
        return QStringLiteral("writing");
    case EraseProgress::Phase::Syncing:
        return QStringLiteral("syncing");
    case EraseProgress::Phase::Verifying:
        return QStringLiteral("verifying");
    case EraseProgress::Phase::Done:
        return QStringLiteral("done");
    }
    return {};
}

// ---------------------------------------------------------------------------------------

PatternStream::PatternStream(ErasePattern pattern, QByteArray seed)
    : m_pattern(pattern)
    , m_seed(std::move(seed))
{
    if (m_pattern == ErasePattern::Random && m_seed.size() != crypto_stream_chacha20_KEYBYTES) {
        m_seed.resize(crypto_stream_chacha20_KEYBYTES);
        if (Sodium::ready())
            randombytes_buf(m_seed.data(), size_t(m_seed.size()));
    }
    if (m_pattern == ErasePattern::Zeros)
        m_seed.clear();
}

void PatternStream::fill(int64_t offset, uint8_t *data, size_t length) const
{
    std::memset(data, 0, length);
    if (m_pattern == ErasePattern::Zeros || length == 0)
        return;
    Sodium::ready();
    crypto_stream_chacha20_xor_ic(data, data, length, kNonce, uint64_t(offset) / 64,
                                  reinterpret_cast<const unsigned char *>(m_seed.constData()));
}

// ---------------------------------------------------------------------------------------

SamplePlan SamplePlan::make(int64_t diskBytes, uint64_t seed, double percent, int64_t regionBytes, int64_t blockBytes)
{
    SamplePlan plan;
    plan.seed = seed;
    plan.diskBytes = diskBytes;
    plan.regionBytes = regionBytes;
    plan.blockBytes = blockBytes;
    plan.percent = percent;
    if (diskBytes <= 0)
        return plan;
    Xoshiro rng(seed);
    plan.regions = int((diskBytes + regionBytes - 1) / regionBytes);
    std::vector<int64_t> offsets{0, (diskBytes - 1) / blockBytes * blockBytes};
    for (int r = 0; r < plan.regions; ++r) {
        const int64_t start = int64_t(r) * regionBytes;
        const int64_t length = std::min(regionBytes, diskBytes - start);
        const int64_t blocksInRegion = (length + blockBytes - 1) / blockBytes;
        const auto wanted = int64_t(std::ceil(double(length) * percent / 100.0 / double(blockBytes)));
        const int64_t strata = std::min(blocksInRegion, std::max<int64_t>(kMinPerRegion, wanted));
        for (int64_t s = 0; s < strata; ++s) {
            // Stratum s covers blocks [first, last) of the region.
            const int64_t first = s * blocksInRegion / strata, last = (s + 1) * blocksInRegion / strata;
            const int64_t block = first + int64_t(rng.below(uint64_t(std::max<int64_t>(1, last - first))));
            offsets.push_back(start + block * blockBytes);
        }
    }
    std::sort(offsets.begin(), offsets.end());
    offsets.erase(std::unique(offsets.begin(), offsets.end()), offsets.end());
    plan.offsets = std::move(offsets);
    return plan;
}

int64_t SamplePlan::sampledBytes() const
{
    int64_t total = 0;
    for (int64_t o : offsets)
        total += std::min(blockBytes, diskBytes - o);
    return total;
}

QJsonObject SamplePlan::toJson(bool withOffsets) const
{
    QJsonObject o{
        {QStringLiteral("seed"), QString::number(seed)},
        {QStringLiteral("rule"),
         QStringLiteral(
             "regions of region_bytes; per region max(16, ceil(region*percent/100/block_bytes)) equal strata,"
             " one block at a uniform block-aligned place in each (xoshiro256** seeded by splitmix64(seed));"
             " plus the first and last block")},
        {QStringLiteral("disk_bytes"), double(diskBytes)},
        {QStringLiteral("region_bytes"), double(regionBytes)},
        {QStringLiteral("block_bytes"), double(blockBytes)},
        {QStringLiteral("percent_requested"), percent},
        {QStringLiteral("regions"), regions},
        {QStringLiteral("blocks"), int(offsets.size())},
        {QStringLiteral("sampled_bytes"), double(sampledBytes())},
        {QStringLiteral("percent_sampled"), diskBytes > 0 ? 100.0 * double(sampledBytes()) / double(diskBytes) : 0.0},
    };
    if (withOffsets) {
        QJsonArray a;
        for (int64_t off : offsets)
            a.append(double(off));
        o.insert(QStringLiteral("offsets"), a);
    }
    return o;
}

QString SamplePlan::describe() const
{
    return QCoreApplication::translate("Imaging",
                                       "%1 blocks of %2 KiB (%3 % of the disk) in %4 regions of %5 MiB, seed %6")
        .arg(offsets.size())
        .arg(blockBytes / 1024)
        .arg(diskBytes > 0 ? 100.0 * double(sampledBytes()) / double(diskBytes) : 0.0, 0, 'f', 2)
        .arg(regions)
        .arg(regionBytes >> 20)
        .arg(seed);
}

// ---------------------------------------------------------------------------------------

QJsonObject EraseResult::toJson() const
{
    QJsonArray bad;
    for (const BadSector &b : badSectors)
        bad.append(QJsonObject{{QStringLiteral("offset"), double(b.offset)}, {QStringLiteral("reason"), b.reason}});
    QJsonObject o{
        {QStringLiteral("pattern"), toString(pattern)},
        {QStringLiteral("verify"), toString(verify)},
        {QStringLiteral("bytes"), double(bytes)},
        {QStringLiteral("passes"), passes},
        {QStringLiteral("write_seconds"), writeSeconds},
        {QStringLiteral("verify_seconds"), verifySeconds},
        {QStringLiteral("write_mib_s"), writeMibPerSecond},
        {QStringLiteral("verify_mib_s"), verifyMibPerSecond},
        {QStringLiteral("verified_bytes"), double(verifiedBytes)},
        {QStringLiteral("verified"), verified},
        {QStringLiteral("bad_sectors"), bad},
        {QStringLiteral("started_at"), startedAt},
        {QStringLiteral("ended_at"), endedAt},
    };
    if (!patternSeedHex.isEmpty())
        o.insert(QStringLiteral("pattern_seed"), patternSeedHex);
    if (verify == VerifyMode::Sample)
        o.insert(QStringLiteral("sample_plan"), plan.toJson());
    if (!error.isEmpty())
        o.insert(QStringLiteral("error"), error);
    return o;
}

// ---------------------------------------------------------------------------------------

Eraser::Eraser(TargetDevice &target, EraseOptions options)
    : m_target(target)
    , m_options(std::move(options))
    , m_stream(m_options.pattern, m_options.patternSeed)
{
    m_options.chunkBytes = std::max<int64_t>(4096, m_options.chunkBytes / 4096 * 4096);
    m_options.lanes = std::clamp(m_options.lanes, 1, 8);
    if (m_options.sampleSeed == 0 && Sodium::ready())
        randombytes_buf(&m_options.sampleSeed, sizeof m_options.sampleSeed);
    m_result.pattern = m_options.pattern;
    m_result.verify = m_options.verify;
    m_result.patternSeedHex = QString::fromLatin1(m_stream.seed().toHex());
}

void Eraser::report(EraseProgress::Phase phase, int64_t done, double secs)
{
    if (!m_options.progress)
        return;
    EraseProgress p;
    p.phase = phase;
    p.bytesDone = done;
    p.bytesTotal = phase == EraseProgress::Phase::Verifying && m_options.verify == VerifyMode::Sample
        ? m_result.plan.sampledBytes()
        : m_target.size();
    p.mibPerSecond = secs > 0 ? double(done) / 1048576.0 / secs : 0;
    m_options.progress(p);
}

Result<EraseResult> Eraser::run()
{
    m_result.startedAt = nowIso();
    m_result.bytes = m_target.size();
    if (m_result.bytes <= 0)
        return makeError(
            ErrorCode::Refused,
            QCoreApplication::translate("Imaging", "%1 is empty: there is nothing to erase").arg(m_target.name()),
            QStringLiteral("target_empty"));
    if (auto w = writePass(); !w) {
        m_result.endedAt = nowIso();
        m_result.error = w.error().message;
        return w.error();
    }
    return verifyOnly();
}

Result<EraseResult> Eraser::verifyOnly()
{
    if (m_result.startedAt.isEmpty())
        m_result.startedAt = nowIso();
    m_result.bytes = m_target.size();
    if (m_options.verify == VerifyMode::Sample)
        m_result.plan = SamplePlan::make(m_result.bytes, m_options.sampleSeed, m_options.samplePercent);
    Result<void> v;
    if (m_options.verify != VerifyMode::None)
        v = verifyPass();
    m_result.endedAt = nowIso();
    if (!v) {
        m_result.error = v.error().message;
        return v.error();
    }
    m_result.verified = m_options.verify != VerifyMode::None;
    report(EraseProgress::Phase::Done, m_result.verifiedBytes, m_result.verifySeconds);
    return m_result;
}

Result<void> Eraser::writePass()
{
    const int64_t size = m_target.size();
    const int64_t chunk = m_options.chunkBytes;
    const int64_t chunks = (size + chunk - 1) / chunk;
    const auto start = std::chrono::steady_clock::now();
    std::atomic<int64_t> done{0};
    std::atomic<bool> stop{false};
    std::mutex mutex;
    std::optional<Error> failure;
    int64_t failureOffset = INT64_MAX;

    auto lane = [&](int index) {
        AlignedBuffer buffer{size_t(chunk)};
        if (m_options.pattern == ErasePattern::Zeros)
            std::memset(buffer.data, 0, buffer.size);
        for (int64_t c = index; c < chunks && !stop && !m_cancel; c += m_options.lanes) {
            const int64_t offset = c * chunk;
            const auto length = size_t(std::min(chunk, size - offset));
            if (m_options.pattern == ErasePattern::Random)
                m_stream.fill(offset, buffer.data, length);
            if (auto w = m_target.write(offset, buffer.data, length); !w) {
                std::lock_guard lock(mutex);
                if (offset < failureOffset) {
                    failureOffset = offset;
                    failure = w.error();
                }
                stop = true;
                return;
            }
            const int64_t now = done += int64_t(length);
            std::lock_guard lock(mutex);
            report(EraseProgress::Phase::Writing, now, seconds(start));
        }
    };
    std::vector<std::thread> threads;
    for (int i = 1; i < m_options.lanes; ++i)
        threads.emplace_back(lane, i);
    lane(0);
    for (auto &t : threads)
        t.join();
    if (m_cancel)
        return makeError(ErrorCode::Cancelled, QCoreApplication::translate("Imaging", "the erasure was cancelled"),
                         QStringLiteral("cancelled"));
    if (failure)
        return makeError(failure->code,
                         QCoreApplication::translate("Imaging", "%1 could not be overwritten at offset %2: %3")
                             .arg(m_target.name())
                             .arg(failureOffset)
                             .arg(failure->message),
                         QStringLiteral("write_failed"));
    report(EraseProgress::Phase::Syncing, size, seconds(start));
    if (auto s = m_target.sync(); !s)
        return s.error();
    m_result.writeSeconds = seconds(start);
    m_result.writeMibPerSecond = m_result.writeSeconds > 0 ? double(size) / 1048576.0 / m_result.writeSeconds : 0;
    return {};
}

void Eraser::checkBlock(int64_t offset, size_t length, uint8_t *buffer, uint8_t *expected, std::vector<BadSector> &bad)
{
    auto compare = [&](int64_t at, const uint8_t *got, size_t n, std::vector<BadSector> &bad) {
        if (m_options.pattern == ErasePattern::Random)
            m_stream.fill(at, expected, n);
        for (size_t s = 0; s < n; s += size_t(kSector)) {
            const size_t len = std::min(size_t(kSector), n - s);
            const bool same = m_options.pattern == ErasePattern::Zeros ? allZero(got + s, len)
                                                                       : std::memcmp(got + s, expected + s, len) == 0;
            if (!same) {
                bad.push_back({at + int64_t(s), QStringLiteral("mismatch")});
                if (bad.size() >= size_t(kMaxBadSectors))
                    return;
            }
        }
    };
    if (auto r = m_target.read(offset, buffer, length); r) {
        compare(offset, buffer, length, bad);
    } else {
        // Find which 4 KiB blocks cannot be read; compare the others.
        for (size_t at = 0; at < length && bad.size() < size_t(kMaxBadSectors); at += size_t(kReadUnit)) {
            const size_t n = std::min(size_t(kReadUnit), length - at);
            if (auto rr = m_target.read(offset + int64_t(at), buffer + at, n); !rr)
                bad.push_back({offset + int64_t(at), QStringLiteral("unreadable")});
            else
                compare(offset + int64_t(at), buffer + at, n, bad);
        }
    }
}

Result<void> Eraser::verifyPass()
{
    const int64_t size = m_target.size();
    const bool sample = m_options.verify == VerifyMode::Sample;
    // The work: (offset, length) pieces, in order.
    std::vector<std::pair<int64_t, int64_t>> pieces;
    if (sample) {
        for (int64_t o : m_result.plan.offsets)
            pieces.emplace_back(o, std::min(m_result.plan.blockBytes, size - o));
    } else {
        for (int64_t o = 0; o < size; o += m_options.chunkBytes)
            pieces.emplace_back(o, std::min(m_options.chunkBytes, size - o));
    }
    const int64_t maxPiece = sample ? m_result.plan.blockBytes : m_options.chunkBytes;
    const auto start = std::chrono::steady_clock::now();
    std::atomic<int64_t> done{0};
    std::atomic<bool> stop{false};
    std::mutex mutex;
    bool failed = false;

    auto lane = [&](int index) {
        AlignedBuffer buffer{size_t(maxPiece)}, expected{size_t(maxPiece)};
        for (size_t i = size_t(index); i < pieces.size() && !stop && !m_cancel; i += size_t(m_options.lanes)) {
            const auto [offset, length] = pieces[i];
            std::vector<BadSector> bad;
            checkBlock(offset, size_t(length), buffer.data, expected.data, bad);
            const int64_t now = done += length;
            std::lock_guard lock(mutex);
            if (!bad.empty()) {
                failed = true;
                m_result.badSectors.insert(m_result.badSectors.end(), bad.begin(), bad.end());
                if (m_result.badSectors.size() >= size_t(kMaxBadSectors))
                    stop = true;
            }
            report(EraseProgress::Phase::Verifying, now, seconds(start));
        }
    };
    std::vector<std::thread> threads;
    for (int i = 1; i < m_options.lanes; ++i)
        threads.emplace_back(lane, i);
    lane(0);
    for (auto &t : threads)
        t.join();
    m_result.verifySeconds = seconds(start);
    m_result.verifiedBytes = done;
    m_result.verifyMibPerSecond = m_result.verifySeconds > 0 ? double(done) / 1048576.0 / m_result.verifySeconds : 0;
    if (m_cancel)
        return makeError(ErrorCode::Cancelled, QCoreApplication::translate("Imaging", "the erasure was cancelled"),
                         QStringLiteral("cancelled"));
    if (!failed)
        return {};
    std::sort(m_result.badSectors.begin(), m_result.badSectors.end(),
              [](const BadSector &a, const BadSector &b) { return a.offset < b.offset; });
    if (m_result.badSectors.size() > size_t(kMaxBadSectors))
        m_result.badSectors.resize(size_t(kMaxBadSectors));
    const BadSector &first = m_result.badSectors.front();
    return makeError(ErrorCode::Corrupt,
                     first.reason == QLatin1String("unreadable")
                         ? QCoreApplication::translate("Imaging", "verification failed: %1 cannot be read at offset %2")
                               .arg(m_target.name())
                               .arg(first.offset)
                         : QCoreApplication::translate(
                               "Imaging", "verification failed: %1 does not hold what was written at offset %2")
                               .arg(m_target.name())
                               .arg(first.offset),
                     first.reason == QLatin1String("unreadable") ? QStringLiteral("verify_unreadable")
                                                                 : QStringLiteral("verify_mismatch"));
}

// ---------------------------------------------------------------------------------------

Result<QByteArray> readSamples(TargetDevice &target, const std::vector<int64_t> &offsets, int64_t blockBytes)
{
    QByteArray out;
    AlignedBuffer buffer{size_t(blockBytes)};
    for (int64_t o : offsets) {
        const auto n = size_t(std::min(blockBytes, target.size() - o));
        std::memset(buffer.data, 0, size_t(blockBytes));
        if (auto r = target.read(o, buffer.data, n); !r)
            return r.error();
        out.append(reinterpret_cast<const char *>(buffer.data), qsizetype(blockBytes));
    }
    return out;
}

double changedFraction(const QByteArray &before, const QByteArray &after, int64_t blockBytes)
{
    if (before.size() != after.size() || before.isEmpty() || blockBytes <= 0)
        return 0;
    const qsizetype blocks = before.size() / qsizetype(blockBytes);
    qsizetype changed = 0;
    for (qsizetype b = 0; b < blocks; ++b)
        if (std::memcmp(before.constData() + b * blockBytes, after.constData() + b * blockBytes, size_t(blockBytes)))
            ++changed;
    return blocks ? double(changed) / double(blocks) : 0;
}

} // namespace Etabli::Imaging
