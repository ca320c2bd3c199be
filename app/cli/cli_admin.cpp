// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
//
// etabli admin worker add|update|list, admin config set KEY VALUE | config show,
// admin token list|issue NAME ROLE|revoke NAME   ([--server URL --token T], --json)
// The workshop's administration (issue 13): every change is an event that names who made
// it (--worker); the use-cases are app/core/supervisordata.h.
#include "app/cli/cli.h"

#include "app/core/supervisordata.h"
#include "inventory/eventtypes.h"

#include <QCoreApplication>
#include <QDate>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Etabli::Cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Cli", text);
}

std::optional<AppCore::Supervisor::Source> adminSource(Context &ctx, const QCommandLineParser &p)
{
    AppCore::Supervisor::Source s;
    if (p.isSet(QStringLiteral("server"))) {
        s.server = QUrl(p.value(QStringLiteral("server")));
        s.token = p.value(QStringLiteral("token"));
        if (!s.server.isValid() || s.server.host().isEmpty() || s.token.isEmpty()) {
            ctx.usage(tr("--server needs http(s)://HOST:PORT and --token (a supervisor token)"));
            return std::nullopt;
        }
        return s;
    }
    s.store = ctx.store();
    if (!s.store)
        return std::nullopt;
    return s;
}

int workerCommand(Context &ctx, const QString &verb)
{
    QCommandLineParser p;
    p.addOptions({{QStringLiteral("server"), tr("Central server URL"), QStringLiteral("URL")},
                  {QStringLiteral("token"), tr("Supervisor token"), QStringLiteral("T")},
                  {QStringLiteral("badge"), tr("The worker's badge"), QStringLiteral("BADGE")},
                  {QStringLiteral("name"), tr("Name shown on the screens"), QStringLiteral("NAME")},
                  {QStringLiteral("role"), tr("worker, supervisor or desk"), QStringLiteral("ROLE")},
                  {QStringLiteral("photo"), tr("A photo (PNG or JPEG file)"), QStringLiteral("FILE")},
                  {QStringLiteral("guidance"), tr("Guidance level (1 most help … 3 least)"), QStringLiteral("N")},
                  {QStringLiteral("preferences"), tr("Preferences as a JSON object"), QStringLiteral("JSON")},
                  {QStringLiteral("active"), tr("yes or no (no: the worker left)"), QStringLiteral("YES|NO")}});
    if (!parseArgs(p, ctx))
        return 2;
    auto s = adminSource(ctx, p);
    if (!s)
        return ctx.lastExitCode() ? ctx.lastExitCode() : 2;
    if (verb == QLatin1String("list")) {
        auto w = AppCore::Supervisor::workers(*s);
        if (!w)
            return ctx.fail(w.error());
        if (ctx.json) {
            ctx.printJson(*w);
            return 0;
        }
        for (const QJsonValue &v : std::as_const(*w)) {
            const QJsonObject o = v.toObject();
            ctx.out << o.value(QStringLiteral("badge")).toString() << '\t'
                    << o.value(QStringLiteral("display_name")).toString() << '\t'
                    << o.value(QStringLiteral("role")).toString() << '\t'
                    << (o.value(QStringLiteral("active")).toBool(true) ? tr("active") : tr("left")) << Qt::endl;
        }
        return 0;
    }
    const bool add = verb == QLatin1String("add");
    if (!p.isSet(QStringLiteral("badge"))
        || (add && (!p.isSet(QStringLiteral("name")) || !p.isSet(QStringLiteral("role")))))
        return ctx.usage(tr("usage: etabli admin worker add --badge B --name N --role worker|supervisor|desk"
                            " [--photo FILE] [--guidance N] [--preferences JSON] | worker update --badge B [...]"
                            " [--active yes|no]"));
    QJsonObject payload{{QStringLiteral("badge"), p.value(QStringLiteral("badge"))}};
    if (p.isSet(QStringLiteral("name")))
        payload.insert(QStringLiteral("display_name"), p.value(QStringLiteral("name")));
    if (p.isSet(QStringLiteral("role")))
        payload.insert(QStringLiteral("role"), p.value(QStringLiteral("role")));
    if (p.isSet(QStringLiteral("photo"))) {
        QFile f(p.value(QStringLiteral("photo")));
        if (!f.open(QIODevice::ReadOnly))
            return ctx.fail(makeError(ErrorCode::NotFound, tr("cannot read %1").arg(f.fileName())));
        payload.insert(QStringLiteral("photo"), QString::fromLatin1(f.readAll().toBase64()));
    }
    QJsonObject accessibility;
    if (p.isSet(QStringLiteral("preferences"))) {
        const QJsonDocument doc = QJsonDocument::fromJson(p.value(QStringLiteral("preferences")).toUtf8());
        if (!doc.isObject())
            return ctx.usage(tr("--preferences must be a JSON object"));
        accessibility = doc.object();
    }
    if (p.isSet(QStringLiteral("guidance"))) {
        bool ok = false;
        const int level = p.value(QStringLiteral("guidance")).toInt(&ok);
        if (!ok || level < 1 || level > 3)
            return ctx.usage(tr("--guidance must be 1, 2 or 3"));
        accessibility.insert(QStringLiteral("guidance"), level);
    }
    if (!accessibility.isEmpty())
        payload.insert(QStringLiteral("accessibility"), accessibility);
    if (p.isSet(QStringLiteral("active"))) {
        if (add)
            return ctx.usage(tr("--active is for «worker update»"));
        const QString v = p.value(QStringLiteral("active"));
        if (v != QLatin1String("yes") && v != QLatin1String("no"))
            return ctx.usage(tr("--active must be yes or no"));
        payload.insert(QStringLiteral("active"), v == QLatin1String("yes"));
    }
    const QString type
        = add ? QString(Inventory::EventType::WorkerAdded) : QString(Inventory::EventType::WorkerUpdated);
    if (auto r = AppCore::Supervisor::administer(*s, type, payload, {ctx.station, ctx.worker}); !r)
        return ctx.fail(r.error());
    if (ctx.json)
        ctx.printJson(QJsonObject{{QStringLiteral("recorded"), type}, {QStringLiteral("by"), ctx.worker}});
    else
        ctx.out
            << tr("%1 recorded for %2 by %3").arg(type, payload.value(QStringLiteral("badge")).toString(), ctx.worker)
            << Qt::endl;
    return 0;
}

