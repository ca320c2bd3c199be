// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
//
// desk (issue 14): the server's read side for the distribution desk. A handover queued on
// an offline desk reaches the server later; when another desk handed the same asset over
// first, the server's arrival order decides and the late moves are stored as overridden
// (inventory/README.md, the conflict rule). They are listed here for the supervisor.
#include "inventory/server/serverstore_p.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace Etabli::Server {

Result<QJsonArray> ServerStore::deskConflicts() const
{
    auto q = d->run(QStringLiteral(
        "SELECT e.seq, e.asset_tag, e.station, e.worker, e.time, e.payload, e.note, coalesce(a.state, ''),"
        " coalesce(a.reserved_for, '') FROM events e LEFT JOIN assets a ON a.tag = e.asset_tag"
        " WHERE e.type = 'asset.moved' AND e.status = 'overridden'"
        " AND (e.payload LIKE '%\"to\":\"HANDED_OVER\"%' OR e.payload LIKE '%\"to\":\"RESERVED\"%')"
        " ORDER BY e.seq"));
    if (!q)
        return q.error();
    QJsonArray out;
    while (q->next()) {
        const QJsonObject p = QJsonDocument::fromJson(q->value(5).toString().toUtf8()).object();
        out.append(QJsonObject{{QStringLiteral("seq"), q->value(0).toLongLong()},
                               {QStringLiteral("asset_tag"), q->value(1).toString()},
                               {QStringLiteral("station"), q->value(2).toString()},
                               {QStringLiteral("worker"), q->value(3).toString()},
                               {QStringLiteral("time"), q->value(4).toString()},
                               {QStringLiteral("beneficiary"), p.value(QStringLiteral("beneficiary")).toString()},
                               {QStringLiteral("to"), p.value(QStringLiteral("to")).toString()},
                               {QStringLiteral("note"), q->value(6).toString()},
                               {QStringLiteral("state"), q->value(7).toString()},
                               {QStringLiteral("holder"), q->value(8).toString()}});
    }
    return out;
}

} // namespace Etabli::Server
