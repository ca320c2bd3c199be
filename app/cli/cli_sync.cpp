// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
//
// etabli sync [--server URL --token T] [--ca FILE] [--attempts N] | sync status
#include "app/cli/cli.h"

#include "app/core/erasure.h"
#include "inventory/store.h"
#include "inventory/sync/syncclient.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>

namespace Etabli::Cli {

namespace {

int statusCommand(Context &ctx, Inventory::Store &store)
{
    const qint64 pending = store.unpushedCount();
    const QString server = store.setting(QStringLiteral("sync.server"));
    const QString success = Sync::SyncClient::lastSuccess(store);
    const QString failure = Sync::SyncClient::lastError(store);
    const QString cursor = store.setting(QStringLiteral("sync.cursor"), QStringLiteral("0"));
    const auto rejected = store.rejectedEvents();
    if (ctx.json) {
        QJsonArray list;
        for (const auto &[e, reason] : rejected)
            list.append(QJsonObject{{QStringLiteral("uuid"), e.uuid},
                                    {QStringLiteral("type"), e.type},
                                    {QStringLiteral("asset_tag"), e.assetTag},
                                    {QStringLiteral("time"), Inventory::isoTime(e.time)},
                                    {QStringLiteral("reason"), reason}});
        ctx.printJson(QJsonObject{{QStringLiteral("pending"), pending},
                                  {QStringLiteral("server"), server},
                                  {QStringLiteral("last_success"), success},
                                  {QStringLiteral("last_error"), failure},
                                  {QStringLiteral("cursor"), cursor.toLongLong()},
                                  {QStringLiteral("rejected"), list}});
        return 0;
    }
    ctx.out << QCoreApplication::translate("Cli", "server: %1")
                   .arg(server.isEmpty() ? QCoreApplication::translate("Cli", "(none)") : server)
            << Qt::endl
            << QCoreApplication::translate("Cli", "pending: %1 event(s) not sent yet").arg(pending) << Qt::endl
            << QCoreApplication::translate("Cli", "last success: %1")
                   .arg(success.isEmpty() ? QCoreApplication::translate("Cli", "never") : success)
            << Qt::endl;
    if (!failure.isEmpty())
        ctx.out << QCoreApplication::translate("Cli", "last error: %1").arg(failure) << Qt::endl;
    if (!rejected.isEmpty())
        ctx.out << QCoreApplication::translate(
                       "Cli", "set aside: %1 event(s) the server refused, offered again at every sync:")
                       .arg(rejected.size())
                << Qt::endl;
    for (const auto &[e, reason] : rejected)
        ctx.out << QStringLiteral("  %1 %2 %3: %4").arg(Inventory::isoTime(e.time), e.type, e.assetTag, reason)
                << Qt::endl;
    return 0;
}

int syncCommand(Context &ctx)
{
    QCommandLineParser p;
    p.addOptions({
        {QStringLiteral("server"), QCoreApplication::translate("Cli", "Central server URL (remembered)"),
         QStringLiteral("URL")},
        {QStringLiteral("token"), QCoreApplication::translate("Cli", "Bearer token of this station (remembered)"),
         QStringLiteral("TOKEN")},
        {QStringLiteral("ca"),
         QCoreApplication::translate("Cli", "Extra trusted CA certificate (PEM) for a self-signed server"),
         QStringLiteral("FILE")},
        {QStringLiteral("attempts"),
         QCoreApplication::translate("Cli", "Tries before giving up, with backoff (default 5)"), QStringLiteral("N")},
        {QStringLiteral("batch"), QCoreApplication::translate("Cli", "Events per request (default 200)"),
         QStringLiteral("N")},
        {QStringLiteral("desk"),
         QCoreApplication::translate("Cli", "This is the distribution desk: keep beneficiaries (needs a desk token)")},
        {QStringLiteral("station-key-dir"),
         QCoreApplication::translate("Cli", "Folder of the station's signing key, endorsed by the server at enrolment"),
         QStringLiteral("DIR")},
    });
    if (!parseArgs(p, ctx))
        return 2;
    const QStringList pos = p.positionalArguments();
    if (pos.size() > 1 || (pos.size() == 1 && pos[0] != QLatin1String("status") && pos[0] != QLatin1String("run")))
        return ctx.usage(QCoreApplication::translate(
            "Cli", "usage: etabli sync [run] [--server URL --token T] [--ca FILE] [--attempts N] | sync status"));
    Inventory::Store *store = ctx.store();
    if (!store)
        return ctx.lastExitCode();
    if (pos.value(0) == QLatin1String("status"))
        return statusCommand(ctx, *store);

    Sync::SyncConfig config;
    const auto option = [&](const char *key) {
        const QString name = QLatin1String(key);
        return p.isSet(name) ? p.value(name) : store->setting(QStringLiteral("sync.") + name);
    };
    config.server = QUrl(option("server"));
    config.token = option("token");
    if (!config.server.isValid() || config.server.host().isEmpty()
        || (config.server.scheme() != QLatin1String("http") && config.server.scheme() != QLatin1String("https")))
        return ctx.usage(QCoreApplication::translate("Cli", "give the server once with --server http(s)://HOST:PORT"));
    if (auto url = Sync::SyncClient::checkServerUrl(config.server); !url)
        return ctx.fail(url.error()); // plain HTTP off loopback: exit 2, nothing remembered
    if (config.token.isEmpty())
        return ctx.usage(QCoreApplication::translate("Cli", "give this station's token once with --token"));
    // Remembered only once they look right, so a typo changes nothing.
    for (const char *key : {"server", "token"})
        if (auto s = store->setSetting(QStringLiteral("sync.") + QLatin1String(key), option(key)); !s)
            return ctx.fail(s.error());
    if (p.isSet(QStringLiteral("ca"))) {
        config.caCertificates = QSslCertificate::fromPath(p.value(QStringLiteral("ca")));
        if (config.caCertificates.isEmpty())
            return ctx.fail(makeError(
                ErrorCode::NotFound,
                QCoreApplication::translate("Cli", "no PEM certificate in %1").arg(p.value(QStringLiteral("ca")))));
    }
    bool ok = true;
    const int attempts = p.isSet(QStringLiteral("attempts")) ? p.value(QStringLiteral("attempts")).toInt(&ok) : 5;
    if (!ok || attempts < 1 || attempts > 100)
        return ctx.usage(QCoreApplication::translate("Cli", "--attempts must be 1 to 100"));
    config.batchSize = p.isSet(QStringLiteral("batch")) ? p.value(QStringLiteral("batch")).toInt(&ok) : 200;
    if (!ok || config.batchSize < 1 || config.batchSize > 1000)
        return ctx.usage(QCoreApplication::translate("Cli", "--batch must be 1 to 1000"));

    // --desk is remembered like the server: the store is then a desk's, which keeps
    // beneficiaries and takes `etabli desk import` (family data never on a bench).
    if (p.isSet(QStringLiteral("desk")))
        if (auto s = store->setSetting(QStringLiteral("sync.desk"), QStringLiteral("1")); !s)
            return ctx.fail(s.error());
    config.keepFamilyData = store->setting(QStringLiteral("sync.desk")) == QLatin1String("1");
    // Enrolment (issue 15): a bench offers its signing key until the workshop endorsed it.
    if (!config.keepFamilyData) {
        auto offer = AppCore::endorsementOffer(p.value(QStringLiteral("station-key-dir")));
        if (!offer)
            ctx.err << QCoreApplication::translate("Cli", "WARNING: no station key to endorse: %1")
                           .arg(offer.error().message)
                    << Qt::endl;
        else if (!offer->publicKey.isEmpty()) {
            config.stationPublicKey = offer->publicKey;
            config.installEndorsement = offer->install;
        }
    }
    Sync::SyncClient client(*store, config);
    auto report = client.syncBlocking(attempts);
    if (!report)
        return ctx.fail(report.error());
    if (report->endorsement == QLatin1String("failed"))
        ctx.err << QCoreApplication::translate("Cli", "WARNING: the station key was not endorsed: %1")
                       .arg(report->endorsementError)
                << Qt::endl;
    if (ctx.json) {
        ctx.printJson(QJsonObject{{QStringLiteral("sent"), report->sent},
                                  {QStringLiteral("stored"), report->pushed},
                                  {QStringLiteral("pulled"), report->pulled},
                                  {QStringLiteral("new_here"), report->newHere},
                                  {QStringLiteral("pending"), report->pending},
                                  {QStringLiteral("rejected"), report->rejected},
                                  {QStringLiteral("endorsement"), report->endorsement}});
        return 0;
    }
    ctx.out << QCoreApplication::translate(
                   "Cli", "sent %1 event(s) (%2 new on the server), received %3 (%4 new here), %5 pending")
                   .arg(report->sent)
                   .arg(report->pushed)
                   .arg(report->pulled)
                   .arg(report->newHere)
                   .arg(report->pending)
            << Qt::endl;
    if (report->endorsement == QLatin1String("installed"))
        ctx.out << QCoreApplication::translate("Cli", "the workshop endorsed this station's signing key") << Qt::endl;
    if (report->rejected > 0)
        ctx.err << QCoreApplication::translate(
                       "Cli", "WARNING: %1 event(s) refused by the server are set aside (see «etabli sync status»)")
                       .arg(report->rejected)
                << Qt::endl;
    return 0;
}

} // namespace

void registerSyncCommands(Registry &registry)
{
    registry.add({QStringLiteral("sync"),
                  QStringLiteral("  sync [--server URL --token T] [--ca FILE] [--attempts N] [--desk]"
                                 " [--station-key-dir DIR] | sync status"),
                  syncCommand});
}

} // namespace Etabli::Cli
