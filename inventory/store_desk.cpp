// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
//
// desk (issue 14): how the desk's records change a desk store's tables (schema
// kDeskRecords). Only a desk's store receives these family-data events.
#include "inventory/eventtypes.h"
#include "inventory/personaldata.h"
#include "inventory/store_desk_p.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace Etabli::Inventory {

namespace {

QString compactJson(const QJsonValue &v)
{
    if (v.isArray())
        return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
}

} // namespace

// desk (engineer "deskserver"): the erasure reaches the log. The personal fields of the
// family's events are blanked (PersonalData); the log is append-only by trigger, so the
// trigger is lifted for these updates alone and put back, in the erasure's transaction.
// secure_delete zeroes the old text in the file's pages (Desk::erase then truncates the WAL).
Result<void> redactDeskLog(const DeskRun &run, const QString &reference)
{
    if (reference.isEmpty())
        return {};
    auto q = run(QStringLiteral("SELECT seq, type, payload FROM events WHERE type IN ('%1') AND payload LIKE ?")
                     .arg(PersonalData::typesWithPersonalData().join(QStringLiteral("', '"))),
                 {PersonalData::likePattern(reference)});
    if (!q)
        return q.error();
    QList<QPair<qint64, QString>> changed;
    while (q->next()) {
        QJsonObject p = QJsonDocument::fromJson(q->value(2).toString().toUtf8()).object();
        if (PersonalData::redact(q->value(1).toString(), p, reference))
            changed.append({q->value(0).toLongLong(), compactJson(p)});
    }
    q->finish();
    if (changed.isEmpty())
        return {};
    if (auto r = run(QStringLiteral("DROP TRIGGER IF EXISTS events_no_update"), {}); !r)
        return r.error();
    for (const auto &[seq, payload] : std::as_const(changed))
        if (auto u = run(QStringLiteral("UPDATE events SET payload = ? WHERE seq = ?"), {payload, seq}); !u)
            return u.error();
    // As schema.cpp (kV2) creates it.
    if (auto r = run(QStringLiteral("CREATE TRIGGER events_no_update BEFORE UPDATE OF uuid, station, worker, time,"
                                    " type, asset_tag, payload ON events BEGIN SELECT RAISE(ABORT,"
                                    " 'the event log is append-only'); END"),
                     {});
        !r)
        return r.error();
    return {};
}

