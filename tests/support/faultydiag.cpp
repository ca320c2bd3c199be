// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
//
// etabli-test-faultydiag: `etabli test ram` and `etabli test disk --surface` through the
// same engines (runRamTest's workers and patterns, scanSurface, the evaluate functions)
// with faults injected, so that a test can check what the CLI reports for broken RAM or
// unreadable sectors. Takes the CLI's arguments plus the injection:
//   [--json] test ram [--size S] [--threads N] [--passes P] [--seed X] [--patterns LIST]
//                     --inject KIND:WORD:BIT[:WORD2:BIT2]...
//   [--json] test disk --surface FILE [--chunk S] --inject-bad-sectors S1,S2...
// and prints what the CLI prints (in English). A test program: never installed.
#include "hwtest/diag/ramtest.h"
#include "hwtest/diag/surfacescan.h"
#include "tests/support/faultyblocksource.h"
#include "tests/support/faultymem.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QJsonDocument>
#include <QTextStream>

#include <algorithm>
#include <cstdio>

using namespace Etabli;
using namespace Etabli::HwTest;

namespace {

int usage(const QString &message)
{
    std::fprintf(stderr, "%s\n", qUtf8Printable(message));
    return 2;
}

/// Prints like the CLI's `finish` for one result without --asset.
int print(const QCommandLineParser &p, const TestResult &t, const QStringList &before = {})
{
    QTextStream out(stdout);
    if (p.isSet(QStringLiteral("json"))) {
        out << QString::fromUtf8(QJsonDocument(t.toJson()).toJson(QJsonDocument::Indented));
        return 0;
    }
    for (const QString &line : before)
        out << line << Qt::endl;
    out << toString(t.verdict) << QStringLiteral("  ") << t.kind << Qt::endl
        << QStringLiteral("  ") << t.rule << Qt::endl;
    return 0;
}

int ram(const QCommandLineParser &p)
{
    RamTestOptions o;
    auto bytes = parseByteSize(p.value(QStringLiteral("size")));
    if (!bytes)
        return usage(bytes.error().message);
    o.bytes = *bytes;
    bool ok1 = true, ok2 = true, ok3 = true;
    o.threads = p.value(QStringLiteral("threads")).toInt(&ok1);
    o.passes = p.value(QStringLiteral("passes")).toInt(&ok2);
    if (p.isSet(QStringLiteral("seed")))
        o.seed = p.value(QStringLiteral("seed")).toULongLong(&ok3, 16);
    if (!ok1 || !ok2 || !ok3 || o.threads < 1 || o.passes < 1)
        return usage(QStringLiteral("--threads, --passes and --seed take numbers"));
    if (p.isSet(QStringLiteral("patterns"))) {
        o.patterns.clear();
        const QList<RamPattern> all = allRamPatterns();
        for (const QString &name : p.value(QStringLiteral("patterns")).split(u',', Qt::SkipEmptyParts)) {
            const auto it
                = std::find_if(all.begin(), all.end(), [&](RamPattern r) { return toString(r) == name.trimmed(); });
            if (it == all.end())
                return usage(QStringLiteral("unknown pattern «%1»").arg(name));
            o.patterns.append(*it);
        }
    }
    QList<TestSupport::RamFault> faults;
    for (const QString &spec : p.values(QStringLiteral("inject"))) {
        auto fault = TestSupport::parseRamFault(spec);
        if (!fault)
            return usage(fault.error().message);
        faults.append(*fault);
    }
    // Checked before the run too: an alias or a coupling outside the region would touch
    // memory that is not the test's. The run may test a little less than asked (whole pages).
    auto outside = [&faults](qint64 bytes) {
        return std::any_of(faults.begin(), faults.end(), [bytes](const TestSupport::RamFault &f) {
            return f.word * 8 >= bytes || f.otherWord * 8 >= bytes;
        });
    };
    if (outside(o.bytes))
        return usage(QStringLiteral("an injected fault lies outside the %1 tested bytes").arg(o.bytes));
    const QDateTime started = QDateTime::currentDateTimeUtc();
    const RamTestReport rep = TestSupport::runRamTestWithFaults(o, faults);
    if (outside(rep.bytes))
        return usage(QStringLiteral("an injected fault lies outside the %1 tested bytes").arg(rep.bytes));
    TestResult t = evaluateRam(rep);
    t.startedAt = started;
    t.endedAt = QDateTime::currentDateTimeUtc();
    // The lines `etabli test ram` prints before the verdict (app/cli/cli_test.cpp).
    QStringList lines;
    for (const RamError &e : rep.errors.mid(0, 10)) {
        QStringList bits;
        for (int b : e.bits())
            bits << QString::number(b);
        lines << QStringLiteral("error at 0x%1 (%2): expected %3 read %4, bits %5")
                     .arg(quint64(e.address), 0, 16)
                     .arg(toString(e.pattern))
                     .arg(e.expected, 16, 16, QLatin1Char('0'))
                     .arg(e.actual, 16, 16, QLatin1Char('0'))
                     .arg(bits.join(u','));
    }
    return print(p, t, lines);
}

int surface(const QCommandLineParser &p, const QString &device)
{
    SurfaceScanOptions options;
    if (p.isSet(QStringLiteral("chunk"))) {
        auto bytes = parseByteSize(p.value(QStringLiteral("chunk")));
        if (!bytes)
            return usage(bytes.error().message);
        if (*bytes % 4096 != 0 || *bytes > (256LL << 20))
            return usage(QStringLiteral("--chunk must be a multiple of 4 KiB, at most 256M"));
        options.chunkBytes = *bytes;
    }
    QSet<qint64> bad;
    for (const QString &s : p.value(QStringLiteral("inject-bad-sectors")).split(u',', Qt::SkipEmptyParts)) {
        bool ok = false;
        bad.insert(s.trimmed().toLongLong(&ok));
        if (!ok)
            return usage(QStringLiteral("--inject-bad-sectors takes sector numbers separated by commas"));
    }
    auto source = FileBlockSource::open(device);
    if (!source) {
        std::fprintf(stderr, "%s\n", qUtf8Printable(source.error().message));
        return exitCodeFor(source.error().code);
    }
    TestSupport::FaultyBlockSource faulty(source->get(), bad);
    const QDateTime started = QDateTime::currentDateTimeUtc();
    const SurfaceScanReport rep = scanSurface(faulty, options);
    TestResult t = evaluateSurface(rep, options, device);
    t.measurements.insert(QStringLiteral("o_direct"), (*source)->direct());
    t.startedAt = started;
    t.endedAt = QDateTime::currentDateTimeUtc();
    return print(p, t);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.addOption({QStringLiteral("json"), QStringLiteral("JSON output")});
    p.addOption({QStringLiteral("db"), QStringLiteral("ignored (nothing is recorded)"), QStringLiteral("PATH")});
    p.addOption({QStringLiteral("size"), QStringLiteral("bytes to test"), QStringLiteral("S"), QStringLiteral("4M")});
    p.addOption({QStringLiteral("threads"), QStringLiteral("threads"), QStringLiteral("N"), QStringLiteral("1")});
    p.addOption({QStringLiteral("passes"), QStringLiteral("passes"), QStringLiteral("P"), QStringLiteral("1")});
    p.addOption({QStringLiteral("seed"), QStringLiteral("seed (hex)"), QStringLiteral("X")});
    p.addOption({QStringLiteral("patterns"), QStringLiteral("patterns"), QStringLiteral("LIST")});
    p.addOption(
        {QStringLiteral("inject"), QStringLiteral("RAM fault KIND:WORD:BIT[:WORD2:BIT2]"), QStringLiteral("F")});
    p.addOption({QStringLiteral("surface"), QStringLiteral("read scan of FILE")});
    p.addOption({QStringLiteral("chunk"), QStringLiteral("read size"), QStringLiteral("SIZE")});
    p.addOption(
        {QStringLiteral("inject-bad-sectors"), QStringLiteral("sectors that fail with EIO"), QStringLiteral("LIST")});
    if (!p.parse(app.arguments()))
        return usage(p.errorText());
    const QStringList pos = p.positionalArguments();
    if (pos == QStringList{QStringLiteral("test"), QStringLiteral("ram")})
        return ram(p);
    if (pos.size() == 3 && pos[0] == QLatin1String("test") && pos[1] == QLatin1String("disk")
        && p.isSet(QStringLiteral("surface")))
        return surface(p, pos[2]);
    return usage(QStringLiteral("usage: etabli-test-faultydiag test ram [--size S] [--threads N] --inject F...\n"
                                "       etabli-test-faultydiag test disk --surface FILE [--chunk S] "
                                "--inject-bad-sectors LIST"));
}
