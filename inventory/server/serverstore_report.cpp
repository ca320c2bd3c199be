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

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>

#include <cstdio>

#include <limits>
#include <optional>

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

qint64 dayNumberOf(QDate day)
{
    return startOf(day) / kDayMs;
}

/// Where a read's time goes, with ETABLI_READ_PROFILE=1 in the server's environment: one
/// line on stderr per read, the milliseconds of each of its steps (off otherwise).
class ReadProfile
{
public:
    explicit ReadProfile(const char *read)
        : m_read(read)
    {
        static const bool on = qEnvironmentVariableIntValue("ETABLI_READ_PROFILE") != 0;
        m_on = on;
        if (m_on)
            m_clock.start();
    }
    ~ReadProfile()
    {
        if (m_on)
            std::fprintf(stderr, "read-profile %s total=%.2fms%s\n", m_read,
                         double(m_total + m_clock.nsecsElapsed()) / 1e6, m_line.constData());
    }
    /// The time since the last mark goes to `step`.
    void mark(const char *step)
    {
        if (!m_on)
            return;
        const qint64 ns = m_clock.nsecsElapsed();
        m_total += ns;
        m_line += ' ' + QByteArray(step) + '=' + QByteArray::number(double(ns) / 1e6, 'f', 2) + "ms";
        m_clock.restart();
    }

private:
    const char *m_read;
    bool m_on = false;
    QElapsedTimer m_clock;
    qint64 m_total = 0;
    QByteArray m_line;
};

} // namespace

/// Whether the per-day sums follow the log (proj_meta `irregular` is 0: see foldRound()).
Result<bool> ServerStore::Private::sumsFollowLog() const
{
    auto q = run(QStringLiteral("SELECT value FROM proj_meta WHERE name = 'irregular'"));
    if (!q)
        return q.error();
    const bool regular = q->next() && q->value(0).toLongLong() == 0;
    q->finish();
    return regular;
}

/// Runs `sql` over the per-day sums, calling `each` for every row.
Result<void> ServerStore::Private::eachRow(const QString &sql, const QVariantList &binds,
                                           const std::function<void(const QSqlQuery &)> &each) const
{
    auto q = run(sql, binds);
    if (!q)
        return q.error();
    while (q->next())
        each(*q);
    q->finish();
    return {};
}

Result<void> ServerStore::Private::sumRows(const QStringList &kinds, QDate from, QDate to, bool byBucket,
                                           const std::function<void(const QSqlQuery &)> &each) const
{
    // Whole months from the monthly rows, the days around them from the daily ones.
    const QDate firstMonth = from.day() == 1 ? from : QDate(from.year(), from.month(), 1).addMonths(1);
    const QDate afterLast = QDate(to.year(), to.month(), 1).addMonths(to.addDays(1).day() == 1 ? 1 : 0);
    const auto monthOf = [](QDate d) { return qint64(d.year()) * 12 + d.month() - 1; };
    QStringList daily, monthly;
    for (const QString &k : kinds) {
        daily << QLatin1Char('\'') + k + QLatin1Char('\'');
        monthly << QLatin1Char('\'') + k + QStringLiteral("/m'");
    }
    // Distinct counts: the rows whose key was not seen before the period (prev < from).
    // Each range of days is its own SELECT (one range of the index each): an OR of two
    // ranges made SQLite read every day of the kinds (1 M events: 33 ms for no row).
    const qint64 fromDay = dayNumberOf(from);
    const auto rows = [&](const QStringList &names, const QList<QPair<qint64, qint64>> &ranges, QVariantList &binds) {
        QStringList parts;
        for (const auto &[first, last] : ranges) {
            parts << QStringLiteral("SELECT kind, k1, k2, prev, n, s, b FROM proj_daily WHERE kind IN (%1)"
                                    " AND lot = '' AND day >= ? AND day <= ?%2")
                         .arg(names.join(QStringLiteral(", ")), byBucket ? QString() : QStringLiteral(" AND prev < ?"));
            binds << first << last;
            if (!byBucket)
                binds << fromDay;
        }
        return byBucket ? QStringLiteral("SELECT kind, k1, k2, prev, sum(n), sum(s), sum(b) FROM (%1) x"
                                         " GROUP BY kind, k1, k2, prev")
                              .arg(parts.join(QStringLiteral(" UNION ALL ")))
                        : QStringLiteral("SELECT kind, k1, k2, 0, sum(n), sum(s), sum(b) FROM (%1) x"
                                         " GROUP BY kind, k1, k2")
                              .arg(parts.join(QStringLiteral(" UNION ALL ")));
    };
    QVariantList binds;
    QString sql;
    if (firstMonth < afterLast) {
        QList<QPair<qint64, qint64>> days;
        if (from < firstMonth)
            days.append({fromDay, dayNumberOf(firstMonth) - 1});
        if (afterLast <= to)
            days.append({dayNumberOf(afterLast), dayNumberOf(to)});
        if (!days.isEmpty())
            sql = rows(daily, days, binds) + QStringLiteral(" UNION ALL ");
        sql += rows(monthly, {{monthOf(firstMonth), monthOf(afterLast) - 1}}, binds);
    } else {
        sql = rows(daily, {{fromDay, dayNumberOf(to)}}, binds);
    }
    return eachRow(sql, binds, each);
}

