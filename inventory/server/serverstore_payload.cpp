// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
//
// What each event type must carry: the server refuses a payload the stations would refuse.
#include "inventory/server/serverstore_p.h"

#include "inventory/assettag.h"
#include "inventory/domain.h"
#include "inventory/lifecycle.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace Etabli::Server {

using Inventory::Event;

QString compact(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QString now()
{
    return Inventory::isoTime(QDateTime::currentDateTimeUtc());
}

namespace {

Error badPayload(const Event &e, const QString &why)
{
    return makeError(ErrorCode::InvalidArgument,
                     QCoreApplication::translate("ServerStore", "event %1 (%2): %3").arg(e.uuid, e.type, why),
                     QStringLiteral("bad_payload"));
}

enum class J { Str, Num, Bool, Obj, Arr };
struct Field {
    const char *key;
    J type;
    bool required;
};

} // namespace

/// The payload keys each type needs, with their JSON types: the same keys the station
/// store checks (inventory/store_apply.cpp), so the server never accepts what a
/// station would reject.
std::optional<Error> validatePayload(const Event &e)
{
    static const QHash<QString, QList<Field>> kFields{
        {QStringLiteral("donor.added"), {{"name", J::Str, true}, {"contact", J::Str, false}}},
        {QStringLiteral("lot.added"),
         {{"reference", J::Str, true},
          {"donor", J::Str, false},
          {"expected_count", J::Num, false},
          {"received_at", J::Str, false},
          {"notes", J::Str, false}}},
        {QStringLiteral("asset.added"),
         {{"tag", J::Str, true},
          {"kind", J::Str, true},
          {"lot", J::Str, false},
          {"make", J::Str, false},
          {"model", J::Str, false},
          {"serial", J::Str, false},
          {"specs", J::Obj, false}}},
        {QStringLiteral("asset.moved"),
         {{"from", J::Str, true}, {"to", J::Str, true}, {"beneficiary", J::Str, false}, {"note", J::Str, false}}},
        {QStringLiteral("asset.updated"),
         {{"make", J::Str, false},
          {"model", J::Str, false},
          {"serial", J::Str, false},
          {"specs", J::Obj, false},
          {"components", J::Arr, false}}},
        {QStringLiteral("test.recorded"),
         {{"kind", J::Str, true},
          {"verdict", J::Str, true},
          {"rule", J::Str, false},
          {"measurements", J::Obj, false},
          {"started_at", J::Str, false},
          {"ended_at", J::Str, false}}},
        {QStringLiteral("hs.recorded"),
         {{"part", J::Str, true}, {"reason", J::Str, true}, {"disposal", J::Str, false}, {"note", J::Str, false}}},
        {QStringLiteral("erasure.recorded"),
         {{"method", J::Str, true},
          {"device_model", J::Str, false},
          {"device_serial", J::Str, false},
          {"bytes", J::Num, false},
          {"verified", J::Bool, true},
          {"started_at", J::Str, false},
          {"ended_at", J::Str, false},
          {"certificate", J::Obj, false},
          // erasure engine (etabli wipe): what ran and the certificate's id
          {"technique", J::Str, false},
          {"pattern", J::Str, false},
          {"verification", J::Str, false},
          {"certificate_id", J::Str, false},
          {"check_status", J::Str, false}}},
        {QStringLiteral("imaging.recorded"),
         {{"master_name", J::Str, true},
          {"master_version", J::Str, true},
          {"target_model", J::Str, false},
          {"target_serial", J::Str, false},
          {"bytes", J::Num, false},
          {"seconds", J::Num, false},
          {"mib_s", J::Num, false},
          {"fill", J::Str, false},
          {"verified", J::Bool, true}}},
        {QStringLiteral("label.printed"), {{"template", J::Str, true}, {"printer", J::Str, true}}},
        {QStringLiteral("kit.created"), {{"reference", J::Str, true}, {"items", J::Arr, false}}},
        {QStringLiteral("beneficiary.added"),
         {{"reference", J::Str, true},
          {"school_id", J::Str, false},
          {"school", J::Str, false},
          {"class", J::Str, false},
          {"family_name", J::Str, false},
          {"contact", J::Str, false}}},
        {QStringLiteral("worker.added"),
         {{"badge", J::Str, true}, {"display_name", J::Str, true}, {"role", J::Str, true}}},
        {QStringLiteral("station.added"), {{"name", J::Str, true}, {"location", J::Str, false}}},
    };
    const auto fields = kFields.value(e.type);
    for (const Field &f : fields) {
        const QJsonValue v = e.payload.value(QLatin1String(f.key));
        const QString key = QLatin1String(f.key);
        if (v.isUndefined() || v.isNull()) {
            if (f.required)
                return badPayload(e, QCoreApplication::translate("ServerStore", "«%1» is required").arg(key));
            continue;
        }
        bool ok = false;
        switch (f.type) {
        case J::Str:
            ok = v.isString() && v.toString().size() <= 4096 && !(f.required && v.toString().trimmed().isEmpty());
            break;
        case J::Num:
            ok = v.isDouble() && v.toDouble() >= 0;
            break;
        case J::Bool:
            ok = v.isBool();
            break;
        case J::Obj:
            ok = v.isObject();
            break;
        case J::Arr:
            ok = v.isArray();
            break;
        }
        if (!ok)
            return badPayload(e,
                              QCoreApplication::translate("ServerStore", "«%1» has the wrong type or value").arg(key));
    }
    const auto str = [&e](const char *key) { return e.payload.value(QLatin1String(key)).toString(); };
    if (e.type == QLatin1String("asset.added")) {
        if (!Inventory::assetKindFromString(str("kind")))
            return badPayload(e, QCoreApplication::translate("ServerStore", "unknown kind"));
        if (str("tag") != e.assetTag)
            return badPayload(e, QCoreApplication::translate("ServerStore", "«tag» must equal the event's asset tag"));
    }
    if (e.type == QLatin1String("asset.moved")
        && (!Inventory::assetStateFromString(str("from")) || !Inventory::assetStateFromString(str("to"))))
        return badPayload(e, QCoreApplication::translate("ServerStore", "unknown state"));
    if (e.type == QLatin1String("test.recorded") && !Inventory::verdictFromString(str("verdict")))
        return badPayload(e, QCoreApplication::translate("ServerStore", "«verdict» must be PASS, WARN or FAIL"));
    if (e.type == QLatin1String("hs.recorded") && !Inventory::hsReasonFromString(str("reason")))
        return badPayload(e, QCoreApplication::translate("ServerStore", "unknown HS reason"));
    if (e.type == QLatin1String("worker.added") && !Inventory::roleFromString(str("role")))
        return badPayload(e, QCoreApplication::translate("ServerStore", "«role» must be worker, supervisor or desk"));
    if (e.type == QLatin1String("asset.updated"))
        for (const QJsonValue &c : e.payload.value(QStringLiteral("components")).toArray())
            if (!c.isObject() || !c.toObject().value(QStringLiteral("kind")).isString())
                return badPayload(
                    e, QCoreApplication::translate("ServerStore", "each component must be an object with a «kind»"));
    if (e.type == QLatin1String("kit.created"))
        for (const QJsonValue &v : e.payload.value(QStringLiteral("items")).toArray())
            if (!v.isString() || !Inventory::AssetTag::parse(v.toString()))
                return badPayload(e,
                                  QCoreApplication::translate("ServerStore", "«items» must be a list of asset tags"));
    return std::nullopt;
}

bool isAssetType(const QString &type)
{
    static const QStringList general{QStringLiteral("donor.added"), QStringLiteral("lot.added"),
                                     QStringLiteral("beneficiary.added"), QStringLiteral("worker.added"),
                                     QStringLiteral("station.added")};
    return !general.contains(type);
}

} // namespace Etabli::Server
