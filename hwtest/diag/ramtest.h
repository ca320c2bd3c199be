// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

#include "common/result.h"
#include "hwtest/diag/testresult.h"

#include <QList>
#include <QString>

namespace Etabli::HwTest {

class ProgressSink;

/// The RAM test patterns; hwtest/README.md says which fault classes each targets.
enum class RamPattern {
    OwnAddress, ///< each word holds its own address (ascending), then its complement (descending)
    MovingInversions, ///< March C- with all-zeros / all-ones
    MovingInversionsRandom, ///< March C- with a random word from the pass seed and its complement
    WalkingOnes, ///< word i holds 1 << ((i + pass) % 64)
    WalkingZeros, ///< the complement of walking ones
    RandomValues, ///< a pseudo-random stream from the pass seed, regenerated to verify, then its complement
    BlockMove, ///< fill the lower half, copy it in blocks over the upper half, verify both
};
QString toString(RamPattern pattern);
QList<RamPattern> allRamPatterns();

/// One miscompare: where, what we wrote, what we read, which bits differ.
struct RamError {
    quintptr address = 0; ///< virtual address of the word
    qint64 word = 0; ///< index in the tested region
    quint64 expected = 0;
    quint64 actual = 0;
    RamPattern pattern = RamPattern::OwnAddress;
    int pass = 0;
    quint64 diff() const { return expected ^ actual; }
    QList<int> bits() const; ///< the differing bit numbers
};

/// ECC counters of every memory controller under /sys/devices/system/edac/mc.
struct EdacCounts {
    bool present = false;
    qint64 corrected = 0;
    qint64 uncorrected = 0;
};
EdacCounts readEdac(const QString &root = QStringLiteral("/sys/devices/system/edac"));

struct RamTestOptions {
    qint64 bytes = 64 * 1024 * 1024; ///< rounded down to a multiple of 4 KiB per thread
    int threads = 0; ///< 0: one per core
    int passes = 1;
    QList<RamPattern> patterns = allRamPatterns();
    quint64 seed = 0; ///< 0: from the clock; each pass derives its own
    bool lock = true; ///< mlock the region (reported when it fails)
    QString edacRoot = QStringLiteral("/sys/devices/system/edac");
    int maxErrors = 1000; ///< errors kept in detail (all are counted)
};

struct RamTestReport {
    qint64 bytes = 0;
    int threads = 0;
    int passesDone = 0;
    bool locked = false;
    bool cancelled = false;
    quint64 seed = 0;
    QList<RamError> errors;
    qint64 errorCount = 0;
    double seconds = 0;
    double bytesMoved = 0; ///< reads + writes issued, for the bandwidth figure
    QList<QPair<RamPattern, double>> patternSeconds;
    EdacCounts edacBefore, edacAfter;
    QString failure; ///< allocation failure, empty when the test ran
};

/// The largest safe test size: MemAvailable minus max(256 MiB, 10 %).
qint64 safeMaxRamBytes(const QString &meminfo = QStringLiteral("/proc/meminfo"));
/// "512M", "4G", "65536", "1.5G" → bytes.
Result<qint64> parseByteSize(const QString &text);

/// Runs the test on the calling thread, which spawns the workers (one slice each)
/// and polls them for progress and cancel. Use DiagJob to keep a UI responsive.
RamTestReport runRamTest(const RamTestOptions &options, ProgressSink *sink = nullptr);
/// FAIL on any miscompare or new uncorrected ECC error, WARN on new corrected ones.
TestResult evaluateRam(const RamTestReport &report);

} // namespace Etabli::HwTest
