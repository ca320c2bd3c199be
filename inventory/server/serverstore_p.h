// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

// Internal to ServerStore: its private state and the helpers its files share.

#include "inventory/event.h"
#include "inventory/eventrules.h"
#include "inventory/server/serverstore.h"

#include <QHash>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>

#include <optional>

namespace Etabli::Server {

/// Compact JSON text of `o`.
QString compact(const QJsonObject &o);
/// Now, as the event log writes times.
QString now();

struct ServerStore::Private {
    QString connection;
    bool postgres = false;

    QSqlDatabase db() const { return QSqlDatabase::database(connection, false); }

    /// Runs `sql`; bound statements are prepared once and kept (see serverstore.cpp).
    Result<QSqlQuery> run(const QString &sql, const QVariantList &binds = {}) const;

    mutable QHash<QString, QSqlQuery> cache;
    /// Ends every cached statement left half-read, so SQLite holds no read snapshot
    /// (which would keep the WAL from being checkpointed) once an operation is over.
    void idle() const
    {
        for (QSqlQuery &q : cache)
            q.finish();
    }

    Result<void> migrate();
    /// Applies one new event to the state by the event rules (inventory/eventrules.h);
    /// returns the note when it is overridden.
    Result<QString> apply(const Inventory::Event &e);
    /// What the event rules need to decide `e` here.
    Result<Inventory::EventRules::Before> before(const Inventory::Event &e) const;
    /// Set by create(): a refusal of the rules is an error, not an overridden event.
    bool strict = false;
};

} // namespace Etabli::Server
