// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "inventory/server/api.h"

#include "inventory/assettag.h"
#include "inventory/csv.h"
#include "inventory/domain.h"
#include "inventory/eventrules.h"
#include "inventory/lifecycle.h"
#include "inventory/server/api_desk.h" // desk (engineer "deskserver")
#include "inventory/server/api_erasure.h"
#include "inventory/server/api_p.h"
#include "inventory/server/api_supervisor.h" // supervisor (issue 13)
#include "inventory/server/serverstore.h"
#include "inventory/server/serverstore_p.h" // push (issue 17): WriterProfile

#include <QCoreApplication>
#include <QElapsedTimer>
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
    QJsonObject e{{QStringLiteral("code"), code}, {QStringLiteral("message"), message}};
    if (!detail.isEmpty())
        e.insert(QStringLiteral("detail"), detail);
    // One error shape with the CLI (README, "Errors in JSON"): `code`, `message` and
    // `detail` at the top level for every client, and inside `error` as before.
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

/// What a handler sees: the request, the store of this thread, the caller's token
/// (empty for public routes) and the path segment a `*` matched.
struct Call {
    const ApiRequest &r;
    ServerStore &store;
    const TokenInfo &token;
    QString arg;
    bool familyAllowed = false;
    const CertificationKey *certificationKey = nullptr;
};

ApiResponse healthz(const Call &c)
{
    if (!c.store.healthy())
        return error(503, QStringLiteral("unavailable"),
                     QCoreApplication::translate("Api", "the database does not answer"));
    return json(200,
                QJsonObject{{QStringLiteral("status"), QStringLiteral("ok")},
                            {QStringLiteral("backend"),
                             c.store.isPostgres() ? QStringLiteral("postgresql") : QStringLiteral("sqlite")}});
}

ApiResponse pullEvents(const Call &c)
{
    auto since = intParam(c.r.query, "since", 0, 0, std::numeric_limits<qint64>::max());
    auto limit = intParam(c.r.query, "limit", 500, 1, 5000);
    if (!since)
        return fromError(since.error());
    if (!limit)
        return fromError(limit.error());
    qint64 last = 0;
    bool more = false;
    auto events = c.store.pull(*since, int(*limit), c.familyAllowed, &last, &more);
    if (!events)
        return fromError(events.error());
    if (c.familyAllowed) // desk (engineer "deskserver"): family data read is audited
        DeskApi::auditPull(c.store, c.token, *events);
    return json(200,
                QJsonObject{{QStringLiteral("events"), *events},
                            {QStringLiteral("cursor"), last},
                            {QStringLiteral("more"), more}});
}

ApiResponse pushEvents(const Call &c)
{
    QElapsedTimer parsing; // push (issue 17): ETABLI_WRITER_PROFILE
    if (WriterProfile::on())
        parsing.start();
    auto body = objectBody(c.r.body, {QStringLiteral("events")});
    if (!body)
        return fromError(body.error());
    const QJsonValue list = body->value(QStringLiteral("events"));
    if (!list.isArray())
        return error(400, QStringLiteral("bad_request"), QCoreApplication::translate("Api", "«events» must be a list"),
                     QStringLiteral("bad_field"));
    const QJsonArray array = list.toArray();
    if (array.size() > Api::kMaxBatch)
        return error(413, QStringLiteral("too_large"),
                     QCoreApplication::translate("Api", "at most %1 events a batch").arg(Api::kMaxBatch));
    static const QStringList envelope{QStringLiteral("uuid"),    QStringLiteral("station"), QStringLiteral("worker"),
                                      QStringLiteral("time"),    QStringLiteral("type"),    QStringLiteral("asset_tag"),
                                      QStringLiteral("payload"), QStringLiteral("status"),  QStringLiteral("note"),
                                      QStringLiteral("seq")};
    QList<Event> events;
    QSet<QString> seen;
    events.reserve(array.size());
    for (const QJsonValue &v : array) {
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
        if (!c.familyAllowed && Inventory::EventRules::isFamilyData(e->type))
            return error(403, QStringLiteral("forbidden"),
                         QCoreApplication::translate("Api", "a station never handles family data"),
                         QStringLiteral("family_data"));
        // The event rules say which roles make each type, for this path and the
        // server's own endpoints alike (POST /api/v1/beneficiaries is desk-only).
        if (!Inventory::EventRules::mayPush(e->type, c.token.role))
            return error(
                403, QStringLiteral("forbidden"),
                QCoreApplication::translate("Api", "a %1 token cannot push %2 events").arg(c.token.role, e->type),
                QStringLiteral("forbidden_type"));
        seen.insert(e->uuid);
        events.append(*e);
    }
    if (WriterProfile::on())
        WriterProfile::handler(WriterProfile::Parse, parsing.nsecsElapsed());
    auto outcome = c.store.push(events, c.token.name);
    if (!outcome)
        return fromError(outcome.error());
    // push (issue 17): the answer written as JSON text (keys in QJsonObject's order, as
    // before): building a QJsonObject an event and serialising it was 8 % of a push's CPU.
    ApiResponse r;
    r.status = 200;
    r.body.reserve(24 + 110 * outcome->size());
    r.body += "{\"results\":[";
    int stored = 0;
    for (const PushOutcome &o : *outcome) {
        if (r.body.size() > 12)
            r.body += ',';
        r.body += o.isNew ? "{\"new\":true," : "{\"new\":false,";
        if (!o.note.isEmpty()) {
            r.body += "\"note\":";
            Inventory::appendJsonString(r.body, o.note);
            r.body += ',';
        }
        r.body += "\"seq\":" + QByteArray::number(o.seq) + ",\"status\":";
        Inventory::appendJsonString(r.body, o.status);
        r.body += ",\"uuid\":";
        Inventory::appendJsonString(r.body, o.uuid);
        r.body += '}';
        stored += o.isNew ? 1 : 0;
    }
    r.body += "],\"stored\":" + QByteArray::number(stored) + '}';
    return r;
}

