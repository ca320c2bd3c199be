// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "inventory/server/api.h"

#include "inventory/assettag.h"
#include "inventory/csv.h"
#include "inventory/domain.h"
#include "inventory/eventrules.h"
#include "inventory/lifecycle.h"
#include "inventory/server/serverstore.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QSet>
#include <QUuid>

namespace Etabli::Server {

using Inventory::Event;

namespace {

ApiResponse json(int status, const QJsonValue &value)
{
    ApiResponse r;
    r.status = status;
    r.body = value.isArray() ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)
                             : QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
    return r;
}

ApiResponse error(int status, const QString &code, const QString &message, const QString &detail = {})
{
    // One error shape with the CLI (README, "Errors in JSON"): `code`, `message` and
    // `detail` at the top level for every client, and inside `error` as before.
    QJsonObject e{{QStringLiteral("code"), code}, {QStringLiteral("message"), message}};
    if (!detail.isEmpty())
        e.insert(QStringLiteral("detail"), detail);
    QJsonObject body = e;
    body.insert(QStringLiteral("error"), e);
    return json(status, body);
}

ApiResponse fromError(const Error &e)
{
    switch (e.code) {
    case ErrorCode::InvalidArgument:
    case ErrorCode::BadCheckCharacter:
        return error(400, QStringLiteral("bad_request"), e.message, e.detail);
    case ErrorCode::NotFound:
        // An event about an asset nobody pushed is the client's mistake, not a missing page.
        if (e.detail == QLatin1String("unknown_asset"))
            return error(422, QStringLiteral("unknown_asset"), e.message, e.detail);
        return error(404, QStringLiteral("not_found"), e.message, e.detail);
    case ErrorCode::Conflict:
    case ErrorCode::TransitionRefused:
    case ErrorCode::Refused:
        return error(409, QStringLiteral("conflict"), e.message, e.detail);
    case ErrorCode::Unauthorized:
        return error(401, QStringLiteral("unauthorized"), e.message, e.detail);
    default:
        return error(503, QStringLiteral("unavailable"), e.message, e.detail);
    }
}

/// Parses a JSON object body, refusing keys outside `allowed` (strict places).
Result<QJsonObject> objectBody(const QByteArray &body, const QStringList &allowed)
{
    QJsonParseError perr;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &perr);
    if (perr.error != QJsonParseError::NoError)
        return makeError(ErrorCode::InvalidArgument,
                         QCoreApplication::translate("Api", "the body is not JSON: %1").arg(perr.errorString()),
                         QStringLiteral("malformed_json"));
    if (!doc.isObject())
        return makeError(ErrorCode::InvalidArgument,
                         QCoreApplication::translate("Api", "the body must be a JSON object"),
                         QStringLiteral("not_object"));
    const QJsonObject o = doc.object();
    for (auto it = o.begin(); it != o.end(); ++it)
        if (!allowed.contains(it.key()))
            return makeError(ErrorCode::InvalidArgument,
                             QCoreApplication::translate("Api", "unknown field «%1»").arg(it.key()),
                             QStringLiteral("unknown_field"));
    return o;
}

Result<QString> stringField(const QJsonObject &o, const char *key, bool required, int maxLength = 256)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isUndefined() && !required)
        return QString();
    if (!v.isString() || (required && v.toString().trimmed().isEmpty()) || v.toString().size() > maxLength)
        return makeError(ErrorCode::InvalidArgument,
                         QCoreApplication::translate("Api", "«%1» must be a non-empty string of at most %2 characters")
                             .arg(QLatin1String(key))
                             .arg(maxLength),
                         QStringLiteral("bad_field"));
    return v.toString().trimmed();
}

struct Route {
    QByteArray method;
    QString pattern; ///< `*` matches one path segment
    QStringList roles;
};

