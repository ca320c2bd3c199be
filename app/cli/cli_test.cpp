// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
//
// `etabli test …`: the diagnostics engines of hwtest/diag from the command line.
#include "app/cli/cli.h"
#include "app/core/testrecording.h"

#include "hwtest/diag/audiotest.h"
#include "hwtest/diag/diagjob.h"
#include "hwtest/diag/inputtest.h"
#include "hwtest/diag/ramtest.h"
#include "hwtest/diag/screentest.h"
#include "hwtest/diag/smart.h"
#include "hwtest/diag/surfacescan.h"
#include "inventory/assettag.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPointF>

#include <unistd.h>

namespace Etabli::Cli {

using namespace Etabli::HwTest;

namespace {

/// Progress on stderr, only for a person watching a terminal.
ProgressSink::Callback terminalProgress(Context &ctx)
{
    if (ctx.json || !isatty(STDERR_FILENO))
        return {};
    return [&ctx](double fraction, qint64 eta) {
        ctx.err << QStringLiteral("\r%1 %").arg(fraction * 100.0, 5, 'f', 1)
                << (eta >= 0 ? QCoreApplication::translate("CliTest", "  ETA %1 s   ").arg(eta) : QString());
        if (fraction >= 1.0)
            ctx.err << Qt::endl;
        ctx.err.flush();
    };
}

void printResult(Context &ctx, const TestResult &t)
{
    ctx.out << toString(t.verdict) << QStringLiteral("  ") << t.kind;
    const QJsonObject &m = t.measurements;
    const QString name = QStringList{m.value(QStringLiteral("model")).toString(),
                                     m.value(QStringLiteral("serial")).toString().isEmpty()
                                         ? QString()
                                         : QStringLiteral("SN:") + m.value(QStringLiteral("serial")).toString()}
                             .join(u' ')
                             .trimmed();
    if (!name.isEmpty())
        ctx.out << QStringLiteral("  ") << name;
    if (m.contains(QStringLiteral("power_on_hours")))
        ctx.out << QCoreApplication::translate("CliTest", "  %1 h powered on")
                       .arg(m.value(QStringLiteral("power_on_hours")).toInteger());
    ctx.out << Qt::endl << QStringLiteral("  ") << t.rule << Qt::endl;
}

/// Prints the results and records them on the asset when one was given.
int finish(Context &ctx, const QList<TestResult> &results, const QString &asset)
{
    if (!asset.isEmpty()) {
        auto tag = Inventory::AssetTag::parse(asset);
        if (!tag)
            return ctx.fail(tag.error());
        Inventory::Store *store = ctx.store();
        if (!store)
            return ctx.lastExitCode();
        if (auto r = AppCore::recordTestResults(*store, *tag, results); !r)
            return ctx.fail(r.error());
    }
    if (ctx.json) {
        if (results.size() == 1) {
            ctx.printJson(results.first().toJson());
        } else {
            QJsonArray list;
            for (const TestResult &t : results)
                list.append(t.toJson());
            ctx.printJson(list);
        }
    } else {
        for (const TestResult &t : results)
            printResult(ctx, t);
        if (!asset.isEmpty())
            ctx.out << QCoreApplication::translate("CliTest", "recorded on %1").arg(asset) << Qt::endl;
    }
    return 0;
}

Result<QByteArray> readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::NotFound,
                         QCoreApplication::translate("CliTest", "cannot read %1: %2").arg(path, f.errorString()));
    return f.readAll();
}

