// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "inventory/eventrules.h"

#include "inventory/assettag.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QSet>

#include <cmath>

namespace Etabli::Inventory::EventRules {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Etabli::Inventory::EventRules", text);
}

Error badPayload(const Event &e, const QString &why, const QString &detail = QStringLiteral("bad_payload"))
{
    return makeError(ErrorCode::InvalidArgument, tr("%1: %2").arg(e.type, why), detail);
}

using T = JsonType;

FieldRule str(const char *key, bool required = false, int maxLength = 512)
{
    return {QLatin1String(key), T::String, required, maxLength, 0};
}
FieldRule integer(const char *key, qint64 max = kMaxInteger)
{
    return {QLatin1String(key), T::Integer, false, 0, max};
}
FieldRule number(const char *key)
{
    return {QLatin1String(key), T::Number, false, 0, 0};
}
FieldRule boolean(const char *key, bool required = false)
{
    return {QLatin1String(key), T::Boolean, required, 0, 0};
}
FieldRule object(const char *key)
{
    return {QLatin1String(key), T::Object, false, 0, 0};
}
FieldRule array(const char *key)
{
    return {QLatin1String(key), T::Array, false, 0, 0};
}

QString listOf(const QStringList &names)
{
    return names.join(QStringLiteral(", "));
}

QStringList stateNames()
{
    QStringList out;
    for (AssetState s : allAssetStates())
        out << toString(s);
    return out;
}

/// The moves a desk makes: their notes may name a family.
bool isDeskState(AssetState s)
{
    return s == AssetState::Reserved || s == AssetState::HandedOver || s == AssetState::Returned;
}

} // namespace

