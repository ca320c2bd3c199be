// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "imaging/writer.h"

#include "imaging/journal_p.h"
#include "imaging/pipeline_p.h"
#include "imaging/seal.h"
#include "imaging/source.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

#include <atomic>
#include <chrono>
#include <fcntl.h>
#include <map>
#include <mutex>
#include <thread>
#include <unistd.h>

namespace Etabli::Imaging {

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

struct TargetState {
    std::unique_ptr<TargetDevice> device;
    std::map<int64_t, uint32_t> journalled; ///< read-only once run() starts
    std::vector<uint32_t> crcs;
    Journal journal;
    std::atomic<int> phase{int(TargetProgress::Phase::Waiting)};
    std::atomic<int64_t> bytes{0};
    std::atomic<int64_t> verifiedBytes{0};
    std::atomic<int64_t> resumedBytes{0};
    Clock::time_point start;
    mutable std::mutex mutex; // guards the fields below
    double seconds = 0;
    bool verified = false;
    QString error;
    ErrorCode errorCode = ErrorCode::Io;
};

} // namespace

QString toString(TargetProgress::Phase phase)
{
    switch (phase) {
    case TargetProgress::Phase::Waiting:
        return QStringLiteral("waiting");
    case TargetProgress::Phase::Writing:
        return QStringLiteral("writing");
    case TargetProgress::Phase::Syncing:
        return QStringLiteral("flushing");
    case TargetProgress::Phase::Verifying:
        return QStringLiteral("verifying");
    case TargetProgress::Phase::Done:
        return QStringLiteral("done");
    case TargetProgress::Phase::Failed:
        return QStringLiteral("failed");
    }
    return {};
}

struct ImageWriter::Private {
    std::unique_ptr<Source> source;
    WriteOptions options;
    std::vector<std::unique_ptr<TargetState>> targets;
    std::atomic<bool> cancelled{false};
    std::atomic<Pipeline *> pipeline{nullptr};
    std::atomic<int64_t> totalBytes{-1};
    uint32_t rangeSize = uint32_t(Manifest::kDefaultRangeSize);
    std::map<uint32_t, uint32_t> zeroCrcs;
    std::map<uint32_t, Digest> zeroShas;
    std::vector<uint32_t> sealCrcs; ///< from an earlier full check: CRC-32 stands in for SHA-256
    std::vector<uint32_t> checkedCrcs; ///< CRC-32 of every range this run SHA-256 checked
    std::atomic<int64_t> checkedRanges{0};

    void fail(TargetState &t, const Error &e)
    {
        {
            std::lock_guard lock(t.mutex);
            if (t.error.isEmpty()) {
                t.error = e.message;
                t.errorCode = e.code;
            }
            t.verified = false;
        }
        t.phase = int(TargetProgress::Phase::Failed);
    }

    uint32_t zeroCrc(uint32_t n) const
    {
        auto it = zeroCrcs.find(n);
        return it != zeroCrcs.end() ? it->second : crc32Of(zeroBuffer(rangeSize), n);
    }
    Digest zeroSha(uint32_t n) const
    {
        auto it = zeroShas.find(n);
        return it != zeroShas.end() ? it->second : sha256(zeroBuffer(rangeSize), n);
    }

    Result<int64_t> produce(Slot &s)
    {
        if (cancelled)
            return makeError(ErrorCode::Cancelled, QCoreApplication::translate("Imaging", "cancelled"),
                             QStringLiteral("cancelled"));
        const int64_t offset = s.index * int64_t(rangeSize);
        const int64_t size = source->virtualSize();
        if (!source->isSequential() && size >= 0) {
            bool allDone = true;
            for (const auto &t : targets)
                allDone = allDone && t->journalled.count(s.index);
            if (allDone) {
                s.skipped = true;
                return std::min<int64_t>(rangeSize, size - offset);
            }
        }
        auto n = source->read(offset, rangeSize, s.buffer.data(), s.extents);
        if (!n)
            return n;
        // The CRC serves the read-back, the journal and the seal.
        if (options.verify || !options.journalDir.isEmpty() || options.manifest)
            s.crc = s.extents.empty() ? zeroCrc(uint32_t(*n)) : crc32Of(s.buffer.data(), size_t(*n));
        if (options.manifest && *n > 0) {
            const Manifest &m = *options.manifest;
            if (s.index >= int64_t(m.ranges.size()))
                return makeError(
                    ErrorCode::Corrupt,
                    QCoreApplication::translate("Imaging", "the master is longer than its manifest says (%1 bytes)")
                        .arg(m.virtualSize),
                    QStringLiteral("manifest_mismatch"));
            if (!sealCrcs.empty()) {
                if (s.crc == sealCrcs[size_t(s.index)])
                    return n;
                return makeError(ErrorCode::Corrupt,
                                 QCoreApplication::translate("Imaging",
                                                             "the master changed at offset %1 (range %2) since it was "
                                                             "checked against its manifest: damaged master, nothing "
                                                             "after it was written")
                                     .arg(offset)
                                     .arg(s.index),
                                 QStringLiteral("manifest_mismatch"));
            }
            const Digest d = s.extents.empty() ? zeroSha(uint32_t(*n)) : sha256(s.buffer.data(), size_t(*n));
            if (d != m.ranges[size_t(s.index)])
                return makeError(
                    ErrorCode::Corrupt,
                    QCoreApplication::translate(
                        "Imaging",
                        "the master does not match its manifest at offset %1 (range %2): damaged or tampered "
                        "master, nothing after it was written")
                        .arg(offset)
                        .arg(s.index),
                    QStringLiteral("manifest_mismatch"));
            if (!checkedCrcs.empty()) {
                checkedCrcs[size_t(s.index)] = s.crc;
                ++checkedRanges;
            }
        }
        return n;
    }