Result<QJsonObject> ServerStore::bilan(QDate from, QDate to) const
{
    ReadProfile profile("bilan");
    auto regular = d->sumsFollowLog();
    if (!regular)
        return regular.error();
    if (!*regular)
        return bilanFromFacts(from, to);
    const qint64 fromMs = startOf(from), toMs = startOf(to.addDays(1));
    Rep::Ledger ledger;
    Rep::Ledger::Private &s = ledger.state();
    profile.mark("regular");
    if (auto r = d->loadFacts(ledger, {QStringLiteral("configured")}, kNever, toMs); !r)
        return r.error();
    profile.mark("configured");
    if (auto r = d->loadAttended(ledger, toMs); !r)
        return r.error();
    profile.mark("attended");
    Rep::BilanSums sums;
    if (auto r = d->sumRows({QStringLiteral("recv"), QStringLiteral("hs"), QStringLiteral("handover"),
                             QStringLiteral("return"), QStringLiteral("grant_eur"), QStringLiteral("ready_d"),
                             QStringLiteral("handed_d"), QStringLiteral("grant_req_d"), QStringLiteral("grant_paid_d"),
                             QStringLiteral("enrolled_d")},
                            from, to, false,
                            [&sums](const QSqlQuery &row) {
                                const QString kind = row.value(0).toString().remove(QStringLiteral("/m")),
                                              k1 = row.value(1).toString(), k2 = row.value(2).toString();
                                const qint64 n = row.value(4).toLongLong();
                                const double sum = row.value(5).toDouble();
                                if (n == 0)
                                    return;
                                if (kind == QLatin1String("recv")) {
                                    sums.receivedByKind[k1] += n;
                                    if (k1 == QLatin1String("pc"))
                                        sums.pcsByLot[k2] += n;
                                } else if (kind == QLatin1String("hs")) {
                                    sums.hsByPart[k1] += n;
                                    sums.hsReasons[k1][k2] += n;
                                } else if (kind == QLatin1String("handover")) {
                                    sums.handovers[k1][k2] += n;
                                } else if (kind == QLatin1String("return")) {
                                    sums.returns += n;
                                    sums.returnReasons[k1] += n;
                                } else if (kind == QLatin1String("grant_eur")) {
                                    sums.eur += sum;
                                } else if (kind == QLatin1String("ready_d")) {
                                    sums.refurbished += n;
                                } else if (kind == QLatin1String("grant_req_d")) {
                                    sums.grantsRequested += n;
                                } else if (kind == QLatin1String("grant_paid_d")) {
                                    sums.grantsPaid += n;
                                } else if (kind == QLatin1String("enrolled_d")) {
                                    sums.enrolled += n;
                                } else if (kind == QLatin1String("handed_d")) {
                                    Rep::KindWeight &k = sums.reuse[k1];
                                    k.assets += n;
                                    if (k2 == QLatin1String("w")) {
                                        k.weighed += n;
                                        k.weighedKg += sum;
                                    } else {
                                        k.defaulted += n;
                                    }
                                }
                            });
        !r)
        return r.error();
    profile.mark("sums");
    sums.completed = s.trainingCompleted(fromMs, toMs);
    d->idle();
    QJsonObject out = s.bilanJson(from, to, sums);
    profile.mark("json");
    return out;
}