const QList<TypeRule> &types()
{
    const QString st = QStringLiteral("station"), de = QStringLiteral("desk"), su = QStringLiteral("supervisor");
    const QStringList all{st, de, su};
    // One cap for both sides: what a station accepts, the server accepts, and no more.
    static const QList<TypeRule> table{
        {EventType::DonorAdded, false, false, all, {str("name", true, 256), str("contact")}},
        {EventType::LotAdded,
         false,
         false,
         all,
         {str("reference", true, 64), str("donor", false, 256), integer("expected_count", 1000000),
          str("received_at", false, 32), str("notes", false, 4096)}},
        {EventType::AssetAdded,
         true,
         false,
         all,
         {str("tag", true, 32), str("kind", true, 16), str("lot", false, 64), str("make"), str("model"), str("serial"),
          object("specs"), number("weight_kg")}},
        {EventType::AssetMoved,
         true,
         false,
         all,
         {str("from", true, 16), str("to", true, 16), str("beneficiary", false, 64), str("note", false, 1024)}},
        {EventType::AssetUpdated,
         true,
         false,
         all,
         {str("make"), str("model"), str("serial"), object("specs"), array("components")}},
        {EventType::TestRecorded,
         true,
         false,
         all,
         {str("kind", true, 32), str("verdict", true, 8), str("rule", false, 1024), object("measurements"),
          str("started_at", false, 32), str("ended_at", false, 32)}},
        {EventType::HsRecorded,
         true,
         false,
         all,
         {str("part", true, 64), str("reason", true, 32), str("disposal", false, 32), str("note", false, 1024)}},
        {EventType::ErasureRecorded,
         true,
         false,
         all,
         {str("method", true, 64), str("device_model"), str("device_serial"), integer("bytes"),
          boolean("verified", true), str("started_at", false, 32), str("ended_at", false, 32), object("certificate"),
          str("technique", false, 64), str("pattern", false, 16), str("verification", false, 16),
          str("certificate_id", false, 64), str("check_status", false, 32)}},
        // The checker confirms the erasure `erased_by` did; never the same badge (validate).
        {EventType::ErasureChecked,
         true,
         false,
         all,
         {str("certificate_id", true, 64), str("checker", true, 64), str("erased_by", true, 64),
          integer("reread_sectors", 100000), boolean("reread_ok"), integer("reread_seed")}},
        {EventType::ImagingRecorded,
         true,
         false,
         all,
         {str("master_name", true), str("master_version", true), str("target_model"), str("target_serial"),
          str("target_kind", false, 16), integer("bytes"), number("seconds"), number("mib_s"), str("fill", false, 16),
          boolean("verified", true), boolean("manifest_signed"), str("started_at", false, 32),
          str("ended_at", false, 32)}},
        {EventType::LabelPrinted, true, false, all, {str("template", true, 64), str("printer", true)}},
        {EventType::KitCreated, true, false, all, {str("reference", true, 64), array("items")}},
        {EventType::BeneficiaryAdded,
         false,
         true,
         {de},
         {str("reference", true, 64), str("school_id", false, 64), str("school", false, 256), str("class", false, 64),
          str("family_name", false, 256), str("contact", false, 256), str("pupil_name", false, 256),
          str("parent_name", false, 256), str("kind", false, 16), str("agreement_until", false, 32)}},
        {EventType::WorkerAdded,
         false,
         false,
         all,
         {str("badge", true, 64), str("display_name", true, 256), str("role", true, 16), object("accessibility"),
          str("photo", false, kMaxPhoto)}},
        {EventType::StationAdded, false, false, all, {str("name", true, 64), str("location")}},
        // The faces (issues 12, 13, 14). Administration is the supervisor's.
        {EventType::WorkerUpdated,
         false,
         false,
         {su},
         {str("badge", true, 64), str("display_name", false, 256), str("role", false, 16), object("accessibility"),
          str("photo", false, kMaxPhoto), boolean("active")}},
        {EventType::WorkshopConfigured,
         false,
         false,
         {su},
         {array("bench_steps"), object("min_spec"), str("master_name", false, 256), str("master_version", false, 64),
          str("label_template", false, 64), object("limits"), object("reuse_kg"), str("city_name", false, 256),
          str("logo", false, kMaxPhoto)}},
        {EventType::FlowStep,
         true,
         false,
         {st, su},
         {str("step", true, 32), str("status", true, 16), integer("position", 100), object("data")}},
        {EventType::VoucherIssued,
         false,
         true,
         {de, su},
         {str("voucher", true, 64), str("beneficiary", true, 64), str("appointment", false, 32),
          str("place", false, 256)}},
        {EventType::HandoverRecorded,
         false,
         true,
         {de},
         {str("beneficiary", true, 64), array("tags"), str("voucher", false, 64), str("offer", false, 32),
          str("signature_sha256", false, 64), object("signature"), str("witness", false, 256), array("confirmed"),
          str("warranty_end", false, 32), str("grant_deadline", false, 32)}},
        {EventType::GrantRequested,
         false,
         true,
         {de, su},
         {str("beneficiary", true, 64), str("requested_at", false, 32), boolean("proof_received")}},
        {EventType::GrantPaid,
         false,
         true,
         {de, su},
         {str("beneficiary", true, 64), str("paid_at", false, 32), number("amount_eur")}},
        {EventType::TrainingEnrolled, false, true, {de, su}, {str("beneficiary", true, 64), str("site", false, 256)}},
        {EventType::TrainingAttended,
         false,
         true,
         {de, su},
         {str("beneficiary", true, 64), integer("session", 6), str("date", false, 32), str("site", false, 256)}},
        {EventType::ReturnRecorded,
         true,
         false,
         {de, su},
         {str("reason", true, 32), str("beneficiary", false, 64), str("swap_tag", false, 32),
          str("note", false, 1024)}},
        {EventType::BeneficiaryErased, false, true, {de, su}, {str("reference", true, 64), str("reason", false, 256)}},
    };
    return table;
}

const TypeRule *rule(const QString &type)
{
    for (const TypeRule &t : types())
        if (t.type == type)
            return &t;
    return nullptr;
}

QStringList typeNames()
{
    QStringList out;
    for (const TypeRule &t : types())
        out << QString(t.type);
    return out;
}

bool isFamilyData(const QString &type)
{
    const TypeRule *t = rule(type);
    return t && t->familyData;
}

QStringList familyDataTypes()
{
    QStringList out;
    for (const TypeRule &t : types())
        if (t.familyData)
            out << QString(t.type);
    return out;
}

bool mayPush(const QString &type, const QString &role)
{
    const TypeRule *t = rule(type);
    return t && t->pushRoles.contains(role);
}