    Result<void> writeRange(TargetState &t, const Slot &s)
    {
        TargetDevice &dev = *t.device;
        const int64_t base = s.index * int64_t(rangeSize);
        const uint32_t len = s.length;
        const Fill fill = options.fill;
        auto zeroOrDiscard = [&](uint32_t from, uint32_t to) -> Result<void> {
            if (to <= from || fill == Fill::Skip)
                return {};
            auto done
                = fill == Fill::Discard ? dev.discard(base + from, to - from) : dev.zeroOut(base + from, to - from);
            if (!done)
                return done.error();
            if (*done)
                return {};
            return dev.write(base + from, zeroBuffer(rangeSize), to - from);
        };
        if (s.extents.empty())
            return zeroOrDiscard(0, len);
        if (fill == Fill::Zeros)
            return dev.write(base, s.buffer.data(), len);
        uint32_t cursor = 0;
        size_t i = 0;
        while (i < s.extents.size()) {
            uint32_t from = s.extents[i].offset & ~4095u;
            uint32_t to = std::min<uint32_t>(len, (s.extents[i].offset + s.extents[i].length + 4095) & ~4095u);
            // Merge extents whose rounded spans touch.
            while (i + 1 < s.extents.size() && (s.extents[i + 1].offset & ~4095u) <= to) {
                ++i;
                to = std::min<uint32_t>(len, (s.extents[i].offset + s.extents[i].length + 4095) & ~4095u);
            }
            ++i;
            if (auto r = zeroOrDiscard(cursor, from); !r)
                return r;
            if (auto r = dev.write(base + from, s.buffer.data() + from, to - from); !r)
                return r;
            cursor = to;
        }
        return zeroOrDiscard(cursor, len);
    }

    void verify(TargetState &t, int64_t count, int64_t size)
    {
        t.phase = int(TargetProgress::Phase::Verifying);
        // Read-back in 8 MiB requests (bounded, per target), checked range by range.
        const int64_t perRead = std::max<int64_t>(1, (8 << 20) / rangeSize);
        AlignedBuffer buffer(size_t(perRead) * rangeSize);
        for (int64_t first = 0; first < count; first += perRead) {
            if (cancelled) {
                fail(t, makeError(ErrorCode::Cancelled, QCoreApplication::translate("Imaging", "cancelled")));
                return;
            }
            const int64_t offset = first * int64_t(rangeSize);
            const int64_t bytes = std::min<int64_t>(perRead * int64_t(rangeSize), size - offset);
            if (auto r = t.device->read(offset, buffer.data(), size_t(bytes)); !r) {
                fail(t, r.error());
                return;
            }
            for (int64_t i = first; i < std::min(count, first + perRead); ++i) {
                const int64_t at = (i - first) * int64_t(rangeSize);
                const uint32_t len = uint32_t(std::min<int64_t>(rangeSize, bytes - at));
                if (crc32Of(buffer.data() + at, len) != t.crcs[size_t(i)]) {
                    fail(t,
                         makeError(ErrorCode::Corrupt,
                                   QCoreApplication::translate(
                                       "Imaging",
                                       "target %1: verification failed, the bytes read back at offset %2 differ "
                                       "from the master")
                                       .arg(t.device->name())
                                       .arg(offset + at)));
                    return;
                }
                t.verifiedBytes += len;
            }
        }
        std::lock_guard lock(t.mutex);
        t.verified = true;
    }

