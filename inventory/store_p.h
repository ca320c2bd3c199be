// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

#include "inventory/eventrules.h"
#include "inventory/store.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariant>

namespace Etabli::Inventory {

struct Store::Private {
    QString connection;
    QString path;
    Identity identity;
    int version = 0;

    QSqlDatabase db() const { return QSqlDatabase::database(connection, false); }

    /// Prepares and runs `sql` with positional `binds`; an SQL failure becomes an Error.
    Result<QSqlQuery> run(const QString &sql, const QVariantList &binds = {}) const;

    /// Applies `event` and appends it in one transaction (store_apply.cpp).
    /// Returns false when the UUID was already there.
    Result<bool> commit(Event &event, bool remote);
    Result<void> applyChange(const Event &event);
    /// What the event rules need to decide `event` here (store_apply.cpp).
    Result<EventRules::Before> before(const Event &event) const;

    /// Transactions that nest: the outermost is BEGIN IMMEDIATE (so two writers queue
    /// on the busy timeout instead of failing to upgrade), inner ones are savepoints.
    Result<void> begin();
    Result<void> finish(bool commit);
    int depth = 0;

    AssetFacts factsFor(const QString &tag) const;

    /// Set while applying the server's order (store_sync.cpp): a move then checks only
    /// the asset's current state and the lifecycle edge, exactly as the server does;
    /// the other guards were the originating station's business.
    bool syncReplay = false;
    /// Set by commit() for this station's own changes: moves meet every lifecycle guard.
    bool checkAllGuards = false;
    Result<void> replayAsset(const QString &tag);
    Event makeEvent(const QString &type, const QString &tag, const QJsonObject &payload) const;
    std::optional<qint64> assetId(const QString &tag) const;
};

Error sqlError(const QSqlQuery &query, const QString &what);

/// `SELECT … FROM events` with the columns eventFromQuery() reads, in its order.
const QString &eventColumns();
Event eventFromQuery(const QSqlQuery &query);

} // namespace Etabli::Inventory