int diskCommand(Context &ctx, const QStringList &args)
{
    QCommandLineParser p;
    const QCommandLineOption fromJson(
        QStringLiteral("from-json"),
        QCoreApplication::translate("CliTest", "Saved smartctl -j -a output (or an array)"), QStringLiteral("FILE"));
    const QCommandLineOption fromBlob(QStringLiteral("from-blob"),
                                      QCoreApplication::translate("CliTest", "libatasmart blob (skdump --save)"),
                                      QStringLiteral("FILE"));
    const QCommandLineOption smart(QStringLiteral("smart"),
                                   QCoreApplication::translate("CliTest", "SMART verdict of DEVICE"));
    const QCommandLineOption surface(QStringLiteral("surface"),
                                     QCoreApplication::translate("CliTest", "Read scan of DEVICE (or a regular file)"));
    const QCommandLineOption chunk(QStringLiteral("chunk"),
                                   QCoreApplication::translate("CliTest", "Read size of the surface scan (default 4M)"),
                                   QStringLiteral("SIZE"));
    const QCommandLineOption asset(QStringLiteral("asset"),
                                   QCoreApplication::translate("CliTest", "Record the result on this asset"),
                                   QStringLiteral("TAG"));
    p.addOptions({fromJson, fromBlob, smart, surface, chunk, asset});
    Context sub(args, ctx.out, ctx.err);
    sub.json = ctx.json;
    if (!parseArgs(p, sub))
        return 2;
    const QStringList pos = p.positionalArguments();
    const QString tag = p.value(asset);
    const QString usage = QCoreApplication::translate(
        "CliTest", "usage: etabli test disk --from-json FILE | --from-blob FILE | DEVICE [--smart] [--surface]");

    if (p.isSet(fromJson) || p.isSet(fromBlob)) {
        if (!pos.isEmpty() || (p.isSet(fromJson) && p.isSet(fromBlob)))
            return ctx.usage(usage);
        const QDateTime started = QDateTime::currentDateTimeUtc();
        auto data = readFile(p.isSet(fromJson) ? p.value(fromJson) : p.value(fromBlob));
        if (!data)
            return ctx.fail(data.error());
        QList<SmartReport> reports;
        if (p.isSet(fromJson)) {
            auto parsed = parseSmartctlJson(*data);
            if (!parsed)
                return ctx.fail(parsed.error());
            reports = *parsed;
        } else {
            auto parsed = parseAtasmartBlob(*data);
            if (!parsed)
                return ctx.fail(parsed.error());
            reports.append(*parsed);
        }
        QList<TestResult> results;
        for (const SmartReport &r : reports) {
            TestResult t = evaluateSmart(r);
            t.startedAt = started;
            t.endedAt = QDateTime::currentDateTimeUtc();
            results.append(t);
        }
        return finish(ctx, results, tag);
    }

    if (pos.size() != 1)
        return ctx.usage(usage);
    const QString device = pos.first();
    const bool doSurface = p.isSet(surface);
    const bool doSmart = p.isSet(smart) || !doSurface;
    QList<TestResult> results;
    if (doSmart) {
        const QDateTime started = QDateTime::currentDateTimeUtc();
        auto report = readSmartDevice(device);
        if (!report)
            return ctx.fail(report.error());
        TestResult t = evaluateSmart(*report);
        t.startedAt = started;
        t.endedAt = QDateTime::currentDateTimeUtc();
        results.append(t);
    }
    if (doSurface) {
        SurfaceScanOptions options;
        if (p.isSet(chunk)) {
            auto bytes = parseByteSize(p.value(chunk));
            if (!bytes)
                return ctx.fail(bytes.error());
            if (*bytes % 4096 != 0 || *bytes > (256LL << 20))
                return ctx.usage(
                    QCoreApplication::translate("CliTest", "--chunk must be a multiple of 4 KiB, at most 256M"));
            options.chunkBytes = *bytes;
        }
        auto source = FileBlockSource::open(device);
        if (!source)
            return ctx.fail(source.error());
        const QDateTime started = QDateTime::currentDateTimeUtc();
        ProgressSink sink(nullptr, terminalProgress(ctx));
        const SurfaceScanReport rep = scanSurface(**source, options, &sink);
        TestResult t = evaluateSurface(rep, options, device);
        t.measurements.insert(QStringLiteral("o_direct"), (*source)->direct());
        t.startedAt = started;
        t.endedAt = QDateTime::currentDateTimeUtc();
        results.append(t);
    }
    return finish(ctx, results, tag);
}