const QList<Route> &routes()
{
    const QString st = QStringLiteral("station"), de = QStringLiteral("desk"), su = QStringLiteral("supervisor"),
                  en = QStringLiteral("ent");
    static const QList<Route> table{
        {"GET", QStringLiteral("/api/v1/events"), {st, de, su}},
        {"POST", QStringLiteral("/api/v1/events"), {st, de, su}},
        {"GET", QStringLiteral("/api/v1/assets"), {st, de, su}},
        {"GET", QStringLiteral("/api/v1/assets/*"), {st, de, su}},
        {"GET", QStringLiteral("/api/v1/lots"), {st, de, su}},
        {"GET", QStringLiteral("/api/v1/donors"), {st, de, su}},
        {"GET", QStringLiteral("/api/v1/beneficiaries"), {de, su}},
        {"POST", QStringLiteral("/api/v1/beneficiaries"), {de}},
        {"GET", QStringLiteral("/api/v1/handovers"), {de, su}},
        {"POST", QStringLiteral("/api/v1/handovers"), {de}},
        {"GET", QStringLiteral("/api/v1/figures"), {su}},
        {"GET", QStringLiteral("/api/v1/ent/equipment"), {en, su}},
        {"GET", QStringLiteral("/api/v1/tokens"), {su}},
        {"POST", QStringLiteral("/api/v1/tokens"), {su}},
        {"DELETE", QStringLiteral("/api/v1/tokens/*"), {su}},
    };
    return table;
}

bool matches(const QString &pattern, const QString &path, QString *arg)
{
    const QStringList p = pattern.split(QLatin1Char('/')), s = path.split(QLatin1Char('/'));
    if (p.size() != s.size())
        return false;
    for (int i = 0; i < p.size(); ++i) {
        if (p[i] == QLatin1String("*")) {
            if (s[i].isEmpty())
                return false;
            *arg = s[i];
        } else if (p[i] != s[i]) {
            return false;
        }
    }
    return true;
}

Result<qint64> intParam(const QUrlQuery &query, const char *key, qint64 fallback, qint64 min, qint64 max)
{
    const QString name = QLatin1String(key);
    if (!query.hasQueryItem(name))
        return fallback;
    bool ok = false;
    const qint64 v = query.queryItemValue(name).toLongLong(&ok);
    if (!ok || v < min || v > max)
        return makeError(
            ErrorCode::InvalidArgument,
            QCoreApplication::translate("Api", "«%1» must be a whole number from %2 to %3").arg(name).arg(min).arg(max),
            QStringLiteral("bad_parameter"));
    return v;
}

} // namespace

Api::Api(ServerStore &store)
    : m_store(store)
{}