Result<void> ServerStore::Private::loadAttended(Rep::Ledger &ledger, qint64 toMs)
{
    auto q = run(QStringLiteral("SELECT key, value FROM proj_kv WHERE space = 'attended'"));
    if (!q)
        return q.error();
    Rep::Ledger::Private &s = ledger.state();
    while (q->next()) {
        const QJsonObject o = objectOf(q->value(1).toString());
        auto &sessions = s.attended[q->value(0).toString()];
        for (auto it = o.begin(); it != o.end(); ++it)
            if (qint64 ms = qint64(it.value().toDouble()); ms < toMs)
                sessions.insert(it.key().toInt(), ms);
    }
    q->finish();
    return {};
}

Result<QJsonObject> ServerStore::bilanFromFacts(QDate from, QDate to) const
{
    // As the log said at the end of the period: settings, lots and beneficiaries as then.
    const qint64 fromMs = startOf(from), toMs = startOf(to.addDays(1));
    Rep::Ledger ledger;
    if (auto r = d->loadFacts(ledger, {QStringLiteral("configured")}, kNever, toMs); !r)
        return r.error();
    if (auto r = d->loadAttended(ledger, toMs); !r)
        return r.error();
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
    ReadProfile profile("figures");
    auto regular = d->sumsFollowLog();
    if (!regular)
        return regular.error();
    if (!*regular)
        return figuresFromFacts(from, to, lot);
    const qint64 fromMs = startOf(from), toMs = startOf(to.addDays(1));
    const qint64 fromDay = dayNumberOf(from), toDay = dayNumberOf(to);
    Rep::Ledger ledger;
    Rep::Ledger::Private &s = ledger.state();
    profile.mark("regular");
    if (auto r = d->loadFacts(ledger, {QStringLiteral("configured")}, kNever, kEver); !r)
        return r.error();
    profile.mark("configured");
    Rep::FigureSums sums;
    const auto dateOf = [](qint64 day) { return QDateTime::fromMSecsSinceEpoch(day * kDayMs, Qt::UTC).date(); };
    // The kinds summed alike for all lots and for one: broken parts, erasures, imaging runs.
    const auto addShared
        = [&sums](const QString &kind, const QString &k1, const QString &k2, qint64 n, double sum, qint64 b) {
              if (kind == QLatin1String("hs")) {
                  sums.hsByPart[k1] += n;
                  sums.hsReasons[k1][k2] += n;
              } else if (kind == QLatin1String("erasure")) {
                  sums.erasuresDone += n;
                  sums.erasuresVerified += qint64(sum);
              } else if (kind == QLatin1String("imaging")) {
                  sums.runs += n;
                  sums.runsVerified += k1 == QLatin1String("1") ? n : 0;
                  sums.bytes += b;
              }
          };
    if (lot.isEmpty()) {
        // All lots: the period's sums (months and days), the days of the per-day counts.
        if (auto r = d->sumRows({QStringLiteral("ready"), QStringLiteral("ready_l"), QStringLiteral("ready_mo"),
                                 QStringLiteral("hs"), QStringLiteral("erasure"), QStringLiteral("imaging")},
                                from, to, false,
                                [&sums, &addShared](const QSqlQuery &row) {
                                    const QString kind = row.value(0).toString().remove(QStringLiteral("/m")),
                                                  k1 = row.value(1).toString(), k2 = row.value(2).toString();
                                    const qint64 n = row.value(4).toLongLong(), b = row.value(6).toLongLong();
                                    const double sum = row.value(5).toDouble();
                                    if (n == 0)
                                        return;
                                    if (kind == QLatin1String("ready")) {
                                        sums.byStation[k1] += n;
                                        sums.byWorker[k2] += n;
                                    } else if (kind == QLatin1String("ready_l") || kind == QLatin1String("ready_mo")) {
                                        Rep::Yield &y = (kind == QLatin1String("ready_l") ? sums.yieldByLot
                                                                                          : sums.yieldByModel)[k1];
                                        y.ready += n;
                                        y.firstPass += qint64(sum);
                                    } else {
                                        addShared(kind, k1, k2, n, sum, b);
                                    }
                                });
            !r)
            return r.error();
        if (auto r
            = d->eachRow(QStringLiteral("SELECT kind, day, sum(n) FROM proj_daily WHERE kind IN ('ready_n', 'imaging')"
                                        " AND lot = '' AND day >= ? AND day <= ? GROUP BY kind, day"),
                         {fromDay, toDay},
                         [&](const QSqlQuery &row) {
                             const qint64 n = row.value(2).toLongLong();
                             if (n != 0)
                                 (row.value(0).toString() == QLatin1String("imaging")
                                      ? sums.imagingPerDay
                                      : sums.readyPerDay)[dateOf(row.value(1).toLongLong())]
                                     += n;
                         });
            !r)
            return r.error();
    } else if (auto r
               = d->eachRow(QStringLiteral("SELECT kind, day, k1, k2, sum(n), sum(s), sum(b) FROM proj_daily"
                                           " WHERE kind IN ('ready', 'ready_m', 'hs', 'erasure', 'imaging') AND lot = ?"
                                           " AND day >= ? AND day <= ? GROUP BY kind, day, k1, k2"),
                            {QVariant(QLatin1Char('=') + lot), fromDay, toDay},
                            [&](const QSqlQuery &row) {
                                const QString kind = row.value(0).toString(), k1 = row.value(2).toString(),
                                              k2 = row.value(3).toString();
                                const QDate day = dateOf(row.value(1).toLongLong());
                                const qint64 n = row.value(4).toLongLong(), b = row.value(6).toLongLong();
                                const double sum = row.value(5).toDouble();
                                if (n == 0)
                                    return;
                                if (kind == QLatin1String("ready")) {
                                    sums.readyPerDay[day] += n;
                                    sums.byStation[k1] += n;
                                    sums.byWorker[k2] += n;
                                } else if (kind == QLatin1String("ready_m")) {
                                    for (Rep::Yield *y : {&sums.yieldByLot[lot], &sums.yieldByModel[k1]}) {
                                        y->ready += n;
                                        y->firstPass += qint64(sum);
                                    }
                                } else {
                                    addShared(kind, k1, k2, n, sum, b);
                                    if (kind == QLatin1String("imaging"))
                                        sums.imagingPerDay[day] += n;
                                }
                            });
               !r) {
        return r.error();
    }
    profile.mark("sums");
    // Verified erasures still waiting for their check: the few rows of proj_unchecked.
    {
        auto q = lot.isEmpty()
            ? d->run(QStringLiteral("SELECT count(*) FROM proj_unchecked WHERE ms >= ? AND ms < ?"), {fromMs, toMs})
            : d->run(QStringLiteral("SELECT count(*) FROM proj_unchecked u JOIN proj_assets a ON a.tag = u.tag"
                                    " WHERE u.ms >= ? AND u.ms < ? AND a.lot = ?"),
                     {fromMs, toMs, lot});
        if (!q)
            return q.error();
        sums.toCheck = q->next() ? q->value(0).toLongLong() : 0;
        q->finish();
        sums.checked = sums.erasuresVerified - sums.toCheck;
    }
    profile.mark("unchecked");
    if (lot.isEmpty()) {
        if (auto r = d->durations(from, to, sums); !r)
            return r.error();
    } else {
        // One lot: its durations from the facts (the histogram counts all lots together), the
        // facts of its assets alone: the Ledger counts a fact for the lot its asset is in now
        // (figureSums' inLot), which is the asset row the facts are joined with.
        Rep::Ledger facts;
        if (auto r = d->loadFacts(facts, {QStringLiteral("imaging"), QStringLiteral("step"), QStringLiteral("move")},
                                  fromMs, toMs, QStringLiteral(" AND a.lot = ?"), lot);
            !r)
            return r.error();
        const Rep::FigureSums some = facts.state().figureSums(from, to, lot);
        sums.mibMedian = some.mibMedian;
        sums.steps = some.steps;
        sums.stateTimes = some.stateTimes;
    }
    profile.mark("durations");
    if (auto r = d->stateCounts(lot, sums); !r)
        return r.error();
    profile.mark("states");
    d->idle();
    QJsonObject out = s.figuresJson(from, to, lot, sums);
    profile.mark("json");
    return out;
}

