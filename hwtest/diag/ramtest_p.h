// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

// Private to the RAM test: the templated workers and runner behind runRamTest(). The
// production build instantiates them with DirectMem only; test support
// (tests/support/faultymem.h) instantiates them with an accessor that injects faults,
// so no test double lives in production code. Not a public API.

#include "hwtest/diag/diagjob.h"
#include "hwtest/diag/ramtest.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>

#include <algorithm>
#include <array>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <mutex>
#include <sys/mman.h>
#include <thread>
#include <vector>

namespace Etabli::HwTest::Detail {

constexpr quint64 splitmix64(quint64 x)
{
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

// Memory operations per word and per pattern (reads + writes), for progress and bandwidth.
inline int opsPerWord(RamPattern p)
{
    switch (p) {
    case RamPattern::OwnAddress:
        return 4;
    case RamPattern::MovingInversions:
    case RamPattern::MovingInversionsRandom:
        return 10;
    case RamPattern::WalkingOnes:
    case RamPattern::WalkingZeros:
        return 2;
    case RamPattern::RandomValues:
        return 4;
    case RamPattern::BlockMove:
        return 3;
    }
    return 1;
}

struct Shared {
    const RamTestOptions &opt;
    quint64 *base = nullptr;
    std::atomic<quint64> opsDone{0};
    std::atomic<bool> stop{false};
    std::mutex mutex;
    QList<RamError> errors;
    std::atomic<qint64> errorCount{0};

    explicit Shared(const RamTestOptions &o)
        : opt(o)
    {}

    Q_DECL_COLD_FUNCTION void report(quint64 *p, quint64 expected, quint64 actual, RamPattern pattern, int pass)
    {
        ++errorCount;
        std::lock_guard lock(mutex);
        if (errors.size() < opt.maxErrors)
            errors.append(RamError{quintptr(p), qint64(p - base), expected, actual, pattern, pass});
    }
};

// The fast path: plain loads and stores the compiler may vectorise.
struct DirectMem {
    static quint64 load(const quint64 *p) { return *p; }
    static void store(quint64 *p, quint64 v) { *p = v; }
    static void copy(quint64 *dst, const quint64 *src, size_t n) { std::memcpy(dst, src, n * sizeof(quint64)); }
};

// Keeps the compiler from merging a write sweep with the read sweep after it.
inline void barrier()
{
    asm volatile("" ::: "memory");
}

template<class Mem>
class Worker
{
public:
    Worker(Mem mem, Shared &shared, quint64 *lo, quint64 *hi)
        : m(mem)
        , sh(shared)
        , lo(lo)
        , hi(hi)
    {}

    bool run(RamPattern pattern, int pass, quint64 passSeed)
    {
        pat = pattern;
        this->pass = pass;
        switch (pattern) {
        case RamPattern::OwnAddress:
            return ownAddress();
        case RamPattern::MovingInversions:
            return march(0);
        case RamPattern::MovingInversionsRandom:
            return march(splitmix64(passSeed ^ 0x4d41524348ULL));
        case RamPattern::WalkingOnes:
            return walking(false);
        case RamPattern::WalkingZeros:
            return walking(true);
        case RamPattern::RandomValues:
            return randomValues(passSeed);
        case RamPattern::BlockMove:
            return blockMove(passSeed);
        }
        return true;
    }

private:
    static constexpr qint64 Chunk = 1 << 17; // words: 1 MiB between progress/cancel checks

    void check(const quint64 *p, quint64 expected)
    {
        const quint64 actual = m.load(p);
        if (Q_UNLIKELY(actual != expected))
            sh.report(const_cast<quint64 *>(p), expected, actual, pat, pass);
    }
    bool step(qint64 words, int ops)
    {
        sh.opsDone.fetch_add(quint64(words) * quint64(ops), std::memory_order_relaxed);
        return !sh.stop.load(std::memory_order_relaxed);
    }
    // f(begin, end) ascending over the slice in chunks
    template<class F>
    bool up(int ops, F f)
    {
        for (quint64 *b = lo; b < hi; b += Chunk) {
            quint64 *e = std::min(b + Chunk, hi);
            f(b, e);
            if (!step(e - b, ops))
                return false;
        }
        barrier();
        return true;
    }
    // f(begin, end) on chunks from the top; f itself must walk each chunk downwards
    template<class F>
    bool down(int ops, F f)
    {
        for (quint64 *e = hi; e > lo; e -= std::min<qint64>(Chunk, e - lo)) {
            quint64 *b = e - std::min<qint64>(Chunk, e - lo);
            f(b, e);
            if (!step(e - b, ops))
                return false;
        }
        barrier();
        return true;
    }

    bool ownAddress()
    {
        auto addr = [](const quint64 *p) { return quint64(quintptr(p)); };
        return up(1,
                  [&](quint64 *b, quint64 *e) {
                      for (quint64 *p = b; p < e; ++p)
                          m.store(p, addr(p));
                  })
            && up(1,
                  [&](quint64 *b, quint64 *e) {
                      for (quint64 *p = b; p < e; ++p)
                          check(p, addr(p));
                  })
            && down(1,
                    [&](quint64 *b, quint64 *e) {
                        for (quint64 *p = e; p-- > b;)
                            m.store(p, ~addr(p));
                    })
            && down(1, [&](quint64 *b, quint64 *e) {
                   for (quint64 *p = e; p-- > b;)
                       check(p, ~addr(p));
               });
    }

    // March C-: ⇕(w p) ⇑(r p, w ~p) ⇑(r ~p, w p) ⇓(r p, w ~p) ⇓(r ~p, w p) ⇕(r p)
    bool march(quint64 v)
    {
        const quint64 nv = ~v;
        auto readWrite = [&](quint64 expect, quint64 write, bool ascending) {
            auto body = [&](quint64 *b, quint64 *e) {
                if (ascending) {
                    for (quint64 *p = b; p < e; ++p) {
                        check(p, expect);
                        m.store(p, write);
                    }
                } else {
                    for (quint64 *p = e; p-- > b;) {
                        check(p, expect);
                        m.store(p, write);
                    }
                }
            };
            return ascending ? up(2, body) : down(2, body);
        };
        return up(1,
                  [&](quint64 *b, quint64 *e) {
                      for (quint64 *p = b; p < e; ++p)
                          m.store(p, v);
                  })
            && readWrite(v, nv, true) && readWrite(nv, v, true) && readWrite(v, nv, false) && readWrite(nv, v, false)
            && up(1, [&](quint64 *b, quint64 *e) {
                   for (quint64 *p = b; p < e; ++p)
                       check(p, v);
               });
    }

    bool walking(bool zeros)
    {
        const quint64 flip = zeros ? ~0ULL : 0;
        const qint64 shift = pass;
        auto value = [&](const quint64 *p) { return (1ULL << ((qint64(p - sh.base) + shift) & 63)) ^ flip; };
        return up(1,
                  [&](quint64 *b, quint64 *e) {
                      for (quint64 *p = b; p < e; ++p)
                          m.store(p, value(p));
                  })
            && up(1, [&](quint64 *b, quint64 *e) {
                   for (quint64 *p = b; p < e; ++p)
                       check(p, value(p));
               });
    }

    // Pseudo-random words derived from the pass seed: a 1024-word key regenerated from
    // the seed, mixed with the block number, so the verify sweep recomputes every value
    // and no copy of the written data is ever kept. Cheap enough to run at memory speed.
    bool randomValues(quint64 seed)
    {
        std::array<quint64, 1024> key;
        for (size_t j = 0; j < key.size(); ++j)
            key[j] = splitmix64(seed + j);
        auto value = [&key, this](const quint64 *p) {
            const quint64 i = quint64(p - sh.base);
            return key[i & 1023] ^ ((i >> 10) * 0x9e3779b97f4a7c15ULL);
        };
        for (const quint64 flip : {0ULL, ~0ULL}) {
            if (!up(1,
                    [&](quint64 *b, quint64 *e) {
                        for (quint64 *p = b; p < e; ++p)
                            m.store(p, value(p) ^ flip);
                    })
                || !up(1, [&](quint64 *b, quint64 *e) {
                       for (quint64 *p = b; p < e; ++p)
                           check(p, value(p) ^ flip);
                   }))
                return false;
        }
        return true;
    }

    // Fill the slice, copy its lower half over its upper half in blocks, verify both.
    bool blockMove(quint64 seed)
    {
        const qint64 half = (hi - lo) / 2;
        // Distinct for every word (an odd multiplier is a bijection), cheap to recompute.
        auto value = [&](qint64 i) { return (quint64(i) * 0x9e3779b97f4a7c15ULL) ^ seed; };
        const qint64 first = lo - sh.base;
        if (!up(1, [&](quint64 *b, quint64 *e) {
                for (quint64 *p = b; p < e; ++p)
                    m.store(p, ~value(p - sh.base));
            }))
            return false;
        for (qint64 done = 0; done < half; done += Chunk) {
            const qint64 n = std::min<qint64>(Chunk, half - done);
            m.copy(lo + half + done, lo + done, size_t(n));
            if (!step(n * 2, 1))
                return false;
        }
        barrier();
        return up(1, [&](quint64 *b, quint64 *e) {
            for (quint64 *p = b; p < e; ++p) {
                const qint64 i = p - lo;
                const qint64 source = i >= half && i < 2 * half ? i - half : i;
                check(p, ~value(first + source));
            }
        });
    }

    Mem m;
    Shared &sh;
    quint64 *lo;
    quint64 *hi;
    RamPattern pat = RamPattern::OwnAddress;
    int pass = 0;
};

template<class Mem>
void workerMain(Mem mem, Shared &sh, quint64 *lo, quint64 *hi, quint64 seed, QList<QPair<RamPattern, double>> *timing)
{
    Worker<Mem> w(mem, sh, lo, hi);
    for (int pass = 0; pass < sh.opt.passes; ++pass) {
        const quint64 passSeed = splitmix64(seed + quint64(pass));
        for (RamPattern p : sh.opt.patterns) {
            QElapsedTimer t;
            t.start();
            if (!w.run(p, pass, passSeed))
                return;
            if (timing)
                timing->append({p, t.nsecsElapsed() / 1e9});
        }
    }
}

/// The RAM test with the accessor `makeMem(base)` returns (a type with load, store and
/// copy, like DirectMem), `base` being the first word of the tested region. Runs on the
/// calling thread as runRamTest() does.
template<class MakeMem>
RamTestReport runRamTestWith(const RamTestOptions &opt, ProgressSink *sink, MakeMem makeMem)
{
    RamTestReport rep;
    rep.seed = opt.seed ? opt.seed : quint64(QDateTime::currentMSecsSinceEpoch()) ^ 0x5eedULL;
    rep.threads = opt.threads > 0 ? opt.threads : int(std::max(1U, std::thread::hardware_concurrency()));
    // Each slice is a whole number of 4 KiB pages and at least 64 words.
    const qint64 page = 4096;
    qint64 slice = (opt.bytes / rep.threads / page) * page;
    if (slice < page) {
        rep.threads = int(std::max<qint64>(1, opt.bytes / page));
        slice = page;
    }
    rep.bytes = slice * rep.threads;
    rep.edacBefore = readEdac(opt.edacRoot);

    void *region
        = mmap(nullptr, size_t(rep.bytes), PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);
    if (region == MAP_FAILED) {
        rep.failure = QCoreApplication::translate("RamTest", "cannot allocate %1 MiB: %2")
                          .arg(rep.bytes >> 20)
                          .arg(QString::fromLocal8Bit(std::strerror(errno)));
        return rep;
    }
    rep.locked = opt.lock && mlock(region, size_t(rep.bytes)) == 0;

    Shared sh(opt);
    sh.base = static_cast<quint64 *>(region);
    const qint64 words = slice / 8;
    quint64 opsPerPass = 0;
    for (RamPattern p : opt.patterns)
        opsPerPass += quint64(opsPerWord(p)) * quint64(words) * quint64(rep.threads);
    const double totalOps = double(opsPerPass) * std::max(1, opt.passes);

    QElapsedTimer clock;
    clock.start();
    std::vector<std::thread> threads;
    std::atomic<int> running{rep.threads};
    for (int t = 0; t < rep.threads; ++t) {
        quint64 *lo = sh.base + t * words;
        quint64 *hi = lo + words;
        auto *timing = t == 0 ? &rep.patternSeconds : nullptr;
        threads.emplace_back([&, lo, hi, timing] {
            workerMain(makeMem(sh.base), sh, lo, hi, rep.seed, timing);
            --running;
        });
    }
    while (running.load() > 0) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        if (sink) {
            if (sink->cancelled())
                sh.stop = true;
            sink->report(double(sh.opsDone.load()) / std::max(1.0, totalOps));
        }
    }
    for (std::thread &t : threads)
        t.join();
    rep.seconds = clock.nsecsElapsed() / 1e9;
    rep.cancelled = sh.stop.load();
    rep.bytesMoved = double(sh.opsDone.load()) * 8.0;
    rep.passesDone = rep.cancelled ? int(double(sh.opsDone.load()) / std::max<double>(1, opsPerPass)) : opt.passes;
    rep.errors = sh.errors;
    rep.errorCount = sh.errorCount.load();
    std::sort(rep.errors.begin(), rep.errors.end(),
              [](const RamError &a, const RamError &b) { return a.word < b.word; });
    if (rep.locked)
        munlock(region, size_t(rep.bytes));
    munmap(region, size_t(rep.bytes));
    rep.edacAfter = readEdac(opt.edacRoot);
    return rep;
}

} // namespace Etabli::HwTest::Detail