    // One lane of a target: the ranges whose index % lanes == lane. Two lanes keep two
    // O_DIRECT writes in flight on each disk, which a single synchronous writer cannot.
    bool runLane(Pipeline &pipe, int c, int lane, int lanes, int64_t &covered)
    {
        TargetState &t = *targets[size_t(c)];
        const int consumer = c * lanes + lane;
        std::vector<std::pair<int64_t, uint32_t>> pending;
        int64_t pendingBytes = 0;
        auto lastFlush = Clock::now();
        // The periodic flushes only make the journal honest: without one, runTarget's
        // final sync is the only one needed.
        const bool journalling = !options.journalDir.isEmpty();
        auto flush = [&]() -> Result<void> {
            if (!journalling) {
                pending.clear();
                pendingBytes = 0;
                lastFlush = Clock::now();
                return {};
            }
            if (pending.empty())
                return {};
            if (auto r = t.device->sync(); !r)
                return r;
            t.journal.append(pending);
            pendingBytes = 0;
            lastFlush = Clock::now();
            return {};
        };
        auto failAll = [&](const Error &e) {
            fail(t, e);
            for (int k = 0; k < lanes; ++k)
                pipe.drop(c * lanes + k);
            return false;
        };
        while (Slot *s = pipe.acquire(consumer)) {
            if (t.phase == int(TargetProgress::Phase::Failed))
                break;
            if (s->index % lanes != lane) {
                pipe.release(consumer);
                continue;
            }
            const auto journalled = t.journalled.find(s->index);
            const bool done = journalled != t.journalled.end() && (s->skipped || journalled->second == s->crc);
            if (lanes == 1 && t.crcs.size() <= size_t(s->index)) // a stream: one lane, size unknown
                t.crcs.resize(size_t(s->index) + 1);
            if (done) {
                t.crcs[size_t(s->index)] = journalled->second;
                t.resumedBytes += s->length;
            } else {
                if (auto r = writeRange(t, *s); !r)
                    return failAll(r.error());
                t.crcs[size_t(s->index)] = s->crc;
                pending.emplace_back(s->index, s->crc);
                pendingBytes += s->length;
            }
            covered += s->length;
            t.bytes += s->length;
            pipe.release(consumer);
            if (pendingBytes >= (256 << 20) || secondsSince(lastFlush) > 1.0) {
                if (auto r = flush(); !r)
                    return failAll(r.error());
            }
        }
        if (t.phase == int(TargetProgress::Phase::Failed))
            return false;
        if (auto e = pipe.error()) {
            fail(t, *e);
            return false;
        }
        if (auto r = flush(); !r)
            return failAll(r.error());
        return true;
    }

    void runTarget(Pipeline &pipe, int c, int lanes)
    {
        TargetState &t = *targets[size_t(c)];
        t.phase = int(TargetProgress::Phase::Writing);
        const int64_t knownSize = totalBytes;
        if (knownSize >= 0) {
            if (auto r = t.device->resize(knownSize); !r) {
                fail(t, r.error());
                for (int k = 0; k < lanes; ++k)
                    pipe.drop(c * lanes + k);
                return;
            }
        }
        std::vector<int64_t> covered(size_t(lanes), 0);
        std::vector<std::thread> helpers;
        for (int k = 1; k < lanes; ++k)
            helpers.emplace_back(
                [this, &pipe, c, k, lanes, &covered] { runLane(pipe, c, k, lanes, covered[size_t(k)]); });
        runLane(pipe, c, 0, lanes, covered[0]);
        for (std::thread &h : helpers)
            h.join();
        if (t.phase == int(TargetProgress::Phase::Failed))
            return;
        t.phase = int(TargetProgress::Phase::Syncing);
        int64_t size = 0;
        for (int64_t n : covered)
            size += n;
        if (knownSize < 0) {
            if (auto r = t.device->resize(size); !r) {
                fail(t, r.error());
                return;
            }
        }
        if (auto r = t.device->sync(); !r) {
            fail(t, r.error());
            return;
        }
        {
            std::lock_guard lock(t.mutex);
            t.seconds = secondsSince(t.start);
        }
        if (options.verify) {
            verify(t, int64_t(t.crcs.size()), size);
            if (t.phase == int(TargetProgress::Phase::Failed))
                return; // keep the journal: the range list is still right
        }
        t.journal.remove();
        t.phase = int(TargetProgress::Phase::Done);
    }
};