Result<void> ServerStore::Private::stateCounts(const QString &lot, Rep::FigureSums &sums) const
{
    // What counts every asset comes from the counts kept per lot, kind, state and erasure.
    auto q = lot.isEmpty()
        ? run(QStringLiteral("SELECT kind, state, verified, sum(n) FROM proj_asset_counts"
                             " GROUP BY kind, state, verified HAVING sum(n) <> 0"))
        : run(QStringLiteral("SELECT kind, state, verified, sum(n) FROM proj_asset_counts WHERE lot = ?"
                             " GROUP BY kind, state, verified HAVING sum(n) <> 0"),
              {lot});
    if (!q)
        return q.error();
    static const QStringList unerased{QStringLiteral("RECEIVED"), QStringLiteral("TESTING"),
                                      QStringLiteral("IN_REPAIR"), QStringLiteral("RETURNED")};
    QHash<QString, qint64> states;
    while (q->next()) {
        const QString kind = q->value(0).toString(), state = q->value(1).toString();
        const qint64 n = q->value(3).toLongLong();
        states[state] += n;
        if (kind == QLatin1String("pc") && q->value(2).toInt() == 0 && unerased.contains(state))
            sums.pending += n;
    }
    q->finish();
    for (auto it = states.cbegin(); it != states.cend(); ++it)
        if (it.value() != 0)
            sums.states.insert(it.key(), it.value());
    return {};
}

