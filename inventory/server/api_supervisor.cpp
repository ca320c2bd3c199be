// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "inventory/server/api_supervisor.h"

#include "inventory/report/report.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

#include <optional>

namespace Etabli::Server::SupervisorApi {

namespace {

ApiResponse json(int status, const QJsonValue &value)
{
    ApiResponse r;
    r.status = status;
    r.body = value.isArray() ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)
                             : QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
    return r;
}

/// The error shape of api.cpp (README, "Errors in JSON").
ApiResponse failure(const Error &e)
{
    const int status = e.code == ErrorCode::InvalidArgument ? 400 : e.code == ErrorCode::NotFound ? 404 : 503;
    const QString code = status == 400 ? QStringLiteral("bad_request")
        : status == 404                ? QStringLiteral("not_found")
                                       : QStringLiteral("unavailable");
    QJsonObject o{{QStringLiteral("code"), code}, {QStringLiteral("message"), e.message}};
    if (!e.detail.isEmpty())
        o.insert(QStringLiteral("detail"), e.detail);
    QJsonObject body = o;
    body.insert(QStringLiteral("error"), o);
    return json(status, body);
}

struct Range {
    QDate from, to;
};

/// from/to: both, strict dates, from ≤ to; missing: the last 30 days up to today.
Result<Range> range(const QUrlQuery &q)
{
    const QDate today = QDateTime::currentDateTimeUtc().date();
    Range r{today.addDays(-29), today};
    for (auto [key, date] : {std::pair{"from", &r.from}, std::pair{"to", &r.to}}) {
        if (!q.hasQueryItem(QLatin1String(key)))
            continue;
        auto parsed = Inventory::Report::parseDate(q.queryItemValue(QLatin1String(key)), key);
        if (!parsed)
            return parsed.error();
        *date = *parsed;
    }
    if (r.from > r.to)
        return makeError(ErrorCode::InvalidArgument,
                         QCoreApplication::translate("Api", "«from» must not be after «to»"),
                         QStringLiteral("bad_parameter"));
    return r;
}

} // namespace

ApiResponse bilan(const ApiRequest &r, ServerStore &store, const TokenInfo &)
{
    auto period = range(r.query);
    if (!period)
        return failure(period.error());
    const QString format = r.query.queryItemValue(QStringLiteral("format"));
    if (!format.isEmpty() && format != QLatin1String("json") && format != QLatin1String("csv"))
        return failure(makeError(ErrorCode::InvalidArgument,
                                 QCoreApplication::translate("Api",
                                                             "«format» must be json or csv (the PDF is made by"
                                                             " «etabli report bilan»)"),
                                 QStringLiteral("bad_parameter")));
    auto b = store.bilan(period->from, period->to);
    if (!b)
        return failure(b.error());
    if (format == QLatin1String("csv") || (format.isEmpty() && r.accept.contains("text/csv"))) {
        ApiResponse resp;
        resp.body = Inventory::Report::bilanCsv(*b).toUtf8();
        resp.contentType = "text/csv; charset=utf-8";
        return resp;
    }
    return json(200, *b);
}

ApiResponse attention(const ApiRequest &r, ServerStore &store, const TokenInfo &)
{
    const auto item = [&r](const char *key) {
        return r.query.hasQueryItem(QLatin1String(key)) ? std::optional(r.query.queryItemValue(QLatin1String(key)))
                                                        : std::nullopt;
    };
    auto page = Inventory::Report::attentionQuery(item("kind"), item("offset"), item("limit"));
    if (!page)
        return failure(page.error());
    auto rows = store.attention(QDateTime::currentDateTimeUtc(), *page);
    if (!rows)
        return failure(rows.error());
    ApiResponse out;
    out.body = std::move(*rows);
    return out;
}

ApiResponse workshop(const ApiRequest &, ServerStore &store, const TokenInfo &)
{
    auto w = store.workshopSettings();
    if (!w)
        return failure(w.error());
    QJsonObject out = *w;
    out.insert(QStringLiteral("defaults"),
               QJsonObject{{QStringLiteral("reuse_kg"), Inventory::Report::builtInReuseKg()},
                           {QStringLiteral("limits"), Inventory::Report::builtInLimits()}});
    return json(200, out);
}

ApiResponse workers(const ApiRequest &, ServerStore &store, const TokenInfo &)
{
    auto w = store.workers();
    if (!w)
        return failure(w.error());
    return json(200, QJsonObject{{QStringLiteral("workers"), *w}});
}

std::optional<ApiResponse> addPeriodFigures(const ApiRequest &r, ServerStore &store, QJsonObject &figures)
{
    if (!r.query.hasQueryItem(QStringLiteral("from")) && !r.query.hasQueryItem(QStringLiteral("to"))
        && !r.query.hasQueryItem(QStringLiteral("lot")))
        return std::nullopt;
    auto period = range(r.query);
    if (!period)
        return failure(period.error());
    auto f = store.periodFigures(period->from, period->to, r.query.queryItemValue(QStringLiteral("lot")));
    if (!f)
        return failure(f.error());
    for (auto it = f->begin(); it != f->end(); ++it)
        figures.insert(it.key(), it.value());
    return std::nullopt;
}

} // namespace Etabli::Server::SupervisorApi
