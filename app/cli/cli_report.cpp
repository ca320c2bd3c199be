// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
//
// etabli report bilan --from YYYY-MM-DD --to YYYY-MM-DD --format pdf|csv|json -o FILE [--server URL --token T]
// etabli report figures [--from D --to D] [--lot L] | report attention [--kind K] [--offset N] [--limit N]
//   (--json, [--server URL --token T])
// The supervisor's reports (issue 13); the use-cases are app/core/supervisordata.h.
#include "app/cli/cli.h"

#include "app/core/supervisordata.h"
#include "common/appdefaults.h"
#include "inventory/privatefile.h"
#include "inventory/report/report.h"
#include "labels/bilanpdf.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QSaveFile>

namespace Etabli::Cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Cli", text);
}

QList<QCommandLineOption> sourceOptions()
{
    return {{QStringLiteral("server"), tr("Central server URL (a supervisor token)"), QStringLiteral("URL")},
            {QStringLiteral("token"), tr("Supervisor token"), QStringLiteral("T")}};
}

/// The server when --server is given, else the local inventory (null on failure: the exit code is in ctx).
std::optional<AppCore::Supervisor::Source> source(Context &ctx, const QCommandLineParser &p)
{
    AppCore::Supervisor::Source s;
    if (p.isSet(QStringLiteral("server"))) {
        s.server = QUrl(p.value(QStringLiteral("server")));
        s.token = p.value(QStringLiteral("token"));
        if (!s.server.isValid() || s.server.host().isEmpty()
            || (s.server.scheme() != QLatin1String("http") && s.server.scheme() != QLatin1String("https"))) {
            ctx.usage(tr("--server must be http(s)://HOST:PORT"));
            return std::nullopt;
        }
        if (s.token.isEmpty()) {
            ctx.usage(tr("--server needs --token (a supervisor token)"));
            return std::nullopt;
        }
        return s;
    }
    s.store = ctx.store();
    if (!s.store)
        return std::nullopt;
    return s;
}

int exitOf(Context &ctx)
{
    return ctx.lastExitCode() ? ctx.lastExitCode() : 2;
}

int bilanCommand(Context &ctx)
{
    QCommandLineParser p;
    p.addOptions(sourceOptions());
    p.addOptions({{QStringLiteral("from"), tr("First day (YYYY-MM-DD)"), QStringLiteral("DATE")},
                  {QStringLiteral("to"), tr("Last day (YYYY-MM-DD)"), QStringLiteral("DATE")},
                  {QStringLiteral("format"), tr("pdf, csv or json"), QStringLiteral("FORMAT")},
                  {{QStringLiteral("o"), QStringLiteral("output")}, tr("The file to write"), QStringLiteral("FILE")}});
    if (!parseArgs(p, ctx))
        return 2;
    if (!p.isSet(QStringLiteral("from")) || !p.isSet(QStringLiteral("to")) || !p.isSet(QStringLiteral("format"))
        || !p.isSet(QStringLiteral("o")))
        return ctx.usage(tr("usage: etabli report bilan --from YYYY-MM-DD --to YYYY-MM-DD --format pdf|csv|json -o FILE"
                            " [--server URL --token T]"));
    auto from = Inventory::Report::parseDate(p.value(QStringLiteral("from")), "--from");
    auto to = Inventory::Report::parseDate(p.value(QStringLiteral("to")), "--to");
    if (!from)
        return ctx.fail(from.error());
    if (!to)
        return ctx.fail(to.error());
    if (*from > *to)
        return ctx.usage(tr("--from must not be after --to"));
    const QString format = p.value(QStringLiteral("format"));
    if (format != QLatin1String("pdf") && format != QLatin1String("csv") && format != QLatin1String("json"))
        return ctx.usage(tr("--format must be pdf, csv or json"));
    const QString file = p.value(QStringLiteral("o"));
    if (QFile::exists(file))
        return ctx.fail(makeError(ErrorCode::Conflict, tr("%1 already exists: give another file").arg(file)));
    auto s = source(ctx, p);
    if (!s)
        return exitOf(ctx);
    auto b = AppCore::Supervisor::bilan(*s, *from, *to);
    if (!b)
        return ctx.fail(b.error());
    if (format == QLatin1String("pdf")) {
        auto settings = AppCore::Supervisor::workshop(*s);
        if (!settings)
            return ctx.fail(settings.error());
        // The council reads French (issue 13), whatever the language of this shell.
        if (QLocale().language() != QLocale::French) {
            Etabli::installLanguage(*QCoreApplication::instance(), QStringLiteral("fr"));
            QLocale::setDefault(QLocale(QLocale::French, QLocale::France));
        }
        if (auto w = Labels::writeBilanPdf(file, *b, settings->value(QStringLiteral("logo")).toString()); !w)
            return ctx.fail(w.error());
    } else {
        const QByteArray bytes = format == QLatin1String("json") ? QJsonDocument(*b).toJson(QJsonDocument::Indented)
                                                                 : Inventory::Report::bilanCsv(*b).toUtf8();
        QSaveFile out(file);
        if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size() || !out.commit())
            return ctx.fail(makeError(ErrorCode::Io, tr("cannot write %1: %2").arg(file, out.errorString())));
    }
    if (ctx.json)
        ctx.printJson(QJsonObject{{QStringLiteral("written"), file}, {QStringLiteral("format"), format}});
    else
        ctx.out << tr("bilan %1 → %2 written to %3").arg(from->toString(Qt::ISODate), to->toString(Qt::ISODate), file)
                << Qt::endl;
    return 0;
}

