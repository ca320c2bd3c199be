// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
//
// wipe DEVICE: erase a disk (Clear or Purge), verify it, certify it, record it on an asset.
#include "app/cli/cli.h"

#include "app/core/erasure.h"
#include "imaging/erasepurge.h"
#include "imaging/target.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

#include <chrono>
#include <csignal>

namespace Etabli::Cli {

using namespace Etabli::Imaging;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Cli", text);
}

std::atomic<bool> g_cancel{false};

void onSignal(int)
{
    g_cancel = true;
}

QJsonObject driveJson(const DriveReport &d, const PurgeChoice &c)
{
    return QJsonObject{{QStringLiteral("bus"), d.bus},
                       {QStringLiteral("media"), d.media},
                       {QStringLiteral("model"), d.model},
                       {QStringLiteral("serial"), d.serial},
                       {QStringLiteral("bytes"), double(d.bytes)},
                       {QStringLiteral("native_bytes"), double(d.nativeBytes)},
                       {QStringLiteral("hpa_bytes"), double(d.hpaBytes)},
                       {QStringLiteral("dco_bytes"), double(d.dcoBytes)},
                       {QStringLiteral("security_frozen"), d.securityFrozen},
                       {QStringLiteral("sanitize_in_progress"), d.sanitizeInProgress},
                       {QStringLiteral("notes"), QJsonArray::fromStringList(d.notes)},
                       {QStringLiteral("purge_technique"), toString(c.technique)},
                       {QStringLiteral("purge_reason"), c.reason}};
}

/// --dry-run: what the drive offers and what `auto` would do; nothing is written.
int dryRun(Context &ctx, const QString &device, const QString &confirmSerial)
{
    SafetyOptions safety;
    safety.confirmSerial = confirmSerial;
    if (auto safe = checkTargetSafety(device, safety); !safe)
        return ctx.fail(safe.error());
    DriveReport drive;
    QString transportError;
    if (auto t = openPassThrough(device); t) {
        if (auto d = probeDrive(**t); d)
            drive = *d;
        else
            transportError = d.error().message;
    } else {
        transportError = t.error().message;
    }
    const PurgeChoice choice = choosePurge(drive);
    if (ctx.json) {
        QJsonObject o = driveJson(drive, choice);
        o.insert(QStringLiteral("device"), device);
        if (!transportError.isEmpty())
            o.insert(QStringLiteral("transport_error"), transportError);
        ctx.printJson(o);
        return 0;
    }
    ctx.out << tr("%1: %2 %3, serial %4").arg(device, drive.bus, drive.model, drive.serial) << Qt::endl;
    if (!transportError.isEmpty())
        ctx.out << tr("no firmware commands: %1").arg(transportError) << Qt::endl;
    for (const QString &n : drive.notes)
        ctx.out << QStringLiteral("  ") << n << Qt::endl;
    ctx.out << tr("auto would use: %1 (%2)").arg(toString(choice.technique), choice.reason) << Qt::endl;
    return 0;
}

