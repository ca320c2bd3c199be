// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
//
// The dashboard's figures as a projection: `figure_counts` (figure, key, n) is kept by
// triggers on the state tables, so it changes in the very transaction that applies an
// event, whatever code applies it, and the dashboard reads a few dozen rows instead of
// grouping a million assets. `rebuildProjections()` recounts it (and `event_counts`)
// from the tables and the log; tst_figures checks both give the same answer.
#include "inventory/server/serverstore_p.h"

#include <QCoreApplication>
#include <QScopeGuard>
#include <QSqlError>

namespace Etabli::Server {

namespace {

const char *const kGroups[] = {"assets_by_state", "assets_by_kind", "hs_by_part", "assets_by_donor"};

QStringList sqliteTriggers()
{
    const QString bump = QStringLiteral(" ON CONFLICT(figure, key) DO UPDATE SET n = n + excluded.n;");
    return {
        QStringLiteral("CREATE TRIGGER IF NOT EXISTS figures_asset_added AFTER INSERT ON assets BEGIN"
                       " INSERT INTO figure_counts VALUES ('assets_by_state', NEW.state, 1)%1"
                       " INSERT INTO figure_counts VALUES ('assets_by_kind', NEW.kind, 1)%1"
                       " INSERT INTO figure_counts SELECT 'assets_by_donor', donor, 1 FROM lots"
                       " WHERE reference = NEW.lot%1 END")
            .arg(bump),
        QStringLiteral("CREATE TRIGGER IF NOT EXISTS figures_asset_moved AFTER UPDATE OF state ON assets"
                       " WHEN OLD.state <> NEW.state BEGIN"
                       " INSERT INTO figure_counts VALUES ('assets_by_state', OLD.state, -1)%1"
                       " INSERT INTO figure_counts VALUES ('assets_by_state', NEW.state, 1)%1 END")
            .arg(bump),
        QStringLiteral("CREATE TRIGGER IF NOT EXISTS figures_asset_removed AFTER DELETE ON assets BEGIN"
                       " INSERT INTO figure_counts VALUES ('assets_by_state', OLD.state, -1)%1"
                       " INSERT INTO figure_counts VALUES ('assets_by_kind', OLD.kind, -1)%1"
                       " INSERT INTO figure_counts SELECT 'assets_by_donor', donor, -1 FROM lots"
                       " WHERE reference = OLD.lot%1 END")
            .arg(bump),
        QStringLiteral("CREATE TRIGGER IF NOT EXISTS figures_hs_added AFTER INSERT ON hs_parts BEGIN"
                       " INSERT INTO figure_counts VALUES ('hs_by_part', NEW.part, 1)%1 END")
            .arg(bump),
        QStringLiteral("CREATE TRIGGER IF NOT EXISTS figures_handover_added AFTER INSERT ON handovers BEGIN"
                       " INSERT INTO figure_counts VALUES ('handovers', 'handed_over', 1)%1"
                       " INSERT INTO figure_counts SELECT 'handovers', 'returned', 1"
                       " WHERE NEW.returned_at IS NOT NULL%1 END")
            .arg(bump),
        QStringLiteral("CREATE TRIGGER IF NOT EXISTS figures_handover_returned AFTER UPDATE OF returned_at ON handovers"
                       " WHEN (OLD.returned_at IS NULL) <> (NEW.returned_at IS NULL) BEGIN"
                       " INSERT INTO figure_counts VALUES ('handovers', 'returned',"
                       " CASE WHEN NEW.returned_at IS NULL THEN -1 ELSE 1 END)%1 END")
            .arg(bump),
    };
}

/// Statement-level triggers over transition tables: one aggregate per statement, so a bulk
/// INSERT … SELECT of a million assets bumps each counter once (row-level triggers would
/// update the same counter rows a million times in one transaction, each a new row version).
QStringList postgresTriggers()
{
    const QString upsert = QStringLiteral(" ON CONFLICT (figure, key) DO UPDATE SET n = figure_counts.n + EXCLUDED.n;");
    const auto function = [](const char *name, const QString &body) {
        return QStringLiteral("CREATE OR REPLACE FUNCTION %1() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN %2"
                              " RETURN NULL; END $$")
            .arg(QLatin1String(name), body);
    };
    const auto trigger = [](const char *name, const char *event, const char *table, const char *tables) {
        return QStringLiteral("CREATE OR REPLACE TRIGGER %1 AFTER %2 ON %3 REFERENCING %4 FOR EACH STATEMENT"
                              " EXECUTE FUNCTION %1()")
            .arg(QLatin1String(name), QLatin1String(event), QLatin1String(table), QLatin1String(tables));
    };
    // The signed change of each (figure, key) between the rows before (old_rows, -1) and after (new_rows, +1).
    const auto delta = [](const QString &before, const QString &after) {
        const QString rows = QStringLiteral("(%1 UNION ALL %2)").arg(before, after);
        return QStringLiteral("SELECT figure, key, sum(d) FROM %1 x GROUP BY figure, key HAVING sum(d) <> 0").arg(rows);
    };
    const auto assetRows = [](const char *table, int sign) {
        return QStringLiteral("SELECT 'assets_by_state' AS figure, state AS key, %2 AS d FROM %1"
                              " UNION ALL SELECT 'assets_by_kind', kind, %2 FROM %1"
                              " UNION ALL SELECT 'assets_by_donor', l.donor, %2 FROM %1 a"
                              " JOIN lots l ON l.reference = a.lot")
            .arg(QLatin1String(table))
            .arg(sign);
    };
    const auto handoverRows = [](const char *table, int sign) {
        return QStringLiteral("SELECT 'handovers' AS figure, 'handed_over' AS key, %2 AS d FROM %1"
                              " UNION ALL SELECT 'handovers', 'returned', %2 FROM %1 WHERE returned_at IS NOT NULL")
            .arg(QLatin1String(table))
            .arg(sign);
    };
    const QString into = QStringLiteral("INSERT INTO figure_counts(figure, key, n) ");
    const QString none = QStringLiteral("SELECT NULL::text AS figure, NULL::text AS key, 0 AS d WHERE false");
    return {
        // the row-level triggers of an earlier build of this projection
        QStringLiteral("DROP TRIGGER IF EXISTS etabli_figures_assets ON assets"),
        QStringLiteral("DROP TRIGGER IF EXISTS etabli_figures_hs ON hs_parts"),
        QStringLiteral("DROP TRIGGER IF EXISTS etabli_figures_handovers ON handovers"),
        function("etabli_figures_assets_ins", into + delta(none, assetRows("new_rows", 1)) + upsert),
        function("etabli_figures_assets_upd",
                 into + delta(assetRows("old_rows", -1), assetRows("new_rows", 1)) + upsert),
        function("etabli_figures_assets_del", into + delta(assetRows("old_rows", -1), none) + upsert),
        function("etabli_figures_hs_ins",
                 into + QStringLiteral("SELECT 'hs_by_part', part, count(*) FROM new_rows GROUP BY part") + upsert),
        function("etabli_figures_handovers_ins", into + delta(none, handoverRows("new_rows", 1)) + upsert),
        function("etabli_figures_handovers_upd",
                 into + delta(handoverRows("old_rows", -1), handoverRows("new_rows", 1)) + upsert),
        trigger("etabli_figures_assets_ins", "INSERT", "assets", "NEW TABLE AS new_rows"),
        trigger("etabli_figures_assets_upd", "UPDATE", "assets", "OLD TABLE AS old_rows NEW TABLE AS new_rows"),
        trigger("etabli_figures_assets_del", "DELETE", "assets", "OLD TABLE AS old_rows"),
        trigger("etabli_figures_hs_ins", "INSERT", "hs_parts", "NEW TABLE AS new_rows"),
        trigger("etabli_figures_handovers_ins", "INSERT", "handovers", "NEW TABLE AS new_rows"),
        trigger("etabli_figures_handovers_upd", "UPDATE", "handovers", "OLD TABLE AS old_rows NEW TABLE AS new_rows"),
    };
}

} // namespace

Result<void> ServerStore::Private::migrateFigures()
{
    if (auto q = run(QStringLiteral("CREATE TABLE IF NOT EXISTS figure_counts (figure TEXT NOT NULL, key TEXT NOT NULL,"
                                    " n BIGINT NOT NULL, PRIMARY KEY (figure, key))"));
        !q)
        return q.error();
    // Created once; a database from before the projection is counted when it gets it.
    auto present = run(postgres ? QStringLiteral("SELECT 1 FROM pg_trigger WHERE tgname = 'etabli_figures_assets_ins'")
                                : QStringLiteral("SELECT 1 FROM sqlite_master WHERE type = 'trigger'"
                                                 " AND name = 'figures_asset_added'"));
    if (!present)
        return present.error();
    const bool exists = present->next();
    present->finish();
    if (exists)
        return {};
    for (const QString &sql : postgres ? postgresTriggers() : sqliteTriggers())
        if (auto q = run(sql); !q)
            return q.error();
    return recount();
}

Result<void> ServerStore::Private::recount()
{
    const QStringList sql{
        QStringLiteral("DELETE FROM figure_counts"),
        QStringLiteral(
            "INSERT INTO figure_counts SELECT 'assets_by_state', state, count(*) FROM assets GROUP BY state"),
        QStringLiteral("INSERT INTO figure_counts SELECT 'assets_by_kind', kind, count(*) FROM assets GROUP BY kind"),
        QStringLiteral("INSERT INTO figure_counts SELECT 'assets_by_donor', l.donor, count(*) FROM assets a"
                       " JOIN lots l ON l.reference = a.lot GROUP BY l.donor"),
        QStringLiteral("INSERT INTO figure_counts SELECT 'hs_by_part', part, count(*) FROM hs_parts GROUP BY part"),
        QStringLiteral("INSERT INTO figure_counts SELECT 'handovers', 'handed_over', count(*) FROM handovers"),
        QStringLiteral("INSERT INTO figure_counts SELECT 'handovers', 'returned', count(returned_at) FROM handovers"),
        QStringLiteral("DELETE FROM event_counts"),
        QStringLiteral("INSERT INTO event_counts SELECT type, status, count(*) FROM events GROUP BY type, status"),
    };
    for (const QString &s : sql)
        if (auto q = run(s); !q)
            return q.error();
    return {};
}

Result<void> ServerStore::rebuildProjections()
{
    QSqlDatabase database = d->db();
    const auto writer = d->lockWriter();
    // SQLite (issue 17, engineer "proj"): the rebuild is one transaction over the whole log;
    // with the default 2 MB page cache its pages are spilled to the WAL and read back again
    // and again (perf: most of the time in pwrite/pread). A cache of its own for its
    // duration, the connection's own size back afterwards.
    qint64 cacheBefore = 0;
    if (!d->postgres) {
        if (auto q = d->run(QStringLiteral("PRAGMA cache_size")); q && q->next())
            cacheBefore = q->value(0).toLongLong();
        if (auto q = d->run(QStringLiteral("PRAGMA cache_size = -1048576")); !q) // 1 GiB, as pages are used
            return q.error();
    }
    const auto restoreCache = qScopeGuard([this, cacheBefore] {
        if (!d->postgres && cacheBefore != 0)
            (void)d->run(QStringLiteral("PRAGMA cache_size = %1").arg(cacheBefore));
    });
    if (auto begun = d->beginWrite(); !begun)
        return begun.error();
    // PostgreSQL: the rebuild refills emptied tables within its one transaction, where
    // autovacuum's statistics cannot follow; a prepared statement's generic plan, made while
    // a table was empty, stays a sequential scan (at 1 M assets each erasure check's UPDATE
    // took 20 ms by asset 130,000). Plans made for each execution see the table's real size.
    if (d->postgres)
        if (auto q = d->run(QStringLiteral("SET LOCAL plan_cache_mode = force_custom_plan")); !q) {
            database.rollback();
            return q.error();
        }
    if (auto r = d->recount(); !r) {
        d->idle();
        database.rollback();
        return r.error();
    }
    if (auto r = d->rebuildErasures(); !r) { // erasures (engineer "erasure")
        d->idle();
        database.rollback();
        return r.error();
    }
    if (auto r = d->rebuildLedgerProjections(); !r) { // the supervisor's (serverstore_projections.cpp)
        d->idle();
        database.rollback();
        return r.error();
    }
    if (auto r = d->rebuildDesk(); !r) { // desk (engineer "deskserver")
        d->idle();
        database.rollback();
        return r.error();
    }
    d->idle();
    if (!database.commit())
        return makeError(
            ErrorCode::Io,
            QCoreApplication::translate("ServerStore", "cannot commit: %1").arg(database.lastError().text()));
    // PostgreSQL: the refilled tables get their statistics and visibility map now rather
    // than at autovacuum's next pass (bench store of 1 M events: the year's bilan 58 → 18 ms,
    // its figures 58 → 32 ms; the index-only scans of proj_daily_cover need the map).
    if (d->postgres)
        if (auto q = d->run(QStringLiteral("VACUUM (ANALYZE)")); !q)
            return q.error();
    return {};
}

Result<QJsonObject> ServerStore::figures() const
{
    QJsonObject groups[std::size(kGroups)];
    qint64 handedOver = 0, returned = 0;
    auto q = d->run(QStringLiteral("SELECT figure, key, n FROM figure_counts WHERE n <> 0"));
    if (!q)
        return q.error();
    while (q->next()) {
        const QString figure = q->value(0).toString(), key = q->value(1).toString();
        const qint64 n = q->value(2).toLongLong();
        if (figure == QLatin1String("handovers"))
            (key == QLatin1String("returned") ? returned : handedOver) = n;
        for (size_t i = 0; i < std::size(kGroups); ++i)
            if (figure == QLatin1String(kGroups[i]))
                groups[i].insert(key, n);
    }
    QJsonObject out;
    for (size_t i = 0; i < std::size(kGroups); ++i)
        out.insert(QLatin1String(kGroups[i]), groups[i]);
    QJsonObject overridden;
    auto o = d->run(QStringLiteral("SELECT type, n FROM event_counts WHERE status = 'overridden'"));
    if (!o)
        return o.error();
    while (o->next())
        overridden.insert(o->value(0).toString(), o->value(1).toLongLong());
    out.insert(QStringLiteral("overridden_by_type"), overridden);
    out.insert(QStringLiteral("handed_over"), handedOver);
    out.insert(QStringLiteral("returned"), returned);
    d->idle();
    return out;
}

} // namespace Etabli::Server