int ramCommand(Context &ctx, const QStringList &args)
{
    QCommandLineParser p;
    const QCommandLineOption size(QStringLiteral("size"),
                                  QCoreApplication::translate("CliTest", "Bytes to test (512M, 4G)"),
                                  QStringLiteral("S"));
    const QCommandLineOption max(
        QStringLiteral("max"),
        QCoreApplication::translate("CliTest", "Test the largest safe share of free memory (default)"));
    const QCommandLineOption threads(QStringLiteral("threads"),
                                     QCoreApplication::translate("CliTest", "Worker threads (default: one per core)"),
                                     QStringLiteral("N"));
    const QCommandLineOption passes(QStringLiteral("passes"),
                                    QCoreApplication::translate("CliTest", "Passes (default 1)"), QStringLiteral("P"));
    const QCommandLineOption seed(QStringLiteral("seed"),
                                  QCoreApplication::translate("CliTest", "Seed of the random patterns (hex)"),
                                  QStringLiteral("X"));
    const QCommandLineOption patterns(QStringLiteral("patterns"),
                                      QCoreApplication::translate("CliTest", "Comma-separated subset of the patterns"),
                                      QStringLiteral("LIST"));
    const QCommandLineOption asset(QStringLiteral("asset"),
                                   QCoreApplication::translate("CliTest", "Record the result on this asset"),
                                   QStringLiteral("TAG"));
    // bench: the station runs the RAM test as this child process and reads its progress.
    const QCommandLineOption progressLines(
        QStringLiteral("progress-lines"),
        QCoreApplication::translate("CliTest", "Progress as JSON lines on stderr ({\"fraction\",\"eta_s\"})"));
    p.addOptions({size, max, threads, passes, seed, patterns, asset, progressLines});
    Context sub(args, ctx.out, ctx.err);
    sub.json = ctx.json;
    if (!parseArgs(p, sub))
        return 2;
    if (!p.positionalArguments().isEmpty() || (p.isSet(size) && p.isSet(max)))
        return ctx.usage(QCoreApplication::translate(
            "CliTest", "usage: etabli test ram [--size S|--max] [--threads N] [--passes P]"));

    RamTestOptions o;
    const qint64 safe = safeMaxRamBytes();
    if (p.isSet(size)) {
        auto bytes = parseByteSize(p.value(size));
        if (!bytes)
            return ctx.fail(bytes.error());
        if (*bytes > safe)
            return ctx.fail(makeError(
                ErrorCode::Refused,
                QCoreApplication::translate("CliTest", "%1 MiB is more than the %2 MiB that can be tested safely")
                    .arg(*bytes >> 20)
                    .arg(safe >> 20)));
        o.bytes = *bytes;
    } else {
        o.bytes = safe;
    }
    bool ok = true;
    if (p.isSet(threads) && ((o.threads = p.value(threads).toInt(&ok)) < 1 || !ok || o.threads > 1024))
        return ctx.usage(QCoreApplication::translate("CliTest", "--threads takes a number from 1 to 1024"));
    if (p.isSet(passes) && ((o.passes = p.value(passes).toInt(&ok)) < 1 || !ok || o.passes > 10000))
        return ctx.usage(QCoreApplication::translate("CliTest", "--passes takes a number from 1 to 10000"));
    if (p.isSet(seed) && ((o.seed = p.value(seed).toULongLong(&ok, 16)) == 0 || !ok))
        return ctx.usage(QCoreApplication::translate("CliTest", "--seed takes a non-zero hexadecimal number"));
    if (p.isSet(patterns)) {
        o.patterns.clear();
        for (const QString &name : p.value(patterns).split(u',', Qt::SkipEmptyParts)) {
            bool known = false;
            for (RamPattern r : allRamPatterns()) {
                if (toString(r) == name.trimmed()) {
                    o.patterns.append(r);
                    known = true;
                }
            }
            if (!known)
                return ctx.usage(QCoreApplication::translate("CliTest", "unknown pattern «%1»").arg(name));
        }
    }
    if (o.bytes < 4096)
        return ctx.fail(
            makeError(ErrorCode::InvalidArgument,
                      QCoreApplication::translate("CliTest", "nothing to test: less than 4 KiB available")));

    const QDateTime started = QDateTime::currentDateTimeUtc();
    ProgressSink::Callback progress = terminalProgress(ctx);
    if (p.isSet(progressLines))
        progress = [&ctx](double fraction, qint64 eta) {
            ctx.err << QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("fraction"), fraction},
                                                                   {QStringLiteral("eta_s"), double(eta)}})
                                             .toJson(QJsonDocument::Compact))
                    << Qt::endl;
        };
    ProgressSink sink(nullptr, progress);
    const RamTestReport rep = runRamTest(o, &sink);
    TestResult t = evaluateRam(rep);
    t.startedAt = started;
    t.endedAt = QDateTime::currentDateTimeUtc();
    if (!ctx.json && rep.errorCount > 0) {
        for (const RamError &e : rep.errors.mid(0, 10)) {
            QStringList bits;
            for (int b : e.bits())
                bits << QString::number(b);
            ctx.out << QCoreApplication::translate("CliTest", "error at 0x%1 (%2): expected %3 read %4, bits %5")
                           .arg(quint64(e.address), 0, 16)
                           .arg(toString(e.pattern))
                           .arg(e.expected, 16, 16, QLatin1Char('0'))
                           .arg(e.actual, 16, 16, QLatin1Char('0'))
                           .arg(bits.join(u','))
                    << Qt::endl;
        }
    }
    return finish(ctx, {t}, p.value(asset));
}