int figuresCommand(Context &ctx)
{
    QCommandLineParser p;
    p.addOptions(sourceOptions());
    p.addOptions({{QStringLiteral("from"), tr("First day (YYYY-MM-DD)"), QStringLiteral("DATE")},
                  {QStringLiteral("to"), tr("Last day (YYYY-MM-DD)"), QStringLiteral("DATE")},
                  {QStringLiteral("lot"), tr("Only this lot"), QStringLiteral("LOT")}});
    if (!parseArgs(p, ctx))
        return 2;
    const QDate today = QDateTime::currentDateTimeUtc().date();
    QDate from = today.addDays(-29), to = today;
    if (p.isSet(QStringLiteral("from"))) {
        auto d = Inventory::Report::parseDate(p.value(QStringLiteral("from")), "--from");
        if (!d)
            return ctx.fail(d.error());
        from = *d;
    }
    if (p.isSet(QStringLiteral("to"))) {
        auto d = Inventory::Report::parseDate(p.value(QStringLiteral("to")), "--to");
        if (!d)
            return ctx.fail(d.error());
        to = *d;
    }
    auto s = source(ctx, p);
    if (!s)
        return exitOf(ctx);
    auto f = AppCore::Supervisor::figures(*s, from, to, p.value(QStringLiteral("lot")));
    if (!f)
        return ctx.fail(f.error());
    ctx.printJson(*f);
    return 0;
}

int attentionCommand(Context &ctx)
{
    QCommandLineParser p;
    p.addOptions(sourceOptions());
    p.addOptions({{QStringLiteral("kind"), tr("Only the rows of this kind"), QStringLiteral("KIND")},
                  {QStringLiteral("offset"), tr("The first row given (0: the first)"), QStringLiteral("N")},
                  {QStringLiteral("limit"), tr("At most this many rows"), QStringLiteral("N")}});
    if (!parseArgs(p, ctx))
        return 2;
    const auto given
        = [&p](const QString &name) { return p.isSet(name) ? std::optional(p.value(name)) : std::nullopt; };
    auto page = Inventory::Report::attentionQuery(given(QStringLiteral("kind")), given(QStringLiteral("offset")),
                                                  given(QStringLiteral("limit")));
    if (!page)
        return ctx.usage(page.error().message);
    const bool paged
        = p.isSet(QStringLiteral("kind")) || p.isSet(QStringLiteral("offset")) || p.isSet(QStringLiteral("limit"));
    auto s = source(ctx, p);
    if (!s)
        return exitOf(ctx);
    auto got = AppCore::Supervisor::attentionPage(*s, QDateTime::currentDateTimeUtc(), *page);
    if (!got)
        return ctx.fail(got.error());
    const QJsonArray rows = got->value(QStringLiteral("attention")).toArray();
    if (ctx.json) {
        // Without a page option, the rows alone (as before paging existed).
        if (paged)
            ctx.printJson(*got);
        else
            ctx.printJson(rows);
        return 0;
    }
    for (const QJsonValue &v : rows) {
        const QJsonObject r = v.toObject();
        const QJsonObject link = r.value(QStringLiteral("link")).toObject();
        ctx.out << r.value(QStringLiteral("kind")).toString() << '\t' << link.value(QStringLiteral("type")).toString()
                << ' ' << link.value(QStringLiteral("id")).toString() << '\t'
                << r.value(QStringLiteral("since")).toString() << '\t' << r.value(QStringLiteral("detail")).toString()
                << Qt::endl;
    }
    if (paged) {
        const qint64 count = got->value(QStringLiteral("count")).toInteger();
        const QJsonValue next = got->value(QStringLiteral("next"));
        ctx.err << (rows.isEmpty()
                        ? tr("no rows here; %1 in all").arg(count)
                        : tr("rows %1 to %2 of %3").arg(page->offset + 1).arg(page->offset + rows.size()).arg(count))
                << (next.isNull() ? QString() : tr("; next page: --offset %1").arg(next.toInteger())) << Qt::endl;
    }
    return 0;
}

int reportCommand(Context &ctx)
{
    const QString verb = ctx.args.value(0);
    ctx.args.removeFirst();
    if (verb == QLatin1String("bilan"))
        return bilanCommand(ctx);
    if (verb == QLatin1String("figures"))
        return figuresCommand(ctx);
    if (verb == QLatin1String("attention"))
        return attentionCommand(ctx);
    return ctx.usage(tr("usage: etabli report bilan|figures|attention …"));
}

} // namespace

void registerReportCommands(Registry &registry)
{
    registry.add({QStringLiteral("report"),
                  QStringLiteral("  report bilan --from YYYY-MM-DD --to YYYY-MM-DD --format pdf|csv|json -o FILE"
                                 " [--server URL --token T]\n"
                                 "  report figures [--from D --to D] [--lot L] | report attention [--kind K]"
                                 " [--offset N] [--limit N] [--server URL --token T]"),
                  [](Context &ctx) {
                      if (ctx.args.isEmpty())
                          ctx.args << QString();
                      return reportCommand(ctx);
                  }});
}

} // namespace Etabli::Cli