Result<void> ServerStore::Private::durations(QDate from, QDate to, Rep::FigureSums &sums) const
{
    const qint64 fromMs = startOf(from), toMs = startOf(to.addDays(1));
    QMap<QPair<QString, QString>, QMap<int, qint64>> histogram; // (source, what) → bucket → n
    if (auto r = sumRows({QStringLiteral("dur")}, from, to, true,
                         [&histogram](const QSqlQuery &row) {
                             histogram[{row.value(1).toString(), row.value(2).toString()}][row.value(3).toInt()]
                                 += row.value(4).toLongLong();
                         });
        !r)
        return r;
    const QList<double> &edges = durationEdges();
    // The value of rank `rank` (0-based, in ascending order): counted to its bucket, then
    // read from the facts of that bucket alone (index proj_facts_x).
    const auto valueAt = [&](const QString &source, const QString &what, const QMap<int, qint64> &buckets,
                             qint64 rank) -> Result<double> {
        qint64 before = 0;
        for (auto it = buckets.cbegin(); it != buckets.cend(); ++it) {
            if (rank >= before + it.value()) {
                before += it.value();
                continue;
            }
            const int b = it.key();
            const QString kind = source == QLatin1String("mib") ? QStringLiteral("imaging") : source;
            // (the partial index's own term, so that SQLite may use it)
            QString where = QStringLiteral("kind = '%1' AND kind IN ('move', 'step', 'imaging') AND a = ? AND ms >= ?"
                                           " AND ms < ?")
                                .arg(kind);
            QVariantList args{what, fromMs, toMs};
            if (source == QLatin1String("mib"))
                where += QStringLiteral(" AND x > 0");
            if (b > 0) {
                where += QStringLiteral(" AND x >= ?");
                args << edges[b - 1];
            }
            if (b < edges.size()) {
                where += QStringLiteral(" AND x < ?");
                args << edges[b];
            }
            const QString from = QStringLiteral("proj_facts%1 WHERE %2")
                                     .arg(postgres ? QString() : QStringLiteral(" INDEXED BY proj_facts_x"), where);
            std::optional<double> value;
            const auto take = [&value](const QSqlQuery &row) { value = row.value(0).toDouble(); };
            // A bucket of one value (durations often repeat to the second) is that value at
            // every rank: its lowest and its highest, two probes of the index, instead of
            // counting along it (1 M events: 5-9 ms a rank).
            std::optional<double> lowest;
            if (auto r = eachRow(QStringLiteral("SELECT x FROM %1 ORDER BY x LIMIT 1").arg(from), args, take); !r)
                return r.error();
            std::swap(lowest, value);
            if (lowest) {
                if (auto r = eachRow(QStringLiteral("SELECT x FROM %1 ORDER BY x DESC LIMIT 1").arg(from), args, take);
                    !r)
                    return r.error();
                if (value && *value == *lowest)
                    return *value;
                value.reset();
            }
            // The rank's value in the bucket, counted by the database along the index (x order).
            args << rank - before;
            if (auto r = eachRow(QStringLiteral("SELECT x FROM %1 ORDER BY x LIMIT 1 OFFSET ?").arg(from), args, take);
                !r)
                return r.error();
            if (!value)
                return makeError(ErrorCode::Corrupt,
                                 QCoreApplication::translate("ServerStore",
                                                             "the duration histogram disagrees with the facts (%1 %2)")
                                     .arg(source, what));
            return *value;
        }
        return 0.0;
    };
    for (auto it = histogram.cbegin(); it != histogram.cend(); ++it) {
        qint64 n = 0;
        for (qint64 c : it.value())
            n += c;
        if (n == 0)
            continue;
        auto low = valueAt(it.key().first, it.key().second, it.value(), (n - 1) / 2);
        if (!low)
            return low.error();
        double median = *low;
        if (n % 2 == 0) {
            auto high = valueAt(it.key().first, it.key().second, it.value(), n / 2);
            if (!high)
                return high.error();
            median = (*low + *high) / 2;
        }
        if (it.key().first == QLatin1String("mib")) {
            sums.mibMedian = median;
            continue;
        }
        Rep::DurationSum &d = (it.key().first == QLatin1String("step") ? sums.steps : sums.stateTimes)[it.key().second];
        d.count = n;
        d.median = median;
    }
    // The slowest: the days' slowest, the first in log order among equals.
    struct Slow {
        double x;
        qint64 seq;
        int sub;
        QString tag;
    };
    QHash<QPair<QString, QString>, Slow> slowest;
    if (auto r = eachRow(QStringLiteral("SELECT source, what, x, seq, sub, tag FROM proj_slowest"
                                        " WHERE day >= ? AND day <= ?"),
                         {dayNumberOf(from), dayNumberOf(to)},
                         [&slowest](const QSqlQuery &row) {
                             const Slow x{row.value(2).toDouble(), row.value(3).toLongLong(), row.value(4).toInt(),
                                          row.value(5).toString()};
                             const QPair<QString, QString> key{row.value(0).toString(), row.value(1).toString()};
                             auto it = slowest.find(key);
                             if (it == slowest.end())
                                 slowest.insert(key, x);
                             else if (x.x > it->x
                                      || (x.x == it->x && (x.seq < it->seq || (x.seq == it->seq && x.sub < it->sub))))
                                 *it = x;
                         });
        !r)
        return r;
    for (auto it = slowest.cbegin(); it != slowest.cend(); ++it) {
        if (it.key().first == QLatin1String("mib"))
            continue;
        auto &map = it.key().first == QLatin1String("step") ? sums.steps : sums.stateTimes;
        if (auto d = map.find(it.key().second); d != map.end()) {
            d->slowest = it->x;
            d->slowestTag = it->tag;
        }
    }
    return {};
}