int audioCommand(Context &ctx, const QStringList &args)
{
    QCommandLineParser p;
    const QCommandLineOption wav(QStringLiteral("wav"),
                                 QCoreApplication::translate("CliTest", "Loopback recording to analyse"),
                                 QStringLiteral("FILE"));
    const QCommandLineOption writeTone(QStringLiteral("write-tone"),
                                       QCoreApplication::translate("CliTest", "Write the stereo test tone to FILE"),
                                       QStringLiteral("FILE"));
    const QCommandLineOption heard(
        QStringLiteral("heard"),
        QCoreApplication::translate("CliTest", "What the worker heard: both, left, right, none"),
        QStringLiteral("SIDES"));
    const QCommandLineOption leftHz(QStringLiteral("left-hz"),
                                    QCoreApplication::translate("CliTest", "Left tone (default 1000)"),
                                    QStringLiteral("HZ"));
    const QCommandLineOption rightHz(QStringLiteral("right-hz"),
                                     QCoreApplication::translate("CliTest", "Right tone (default 1500)"),
                                     QStringLiteral("HZ"));
    const QCommandLineOption asset(QStringLiteral("asset"),
                                   QCoreApplication::translate("CliTest", "Record the result on this asset"),
                                   QStringLiteral("TAG"));
    p.addOptions({wav, writeTone, heard, leftHz, rightHz, asset});
    Context sub(args, ctx.out, ctx.err);
    sub.json = ctx.json;
    if (!parseArgs(p, sub))
        return 2;
    LoopbackOptions o;
    bool ok1 = true, ok2 = true;
    if (p.isSet(leftHz))
        o.leftHz = p.value(leftHz).toDouble(&ok1);
    if (p.isSet(rightHz))
        o.rightHz = p.value(rightHz).toDouble(&ok2);
    if (!ok1 || !ok2 || o.leftHz < 50 || o.rightHz < 50 || o.leftHz > 8000 || o.rightHz > 8000 || o.leftHz == o.rightHz)
        return ctx.usage(
            QCoreApplication::translate("CliTest", "the tones must be two different frequencies from 50 to 8000 Hz"));
    const int modes = int(p.isSet(wav)) + int(p.isSet(writeTone)) + int(p.isSet(heard));
    if (modes != 1 || !p.positionalArguments().isEmpty())
        return ctx.usage(QCoreApplication::translate(
            "CliTest", "usage: etabli test audio --wav FILE | --write-tone FILE | --heard both|left|right|none"));
    const QDateTime started = QDateTime::currentDateTimeUtc();
    TestResult t;
    if (p.isSet(writeTone)) {
        QFile f(p.value(writeTone));
        if (!f.open(QIODevice::WriteOnly) || f.write(writeWav(makeStereoTone(48000, o.leftHz, o.rightHz, 2000))) < 0)
            return ctx.fail(makeError(
                ErrorCode::Io,
                QCoreApplication::translate("CliTest", "cannot write %1: %2").arg(f.fileName(), f.errorString())));
        ctx.out << QCoreApplication::translate("CliTest", "wrote %1: %2 ms of silence, then %3 Hz left and %4 Hz right")
                       .arg(f.fileName())
                       .arg(o.leadInMs)
                       .arg(o.leftHz)
                       .arg(o.rightHz)
                << Qt::endl;
        return 0;
    }
    if (p.isSet(heard)) {
        const QString h = p.value(heard);
        const QStringList sides{QStringLiteral("both"), QStringLiteral("left"), QStringLiteral("right"),
                                QStringLiteral("none")};
        if (!sides.contains(h))
            return ctx.usage(QCoreApplication::translate("CliTest", "--heard takes both, left, right or none"));
        t = evaluateListening(h == QLatin1String("both") || h == QLatin1String("left"),
                              h == QLatin1String("both") || h == QLatin1String("right"));
    } else {
        auto data = readFile(p.value(wav));
        if (!data)
            return ctx.fail(data.error());
        auto clip = parseWav(*data);
        if (!clip)
            return ctx.fail(clip.error());
        t = evaluateLoopback(*clip, o);
    }
    t.startedAt = started;
    t.endedAt = QDateTime::currentDateTimeUtc();
    return finish(ctx, {t}, p.value(asset));
}

