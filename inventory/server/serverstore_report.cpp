// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
//
// The supervisor's reads (issue 13): the bilan, the period figures and the attention list.
// Each is answered by inventory/report's Ledger (the same code a station's own store folds
// its whole log with), filled from the projections (serverstore_projections.cpp) with only
// the rows the question needs: a period's facts and the assets they name, the assets that
// need attention. The projections are the log folded by the same code, in the same
// transaction as the events, so the answer is the log's (tst_projections checks it).
#include "inventory/report/ledger_p.h"
#include "inventory/server/serverstore_p.h"

#include <QJsonDocument>

#include <limits>

namespace Etabli::Server {

namespace Rep = Inventory::Report;

namespace {

constexpr qint64 kDayMs = 86400000;
constexpr qint64 kEver = std::numeric_limits<qint64>::max();
constexpr qint64 kNever = std::numeric_limits<qint64>::min();

qint64 startOf(QDate day)
{
    return QDateTime(day, QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
}

QJsonObject objectOf(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

} // namespace

Result<QJsonObject> ServerStore::bilan(QDate from, QDate to) const
{
    // As the log said at the end of the period: settings, lots and beneficiaries as then.
    const qint64 fromMs = startOf(from), toMs = startOf(to.addDays(1));
    Rep::Ledger ledger;
    Rep::Ledger::Private &s = ledger.state();
    if (auto r = d->loadFacts(ledger, {QStringLiteral("configured")}, kNever, toMs); !r)
        return r.error();
    auto q = d->run(QStringLiteral("SELECT key, value FROM proj_kv WHERE space = 'attended'"));
    if (!q)
        return q.error();
    while (q->next()) {
        const QJsonObject o = objectOf(q->value(1).toString());
        auto &sessions = s.attended[q->value(0).toString()];
        for (auto it = o.begin(); it != o.end(); ++it)
            if (qint64 ms = qint64(it.value().toDouble()); ms < toMs)
                sessions.insert(it.key().toInt(), ms);
    }
    q->finish();
    if (auto r
        = d->loadFacts(ledger,
                       {QStringLiteral("received"), QStringLiteral("move"), QStringLiteral("hs"),
                        QStringLiteral("handover"), QStringLiteral("return"), QStringLiteral("grant_requested"),
                        QStringLiteral("grant_paid"), QStringLiteral("enrolled")},
                       fromMs, toMs, QStringLiteral(" AND (f.kind <> 'move' OR f.b IN ('READY', 'HANDED_OVER'))"));
        !r)
        return r.error();
    d->idle();
    return ledger.bilan(from, to);
}

Result<QJsonObject> ServerStore::periodFigures(QDate from, QDate to, const QString &lot) const
{
    Rep::Ledger ledger;
    if (auto r = d->loadFacts(ledger, {QStringLiteral("configured")}, kNever, kEver); !r)
        return r.error();
    if (auto r = d->loadFacts(ledger,
                              {QStringLiteral("move"), QStringLiteral("hs"), QStringLiteral("erasure"),
                               QStringLiteral("imaging"), QStringLiteral("step")},
                              startOf(from), startOf(to.addDays(1)));
        !r)
        return r.error();
    QJsonObject out = ledger.figures(from, to, lot);
    // What counts every asset comes from the counts kept per lot, kind, state and erasure.
    QHash<QString, qint64> states;
    qint64 pending = 0;
    auto q = lot.isEmpty()
        ? d->run(QStringLiteral("SELECT kind, state, verified, sum(n) FROM proj_asset_counts"
                                " GROUP BY kind, state, verified HAVING sum(n) <> 0"))
        : d->run(QStringLiteral("SELECT kind, state, verified, sum(n) FROM proj_asset_counts WHERE lot = ?"
                                " GROUP BY kind, state, verified HAVING sum(n) <> 0"),
                 {lot});
    if (!q)
        return q.error();
    static const QStringList unerased{QStringLiteral("RECEIVED"), QStringLiteral("TESTING"),
                                      QStringLiteral("IN_REPAIR"), QStringLiteral("RETURNED")};
    while (q->next()) {
        const QString kind = q->value(0).toString(), state = q->value(1).toString();
        const qint64 n = q->value(3).toLongLong();
        states[state] += n;
        if (kind == QLatin1String("pc") && q->value(2).toInt() == 0 && unerased.contains(state))
            pending += n;
    }
    q->finish();
    d->idle();
    QJsonObject counts;
    for (auto it = states.cbegin(); it != states.cend(); ++it)
        if (it.value() != 0)
            counts.insert(it.key(), it.value());
    out.insert(QStringLiteral("state_counts"), counts);
    QJsonObject erasures = out.value(QStringLiteral("erasures")).toObject();
    erasures.insert(QStringLiteral("pending"), pending);
    out.insert(QStringLiteral("erasures"), erasures);
    return out;
}

Result<QJsonArray> ServerStore::attention(const QDateTime &now) const
{
    const qint64 nowMs = now.toMSecsSinceEpoch();
    Rep::Ledger ledger;
    Rep::Ledger::Private &s = ledger.state();
    auto w = workshopSettings();
    if (!w)
        return w.error();
    s.workshop = *w;
    QJsonObject limits = Rep::builtInLimits();
    const QJsonObject configured = s.workshop.value(QStringLiteral("limits")).toObject();
    for (auto it = configured.begin(); it != configured.end(); ++it)
        limits.insert(it.key().toUpper(), it.value());

    // The assets an attention rule may hold for: flagged ones, those long in a limited
    // state (a little more than the limit: the Ledger decides), those sharing a serial.
    QStringList where{QStringLiteral("flagged = 1"),
                      QStringLiteral("serial IN (SELECT serial FROM proj_serials WHERE n > 1)")};
    QVariantList binds;
    for (auto it = limits.begin(); it != limits.end(); ++it) {
        const double days = it.value().toDouble();
        if (days <= 0)
            continue;
        where << QStringLiteral("(state = ? AND state_since_ms < ?)");
        binds << it.key() << nowMs - qint64(days * double(kDayMs)) + 1;
    }
    auto a = d->run(QStringLiteral("SELECT tag, kind, lot, model, serial, weight_kg, state, state_since_ms, flags"
                                   " FROM proj_assets WHERE %1")
                        .arg(where.join(QStringLiteral(" OR "))),
                    binds);
    if (!a)
        return a.error();
    while (a->next()) {
        Rep::AssetRec r;
        r.kind = a->value(1).toString();
        r.lot = a->value(2).toString();
        r.model = a->value(3).toString();
        r.serial = a->value(4).toString();
        r.weightKg = a->value(5).toDouble();
        r.state = a->value(6).toString();
        r.stateSinceMs = a->value(7).toLongLong();
        const int f = a->value(8).toInt();
        r.verifiedErasure = f & 1;
        r.problem = f & 2;
        r.diskTestFailed = f & 4;
        r.labelPrinted = f & 8;
        r.openHandover = f & 16;
        s.assets.insert(a->value(0).toString(), r);
    }
    a->finish();
    auto e = d->run(QStringLiteral("SELECT ms, tag, certificate, worker FROM proj_unchecked ORDER BY seq, sub"));
    if (!e)
        return e.error();
    while (e->next())
        s.erasures.append(
            {e->value(0).toLongLong(), e->value(1).toString(), e->value(2).toString(), e->value(3).toString(), true});
    e->finish();
    if (auto r = d->loadFacts(ledger, {QStringLiteral("set_aside"), QStringLiteral("handed_twice")}, kNever, kEver); !r)
        return r.error();
    Rep::SyncFacts facts;
    // Stations are the names station tokens pushed under; the desk and supervisor are not.
    QList<QPair<QString, QString>> pairs;
    auto q = d->run(QStringLiteral("SELECT station, pushed_by FROM proj_station_rx WHERE pushed_by IN"
                                   " (SELECT name FROM tokens WHERE role = 'station' AND revoked_at IS NULL)"));
    if (!q)
        return q.error();
    while (q->next())
        pairs.append({q->value(0).toString(), q->value(1).toString()});
    q->finish();
    // The last push of each, from the log (an index probe each: events_station_received).
    for (const auto &[station, by] : std::as_const(pairs)) {
        auto m = d->run(QStringLiteral("SELECT max(received_at) FROM events WHERE station = ? AND pushed_by = ?"),
                        {station, by});
        if (!m)
            return m.error();
        const QString last = m->next() ? m->value(0).toString() : QString();
        m->finish();
        const QDateTime at = QDateTime::fromString(last, Qt::ISODateWithMs);
        if (at.isValid() && (!facts.lastReceived.contains(station) || facts.lastReceived[station] < at))
            facts.lastReceived.insert(station, at);
    }
    d->idle();
    return ledger.attention(now, facts);
}

Result<QJsonObject> ServerStore::workshopSettings() const
{
    auto q = d->run(QStringLiteral("SELECT value FROM proj_kv WHERE space = 'workshop' AND key = 'settings'"));
    if (!q)
        return q.error();
    const QJsonObject o = q->next() ? objectOf(q->value(0).toString()) : QJsonObject();
    q->finish();
    d->idle();
    return o;
}

Result<QJsonArray> ServerStore::workers() const
{
    QMap<QString, QJsonObject> byBadge; // in the Ledger's order
    auto q = d->run(QStringLiteral("SELECT key, value FROM proj_kv WHERE space = 'worker'"));
    if (!q)
        return q.error();
    while (q->next())
        byBadge.insert(q->value(0).toString(), objectOf(q->value(1).toString()));
    q->finish();
    d->idle();
    QJsonArray out;
    for (const QJsonObject &w : std::as_const(byBadge))
        out.append(w);
    return out;
}

} // namespace Etabli::Server