Result<void> applyDeskRecord(const DeskRun &run, const Event &e)
{
    const QJsonObject &p = e.payload;
    const auto text = [&p](const char *key) { return p.value(QLatin1String(key)).toString().trimmed(); };
    const QString when = isoTime(e.time);
    const QString beneficiary = text("beneficiary");
    auto done = [](const Result<QSqlQuery> &q) -> Result<void> {
        if (!q)
            return q.error();
        return {};
    };
    if (e.type == EventType::BeneficiaryAdded) {
        const QString kind = text("kind").isEmpty() ? QStringLiteral("family") : text("kind");
        return done(run(QStringLiteral("UPDATE beneficiaries SET pupil_name = ?, parent_name = ?, kind = ?,"
                                       " agreement_until = ?, erased_at = '' WHERE reference = ?"),
                        {text("pupil_name"), text("parent_name"), kind, text("agreement_until"), text("reference")}));
    }
    if (e.type == EventType::VoucherIssued)
        return done(run(QStringLiteral("INSERT INTO desk_vouchers(voucher, beneficiary, appointment, place, issued_at,"
                                       " event_uuid) VALUES(?, ?, ?, ?, ?, ?) ON CONFLICT(voucher) DO UPDATE SET"
                                       " appointment = excluded.appointment, place = excluded.place"),
                        {text("voucher"), beneficiary, text("appointment"), text("place"), when, e.uuid}));
    if (e.type == EventType::HandoverRecorded)
        return done(
            run(QStringLiteral("INSERT INTO desk_handovers(event_uuid, beneficiary, voucher, tags, signature_sha256,"
                               " signature, witness, confirmed, warranty_end, grant_deadline, recorded_at, worker)"
                               " VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(event_uuid) DO NOTHING"),
                {e.uuid, beneficiary, text("voucher"), compactJson(p.value(QStringLiteral("tags"))),
                 text("signature_sha256"), compactJson(p.value(QStringLiteral("signature"))), text("witness"),
                 compactJson(p.value(QStringLiteral("confirmed"))), text("warranty_end"), text("grant_deadline"), when,
                 e.worker}));
    if (e.type == EventType::GrantRequested)
        return done(run(QStringLiteral("INSERT INTO desk_grants(beneficiary, requested_at, proof_received)"
                                       " VALUES(?, ?, ?) ON CONFLICT(beneficiary) DO UPDATE SET"
                                       " requested_at = excluded.requested_at,"
                                       " proof_received = excluded.proof_received"),
                        {beneficiary, text("requested_at").isEmpty() ? when.left(10) : text("requested_at"),
                         p.value(QStringLiteral("proof_received")).toBool() ? 1 : 0}));
    if (e.type == EventType::GrantPaid)
        return done(run(QStringLiteral("INSERT INTO desk_grants(beneficiary, paid_at, amount_eur) VALUES(?, ?, ?)"
                                       " ON CONFLICT(beneficiary) DO UPDATE SET paid_at = excluded.paid_at,"
                                       " amount_eur = excluded.amount_eur"),
                        {beneficiary, text("paid_at").isEmpty() ? when.left(10) : text("paid_at"),
                         p.value(QStringLiteral("amount_eur")).toDouble(60)}));
    if (e.type == EventType::TrainingEnrolled)
        return done(run(QStringLiteral("INSERT INTO desk_training(beneficiary, site, enrolled_at) VALUES(?, ?, ?)"
                                       " ON CONFLICT(beneficiary) DO UPDATE SET site = excluded.site"),
                        {beneficiary, text("site"), when}));
    if (e.type == EventType::TrainingAttended)
        return done(run(QStringLiteral("INSERT INTO desk_training_sessions(beneficiary, session, date, site)"
                                       " VALUES(?, ?, ?, ?) ON CONFLICT(beneficiary, session) DO UPDATE SET"
                                       " date = excluded.date, site = excluded.site"),
                        {beneficiary, p.value(QStringLiteral("session")).toInt(),
                         text("date").isEmpty() ? when.left(10) : text("date"), text("site")}));
    if (e.type == EventType::ReturnRecorded)
        return done(run(QStringLiteral("INSERT INTO desk_returns(event_uuid, tag, reason, beneficiary, swap_tag,"
                                       " note, returned_at) VALUES(?, ?, ?, ?, ?, ?, ?)"
                                       " ON CONFLICT(event_uuid) DO NOTHING"),
                        {e.uuid, e.assetTag, text("reason"), beneficiary, text("swap_tag"), text("note"), when}));
    if (e.type == EventType::BeneficiaryErased) {
        // The names, the contact and the signature strokes go; the reference, the loan's
        // dates and the tags stay (the loan and the warranty are the workshop's records).
        const QString reference = text("reference");
        // deskserver: the old text is overwritten in the file's pages, not only unlinked.
        if (auto q = run(QStringLiteral("PRAGMA secure_delete = ON"), {}); !q)
            return q.error();
        if (auto q = run(QStringLiteral("UPDATE beneficiaries SET school_id = '', family_name = '', contact = '',"
                                        " pupil_name = '', parent_name = '', erased_at = ? WHERE reference = ?"),
                         {when, reference});
            !q)
            return q.error();
        if (auto q = run(QStringLiteral("UPDATE desk_handovers SET signature = '{}', witness = ''"
                                        " WHERE beneficiary = ?"),
                         {reference});
            !q)
            return q.error();
        if (auto q = run(QStringLiteral("UPDATE desk_returns SET note = '' WHERE beneficiary = ?"), {reference}); !q)
            return q.error();
        return redactDeskLog(run, reference);
    }
    return {};
}

} // namespace Etabli::Inventory