ApiResponse getAsset(const Call &c)
{
    auto tag = Inventory::AssetTag::parse(c.arg);
    if (!tag)
        return fromError(tag.error());
    auto a = c.store.asset(*tag);
    return a ? json(200, *a) : fromError(a.error());
}

ApiResponse listAssets(const Call &c)
{
    QString state = c.r.query.queryItemValue(QStringLiteral("state"));
    if (!state.isEmpty()) {
        const auto s = Inventory::assetStateFromString(state);
        if (!s)
            return error(400, QStringLiteral("bad_request"),
                         QCoreApplication::translate("Api", "unknown state «%1»").arg(state),
                         QStringLiteral("bad_parameter"));
        state = Inventory::toString(*s);
    }
    auto limit = intParam(c.r.query, "limit", 1000, 1, 100000);
    if (!limit)
        return fromError(limit.error());
    auto a = c.store.assets(state, int(*limit));
    return a ? json(200, *a) : fromError(a.error());
}

/// A read that lists rows as they are.
template<Result<QJsonArray> (ServerStore::*read)() const>
ApiResponse list(const Call &c)
{
    auto a = (c.store.*read)();
    return a ? json(200, *a) : fromError(a.error());
}

/// POST /beneficiaries and /handovers: the server makes the event itself.
ApiResponse deskEvent(const Call &c, bool handover)
{
    const QStringList allowed = handover
        ? QStringList{QStringLiteral("asset_tag"), QStringLiteral("beneficiary"), QStringLiteral("worker")}
        : QStringList{QStringLiteral("reference"), QStringLiteral("school_id"),   QStringLiteral("school"),
                      QStringLiteral("class"),     QStringLiteral("family_name"), QStringLiteral("contact"),
                      QStringLiteral("worker")};
    auto body = objectBody(c.r.body, allowed);
    if (!body)
        return fromError(body.error());
    auto worker = stringField(*body, "worker", false, 128);
    if (!worker)
        return fromError(worker.error());
    Event e;
    e.uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    e.station = c.token.name;
    e.worker = worker->isEmpty() ? c.token.name : *worker;
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
        auto asset = c.store.asset(*tag);
        if (!asset)
            return fromError(asset.error());
        const QString state = asset->value(QStringLiteral("state")).toString();
        const auto from = Inventory::assetStateFromString(state);
        if (!from || !Inventory::Lifecycle::isAllowed(*from, Inventory::AssetState::HandedOver))
            return error(409, QStringLiteral("conflict"),
                         QCoreApplication::translate("Api", "%1 is %2: it cannot be handed over").arg(*tag, state),
                         QStringLiteral("forbidden_transition"));
        auto people = c.store.beneficiaries();
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
    if (!Inventory::EventRules::mayPush(e.type, c.token.role))
        return error(403, QStringLiteral("forbidden"),
                     QCoreApplication::translate("Api", "a %1 token cannot push %2 events").arg(c.token.role, e.type),
                     QStringLiteral("forbidden_type"));
    // The same rules and guards as a station's event; a refusal stores nothing.
    auto outcome = c.store.create(e, c.token.name);
    if (!outcome)
        return fromError(outcome.error());
    const PushOutcome &o = *outcome;
    return json(201,
                QJsonObject{{QStringLiteral("uuid"), o.uuid},
                            {QStringLiteral("seq"), o.seq},
                            {QStringLiteral("status"), o.status}});
}

