// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "app/core/supervisordata.h"
#include "app/core/serverrequest.h"

#include "app/core/benchflow.h"
#include "inventory/eventrules.h"
#include "inventory/report/report.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QUrlQuery>
#include <QUuid>

namespace Etabli::AppCore::Supervisor {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Etabli::AppCore::Supervisor", text);
}

Result<QJsonDocument> request(const Source &s, const QByteArray &method, const QString &path,
                              const QUrlQuery &query = {}, const QJsonObject &body = {})
{
    return serverRequest(s.server, s.token, method, path, query, body);
}

Result<void> foldLocal(const Source &s, Inventory::Report::Ledger &ledger, const QDateTime &until = {})
{
    if (!s.store)
        return makeError(ErrorCode::InvalidArgument, tr("no server and no local inventory"));
    return Inventory::Report::readLog(s.store->database(), ledger, until);
}

QUrlQuery period(QDate from, QDate to)
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("from"), from.toString(Qt::ISODate));
    q.addQueryItem(QStringLiteral("to"), to.toString(Qt::ISODate));
    return q;
}

/// Every event of the log, oldest first (over a server: GET /api/v1/events page by page).
Result<QList<Inventory::Event>> allEvents(const Source &s)
{
    if (!s.remote()) {
        if (!s.store)
            return makeError(ErrorCode::InvalidArgument, tr("no server and no local inventory"));
        return s.store->events(0);
    }
    QList<Inventory::Event> out;
    qint64 since = 0;
    for (;;) {
        QUrlQuery q;
        q.addQueryItem(QStringLiteral("since"), QString::number(since));
        q.addQueryItem(QStringLiteral("limit"), QStringLiteral("5000"));
        auto doc = request(s, "GET", QStringLiteral("/api/v1/events"), q);
        if (!doc)
            return doc.error();
        const QJsonObject page = doc->object();
        for (const QJsonValue &v : page.value(QStringLiteral("events")).toArray()) {
            auto e = Inventory::eventFromJson(v.toObject());
            if (e)
                out << *e;
        }
        const qint64 cursor = page.value(QStringLiteral("cursor")).toInteger();
        if (!page.value(QStringLiteral("more")).toBool() || cursor <= since)
            break;
        since = cursor;
    }
    return out;
}

} // namespace

Result<QJsonObject> assetDetail(const Source &s, const QString &tag)
{
    QJsonObject asset;
    QList<Inventory::Event> history;
    if (s.remote()) {
        auto doc
            = request(s, "GET", QStringLiteral("/api/v1/assets/") + QString::fromLatin1(QUrl::toPercentEncoding(tag)));
        if (!doc)
            return doc.error();
        asset = doc->object();
        auto all = allEvents(s);
        if (!all)
            return all.error();
        for (const Inventory::Event &e : std::as_const(*all))
            if (e.assetTag == asset.value(QStringLiteral("tag")).toString())
                history << e;
    } else {
        if (!s.store)
            return makeError(ErrorCode::InvalidArgument, tr("no server and no local inventory"));
        auto a = s.store->asset(tag);
        if (!a)
            return a.error();
        asset = Inventory::toJson(*a);
        history = s.store->eventsForAsset(a->tag);
    }
    QJsonArray rows;
    QDateTime since;
    for (const Inventory::Event &e : std::as_const(history)) {
        rows.append(Inventory::toJson(e));
        if (e.type == Inventory::EventType::AssetMoved || e.type == Inventory::EventType::AssetAdded)
            since = e.time;
    }
    return QJsonObject{{QStringLiteral("asset"), asset},
                       {QStringLiteral("history"), rows},
                       {QStringLiteral("since"), since.isValid() ? since.toString(Qt::ISODate) : QString()}};
}

namespace {

Result<QJsonObject> activity(const Source &s, bool ofStation, const QString &badge, QDate from, QDate to)
{
    if (badge.trimmed().isEmpty())
        return makeError(ErrorCode::InvalidArgument, tr("give the worker's badge"));
    if (!from.isValid() || !to.isValid() || from > to)
        return makeError(ErrorCode::InvalidArgument, tr("the period is not valid"));
    QJsonObject card;
    if (!ofStation) {
        auto cards = workers(s);
        if (!cards)
            return cards.error();
        for (const QJsonValue &v : std::as_const(*cards))
            if (v.toObject().value(QStringLiteral("badge")).toString() == badge)
                card = v.toObject();
    }
    auto all = allEvents(s);
    if (!all)
        return all.error();
    const QDateTime start(from, QTime(0, 0), Qt::UTC), end(to.addDays(1), QTime(0, 0), Qt::UTC);
    QJsonArray rows;
    QJsonObject counts;
    for (const Inventory::Event &e : std::as_const(*all)) {
        if ((ofStation ? e.station : e.worker) != badge || e.time < start || e.time >= end)
            continue;
        rows.append(Inventory::toJson(e));
        counts.insert(e.type, counts.value(e.type).toInt() + 1);
    }
    if (card.isEmpty() && rows.isEmpty())
        return makeError(ErrorCode::NotFound,
                         ofStation ? tr("no station named %1").arg(badge)
                                   : tr("no worker with the badge %1").arg(badge));
    return QJsonObject{{QStringLiteral("badge"), badge},
                       {QStringLiteral("card"), card},
                       {QStringLiteral("events"), rows},
                       {QStringLiteral("counts"), counts}};
}

} // namespace