ImageWriter::ImageWriter(std::unique_ptr<Source> source, WriteOptions options)
    : d(std::make_unique<Private>())
{
    d->source = std::move(source);
    d->options = std::move(options);
    d->rangeSize = d->options.manifest ? uint32_t(d->options.manifest->rangeSize)
                                       : uint32_t(Manifest::rangeSizeFor(d->source->clusterSize()));
    const int64_t size = d->source->virtualSize();
    d->totalBytes = size >= 0 ? size : (d->options.manifest ? d->options.manifest->virtualSize : -1);
}

ImageWriter::~ImageWriter() = default;

void ImageWriter::addTarget(std::unique_ptr<TargetDevice> target)
{
    auto t = std::make_unique<TargetState>();
    t->device = std::move(target);
    d->targets.push_back(std::move(t));
}

void ImageWriter::cancel()
{
    d->cancelled = true;
    if (Pipeline *p = d->pipeline)
        p->abort(makeError(ErrorCode::Cancelled, QCoreApplication::translate("Imaging", "cancelled"),
                           QStringLiteral("cancelled")));
}

Result<void> ImageWriter::run()
{
    if (d->targets.empty())
        return makeError(ErrorCode::InvalidArgument, QCoreApplication::translate("Imaging", "no target to write"));
    const int64_t size = d->source->virtualSize();
    if (d->options.manifest && size >= 0 && size != d->options.manifest->virtualSize)
        return makeError(ErrorCode::Corrupt,
                         QCoreApplication::translate(
                             "Imaging", "the master holds %1 bytes but its manifest says %2: wrong or damaged master")
                             .arg(size)
                             .arg(d->options.manifest->virtualSize),
                         QStringLiteral("manifest_mismatch"));
    const uint32_t cs = d->source->clusterSize();
    if (cs > d->rangeSize || (cs && d->rangeSize % cs))
        return makeError(
            ErrorCode::Unsupported,
            QCoreApplication::translate("Imaging", "cluster size %1 does not divide the range size").arg(cs));
    const int64_t total = d->totalBytes;
    d->zeroCrcs[d->rangeSize] = crc32Of(zeroBuffer(d->rangeSize), d->rangeSize);
    d->zeroShas[d->rangeSize] = sha256(zeroBuffer(d->rangeSize), d->rangeSize);
    if (total > 0 && total % d->rangeSize) {
        const uint32_t tail = uint32_t(total % d->rangeSize);
        d->zeroCrcs[tail] = crc32Of(zeroBuffer(d->rangeSize), tail);
        d->zeroShas[tail] = sha256(zeroBuffer(d->rangeSize), tail);
    }
    if (!d->options.journalDir.isEmpty()) {
        const QJsonObject header{{QStringLiteral("master"), d->options.masterIdentity},
                                 {QStringLiteral("range_size"), double(d->rangeSize)},
                                 {QStringLiteral("size"), double(total)},
                                 {QStringLiteral("fill"), toString(d->options.fill)}};
        for (auto &t : d->targets) {
            QJsonObject h = header;
            h.insert(QStringLiteral("target"), t->device->name());
            h.insert(QStringLiteral("identity"), t->device->identity());
            t->journalled = t->journal.open(d->options.journalDir, t->device->name(), h);
        }
    }
    // A master checked in full before and untouched since needs only its CRC-32s checked.
    QString sealIdentity;
    const bool sealable = d->options.manifest && !d->options.sealDir.isEmpty() && !d->options.masterPath.isEmpty()
        && !d->source->isSequential() && size >= 0;
    if (sealable) {
        sealIdentity = MasterSeal::identityOf(d->options.masterPath);
        d->sealCrcs = MasterSeal::find(d->options.sealDir, d->options.masterPath, *d->options.manifest).crcs;
        if (d->sealCrcs.empty())
            d->checkedCrcs.assign(d->options.manifest->ranges.size(), 0);
    }
    if (!d->source->isSequential() && size >= 0) {
        // A network source fetches ahead only what will be read (not what is journalled).
        auto *state = d.get();
        d->source->prepare(d->rangeSize, [state](int64_t index) {
            for (const auto &t : state->targets)
                if (!t->journalled.count(index))
                    return true;
            return false;
        });
    }
    const int threads = d->options.threads > 0 ? d->options.threads : defaultThreads();
    const int window = d->options.window > 0 ? d->options.window : std::max(16, threads * 4);
    const int64_t count = size >= 0 ? (size + d->rangeSize - 1) / d->rangeSize : -1;
    // Two writing lanes per target when the size is known (a stream is written in order).
    const int lanes = count >= 0 ? 2 : 1;
    for (auto &t : d->targets)
        if (count >= 0)
            t->crcs.assign(size_t(count), 0);
    Pipeline pipe(count, d->rangeSize, threads, window, int(d->targets.size()) * lanes,
                  [this](Slot &s) { return d->produce(s); });
    if (!d->source->isSequential() && count > 0) {
        // Zero ranges need no buffer: up to 8 × window ranges in flight, memory unchanged,
        // so the writers run on through zeros while the decoders catch up.
        const uint32_t rs = d->rangeSize;
        Source *src = d->source.get();
        pipe.shareBuffers(window * 8, [src, rs, size](int64_t index) {
            const int64_t offset = index * int64_t(rs);
            return src->knownZero(offset, std::min<int64_t>(rs, size - offset));
        });
    }
    d->pipeline = &pipe;
    for (auto &t : d->targets)
        t->start = Clock::now();
    if (d->cancelled)
        pipe.abort(makeError(ErrorCode::Cancelled, QCoreApplication::translate("Imaging", "cancelled"),
                             QStringLiteral("cancelled")));
    pipe.start();
    std::vector<std::thread> writers;
    for (size_t c = 0; c < d->targets.size(); ++c)
        writers.emplace_back([this, &pipe, c, lanes] { d->runTarget(pipe, int(c), lanes); });
    for (std::thread &w : writers)
        w.join();
    pipe.join();
    d->pipeline = nullptr;
    const std::optional<Error> pipeError = pipe.error();
    if (sealable && pipeError && pipeError->detail == QLatin1String("manifest_mismatch"))
        MasterSeal::remove(d->options.sealDir, d->options.masterPath); // the next run names the range by SHA-256
    if (pipeError && pipeError->detail != QLatin1String("all_targets_failed"))
        return *pipeError;
    if (sealable && d->sealCrcs.empty() && d->checkedRanges == int64_t(d->checkedCrcs.size())) {
        // Best effort: without a seal the next run checks by SHA-256 again.
        auto sealed = MasterSeal::save(d->options.sealDir, d->options.masterPath, sealIdentity, *d->options.manifest,
                                       d->checkedCrcs);
        if (!sealed)
            qWarning("%s", qPrintable(sealed.error().message));
    }
    if (d->options.manifest && size < 0) {
        int64_t written = 0;
        for (const auto &t : d->targets)
            written = std::max<int64_t>(written, t->bytes);
        if (written != d->options.manifest->virtualSize)
            return makeError(ErrorCode::Corrupt,
                             QCoreApplication::translate("Imaging", "the stream held %1 bytes but the manifest says %2")
                                 .arg(written)
                                 .arg(d->options.manifest->virtualSize),
                             QStringLiteral("manifest_mismatch"));
    }
    for (const auto &t : d->targets)
        if (t->phase == int(TargetProgress::Phase::Done))
            return {};
    return makeError(ErrorCode::Io, QCoreApplication::translate("Imaging", "no target was written successfully"),
                     QStringLiteral("all_targets_failed"));
}

