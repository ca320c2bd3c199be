// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
//
// The server store's read side for the API: assets, lots, donors, family data for the desk
// and the ENT feed (the dashboard figures are in serverstore_figures.cpp).
#include "inventory/server/serverstore_p.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace Etabli::Server {

namespace {

QJsonArray rows(Result<QSqlQuery> q, const QStringList &names)
{
    QJsonArray out;
    while (q && q->next()) {
        QJsonObject o;
        for (int i = 0; i < names.size(); ++i) {
            const QVariant v = q->value(i);
            if (v.isNull())
                o.insert(names[i], QJsonValue());
            else if (v.typeId() == QMetaType::LongLong || v.typeId() == QMetaType::Int)
                o.insert(names[i], v.toLongLong());
            else
                o.insert(names[i], v.toString());
        }
        out.append(o);
    }
    return out;
}

const QStringList kAssetNames{QStringLiteral("tag"),        QStringLiteral("kind"),
                              QStringLiteral("state"),      QStringLiteral("lot"),
                              QStringLiteral("make"),       QStringLiteral("model"),
                              QStringLiteral("serial"),     QStringLiteral("reserved_for"),
                              QStringLiteral("cycle"),      QStringLiteral("master_version"),
                              QStringLiteral("created_at"), QStringLiteral("updated_at")};
const QString kAssetSelect = QStringLiteral("SELECT tag, kind, state, lot, make, model, serial, reserved_for, cycle,"
                                            " master_version, created_at, updated_at FROM assets");

} // namespace

Result<QJsonObject> ServerStore::asset(const QString &tag) const
{
    auto q = d->run(kAssetSelect + QStringLiteral(" WHERE tag = ?"), {tag});
    if (!q)
        return q.error();
    const QJsonArray found = rows(std::move(q), kAssetNames);
    if (found.isEmpty())
        return makeError(ErrorCode::NotFound, QCoreApplication::translate("ServerStore", "no asset %1").arg(tag),
                         QStringLiteral("unknown_tag"));
    QJsonObject o = found.first().toObject();
    o.insert(QStringLiteral("history"),
             rows(d->run(QStringLiteral("SELECT seq, uuid, station, worker, time, type, status, note FROM events"
                                        " WHERE asset_tag = ? ORDER BY seq"),
                         {tag}),
                  {QStringLiteral("seq"), QStringLiteral("uuid"), QStringLiteral("station"), QStringLiteral("worker"),
                   QStringLiteral("time"), QStringLiteral("type"), QStringLiteral("status"), QStringLiteral("note")}));
    return o;
}

Result<QJsonArray> ServerStore::assets(const QString &state, int limit) const
{
    auto q = state.isEmpty()
        ? d->run(kAssetSelect + QStringLiteral(" ORDER BY tag LIMIT %1").arg(limit))
        : d->run(kAssetSelect + QStringLiteral(" WHERE state = ? ORDER BY tag LIMIT %1").arg(limit), {state});
    if (!q)
        return q.error();
    return rows(std::move(q), kAssetNames);
}

Result<QJsonArray> ServerStore::lots() const
{
    auto q = d->run(QStringLiteral("SELECT l.reference, l.donor, l.expected_count, l.received_at,"
                                   " (SELECT count(*) FROM assets a WHERE a.lot = l.reference) FROM lots l"
                                   " ORDER BY l.reference"));
    if (!q)
        return q.error();
    return rows(std::move(q),
                {QStringLiteral("reference"), QStringLiteral("donor"), QStringLiteral("expected_count"),
                 QStringLiteral("received_at"), QStringLiteral("asset_count")});
}

Result<QJsonArray> ServerStore::donors() const
{
    auto q = d->run(QStringLiteral("SELECT name, contact FROM donors ORDER BY name"));
    if (!q)
        return q.error();
    return rows(std::move(q), {QStringLiteral("name"), QStringLiteral("contact")});
}

Result<QJsonArray> ServerStore::beneficiaries() const
{
    auto q = d->run(QStringLiteral("SELECT reference, school_id, school, class, family_name, contact"
                                   " FROM beneficiaries ORDER BY reference"));
    if (!q)
        return q.error();
    return rows(std::move(q),
                {QStringLiteral("reference"), QStringLiteral("school_id"), QStringLiteral("school"),
                 QStringLiteral("class"), QStringLiteral("family_name"), QStringLiteral("contact")});
}

Result<QJsonArray> ServerStore::handovers() const
{
    auto q = d->run(QStringLiteral("SELECT asset_tag, beneficiary, handed_over_at, warranty_until, master_version,"
                                   " returned_at FROM handovers ORDER BY id"));
    if (!q)
        return q.error();
    return rows(std::move(q),
                {QStringLiteral("asset_tag"), QStringLiteral("beneficiary"), QStringLiteral("handed_over_at"),
                 QStringLiteral("warranty_until"), QStringLiteral("master_version"), QStringLiteral("returned_at")});
}

Result<QJsonArray> ServerStore::entEquipment() const
{
    // Only what the schools need: no family name, no contact.
    auto q = d->run(QStringLiteral("SELECT b.school_id, b.school, b.class, h.asset_tag, h.handed_over_at,"
                                   " h.warranty_until, h.master_version FROM handovers h"
                                   " JOIN beneficiaries b ON b.reference = h.beneficiary"
                                   " WHERE h.returned_at IS NULL ORDER BY b.school, b.class, b.school_id"));
    if (!q)
        return q.error();
    return rows(std::move(q),
                {QStringLiteral("school_id"), QStringLiteral("school"), QStringLiteral("class"),
                 QStringLiteral("asset_tag"), QStringLiteral("handover_date"), QStringLiteral("warranty_end"),
                 QStringLiteral("master_version")});
}

} // namespace Etabli::Server
