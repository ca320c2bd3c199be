// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
//
// etabli-test-faultyram: `etabli test ram` through the same engine (runRamTest's workers
// and patterns, evaluateRam) with faults injected into the tested region, so that a test
// can check what the CLI reports for broken RAM. Takes the CLI's arguments
// (`[--json] test ram [--size S] [--threads N] [--passes P] [--seed X] [--patterns LIST]`)
// plus `--inject KIND:WORD:BIT[:WORD2:BIT2]` (repeatable). Prints what the CLI prints.
// A test program: never installed.
#include "hwtest/diag/ramtest.h"
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

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.addOption({QStringLiteral("json"), QStringLiteral("JSON output")});
    p.addOption({QStringLiteral("db"), QStringLiteral("ignored"), QStringLiteral("PATH")});
    p.addOption({QStringLiteral("size"), QStringLiteral("bytes to test"), QStringLiteral("S"), QStringLiteral("4M")});
    p.addOption({QStringLiteral("threads"), QStringLiteral("threads"), QStringLiteral("N"), QStringLiteral("1")});
    p.addOption({QStringLiteral("passes"), QStringLiteral("passes"), QStringLiteral("P"), QStringLiteral("1")});
    p.addOption({QStringLiteral("seed"), QStringLiteral("seed (hex)"), QStringLiteral("X")});
    p.addOption({QStringLiteral("patterns"), QStringLiteral("patterns"), QStringLiteral("LIST")});
    p.addOption({QStringLiteral("inject"), QStringLiteral("fault KIND:WORD:BIT[:WORD2:BIT2]"), QStringLiteral("F")});
    if (!p.parse(app.arguments()))
        return usage(p.errorText());
    const QStringList pos = p.positionalArguments();
    if (pos != QStringList{QStringLiteral("test"), QStringLiteral("ram")})
        return usage(QStringLiteral("usage: etabli-test-faultyram test ram [--size S] [--threads N] --inject F..."));

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
        for (const QString &name : p.value(QStringLiteral("patterns")).split(u',', Qt::SkipEmptyParts)) {
            const QList<RamPattern> all = allRamPatterns();
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
    QTextStream out(stdout);
    if (p.isSet(QStringLiteral("json"))) {
        out << QJsonDocument(t.toJson()).toJson(QJsonDocument::Indented);
        return 0;
    }
    // The lines `etabli test ram` prints (app/cli/cli_test.cpp), in English.
    for (const RamError &e : rep.errors.mid(0, 10)) {
        QStringList bits;
        for (int b : e.bits())
            bits << QString::number(b);
        out << QStringLiteral("error at 0x%1 (%2): expected %3 read %4, bits %5")
                   .arg(quint64(e.address), 0, 16)
                   .arg(toString(e.pattern))
                   .arg(e.expected, 16, 16, QLatin1Char('0'))
                   .arg(e.actual, 16, 16, QLatin1Char('0'))
                   .arg(bits.join(u','))
            << Qt::endl;
    }
    out << toString(t.verdict) << QStringLiteral("  ") << t.kind << Qt::endl
        << QStringLiteral("  ") << t.rule << Qt::endl;
    return 0;
}
