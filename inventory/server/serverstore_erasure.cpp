// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
//
// Erasures on the server (issue 15): the `erasures` projection of erasure.recorded and
// erasure.checked (who erased, whether a second person checked it), kept by apply() in the
// event's own transaction and replayable from the log (`rebuildErasures`, run by
// `etabli-server rebuild`; tst_erasureserver checks both give the same list), and the
// station keys the workshop's certification key endorsed.
#include "inventory/server/serverstore_p.h"

#include "inventory/eventtypes.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace Etabli::Server {

using Inventory::Event;
namespace EventType = Inventory::EventType;

Result<void> ServerStore::Private::migrateErasures()
{
    const QString serial = postgres ? QStringLiteral("BIGSERIAL PRIMARY KEY") : QStringLiteral("INTEGER PRIMARY KEY");
    const QStringList schema{
        QStringLiteral("CREATE TABLE IF NOT EXISTS erasures (id %1, event_uuid TEXT NOT NULL UNIQUE,"
                       " certificate_id TEXT NOT NULL, asset_tag TEXT NOT NULL, station TEXT NOT NULL,"
                       " worker TEXT NOT NULL, method TEXT NOT NULL, pattern TEXT NOT NULL,"
                       " verification TEXT NOT NULL, verified INTEGER NOT NULL, ended_at TEXT NOT NULL,"
                       " recorded_at TEXT NOT NULL, check_status TEXT NOT NULL, checked_by TEXT NOT NULL,"
                       " checked_at TEXT NOT NULL, check_event TEXT NOT NULL)")
            .arg(serial),
        QStringLiteral("CREATE INDEX IF NOT EXISTS erasures_certificate ON erasures(certificate_id)"),
        QStringLiteral("CREATE INDEX IF NOT EXISTS erasures_check_status ON erasures(check_status)"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS station_endorsements (id %1, token_name TEXT NOT NULL,"
                       " station_key TEXT NOT NULL, endorsement TEXT NOT NULL, endorsed_at TEXT NOT NULL,"
                       " UNIQUE (token_name, station_key))")
            .arg(serial),
    };
    for (const QString &sql : schema)
        if (auto q = run(sql); !q)
            return q.error();
    // A database from before this projection: filled once from the log.
    return fillOnceFromLog(QStringLiteral("erasures"), QString(EventType::ErasureRecorded), &Private::rebuildErasures);
}

Result<void> ServerStore::Private::fillOnceFromLog(const QString &table, const QString &type,
                                                   Result<void> (Private::*rebuild)())
{
    if (!catchUp)
        return {};
    auto filled = run(QStringLiteral("SELECT 1 FROM %1 LIMIT 1").arg(table));
    if (!filled)
        return filled.error();
    const bool empty = !filled->next();
    filled->finish();
    if (!empty)
        return {};
    auto logged = run(QStringLiteral("SELECT 1 FROM events WHERE type = ? AND status = 'applied' LIMIT 1"), {type});
    if (!logged)
        return logged.error();
    const bool some = logged->next();
    logged->finish();
    return some ? (this->*rebuild)() : Result<void>{};
}

Result<void> ServerStore::Private::applyErasure(const Event &e)
{
    const QJsonObject &p = e.payload;
    const auto text = [&p](const char *key) { return p.value(QLatin1String(key)).toString().trimmed(); };
    const QString when = Inventory::isoTime(e.time);
    if (e.type == EventType::ErasureRecorded) {
        const QJsonObject certificate = p.value(QStringLiteral("certificate")).toObject();
        const QString certificateId = text("certificate_id").isEmpty()
            ? certificate.value(QStringLiteral("id")).toString()
            : text("certificate_id");
        QString pattern = text("pattern"), verification = text("verification");
        if (pattern.isEmpty())
            pattern
                = certificate.value(QStringLiteral("erasure")).toObject().value(QStringLiteral("pattern")).toString();
        if (verification.isEmpty())
            verification
                = certificate.value(QStringLiteral("verification")).toObject().value(QStringLiteral("mode")).toString();
        auto q = run(
            QStringLiteral("INSERT INTO erasures(event_uuid, certificate_id, asset_tag, station, worker, method,"
                           " pattern, verification, verified, ended_at, recorded_at, check_status, checked_by,"
                           " checked_at, check_event) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', '', '')"
                           " ON CONFLICT(event_uuid) DO NOTHING"),
            {e.uuid, certificateId, e.assetTag, e.station, e.worker, text("method"), pattern, verification,
             p.value(QStringLiteral("verified")).toBool() ? 1 : 0, text("ended_at").isEmpty() ? when : text("ended_at"),
             when, text("check_status").isEmpty() ? QStringLiteral("to_be_checked") : text("check_status")});
        if (!q)
            return q.error();
        return {};
    }
    if (e.type == EventType::ErasureChecked) {
        // As the station store does (inventory/store_apply.cpp): the rules already refused a
        // checker who is the worker who erased.
        auto q = run(QStringLiteral("UPDATE erasures SET check_status = 'checked', checked_by = ?, checked_at = ?,"
                                    " check_event = ? WHERE certificate_id = ? AND asset_tag = ?"),
                     {text("checker"), when, e.uuid, text("certificate_id"), e.assetTag});
        if (!q)
            return q.error();
    }
    return {};
}

Result<void> ServerStore::Private::rebuildErasures()
{
    if (auto q = run(QStringLiteral("DELETE FROM erasures")); !q)
        return q.error();
    auto q = run(QStringLiteral("SELECT uuid, station, worker, time, type, asset_tag, payload FROM events"
                                " WHERE type IN (?, ?) AND status = 'applied' ORDER BY seq"),
                 {QString(EventType::ErasureRecorded), QString(EventType::ErasureChecked)});
    if (!q)
        return q.error();
    // Read first, then written: one statement at a time on this connection.
    QList<Event> events;
    while (q->next()) {
        Event e;
        e.uuid = q->value(0).toString();
        e.station = q->value(1).toString();
        e.worker = q->value(2).toString();
        e.time = QDateTime::fromString(q->value(3).toString(), Qt::ISODateWithMs);
        e.type = q->value(4).toString();
        e.assetTag = q->value(5).toString();
        e.payload = QJsonDocument::fromJson(q->value(6).toString().toUtf8()).object();
        events.append(e);
    }
    q->finish();
    for (const Event &e : std::as_const(events))
        if (auto a = applyErasure(e); !a)
            return a;
    return {};
}

Result<QJsonArray> ServerStore::uncheckedErasures() const
{
    auto q = d->run(QStringLiteral("SELECT x.certificate_id, x.asset_tag, coalesce(a.lot, ''), x.station, x.worker,"
                                   " x.method, x.pattern, x.verification, x.verified, x.ended_at, x.recorded_at,"
                                   " x.check_status, x.event_uuid FROM erasures x LEFT JOIN assets a"
                                   " ON a.tag = x.asset_tag WHERE x.check_status = 'to_be_checked' ORDER BY x.id"));
    if (!q)
        return q.error();
    QJsonArray out;
    while (q->next())
        out.append(QJsonObject{{QStringLiteral("certificate_id"), q->value(0).toString()},
                               {QStringLiteral("asset_tag"), q->value(1).toString()},
                               {QStringLiteral("lot"), q->value(2).toString()},
                               {QStringLiteral("station"), q->value(3).toString()},
                               {QStringLiteral("worker"), q->value(4).toString()},
                               {QStringLiteral("method"), q->value(5).toString()},
                               {QStringLiteral("pattern"), q->value(6).toString()},
                               {QStringLiteral("verification"), q->value(7).toString()},
                               {QStringLiteral("verified"), q->value(8).toInt() != 0},
                               {QStringLiteral("ended_at"), q->value(9).toString()},
                               {QStringLiteral("recorded_at"), q->value(10).toString()},
                               {QStringLiteral("check_status"), q->value(11).toString()},
                               {QStringLiteral("checked_by"), QString()},
                               {QStringLiteral("event_uuid"), q->value(12).toString()}});
    d->idle();
    return out;
}

Result<QJsonObject> ServerStore::endorsementOf(const QString &tokenName, const QString &stationKey) const
{
    auto q = d->run(
        QStringLiteral("SELECT endorsement FROM station_endorsements WHERE token_name = ? AND station_key = ?"),
        {tokenName, stationKey});
    if (!q)
        return q.error();
    const QJsonObject o = q->next() ? QJsonDocument::fromJson(q->value(0).toString().toUtf8()).object() : QJsonObject();
    d->idle();
    return o;
}

Result<void> ServerStore::recordEndorsement(const QString &tokenName, const QString &stationKey,
                                            const QJsonObject &endorsement)
{
    const auto writer = d->lockWriter();
    auto q = d->run(
        QStringLiteral("INSERT INTO station_endorsements(token_name, station_key, endorsement, endorsed_at)"
                       " VALUES(?, ?, ?, ?) ON CONFLICT(token_name, station_key) DO NOTHING"),
        {tokenName, stationKey, compact(endorsement), endorsement.value(QStringLiteral("endorsed_at")).toString()});
    if (!q)
        return q.error();
    return {};
}

Result<QJsonArray> ServerStore::endorsements() const
{
    auto q
        = d->run(QStringLiteral("SELECT token_name, station_key, endorsed_at FROM station_endorsements ORDER BY id"));
    if (!q)
        return q.error();
    QJsonArray out;
    while (q->next())
        out.append(QJsonObject{{QStringLiteral("station"), q->value(0).toString()},
                               {QStringLiteral("station_key"), q->value(1).toString()},
                               {QStringLiteral("endorsed_at"), q->value(2).toString()}});
    d->idle();
    return out;
}

} // namespace Etabli::Server
