// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "hwtest/diag/ramtest.h"
#include "hwtest/diag/ramtest_p.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>

namespace Etabli::HwTest {

QString toString(RamPattern pattern)
{
    switch (pattern) {
    case RamPattern::OwnAddress:
        return QStringLiteral("own-address");
    case RamPattern::MovingInversions:
        return QStringLiteral("moving-inversions");
    case RamPattern::MovingInversionsRandom:
        return QStringLiteral("moving-inversions-random");
    case RamPattern::WalkingOnes:
        return QStringLiteral("walking-ones");
    case RamPattern::WalkingZeros:
        return QStringLiteral("walking-zeros");
    case RamPattern::RandomValues:
        return QStringLiteral("random-values");
    case RamPattern::BlockMove:
        return QStringLiteral("block-move");
    }
    return {};
}

QList<RamPattern> allRamPatterns()
{
    return {RamPattern::OwnAddress,  RamPattern::MovingInversions, RamPattern::MovingInversionsRandom,
            RamPattern::WalkingOnes, RamPattern::WalkingZeros,     RamPattern::RandomValues,
            RamPattern::BlockMove};
}

QList<int> RamError::bits() const
{
    QList<int> list;
    for (int b = 0; b < 64; ++b) {
        if ((diff() >> b) & 1)
            list.append(b);
    }
    return list;
}

EdacCounts readEdac(const QString &root)
{
    EdacCounts c;
    const QDir mc(root + QStringLiteral("/mc"));
    const QStringList controllers = mc.entryList({QStringLiteral("mc*")}, QDir::Dirs | QDir::NoDotAndDotDot);
    auto number = [](const QString &path) {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll().trimmed().toLongLong() : 0;
    };
    for (const QString &name : controllers) {
        c.present = true;
        c.corrected += number(mc.filePath(name + QStringLiteral("/ce_count")));
        c.uncorrected += number(mc.filePath(name + QStringLiteral("/ue_count")));
    }
    return c;
}

qint64 safeMaxRamBytes(const QString &meminfo)
{
    QFile f(meminfo);
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    static const QRegularExpression re(QStringLiteral("^MemAvailable:\\s+(\\d+) kB"),
                                       QRegularExpression::MultilineOption);
    const auto m = re.match(QString::fromLatin1(f.readAll()));
    if (!m.hasMatch())
        return 0;
    const qint64 available = m.captured(1).toLongLong() * 1024;
    const qint64 margin = std::max<qint64>(256LL << 20, available / 10);
    return std::max<qint64>(0, available - margin);
}

Result<qint64> parseByteSize(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^\\s*(\\d+(?:\\.\\d+)?)\\s*([kKmMgGtT]?)(?:i?[bB])?\\s*$"));
    const auto m = re.match(text);
    if (!m.hasMatch())
        return makeError(ErrorCode::InvalidArgument,
                         QCoreApplication::translate("RamTest", "«%1» is not a size (examples: 512M, 4G)").arg(text));
    double v = m.captured(1).toDouble();
    switch (m.captured(2).toUpper().isEmpty() ? u' ' : m.captured(2).toUpper().at(0).unicode()) {
    case u'T':
        v *= 1024;
        Q_FALLTHROUGH();
    case u'G':
        v *= 1024;
        Q_FALLTHROUGH();
    case u'M':
        v *= 1024;
        Q_FALLTHROUGH();
    case u'K':
        v *= 1024;
        break;
    default:
        break;
    }
    if (v < 1 || v > 9.0e18)
        return makeError(ErrorCode::InvalidArgument,
                         QCoreApplication::translate("RamTest", "«%1» is out of range").arg(text));
    return qint64(v);
}

RamTestReport runRamTest(const RamTestOptions &opt, ProgressSink *sink)
{
    return Detail::runRamTestWith(opt, sink, [](quint64 *) { return Detail::DirectMem{}; });
}

TestResult evaluateRam(const RamTestReport &r)
{
    VerdictBuilder v;
    v.setPassRule(QStringLiteral("ram.ok: every pattern read back what it wrote"));
    if (!r.failure.isEmpty())
        v.fire(TestVerdict::Fail, QStringLiteral("ram.not-run"), r.failure);
    if (r.errorCount > 0) {
        const RamError &e = r.errors.first();
        v.fire(TestVerdict::Fail, QStringLiteral("ram.miscompare"),
               QCoreApplication::translate("RamTest", "%1 miscompares, first at 0x%2 (%3): expected %4, read %5")
                   .arg(r.errorCount)
                   .arg(quint64(e.address), 0, 16)
                   .arg(toString(e.pattern))
                   .arg(e.expected, 16, 16, QLatin1Char('0'))
                   .arg(e.actual, 16, 16, QLatin1Char('0')));
    }
    if (r.edacAfter.uncorrected > r.edacBefore.uncorrected)
        v.fire(TestVerdict::Fail, QStringLiteral("ram.ecc-uncorrected"),
               QCoreApplication::translate("RamTest", "%1 new uncorrected ECC errors")
                   .arg(r.edacAfter.uncorrected - r.edacBefore.uncorrected));
    if (r.edacAfter.corrected > r.edacBefore.corrected)
        v.fire(TestVerdict::Warn, QStringLiteral("ram.ecc-corrected"),
               QCoreApplication::translate("RamTest", "%1 new corrected ECC errors")
                   .arg(r.edacAfter.corrected - r.edacBefore.corrected));
    if (r.cancelled)
        v.fire(TestVerdict::Warn, QStringLiteral("ram.incomplete"),
               QCoreApplication::translate("RamTest", "the test was stopped before the end"));

    TestResult t;
    t.kind = QStringLiteral("ram");
    t.verdict = v.verdict();
    t.rule = v.rule();
    QJsonArray errors;
    for (int i = 0; i < std::min<int>(r.errors.size(), 32); ++i) {
        const RamError &e = r.errors[i];
        QJsonArray bits;
        for (int b : e.bits())
            bits.append(b);
        errors.append(
            QJsonObject{{QStringLiteral("address"), QStringLiteral("0x%1").arg(quint64(e.address), 0, 16)},
                        {QStringLiteral("word"), e.word},
                        {QStringLiteral("expected"), QStringLiteral("%1").arg(e.expected, 16, 16, QLatin1Char('0'))},
                        {QStringLiteral("actual"), QStringLiteral("%1").arg(e.actual, 16, 16, QLatin1Char('0'))},
                        {QStringLiteral("bits"), bits},
                        {QStringLiteral("pattern"), toString(e.pattern)},
                        {QStringLiteral("pass"), e.pass}});
    }
    QJsonObject timing;
    for (const auto &[p, s] : r.patternSeconds)
        timing.insert(toString(p), qRound(s * 1e4) / 1e4 + timing.value(toString(p)).toDouble());
    t.measurements = QJsonObject{
        {QStringLiteral("bytes"), r.bytes},
        {QStringLiteral("threads"), r.threads},
        {QStringLiteral("passes"), r.passesDone},
        {QStringLiteral("locked"), r.locked},
        {QStringLiteral("seed"), QString::number(r.seed, 16)},
        {QStringLiteral("seconds"), qRound(r.seconds * 1000) / 1000.0},
        {QStringLiteral("traffic_mib_s"), r.seconds > 0 ? qRound(r.bytesMoved / 1048576.0 / r.seconds) : 0},
        {QStringLiteral("error_count"), r.errorCount},
        {QStringLiteral("errors"), errors},
        {QStringLiteral("pattern_seconds"), timing},
        {QStringLiteral("ecc_present"), r.edacBefore.present},
        {QStringLiteral("rules_fired"), v.firedRules()}};
    if (r.edacBefore.present) {
        t.measurements.insert(QStringLiteral("ecc_corrected_delta"), r.edacAfter.corrected - r.edacBefore.corrected);
        t.measurements.insert(QStringLiteral("ecc_uncorrected_delta"),
                              r.edacAfter.uncorrected - r.edacBefore.uncorrected);
    }
    return t;
}

} // namespace Etabli::HwTest