Result<void> validate(const Event &e)
{
    const TypeRule *t = rule(e.type);
    if (!t)
        return makeError(ErrorCode::InvalidArgument,
                         tr("unknown event type «%1» (one of %2)").arg(e.type, listOf(typeNames())),
                         QStringLiteral("unknown_type"));
    if (t->aboutAsset) {
        auto tag = AssetTag::parse(e.assetTag);
        if (!tag || *tag != e.assetTag)
            return makeError(ErrorCode::InvalidArgument,
                             tr("%1: «%2» is not a valid asset tag").arg(e.type, e.assetTag),
                             QStringLiteral("bad_tag"));
    } else if (!e.assetTag.isEmpty()) {
        return makeError(ErrorCode::InvalidArgument, tr("%1: this event type is not about an asset").arg(e.type),
                         QStringLiteral("bad_tag"));
    }
    const QJsonObject &p = e.payload;
    for (auto it = p.begin(); it != p.end(); ++it) {
        bool known = false;
        for (const FieldRule &f : t->fields)
            known |= f.key == it.key();
        if (!known) {
            QStringList keys;
            for (const FieldRule &f : t->fields)
                keys << QString(f.key);
            return badPayload(e, tr("unknown key «%1» (the keys are %2)").arg(it.key(), listOf(keys)),
                              QStringLiteral("unknown_field"));
        }
    }
    for (const FieldRule &f : t->fields) {
        const QJsonValue v = p.value(f.key);
        if (v.isUndefined() || v.isNull()) {
            if (f.required)
                return badPayload(e, tr("«%1» is required").arg(f.key));
            continue;
        }
        switch (f.type) {
        case T::String:
            if (!v.isString())
                return badPayload(e, tr("«%1» must be a string").arg(f.key));
            if (f.required && v.toString().trimmed().isEmpty())
                return badPayload(e, tr("«%1» must not be empty").arg(f.key));
            if (v.toString().size() > f.maxLength)
                return badPayload(e, tr("«%1» is too long (at most %2 characters)").arg(f.key).arg(f.maxLength));
            break;
        case T::Integer: {
            const double d = v.toDouble();
            if (!v.isDouble() || !std::isfinite(d) || std::floor(d) != d || d < 0 || d > double(f.maxInteger))
                return badPayload(e, tr("«%1» must be a whole number from 0 to %2").arg(f.key).arg(f.maxInteger));
            break;
        }
        case T::Number:
            if (!v.isDouble() || !std::isfinite(v.toDouble()) || v.toDouble() < 0)
                return badPayload(e, tr("«%1» must be a number, not negative").arg(f.key));
            break;
        case T::Boolean:
            if (!v.isBool())
                return badPayload(e, tr("«%1» must be true or false").arg(f.key));
            break;
        case T::Object:
            if (!v.isObject())
                return badPayload(e, tr("«%1» must be an object").arg(f.key));
            break;
        case T::Array:
            if (!v.isArray())
                return badPayload(e, tr("«%1» must be a list").arg(f.key));
            break;
        }
    }
    const auto text = [&p](const char *key) { return p.value(QLatin1String(key)).toString().trimmed(); };
    if (e.type == EventType::AssetAdded) {
        if (!assetKindFromString(text("kind")))
            return badPayload(e, tr("unknown kind (pc, screen, keyboard, mouse, speakers, part)"));
        if (text("tag") != e.assetTag)
            return badPayload(e, tr("«tag» must equal the event's asset tag"));
    }
    if (e.type == EventType::AssetMoved && (!assetStateFromString(text("from")) || !assetStateFromString(text("to"))))
        return badPayload(e, tr("unknown state (one of %1)").arg(listOf(stateNames())));
    if (e.type == EventType::TestRecorded && !verdictFromString(text("verdict")))
        return badPayload(e, tr("«verdict» must be PASS, WARN or FAIL"));
    if (e.type == EventType::HsRecorded) {
        if (!isHsPart(text("part")))
            return badPayload(e, tr("unknown part «%1» (one of %2)").arg(text("part"), listOf(hsParts())));
        if (!hsReasonFromString(text("reason"))) {
            QStringList names;
            for (HsReason r : allHsReasons())
                names << toString(r);
            return badPayload(e, tr("unknown reason «%1» (one of %2)").arg(text("reason"), listOf(names)));
        }
    }
    if (e.type == EventType::ErasureChecked && text("checker") == text("erased_by"))
        return badPayload(e, tr("the erasure must be checked by a different worker than %1").arg(text("erased_by")),
                          QStringLiteral("same_worker"));
    if ((e.type == EventType::WorkerAdded || (e.type == EventType::WorkerUpdated && p.contains(QStringLiteral("role"))))
        && !roleFromString(text("role")))
        return badPayload(e, tr("«role» must be worker, supervisor or desk"));
    if (e.type == EventType::BeneficiaryAdded && p.contains(QStringLiteral("kind"))
        && !QStringList{QStringLiteral("family"), QStringLiteral("teacher"), QStringLiteral("association")}.contains(
            text("kind")))
        return badPayload(e, tr("«kind» must be family, teacher or association"));
    if (e.type == EventType::FlowStep
        && !QStringList{QStringLiteral("started"), QStringLiteral("done"), QStringLiteral("skipped"),
                        QStringLiteral("failed")}
                .contains(text("status")))
        return badPayload(e, tr("«status» must be started, done, skipped or failed"));
    if (e.type == EventType::TrainingAttended && p.value(QStringLiteral("session")).toInt() < 1)
        return badPayload(e, tr("«session» must be from 1 to 6"));
    if (e.type == EventType::AssetUpdated)
        for (const QJsonValue &c : p.value(QStringLiteral("components")).toArray())
            if (!c.isObject() || !c.toObject().value(QStringLiteral("kind")).isString())
                return badPayload(e, tr("each component must be an object with a «kind»"));
    if (e.type == EventType::KitCreated)
        for (const QJsonValue &v : p.value(QStringLiteral("items")).toArray())
            if (!v.isString() || !AssetTag::parse(v.toString()))
                return badPayload(e, tr("«items» must be a list of asset tags"));
    return {};
}