Result<QJsonObject> workerDetail(const Source &s, const QString &badge, QDate from, QDate to)
{
    return activity(s, false, badge, from, to);
}

Result<QJsonObject> stationDetail(const Source &s, const QString &station, QDate from, QDate to)
{
    return activity(s, true, station, from, to);
}

Result<QJsonObject> bilan(const Source &s, QDate from, QDate to)
{
    if (s.remote()) {
        auto doc = request(s, "GET", QStringLiteral("/api/v1/reports/bilan"), period(from, to));
        if (!doc)
            return doc.error();
        return doc->object();
    }
    Inventory::Report::Ledger ledger;
    if (auto r = foldLocal(s, ledger, QDateTime(to.addDays(1), QTime(0, 0), Qt::UTC)); !r)
        return r.error();
    return ledger.bilan(from, to);
}

Result<QJsonObject> figures(const Source &s, QDate from, QDate to, const QString &lot)
{
    if (s.remote()) {
        QUrlQuery q = period(from, to);
        if (!lot.isEmpty())
            q.addQueryItem(QStringLiteral("lot"), lot);
        auto doc = request(s, "GET", QStringLiteral("/api/v1/figures"), q);
        if (!doc)
            return doc.error();
        return doc->object();
    }
    Inventory::Report::Ledger ledger;
    if (auto r = foldLocal(s, ledger); !r)
        return r.error();
    return ledger.figures(from, to, lot);
}

Result<QJsonArray> attention(const Source &s, const QDateTime &now)
{
    auto page = attentionPage(s, now, {});
    if (!page)
        return page.error();
    return page->value(QStringLiteral("attention")).toArray();
}

Result<QJsonObject> attentionPage(const Source &s, const QDateTime &now, const Inventory::Report::AttentionQuery &page)
{
    if (s.remote()) {
        QUrlQuery q;
        if (!page.kind.isEmpty())
            q.addQueryItem(QStringLiteral("kind"), page.kind);
        if (page.offset > 0)
            q.addQueryItem(QStringLiteral("offset"), QString::number(page.offset));
        if (page.limit >= 0)
            q.addQueryItem(QStringLiteral("limit"), QString::number(page.limit));
        auto doc = request(s, "GET", QStringLiteral("/api/v1/attention"), q);
        if (!doc)
            return doc.error();
        return doc->object();
    }
    Inventory::Report::Ledger ledger;
    if (auto r = foldLocal(s, ledger); !r)
        return r.error();
    Inventory::Report::SyncFacts facts;
    for (const Inventory::Store::RejectedEvent &r : s.store->rejectedEvents()) {
        Inventory::Event e = r.event;
        e.note = r.reason;
        facts.setAside << e;
    }
    // A station that syncs with a server is late when its oldest unsent event is a day old.
    if (!s.store->setting(QStringLiteral("sync.server")).isEmpty()) {
        const QList<Inventory::Event> unsent = s.store->unpushedEvents(1);
        if (!unsent.isEmpty())
            facts.lastReceived.insert(s.store->identity().station, unsent.first().time);
    }
    return ledger.attentionPage(now, facts, page);
}

Result<QJsonObject> workshop(const Source &s)
{
    if (s.remote()) {
        auto doc = request(s, "GET", QStringLiteral("/api/v1/admin/workshop"));
        if (!doc)
            return doc.error();
        return doc->object();
    }
    Inventory::Report::Ledger ledger;
    if (auto r = foldLocal(s, ledger); !r)
        return r.error();
    QJsonObject out = ledger.workshop();
    out.insert(QStringLiteral("defaults"),
               QJsonObject{{QStringLiteral("reuse_kg"), Inventory::Report::builtInReuseKg()},
                           {QStringLiteral("limits"), Inventory::Report::builtInLimits()}});
    return out;
}

Result<QJsonArray> workers(const Source &s)
{
    if (s.remote()) {
        auto doc = request(s, "GET", QStringLiteral("/api/v1/admin/workers"));
        if (!doc)
            return doc.error();
        return doc->object().value(QStringLiteral("workers")).toArray();
    }
    Inventory::Report::Ledger ledger;
    if (auto r = foldLocal(s, ledger); !r)
        return r.error();
    return ledger.workers();
}