Result<QList<InputEvent>> readEvents(const QString &path, bool umockdev)
{
    auto data = readFile(path);
    if (!data)
        return data.error();
    if (!umockdev)
        return parseEvdevStream(*data);
    auto raw = decodeUmockdevScript(*data);
    if (!raw)
        return raw.error();
    return parseEvdevStream(*raw);
}

// keyboard and mouse: coverage of recorded evdev events (a raw /dev/input/eventN
// capture, or an umockdev script recording).
int inputCommand(Context &ctx, const QStringList &args, bool keyboard)
{
    QCommandLineParser p;
    const QCommandLineOption events(QStringLiteral("events"),
                                    QCoreApplication::translate("CliTest", "Raw evdev capture (cat /dev/input/eventN)"),
                                    QStringLiteral("FILE"));
    const QCommandLineOption script(QStringLiteral("umockdev-script"),
                                    QCoreApplication::translate("CliTest", "umockdev script recording"),
                                    QStringLiteral("FILE"));
    const QCommandLineOption device(QStringLiteral("device"),
                                    QCoreApplication::translate("CliTest", "Live evdev device (/dev/input/eventN)"),
                                    QStringLiteral("PATH"));
    const QCommandLineOption seconds(
        QStringLiteral("seconds"),
        QCoreApplication::translate("CliTest", "How long to listen to --device (default 60)"), QStringLiteral("N"));
    const QCommandLineOption asset(QStringLiteral("asset"),
                                   QCoreApplication::translate("CliTest", "Record the result on this asset"),
                                   QStringLiteral("TAG"));
    p.addOptions({events, script, device, seconds, asset});
    Context sub(args, ctx.out, ctx.err);
    sub.json = ctx.json;
    if (!parseArgs(p, sub))
        return 2;
    if (int(p.isSet(events)) + int(p.isSet(script)) + int(p.isSet(device)) != 1 || !p.positionalArguments().isEmpty())
        return ctx.usage(QCoreApplication::translate(
            "CliTest",
            "usage: etabli test keyboard|mouse --events FILE | --umockdev-script FILE | --device PATH [--seconds N]"));
    bool ok = true;
    const int listen = p.isSet(seconds) ? p.value(seconds).toInt(&ok) : 60;
    if (!ok || listen < 1 || listen > 3600)
        return ctx.usage(QCoreApplication::translate("CliTest", "--seconds takes a number from 1 to 3600"));
    const QDateTime started = QDateTime::currentDateTimeUtc();
    QList<InputEvent> list;
    if (!p.isSet(device)) {
        auto read = readEvents(p.isSet(events) ? p.value(events) : p.value(script), p.isSet(script));
        if (!read)
            return ctx.fail(read.error());
        list = *read;
    }
    auto layout = frenchAzerty105();
    if (keyboard && !layout)
        return ctx.fail(layout.error());
    KeyboardCoverage keys(keyboard ? *layout : QList<PhysicalKey>{});
    MouseCoverage mouse;
    if (p.isSet(device)) {
        // Listen until every key (or mouse control) was seen or the time is up.
        auto read = readEvdevDevice(p.value(device), listen * 1000, [&](const InputEvent &e) {
            if (keyboard) {
                keys.feed(e);
                return keys.pressedCount() < keys.layout().size();
            }
            mouse.feed(e);
            return !mouse.missing().isEmpty();
        });
        if (!read)
            return ctx.fail(read.error());
    } else if (keyboard) {
        keys.feed(list);
    } else {
        mouse.feed(list);
    }
    TestResult t = keyboard ? keys.result() : mouse.result();
    t.startedAt = started;
    t.endedAt = QDateTime::currentDateTimeUtc();
    return finish(ctx, {t}, p.value(asset));
}