QJsonObject stationPayload(const Event &e)
{
    QJsonObject p = e.payload;
    // Keys outside the table (stored before they were refused) never reach a bench.
    if (const TypeRule *t = rule(e.type)) {
        for (const QString &key : e.payload.keys()) {
            bool known = false;
            for (const FieldRule &f : t->fields)
                known |= f.key == key;
            if (!known)
                p.remove(key);
        }
    }
    if (e.type == EventType::AssetMoved && p.contains(QStringLiteral("note"))) {
        const auto from = assetStateFromString(p.value(QStringLiteral("from")).toString());
        const auto to = assetStateFromString(p.value(QStringLiteral("to")).toString());
        if ((from && isDeskState(*from)) || (to && isDeskState(*to)))
            p.remove(QStringLiteral("note"));
    }
    return p;
}

Lookups lookups(const Event &e)
{
    Lookups l;
    const auto text = [&e](const char *key) { return e.payload.value(QLatin1String(key)).toString().trimmed(); };
    if (e.type == EventType::DonorAdded) {
        l.reference = Lookups::Reference::Donor;
        l.referenceKey = text("name");
    } else if (e.type == EventType::LotAdded) {
        l.reference = Lookups::Reference::Lot;
        l.referenceKey = text("reference");
    } else if (e.type == EventType::KitCreated) {
        l.reference = Lookups::Reference::Kit;
        l.referenceKey = text("reference");
        for (const QJsonValue &v : e.payload.value(QStringLiteral("items")).toArray())
            if (auto tag = AssetTag::parse(v.toString()))
                l.items << *tag;
    } else if (e.type == EventType::AssetAdded) {
        l.lot = text("lot");
    }
    return l;
}

Result<void> lookUp(const Event &e, const RowExists &exists, Before &b)
{
    const Lookups l = lookups(e);
    static const QHash<Lookups::Reference, QString> referenceSql{
        {Lookups::Reference::Donor, QStringLiteral("SELECT 1 FROM donors WHERE name = ?")},
        {Lookups::Reference::Lot, QStringLiteral("SELECT 1 FROM lots WHERE reference = ?")},
        {Lookups::Reference::Kit, QStringLiteral("SELECT 1 FROM kits WHERE reference = ?")},
    };
    if (l.reference != Lookups::Reference::None) {
        auto taken = exists(referenceSql.value(l.reference), {l.referenceKey});
        if (!taken)
            return taken.error();
        b.referenceTaken = *taken;
    }
    if (!l.lot.isEmpty()) {
        auto known = exists(QStringLiteral("SELECT 1 FROM lots WHERE reference = ?"), {l.lot});
        if (!known)
            return known.error();
        b.lotKnown = *known;
    }
    for (const QString &item : l.items) {
        auto known = exists(QStringLiteral("SELECT 1 FROM assets WHERE tag = ?"), {item});
        if (!known)
            return known.error();
        if (!*known) {
            b.unknownItem = item;
            break;
        }
    }
    return {};
}