Result<QJsonObject> ServerStore::figuresFromFacts(QDate from, QDate to, const QString &lot) const
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

Result<QByteArray> ServerStore::attention(const QDateTime &now, const Rep::AttentionQuery &page) const
{
    const qint64 nowMs = now.toMSecsSinceEpoch();
    Rep::Ledger ledger;
    Rep::Ledger::Private &s = ledger.state();
    auto w = workshopSettings();
    if (!w)
        return w.error();
    s.workshop = *w;
    const QMap<QString, double> limits = Rep::limits(s.workshop);

    // The assets an attention rule may hold for: flagged ones, those long in a limited
    // state (a little more than the limit: the Ledger decides), those sharing a serial.
    // One SELECT a rule, each on its index (the flagged ones from proj_assets_attention
    // alone); an asset two rules hold comes twice and is kept once below.
    // Only what the rules read (each column of 17,000 rows costs the driver's conversions).
    const QString columns
        = QStringLiteral("SELECT tag, kind, serial, state, state_since_ms, flags FROM proj_assets WHERE ");
    QStringList parts{columns + QStringLiteral("flagged = 1"),
                      columns + QStringLiteral("serial IN (SELECT serial FROM proj_serials WHERE n > 1)")};
    QVariantList binds;
    for (auto it = limits.cbegin(); it != limits.cend(); ++it) {
        const double days = it.value();
        if (days <= 0)
            continue;
        parts << columns + QStringLiteral("state = ? AND state_since_ms < ?");
        binds << it.key() << nowMs - qint64(days * double(kDayMs)) + 1;
    }
    auto a = d->run(parts.join(QStringLiteral(" UNION ALL ")), binds);
    if (!a)
        return a.error();
    while (a->next()) {
        Rep::AssetRec r;
        r.kind = a->value(1).toString();
        r.serial = a->value(2).toString();
        r.state = a->value(3).toString();
        r.stateSinceMs = a->value(4).toLongLong();
        const int f = a->value(5).toInt();
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
    return ledger.attentionPageJson(now, facts, page);
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