int wipe(Context &ctx)
{
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("device"),
                            tr("Disk to erase (a block device, or a regular file for tests)"));
    p.addOption(
        {QStringLiteral("method"), tr("clear (overwrite), purge (firmware erase) or auto"), QStringLiteral("M")});
    p.addOption({QStringLiteral("pattern"), tr("zeros or random (default zeros)"), QStringLiteral("P"),
                 QStringLiteral("zeros")});
    p.addOption(
        {QStringLiteral("verify"), tr("full or sample (default full)"), QStringLiteral("V"), QStringLiteral("full")});
    p.addOption({QStringLiteral("certificate"), tr("Write the signed certificate there"), QStringLiteral("FILE")});
    p.addOption({QStringLiteral("asset"), tr("Record the erasure on this asset"), QStringLiteral("TAG")});
    p.addOption(
        {QStringLiteral("confirm-serial"), tr("The disk's serial number, as read on its label"), QStringLiteral("S")});
    p.addOption({QStringLiteral("restore-hidden"), tr("Remove a hidden area (HPA/DCO) before erasing")});
    p.addOption({QStringLiteral("workshop"), tr("Workshop name on the certificate (default $ETABLI_WORKSHOP)"),
                 QStringLiteral("NAME")});
    p.addOption({QStringLiteral("station-key-dir"), tr("Folder of the station's signing key"), QStringLiteral("DIR")});
    p.addOption({QStringLiteral("sample-seed"), tr("Seed of the sample plan (default random)"), QStringLiteral("N")});
    p.addOption({QStringLiteral("dry-run"), tr("Show what the drive offers and what auto would do; write nothing")});
    if (!parseArgs(p, ctx))
        return 2;
    const QStringList pos = p.positionalArguments();
    if (pos.size() != 1)
        return ctx.usage(tr("usage: etabli wipe DEVICE --method clear|purge|auto [--pattern zeros|random]"
                            " [--verify full|sample] [--certificate FILE.json] [--asset TAG] [--confirm-serial S]"));
    const QString device = pos.first();
    if (p.isSet(QStringLiteral("dry-run")))
        return dryRun(ctx, device, p.value(QStringLiteral("confirm-serial")));
    if (!p.isSet(QStringLiteral("method")))
        return ctx.usage(tr("--method is required: clear, purge or auto"));
    auto method = AppCore::parseErasureMethod(p.value(QStringLiteral("method")));
    if (!method)
        return ctx.fail(method.error());
    auto pattern = parseErasePattern(p.value(QStringLiteral("pattern")));
    if (!pattern)
        return ctx.fail(pattern.error());
    auto verify = parseVerifyMode(p.value(QStringLiteral("verify")));
    if (!verify || *verify == VerifyMode::None)
        return ctx.fail(verify ? makeError(ErrorCode::InvalidArgument, tr("--verify must be full or sample"))
                               : verify.error());
    AppCore::ErasureRequest r;
    r.device = device;
    r.method = *method;
    r.pattern = *pattern;
    r.verify = *verify;
    r.confirmSerial = p.value(QStringLiteral("confirm-serial"));
    r.restoreHiddenAreas = p.isSet(QStringLiteral("restore-hidden"));
    r.assetTag = p.value(QStringLiteral("asset"));
    r.certificatePath = p.value(QStringLiteral("certificate"));
    r.stationKeyDir = p.value(QStringLiteral("station-key-dir"));
    r.workshop = p.isSet(QStringLiteral("workshop")) ? p.value(QStringLiteral("workshop"))
                                                     : qEnvironmentVariable("ETABLI_WORKSHOP");
    r.station = ctx.station;
    r.worker = ctx.worker;
    r.softwareVersion = QStringLiteral(ETABLI_VERSION);
    if (p.isSet(QStringLiteral("sample-seed"))) {
        bool ok = false;
        r.sampleSeed = p.value(QStringLiteral("sample-seed")).toULongLong(&ok);
        if (!ok || r.sampleSeed == 0)
            return ctx.usage(tr("--sample-seed must be a positive integer"));
    }
    Inventory::Store *store = nullptr;
    if (!r.assetTag.isEmpty()) {
        store = ctx.store();
        if (!store)
            return ctx.lastExitCode();
    }
    auto last = std::chrono::steady_clock::now() - std::chrono::seconds(10);
    r.progress = [&](const QString &phase, const EraseProgress &pr) {
        const auto now = std::chrono::steady_clock::now();
        if (now - last < std::chrono::seconds(1) && pr.bytesDone < pr.bytesTotal)
            return;
        last = now;
        const double pct = pr.bytesTotal > 0 ? 100.0 * double(pr.bytesDone) / double(pr.bytesTotal) : 0;
        ctx.err << tr("%1 %2 %  %3 MiB/s").arg(phase).arg(pct, 0, 'f', 1).arg(pr.mibPerSecond, 0, 'f', 0) << Qt::endl;
    };
    r.notice = [&](const QString &line) { ctx.err << line << Qt::endl; };
    r.cancel = &g_cancel;
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);

    AppCore::ErasureOutcome outcome;
    auto done = AppCore::eraseDisk(r, store, &outcome);
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    const bool certified = !outcome.certificate.isEmpty();
    if (!done && !certified)
        return ctx.fail(done.error());
    const QString id = outcome.certificate.value(QStringLiteral("id")).toString();
    if (ctx.json) {
        QJsonObject o{{QStringLiteral("device"), device},
                      {QStringLiteral("method"), outcome.method},
                      {QStringLiteral("technique"), outcome.technique},
                      {QStringLiteral("reason"), outcome.reason},
                      {QStringLiteral("verified"), outcome.verified},
                      {QStringLiteral("erasure"), outcome.clear.toJson()},
                      {QStringLiteral("certificate_id"), id}};
        if (!r.certificatePath.isEmpty())
            o.insert(QStringLiteral("certificate_path"), r.certificatePath);
        if (!outcome.eventUuid.isEmpty())
            o.insert(QStringLiteral("event"), outcome.eventUuid);
        if (!done)
            o.insert(QStringLiteral("error"), done.error().message);
        ctx.printJson(o);
    } else {
        ctx.out << tr("%1: %2 (%3), %4 bytes, pattern %5, verification %6: %7")
                       .arg(device, outcome.method, outcome.technique)
                       .arg(outcome.clear.bytes)
                       .arg(toString(r.pattern), toString(r.verify), outcome.verified ? tr("passed") : tr("FAILED"))
                << Qt::endl;
        ctx.out << tr("write %1 MiB/s, verify %2 MiB/s")
                       .arg(outcome.clear.writeMibPerSecond, 0, 'f', 0)
                       .arg(outcome.clear.verifyMibPerSecond, 0, 'f', 0)
                << Qt::endl;
        if (r.verify == VerifyMode::Sample)
            ctx.out << tr("sample plan: %1").arg(outcome.clear.plan.describe()) << Qt::endl;
        ctx.out << tr("certificate %1%2")
                       .arg(id, r.certificatePath.isEmpty() ? QString() : QStringLiteral(" → ") + r.certificatePath)
                << Qt::endl;
        if (!outcome.eventUuid.isEmpty())
            ctx.out << tr("recorded on %1").arg(r.assetTag) << Qt::endl;
    }
    if (!done) {
        ctx.err << done.error().message << Qt::endl;
        return exitCodeFor(done.error().code);
    }
    return 0;
}

} // namespace

void registerWipeCommands(Registry &registry)
{
    registry.add({QStringLiteral("wipe"),
                  QCoreApplication::translate("Cli",
                                              "  wipe DEVICE --method clear|purge|auto [--pattern zeros|random]"
                                              " [--verify full|sample] [--certificate FILE.json] [--asset TAG]"
                                              " [--confirm-serial S] [--restore-hidden] [--dry-run]"),
                  wipe});
}

} // namespace Etabli::Cli
