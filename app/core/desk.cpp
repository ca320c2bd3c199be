// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "app/core/desk.h"

#include "inventory/assettag.h"
#include "inventory/beneficiaryimport.h"
#include "inventory/eventtypes.h"
#include "inventory/store.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace Etabli::AppCore::Desk {

namespace {

using Inventory::AssetKind;
using Inventory::AssetState;
using Inventory::Store;
namespace EventType = Inventory::EventType;

QString tr(const char *text)
{
    return QCoreApplication::translate("Etabli::AppCore::Desk", text);
}

const QString kVoucherPrefix = QStringLiteral("BON");

Result<void> requireDesk(const Store &store)
{
    if (!Inventory::BeneficiaryImport::isDeskStore(store))
        return makeError(ErrorCode::Refused,
                         tr("this inventory is not the distribution desk's: family data never goes on a bench"),
                         QStringLiteral("not_a_desk"));
    return {};
}

QSqlQuery query(const Store &store, const QString &sql, const QVariantList &binds = {})
{
    QSqlQuery q(store.database());
    q.setForwardOnly(true);
    q.prepare(sql);
    for (const QVariant &b : binds)
        q.addBindValue(b);
    q.exec();
    return q;
}

QString isoDate(const QDate &d)
{
    return d.toString(Qt::ISODate);
}

Beneficiary fromRow(const QSqlQuery &q)
{
    Beneficiary b;
    b.reference = q.value(0).toString();
    b.schoolId = q.value(1).toString();
    b.school = q.value(2).toString();
    b.className = q.value(3).toString();
    b.pupilName = q.value(4).toString();
    b.parentName = q.value(5).toString();
    if (b.parentName.isEmpty())
        b.parentName = q.value(6).toString(); // family_name, before pupil_name was stored
    b.contact = q.value(7).toString();
    b.kind = q.value(8).toString();
    b.agreementUntil = q.value(9).toString();
    b.erasedAt = q.value(10).toString();
    return b;
}

const QString kBeneficiaryColumns = QStringLiteral(
    "reference, school_id, school, class, pupil_name, parent_name, family_name, contact, kind, agreement_until,"
    " erased_at");

std::optional<Beneficiary> findBeneficiary(const Store &store, const QString &reference)
{
    QSqlQuery q = query(store,
                        QStringLiteral("SELECT ") + kBeneficiaryColumns
                            + QStringLiteral(" FROM beneficiaries WHERE reference = ?"),
                        {reference});
    if (!q.next())
        return std::nullopt;
    return fromRow(q);
}

// A null QString binds as SQL NULL: the audit's columns are NOT NULL.
QString notNull(const QString &s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

Error scanError(ErrorCode code, const QString &message, const char *detail)
{
    return makeError(code, message, QLatin1String(detail));
}

} // namespace

// --- beneficiaries ---------------------------------------------------------------------

QList<Beneficiary> beneficiaries(Store &store, const QString &school)
{
    QList<Beneficiary> out;
    QSqlQuery q = school.isEmpty()
        ? query(store,
                QStringLiteral("SELECT ") + kBeneficiaryColumns
                    + QStringLiteral(" FROM beneficiaries ORDER BY reference"))
        : query(store,
                QStringLiteral("SELECT ") + kBeneficiaryColumns
                    + QStringLiteral(" FROM beneficiaries WHERE school = ? ORDER BY reference"),
                {school});
    while (q.next())
        out.append(fromRow(q));
    audit(store, QStringLiteral("view_list"), {}, school.isEmpty() ? QStringLiteral("all") : school);
    return out;
}

Result<Beneficiary> beneficiary(Store &store, const QString &reference)
{
    auto b = findBeneficiary(store, reference);
    if (!b)
        return makeError(ErrorCode::NotFound, tr("no beneficiary «%1»").arg(reference),
                         QStringLiteral("unknown_beneficiary"));
    audit(store, QStringLiteral("view"), reference);
    return *b;
}

QString associationAgreementUntil(const QDate &from)
{
    return isoDate(from.addYears(4));
}

// --- vouchers --------------------------------------------------------------------------

Result<QList<Voucher>> issueVouchers(Store &store, const VoucherPlan &plan)
{
    if (auto d = requireDesk(store); !d)
        return d.error();
    QList<Beneficiary> families;
    {
        QSqlQuery q = query(store,
                            QStringLiteral("SELECT ") + kBeneficiaryColumns
                                + QStringLiteral(" FROM beneficiaries WHERE school = ? AND erased_at = ''"
                                                 " ORDER BY class, pupil_name, reference"),
                            {plan.school});
        while (q.next())
            families.append(fromRow(q));
    }
    if (families.isEmpty())
        return makeError(ErrorCode::NotFound, tr("no family of the school «%1»").arg(plan.school),
                         QStringLiteral("unknown_school"));
    qint64 next = 1;
    {
        QSqlQuery q = query(store, QStringLiteral("SELECT count(*) FROM desk_vouchers"));
        if (q.next())
            next = q.value(0).toLongLong() + 1;
    }
    QList<Voucher> out;
    QList<QJsonObject> payloads;
    QDateTime slot = plan.firstAppointment;
    for (const Beneficiary &b : std::as_const(families)) {
        QSqlQuery q = query(store,
                            QStringLiteral("SELECT voucher, appointment, place FROM desk_vouchers WHERE beneficiary = ?"
                                           " ORDER BY issued_at DESC LIMIT 1"),
                            {b.reference});
        if (q.next()) {
            out.append({q.value(0).toString(), b, q.value(1).toString(), q.value(2).toString()});
            continue;
        }
        // Ids are never reused: skip any already taken (a voucher synced from another desk).
        QString id;
        do {
            id = Inventory::AssetTag::make(kVoucherPrefix, next++);
        } while (query(store, QStringLiteral("SELECT 1 FROM desk_vouchers WHERE voucher = ?"), {id}).next());
        const QString appointment = slot.isValid() ? slot.toString(Qt::ISODate) : QString();
        if (slot.isValid())
            slot = slot.addSecs(60 * qMax(1, plan.minutesEach));
        out.append({id, b, appointment, plan.place});
        payloads.append(QJsonObject{{QStringLiteral("voucher"), id},
                                    {QStringLiteral("beneficiary"), b.reference},
                                    {QStringLiteral("appointment"), appointment},
                                    {QStringLiteral("place"), plan.place}});
    }
    if (!payloads.isEmpty())
        if (auto stored = store.recordGeneralAll(QString(EventType::VoucherIssued), payloads); !stored)
            return stored.error();
    audit(store, QStringLiteral("vouchers"), {}, QStringLiteral("%1: %2").arg(plan.school).arg(out.size()));
    return out;
}

Result<Voucher> voucher(Store &store, const QString &id)
{
    auto tag = Inventory::AssetTag::parse(id);
    if (!tag)
        return tag.error();
    QSqlQuery q = query(
        store, QStringLiteral("SELECT beneficiary, appointment, place FROM desk_vouchers WHERE voucher = ?"), {*tag});
    if (!q.next())
        return makeError(ErrorCode::NotFound, tr("no voucher %1").arg(*tag), QStringLiteral("unknown_voucher"));
    auto who = findBeneficiary(store, q.value(0).toString());
    if (!who)
        return makeError(ErrorCode::NotFound, tr("no beneficiary «%1»").arg(q.value(0).toString()),
                         QStringLiteral("unknown_beneficiary"));
    return Voucher{*tag, *who, q.value(1).toString(), q.value(2).toString()};
}

// --- handover --------------------------------------------------------------------------

ScanAnswer checkScan(Store &store, const QString &beneficiary, const QStringList &scanned, const QString &raw)
{
    ScanAnswer a;
    auto parsed = Inventory::AssetTag::parse(raw);
    if (!parsed) {
        a.error = parsed.error();
        if (a.error.detail == QLatin1String("scanner_layout"))
            a.error.message
                = tr("«%1» is a scan garbled by a scanner set to the wrong keyboard layout (AZERTY/QWERTY): "
                     "set the scanner to French AZERTY and scan again")
                      .arg(raw);
        return a;
    }
    a.tag = *parsed;
    if (scanned.contains(a.tag)) {
        a.error = scanError(ErrorCode::Conflict, tr("%1 is already in this kit").arg(a.tag), "already_scanned");
        return a;
    }
    auto asset = store.asset(a.tag);
    if (!asset) {
        a.error = scanError(ErrorCode::NotFound, tr("no asset %1 in this inventory").arg(a.tag), "unknown_tag");
        return a;
    }
    a.kind = Inventory::toString(asset->kind);
    if (asset->state == AssetState::HandedOver) {
        a.error = scanError(ErrorCode::Conflict, tr("%1 was already handed over").arg(a.tag), "already_handed_over");
        return a;
    }
    if (asset->state == AssetState::Reserved && asset->reservedFor != beneficiary) {
        a.error
            = scanError(ErrorCode::Refused, tr("%1 is reserved for another family").arg(a.tag), "reserved_for_other");
        return a;
    }
    if (asset->state != AssetState::Ready && asset->state != AssetState::Reserved) {
        a.error = scanError(
            ErrorCode::TransitionRefused,
            tr("%1 is not ready to be handed over (it is %2)").arg(a.tag, Inventory::toString(asset->state)),
            "not_ready");
        return a;
    }
    if (asset->kind == AssetKind::Pc) {
        // One PC per pupil; an association may receive a laptop and a desktop.
        const auto who = findBeneficiary(store, beneficiary);
        const int allowed = who && who->kind == QLatin1String("association") ? 2 : 1;
        int pcs = 0;
        for (const QString &t : scanned)
            if (auto o = store.asset(t); o && o->kind == AssetKind::Pc)
                ++pcs;
        for (const Inventory::Asset &o : store.assets(AssetState::HandedOver))
            if (o.kind == AssetKind::Pc && o.reservedFor == beneficiary)
                ++pcs;
        if (pcs >= allowed) {
            a.error = scanError(ErrorCode::Refused, tr("this pupil already has a PC: one PC per pupil"), "second_pc");
            return a;
        }
    }
    a.outcome = ScanOutcome::Accepted;
    if (asset->kind == AssetKind::Screen) {
        for (const QString &t : scanned)
            if (auto o = store.asset(t); o && o->kind == AssetKind::Pc && o->lot != asset->lot) {
                a.outcome = ScanOutcome::NeedsConfirmation;
                a.warning = QStringLiteral("other_lot");
            }
    }
    return a;
}

QStringList kitWarnings(Store &store, const QStringList &tags)
{
    QStringList out;
    bool speakers = false;
    QString pcLot;
    QStringList screenLots;
    for (const QString &t : tags) {
        auto a = store.asset(t);
        if (!a)
            continue;
        speakers |= a->kind == AssetKind::Speakers;
        if (a->kind == AssetKind::Pc)
            pcLot = a->lot;
        if (a->kind == AssetKind::Screen)
            screenLots << a->lot;
    }
    if (!speakers)
        out << QStringLiteral("no_speakers");
    for (const QString &lot : std::as_const(screenLots))
        if (!pcLot.isNull() && lot != pcLot && !out.contains(QStringLiteral("other_lot")))
            out << QStringLiteral("other_lot");
    return out;
}

QByteArray handoverRecord(const QString &beneficiary, const QString &voucher, QStringList tags, const QDate &date)
{
    tags.sort();
    // QJsonDocument writes an object's keys sorted: the bytes are canonical.
    const QJsonObject o{{QStringLiteral("beneficiary"), beneficiary},
                        {QStringLiteral("voucher"), voucher},
                        {QStringLiteral("tags"), QJsonArray::fromStringList(tags)},
                        {QStringLiteral("date"), isoDate(date)},
                        {QStringLiteral("warranty_end"), isoDate(date.addYears(3))},
                        {QStringLiteral("grant_deadline"), isoDate(date.addMonths(3))}};
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

namespace {

Result<void> checkSignature(const QJsonObject &signature)
{
    const QJsonArray strokes = signature.value(QStringLiteral("strokes")).toArray();
    int points = 0;
    for (const QJsonValue &s : strokes) {
        if (!s.isArray())
            return makeError(ErrorCode::InvalidArgument, tr("a signature stroke must be a list of points"),
                             QStringLiteral("bad_signature"));
        for (const QJsonValue &pt : s.toArray()) {
            const QJsonArray xy = pt.toArray();
            if (xy.size() < 2 || !xy.at(0).isDouble() || !xy.at(1).isDouble())
                return makeError(ErrorCode::InvalidArgument, tr("a signature point must be [x, y] or [x, y, t]"),
                                 QStringLiteral("bad_signature"));
            ++points;
        }
    }
    if (points < 2)
        return makeError(ErrorCode::InvalidArgument, tr("the signature is empty: sign on the screen"),
                         QStringLiteral("bad_signature"));
    return {};
}

/// Moves every tag to HANDED_OVER for `who` (through RESERVED when READY).
Result<void> handTags(Store &store, const QString &who, const QStringList &tags)
{
    for (const QString &t : tags) {
        auto a = store.asset(t);
        if (!a)
            return a.error();
        if (a->state == AssetState::Ready)
            if (auto r = store.moveAsset(t, AssetState::Reserved, who); !r)
                return r.error();
        if (auto r = store.moveAsset(t, AssetState::HandedOver, who); !r)
            return r.error();
    }
    return {};
}

} // namespace

Result<HandoverResult> handOver(Store &store, const HandoverRequest &request)
{
    if (auto d = requireDesk(store); !d)
        return d.error();
    auto v = voucher(store, request.voucher);
    if (!v)
        return v.error();
    const QString who = v->who.reference;
    if (query(store, QStringLiteral("SELECT 1 FROM desk_handovers WHERE voucher = ?"), {v->id}).next())
        return makeError(ErrorCode::Conflict, tr("the voucher %1 was already used").arg(v->id),
                         QStringLiteral("voucher_used"));
    const bool signs = !request.signature.isEmpty();
    const bool witnessed = !request.witness.trimmed().isEmpty();
    if (signs == witnessed)
        return makeError(ErrorCode::InvalidArgument,
                         tr("give either the signature (--signature FILE.json) or the staff witness (--witness NAME)"),
                         QStringLiteral("no_signature"));
    if (signs)
        if (auto ok = checkSignature(request.signature); !ok)
            return ok.error();
    QStringList tags;
    bool hasPc = false;
    for (const QString &raw : request.tags) {
        const ScanAnswer a = checkScan(store, who, tags, raw);
        if (a.outcome == ScanOutcome::Refused)
            return a.error;
        tags << a.tag;
        hasPc |= a.kind == QLatin1String("pc");
    }
    if (!hasPc)
        return makeError(ErrorCode::InvalidArgument, tr("a kit needs a PC: scan the PC's label"),
                         QStringLiteral("no_pc"));
    const QStringList warnings = kitWarnings(store, tags);
    for (const QString &w : warnings)
        if (!request.confirmed.contains(w))
            return makeError(ErrorCode::Refused,
                             w == QLatin1String("no_speakers")
                                 ? tr("the kit has no speakers: staff must confirm (--confirm no_speakers)")
                                 : tr("a screen comes from another lot than the PC: staff must confirm "
                                      "(--confirm other_lot)"),
                             QStringLiteral("needs_confirmation"));

    const QDate date = QDateTime::currentDateTimeUtc().date();
    const QByteArray record = handoverRecord(who, v->id, tags, date);
    const QString sha = QString::fromLatin1(QCryptographicHash::hash(record, QCryptographicHash::Sha256).toHex());
    QJsonObject payload{{QStringLiteral("beneficiary"), who},
                        {QStringLiteral("tags"), QJsonArray::fromStringList(tags)},
                        {QStringLiteral("voucher"), v->id},
                        {QStringLiteral("signature_sha256"), sha},
                        {QStringLiteral("confirmed"), QJsonArray::fromStringList(warnings)},
                        {QStringLiteral("warranty_end"), isoDate(date.addYears(3))},
                        {QStringLiteral("grant_deadline"), isoDate(date.addMonths(3))}};
    if (signs)
        payload.insert(QStringLiteral("signature"), request.signature);
    else
        payload.insert(QStringLiteral("witness"), request.witness.trimmed());

    if (auto moved = handTags(store, who, tags); !moved)
        return moved.error();
    auto ev = store.recordGeneral(QString(EventType::HandoverRecorded), payload);
    if (!ev)
        return ev.error();
    audit(store, QStringLiteral("handover"), who, tags.join(u' '));
    HandoverResult r;
    r.record = *ev;
    r.who = v->who;
    r.voucher = v->id;
    r.tags = tags;
    r.date = date;
    r.warrantyEnd = date.addYears(3);
    r.grantDeadline = date.addMonths(3);
    r.signatureSha256 = sha;
    r.queued = true;
    return r;
}

QList<HandoverResult> handovers(Store &store, const QString &beneficiary)
{
    QList<HandoverResult> out;
    QSqlQuery q = query(store,
                        QStringLiteral("SELECT voucher, tags, recorded_at, warranty_end, grant_deadline,"
                                       " signature_sha256 FROM desk_handovers WHERE beneficiary = ?"
                                       " ORDER BY recorded_at DESC"),
                        {beneficiary});
    const auto who = findBeneficiary(store, beneficiary);
    while (q.next()) {
        HandoverResult r;
        if (who)
            r.who = *who;
        r.voucher = q.value(0).toString();
        for (const QJsonValue &t : QJsonDocument::fromJson(q.value(1).toString().toUtf8()).array())
            r.tags << t.toString();
        r.date = QDate::fromString(q.value(2).toString().left(10), Qt::ISODate);
        r.warrantyEnd = QDate::fromString(q.value(3).toString(), Qt::ISODate);
        r.grantDeadline = QDate::fromString(q.value(4).toString(), Qt::ISODate);
        r.signatureSha256 = q.value(5).toString();
        out.append(r);
    }
    return out;
}

// --- grants ----------------------------------------------------------------------------

namespace {

/// The first handover's grant deadline, or an invalid date when none.
QDate grantDeadline(const Store &store, const QString &beneficiary)
{
    QSqlQuery q = query(store,
                        QStringLiteral("SELECT grant_deadline FROM desk_handovers WHERE beneficiary = ?"
                                       " ORDER BY recorded_at LIMIT 1"),
                        {beneficiary});
    return q.next() ? QDate::fromString(q.value(0).toString(), Qt::ISODate) : QDate();
}

} // namespace

Result<Inventory::Event> requestGrant(Store &store, const QString &beneficiary, const QDate &date, bool proofReceived)
{
    if (auto d = requireDesk(store); !d)
        return d.error();
    if (!findBeneficiary(store, beneficiary))
        return makeError(ErrorCode::NotFound, tr("no beneficiary «%1»").arg(beneficiary),
                         QStringLiteral("unknown_beneficiary"));
    const QDate deadline = grantDeadline(store, beneficiary);
    if (!deadline.isValid())
        return makeError(ErrorCode::Refused, tr("«%1» has received no PC yet: no internet grant").arg(beneficiary),
                         QStringLiteral("no_handover"));
    QSqlQuery q = query(store,
                        QStringLiteral("SELECT requested_at FROM desk_grants WHERE beneficiary = ?"
                                       " AND requested_at <> ''"),
                        {beneficiary});
    if (q.next())
        return makeError(ErrorCode::Conflict,
                         tr("the internet grant of «%1» was already requested on %2 (one per pupil)")
                             .arg(beneficiary, q.value(0).toString()),
                         QStringLiteral("already_requested"));
    if (date > deadline)
        return makeError(ErrorCode::Refused,
                         tr("too late: the internet grant had to be requested by %1").arg(isoDate(deadline)),
                         QStringLiteral("too_late"));
    auto ev = store.recordGeneral(QString(EventType::GrantRequested),
                                  {{QStringLiteral("beneficiary"), beneficiary},
                                   {QStringLiteral("requested_at"), isoDate(date)},
                                   {QStringLiteral("proof_received"), proofReceived}});
    if (ev)
        audit(store, QStringLiteral("grant_request"), beneficiary);
    return ev;
}

Result<Inventory::Event> grantPaid(Store &store, const QString &beneficiary, const QDate &date, double amountEur)
{
    if (auto d = requireDesk(store); !d)
        return d.error();
    QSqlQuery q = query(store, QStringLiteral("SELECT requested_at, paid_at FROM desk_grants WHERE beneficiary = ?"),
                        {beneficiary});
    if (!q.next() || q.value(0).toString().isEmpty())
        return makeError(ErrorCode::Refused, tr("no internet grant was requested for «%1»").arg(beneficiary),
                         QStringLiteral("not_requested"));
    if (!q.value(1).toString().isEmpty())
        return makeError(
            ErrorCode::Conflict,
            tr("the internet grant of «%1» was already paid on %2").arg(beneficiary, q.value(1).toString()),
            QStringLiteral("already_paid"));
    auto ev = store.recordGeneral(QString(EventType::GrantPaid),
                                  {{QStringLiteral("beneficiary"), beneficiary},
                                   {QStringLiteral("paid_at"), isoDate(date)},
                                   {QStringLiteral("amount_eur"), amountEur}});
    if (ev)
        audit(store, QStringLiteral("grant_paid"), beneficiary);
    return ev;
}

QList<Grant> grants(Store &store)
{
    QList<Grant> out;
    QSqlQuery q = query(store,
                        QStringLiteral("SELECT beneficiary, requested_at, paid_at, proof_received, amount_eur"
                                       " FROM desk_grants ORDER BY beneficiary"));
    while (q.next()) {
        Grant g{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), {},
                q.value(3).toBool(),   q.value(4).toDouble()};
        g.deadline = isoDate(grantDeadline(store, g.beneficiary));
        out.append(g);
    }
    return out;
}

// --- training --------------------------------------------------------------------------

Result<Inventory::Event> enrolTraining(Store &store, const QString &beneficiary, const QString &site)
{
    if (auto d = requireDesk(store); !d)
        return d.error();
    if (!findBeneficiary(store, beneficiary))
        return makeError(ErrorCode::NotFound, tr("no beneficiary «%1»").arg(beneficiary),
                         QStringLiteral("unknown_beneficiary"));
    if (query(store, QStringLiteral("SELECT 1 FROM desk_training WHERE beneficiary = ?"), {beneficiary}).next())
        return makeError(ErrorCode::Conflict, tr("«%1» is already enrolled").arg(beneficiary),
                         QStringLiteral("already_enrolled"));
    return store.recordGeneral(QString(EventType::TrainingEnrolled),
                               {{QStringLiteral("beneficiary"), beneficiary}, {QStringLiteral("site"), site}});
}

Result<Inventory::Event> attendTraining(Store &store, const QString &beneficiary, int session, const QDate &date,
                                        const QString &site)
{
    if (auto d = requireDesk(store); !d)
        return d.error();
    if (session < 1 || session > kTrainingSessions)
        return makeError(ErrorCode::InvalidArgument, tr("the session is a number from 1 to 6"),
                         QStringLiteral("bad_session"));
    if (!query(store, QStringLiteral("SELECT 1 FROM desk_training WHERE beneficiary = ?"), {beneficiary}).next())
        return makeError(ErrorCode::Refused, tr("«%1» is not enrolled in the training").arg(beneficiary),
                         QStringLiteral("not_enrolled"));
    QJsonObject p{{QStringLiteral("beneficiary"), beneficiary},
                  {QStringLiteral("session"), session},
                  {QStringLiteral("date"), isoDate(date)}};
    if (!site.isEmpty())
        p.insert(QStringLiteral("site"), site);
    return store.recordGeneral(QString(EventType::TrainingAttended), p);
}

QList<Trainee> training(Store &store)
{
    QList<Trainee> out;
    QSqlQuery q = query(store, QStringLiteral("SELECT beneficiary, site FROM desk_training ORDER BY beneficiary"));
    while (q.next()) {
        Trainee t{q.value(0).toString(), q.value(1).toString(), {}};
        QSqlQuery s = query(store,
                            QStringLiteral("SELECT session FROM desk_training_sessions WHERE beneficiary = ?"
                                           " ORDER BY session"),
                            {t.beneficiary});
        while (s.next())
            t.sessions << s.value(0).toInt();
        out.append(t);
    }
    return out;
}

// --- returns ---------------------------------------------------------------------------

QStringList returnReasons()
{
    return {QStringLiteral("no_power"), QStringLiteral("no_boot"), QStringLiteral("screen"),
            QStringLiteral("keyboard"), QStringLiteral("mouse"),   QStringLiteral("speakers"),
            QStringLiteral("slow"),     QStringLiteral("broken"),  QStringLiteral("other")};
}

Result<ReturnResult> returnAsset(Store &store, const QString &tagInput, const QString &reason, const QString &swapTag,
                                 const QString &witness, const QString &note)
{
    if (auto d = requireDesk(store); !d)
        return d.error();
    if (!returnReasons().contains(reason))
        return makeError(ErrorCode::InvalidArgument,
                         tr("unknown reason «%1» (one of %2)").arg(reason, returnReasons().join(QStringLiteral(", "))),
                         QStringLiteral("bad_reason"));
    auto tag = Inventory::AssetTag::parse(tagInput);
    if (!tag)
        return tag.error();
    auto asset = store.asset(*tag);
    if (!asset)
        return makeError(ErrorCode::NotFound, tr("no asset %1 in this inventory").arg(*tag),
                         QStringLiteral("unknown_tag"));
    if (asset->state != AssetState::HandedOver)
        return makeError(
            ErrorCode::TransitionRefused,
            tr("%1 is %2: only a PC or device handed over can come back").arg(*tag, Inventory::toString(asset->state)),
            QStringLiteral("not_handed_over"));
    const QString who = asset->reservedFor;
    QString swap;
    if (!swapTag.isEmpty()) {
        // The replacement replaces the returned one: the one-PC rule counts without it.
        const ScanAnswer a = checkScan(store, who, {}, swapTag);
        if (a.outcome == ScanOutcome::Refused && a.error.detail != QLatin1String("second_pc"))
            return a.error;
        if (a.kind != Inventory::toString(asset->kind))
            return makeError(
                ErrorCode::Refused,
                tr("%1 is a %2, not a %3 like %4").arg(a.tag, a.kind, Inventory::toString(asset->kind), *tag),
                QStringLiteral("swap_kind"));
        swap = a.tag;
    }
    if (auto r = store.moveAsset(*tag, AssetState::Returned, who, note); !r)
        return r.error();
    QJsonObject p{{QStringLiteral("reason"), reason}, {QStringLiteral("beneficiary"), who}};
    if (!swap.isEmpty())
        p.insert(QStringLiteral("swap_tag"), swap);
    if (!note.isEmpty())
        p.insert(QStringLiteral("note"), note);
    if (auto r = store.record(QString(EventType::ReturnRecorded), *tag, p); !r)
        return r.error();
    ReturnResult out{*tag, who, reason, swap, QDateTime::currentDateTimeUtc().date(), std::nullopt};
    if (!swap.isEmpty()) {
        if (auto moved = handTags(store, who, {swap}); !moved)
            return moved.error();
        const QDate date = out.date;
        const QByteArray record = handoverRecord(who, {}, {swap}, date);
        const QString sha = QString::fromLatin1(QCryptographicHash::hash(record, QCryptographicHash::Sha256).toHex());
        auto ev
            = store.recordGeneral(QString(EventType::HandoverRecorded),
                                  {{QStringLiteral("beneficiary"), who},
                                   {QStringLiteral("tags"), QJsonArray{swap}},
                                   {QStringLiteral("offer"), QStringLiteral("swap")},
                                   {QStringLiteral("signature_sha256"), sha},
                                   {QStringLiteral("witness"), witness.isEmpty() ? store.identity().worker : witness},
                                   {QStringLiteral("warranty_end"), isoDate(date.addYears(3))},
                                   {QStringLiteral("grant_deadline"), isoDate(date.addMonths(3))}});
        if (!ev)
            return ev.error();
        HandoverResult h;
        h.record = *ev;
        if (auto b = findBeneficiary(store, who))
            h.who = *b;
        h.tags = {swap};
        h.date = date;
        h.warrantyEnd = date.addYears(3);
        h.grantDeadline = date.addMonths(3);
        h.signatureSha256 = sha;
        out.swap = h;
    }
    audit(store, QStringLiteral("return"), who, swap.isEmpty() ? *tag : *tag + QStringLiteral(" -> ") + swap);
    return out;
}

// --- personal data ---------------------------------------------------------------------

int retentionDays(const Store &store)
{
    bool ok = false;
    const int days = store.setting(QStringLiteral("desk.retention_days"), QStringLiteral("365")).toInt(&ok);
    return ok && days >= 0 ? days : 365;
}

QStringList purgeDue(Store &store, const QDate &today)
{
    QStringList out;
    const QDate limit = today.addDays(-retentionDays(store));
    // A loan ends at its warranty end (an association's at its agreement's end).
    QSqlQuery q = query(store,
                        QStringLiteral("SELECT b.reference, b.kind, b.agreement_until, max(h.warranty_end)"
                                       " FROM beneficiaries b JOIN desk_handovers h ON h.beneficiary = b.reference"
                                       " WHERE b.erased_at = '' GROUP BY b.reference ORDER BY b.reference"));
    while (q.next()) {
        QDate end = QDate::fromString(q.value(3).toString(), Qt::ISODate);
        const QDate agreement = QDate::fromString(q.value(2).toString(), Qt::ISODate);
        if (q.value(1).toString() == QLatin1String("association") && agreement.isValid())
            end = qMax(end, agreement);
        if (end.isValid() && end < limit)
            out << q.value(0).toString();
    }
    q.finish();
    // deskserver: families who never received anything (imported or enrolled, maybe a
    // voucher, no handover) go a set time after their last import, voucher or appointment
    // (an association's agreement end, if later); not while a PC is still reserved for them.
    const QDate unservedLimit = today.addDays(-unservedRetentionDays(store));
    QSqlQuery u
        = query(store,
                QStringLiteral("SELECT b.reference,"
                               " (SELECT max(e.time) FROM events e WHERE e.type = 'beneficiary.added'"
                               "  AND json_extract(e.payload, '$.reference') = b.reference),"
                               " (SELECT max(max(v.issued_at), max(v.appointment)) FROM desk_vouchers v"
                               "  WHERE v.beneficiary = b.reference), b.agreement_until"
                               " FROM beneficiaries b WHERE b.erased_at = ''"
                               " AND NOT EXISTS (SELECT 1 FROM desk_handovers h WHERE h.beneficiary = b.reference)"
                               " AND NOT EXISTS (SELECT 1 FROM assets a WHERE a.reserved_for = b.reference)"
                               " ORDER BY b.reference"));
    while (u.next()) {
        const QDate added = QDateTime::fromString(u.value(1).toString(), Qt::ISODateWithMs).date();
        const QDate voucher = QDateTime::fromString(u.value(2).toString().left(19), Qt::ISODate).date();
        // An association's signed agreement keeps its data until the agreement ends.
        const QDate last = qMax(qMax(added, voucher), QDate::fromString(u.value(3).toString(), Qt::ISODate));
        if (last.isValid() && last < unservedLimit && !out.contains(u.value(0).toString()))
            out << u.value(0).toString();
    }
    return out;
}

int unservedRetentionDays(const Store &store)
{
    bool ok = false;
    const int days = store.setting(QStringLiteral("desk.unserved_retention_days"), QStringLiteral("365")).toInt(&ok);
    return ok && days >= 0 ? days : 365;
}

Result<Inventory::Event> erase(Store &store, const QString &reference, const QString &reason)
{
    if (auto d = requireDesk(store); !d)
        return d.error();
    auto b = findBeneficiary(store, reference);
    if (!b)
        return makeError(ErrorCode::NotFound, tr("no beneficiary «%1»").arg(reference),
                         QStringLiteral("unknown_beneficiary"));
    if (!b->erasedAt.isEmpty())
        return makeError(ErrorCode::Conflict,
                         tr("the data of «%1» was already erased on %2").arg(reference, b->erasedAt),
                         QStringLiteral("already_erased"));
    auto ev = store.recordGeneral(QString(EventType::BeneficiaryErased),
                                  {{QStringLiteral("reference"), reference}, {QStringLiteral("reason"), reason}});
    if (ev) {
        audit(store, QStringLiteral("erase"), reference, reason);
        // deskserver: the WAL still holds the pages as they were before the erasure (the
        // log's redaction is in store_desk.cpp); checkpointed and truncated, no file keeps them.
        QSqlQuery checkpoint(store.database());
        if (!checkpoint.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")))
            qWarning("erase: %s", qPrintable(checkpoint.lastError().text()));
    }
    return ev;
}

Result<QJsonObject> exportFamily(Store &store, const QString &reference)
{
    auto b = findBeneficiary(store, reference);
    if (!b)
        return makeError(ErrorCode::NotFound, tr("no beneficiary «%1»").arg(reference),
                         QStringLiteral("unknown_beneficiary"));
    QJsonObject o{{QStringLiteral("reference"), b->reference},
                  {QStringLiteral("school_id"), b->schoolId},
                  {QStringLiteral("school"), b->school},
                  {QStringLiteral("class"), b->className},
                  {QStringLiteral("pupil_name"), b->pupilName},
                  {QStringLiteral("parent_name"), b->parentName},
                  {QStringLiteral("contact"), b->contact},
                  {QStringLiteral("kind"), b->kind},
                  {QStringLiteral("agreement_until"), b->agreementUntil},
                  {QStringLiteral("erased_at"), b->erasedAt}};
    QJsonArray vouchers;
    {
        QSqlQuery q = query(store,
                            QStringLiteral("SELECT voucher, appointment, place, issued_at FROM desk_vouchers"
                                           " WHERE beneficiary = ? ORDER BY issued_at"),
                            {reference});
        while (q.next())
            vouchers.append(QJsonObject{{QStringLiteral("voucher"), q.value(0).toString()},
                                        {QStringLiteral("appointment"), q.value(1).toString()},
                                        {QStringLiteral("place"), q.value(2).toString()},
                                        {QStringLiteral("issued_at"), q.value(3).toString()}});
    }
    o.insert(QStringLiteral("vouchers"), vouchers);
    QJsonArray hs;
    for (const HandoverResult &h : handovers(store, reference))
        hs.append(QJsonObject{{QStringLiteral("voucher"), h.voucher},
                              {QStringLiteral("tags"), QJsonArray::fromStringList(h.tags)},
                              {QStringLiteral("date"), isoDate(h.date)},
                              {QStringLiteral("warranty_end"), isoDate(h.warrantyEnd)},
                              {QStringLiteral("grant_deadline"), isoDate(h.grantDeadline)},
                              {QStringLiteral("signature_sha256"), h.signatureSha256}});
    o.insert(QStringLiteral("handovers"), hs);
    for (const Grant &g : grants(store))
        if (g.beneficiary == reference)
            o.insert(QStringLiteral("grant"),
                     QJsonObject{{QStringLiteral("requested_at"), g.requestedAt},
                                 {QStringLiteral("proof_received"), g.proofReceived},
                                 {QStringLiteral("paid_at"), g.paidAt},
                                 {QStringLiteral("amount_eur"), g.amountEur}});
    for (const Trainee &t : training(store))
        if (t.beneficiary == reference) {
            QJsonArray s;
            for (int n : t.sessions)
                s.append(n);
            o.insert(QStringLiteral("training"),
                     QJsonObject{{QStringLiteral("site"), t.site},
                                 {QStringLiteral("sessions"), s},
                                 {QStringLiteral("completed"), t.completed()}});
        }
    QJsonArray returns;
    {
        QSqlQuery q = query(store,
                            QStringLiteral("SELECT tag, reason, swap_tag, returned_at FROM desk_returns"
                                           " WHERE beneficiary = ? ORDER BY returned_at"),
                            {reference});
        while (q.next())
            returns.append(QJsonObject{{QStringLiteral("tag"), q.value(0).toString()},
                                       {QStringLiteral("reason"), q.value(1).toString()},
                                       {QStringLiteral("swap_tag"), q.value(2).toString()},
                                       {QStringLiteral("returned_at"), q.value(3).toString()}});
    }
    o.insert(QStringLiteral("returns"), returns);
    audit(store, QStringLiteral("export"), reference);
    return o;
}

void audit(Store &store, const QString &action, const QString &beneficiary, const QString &detail)
{
    QSqlQuery q = query(store,
                        QStringLiteral("INSERT INTO desk_audit(time, worker, station, action, beneficiary, detail)"
                                       " VALUES(?, ?, ?, ?, ?, ?)"),
                        {Inventory::isoTime(QDateTime::currentDateTimeUtc()), notNull(store.identity().worker),
                         notNull(store.identity().station), action, notNull(beneficiary), notNull(detail)});
    if (q.lastError().isValid())
        qWarning("audit: %s", qPrintable(q.lastError().text()));
}

QList<AuditEntry> auditLog(Store &store, const QString &beneficiary)
{
    QList<AuditEntry> out;
    QSqlQuery q = beneficiary.isEmpty()
        ? query(store,
                QStringLiteral("SELECT time, worker, station, action, beneficiary, detail FROM desk_audit"
                               " ORDER BY id"))
        : query(store,
                QStringLiteral("SELECT time, worker, station, action, beneficiary, detail FROM desk_audit"
                               " WHERE beneficiary = ? ORDER BY id"),
                {beneficiary});
    while (q.next())
        out.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                    q.value(4).toString(), q.value(5).toString()});
    return out;
}

} // namespace Etabli::AppCore::Desk
