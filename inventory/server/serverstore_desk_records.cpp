// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
//
// desk (issue 14, engineer "deskserver"): the server's projections of the desk records —
// the beneficiary's names and kind, vouchers, signed handovers, grants, parents' training
// and returns — kept by apply() in the event's own transaction, so a second desk (or the
// same desk after a reinstall) reads a family's records from the server, and the grant
// rules (one per pupil, requested by handover + 3 months) hold across desks: a second
// desk's late or second request is stored as overridden. The personal-data audit of the
// server (who viewed or changed what, when) and the erasure on request, which also
// redacts the personal fields of the family's events in the log.
#include "inventory/server/serverstore_p.h"

#include "inventory/eventtypes.h"
#include "inventory/personaldata.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>

namespace Etabli::Server {

using Inventory::Event;
namespace EventType = Inventory::EventType;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ServerStore", text);
}

QString compactValue(const QJsonValue &v)
{
    if (v.isArray())
        return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
}

} // namespace

Result<void> ServerStore::Private::migrateDesk()
{
    const QString serial = postgres ? QStringLiteral("BIGSERIAL PRIMARY KEY") : QStringLiteral("INTEGER PRIMARY KEY");
    const QStringList schema{
        QStringLiteral("CREATE TABLE IF NOT EXISTS desk_people (reference TEXT PRIMARY KEY,"
                       " pupil_name TEXT NOT NULL, parent_name TEXT NOT NULL, kind TEXT NOT NULL,"
                       " agreement_until TEXT NOT NULL, added_at TEXT NOT NULL, erased_at TEXT NOT NULL)"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS desk_vouchers (voucher TEXT PRIMARY KEY, beneficiary TEXT NOT NULL,"
                       " appointment TEXT NOT NULL, place TEXT NOT NULL, issued_at TEXT NOT NULL,"
                       " station TEXT NOT NULL, event_uuid TEXT NOT NULL)"),
        QStringLiteral("CREATE INDEX IF NOT EXISTS desk_vouchers_beneficiary ON desk_vouchers(beneficiary)"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS desk_handovers (event_uuid TEXT PRIMARY KEY,"
                       " beneficiary TEXT NOT NULL, voucher TEXT NOT NULL, tags TEXT NOT NULL,"
                       " signature_sha256 TEXT NOT NULL, signature TEXT NOT NULL, witness TEXT NOT NULL,"
                       " warranty_end TEXT NOT NULL, grant_deadline TEXT NOT NULL, recorded_at TEXT NOT NULL,"
                       " station TEXT NOT NULL, worker TEXT NOT NULL, lost INTEGER NOT NULL)"),
        QStringLiteral("CREATE INDEX IF NOT EXISTS desk_handovers_beneficiary ON desk_handovers(beneficiary)"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS desk_grants (beneficiary TEXT PRIMARY KEY,"
                       " requested_at TEXT NOT NULL, proof_received INTEGER NOT NULL, paid_at TEXT NOT NULL,"
                       " amount_eur DOUBLE PRECISION NOT NULL, station TEXT NOT NULL)"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS desk_training (beneficiary TEXT PRIMARY KEY, site TEXT NOT NULL,"
                       " enrolled_at TEXT NOT NULL)"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS desk_training_sessions (beneficiary TEXT NOT NULL,"
                       " session INTEGER NOT NULL, date TEXT NOT NULL, site TEXT NOT NULL,"
                       " PRIMARY KEY (beneficiary, session))"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS desk_returns (event_uuid TEXT PRIMARY KEY, tag TEXT NOT NULL,"
                       " reason TEXT NOT NULL, beneficiary TEXT NOT NULL, swap_tag TEXT NOT NULL, note TEXT NOT NULL,"
                       " returned_at TEXT NOT NULL)"),
        QStringLiteral("CREATE INDEX IF NOT EXISTS desk_returns_beneficiary ON desk_returns(beneficiary)"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS desk_audit (id %1, time TEXT NOT NULL, who TEXT NOT NULL,"
                       " role TEXT NOT NULL, action TEXT NOT NULL, beneficiary TEXT NOT NULL, detail TEXT NOT NULL)")
            .arg(serial),
        QStringLiteral("CREATE INDEX IF NOT EXISTS desk_audit_beneficiary ON desk_audit(beneficiary)"),
    };
    for (const QString &sql : schema)
        if (auto q = run(sql); !q)
            return q.error();
    // A database from before these projections: filled once from the log.
    return fillOnceFromLog(QStringLiteral("desk_people"), QString(EventType::BeneficiaryAdded), &Private::rebuildDesk);
}

Result<QString> ServerStore::Private::applyDesk(const Event &e, bool strict, bool replay)
{
    const bool family = Inventory::EventRules::isFamilyData(e.type);
    if (!family && e.type != EventType::ReturnRecorded)
        return QString();
    const QJsonObject &p = e.payload;
    const auto text = [&p](const char *key) { return p.value(QLatin1String(key)).toString().trimmed(); };
    const QString when = Inventory::isoTime(e.time);
    const QString beneficiary = e.type == EventType::BeneficiaryAdded || e.type == EventType::BeneficiaryErased
        ? text("reference")
        : text("beneficiary");
    // A replay (rebuildDesk) takes only events judged applied when they arrived: judged again
    // against today's tables (a kit returned since, a grant paid since) they would be lost.
    const auto refuse = [&](const QString &message, const char *detail) -> Result<QString> {
        if (strict)
            return makeError(ErrorCode::Conflict, message, QString::fromLatin1(detail));
        return message;
    };
    const auto one
        = [this](const QString &sql, const QVariantList &binds) -> Result<QSqlQuery> { return run(sql, binds); };
    const auto audited = [&]() -> Result<QString> {
        if (replay || !family)
            return QString();
        // Who changed a family's data: the desk and worker that made the event.
        if (auto q = run(QStringLiteral("INSERT INTO desk_audit(time, who, role, action, beneficiary, detail)"
                                        " VALUES(?, ?, ?, ?, ?, ?)"),
                         {now(), e.station, QStringLiteral("event"), e.type, beneficiary, e.worker});
            !q)
            return q.error();
        return QString();
    };
    const auto done = [&](const Result<QSqlQuery> &q) -> Result<QString> {
        if (!q)
            return q.error();
        return audited();
    };

    if (e.type == EventType::BeneficiaryAdded)
        return done(
            one(QStringLiteral("INSERT INTO desk_people(reference, pupil_name, parent_name, kind,"
                               " agreement_until, added_at, erased_at) VALUES(?, ?, ?, ?, ?, ?, '')"
                               " ON CONFLICT(reference) DO UPDATE SET pupil_name = excluded.pupil_name,"
                               " parent_name = excluded.parent_name, kind = excluded.kind,"
                               " agreement_until = excluded.agreement_until, erased_at = ''"),
                {beneficiary, text("pupil_name"), text("parent_name"),
                 text("kind").isEmpty() ? QStringLiteral("family") : text("kind"), text("agreement_until"), when}));
    if (e.type == EventType::VoucherIssued)
        return done(one(QStringLiteral("INSERT INTO desk_vouchers(voucher, beneficiary, appointment, place, issued_at,"
                                       " station, event_uuid) VALUES(?, ?, ?, ?, ?, ?, ?) ON CONFLICT(voucher)"
                                       " DO UPDATE SET appointment = excluded.appointment, place = excluded.place"),
                        {text("voucher"), beneficiary, text("appointment"), text("place"), when, e.station, e.uuid}));
    if (e.type == EventType::HandoverRecorded) {
        // Two desks offline, one kit: the desk whose moves arrived first holds it. The
        // other's record stays applied in the log (the supervisor's attention list reads it)
        // and is projected with `lost` set: it counts for no grant. Held = a tag reserved for
        // the family now (its moves of this very batch included), or an applied move of a tag
        // to the family in the log (a replay, a kit returned since).
        QStringList tags;
        for (const QJsonValue &t : p.value(QStringLiteral("tags")).toArray())
            tags << t.toString();
        bool lost = false;
        if (!tags.isEmpty()) {
            const QString in = QStringList(tags.size(), QStringLiteral("?")).join(QStringLiteral(", "));
            QVariantList binds{beneficiary};
            binds += QVariantList(tags.cbegin(), tags.cend());
            auto held = run(
                QStringLiteral("SELECT count(*) FROM assets WHERE reserved_for = ? AND tag IN (%1)").arg(in), binds);
            if (!held)
                return held.error();
            const qint64 now = held->next() ? held->value(0).toLongLong() : 0;
            held->finish();
            qint64 logged = 0;
            if (now == 0) {
                QVariantList moved(tags.cbegin(), tags.cend());
                moved << Inventory::PersonalData::likePattern(beneficiary);
                auto m
                    = run(QStringLiteral("SELECT count(*) FROM events WHERE asset_tag IN (%1) AND type = 'asset.moved'"
                                         " AND status = 'applied' AND payload LIKE ?")
                              .arg(in),
                          moved);
                if (!m)
                    return m.error();
                logged = m->next() ? m->value(0).toLongLong() : 0;
                m->finish();
            }
            lost = now == 0 && logged == 0;
        }
        const QDate day = e.time.toUTC().date();
        return done(
            one(QStringLiteral("INSERT INTO desk_handovers(event_uuid, beneficiary, voucher, tags,"
                               " signature_sha256, signature, witness, warranty_end, grant_deadline,"
                               " recorded_at, station, worker, lost) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                               " ON CONFLICT(event_uuid) DO NOTHING"),
                {e.uuid, beneficiary, text("voucher"), compactValue(p.value(QStringLiteral("tags"))),
                 text("signature_sha256"), compactValue(p.value(QStringLiteral("signature"))), text("witness"),
                 text("warranty_end").isEmpty() ? day.addYears(3).toString(Qt::ISODate) : text("warranty_end"),
                 text("grant_deadline").isEmpty() ? day.addMonths(3).toString(Qt::ISODate) : text("grant_deadline"),
                 when, e.station, e.worker, lost ? 1 : 0}));
    }
    if (e.type == EventType::GrantRequested) {
        const QString requested = text("requested_at").isEmpty() ? when.left(10) : text("requested_at");
        auto g = run(QStringLiteral("SELECT requested_at FROM desk_grants WHERE beneficiary = ?"), {beneficiary});
        if (!g)
            return g.error();
        const QString before = g->next() ? g->value(0).toString() : QString();
        g->finish();
        if (!replay && !before.isEmpty())
            return refuse(tr("the grant of %1 was already requested on %2").arg(beneficiary, before),
                          "already_requested");
        auto h
            = run(QStringLiteral("SELECT min(grant_deadline) FROM desk_handovers WHERE beneficiary = ? AND lost = 0"),
                  {beneficiary});
        if (!h)
            return h.error();
        const QString deadline = h->next() ? h->value(0).toString() : QString();
        h->finish();
        if (!replay && deadline.isEmpty())
            return refuse(tr("%1 received nothing yet: no grant").arg(beneficiary), "no_handover");
        if (!replay && requested > deadline)
            return refuse(tr("the grant of %1 had to be requested by %2").arg(beneficiary, deadline), "too_late");
        return done(
            one(QStringLiteral("INSERT INTO desk_grants(beneficiary, requested_at, proof_received, paid_at,"
                               " amount_eur, station) VALUES(?, ?, ?, '', 0, ?) ON CONFLICT(beneficiary) DO NOTHING"),
                {beneficiary, requested, p.value(QStringLiteral("proof_received")).toBool() ? 1 : 0, e.station}));
    }
    if (e.type == EventType::GrantPaid) {
        auto g
            = run(QStringLiteral("SELECT requested_at, paid_at FROM desk_grants WHERE beneficiary = ?"), {beneficiary});
        if (!g)
            return g.error();
        const bool requested = g->next();
        const QString paid = requested ? g->value(1).toString() : QString();
        g->finish();
        if (!replay && !requested)
            return refuse(tr("the grant of %1 was never requested").arg(beneficiary), "not_requested");
        if (!replay && !paid.isEmpty())
            return refuse(tr("the grant of %1 was already paid on %2").arg(beneficiary, paid), "already_paid");
        return done(one(QStringLiteral("UPDATE desk_grants SET paid_at = ?, amount_eur = ? WHERE beneficiary = ?"),
                        {text("paid_at").isEmpty() ? when.left(10) : text("paid_at"),
                         p.value(QStringLiteral("amount_eur")).toDouble(60), beneficiary}));
    }
    if (e.type == EventType::TrainingEnrolled)
        return done(one(QStringLiteral("INSERT INTO desk_training(beneficiary, site, enrolled_at) VALUES(?, ?, ?)"
                                       " ON CONFLICT(beneficiary) DO UPDATE SET site = excluded.site"),
                        {beneficiary, text("site"), when}));
    if (e.type == EventType::TrainingAttended)
        return done(one(QStringLiteral("INSERT INTO desk_training_sessions(beneficiary, session, date, site)"
                                       " VALUES(?, ?, ?, ?) ON CONFLICT(beneficiary, session) DO UPDATE SET"
                                       " date = excluded.date, site = excluded.site"),
                        {beneficiary, p.value(QStringLiteral("session")).toInt(),
                         text("date").isEmpty() ? when.left(10) : text("date"), text("site")}));
    if (e.type == EventType::ReturnRecorded)
        return done(one(QStringLiteral("INSERT INTO desk_returns(event_uuid, tag, reason, beneficiary, swap_tag, note,"
                                       " returned_at) VALUES(?, ?, ?, ?, ?, ?, ?) ON CONFLICT(event_uuid) DO NOTHING"),
                        {e.uuid, e.assetTag, text("reason"), beneficiary, text("swap_tag"), text("note"), when}));
    if (e.type == EventType::BeneficiaryErased) {
        // The names, the contact, the school id, the signature strokes and free notes go;
        // the reference, the tags and the loan's dates stay (the workshop's records).
        const QStringList sql{
            QStringLiteral("UPDATE beneficiaries SET school_id = '', family_name = '', contact = ''"
                           " WHERE reference = ?"),
            QStringLiteral("UPDATE desk_people SET pupil_name = '', parent_name = '', erased_at = ?"
                           " WHERE reference = ?"),
            QStringLiteral("UPDATE desk_handovers SET signature = '{}', witness = '' WHERE beneficiary = ?"),
            QStringLiteral("UPDATE desk_returns SET note = '' WHERE beneficiary = ?"),
        };
        if (!postgres) // the old text is overwritten in the file's pages, not only unlinked
            if (auto q = run(QStringLiteral("PRAGMA secure_delete = ON")); !q)
                return q.error();
        for (const QString &s : sql)
            if (auto q = run(s,
                             s.contains(QLatin1String("erased_at")) ? QVariantList{when, beneficiary}
                                                                    : QVariantList{beneficiary});
                !q)
                return q.error();
        if (auto r = redactLog(beneficiary); !r)
            return r.error();
        return audited();
    }
    return audited();
}

Result<void> ServerStore::Private::redactLog(const QString &reference)
{
    if (reference.isEmpty())
        return {};
    namespace PersonalData = Inventory::PersonalData;
    auto q = run(QStringLiteral("SELECT seq, type, payload FROM events WHERE type IN ('%1') AND payload LIKE ?")
                     .arg(PersonalData::typesWithPersonalData().join(QStringLiteral("', '"))),
                 {PersonalData::likePattern(reference)});
    if (!q)
        return q.error();
    QList<QPair<qint64, QString>> changed;
    while (q->next()) {
        QJsonObject p = QJsonDocument::fromJson(q->value(2).toString().toUtf8()).object();
        if (PersonalData::redact(q->value(1).toString(), p, reference))
            changed.append({q->value(0).toLongLong(), compact(p)});
    }
    q->finish();
    for (const auto &[seq, payload] : std::as_const(changed))
        if (auto u = run(QStringLiteral("UPDATE events SET payload = ? WHERE seq = ?"), {payload, seq}); !u)
            return u.error();
    return {};
}

Result<void> ServerStore::Private::afterDeskErasure(const QList<Event> &events)
{
    QStringList erased;
    for (const Event &e : events)
        if (e.type == EventType::BeneficiaryErased)
            erased << e.payload.value(QStringLiteral("reference")).toString().trimmed();
    if (erased.isEmpty())
        return {};
    // Again after the commit: a beneficiary.added pushed in the same group as its erasure
    // was appended after apply() redacted the log.
    {
        const auto writer = lockWriter();
        if (auto begun = beginWrite(); !begun)
            return begun.error();
        QSqlDatabase database = db();
        for (const QString &reference : std::as_const(erased))
            if (auto r = redactLog(reference); !r) {
                idle();
                database.rollback();
                return r.error();
            }
        idle();
        if (!database.commit())
            return makeError(ErrorCode::Io, tr("cannot commit: %1").arg(database.lastError().text()));
    }
    // SQLite: the WAL still holds the pages as they were; checkpointed and truncated, so
    // the erased text is in no file (secure_delete zeroed the freed space in the pages).
    if (!postgres)
        if (auto q = run(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")); q)
            q->finish();
    return {};
}

Result<void> ServerStore::Private::rebuildDesk()
{
    for (const char *table : {"desk_people", "desk_vouchers", "desk_handovers", "desk_grants", "desk_training",
                              "desk_training_sessions", "desk_returns"})
        if (auto q = run(QStringLiteral("DELETE FROM %1").arg(QLatin1String(table))); !q)
            return q.error();
    QStringList types = Inventory::EventRules::familyDataTypes();
    types << QString(EventType::ReturnRecorded);
    auto q = run(QStringLiteral("SELECT uuid, station, worker, time, type, asset_tag, payload FROM events"
                                " WHERE type IN ('%1') AND status = 'applied' ORDER BY seq")
                     .arg(types.join(QStringLiteral("', '"))));
    if (!q)
        return q.error();
    QList<Event> events;
    while (q->next()) {
        Event e;
        e.uuid = q->value(0).toString();
        e.station = q->value(1).toString();
        e.worker = q->value(2).toString();
        e.time = QDateTime::fromString(q->value(3).toString(), Qt::ISODateWithMs);
        e.type = q->value(4).toString();
        e.assetTag = q->value(5).toString();
        e.payload = QJsonDocument::fromJson(q->value(6).toString().toUtf8()).object();
        events.append(e);
    }
    q->finish();
    for (const Event &e : std::as_const(events))
        if (auto a = applyDesk(e, false, true); !a)
            return a.error();
    return {};
}

// --- reads and the audit

Result<void> ServerStore::auditPersonalData(const TokenInfo &who, const QString &action, const QString &beneficiary,
                                            const QString &detail)
{
    const auto writer = d->lockWriter();
    auto q = d->run(QStringLiteral("INSERT INTO desk_audit(time, who, role, action, beneficiary, detail)"
                                   " VALUES(?, ?, ?, ?, ?, ?)"),
                    {now(), who.name, who.role, action, beneficiary, detail});
    if (!q)
        return q.error();
    q->finish();
    return {};
}

Result<QJsonArray> ServerStore::personalDataAudit(const QString &beneficiary) const
{
    auto q = beneficiary.isEmpty()
        ? d->run(QStringLiteral("SELECT time, who, role, action, beneficiary, detail FROM desk_audit ORDER BY id"))
        : d->run(QStringLiteral("SELECT time, who, role, action, beneficiary, detail FROM desk_audit"
                                " WHERE beneficiary = ? ORDER BY id"),
                 {beneficiary});
    if (!q)
        return q.error();
    QJsonArray out;
    while (q->next())
        out.append(QJsonObject{{QStringLiteral("time"), q->value(0).toString()},
                               {QStringLiteral("who"), q->value(1).toString()},
                               {QStringLiteral("role"), q->value(2).toString()},
                               {QStringLiteral("action"), q->value(3).toString()},
                               {QStringLiteral("beneficiary"), q->value(4).toString()},
                               {QStringLiteral("detail"), q->value(5).toString()}});
    d->idle();
    return out;
}

Result<QJsonObject> ServerStore::deskBeneficiary(const QString &reference) const
{
    auto b = d->run(QStringLiteral("SELECT b.reference, b.school_id, b.school, b.class, b.family_name, b.contact,"
                                   " coalesce(p.pupil_name, ''), coalesce(p.parent_name, ''),"
                                   " coalesce(p.kind, 'family'), coalesce(p.agreement_until, ''),"
                                   " coalesce(p.erased_at, '') FROM beneficiaries b"
                                   " LEFT JOIN desk_people p ON p.reference = b.reference WHERE b.reference = ?"),
                    {reference});
    if (!b)
        return b.error();
    if (!b->next()) {
        d->idle();
        return makeError(ErrorCode::NotFound, tr("no beneficiary «%1»").arg(reference),
                         QStringLiteral("unknown_beneficiary"));
    }
    QJsonObject out{{QStringLiteral("reference"), b->value(0).toString()},
                    {QStringLiteral("school_id"), b->value(1).toString()},
                    {QStringLiteral("school"), b->value(2).toString()},
                    {QStringLiteral("class"), b->value(3).toString()},
                    {QStringLiteral("family_name"), b->value(4).toString()},
                    {QStringLiteral("contact"), b->value(5).toString()},
                    {QStringLiteral("pupil_name"), b->value(6).toString()},
                    {QStringLiteral("parent_name"), b->value(7).toString()},
                    {QStringLiteral("kind"), b->value(8).toString()},
                    {QStringLiteral("agreement_until"), b->value(9).toString()},
                    {QStringLiteral("erased_at"), b->value(10).toString()}};
    b->finish();
    const auto array = [this, &reference](const QString &sql, const QStringList &names,
                                          const QList<int> &json = {}) -> Result<QJsonArray> {
        auto q = d->run(sql, {reference});
        if (!q)
            return q.error();
        QJsonArray rows;
        while (q->next()) {
            QJsonObject o;
            for (int i = 0; i < names.size(); ++i) {
                const QVariant v = q->value(i);
                if (json.contains(i))
                    o.insert(names[i], QJsonDocument::fromJson(v.toString().toUtf8()).array());
                else if (v.typeId() == QMetaType::Double)
                    o.insert(names[i], v.toDouble());
                else if (v.typeId() == QMetaType::Int || v.typeId() == QMetaType::LongLong)
                    o.insert(names[i], v.toLongLong());
                else
                    o.insert(names[i], v.toString());
            }
            rows.append(o);
        }
        q->finish();
        return rows;
    };
    struct Part {
        const char *key;
        QString sql;
        QStringList names;
        QList<int> json;
    };
    const QList<Part> parts{
        {"vouchers",
         QStringLiteral("SELECT voucher, appointment, place, issued_at, station FROM desk_vouchers"
                        " WHERE beneficiary = ? ORDER BY issued_at, voucher"),
         {QStringLiteral("voucher"), QStringLiteral("appointment"), QStringLiteral("place"),
          QStringLiteral("issued_at"), QStringLiteral("station")},
         {}},
        {"handovers",
         QStringLiteral("SELECT voucher, tags, signature_sha256, warranty_end, grant_deadline, recorded_at, station,"
                        " worker, event_uuid, lost FROM desk_handovers WHERE beneficiary = ? ORDER BY recorded_at"),
         {QStringLiteral("voucher"), QStringLiteral("tags"), QStringLiteral("signature_sha256"),
          QStringLiteral("warranty_end"), QStringLiteral("grant_deadline"), QStringLiteral("recorded_at"),
          QStringLiteral("station"), QStringLiteral("worker"), QStringLiteral("event_uuid"),
          QStringLiteral("lost_at_sync")},
         {1}},
        {"returns",
         QStringLiteral("SELECT tag, reason, swap_tag, returned_at FROM desk_returns WHERE beneficiary = ?"
                        " ORDER BY returned_at"),
         {QStringLiteral("tag"), QStringLiteral("reason"), QStringLiteral("swap_tag"), QStringLiteral("returned_at")},
         {}},
        {"training_sessions",
         QStringLiteral(
             "SELECT session, date, site FROM desk_training_sessions WHERE beneficiary = ? ORDER BY session"),
         {QStringLiteral("session"), QStringLiteral("date"), QStringLiteral("site")},
         {}},
    };
    for (const Part &part : parts) {
        auto rows = array(part.sql, part.names, part.json);
        if (!rows)
            return rows.error();
        out.insert(QLatin1String(part.key), *rows);
    }
    // The grant and the training: one object each, or null.
    auto g = d->run(QStringLiteral("SELECT requested_at, proof_received, paid_at, amount_eur, station FROM desk_grants"
                                   " WHERE beneficiary = ?"),
                    {reference});
    if (!g)
        return g.error();
    out.insert(QStringLiteral("grant"),
               g->next() ? QJsonValue(QJsonObject{{QStringLiteral("requested_at"), g->value(0).toString()},
                                                  {QStringLiteral("proof_received"), g->value(1).toInt() != 0},
                                                  {QStringLiteral("paid_at"), g->value(2).toString()},
                                                  {QStringLiteral("amount_eur"), g->value(3).toDouble()},
                                                  {QStringLiteral("station"), g->value(4).toString()}})
                         : QJsonValue());
    g->finish();
    auto t = d->run(QStringLiteral("SELECT site, enrolled_at FROM desk_training WHERE beneficiary = ?"), {reference});
    if (!t)
        return t.error();
    const qsizetype sessions = out.value(QStringLiteral("training_sessions")).toArray().size();
    out.insert(QStringLiteral("training"),
               t->next() ? QJsonValue(QJsonObject{{QStringLiteral("site"), t->value(0).toString()},
                                                  {QStringLiteral("enrolled_at"), t->value(1).toString()},
                                                  {QStringLiteral("sessions"), qint64(sessions)},
                                                  {QStringLiteral("completed"), sessions >= 6}})
                         : QJsonValue());
    t->finish();
    d->idle();
    return out;
}

} // namespace Etabli::Server