QString ImageWriter::masterCheck() const
{
    if (!d->options.manifest)
        return QStringLiteral("none");
    return d->sealCrcs.empty() ? QStringLiteral("sha256") : QStringLiteral("seal");
}

std::vector<TargetProgress> ImageWriter::progress() const
{
    std::vector<TargetProgress> list;
    for (const auto &t : d->targets) {
        TargetProgress p;
        p.name = t->device->name();
        p.model = t->device->model();
        p.serial = t->device->serial();
        p.blockDevice = t->device->isBlockDevice();
        p.phase = TargetProgress::Phase(t->phase.load());
        p.bytesDone = t->bytes;
        p.bytesTotal = d->totalBytes;
        p.resumedBytes = t->resumedBytes;
        p.verifiedBytes = t->verifiedBytes;
        {
            std::lock_guard lock(t->mutex);
            p.verified = t->verified;
            p.error = t->error;
            p.errorCode = t->errorCode;
            p.seconds = t->seconds;
        }
        const bool running = p.phase == TargetProgress::Phase::Writing;
        const double elapsed = running ? secondsSince(t->start) : p.seconds;
        if (elapsed > 0)
            p.mibPerSecond = double(p.bytesDone - p.resumedBytes) / elapsed / 1048576.0;
        if (running && p.mibPerSecond > 0 && p.bytesTotal >= 0)
            p.etaSeconds = double(p.bytesTotal - p.bytesDone) / 1048576.0 / p.mibPerSecond;
        if (!running && p.phase != TargetProgress::Phase::Waiting && p.seconds <= 0 && elapsed <= 0)
            p.mibPerSecond = 0;
        list.push_back(p);
    }
    return list;
}

} // namespace Etabli::Imaging
