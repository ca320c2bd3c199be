// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
//
// What the sync client needs from a station's store: the unsent events, and applying
// the server's order. The conflict rule (inventory/README.md, "Server and sync"): the
// events of one asset are applied in the order the central server received them; a
// move whose `from` is not the asset's state at that point, or a second asset.added
// of one tag, is overridden. The server applies it as events arrive; a station
// replays an asset in that order whenever what it pulls disagrees with its own
// provisional order (its unsent events go last, in their local order).
#include "inventory/eventtypes.h"
#include "inventory/store_p.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QSet>

namespace Etabli::Inventory {

namespace {

QString compactJson(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

} // namespace

QList<Event> Store::unpushedEvents(int limit) const
{
    QList<Event> out;
    QString sql = eventColumns() + QStringLiteral(" WHERE pushed = 0 ORDER BY seq");
    if (limit > 0)
        sql += QStringLiteral(" LIMIT %1").arg(limit);
    auto q = d->run(sql);
    while (q && q->next())
        out.append(eventFromQuery(*q));
    return out;
}

qint64 Store::unpushedCount() const
{
    auto q = d->run(QStringLiteral("SELECT count(*) FROM events WHERE pushed = 0"));
    return q && q->next() ? q->value(0).toLongLong() : 0;
}

Result<void> Store::markPushed(const QStringList &uuids)
{
    if (auto b = d->begin(); !b)
        return b.error();
    for (const QString &uuid : uuids) {
        // A set-aside event that the server now took loses its rejection reason.
        for (const QString &sql : {QStringLiteral("UPDATE events SET pushed = 1 WHERE uuid = ?"),
                                   QStringLiteral("DELETE FROM settings WHERE key = 'sync.rejected.' || ?")}) {
            if (auto q = d->run(sql, {uuid}); !q) {
                (void)d->finish(false);
                return q.error();
            }
        }
    }
    return d->finish(true);
}

Result<void> Store::markRejected(const QString &uuid, const QString &reason)
{
    if (auto b = d->begin(); !b)
        return b.error();
    for (const auto &[sql, args] :
         {std::pair{QStringLiteral("UPDATE events SET pushed = 2 WHERE uuid = ? AND pushed <> 1"), QVariantList{uuid}},
          std::pair{QStringLiteral("INSERT OR REPLACE INTO settings(key, value) VALUES('sync.rejected.' || ?, ?)"),
                    QVariantList{uuid, reason}}}) {
        if (auto q = d->run(sql, args); !q) {
            (void)d->finish(false);
            return q.error();
        }
    }
    return d->finish(true);
}

QList<Store::RejectedEvent> Store::rejectedEvents() const
{
    QList<RejectedEvent> out;
    auto q = d->run(eventColumns() + QStringLiteral(" WHERE pushed = 2 ORDER BY seq"));
    while (q && q->next()) {
        Event e = eventFromQuery(*q);
        out.append({e, setting(QStringLiteral("sync.rejected.") + e.uuid)});
    }
    return out;
}

Result<int> Store::applyPulled(const QList<Event> &events)
{
    if (auto b = d->begin(); !b)
        return b.error();
    auto fail = [this](const Error &error) -> Result<int> {
        d->syncReplay = false;
        (void)d->finish(false);
        return error;
    };
    d->syncReplay = true;
    QSet<QString> dirty;
    int added = 0;
    for (const Event &pulled : events) {
        auto existing = d->run(QStringLiteral("SELECT status FROM events WHERE uuid = ?"), {pulled.uuid});
        if (!existing)
            return fail(existing.error());
        if (existing->next()) {
            // Ours (or pulled before): take the server's place and verdict.
            if (existing->value(0).toString() != pulled.status && !pulled.assetTag.isEmpty())
                dirty.insert(pulled.assetTag);
            auto u = d->run(QStringLiteral("UPDATE events SET server_seq = ?, pushed = 1, status = ?, note = ?"
                                           " WHERE uuid = ?"),
                            {pulled.serverSeq, pulled.status, pulled.note, pulled.uuid});
            if (!u)
                return fail(u.error());
            continue;
        }
        if (!pulled.assetTag.isEmpty()) {
            // Unsent local events of this asset were applied before this one, which
            // the server placed first: the asset is replayed in the server's order.
            auto pending
                = d->run(QStringLiteral("SELECT count(*) FROM events WHERE asset_tag = ? AND server_seq IS NULL"),
                         {pulled.assetTag});
            if (!pending)
                return fail(pending.error());
            if (pending->next() && pending->value(0).toLongLong() > 0)
                dirty.insert(pulled.assetTag);
        }
        Event e = pulled;
        e.pushed = true;
        if (pulled.status == QLatin1String("overridden")) {
            // The server's verdict stands: stored for the history, never applied.
            auto ins = d->run(QStringLiteral("INSERT INTO events(uuid, station, worker, time, time_ms, type, asset_tag,"
                                             " payload, status, note, pushed, server_seq)"
                                             " VALUES(?, ?, ?, ?, ?, ?, ?, ?, 'overridden', ?, 1, ?)"),
                              {e.uuid, e.station, e.worker, isoTime(e.time), e.time.toMSecsSinceEpoch(), e.type,
                               e.assetTag.isEmpty() ? QVariant() : QVariant(e.assetTag), compactJson(e.payload), e.note,
                               e.serverSeq});
            if (!ins)
                return fail(ins.error());
        } else {
            e.status = QStringLiteral("applied");
            auto r = d->commit(e, true);
            if (!r)
                return fail(r.error());
            if (e.status != QLatin1String("applied") && !e.assetTag.isEmpty())
                dirty.insert(e.assetTag);
            if (auto u = d->run(QStringLiteral("UPDATE events SET server_seq = ?, status = 'applied', note = ''"
                                               " WHERE uuid = ?"),
                                {e.serverSeq, e.uuid});
                !u)
                return fail(u.error());
        }
        ++added;
    }
    for (const QString &tag : std::as_const(dirty))
        if (auto r = d->replayAsset(tag); !r)
            return fail(r.error());
    d->syncReplay = false;
    if (auto c = d->finish(true); !c)
        return c.error();
    return added;
}

Result<void> Store::Private::replayAsset(const QString &tag)
{
    const auto id = assetId(tag);
    if (!id)
        return {}; // its asset.added never applied here: nothing to rebuild
    // Back to what asset.added made, then every later change again, in order.
    for (const char *table :
         {"test_results", "hs_records", "erasures", "imaging_runs", "label_prints", "handovers", "returns"})
        if (auto q = run(QStringLiteral("DELETE FROM %1 WHERE asset_id = ?").arg(QLatin1String(table)), {*id}); !q)
            return q.error();
    if (auto q
        = run(QStringLiteral("UPDATE assets SET state = 'RECEIVED', reserved_for = '', cycle = 1 WHERE id = ?"), {*id});
        !q)
        return q.error();
    auto q = run(eventColumns() + QStringLiteral(" WHERE asset_tag = ? ORDER BY server_seq IS NULL, server_seq, seq"),
                 {tag});
    if (!q)
        return q.error();
    QList<Event> history;
    while (q->next())
        history.append(eventFromQuery(*q));
    for (const Event &e : std::as_const(history)) {
        if (e.type == EventType::AssetAdded || e.type == EventType::KitCreated)
            continue; // the row and the kit exist once; a duplicate keeps its verdict
        const bool ordered = e.serverSeq > 0;
        if (ordered && e.status == QLatin1String("overridden"))
            continue;
        if (auto b = begin(); !b)
            return b.error();
        auto change = applyChange(e);
        if (auto f = finish(change.ok()); !f)
            return f.error();
        if (!change && change.error().code == ErrorCode::Io)
            return change.error();
        if (ordered)
            continue; // the server's verdict is the one every store shows
        const QString status = change ? QStringLiteral("applied") : QStringLiteral("overridden");
        if (status != e.status)
            if (auto u = run(QStringLiteral("UPDATE events SET status = ?, note = ? WHERE uuid = ?"),
                             {status, change ? QString() : change.error().message, e.uuid});
                !u)
                return u.error();
    }
    return {};
}

} // namespace Etabli::Inventory