ApiResponse addBeneficiary(const Call &c)
{
    return deskEvent(c, false);
}

ApiResponse addHandover(const Call &c)
{
    return deskEvent(c, true);
}

ApiResponse figures(const Call &c)
{
    auto f = c.store.figures();
    if (!f)
        return fromError(f.error());
    f->insert(QStringLiteral("events"), c.store.eventCount());
    // supervisor (issue 13): ?from=&to=&lot= adds the period figures
    if (auto refused = SupervisorApi::addPeriodFigures(c.r, c.store, *f))
        return *refused;
    return json(200, *f);
}

ApiResponse entEquipment(const Call &call)
{
    auto rows = call.store.entEquipment();
    if (!rows)
        return fromError(rows.error());
    if (!call.r.accept.contains("text/csv"))
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

ApiResponse listTokens(const Call &c)
{
    QJsonArray out;
    for (const TokenInfo &t : c.store.tokens())
        out.append(QJsonObject{{QStringLiteral("id"), t.id},
                               {QStringLiteral("name"), t.name},
                               {QStringLiteral("role"), t.role},
                               {QStringLiteral("created_at"), t.createdAt},
                               {QStringLiteral("revoked_at"), t.revokedAt.isEmpty() ? QJsonValue() : t.revokedAt}});
    return json(200, out);
}

ApiResponse createToken(const Call &c)
{
    auto body = objectBody(c.r.body, {QStringLiteral("name"), QStringLiteral("role")});
    if (!body)
        return fromError(body.error());
    auto name = stringField(*body, "name", true, 128);
    auto role = stringField(*body, "role", true, 16);
    if (!name)
        return fromError(name.error());
    if (!role)
        return fromError(role.error());
    auto secret = c.store.createToken(*name, *role);
    if (!secret)
        return fromError(secret.error());
    return json(201,
                QJsonObject{{QStringLiteral("token"), *secret},
                            {QStringLiteral("name"), *name},
                            {QStringLiteral("role"), *role}});
}

ApiResponse revokeToken(const Call &c)
{
    auto revoked = c.store.revokeToken(c.arg);
    if (!revoked)
        return fromError(revoked.error());
    return json(200, QJsonObject{{QStringLiteral("revoked"), c.arg}});
}

// erasures (engineer "erasure"): handlers in api_erasure.cpp
ApiResponse endorseStation(const Call &c)
{
    return ErasureApi::endorseStation(c.r, c.store, c.token, c.certificationKey);
}
ApiResponse listEndorsements(const Call &c)
{
    return ErasureApi::listEndorsements(c.store);
}
ApiResponse uncheckedErasures(const Call &c)
{
    return ErasureApi::uncheckedErasures(c.store);
}

// desk (engineer "deskserver"): the handlers of api_desk.cpp in this table
ApiResponse deskBeneficiary(const Call &c)
{
    return DeskApi::beneficiary(c.r, c.store, c.token, c.arg);
}
ApiResponse deskBeneficiaries(const Call &c)
{
    return DeskApi::beneficiaries(c.r, c.store, c.token);
}
ApiResponse deskAudit(const Call &c)
{
    return DeskApi::audit(c.r, c.store, c.token);
}

// supervisor (issue 13): the handlers of api_supervisor.cpp in this table
template<ApiResponse (*handler)(const ApiRequest &, ServerStore &, const TokenInfo &)>
ApiResponse supervisor(const Call &c)
{
    return handler(c.r, c.store, c.token);
}

struct Route {
    QByteArray method;
    QString pattern; ///< `*` matches one path segment
    QStringList roles; ///< empty: no token needed
    ApiResponse (*handler)(const Call &) = nullptr;
};

const QList<Route> &routes()
{
    const QString st = QStringLiteral("station"), de = QStringLiteral("desk"), su = QStringLiteral("supervisor"),
                  en = QStringLiteral("ent");
    static const QList<Route> table{
        {"GET", QStringLiteral("/healthz"), {}, healthz},
        {"GET", QStringLiteral("/api/v1/events"), {st, de, su}, pullEvents},
        {"POST", QStringLiteral("/api/v1/events"), {st, de, su}, pushEvents},
        {"GET", QStringLiteral("/api/v1/assets"), {st, de, su}, listAssets},
        {"GET", QStringLiteral("/api/v1/assets/*"), {st, de, su}, getAsset},
        {"GET", QStringLiteral("/api/v1/lots"), {st, de, su}, list<&ServerStore::lots>},
        {"GET", QStringLiteral("/api/v1/donors"), {st, de, su}, list<&ServerStore::donors>},
        {"GET", QStringLiteral("/api/v1/beneficiaries"), {de, su}, deskBeneficiaries}, // audited (deskserver)
        {"POST", QStringLiteral("/api/v1/beneficiaries"), {de}, addBeneficiary},
        {"GET", QStringLiteral("/api/v1/handovers"), {de, su}, list<&ServerStore::handovers>},
        {"POST", QStringLiteral("/api/v1/handovers"), {de}, addHandover},
        // desk (issue 14): handovers that lost at sync (two desks offline, one asset)
        {"GET", QStringLiteral("/api/v1/desk/conflicts"), {de, su}, list<&ServerStore::deskConflicts>},
        // desk (engineer "deskserver"): a family's records and the personal-data audit (api_desk.cpp)
        {"GET", QStringLiteral("/api/v1/desk/beneficiaries/*"), {de, su}, deskBeneficiary},
        {"GET", QStringLiteral("/api/v1/desk/audit"), {de, su}, deskAudit},
        {"GET", QStringLiteral("/api/v1/figures"), {su}, figures},
        {"GET", QStringLiteral("/api/v1/ent/equipment"), {en, su}, entEquipment},
        {"GET", QStringLiteral("/api/v1/tokens"), {su}, listTokens},
        {"POST", QStringLiteral("/api/v1/tokens"), {su}, createToken},
        {"DELETE", QStringLiteral("/api/v1/tokens/*"), {su}, revokeToken},
        // erasures (engineer "erasure")
        {"POST", QStringLiteral("/api/v1/stations/endorsement"), {st}, endorseStation},
        {"GET", QStringLiteral("/api/v1/stations/endorsements"), {su}, listEndorsements},
        {"GET", QStringLiteral("/api/v1/erasures/unchecked"), {su}, uncheckedErasures},
        // supervisor (issue 13)
        {"GET", QStringLiteral("/api/v1/reports/bilan"), {su}, supervisor<SupervisorApi::bilan>},
        {"GET", QStringLiteral("/api/v1/attention"), {su}, supervisor<SupervisorApi::attention>},
        {"GET", QStringLiteral("/api/v1/admin/workshop"), {su}, supervisor<SupervisorApi::workshop>},
        {"GET", QStringLiteral("/api/v1/admin/workers"), {su}, supervisor<SupervisorApi::workers>},
    };
    return table;
}

} // namespace