// The screen test is interactive in the app; here the worker's marks are given.
int screenCommand(Context &ctx, const QStringList &args)
{
    QCommandLineParser p;
    const QCommandLineOption defect(QStringLiteral("defect"),
                                    QCoreApplication::translate("CliTest", "A marked defect PATTERN:X,Y (0..1)"),
                                    QStringLiteral("MARK"));
    const QCommandLineOption model(QStringLiteral("model"),
                                   QCoreApplication::translate("CliTest", "Monitor model from the EDID"),
                                   QStringLiteral("TEXT"));
    const QCommandLineOption asset(QStringLiteral("asset"),
                                   QCoreApplication::translate("CliTest", "Record the result on this asset"),
                                   QStringLiteral("TAG"));
    p.addOptions({defect, model, asset});
    Context sub(args, ctx.out, ctx.err);
    sub.json = ctx.json;
    if (!parseArgs(p, sub))
        return 2;
    if (!p.positionalArguments().isEmpty())
        return ctx.usage(
            QCoreApplication::translate("CliTest", "usage: etabli test screen [--defect PATTERN:X,Y]… [--model M]"));
    const QDateTime started = QDateTime::currentDateTimeUtc();
    ScreenTest screen(p.value(model));
    QList<QPair<QString, QPointF>> marks;
    for (const QString &m : p.values(defect)) {
        const QStringList parts = m.split(u':');
        const QStringList xy = parts.value(1).split(u',');
        bool okx = false, oky = false;
        const double x = xy.value(0).toDouble(&okx), y = xy.value(1).toDouble(&oky);
        bool known = false;
        for (const ScreenPattern &s : ScreenTest::sequence())
            known |= s.name == parts.value(0);
        if (parts.size() != 2 || xy.size() != 2 || !okx || !oky || !known || x < 0 || x > 1 || y < 0 || y > 1)
            return ctx.usage(
                QCoreApplication::translate("CliTest", "bad defect «%1» (PATTERN:X,Y with X and Y from 0 to 1)")
                    .arg(m));
        marks.append({parts[0], QPointF(x, y)});
    }
    do {
        for (const auto &[pattern, point] : marks) {
            if (pattern == screen.pattern().name)
                screen.markDefect(point.x(), point.y());
        }
    } while (screen.next());
    TestResult t = screen.result();
    t.startedAt = started;
    t.endedAt = QDateTime::currentDateTimeUtc();
    return finish(ctx, {t}, p.value(asset));
}

int testCommand(Context &ctx)
{
    const QString verb = ctx.args.value(0);
    const QStringList rest = ctx.args.mid(1);
    if (verb == QLatin1String("disk"))
        return diskCommand(ctx, rest);
    if (verb == QLatin1String("ram"))
        return ramCommand(ctx, rest);
    if (verb == QLatin1String("audio"))
        return audioCommand(ctx, rest);
    if (verb == QLatin1String("keyboard") || verb == QLatin1String("mouse"))
        return inputCommand(ctx, rest, verb == QLatin1String("keyboard"));
    if (verb == QLatin1String("screen"))
        return screenCommand(ctx, rest);
    return ctx.usage(
        QCoreApplication::translate("CliTest", "usage: etabli test ram|disk|audio|keyboard|mouse|screen …"));
}

} // namespace

void registerTestCommands(Registry &registry)
{
    registry.add({QStringLiteral("test"),
                  QCoreApplication::translate(
                      "CliTest",
                      "  test ram [--size S|--max] [--threads N] [--passes P] [--asset TAG]\n"
                      "  test disk --from-json FILE | --from-blob FILE | DEVICE [--smart] [--surface] [--asset TAG]\n"
                      "  test audio --wav FILE | --write-tone FILE | --heard both|left|right|none [--asset TAG]\n"
                      "  test keyboard|mouse --events FILE | --umockdev-script FILE | --device PATH [--seconds N] "
                      "[--asset TAG]\n"
                      "  test screen [--defect PATTERN:X,Y]… [--model M] [--asset TAG]"),
                  testCommand});
}

} // namespace Etabli::Cli