ApiResponse Api::handle(const ApiRequest &r)
{
    if (r.body.size() > kMaxBody)
        return error(413, QStringLiteral("too_large"),
                     QCoreApplication::translate("Api", "the body is larger than %1 bytes").arg(kMaxBody));
    if (r.path == QLatin1String("/healthz")) {
        if (r.method != "GET")
            return error(405, QStringLiteral("method_not_allowed"), QCoreApplication::translate("Api", "use GET"));
        if (!m_store.healthy())
            return error(503, QStringLiteral("unavailable"),
                         QCoreApplication::translate("Api", "the database does not answer"));
        return json(200,
                    QJsonObject{{QStringLiteral("status"), QStringLiteral("ok")},
                                {QStringLiteral("backend"),
                                 m_store.isPostgres() ? QStringLiteral("postgresql") : QStringLiteral("sqlite")}});
    }
    const Route *route = nullptr;
    bool pathKnown = false;
    QString arg;
    for (const Route &candidate : routes()) {
        if (!matches(candidate.pattern, r.path, &arg))
            continue;
        pathKnown = true;
        if (candidate.method == r.method) {
            route = &candidate;
            break;
        }
    }
    if (!route)
        return pathKnown ? error(405, QStringLiteral("method_not_allowed"),
                                 QCoreApplication::translate("Api", "this method is not allowed here"))
                         : error(404, QStringLiteral("not_found"),
                                 QCoreApplication::translate("Api", "no such endpoint %1").arg(r.path));

    if (!r.authorization.startsWith("Bearer "))
        return error(401, QStringLiteral("unauthorized"),
                     QCoreApplication::translate("Api", "an «Authorization: Bearer TOKEN» header is required"));
    auto token = m_store.authenticate(QString::fromLatin1(r.authorization.mid(7).trimmed()));
    if (!token)
        return token.error().code == ErrorCode::Unauthorized
            ? error(401, QStringLiteral("unauthorized"), token.error().message)
            : fromError(token.error());
    if (!route->roles.contains(token->role))
        return error(403, QStringLiteral("forbidden"),
                     QCoreApplication::translate("Api", "a %1 token cannot use %2 %3")
                         .arg(token->role, QString::fromLatin1(r.method), route->pattern));
    const bool familyAllowed = token->role != QLatin1String("station");

    const QString p = route->pattern;
    if (p == QLatin1String("/api/v1/events") && r.method == "GET") {
        auto since = intParam(r.query, "since", 0, 0, std::numeric_limits<qint64>::max());
        auto limit = intParam(r.query, "limit", 500, 1, 5000);
        if (!since)
            return fromError(since.error());
        if (!limit)
            return fromError(limit.error());
        qint64 last = 0;
        bool more = false;
        auto events = m_store.pull(*since, int(*limit), familyAllowed, &last, &more);
        if (!events)
            return fromError(events.error());
        return json(200,
                    QJsonObject{{QStringLiteral("events"), *events},
                                {QStringLiteral("cursor"), last},
                                {QStringLiteral("more"), more}});
    }
    if (p == QLatin1String("/api/v1/events")) {
        auto body = objectBody(r.body, {QStringLiteral("events")});
        if (!body)
            return fromError(body.error());
        const QJsonValue list = body->value(QStringLiteral("events"));
        if (!list.isArray())
            return error(400, QStringLiteral("bad_request"),
                         QCoreApplication::translate("Api", "«events» must be a list"), QStringLiteral("bad_field"));
        if (list.toArray().size() > kMaxBatch)
            return error(413, QStringLiteral("too_large"),
                         QCoreApplication::translate("Api", "at most %1 events a batch").arg(kMaxBatch));
        static const QStringList envelope{
            QStringLiteral("uuid"), QStringLiteral("station"),   QStringLiteral("worker"),  QStringLiteral("time"),
            QStringLiteral("type"), QStringLiteral("asset_tag"), QStringLiteral("payload"), QStringLiteral("status"),
            QStringLiteral("note"), QStringLiteral("seq")};
        QList<Event> events;
        QSet<QString> seen;
        for (const QJsonValue &v : list.toArray()) {
            if (!v.isObject())
                return error(400, QStringLiteral("bad_request"),
                             QCoreApplication::translate("Api", "each event must be an object"),
                             QStringLiteral("malformed_event"));
            const QJsonObject o = v.toObject();
            for (auto it = o.begin(); it != o.end(); ++it)
                if (!envelope.contains(it.key()))
                    return error(400, QStringLiteral("bad_request"),
                                 QCoreApplication::translate("Api", "unknown event field «%1»").arg(it.key()),
                                 QStringLiteral("unknown_field"));
            auto e = Inventory::eventFromJson(o);
            if (!e)
                return fromError(e.error());
            if (seen.contains(e->uuid))
                return error(400, QStringLiteral("bad_request"),
                             QCoreApplication::translate("Api", "event %1 appears twice").arg(e->uuid),
                             QStringLiteral("duplicate_uuid"));
            if (!familyAllowed && e->type == Inventory::EventType::BeneficiaryAdded)
                return error(403, QStringLiteral("forbidden"),
                             QCoreApplication::translate("Api", "a station never handles family data"),
                             QStringLiteral("family_data"));
            // The event rules say which roles make each type, for this path and the
            // server's own endpoints alike (POST /api/v1/beneficiaries is desk-only).
            if (!Inventory::EventRules::mayPush(e->type, token->role))
                return error(
                    403, QStringLiteral("forbidden"),
                    QCoreApplication::translate("Api", "a %1 token cannot push %2 events").arg(token->role, e->type),
                    QStringLiteral("forbidden_type"));
            seen.insert(e->uuid);
            events.append(*e);
        }
        auto outcome = m_store.push(events, token->name);
        if (!outcome)
            return fromError(outcome.error());
        QJsonArray results;
        int stored = 0;
        for (const PushOutcome &o : *outcome) {
            QJsonObject item{{QStringLiteral("uuid"), o.uuid},
                             {QStringLiteral("new"), o.isNew},
                             {QStringLiteral("seq"), o.seq},
                             {QStringLiteral("status"), o.status}};
            if (!o.note.isEmpty())
                item.insert(QStringLiteral("note"), o.note);
            results.append(item);
            stored += o.isNew ? 1 : 0;
        }
        return json(200, QJsonObject{{QStringLiteral("results"), results}, {QStringLiteral("stored"), stored}});
    }
    if (p == QLatin1String("/api/v1/assets/*")) {
        auto tag = Inventory::AssetTag::parse(arg);
        if (!tag)
            return fromError(tag.error());
        auto a = m_store.asset(*tag);
        return a ? json(200, *a) : fromError(a.error());
    }
    if (p == QLatin1String("/api/v1/assets")) {
        QString state = r.query.queryItemValue(QStringLiteral("state"));
        if (!state.isEmpty()) {
            const auto s = Inventory::assetStateFromString(state);
            if (!s)
                return error(400, QStringLiteral("bad_request"),
                             QCoreApplication::translate("Api", "unknown state «%1»").arg(state),
                             QStringLiteral("bad_parameter"));
            state = Inventory::toString(*s);
        }
        auto limit = intParam(r.query, "limit", 1000, 1, 100000);
        if (!limit)
            return fromError(limit.error());
        auto a = m_store.assets(state, int(*limit));
        return a ? json(200, *a) : fromError(a.error());
    }
    if (p == QLatin1String("/api/v1/lots")) {
        auto a = m_store.lots();
        return a ? json(200, *a) : fromError(a.error());
    }
    if (p == QLatin1String("/api/v1/donors")) {
        auto a = m_store.donors();
        return a ? json(200, *a) : fromError(a.error());
    }
    if (p == QLatin1String("/api/v1/beneficiaries") && r.method == "GET") {
        auto a = m_store.beneficiaries();
        return a ? json(200, *a) : fromError(a.error());
    }
    if (p == QLatin1String("/api/v1/handovers") && r.method == "GET") {
        auto a = m_store.handovers();
        return a ? json(200, *a) : fromError(a.error());
    }
    if (p == QLatin1String("/api/v1/beneficiaries") || p == QLatin1String("/api/v1/handovers")) {
        const bool handover = p == QLatin1String("/api/v1/handovers");
        const QStringList allowed = handover
            ? QStringList{QStringLiteral("asset_tag"), QStringLiteral("beneficiary"), QStringLiteral("worker")}
            : QStringList{QStringLiteral("reference"), QStringLiteral("school_id"),   QStringLiteral("school"),
                          QStringLiteral("class"),     QStringLiteral("family_name"), QStringLiteral("contact"),
                          QStringLiteral("worker")};
        auto body = objectBody(r.body, allowed);
        if (!body)
            return fromError(body.error());
        auto worker = stringField(*body, "worker", false, 128);
        if (!worker)
            return fromError(worker.error());
        Event e;
        e.uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
        e.station = token->name;
        e.worker = worker->isEmpty() ? token->name : *worker;
        e.time = QDateTime::currentDateTimeUtc();
        if (handover) {
            auto tagText = stringField(*body, "asset_tag", true, 32);
            auto beneficiary = stringField(*body, "beneficiary", true, 64);
            if (!tagText)
                return fromError(tagText.error());
            if (!beneficiary)
                return fromError(beneficiary.error());
            auto tag = Inventory::AssetTag::parse(*tagText);
            if (!tag)
                return fromError(tag.error());
            auto asset = m_store.asset(*tag);
            if (!asset)
                return fromError(asset.error());
            const QString state = asset->value(QStringLiteral("state")).toString();
            const auto from = Inventory::assetStateFromString(state);
            if (!from || !Inventory::Lifecycle::isAllowed(*from, Inventory::AssetState::HandedOver))
                return error(409, QStringLiteral("conflict"),
                             QCoreApplication::translate("Api", "%1 is %2: it cannot be handed over").arg(*tag, state),
                             QStringLiteral("forbidden_transition"));
            auto people = m_store.beneficiaries();
            bool knownBeneficiary = false;
            for (const QJsonValue &b : people ? *people : QJsonArray())
                knownBeneficiary |= b.toObject().value(QStringLiteral("reference")).toString() == *beneficiary;
            if (!knownBeneficiary)
                return error(422, QStringLiteral("unknown_beneficiary"),
                             QCoreApplication::translate("Api", "no beneficiary «%1»").arg(*beneficiary));
            e.type = Inventory::EventType::AssetMoved;
            e.assetTag = *tag;
            e.payload = {{QStringLiteral("from"), state},
                         {QStringLiteral("to"), QStringLiteral("HANDED_OVER")},
                         {QStringLiteral("beneficiary"), *beneficiary}};
        } else {
            e.type = Inventory::EventType::BeneficiaryAdded;
            for (const QString &key : allowed) {
                if (key == QLatin1String("worker"))
                    continue;
                auto v = stringField(*body, key.toLatin1().constData(), key == QLatin1String("reference"));
                if (!v)
                    return fromError(v.error());
                e.payload.insert(key, *v);
            }
        }
        if (!Inventory::EventRules::mayPush(e.type, token->role))
            return error(
                403, QStringLiteral("forbidden"),
                QCoreApplication::translate("Api", "a %1 token cannot push %2 events").arg(token->role, e.type),
                QStringLiteral("forbidden_type"));
        // The same rules and guards as a station's event; a refusal stores nothing.
        auto outcome = m_store.create(e, token->name);
        if (!outcome)
            return fromError(outcome.error());
        const PushOutcome &o = *outcome;
        return json(201,
                    QJsonObject{{QStringLiteral("uuid"), o.uuid},
                                {QStringLiteral("seq"), o.seq},
                                {QStringLiteral("status"), o.status}});
    }
    if (p == QLatin1String("/api/v1/figures")) {
        auto f = m_store.figures();
        if (!f)
            return fromError(f.error());
        f->insert(QStringLiteral("events"), m_store.eventCount());
        return json(200, *f);
    }
    if (p == QLatin1String("/api/v1/ent/equipment")) {
        auto rows = m_store.entEquipment();
        if (!rows)
            return fromError(rows.error());
        if (!r.accept.contains("text/csv"))
            return json(200, QJsonObject{{QStringLiteral("equipment"), *rows}});
        const QStringList columns{QStringLiteral("school_id"),     QStringLiteral("school"),
                                  QStringLiteral("class"),         QStringLiteral("asset_tag"),
                                  QStringLiteral("handover_date"), QStringLiteral("warranty_end"),
                                  QStringLiteral("master_version")};
        // One CSV writer (inventory/csv.h): RFC 4180 and formula-injection escaping.
        QString csv = Inventory::Csv::record(columns);
        for (const QJsonValue &row : std::as_const(*rows)) {
            QStringList cells;
            for (const QString &c : columns)
                cells << row.toObject().value(c).toString();
            csv += Inventory::Csv::record(cells);
        }
        ApiResponse resp;
        resp.body = csv.toUtf8();
        resp.contentType = "text/csv; charset=utf-8";
        return resp;
    }
    if (p == QLatin1String("/api/v1/tokens") && r.method == "GET") {
        QJsonArray out;
        for (const TokenInfo &t : m_store.tokens())
            out.append(QJsonObject{{QStringLiteral("id"), t.id},
                                   {QStringLiteral("name"), t.name},
                                   {QStringLiteral("role"), t.role},
                                   {QStringLiteral("created_at"), t.createdAt},
                                   {QStringLiteral("revoked_at"), t.revokedAt.isEmpty() ? QJsonValue() : t.revokedAt}});
        return json(200, out);
    }
    if (p == QLatin1String("/api/v1/tokens")) {
        auto body = objectBody(r.body, {QStringLiteral("name"), QStringLiteral("role")});
        if (!body)
            return fromError(body.error());
        auto name = stringField(*body, "name", true, 128);
        auto role = stringField(*body, "role", true, 16);
        if (!name)
            return fromError(name.error());
        if (!role)
            return fromError(role.error());
        auto secret = m_store.createToken(*name, *role);
        if (!secret)
            return fromError(secret.error());
        return json(201,
                    QJsonObject{{QStringLiteral("token"), *secret},
                                {QStringLiteral("name"), *name},
                                {QStringLiteral("role"), *role}});
    }
    if (p == QLatin1String("/api/v1/tokens/*")) {
        auto revoked = m_store.revokeToken(arg);
        if (!revoked)
            return fromError(revoked.error());
        return json(200, QJsonObject{{QStringLiteral("revoked"), arg}});
    }
    return error(404, QStringLiteral("not_found"),
                 QCoreApplication::translate("Api", "no such endpoint %1").arg(r.path));
}

} // namespace Etabli::Server