Result<After> apply(const Before &before, const Event &e)
{
    if (auto v = validate(e); !v)
        return v.error();
    return applyValidated(before, e);
}

Result<After> applyValidated(const Before &before, const Event &e)
{
    const TypeRule *t = rule(e.type);
    const auto text = [&e](const char *key) { return e.payload.value(QLatin1String(key)).toString().trimmed(); };
    After after;
    after.asset = before.asset;
    if (!t->aboutAsset) {
        if (before.referenceTaken) {
            const QString key = lookups(e).referenceKey;
            return makeError(ErrorCode::Conflict,
                             e.type == EventType::DonorAdded ? tr("the donor «%1» already exists").arg(key)
                                                             : tr("the lot «%1» already exists").arg(key),
                             QStringLiteral("duplicate_reference"));
        }
        return after; // beneficiary.added, worker.*, station.added, workshop.configured and the desk's records
    }
    const QString &tag = e.assetTag;
    if (e.type == EventType::AssetAdded) {
        if (before.asset.exists)
            return makeError(ErrorCode::Conflict, tr("the tag %1 is already used").arg(tag),
                             QStringLiteral("duplicate_tag"));
        if (!before.lotKnown)
            return makeError(ErrorCode::NotFound, tr("no lot «%1»").arg(text("lot")), QStringLiteral("unknown_lot"));
        after.asset = AssetSnapshot{true,
                                    *assetKindFromString(text("kind")),
                                    AssetState::Received,
                                    {},
                                    1,
                                    text("lot"),
                                    text("make"),
                                    text("model"),
                                    text("serial")};
        return after;
    }
    if (!before.asset.exists)
        return makeError(ErrorCode::NotFound, tr("no asset %1 in this inventory").arg(tag),
                         QStringLiteral("unknown_tag"));
    if (e.type == EventType::AssetMoved) {
        const AssetState from = *assetStateFromString(text("from"));
        const AssetState to = *assetStateFromString(text("to"));
        const QString beneficiary = text("beneficiary");
        if (from != before.asset.state)
            return makeError(ErrorCode::Conflict,
                             tr("%1 is %2, not %3: someone moved it meanwhile")
                                 .arg(tag, toString(before.asset.state), toString(from)),
                             QStringLiteral("stale_state"));
        AssetFacts facts = before.facts.value_or(AssetFacts{});
        facts.kind = before.asset.kind;
        facts.reservedFor = before.asset.reservedFor;
        if (auto ok
            = Lifecycle::check(from, to, facts, beneficiary, before.facts ? GuardScope::All : GuardScope::AssetState);
            !ok)
            return ok.error();
        AssetSnapshot &a = after.asset;
        a.state = to;
        if (to == AssetState::Reserved)
            a.reservedFor = beneficiary;
        else if (to == AssetState::Ready || to == AssetState::Testing || to == AssetState::Parts
                 || to == AssetState::Recycled)
            a.reservedFor.clear();
        if (to == AssetState::HandedOver)
            after.handover
                = Handover{beneficiary, e.time.toUTC().date().addYears(3).toString(Qt::ISODate)}; // the warranty
        if (to == AssetState::Returned) {
            after.returnedBy = before.asset.reservedFor;
            a.cycle = before.asset.cycle + 1; // a returned PC is tested, erased and imaged again
            a.reservedFor.clear();
        }
        return after;
    }
    if (e.type == EventType::AssetUpdated) {
        for (auto [key, field] : {std::pair{"make", &AssetSnapshot::make}, std::pair{"model", &AssetSnapshot::model},
                                  std::pair{"serial", &AssetSnapshot::serial}})
            if (e.payload.contains(QLatin1String(key)))
                after.asset.*field = text(key);
        return after;
    }
    if (e.type == EventType::KitCreated) {
        if (before.referenceTaken)
            return makeError(ErrorCode::Conflict, tr("the kit «%1» already exists").arg(text("reference")),
                             QStringLiteral("duplicate_reference"));
        if (!before.unknownItem.isEmpty())
            return makeError(ErrorCode::NotFound, tr("no asset %1 in this inventory").arg(before.unknownItem),
                             QStringLiteral("unknown_item"));
    }
    return after; // records (tests, HS parts, erasures, imaging runs, labels) leave the asset as it is
}

} // namespace Etabli::Inventory::EventRules