int configCommand(Context &ctx)
{
    QCommandLineParser p;
    p.addOptions({{QStringLiteral("server"), tr("Central server URL"), QStringLiteral("URL")},
                  {QStringLiteral("token"), tr("Supervisor token"), QStringLiteral("T")}});
    if (!parseArgs(p, ctx))
        return 2;
    const QStringList pos = p.positionalArguments();
    const QString verb = pos.value(0);
    if (!(verb == QLatin1String("show") && pos.size() == 1) && !(verb == QLatin1String("set") && pos.size() == 3))
        return ctx.usage(tr("usage: etabli admin config show | config set KEY VALUE (keys: bench_steps, min_spec,"
                            " master_name, master_version, label_template, limits, reuse_kg, city_name, logo;"
                            " lists and objects as JSON; logo=@FILE reads an image)"));
    auto s = adminSource(ctx, p);
    if (!s)
        return ctx.lastExitCode() ? ctx.lastExitCode() : 2;
    if (verb == QLatin1String("show")) {
        auto w = AppCore::Supervisor::workshop(*s);
        if (!w)
            return ctx.fail(w.error());
        ctx.printJson(*w);
        return 0;
    }
    const QString key = pos[1];
    QString text = pos[2];
    QJsonValue value = text;
    if (key == QLatin1String("logo") && text.startsWith(QLatin1Char('@'))) {
        QFile f(text.mid(1));
        if (!f.open(QIODevice::ReadOnly))
            return ctx.fail(makeError(ErrorCode::NotFound, tr("cannot read %1").arg(f.fileName())));
        value = QString::fromLatin1(f.readAll().toBase64());
    } else if (text.startsWith(QLatin1Char('[')) || text.startsWith(QLatin1Char('{'))) {
        const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8());
        if (doc.isNull())
            return ctx.usage(tr("%1: the value is not valid JSON").arg(key));
        value = doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
    }
    if (auto r = AppCore::Supervisor::administer(*s, QString(Inventory::EventType::WorkshopConfigured),
                                                 QJsonObject{{key, value}}, {ctx.station, ctx.worker});
        !r)
        return ctx.fail(r.error());
    if (ctx.json)
        ctx.printJson(QJsonObject{{QStringLiteral("configured"), key}, {QStringLiteral("by"), ctx.worker}});
    else
        ctx.out << tr("%1 set by %2").arg(key, ctx.worker) << Qt::endl;
    return 0;
}

