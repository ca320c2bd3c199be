// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
//
// The supervisor's reads (issue 13): the bilan, the period figures and the attention list,
// each folded from the event log by inventory/report (the same code a station's own store
// uses), never from the state tables, so what the council reads is what the log says.
#include "inventory/report/report.h"
#include "inventory/server/serverstore_p.h"

#include <QScopeGuard>
#include <QSqlError>

namespace Etabli::Server {

namespace {

/// Folds the log of `db` in one query.
Result<void> foldLog(const QSqlDatabase &db, Inventory::Report::Ledger &ledger, const QDateTime &until = {})
{
    return Inventory::Report::readLog(db, ledger, until);
}

} // namespace

Result<QJsonObject> ServerStore::bilan(QDate from, QDate to) const
{
    Inventory::Report::Ledger ledger;
    if (auto r = foldLog(d->db(), ledger, QDateTime(to.addDays(1), QTime(0, 0), Qt::UTC)); !r)
        return r.error();
    return ledger.bilan(from, to);
}

Result<QJsonObject> ServerStore::periodFigures(QDate from, QDate to, const QString &lot) const
{
    Inventory::Report::Ledger ledger;
    if (auto r = foldLog(d->db(), ledger); !r)
        return r.error();
    return ledger.figures(from, to, lot);
}

Result<QJsonArray> ServerStore::attention(const QDateTime &now) const
{
    Inventory::Report::Ledger ledger;
    if (auto r = foldLog(d->db(), ledger); !r)
        return r.error();
    Inventory::Report::SyncFacts facts;
    // Stations are the names station tokens pushed under; the desk and supervisor are not.
    auto q = d->run(QStringLiteral("SELECT station, max(received_at) FROM events WHERE pushed_by IN"
                                   " (SELECT name FROM tokens WHERE role = 'station' AND revoked_at IS NULL)"
                                   " GROUP BY station"));
    if (!q)
        return q.error();
    while (q->next())
        facts.lastReceived.insert(q->value(0).toString(),
                                  QDateTime::fromString(q->value(1).toString(), Qt::ISODateWithMs));
    d->idle();
    return ledger.attention(now, facts);
}

Result<QJsonObject> ServerStore::workshopSettings() const
{
    Inventory::Report::Ledger ledger;
    if (auto r = foldLog(d->db(), ledger); !r)
        return r.error();
    return ledger.workshop();
}

Result<QJsonArray> ServerStore::workers() const
{
    Inventory::Report::Ledger ledger;
    if (auto r = foldLog(d->db(), ledger); !r)
        return r.error();
    return ledger.workers();
}

} // namespace Etabli::Server
