// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
//
// How each event changes a station's tables. What is valid and what changes is decided
// by the one set of event rules (inventory/eventrules.h), which the server runs too;
// this file only gathers what they need and writes what they decide.
#include "inventory/assettag.h"
#include "inventory/eventrules.h"
#include "inventory/store_desk_p.h"
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

} // namespace

Result<bool> Store::Private::commit(Event &e, bool remote)
{
    // A malformed event is refused whoever made it; only the server's order (a replay)
    // keeps one that no longer passes, as overridden, so an old log never blocks a sync.
    if (!syncReplay)
        if (auto valid = EventRules::validate(e); !valid)
            return valid.error();
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
    // Every guard for this station's own change; for an event made elsewhere only those
    // the asset state decides, exactly as the server (the other guards were checked where
    // the event was made).
    checkAllGuards = !remote && !syncReplay;
    auto change = applyChange(e);
    checkAllGuards = false;
    (void)finish(change.ok());
    if (!change) {
        // An event about an asset this store does not know is refused, as the server
        // refuses it, so it is offered again once its asset.added is here; only the
        // server's own order keeps it (overridden), since the server already ruled.
        const bool unknownAsset = change.error().detail == QLatin1String("unknown_tag") && !syncReplay;
        if (!remote || change.error().code == ErrorCode::Io || unknownAsset) {
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

Result<EventRules::Before> Store::Private::before(const Event &e) const
{
    EventRules::Before b;
    auto found = [this](const QString &sql, const QVariantList &binds) -> Result<bool> {
        auto q = run(sql, binds);
        if (!q)
            return q.error();
        return q->next();
    };
    if (!e.assetTag.isEmpty()) {
        auto a
            = run(QStringLiteral("SELECT a.kind, a.state, a.reserved_for, a.cycle, coalesce(l.reference, ''), a.make,"
                                 " a.model, a.serial FROM assets a LEFT JOIN lots l ON l.id = a.lot_id"
                                 " WHERE a.tag = ?"),
                  {e.assetTag});
        if (!a)
            return a.error();
        if (a->next())
            b.asset = {true,
                       assetKindFromString(a->value(0).toString()).value_or(AssetKind::Part),
                       assetStateFromString(a->value(1).toString()).value_or(AssetState::Received),
                       a->value(2).toString(),
                       a->value(3).toInt(),
                       a->value(4).toString(),
                       a->value(5).toString(),
                       a->value(6).toString(),
                       a->value(7).toString()};
    }
    if (auto looked = EventRules::lookUp(e, found, b); !looked)
        return looked.error();
    if (e.type == EventType::AssetMoved && checkAllGuards && b.asset.exists)
        b.facts = factsFor(e.assetTag);
    return b;
}

Result<void> Store::Private::applyChange(const Event &e)
{
    auto b = before(e);
    if (!b)
        return b.error();
    auto decided = EventRules::apply(*b, e);
    if (!decided)
        return decided.error();
    const EventRules::After &after = *decided;
    const QJsonObject &p = e.payload;
    const auto text = [&p](const char *key) { return p.value(QLatin1String(key)).toString().trimmed(); };
    const QString when = isoTime(e.time);
    auto done = [&](const Result<QSqlQuery> &q) -> Result<void> {
        if (!q)
            return q.error();
        return {};
    };

    if (e.type == EventType::DonorAdded)
        return done(
            run(QStringLiteral("INSERT INTO donors(name, contact) VALUES(?, ?)"), {text("name"), text("contact")}));
    if (e.type == EventType::LotAdded) {
        QVariant donorId;
        if (const QString donor = text("donor"); !donor.isEmpty()) {
            if (auto q
                = run(QStringLiteral("INSERT INTO donors(name) VALUES(?) ON CONFLICT(name) DO NOTHING"), {donor});
                !q)
                return q.error();
            auto id = run(QStringLiteral("SELECT id FROM donors WHERE name = ?"), {donor});
            if (id && id->next())
                donorId = id->value(0);
        }
        const QString received = text("received_at");
        return done(run(QStringLiteral("INSERT INTO lots(reference, donor_id, expected_count, received_at, notes)"
                                       " VALUES(?, ?, ?, ?, ?)"),
                        {text("reference"), donorId, p.value(QStringLiteral("expected_count")).toInteger(0),
                         received.isEmpty() ? when.left(10) : received, text("notes")}));
    }
    // desk: the desk records' tables (store_desk.cpp)
    const DeskRun deskRun = [this](const QString &sql, const QVariantList &binds) { return run(sql, binds); };
    if (e.type == EventType::BeneficiaryAdded) {
        if (auto q = run(QStringLiteral("INSERT INTO beneficiaries(reference, school_id, school, class, family_name,"
                                        " contact) VALUES(?, ?, ?, ?, ?, ?) ON CONFLICT(reference) DO UPDATE SET"
                                        " school_id = excluded.school_id, school = excluded.school,"
                                        " class = excluded.class, family_name = excluded.family_name,"
                                        " contact = excluded.contact"),
                         {text("reference"), text("school_id"), text("school"), text("class"), text("family_name"),
                          text("contact")});
            !q)
            return q.error();
        return applyDeskRecord(deskRun, e); // desk: names and kind (store_desk.cpp)
    }
    if (e.type == EventType::WorkerAdded)
        return done(run(QStringLiteral("INSERT INTO workers(badge, display_name, role, accessibility, photo, active)"
                                       " VALUES(?, ?, ?, ?, ?, 1) ON CONFLICT(badge) DO UPDATE SET"
                                       " display_name = excluded.display_name, role = excluded.role,"
                                       " accessibility = excluded.accessibility, photo = excluded.photo, active = 1"),
                        {text("badge"), text("display_name"), toString(*roleFromString(text("role"))),
                         compact(p.value(QStringLiteral("accessibility")).toObject()), text("photo")}));
    // flow (issue 12): a worker's card changed; only the keys the event carries change.
    if (e.type == EventType::WorkerUpdated) {
        QStringList sets;
        QVariantList values;
        const auto set = [&](const char *key, const QVariant &value) {
            if (!p.contains(QLatin1String(key)))
                return;
            sets << QLatin1String(key) + QStringLiteral(" = ?");
            values << value;
        };
        set("display_name", text("display_name"));
        set("role", p.contains(QStringLiteral("role")) ? toString(*roleFromString(text("role"))) : QString());
        set("accessibility", compact(p.value(QStringLiteral("accessibility")).toObject()));
        set("photo", text("photo"));
        set("active", int(p.value(QStringLiteral("active")).toBool()));
        if (sets.isEmpty())
            return {};
        values << text("badge");
        return done(run(QStringLiteral("UPDATE workers SET ") + sets.join(QStringLiteral(", "))
                            + QStringLiteral(" WHERE badge = ?"),
                        values));
    }
    if (e.type == EventType::StationAdded)
        return done(run(QStringLiteral("INSERT INTO stations(name, location) VALUES(?, ?)"
                                       " ON CONFLICT(name) DO UPDATE SET location = excluded.location"),
                        {text("name"), text("location")}));

    if (const EventRules::TypeRule *t = EventRules::rule(e.type); t && !t->aboutAsset)
        return applyDeskRecord(deskRun, e); // desk: its records' tables; the others are kept in the log only
    if (e.type == EventType::ReturnRecorded) // desk: the return's reason and swap
        return applyDeskRecord(deskRun, e);

    // Everything below is about one asset.
    const QString &tag = e.assetTag;
    if (e.type == EventType::AssetAdded) {
        QVariant lotId;
        if (!after.asset.lot.isEmpty()) {
            auto l = run(QStringLiteral("SELECT id FROM lots WHERE reference = ?"), {after.asset.lot});
            if (l && l->next())
                lotId = l->value(0);
        }
        return done(run(QStringLiteral("INSERT INTO assets(tag, kind, make, model, serial, specs, state, lot_id,"
                                       " created_at, updated_at) VALUES(?, ?, ?, ?, ?, ?, 'RECEIVED', ?, ?, ?)"),
                        {tag, toString(after.asset.kind), after.asset.make, after.asset.model, after.asset.serial,
                         compact(p.value(QStringLiteral("specs")).toObject()), lotId, when, when}));
    }
    const auto id = assetId(tag);
    if (!id)
        return makeError(ErrorCode::Internal, QCoreApplication::translate("Store", "asset %1 vanished").arg(tag));
    const int cycle = b->asset.cycle;

    if (e.type == EventType::AssetMoved) {
        if (after.handover)
            if (auto q = run(QStringLiteral("INSERT INTO handovers(asset_id, beneficiary, event_uuid, handed_over_at,"
                                            " warranty_until, station, worker) VALUES(?, ?, ?, ?, ?, ?, ?)"),
                             {*id, after.handover->beneficiary, e.uuid, when, after.handover->warrantyUntil, e.station,
                              e.worker});
                !q)
                return q.error();
        if (after.returnedBy)
            if (auto q
                = run(QStringLiteral("INSERT INTO returns(asset_id, beneficiary, event_uuid, returned_at, reason)"
                                     " VALUES(?, ?, ?, ?, ?)"),
                      {*id, *after.returnedBy, e.uuid, when, text("note")});
                !q)
                return q.error();
        return done(run(QStringLiteral("UPDATE assets SET state = ?, reserved_for = ?, cycle = ? WHERE id = ?"),
                        {toString(after.asset.state), after.asset.reservedFor, after.asset.cycle, *id}));
    }
    if (e.type == EventType::AssetUpdated) {
        const std::pair<const char *, QVariant> columns[]
            = {{"make", after.asset.make},
               {"model", after.asset.model},
               {"serial", after.asset.serial},
               {"specs", compact(p.value(QStringLiteral("specs")).toObject())}};
        for (const auto &[column, value] : columns)
            if (p.contains(QLatin1String(column)))
                if (auto q = run(QStringLiteral("UPDATE assets SET %1 = ? WHERE id = ?").arg(QLatin1String(column)),
                                 {value, *id});
                    !q)
                    return q.error();
        if (p.contains(QStringLiteral("components"))) {
            if (auto q = run(QStringLiteral("DELETE FROM components WHERE asset_id = ?"), {*id}); !q)
                return q.error();
            for (const QJsonValue &v : p.value(QStringLiteral("components")).toArray()) {
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
    if (e.type == EventType::TestRecorded) {
        const QString started = text("started_at"), ended = text("ended_at");
        return done(run(QStringLiteral("INSERT INTO test_results(asset_id, event_uuid, cycle, kind, verdict, rule,"
                                       " measurements, station, worker, started_at, ended_at)"
                                       " VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                        {*id, e.uuid, cycle, text("kind"), toString(*verdictFromString(text("verdict"))), text("rule"),
                         compact(p.value(QStringLiteral("measurements")).toObject()), e.station, e.worker,
                         started.isEmpty() ? when : started, ended.isEmpty() ? when : ended}));
    }
    if (e.type == EventType::HsRecorded)
        return done(run(QStringLiteral("INSERT INTO hs_records(asset_id, event_uuid, cycle, part, reason, disposal,"
                                       " note, recorded_at) VALUES(?, ?, ?, ?, ?, ?, ?, ?)"),
                        {*id, e.uuid, cycle, text("part").toLower(), text("reason").toLower(), text("disposal"),
                         text("note"), when}));
    if (e.type == EventType::ErasureRecorded) {
        const QString started = text("started_at"), ended = text("ended_at");
        const QJsonObject certificate = p.value(QStringLiteral("certificate")).toObject();
        const QString certificateId = text("certificate_id").isEmpty()
            ? certificate.value(QStringLiteral("id")).toString()
            : text("certificate_id");
        return done(run(QStringLiteral("INSERT INTO erasures(asset_id, event_uuid, cycle, method, device_model,"
                                       " device_serial, bytes, verified, started_at, ended_at, certificate,"
                                       " certificate_id, worker, check_status)"
                                       " VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                        {*id, e.uuid, cycle, text("method"), text("device_model"), text("device_serial"),
                         p.value(QStringLiteral("bytes")).toInteger(0),
                         p.value(QStringLiteral("verified")).toBool() ? 1 : 0, started.isEmpty() ? when : started,
                         ended.isEmpty() ? when : ended, compact(certificate), certificateId, e.worker,
                         text("check_status").isEmpty() ? QStringLiteral("to_be_checked") : text("check_status")}));
    }
    if (e.type == EventType::ErasureChecked)
        return done(run(QStringLiteral("UPDATE erasures SET check_status = 'checked', checked_by = ?, checked_at = ?"
                                       " WHERE certificate_id = ? AND asset_id = ?"),
                        {text("checker"), when, text("certificate_id"), *id}));
    if (e.type == EventType::ImagingRecorded)
        return done(
            run(QStringLiteral("INSERT INTO imaging_runs(asset_id, event_uuid, cycle, master_name,"
                               " master_version, target_model, target_serial, bytes, seconds, mib_s, fill,"
                               " verified, recorded_at, target_kind) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                {*id, e.uuid, cycle, text("master_name"), text("master_version"), text("target_model"),
                 text("target_serial"), p.value(QStringLiteral("bytes")).toInteger(0),
                 p.value(QStringLiteral("seconds")).toDouble(), p.value(QStringLiteral("mib_s")).toDouble(),
                 text("fill"), p.value(QStringLiteral("verified")).toBool() ? 1 : 0, when, text("target_kind")}));
    if (e.type == EventType::LabelPrinted)
        return done(run(QStringLiteral("INSERT INTO label_prints(asset_id, event_uuid, template, printer, printed_at)"
                                       " VALUES(?, ?, ?, ?, ?)"),
                        {*id, e.uuid, text("template"), text("printer"), when}));
    if (e.type == EventType::KitCreated) {
        auto k = run(QStringLiteral("INSERT INTO kits(reference, pc_asset_id, created_at) VALUES(?, ?, ?)"),
                     {text("reference"), *id, when});
        if (!k)
            return k.error();
        const qint64 kitId = k->lastInsertId().toLongLong();
        for (const QString &item : EventRules::lookups(e).items)
            if (auto q
                = run(QStringLiteral("INSERT INTO kit_items(kit_id, asset_id) VALUES(?, ?)"), {kitId, *assetId(item)});
                !q)
                return q.error();
        return {};
    }
    if (e.type == EventType::FlowStep || e.type == EventType::ReturnRecorded)
        return {}; // kept in the log only: the bench flow and the desk read them from there
    return makeError(ErrorCode::Internal,
                     QCoreApplication::translate("Store", "no writer for the event type %1").arg(e.type));
}

} // namespace Etabli::Inventory
