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

QStringList postgresTriggers()
{
    return {
        QStringLiteral(
            "CREATE OR REPLACE FUNCTION etabli_figure_bump(f TEXT, k TEXT, d BIGINT) RETURNS void LANGUAGE sql AS $$"
            " INSERT INTO figure_counts(figure, key, n) VALUES (f, k, d)"
            " ON CONFLICT (figure, key) DO UPDATE SET n = figure_counts.n + EXCLUDED.n $$"),
        QStringLiteral("CREATE OR REPLACE FUNCTION etabli_figures_assets() RETURNS trigger LANGUAGE plpgsql AS $$"
                       " BEGIN"
                       " IF TG_OP = 'UPDATE' AND NEW.state = OLD.state THEN RETURN NULL; END IF;"
                       " IF TG_OP IN ('UPDATE', 'DELETE') THEN"
                       "  PERFORM etabli_figure_bump('assets_by_state', OLD.state, -1);"
                       "  IF TG_OP = 'DELETE' THEN"
                       "   PERFORM etabli_figure_bump('assets_by_kind', OLD.kind, -1);"
                       "   PERFORM etabli_figure_bump('assets_by_donor', l.donor, -1) FROM lots l"
                       "    WHERE l.reference = OLD.lot;"
                       "  END IF;"
                       " END IF;"
                       " IF TG_OP IN ('INSERT', 'UPDATE') THEN"
                       "  PERFORM etabli_figure_bump('assets_by_state', NEW.state, 1);"
                       "  IF TG_OP = 'INSERT' THEN"
                       "   PERFORM etabli_figure_bump('assets_by_kind', NEW.kind, 1);"
                       "   PERFORM etabli_figure_bump('assets_by_donor', l.donor, 1) FROM lots l"
                       "    WHERE l.reference = NEW.lot;"
                       "  END IF;"
                       " END IF;"
                       " RETURN NULL;"
                       " END $$"),
        QStringLiteral("CREATE OR REPLACE FUNCTION etabli_figures_hs() RETURNS trigger LANGUAGE plpgsql AS $$"
                       " BEGIN PERFORM etabli_figure_bump('hs_by_part', NEW.part, 1); RETURN NULL; END $$"),
        QStringLiteral("CREATE OR REPLACE FUNCTION etabli_figures_handovers() RETURNS trigger LANGUAGE plpgsql AS $$"
                       " BEGIN"
                       " IF TG_OP = 'INSERT' THEN"
                       "  PERFORM etabli_figure_bump('handovers', 'handed_over', 1);"
                       "  IF NEW.returned_at IS NOT NULL THEN PERFORM etabli_figure_bump('handovers', 'returned', 1);"
                       "  END IF;"
                       " ELSIF (OLD.returned_at IS NULL) <> (NEW.returned_at IS NULL) THEN"
                       "  PERFORM etabli_figure_bump('handovers', 'returned',"
                       "   CASE WHEN NEW.returned_at IS NULL THEN -1 ELSE 1 END);"
                       " END IF;"
                       " RETURN NULL;"
                       " END $$"),
        QStringLiteral("CREATE OR REPLACE TRIGGER etabli_figures_assets AFTER INSERT OR DELETE OR UPDATE OF state"
                       " ON assets FOR EACH ROW EXECUTE FUNCTION etabli_figures_assets()"),
        QStringLiteral("CREATE OR REPLACE TRIGGER etabli_figures_hs AFTER INSERT ON hs_parts"
                       " FOR EACH ROW EXECUTE FUNCTION etabli_figures_hs()"),
        QStringLiteral("CREATE OR REPLACE TRIGGER etabli_figures_handovers AFTER INSERT OR UPDATE OF returned_at"
                       " ON handovers FOR EACH ROW EXECUTE FUNCTION etabli_figures_handovers()"),
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
    auto present = run(postgres ? QStringLiteral("SELECT 1 FROM pg_trigger WHERE tgname = 'etabli_figures_assets'")
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
    if (auto begun = d->beginWrite(); !begun)
        return begun.error();
    if (auto r = d->recount(); !r) {
        d->idle();
        database.rollback();
        return r.error();
    }
    d->idle();
    if (!database.commit())
        return makeError(
            ErrorCode::Io,
            QCoreApplication::translate("ServerStore", "cannot commit: %1").arg(database.lastError().text()));
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
