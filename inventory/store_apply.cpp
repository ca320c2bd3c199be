// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
//
// How each event type changes the store. Validation happens here, before any write,
// so local changes and events pulled from the server obey the same rules.
#include "inventory/assettag.h"
#include "inventory/store_p.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace Etabli::Inventory {

namespace {

QString compact(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

Error badPayload(const Event &e, const QString &why)
{
    return makeError(ErrorCode::InvalidArgument, QCoreApplication::translate("Store", "%1: %2").arg(e.type, why),
                     QStringLiteral("bad_payload"));
}

/// Typed access to a payload: every getter checks the JSON type and remembers the
/// first problem, so an apply function reads fields then checks `error` once.
class Fields
{
public:
    explicit Fields(const Event &e)
        : m_event(e)
    {}
    QString text(const char *key, bool required = false, int maxLength = 512)
    {
        const QJsonValue v = m_event.payload.value(QLatin1String(key));
        if (v.isUndefined() || v.isNull()) {
            if (required)
                fail(QCoreApplication::translate("Store", "«%1» is required").arg(QLatin1String(key)));
            return {};
        }
        if (!v.isString())
            fail(QCoreApplication::translate("Store", "«%1» must be a string").arg(QLatin1String(key)));
        else if (required && v.toString().trimmed().isEmpty())
            fail(QCoreApplication::translate("Store", "«%1» must not be empty").arg(QLatin1String(key)));
        else if (v.toString().size() > maxLength)
            fail(QCoreApplication::translate("Store", "«%1» is too long").arg(QLatin1String(key)));
        return v.toString().trimmed();
    }
    qint64 integer(const char *key, qint64 fallback = 0)
    {
        const QJsonValue v = m_event.payload.value(QLatin1String(key));
        if (v.isUndefined() || v.isNull())
            return fallback;
        if (!v.isDouble() || v.toDouble() < 0)
            fail(QCoreApplication::translate("Store", "«%1» must be a non-negative number").arg(QLatin1String(key)));
        return v.toInteger(qint64(v.toDouble()));
    }
    double number(const char *key)
    {
        const QJsonValue v = m_event.payload.value(QLatin1String(key));
        if (!v.isUndefined() && !v.isNull() && !v.isDouble())
            fail(QCoreApplication::translate("Store", "«%1» must be a number").arg(QLatin1String(key)));
        return v.toDouble();
    }
    bool boolean(const char *key, bool required = false)
    {
        const QJsonValue v = m_event.payload.value(QLatin1String(key));
        if ((v.isUndefined() && required) || (!v.isUndefined() && !v.isBool()))
            fail(QCoreApplication::translate("Store", "«%1» must be true or false").arg(QLatin1String(key)));
        return v.toBool();
    }
    QJsonObject object(const char *key)
    {
        const QJsonValue v = m_event.payload.value(QLatin1String(key));
        if (!v.isUndefined() && !v.isNull() && !v.isObject())
            fail(QCoreApplication::translate("Store", "«%1» must be an object").arg(QLatin1String(key)));
        return v.toObject();
    }
    QJsonArray array(const char *key)
    {
        const QJsonValue v = m_event.payload.value(QLatin1String(key));
        if (!v.isUndefined() && !v.isNull() && !v.isArray())
            fail(QCoreApplication::translate("Store", "«%1» must be a list").arg(QLatin1String(key)));
        return v.toArray();
    }
    void fail(const QString &why)
    {
        if (!m_error)
            m_error = badPayload(m_event, why);
    }
    const std::optional<Error> &error() const { return m_error; }

private:
    const Event &m_event;
    std::optional<Error> m_error;
};

} // namespace

Result<bool> Store::Private::commit(Event &e, bool remote)
{
    if (auto b = begin(); !b)
        return b.error();
    auto exists = run(QStringLiteral("SELECT 1 FROM events WHERE uuid = ?"), {e.uuid});
    if (!exists) {
        (void)finish(false);
        return exists.error();
    }
    if (exists->next()) {
        (void)finish(false);
        return false;
    }
    // The change runs inside its own savepoint: a remote event that no longer applies
    // is rolled back alone and still appended, marked overridden.
    if (auto b = begin(); !b) {
        (void)finish(false);
        return b.error();
    }
    auto change = applyChange(e);
    (void)finish(change.ok());
    if (!change) {
        if (!remote || change.error().code == ErrorCode::Io) {
            (void)finish(false);
            return change.error();
        }
        e.status = QStringLiteral("overridden");
        e.note = change.error().message;
    }
    auto ins = run(QStringLiteral("INSERT INTO events(uuid, station, worker, time, time_ms, type, asset_tag, payload,"
                                  " status, note, pushed) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                   {e.uuid, e.station, e.worker, isoTime(e.time), e.time.toMSecsSinceEpoch(), e.type,
                    e.assetTag.isEmpty() ? QVariant() : QVariant(e.assetTag), compact(e.payload), e.status, e.note,
                    e.pushed ? 1 : 0});
    if (!ins) {
        (void)finish(false);
        return ins.error();
    }
    e.seq = ins->lastInsertId().toLongLong();
    if (e.status == QLatin1String("applied") && !e.assetTag.isEmpty()) {
        auto rev = run(QStringLiteral("UPDATE assets SET revision = revision + 1, updated_at = ? WHERE tag = ?"),
                       {isoTime(e.time), e.assetTag});
        if (!rev) {
            (void)finish(false);
            return rev.error();
        }
    }
    if (auto c = finish(true); !c)
        return c.error();
    return true;
}

Result<void> Store::Private::applyChange(const Event &e)
{
    Fields f(e);
    const QString when = isoTime(e.time);
    auto done = [&](const Result<QSqlQuery> &q) -> Result<void> {
        if (!q)
            return q.error();
        return {};
    };

    if (e.type == QLatin1String("donor.added")) {
        const QString name = f.text("name", true);
        const QString contact = f.text("contact");
        if (f.error())
            return *f.error();
        auto q = run(QStringLiteral("INSERT INTO donors(name, contact) VALUES(?, ?) ON CONFLICT(name) DO NOTHING"),
                     {name, contact});
        if (q && q->numRowsAffected() == 0)
            return makeError(ErrorCode::Conflict,
                             QCoreApplication::translate("Store", "the donor «%1» already exists").arg(name));
        return done(q);
    }
    if (e.type == QLatin1String("lot.added")) {
        const QString reference = f.text("reference", true, 64);
        const QString donor = f.text("donor");
        const qint64 expected = f.integer("expected_count");
        const QString received = f.text("received_at");
        const QString notes = f.text("notes", false, 4096);
        if (f.error())
            return *f.error();
        QVariant donorId;
        if (!donor.isEmpty()) {
            if (auto q
                = run(QStringLiteral("INSERT INTO donors(name) VALUES(?) ON CONFLICT(name) DO NOTHING"), {donor});
                !q)
                return q.error();
            auto id = run(QStringLiteral("SELECT id FROM donors WHERE name = ?"), {donor});
            if (id && id->next())
                donorId = id->value(0);
        }
        auto q = run(QStringLiteral("INSERT INTO lots(reference, donor_id, expected_count, received_at, notes)"
                                    " VALUES(?, ?, ?, ?, ?) ON CONFLICT(reference) DO NOTHING"),
                     {reference, donorId, expected, received.isEmpty() ? when.left(10) : received, notes});
        if (q && q->numRowsAffected() == 0)
            return makeError(ErrorCode::Conflict,
                             QCoreApplication::translate("Store", "the lot «%1» already exists").arg(reference));
        return done(q);
    }

    if (e.type == QLatin1String("beneficiary.added")) {
        const QString reference = f.text("reference", true, 64);
        const QStringList columns{QStringLiteral("school_id"), QStringLiteral("school"), QStringLiteral("class"),
                                  QStringLiteral("family_name"), QStringLiteral("contact")};
        QVariantList values{reference};
        for (const QString &c : columns)
            values << f.text(c.toLatin1().constData());
        if (f.error())
            return *f.error();
        return done(run(QStringLiteral("INSERT INTO beneficiaries(reference, school_id, school, class, family_name,"
                                       " contact) VALUES(?, ?, ?, ?, ?, ?) ON CONFLICT(reference) DO UPDATE SET"
                                       " school_id = excluded.school_id, school = excluded.school,"
                                       " class = excluded.class, family_name = excluded.family_name,"
                                       " contact = excluded.contact"),
                        values));
    }
    if (e.type == QLatin1String("worker.added")) {
        const QString badge = f.text("badge", true, 64), name = f.text("display_name", true);
        const auto role = roleFromString(f.text("role", true));
        const QJsonObject accessibility = f.object("accessibility");
        if (!role)
            f.fail(QCoreApplication::translate("Store", "«role» must be worker, supervisor or desk"));
        if (f.error())
            return *f.error();
        return done(
            run(QStringLiteral("INSERT INTO workers(badge, display_name, role, accessibility) VALUES(?, ?, ?, ?)"
                               " ON CONFLICT(badge) DO UPDATE SET display_name = excluded.display_name,"
                               " role = excluded.role, accessibility = excluded.accessibility"),
                {badge, name, toString(*role), compact(accessibility)}));
    }
    if (e.type == QLatin1String("station.added")) {
        const QString name = f.text("name", true, 64), location = f.text("location");
        if (f.error())
            return *f.error();
        return done(run(QStringLiteral("INSERT INTO stations(name, location) VALUES(?, ?)"
                                       " ON CONFLICT(name) DO UPDATE SET location = excluded.location"),
                        {name, location}));
    }

    // Everything below is about one asset.
    auto tag = AssetTag::parse(e.assetTag);
    if (!tag)
        return tag.error();

    if (e.type == QLatin1String("asset.added")) {
        const auto kind = assetKindFromString(f.text("kind", true));
        const QString lotRef = f.text("lot");
        const QString make = f.text("make"), model = f.text("model"), serial = f.text("serial");
        const QJsonObject specs = f.object("specs");
        if (f.text("tag") != *tag)
            f.fail(QCoreApplication::translate("Store", "«tag» must equal the event's asset tag"));
        if (!kind)
            f.fail(QCoreApplication::translate("Store", "unknown kind (pc, screen, keyboard, mouse, speakers, part)"));
        if (f.error())
            return *f.error();
        QVariant lotId;
        if (!lotRef.isEmpty()) {
            auto l = run(QStringLiteral("SELECT id FROM lots WHERE reference = ?"), {lotRef});
            if (!l || !l->next())
                return makeError(ErrorCode::NotFound, QCoreApplication::translate("Store", "no lot «%1»").arg(lotRef),
                                 QStringLiteral("unknown_lot"));
            lotId = l->value(0);
        }
        if (assetId(*tag))
            return makeError(ErrorCode::Conflict,
                             QCoreApplication::translate("Store", "the tag %1 is already used").arg(*tag),
                             QStringLiteral("duplicate_tag"));
        return done(run(QStringLiteral("INSERT INTO assets(tag, kind, make, model, serial, specs, state, lot_id,"
                                       " created_at, updated_at) VALUES(?, ?, ?, ?, ?, ?, 'RECEIVED', ?, ?, ?)"),
                        {*tag, toString(*kind), make, model, serial, compact(specs), lotId, when, when}));
    }

    const auto id = assetId(*tag);
    if (!id)
        return makeError(ErrorCode::NotFound,
                         QCoreApplication::translate("Store", "no asset %1 in this inventory").arg(*tag),
                         QStringLiteral("unknown_tag"));
    auto cycleQuery = run(QStringLiteral("SELECT cycle, state, reserved_for FROM assets WHERE id = ?"), {*id});
    if (!cycleQuery || !cycleQuery->next())
        return makeError(ErrorCode::Internal, QCoreApplication::translate("Store", "asset %1 vanished").arg(*tag));
    const int cycle = cycleQuery->value(0).toInt();
    const QString state = cycleQuery->value(1).toString();
    const QString reservedFor = cycleQuery->value(2).toString();

    if (e.type == QLatin1String("asset.moved")) {
        const auto from = assetStateFromString(f.text("from", true));
        const auto to = assetStateFromString(f.text("to", true));
        const QString beneficiary = f.text("beneficiary", false, 64);
        const QString note = f.text("note", false, 1024);
        if (!from || !to)
            f.fail(QCoreApplication::translate(
                "Store",
                "unknown state (one of RECEIVED, TESTING, IN_REPAIR, IMAGED, READY, RESERVED, HANDED_OVER,"
                " RETURNED, PARTS, RECYCLED)"));
        if (f.error())
            return *f.error();
        if (toString(*from) != state)
            return makeError(ErrorCode::Conflict,
                             QCoreApplication::translate("Store", "%1 is %2, not %3: someone moved it meanwhile")
                                 .arg(*tag, state, toString(*from)),
                             QStringLiteral("stale_state"));
        if (syncReplay) {
            if (!Lifecycle::isAllowed(*from, *to))
                return makeError(ErrorCode::TransitionRefused,
                                 QCoreApplication::translate("Store", "%1 cannot go from %2 to %3")
                                     .arg(*tag, toString(*from), toString(*to)),
                                 QStringLiteral("forbidden_transition"));
        } else {
            const AssetFacts facts = factsFor(*tag);
            if (auto ok = Lifecycle::check(*from, *to, facts, beneficiary); !ok)
                return ok.error();
        }
        QString newReserved = reservedFor;
        int newCycle = cycle;
        if (*to == AssetState::Reserved)
            newReserved = beneficiary;
        else if (*to == AssetState::Ready || *to == AssetState::Testing || *to == AssetState::Parts
                 || *to == AssetState::Recycled)
            newReserved.clear();
        if (*to == AssetState::HandedOver) {
            const QString until = e.time.toUTC().date().addYears(3).toString(Qt::ISODate);
            if (auto q = run(QStringLiteral("INSERT INTO handovers(asset_id, beneficiary, event_uuid, handed_over_at,"
                                            " warranty_until, station, worker) VALUES(?, ?, ?, ?, ?, ?, ?)"),
                             {*id, beneficiary, e.uuid, when, until, e.station, e.worker});
                !q)
                return q.error();
        }
        if (*to == AssetState::Returned) {
            if (auto q
                = run(QStringLiteral("INSERT INTO returns(asset_id, beneficiary, event_uuid, returned_at, reason)"
                                     " VALUES(?, ?, ?, ?, ?)"),
                      {*id, reservedFor, e.uuid, when, note});
                !q)
                return q.error();
            newCycle = cycle + 1; // a returned PC is tested, erased and imaged again
            newReserved.clear();
        }
        return done(run(QStringLiteral("UPDATE assets SET state = ?, reserved_for = ?, cycle = ? WHERE id = ?"),
                        {toString(*to), newReserved, newCycle, *id}));
    }
    if (e.type == QLatin1String("asset.updated")) {
        const QJsonObject p = e.payload;
        const QString make = f.text("make"), model = f.text("model"), serial = f.text("serial");
        const QJsonObject specs = f.object("specs");
        const QJsonArray components = f.array("components");
        for (const QJsonValue &c : components)
            if (!c.isObject() || !c.toObject().value(QStringLiteral("kind")).isString())
                f.fail(QCoreApplication::translate("Store", "each component must be an object with a «kind»"));
        if (f.error())
            return *f.error();
        const std::pair<const char *, QVariant> columns[]
            = {{"make", make}, {"model", model}, {"serial", serial}, {"specs", compact(specs)}};
        for (const auto &[column, value] : columns)
            if (p.contains(QLatin1String(column)))
                if (auto q = run(QStringLiteral("UPDATE assets SET %1 = ? WHERE id = ?").arg(QLatin1String(column)),
                                 {value, *id});
                    !q)
                    return q.error();
        if (p.contains(QStringLiteral("components"))) {
            if (auto q = run(QStringLiteral("DELETE FROM components WHERE asset_id = ?"), {*id}); !q)
                return q.error();
            for (const QJsonValue &v : components) {
                const Component c = componentFromJson(v.toObject());
                if (auto q = run(QStringLiteral("INSERT INTO components(asset_id, kind, make, model, serial,"
                                                " size_bytes, details) VALUES(?, ?, ?, ?, ?, ?, ?)"),
                                 {*id, c.kind, c.make, c.model, c.serial, c.sizeBytes, compact(c.details)});
                    !q)
                    return q.error();
            }
        }
        return {};
    }
    if (e.type == QLatin1String("test.recorded")) {
        const QString kind = f.text("kind", true, 32);
        const auto verdict = verdictFromString(f.text("verdict", true));
        const QString rule = f.text("rule", false, 1024);
        const QJsonObject measurements = f.object("measurements");
        const QString started = f.text("started_at"), ended = f.text("ended_at");
        if (!verdict)
            f.fail(QCoreApplication::translate("Store", "«verdict» must be PASS, WARN or FAIL"));
        if (f.error())
            return *f.error();
        return done(run(QStringLiteral("INSERT INTO test_results(asset_id, event_uuid, cycle, kind, verdict, rule,"
                                       " measurements, station, worker, started_at, ended_at)"
                                       " VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                        {*id, e.uuid, cycle, kind, toString(*verdict), rule, compact(measurements), e.station, e.worker,
                         started.isEmpty() ? when : started, ended.isEmpty() ? when : ended}));
    }
    if (e.type == QLatin1String("hs.recorded")) {
        const QString part = f.text("part", true, 64);
        const QString reasonText = f.text("reason", true);
        const QString disposal = f.text("disposal", false, 32);
        const QString note = f.text("note", false, 1024);
        if (!reasonText.isEmpty() && !hsReasonFromString(reasonText)) {
            QStringList names;
            for (HsReason r : allHsReasons())
                names << toString(r);
            f.fail(QCoreApplication::translate("Store", "unknown reason (one of %1)")
                       .arg(names.join(QStringLiteral(", "))));
        }
        if (f.error())
            return *f.error();
        return done(run(QStringLiteral("INSERT INTO hs_records(asset_id, event_uuid, cycle, part, reason, disposal,"
                                       " note, recorded_at) VALUES(?, ?, ?, ?, ?, ?, ?, ?)"),
                        {*id, e.uuid, cycle, part, reasonText.toLower(), disposal, note, when}));
    }
    if (e.type == QLatin1String("erasure.recorded")) {
        const QString method = f.text("method", true, 64);
        const QString model = f.text("device_model"), serial = f.text("device_serial");
        const qint64 bytes = f.integer("bytes");
        const bool verified = f.boolean("verified", true);
        const QString started = f.text("started_at"), ended = f.text("ended_at");
        const QJsonObject certificate = f.object("certificate");
        if (f.error())
            return *f.error();
        return done(run(QStringLiteral("INSERT INTO erasures(asset_id, event_uuid, cycle, method, device_model,"
                                       " device_serial, bytes, verified, started_at, ended_at, certificate)"
                                       " VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                        {*id, e.uuid, cycle, method, model, serial, bytes, verified ? 1 : 0,
                         started.isEmpty() ? when : started, ended.isEmpty() ? when : ended, compact(certificate)}));
    }
    if (e.type == QLatin1String("imaging.recorded")) {
        const QString name = f.text("master_name", true), version = f.text("master_version", true);
        const QString model = f.text("target_model"), serial = f.text("target_serial");
        const qint64 bytes = f.integer("bytes");
        const double seconds = f.number("seconds"), mibs = f.number("mib_s");
        const QString fill = f.text("fill", false, 16);
        const bool verified = f.boolean("verified", true);
        if (f.error())
            return *f.error();
        return done(run(
            QStringLiteral("INSERT INTO imaging_runs(asset_id, event_uuid, cycle, master_name,"
                           " master_version, target_model, target_serial, bytes, seconds, mib_s, fill,"
                           " verified, recorded_at) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
            {*id, e.uuid, cycle, name, version, model, serial, bytes, seconds, mibs, fill, verified ? 1 : 0, when}));
    }
    if (e.type == QLatin1String("label.printed")) {
        const QString templ = f.text("template", true, 64), printer = f.text("printer", true);
        if (f.error())
            return *f.error();
        return done(run(QStringLiteral("INSERT INTO label_prints(asset_id, event_uuid, template, printer, printed_at)"
                                       " VALUES(?, ?, ?, ?, ?)"),
                        {*id, e.uuid, templ, printer, when}));
    }
    if (e.type == QLatin1String("kit.created")) {
        const QString reference = f.text("reference", true, 64);
        const QJsonArray items = f.array("items");
        if (f.error())
            return *f.error();
        auto k = run(QStringLiteral("INSERT INTO kits(reference, pc_asset_id, created_at) VALUES(?, ?, ?)"),
                     {reference, *id, when});
        if (!k)
            return makeError(ErrorCode::Conflict,
                             QCoreApplication::translate("Store", "the kit «%1» already exists").arg(reference));
        const qint64 kitId = k->lastInsertId().toLongLong();
        for (const QJsonValue &v : items) {
            auto itemTag = AssetTag::parse(v.toString());
            if (!itemTag)
                return itemTag.error();
            auto itemId = assetId(*itemTag);
            if (!itemId)
                return makeError(ErrorCode::NotFound,
                                 QCoreApplication::translate("Store", "no asset %1 in this inventory").arg(*itemTag),
                                 QStringLiteral("unknown_tag"));
            if (auto q = run(QStringLiteral("INSERT INTO kit_items(kit_id, asset_id) VALUES(?, ?)"), {kitId, *itemId});
                !q)
                return q.error();
        }
        return {};
    }
    return badPayload(e, QCoreApplication::translate("Store", "this event type is not about one asset"));
}

} // namespace Etabli::Inventory