int tokenCommand(Context &ctx)
{
    QCommandLineParser p;
    p.addOptions({{QStringLiteral("server"), tr("Central server URL"), QStringLiteral("URL")},
                  {QStringLiteral("token"), tr("Supervisor token"), QStringLiteral("T")}});
    if (!parseArgs(p, ctx))
        return 2;
    const QStringList pos = p.positionalArguments();
    const QString verb = pos.value(0);
    if (!(verb == QLatin1String("list") && pos.size() == 1) && !(verb == QLatin1String("issue") && pos.size() == 3)
        && !(verb == QLatin1String("revoke") && pos.size() == 2))
        return ctx.usage(tr("usage: etabli admin token list | token issue NAME station|desk|supervisor|ent |"
                            " token revoke NAME  --server URL --token T"));
    if (!p.isSet(QStringLiteral("server")))
        return ctx.usage(tr("tokens live on the server: give --server URL --token T"));
    auto s = adminSource(ctx, p);
    if (!s)
        return ctx.lastExitCode() ? ctx.lastExitCode() : 2;
    if (verb == QLatin1String("list")) {
        auto t = AppCore::Supervisor::tokens(*s);
        if (!t)
            return ctx.fail(t.error());
        ctx.printJson(*t);
        return 0;
    }
    if (verb == QLatin1String("issue")) {
        auto secret = AppCore::Supervisor::issueToken(*s, pos[1], pos[2]);
        if (!secret)
            return ctx.fail(secret.error());
        if (ctx.json)
            ctx.printJson(QJsonObject{{QStringLiteral("name"), pos[1]}, {QStringLiteral("token"), *secret}});
        else
            ctx.out << *secret << Qt::endl;
        return 0;
    }
    if (auto r = AppCore::Supervisor::revokeToken(*s, pos[1]); !r)
        return ctx.fail(r.error());
    ctx.out << tr("token %1 revoked").arg(pos[1]) << Qt::endl;
    return 0;
}

/// etabli admin asset TAG | admin activity worker|station ID [--from D --to D]: the detail
/// screens' reads (AppCore::Supervisor::assetDetail, workerDetail, stationDetail) as JSON.
int detailCommand(Context &ctx, const QString &noun)
{
    QCommandLineParser p;
    p.addOptions({{QStringLiteral("server"), tr("Central server URL"), QStringLiteral("URL")},
                  {QStringLiteral("token"), tr("Supervisor token"), QStringLiteral("T")},
                  {QStringLiteral("from"), tr("First day (YYYY-MM-DD)"), QStringLiteral("D")},
                  {QStringLiteral("to"), tr("Last day (YYYY-MM-DD)"), QStringLiteral("D")}});
    if (!parseArgs(p, ctx))
        return 2;
    const QStringList pos = p.positionalArguments();
    const bool asset = noun == QLatin1String("asset");
    if ((asset && pos.size() != 1)
        || (!asset && (pos.size() != 2 || (pos[0] != QLatin1String("worker") && pos[0] != QLatin1String("station")))))
        return ctx.usage(tr("usage: etabli admin asset TAG | admin activity worker|station ID [--from D --to D]"));
    QDate from(QDate::currentDate().year(), 1, 1), to = QDate::currentDate();
    for (const char *key : {"from", "to"}) {
        if (!p.isSet(QLatin1String(key)))
            continue;
        const QDate d = QDate::fromString(p.value(QLatin1String(key)), Qt::ISODate);
        if (!d.isValid())
            return ctx.usage(tr("--%1 must be a date YYYY-MM-DD").arg(QLatin1String(key)));
        (qstrcmp(key, "from") == 0 ? from : to) = d;
    }
    auto s = adminSource(ctx, p);
    if (!s)
        return ctx.lastExitCode() ? ctx.lastExitCode() : 2;
    auto detail = asset                     ? AppCore::Supervisor::assetDetail(*s, pos[0])
        : pos[0] == QLatin1String("worker") ? AppCore::Supervisor::workerDetail(*s, pos[1], from, to)
                                            : AppCore::Supervisor::stationDetail(*s, pos[1], from, to);
    if (!detail)
        return ctx.fail(detail.error());
    ctx.printJson(*detail);
    return 0;
}

int adminCommand(Context &ctx)
{
    const QString noun = ctx.args.value(0);
    const QString verb = ctx.args.value(1);
    if (noun == QLatin1String("worker")
        && (verb == QLatin1String("add") || verb == QLatin1String("update") || verb == QLatin1String("list"))) {
        ctx.args = ctx.args.mid(2);
        return workerCommand(ctx, verb);
    }
    if (noun == QLatin1String("config")) {
        ctx.args = ctx.args.mid(1);
        return configCommand(ctx);
    }
    if (noun == QLatin1String("token")) {
        ctx.args = ctx.args.mid(1);
        return tokenCommand(ctx);
    }
    if (noun == QLatin1String("asset") || noun == QLatin1String("activity")) { // supervisor screens' details
        ctx.args = ctx.args.mid(1);
        return detailCommand(ctx, noun);
    }
    return ctx.usage(tr("usage: etabli admin worker add|update|list … | config show|set … | token list|issue|revoke …"
                        " | asset TAG | activity worker|station ID"));
}

} // namespace

void registerAdminCommands(Registry &registry)
{
    registry.add({QStringLiteral("admin"),
                  QStringLiteral("  admin worker add|update|list [--badge B --name N --role R --photo FILE"
                                 " --guidance N --preferences JSON --active yes|no]\n"
                                 "  admin config show | config set KEY VALUE\n"
                                 "  admin token list | token issue NAME ROLE | token revoke NAME"
                                 "   [--server URL --token T]\n"
                                 "  admin asset TAG | activity worker|station ID [--from D --to D]   (JSON)"),
                  adminCommand});
}

} // namespace Etabli::Cli