Result<void> administer(const Source &s, const QString &type, const QJsonObject &payload,
                        const Inventory::Identity &who)
{
    namespace ET = Inventory::EventType;
    if (type != ET::WorkerAdded && type != ET::WorkerUpdated && type != ET::WorkshopConfigured)
        return makeError(ErrorCode::InvalidArgument, tr("%1 is not an administration event").arg(type));
    Inventory::Event e;
    e.uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    e.station = who.station;
    e.worker = who.worker;
    e.time = QDateTime::currentDateTimeUtc();
    e.type = type;
    e.payload = payload;
    // Checked here first: bad input changes nothing, on the server or here.
    if (auto valid = Inventory::EventRules::validate(e); !valid)
        return valid.error();
    if (s.remote()) {
        QJsonObject event = Inventory::toJson(e);
        event.remove(QStringLiteral("seq"));
        event.remove(QStringLiteral("status"));
        event.remove(QStringLiteral("note"));
        auto doc = request(s, "POST", QStringLiteral("/api/v1/events"), {},
                           QJsonObject{{QStringLiteral("events"), QJsonArray{event}}});
        if (!doc)
            return doc.error();
        return {};
    }
    if (!s.store)
        return makeError(ErrorCode::InvalidArgument, tr("no server and no local inventory"));
    const Inventory::Identity before = s.store->identity();
    s.store->setIdentity(who);
    auto recorded = s.store->recordGeneral(type, payload);
    s.store->setIdentity(before);
    if (!recorded)
        return recorded.error();
    return {};
}

QJsonArray benchStepsForEditing(const QJsonObject &workshop)
{
    QJsonArray out;
    QStringList seen;
    const QString done = AppCore::toString(BenchStep::Done);
    for (const QJsonValue &v : workshop.value(QStringLiteral("bench_steps")).toArray()) {
        const QString name = v.isObject() ? v.toObject().value(QStringLiteral("step")).toString() : v.toString();
        if (!benchStepFromString(name) || seen.contains(name) || name == done)
            continue;
        seen << name;
        out.append(QJsonObject{
            {QStringLiteral("step"), name},
            {QStringLiteral("on"), v.isObject() ? v.toObject().value(QStringLiteral("on")).toBool(true) : true}});
    }
    const bool configured = !out.isEmpty();
    for (BenchStep step : allBenchSteps()) {
        const QString name = AppCore::toString(step);
        if (name == done || seen.contains(name))
            continue;
        out.append(QJsonObject{{QStringLiteral("step"), name}, {QStringLiteral("on"), !configured}});
    }
    out.append(QJsonObject{{QStringLiteral("step"), done}, {QStringLiteral("on"), true}});
    return out;
}

Result<QJsonArray> editBenchSteps(const QJsonArray &steps, int index, int delta)
{
    const int last = int(steps.size()) - 1; // `done`, which stays
    const int target = index + delta;
    if (index < 0 || index >= last || target < 0 || target >= last || delta < -1 || delta > 1)
        return makeError(ErrorCode::InvalidArgument, tr("this step cannot move there"));
    QJsonArray out = steps;
    if (delta == 0) {
        QJsonObject o = out.at(index).toObject();
        o.insert(QStringLiteral("on"), !o.value(QStringLiteral("on")).toBool(true));
        out.replace(index, o);
        return out;
    }
    const QJsonValue moved = out.at(index);
    out.replace(index, out.at(target));
    out.replace(target, moved);
    return out;
}

Result<QJsonArray> tokens(const Source &s)
{
    if (!s.remote())
        return makeError(ErrorCode::Unsupported, tr("tokens live on the server: give --server and --token"));
    auto doc = request(s, "GET", QStringLiteral("/api/v1/tokens"));
    if (!doc)
        return doc.error();
    return doc->array();
}

Result<QString> issueToken(const Source &s, const QString &name, const QString &role)
{
    if (!s.remote())
        return makeError(ErrorCode::Unsupported, tr("tokens live on the server: give --server and --token"));
    auto doc = request(s, "POST", QStringLiteral("/api/v1/tokens"), {},
                       QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("role"), role}});
    if (!doc)
        return doc.error();
    return doc->object().value(QStringLiteral("token")).toString();
}

Result<void> revokeToken(const Source &s, const QString &name)
{
    if (!s.remote())
        return makeError(ErrorCode::Unsupported, tr("tokens live on the server: give --server and --token"));
    auto doc
        = request(s, "DELETE", QStringLiteral("/api/v1/tokens/") + QString::fromLatin1(QUrl::toPercentEncoding(name)));
    if (!doc)
        return doc.error();
    return {};
}

} // namespace Etabli::AppCore::Supervisor