Api::Api(ServerStore &store, std::shared_ptr<const CertificationKey> certificationKey)
    : m_store(store)
    , m_certificationKey(std::move(certificationKey))
{}

// The answer shape for handlers in other files (api_p.h).
namespace ApiReply {
ApiResponse json(int status, const QJsonValue &value)
{
    return Server::json(status, value);
}
ApiResponse error(int status, const QString &code, const QString &message, const QString &detail)
{
    return Server::error(status, code, message, detail);
}
ApiResponse fromError(const Error &e)
{
    return Server::fromError(e);
}
Result<QJsonObject> objectBody(const QByteArray &body, const QStringList &allowed)
{
    return Server::objectBody(body, allowed);
}
} // namespace ApiReply

bool Api::isHealthCheck(const ApiRequest &request)
{
    return request.path == QLatin1String("/healthz");
}

ApiResponse Api::handle(const ApiRequest &r)
{
    if (r.body.size() > kMaxBody)
        return error(413, QStringLiteral("too_large"),
                     QCoreApplication::translate("Api", "the body is larger than %1 bytes").arg(kMaxBody));
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
    if (route->roles.isEmpty())
        return route->handler(Call{r, m_store, TokenInfo{}, arg, false, m_certificationKey.get()});

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
    return route->handler(
        Call{r, m_store, *token, arg, token->role != QLatin1String("station"), m_certificationKey.get()});
}

} // namespace Etabli::Server
