// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
//
// The supervisor's projections (issues 13 and 17, engineer "proj"): the state the Ledger
// folds from the log (inventory/report/ledger_p.h), kept in indexed tables and brought up
// to date in the very transaction that appends the events (the group-commit writer calls
// updateProjections() once per committed group). The new events are folded by the same
// Ledger::Private::fold() a local store uses, over the rows of the assets they touch, so
// both answer alike; a read fills a Ledger with the rows its question needs (a period's
// facts, the assets that need attention) instead of folding the whole log.
//
//   proj_meta(name, value)              last_seq: the last event folded
//   proj_assets(tag, …)                 one row per asset: the Ledger's AssetRec, `flagged`
//                                       when a state-free attention rule holds
//   proj_asset_counts(lot, kind, state, verified, n)   state counts, erasures pending
//   proj_serials(serial, n)             assets per serial (duplicates)
//   proj_facts(seq, sub, kind, ms, …)   the Ledger's dated lists (moves, HS, handovers…)
//   proj_unchecked(seq, sub, …)         verified erasures without their second check
//   proj_kv(space, key, value)          lots, beneficiaries, steps started, attendance,
//                                       workshop settings, workers, certificates checked
//   proj_station_rx(station, pushed_by, last_received)   who pushed under which station
//
// rebuildLedgerProjections() empties them and folds the whole log again; tst_projections
// checks that it gives what incremental maintenance and the Ledger give.
#include "inventory/eventtypes.h"
#include "inventory/personaldata.h"
#include "inventory/report/ledger_p.h"
#include "inventory/server/serverstore_p.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlError>

#include <sqlite3.h>

namespace Etabli::Server {

using Inventory::Event;
namespace Rep = Inventory::Report;
namespace ET = Inventory::EventType;

const QList<double> &durationEdges()
{
    static const QList<double> edges = [] {
        QList<double> e{0.0, 0.001};
        while (e.last() < 1e10)
            e << e.last() * 1.1;
        return e;
    }();
    return edges;
}

namespace {

constexpr qint64 kDayMs = 86400000;
/// Events folded per round when catching up (a rebuild folds the log in such rounds). Each
/// round reads the rows its events touch and writes them back once: bigger rounds write a
/// row touched across rounds fewer times (the per-day sums above all); 100,000 events hold
/// a few hundred MB.
constexpr int kFoldRound = 100000;

enum Flag { Verified = 1, Problem = 2, DiskFailed = 4, Label = 8, OpenHandover = 16 };

int flagsOf(const Rep::AssetRec &a)
{
    return (a.verifiedErasure ? Verified : 0) | (a.problem ? Problem : 0) | (a.diskTestFailed ? DiskFailed : 0)
        | (a.labelPrinted ? Label : 0) | (a.openHandover ? OpenHandover : 0);
}

/// The attention rules that do not depend on the clock (Ledger::attention()).
bool flagged(const Rep::AssetRec &a)
{
    static const QStringList unerased{QStringLiteral("IMAGED"), QStringLiteral("READY"), QStringLiteral("RESERVED"),
                                      QStringLiteral("HANDED_OVER")};
    return (a.kind == QLatin1String("pc") && !a.verifiedErasure && unerased.contains(a.state))
        || (a.state == QLatin1String("READY") && (a.diskTestFailed || !a.labelPrinted))
        || a.state == QLatin1String("RETURNED");
}

bool countsSerial(const Rep::AssetRec &a)
{
    return !a.serial.isEmpty() && a.kind != QLatin1String("part");
}

QString json(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QJsonObject object(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

/// A row read by Qt or by SQLite's own API (selectIn()): its columns as text, integer or double.
class KeyedRow
{
public:
    explicit KeyedRow(const QSqlQuery *q)
        : m_q(q)
    {}
    explicit KeyedRow(sqlite3_stmt *s)
        : m_s(s)
    {}
    QString text(int i) const
    {
        if (m_q)
            return m_q->value(i).toString();
        const auto *t = static_cast<const char16_t *>(sqlite3_column_text16(m_s, i));
        return QString::fromUtf16(t, sqlite3_column_bytes16(m_s, i) / qsizetype(sizeof(char16_t)));
    }
    qint64 integer(int i) const { return m_q ? m_q->value(i).toLongLong() : sqlite3_column_int64(m_s, i); }
    double real(int i) const { return m_q ? m_q->value(i).toDouble() : sqlite3_column_double(m_s, i); }

private:
    const QSqlQuery *m_q = nullptr;
    sqlite3_stmt *m_s = nullptr;
};

/// The columns of proj_assets in the order assetFrom() reads them.
const auto kAssetColumns = QLatin1String("tag, kind, lot, model, serial, weight_kg, state, state_since_ms, flags");

Rep::AssetRec assetFrom(const KeyedRow &q, int at)
{
    Rep::AssetRec a;
    a.kind = q.text(at + 1);
    a.lot = q.text(at + 2);
    a.model = q.text(at + 3);
    a.serial = q.text(at + 4);
    a.weightKg = q.real(at + 5);
    a.state = q.text(at + 6);
    a.stateSinceMs = q.integer(at + 7);
    const int f = int(q.integer(at + 8));
    a.verifiedErasure = f & Verified;
    a.problem = f & Problem;
    a.diskTestFailed = f & DiskFailed;
    a.labelPrinted = f & Label;
    a.openHandover = f & OpenHandover;
    return a;
}

/// One row of proj_facts.
struct Fact {
    qint64 seq = 0;
    int sub = 0;
    QString kind;
    qint64 ms = 0;
    QString tag, a, b, c, d;
    double x = 0, y = 0;
    int flag = 0;
};

/// Rows per multi-row statement, largest first (few statement shapes to prepare). push
/// (issue 17): the sizes between are for a group's few rows: 8 stations' rows were 8
/// single-row statements (a round trip each) with {200, 50, 10, 1}, now 5 + 2 + 1.
constexpr qsizetype kRows[] = {200, 100, 50, 20, 10, 5, 2, 1};

QString rowsOf(qsizetype rows, int columns)
{
    QStringList one(columns, QStringLiteral("?"));
    const QString row = QLatin1Char('(') + one.join(QStringLiteral(", ")) + QLatin1Char(')');
    return QStringList(rows, row).join(QStringLiteral(", "));
}

/// The per-day sums (proj_daily) the bilan and the figures read instead of the facts.
/// A row: (kind, lot, day, k1, k2, prev) → n, s (a double sum), b (an integer sum). Rows of
/// all lots (lot '') are kept per day and per month (kind "x/m", day = year × 12 + month - 1),
/// so a period reads its whole months and the days around them; rows of one lot ("=L") per
/// day. Distinct counts (PCs refurbished, assets handed over, beneficiaries granted or
/// enrolled) keep one +1 per (key, day) with `prev` the key's previous day (kNoPrev none):
/// the keys seen in [from, to] are the rows of those days whose prev is before `from`.
struct DailyKey {
    QString kind;
    qint64 day;
    QString lot, k1, k2;
    qint64 prev;
    bool operator==(const DailyKey &o) const
    {
        return day == o.day && prev == o.prev && kind == o.kind && lot == o.lot && k1 == o.k1 && k2 == o.k2;
    }
};
size_t qHash(const DailyKey &k, size_t seed = 0)
{
    return qHashMulti(seed, k.kind, k.day, k.lot, k.k1, k.k2, k.prev);
}
struct DailySum {
    qint64 n = 0;
    double s = 0;
    qint64 b = 0;
};

/// `prev` of a row that is no distinct count (below any day).
constexpr qint64 kNoPrev = -(qint64(1) << 62);

qint64 dayNumber(qint64 ms)
{
    return ms >= 0 ? ms / kDayMs : -((-ms + kDayMs - 1) / kDayMs);
}

/// The bucket of x: 0 below edges[0], i for edges[i-1] <= x < edges[i], edges.size() beyond.
int bucketOf(double x)
{
    const QList<double> &e = durationEdges();
    return int(std::upper_bound(e.cbegin(), e.cend(), x) - e.cbegin());
}

} // namespace

namespace {

Error sqliteFailure(sqlite3 *c, const QString &sql)
{
    return makeError(ErrorCode::Io,
                     QCoreApplication::translate("ServerStore", "server store: %1: %2")
                         .arg(sql.left(60), QString::fromUtf8(c ? sqlite3_errmsg(c) : "no SQLite handle")),
                     QStringLiteral("sql"));
}

/// Binds `v` as Qt's SQLite driver would (the same stored values), a null text as ''.
int bindSqlite(sqlite3_stmt *stmt, int at, const QVariant &v)
{
    switch (v.typeId()) {
    case QMetaType::QString: {
        // As UTF-8, the database's encoding: Qt's conversion is cheaper than SQLite's.
        const QByteArray t = static_cast<const QString *>(v.constData())->toUtf8();
        return sqlite3_bind_text(stmt, at, t.isNull() ? "" : t.constData(), int(t.size()), SQLITE_TRANSIENT);
    }
    case QMetaType::Double:
        return sqlite3_bind_double(stmt, at, v.toDouble());
    case QMetaType::Int:
    case QMetaType::Bool:
    case QMetaType::LongLong:
    case QMetaType::UInt:
        return sqlite3_bind_int64(stmt, at, v.toLongLong());
    default:
        return v.isNull() ? sqlite3_bind_null(stmt, at) : bindSqlite(stmt, at, QVariant(v.toString()));
    }
}

/// One statement of SQLite's own API, prepared for the call and stepped once per row: no
/// QVariant lookup per parameter (Qt's driver binds in quadratic time) and no 600-value
/// limit, so a rebuild's rows cost what SQLite's B-trees cost.
class SqliteStatement
{
public:
    SqliteStatement(sqlite3 *c, const QString &sql)
        : m_c(c)
        , m_sql(sql)
    {
        if (m_c)
            sqlite3_prepare16_v3(m_c, sql.utf16(), int(sql.size() * sizeof(char16_t)), 0, &m_stmt, nullptr);
    }
    ~SqliteStatement() { sqlite3_finalize(m_stmt); }
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;

    /// Binds `values` (from parameter `first`), steps, calls `each` per row, resets.
    Result<void> exec(const QVariantList &values, int first = 1, const std::function<void(sqlite3_stmt *)> &each = {})
    {
        if (!m_stmt)
            return sqliteFailure(m_c, m_sql);
        WriterProfile::statement();
        int rc = SQLITE_OK;
        for (qsizetype i = 0; i < values.size() && rc == SQLITE_OK; ++i)
            rc = bindSqlite(m_stmt, first + int(i), values[i]);
        while (rc == SQLITE_OK || rc == SQLITE_ROW) {
            rc = sqlite3_step(m_stmt);
            if (rc == SQLITE_ROW && each)
                each(m_stmt);
        }
        sqlite3_reset(m_stmt);
        if (rc != SQLITE_DONE)
            return sqliteFailure(m_c, m_sql);
        return {};
    }

private:
    sqlite3 *m_c = nullptr;
    sqlite3_stmt *m_stmt = nullptr;
    QString m_sql;
};

/// A PostgreSQL array literal of one column's values (text, bigint or float8 by the type
/// of its first value), as the push path sends the log's rows (serverstore.cpp).
QString pgArray(const QList<QVariantList> &rows, qsizetype from, qsizetype to, int column)
{
    QString a;
    a.reserve((to - from) * 16);
    a += QLatin1Char('{');
    for (qsizetype i = from; i < to; ++i) {
        if (i > from)
            a += QLatin1Char(',');
        const QVariant &v = rows[i][column];
        if (v.typeId() == QMetaType::Double) {
            const double x = v.toDouble();
            a += qIsNaN(x)  ? QStringLiteral("NaN")
                : qIsInf(x) ? (x > 0 ? QStringLiteral("Infinity") : QStringLiteral("-Infinity"))
                            : QString::number(x, 'g', QLocale::FloatingPointShortest);
        } else if (v.typeId() == QMetaType::QString) {
            appendPgArrayText(a, *static_cast<const QString *>(v.constData()));
        } else {
            a += QString::number(v.toLongLong());
        }
    }
    a += QLatin1Char('}');
    return a;
}

QLatin1String pgArrayType(const QVariant &v)
{
    switch (v.typeId()) {
    case QMetaType::QString:
        return QLatin1String("text[]");
    case QMetaType::Double:
        return QLatin1String("float8[]");
    default:
        return QLatin1String("bigint[]");
    }
}

/// Rows of one PostgreSQL statement made of arrays (a bound literal per column), and the
/// fewest sent so: a push's few rows keep their multi-row VALUES (arrays of a few dozen
/// rows cost the push bench's server 6-9 % more CPU), a rebuild's thousands go as arrays.
constexpr qsizetype kArrayRows = 50000;
constexpr qsizetype kArrayMin = 500;

} // namespace

/// Inserts `rows` (each `columns` values) with `head` (INSERT INTO t(cols) VALUES) and
/// `tail` (an ON CONFLICT clause or nothing). SQLite: one prepared row stepped per row.
/// PostgreSQL: many rows a statement as arrays of the columns (unnest ... WITH ORDINALITY
/// keeps their order), fewer than kArrayMin in multi-row VALUES.
template<typename Store>
Result<void> insertRows(const Store &p, const QString &head, int columns, const QList<QVariantList> &rows,
                        const QString &tail = {})
{
    if (rows.isEmpty())
        return {};
    if (!p.postgres) {
        SqliteStatement insert(sqliteHandle(p.db()), head + rowsOf(1, columns) + tail);
        for (const QVariantList &row : rows)
            if (auto r = insert.exec(row); !r)
                return r;
        return {};
    }
    const QLatin1String values("VALUES ");
    qsizetype at = 0;
    if (rows.size() >= kArrayMin && head.endsWith(values)) {
        QStringList arrays, names;
        for (int c = 0; c < columns; ++c) {
            arrays << QStringLiteral("CAST(? AS %1)").arg(pgArrayType(rows[0][c]));
            names << QStringLiteral("c%1").arg(c);
        }
        const QString sql = head.chopped(values.size()) + QStringLiteral("SELECT ") + names.join(QStringLiteral(", "))
            + QStringLiteral(" FROM unnest(") + arrays.join(QStringLiteral(", "))
            + QStringLiteral(") WITH ORDINALITY AS x(") + names.join(QStringLiteral(", "))
            + QStringLiteral(", o) ORDER BY o") + tail;
        for (; at < rows.size(); at += kArrayRows) {
            const qsizetype to = std::min(rows.size(), at + kArrayRows);
            QVariantList binds;
            for (int c = 0; c < columns; ++c)
                binds << pgArray(rows, at, to, c);
            if (auto q = p.run(sql, binds); !q)
                return q.error();
        }
        return {};
    }
    for (; at < rows.size();) {
        qsizetype n = 1;
        for (qsizetype c : kRows)
            if (c <= rows.size() - at && c <= 500) {
                n = c;
                break;
            }
        QVariantList binds;
        binds.reserve(n * columns);
        for (qsizetype i = at; i < at + n; ++i)
            binds += rows[i];
        if (auto q = p.run(head + rowsOf(n, columns) + tail, binds); !q)
            return q.error();
        at += n;
    }
    return {};
}

/// Runs `sql` (with one `%1` for a list of placeholders) for `keys`, calling `each` for
/// every row; `extra` binds come first. Many keys go in one statement as an array
/// (PostgreSQL) or a JSON array (SQLite's json_each), a few as placeholders.
template<typename Store>
Result<void> selectIn(const Store &p, const QString &sql, const QStringList &keys,
                      const std::function<void(const KeyedRow &)> &each, const QVariantList &extra = {})
{
    if (keys.isEmpty())
        return {};
    if (!p.postgres) {
        // One key a step through the primary key: the statement prepared once.
        SqliteStatement select(sqliteHandle(p.db()), sql.arg(QStringLiteral("?")));
        const auto row = [&each](sqlite3_stmt *s) { each(KeyedRow(s)); };
        QVariantList binds = extra;
        binds << QString();
        for (const QString &k : keys) {
            binds.last() = k;
            if (auto r = select.exec(binds, 1, row); !r)
                return r;
        }
        return {};
    }
    if (keys.size() >= kArrayMin) {
        const QString many = sql.arg(QStringLiteral("SELECT unnest(CAST(? AS text[]))"));
        for (qsizetype at = 0; at < keys.size(); at += kArrayRows) {
            QList<QVariantList> column;
            for (qsizetype i = at; i < std::min(keys.size(), at + kArrayRows); ++i)
                column.append({keys[i]});
            QVariantList binds = extra;
            binds << pgArray(column, 0, column.size(), 0);
            auto q = p.run(many, binds);
            if (!q)
                return q.error();
            while (q->next())
                each(KeyedRow(&*q));
            q->finish();
        }
        return {};
    }
    for (qsizetype at = 0; at < keys.size();) {
        qsizetype n = 1;
        for (qsizetype c : kRows)
            if (c <= keys.size() - at) {
                n = c;
                break;
            }
        QVariantList binds = extra;
        for (qsizetype i = at; i < at + n; ++i)
            binds << keys[i];
        auto q = p.run(sql.arg(QStringList(n, QStringLiteral("?")).join(QStringLiteral(", "))), binds);
        if (!q)
            return q.error();
        while (q->next())
            each(KeyedRow(&*q));
        q->finish();
        at += n;
    }
    return {};
}

Result<void> ServerStore::Private::migrateProjections()
{
    const QStringList schema{
        QStringLiteral("CREATE TABLE IF NOT EXISTS proj_meta (name TEXT PRIMARY KEY, value BIGINT NOT NULL)"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS proj_assets (tag TEXT PRIMARY KEY, kind TEXT NOT NULL,"
                       " lot TEXT NOT NULL, model TEXT NOT NULL, serial TEXT NOT NULL,"
                       " weight_kg DOUBLE PRECISION NOT NULL, state TEXT NOT NULL, state_since_ms BIGINT NOT NULL,"
                       " flags INTEGER NOT NULL, flagged INTEGER NOT NULL)"),
        QStringLiteral("CREATE INDEX IF NOT EXISTS proj_assets_state ON proj_assets(state, state_since_ms)"),
        // The attention list's flagged assets, whole, in an index of their own (issue 17: at
        // 1 M assets 17,000 rows; from the table's scattered pages 20-30 ms, from here 5 ms).
        // It replaces an index on `flagged` alone, which the planner would rather take.
        QStringLiteral("DROP INDEX IF EXISTS proj_assets_flagged"),
        postgres ? QStringLiteral("CREATE INDEX IF NOT EXISTS proj_assets_attention ON proj_assets(tag)"
                                  " INCLUDE (kind, serial, state, state_since_ms, flags) WHERE flagged = 1")
                 : QStringLiteral("CREATE INDEX IF NOT EXISTS proj_assets_attention ON proj_assets(tag, kind, serial,"
                                  " state, state_since_ms, flags) WHERE flagged = 1"),
        QStringLiteral("CREATE INDEX IF NOT EXISTS proj_assets_serial ON proj_assets(serial)"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS proj_asset_counts (lot TEXT NOT NULL, kind TEXT NOT NULL,"
                       " state TEXT NOT NULL, verified INTEGER NOT NULL, n BIGINT NOT NULL,"
                       " PRIMARY KEY (lot, kind, state, verified))"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS proj_serials (serial TEXT PRIMARY KEY, n BIGINT NOT NULL)"),
        QStringLiteral("CREATE INDEX IF NOT EXISTS proj_serials_n ON proj_serials(n)"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS proj_facts (seq BIGINT NOT NULL, sub INTEGER NOT NULL,"
                       " kind TEXT NOT NULL, ms BIGINT NOT NULL, tag TEXT NOT NULL, a TEXT NOT NULL,"
                       " b TEXT NOT NULL, c TEXT NOT NULL, d TEXT NOT NULL, x DOUBLE PRECISION NOT NULL,"
                       " y DOUBLE PRECISION NOT NULL, flag INTEGER NOT NULL)"),
        QStringLiteral("CREATE INDEX IF NOT EXISTS proj_facts_kind_ms ON proj_facts(kind, ms)"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS proj_unchecked (seq BIGINT NOT NULL, sub INTEGER NOT NULL,"
                       " ms BIGINT NOT NULL, tag TEXT NOT NULL, certificate TEXT NOT NULL, worker TEXT NOT NULL)"),
        QStringLiteral("CREATE INDEX IF NOT EXISTS proj_unchecked_certificate ON proj_unchecked(certificate)"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS proj_kv (space TEXT NOT NULL, key TEXT NOT NULL,"
                       " value TEXT NOT NULL, PRIMARY KEY (space, key))"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS proj_station_rx (station TEXT NOT NULL, pushed_by TEXT NOT NULL,"
                       " last_received TEXT NOT NULL, PRIMARY KEY (station, pushed_by))"),
        // The per-day sums the bilan and the figures read (foldRound(), DailyKey), the
        // slowest duration of each day, and the index the exact medians look values up in.
        QStringLiteral("CREATE TABLE IF NOT EXISTS proj_daily (kind TEXT NOT NULL, day BIGINT NOT NULL,"
                       " lot TEXT NOT NULL, k1 TEXT NOT NULL, k2 TEXT NOT NULL, prev BIGINT NOT NULL,"
                       " n BIGINT NOT NULL, s DOUBLE PRECISION NOT NULL, b BIGINT NOT NULL,"
                       " PRIMARY KEY (kind, lot, day, k1, k2, prev))"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS proj_slowest (source TEXT NOT NULL, what TEXT NOT NULL,"
                       " day BIGINT NOT NULL, x DOUBLE PRECISION NOT NULL, seq BIGINT NOT NULL, sub INTEGER NOT NULL,"
                       " tag TEXT NOT NULL, PRIMARY KEY (source, what, day))"),
        // The reads sum a period's rows of proj_daily in key order: from an index that holds
        // them whole (1 M events: the year's bilan sums 12,000 monthly rows per lot; from
        // the table's pages, scattered in the order the rows were made, 80-170 ms, from
        // this index 8-18 ms).
        postgres ? QStringLiteral("CREATE INDEX IF NOT EXISTS proj_daily_cover ON proj_daily(kind, lot, day, k1, k2,"
                                  " prev) INCLUDE (n, s, b)")
                 : QStringLiteral("CREATE INDEX IF NOT EXISTS proj_daily_cover ON proj_daily(kind, lot, day, k1, k2,"
                                  " prev, n, s, b)"),
        // One lot's facts (figures?lot=L: its durations) from its assets (1 M events: 11 s
        // folding every lot's facts of the period before).
        QStringLiteral("CREATE INDEX IF NOT EXISTS proj_assets_lot ON proj_assets(lot)"),
        QStringLiteral("CREATE INDEX IF NOT EXISTS proj_facts_tag ON proj_facts(tag)"),
        QStringLiteral("CREATE INDEX IF NOT EXISTS proj_facts_x ON proj_facts(kind, a, x, ms)"
                       " WHERE kind IN ('move', 'step', 'imaging')"),
        // The attention list reads each station's last push from the log itself, one
        // index probe per (station, token) pair that proj_station_rx lists.
        QStringLiteral("CREATE INDEX IF NOT EXISTS events_station_received ON events(station, pushed_by, received_at)"),
    };
    for (const QString &sql : schema)
        if (auto q = run(sql); !q)
            return q.error();
    auto has = run(QStringLiteral("SELECT 1 FROM proj_meta WHERE name = 'last_seq'"));
    if (!has)
        return has.error();
    const bool present = has->next();
    has->finish();
    if (!present)
        if (auto q = run(QStringLiteral("INSERT INTO proj_meta VALUES ('last_seq', 0)")); !q)
            return q.error();
    // The per-day sums came after the other projections: a database folded without them
    // is folded again (once; `irregular` marks that they are there).
    auto sums = run(QStringLiteral("SELECT 1 FROM proj_meta WHERE name = 'irregular'"));
    if (!sums)
        return sums.error();
    const bool summed = sums->next();
    sums->finish();
    if (!summed) {
        if (auto q = run(QStringLiteral("INSERT INTO proj_meta VALUES ('irregular', 0)")); !q)
            return q.error();
        if (present && catchUp)
            return rebuildLedgerProjections();
    }
    // A database from before the projections (or filled by other means) is caught up here.
    return catchUp ? updateProjections() : Result<void>{};
}

Result<void> ServerStore::Private::rebuildLedgerProjections()
{
    for (const char *table : {"proj_assets", "proj_asset_counts", "proj_serials", "proj_facts", "proj_unchecked",
                              "proj_kv", "proj_station_rx", "proj_daily", "proj_slowest"})
        if (auto q = run(QStringLiteral("DELETE FROM %1").arg(QLatin1String(table))); !q)
            return q.error();
    if (auto q = run(QStringLiteral("UPDATE proj_meta SET value = 0 WHERE name IN ('last_seq', 'irregular')")); !q)
        return q.error();
    return updateProjections();
}

/// An event of the log with what the server adds to it.
using Logged = LoggedEvent;

template<typename Store>
Result<void> foldRound(const Store &self, const QList<Logged> &round)
{
    Rep::Ledger ledger;
    Rep::Ledger::Private &s = ledger.state();

    // What the round's events read: their assets, steps started, attendance, settings.
    QSet<QString> tags, steps, attendees, badges;
    QSet<QString> daysOf, orphansOf, beneficiaries; // per-day sums (space|key)
    bool workshop = false;
    for (const Logged &l : round) {
        const Event &e = l.event;
        if (!e.assetTag.isEmpty())
            tags.insert(e.assetTag);
        if (e.type == ET::HandoverRecorded)
            for (const QJsonValue &v : e.payload.value(QStringLiteral("tags")).toArray())
                tags.insert(v.toString());
        else if (e.type == ET::FlowStep)
            steps.insert(e.assetTag + QLatin1Char('|') + e.payload.value(QStringLiteral("step")).toString().trimmed());
        else if (e.type == ET::TrainingAttended)
            attendees.insert(e.payload.value(QStringLiteral("beneficiary")).toString().trimmed());
        else if (e.type == ET::WorkshopConfigured)
            workshop = true;
        else if (e.type == ET::WorkerAdded || e.type == ET::WorkerUpdated)
            badges.insert(e.payload.value(QStringLiteral("badge")).toString().trimmed());
        // The per-day sums: which keys' days, beneficiaries and orphans the round reads.
        const QString beneficiary = e.payload.value(QStringLiteral("beneficiary")).toString().trimmed();
        if (e.type == ET::AssetMoved || e.type == ET::AssetUpdated) {
            daysOf.insert(QStringLiteral("dr|") + e.assetTag);
            daysOf.insert(QStringLiteral("dh|") + e.assetTag);
        } else if (e.type == ET::GrantRequested) {
            daysOf.insert(QStringLiteral("dgr|") + beneficiary);
        } else if (e.type == ET::GrantPaid) {
            daysOf.insert(QStringLiteral("dgp|") + beneficiary);
        } else if (e.type == ET::TrainingEnrolled) {
            daysOf.insert(QStringLiteral("den|") + beneficiary);
        } else if (e.type == ET::HandoverRecorded) {
            beneficiaries.insert(beneficiary);
        } else if (e.type == ET::BeneficiaryAdded) {
            const QString ref = e.payload.value(QStringLiteral("reference")).toString().trimmed();
            beneficiaries.insert(ref);
            orphansOf.insert(QStringLiteral("b|") + ref);
        } else if (e.type == ET::AssetAdded) {
            orphansOf.insert(QStringLiteral("a|") + e.assetTag);
        }
    }
    if (auto r = selectIn(self, QStringLiteral("SELECT %1 FROM proj_assets WHERE tag IN (%2)").arg(kAssetColumns),
                          QStringList(tags.cbegin(), tags.cend()),
                          [&s](const KeyedRow &q) { s.assets.insert(q.text(0), assetFrom(q, 0)); });
        !r)
        return r;
    const QHash<QString, Rep::AssetRec> before = s.assets;
    const auto kv = [&self](const char *space, const QSet<QString> &keys,
                            const std::function<void(const QString &, const QString &)> &each) {
        return selectIn(self, QStringLiteral("SELECT key, value FROM proj_kv WHERE space = ? AND key IN (%1)"),
                        QStringList(keys.cbegin(), keys.cend()),
                        [&each](const KeyedRow &q) { each(q.text(0), q.text(1)); }, {QLatin1String(space)});
    };
    if (auto r
        = kv("step", steps, [&s](const QString &k, const QString &v) { s.stepStarted.insert(k, v.toLongLong()); });
        !r)
        return r;
    if (auto r = kv("attended", attendees,
                    [&s](const QString &k, const QString &v) {
                        const QJsonObject o = object(v);
                        auto &sessions = s.attended[k];
                        for (auto it = o.begin(); it != o.end(); ++it)
                            sessions.insert(it.key().toInt(), qint64(it.value().toDouble()));
                    });
        !r)
        return r;
    if (workshop)
        if (auto r = kv("workshop", {QStringLiteral("settings"), QStringLiteral("reuse_set")},
                        [&s](const QString &k, const QString &v) {
                            const QJsonObject o = object(v);
                            if (k == QLatin1String("settings")) {
                                s.workshop = o;
                            } else {
                                s.reuseSetBy = o.value(QStringLiteral("by")).toString();
                                s.reuseSetOn = o.value(QStringLiteral("on")).toString();
                            }
                        });
            !r)
            return r;
    if (auto r = kv("worker", badges, [&s](const QString &k, const QString &v) { s.workers.insert(k, object(v)); }); !r)
        return r;
    // The per-day sums read each key's days (distinct counts), the beneficiaries' kinds at
    // their handover, and which tags and beneficiaries have facts from before they were added.
    QHash<QString, QList<qint64>> days;
    QSet<QString> orphans, daysChanged, orphansNew;
    if (auto r = kv("days", daysOf,
                    [&days](const QString &k, const QString &v) {
                        QList<qint64> &list = days[k];
                        for (const QString &d : v.split(QLatin1Char(','), Qt::SkipEmptyParts))
                            list << d.toLongLong();
                    });
        !r)
        return r;
    if (auto r = kv("orphan", orphansOf, [&orphans](const QString &k, const QString &) { orphans.insert(k); }); !r)
        return r;
    if (auto r = kv("beneficiary", beneficiaries,
                    [&s](const QString &k, const QString &v) { s.beneficiaryKind.insert(k, v); });
        !r)
        return r;
    const QHash<QString, QString> beneficiaryKindBefore = s.beneficiaryKind;
    QHash<DailyKey, DailySum> daily;
    struct Slowest {
        double x;
        qint64 seq;
        int sub;
        QString tag;
    };
    QHash<QStringList, Slowest> slowest; // source, what, day
    qint64 irregular = 0; // the first event the per-day sums cannot follow (seq)
    // A row of all lots, on its day and in its month (kind/m, day = the month's number:
    // a period reads its whole months from those), or of one lot (`=lot`, days only).
    const auto month = [](qint64 ms) {
        const QDate d = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).date();
        return qint64(d.year()) * 12 + d.month() - 1;
    };
    const auto bump = [&daily](const QString &kind, qint64 day, const QString &lot, const QString &k1,
                               const QString &k2, qint64 prev, qint64 n, double sum, qint64 b) {
        DailySum &d = daily[{kind, day, lot, k1, k2, prev}];
        d.n += n;
        d.s += sum;
        d.b += b;
    };
    const auto add = [&](const char *kind, qint64 ms, const QString &k1, const QString &k2, qint64 prev, qint64 n,
                         double sum = 0, qint64 b = 0) {
        bump(QLatin1String(kind), dayNumber(ms), QString(), k1, k2, prev, n, sum, b);
        bump(QLatin1String(kind) + QStringLiteral("/m"), month(ms), QString(), k1, k2, prev, n, sum, b);
    };
    const auto addLot = [&](const char *kind, qint64 ms, const QString &lot, const QString &k1, const QString &k2,
                            qint64 n, double sum = 0, qint64 b = 0) {
        bump(QLatin1String(kind), dayNumber(ms), QLatin1Char('=') + lot, k1, k2, kNoPrev, n, sum, b);
    };
    // A key seen on a new day: +1 on that day, and its next day now follows this one.
    const auto distinct = [&](const char *space, const QString &key, const char *kind, qint64 ms, const QString &k1,
                              const QString &k2, double sum) {
        const QString name = QLatin1String(space) + QLatin1Char('|') + key;
        QList<qint64> &list = days[name];
        const qint64 day = dayNumber(ms);
        const auto at = std::lower_bound(list.begin(), list.end(), day);
        if (at != list.end() && *at == day)
            return;
        const qint64 prev = at == list.begin() ? kNoPrev : *(at - 1);
        if (at != list.end()) {
            const qint64 next = *at;
            const qint64 nextMs = next * kDayMs;
            add(kind, nextMs, k1, k2, prev, -1, -sum);
            add(kind, nextMs, k1, k2, day, 1, sum);
        }
        add(kind, ms, k1, k2, prev, 1, sum);
        list.insert(at, day);
        daysChanged.insert(name);
    };
    // A duration (or imaging speed) of `source`: its bucket counted per day and per month,
    // the slowest of the day kept with its tag.
    const auto duration
        = [&](const char *source, const QString &what, qint64 ms, double x, qint64 seq, int sub, const QString &tag) {
              const int bucket = bucketOf(x);
              add("dur", ms, QLatin1String(source), what, bucket, 1);
              const QStringList key{QLatin1String(source), what, QString::number(dayNumber(ms))};
              auto it = slowest.find(key);
              if (it == slowest.end())
                  slowest.insert(key, {x, seq, sub, tag});
              else if (x > it->x || (x == it->x && (seq < it->seq || (seq == it->seq && sub < it->sub))))
                  *it = {x, seq, sub, tag};
          };
    // A fact about a tag the log has not added (yet): its lot is unknown until then.
    const auto lotOf = [&](const QString &tag) {
        if (auto it = s.assets.constFind(tag); it != s.assets.cend())
            return it->lot;
        if (!tag.isEmpty() && !orphans.contains(QStringLiteral("a|") + tag)) {
            orphans.insert(QStringLiteral("a|") + tag);
            orphansNew.insert(QStringLiteral("a|") + tag);
        }
        return QString();
    };

    // Fold, noting which event each new list entry comes from (its seq, its rank).
    QList<Fact> facts;
    QList<Fact> unchecked;
    QHash<QString, QString> stationRx; // station|pushed_by → latest received_at
    QSet<QString> stepsTouched;
    for (const Logged &l : round) {
        const Event &e = l.event;
        const qsizetype n[]
            = {s.received.size(),        s.moves.size(),       s.hs.size(),       s.handovers.size(), s.returns.size(),
               s.grantsRequested.size(), s.grantsPaid.size(),  s.enrolled.size(), s.erasures.size(),  s.imaging.size(),
               s.steps.size(),           s.handedTwice.size(), s.setAside.size()};
        if (e.type == ET::FlowStep)
            stepsTouched.insert(e.assetTag + QLatin1Char('|')
                                + e.payload.value(QStringLiteral("step")).toString().trimmed());
        // What the per-day sums cannot follow: an asset added again (its kind, lot or weight
        // may change), an asset added after facts about it, a refurbished PC's model changed,
        // a beneficiary's kind changed after a handover. The reads then fold the facts.
        if (e.status == QLatin1String("applied") && !irregular) {
            if (e.type == ET::AssetAdded) {
                if (s.assets.contains(e.assetTag) || orphans.contains(QStringLiteral("a|") + e.assetTag))
                    irregular = e.seq;
            } else if (e.type == ET::AssetUpdated && e.payload.contains(QStringLiteral("model"))) {
                const auto it = s.assets.constFind(e.assetTag);
                if (it != s.assets.cend() && it->model != e.payload.value(QStringLiteral("model")).toString().trimmed()
                    && !days.value(QStringLiteral("dr|") + e.assetTag).isEmpty())
                    irregular = e.seq;
            } else if (e.type == ET::BeneficiaryAdded) {
                const QString ref = e.payload.value(QStringLiteral("reference")).toString().trimmed();
                const QString kind = e.payload.value(QStringLiteral("kind")).toString().trimmed();
                const QString now = kind.isEmpty() ? QStringLiteral("family") : kind;
                if ((s.beneficiaryKind.contains(ref) || orphans.contains(QStringLiteral("b|") + ref))
                    && now != s.beneficiaryKind.value(ref, QStringLiteral("family")))
                    irregular = e.seq;
            }
        }
        s.fold(e);
        const qint64 seq = e.seq;
        int sub = 0;
        const auto fact = [&](const char *kind, qint64 ms, const QString &tag) -> Fact & {
            Fact f;
            f.seq = seq;
            f.sub = sub++;
            f.kind = QLatin1String(kind);
            f.ms = ms;
            f.tag = tag;
            facts.append(f);
            return facts.last();
        };
        for (qsizetype i = n[0]; i < s.received.size(); ++i)
            fact("received", s.received[i].ms, s.received[i].key);
        for (qsizetype i = n[1]; i < s.moves.size(); ++i) {
            const Rep::Move &m = s.moves[i];
            Fact &f = fact("move", m.ms, m.tag);
            f.a = m.from;
            f.b = m.to;
            f.c = m.station;
            f.d = m.worker;
            f.flag = m.firstPass ? 1 : 0;
            f.x = s.stateTimes.value(i).seconds; // one state time per move, in step
        }
        for (qsizetype i = n[2]; i < s.hs.size(); ++i) {
            Fact &f = fact("hs", s.hs[i].ms, s.hs[i].tag);
            f.a = s.hs[i].part;
            f.b = s.hs[i].reason;
        }
        for (qsizetype i = n[3]; i < s.handovers.size(); ++i) {
            Fact &f = fact("handover", s.handovers[i].ms, QString());
            f.a = s.handovers[i].beneficiary;
            f.b = s.handovers[i].offer;
        }
        for (qsizetype i = n[4]; i < s.returns.size(); ++i)
            fact("return", s.returns[i].ms, s.returns[i].key).a = s.returnsReason.value(i);
        for (qsizetype i = n[5]; i < s.grantsRequested.size(); ++i)
            fact("grant_requested", s.grantsRequested[i].ms, QString()).a = s.grantsRequested[i].key;
        for (qsizetype i = n[6]; i < s.grantsPaid.size(); ++i) {
            Fact &f = fact("grant_paid", s.grantsPaid[i].ms, QString());
            f.a = s.grantsPaid[i].key;
            f.b = s.paidEurDated.value(i).key;
        }
        for (qsizetype i = n[7]; i < s.enrolled.size(); ++i)
            fact("enrolled", s.enrolled[i].ms, QString()).a = s.enrolled[i].key;
        for (qsizetype i = n[8]; i < s.erasures.size(); ++i) {
            const Rep::Erasure &x = s.erasures[i];
            Fact &f = fact("erasure", x.ms, x.tag);
            f.a = x.certificate;
            f.b = x.worker;
            f.flag = x.verified ? 1 : 0;
            if (x.verified)
                unchecked.append(f);
        }
        for (qsizetype i = n[9]; i < s.imaging.size(); ++i) {
            const Rep::Imaging &x = s.imaging[i];
            Fact &f = fact("imaging", x.ms, x.tag);
            f.flag = x.verified ? 1 : 0;
            f.x = x.mibs; // the speed where the duration index finds it (proj_facts_x)
            f.y = double(x.bytes);
        }
        for (qsizetype i = n[10]; i < s.steps.size(); ++i) {
            Fact &f = fact("step", s.steps[i].ms, s.steps[i].tag);
            f.a = s.steps[i].what;
            f.x = s.steps[i].seconds;
        }
        for (qsizetype i = n[11]; i < s.handedTwice.size(); ++i)
            fact("handed_twice", s.handedTwice[i].second, s.handedTwice[i].first);
        for (qsizetype i = n[12]; i < s.setAside.size(); ++i) {
            Fact &f = fact("set_aside", e.time.toMSecsSinceEpoch(), e.assetTag);
            f.a = e.type;
            f.b = e.station;
            f.c = e.note;
        }
        // The per-day sums of what this event added to the Ledger's lists.
        for (qsizetype i = n[0]; i < s.received.size(); ++i) {
            const Rep::AssetRec &a = s.assets[s.received[i].key];
            add("recv", s.received[i].ms, a.kind, a.lot, kNoPrev, 1);
        }
        for (qsizetype i = n[1]; i < s.moves.size(); ++i) {
            const Rep::Move &m = s.moves[i];
            const Rep::AssetRec &a = s.assets[m.tag];
            if (m.to == QLatin1String("READY") && a.kind == QLatin1String("pc")) {
                const int first = m.firstPass ? 1 : 0;
                add("ready", m.ms, m.station, m.worker, kNoPrev, 1);
                add("ready_n", m.ms, QString(), QString(), kNoPrev, 1);
                add("ready_l", m.ms, a.lot, QString(), kNoPrev, 1, first);
                add("ready_mo", m.ms, a.model, QString(), kNoPrev, 1, first);
                addLot("ready", m.ms, a.lot, m.station, m.worker, 1);
                addLot("ready_m", m.ms, a.lot, a.model, QString(), 1, first);
                distinct("dr", m.tag, "ready_d", m.ms, QString(), QString(), 0);
            }
            if (m.to == QLatin1String("HANDED_OVER"))
                distinct("dh", m.tag, "handed_d", m.ms, a.kind,
                         a.weightKg > 0 ? QStringLiteral("w") : QStringLiteral("d"), a.weightKg > 0 ? a.weightKg : 0);
            duration("move", m.from, m.ms, s.stateTimes.value(i).seconds, seq, int(i - n[1]), m.tag);
        }
        for (qsizetype i = n[2]; i < s.hs.size(); ++i) {
            add("hs", s.hs[i].ms, s.hs[i].part, s.hs[i].reason, kNoPrev, 1);
            addLot("hs", s.hs[i].ms, lotOf(s.hs[i].tag), s.hs[i].part, s.hs[i].reason, 1);
        }
        for (qsizetype i = n[3]; i < s.handovers.size(); ++i) {
            const Rep::Handover &h = s.handovers[i];
            if (!s.beneficiaryKind.contains(h.beneficiary) && !orphans.contains(QStringLiteral("b|") + h.beneficiary)) {
                orphans.insert(QStringLiteral("b|") + h.beneficiary);
                orphansNew.insert(QStringLiteral("b|") + h.beneficiary);
            }
            add("handover", h.ms, Rep::groupOf(s.beneficiaryKind.value(h.beneficiary, QStringLiteral("family"))),
                h.offer, kNoPrev, 1);
        }
        for (qsizetype i = n[4]; i < s.returns.size(); ++i)
            add("return", s.returns[i].ms, s.returnsReason.value(i), QString(), kNoPrev, 1);
        for (qsizetype i = n[5]; i < s.grantsRequested.size(); ++i)
            distinct("dgr", s.grantsRequested[i].key, "grant_req_d", s.grantsRequested[i].ms, QString(), QString(), 0);
        for (qsizetype i = n[6]; i < s.grantsPaid.size(); ++i) {
            distinct("dgp", s.grantsPaid[i].key, "grant_paid_d", s.grantsPaid[i].ms, QString(), QString(), 0);
            add("grant_eur", s.grantsPaid[i].ms, QString(), QString(), kNoPrev, 1,
                s.paidEurDated.value(i).key.toDouble());
        }
        for (qsizetype i = n[7]; i < s.enrolled.size(); ++i)
            distinct("den", s.enrolled[i].key, "enrolled_d", s.enrolled[i].ms, QString(), QString(), 0);
        for (qsizetype i = n[8]; i < s.erasures.size(); ++i) {
            add("erasure", s.erasures[i].ms, QString(), QString(), kNoPrev, 1, s.erasures[i].verified ? 1 : 0);
            addLot("erasure", s.erasures[i].ms, lotOf(s.erasures[i].tag), QString(), QString(), 1,
                   s.erasures[i].verified ? 1 : 0);
        }
        for (qsizetype i = n[9]; i < s.imaging.size(); ++i) {
            const Rep::Imaging &x = s.imaging[i];
            const QString verified = x.verified ? QStringLiteral("1") : QStringLiteral("0");
            add("imaging", x.ms, verified, QString(), kNoPrev, 1, 0, x.bytes);
            addLot("imaging", x.ms, lotOf(x.tag), verified, QString(), 1, 0, x.bytes);
            if (x.mibs > 0)
                duration("mib", QString(), x.ms, x.mibs, seq, int(i - n[9]), x.tag);
        }
        for (qsizetype i = n[10]; i < s.steps.size(); ++i) {
            lotOf(s.steps[i].tag);
            duration("step", s.steps[i].what, s.steps[i].ms, s.steps[i].seconds, seq, int(i - n[10]), s.steps[i].tag);
        }
        if (e.status == QLatin1String("applied")
            && (e.type == ET::WorkshopConfigured || e.type == ET::LotAdded || e.type == ET::BeneficiaryAdded)) {
            Fact &f = fact("configured", e.time.toMSecsSinceEpoch(), QString());
            f.a = e.type;
            // No family's name or contact in a projection: an erasure on request blanks them
            // in the log (inventory/personaldata.h), and the projection must not keep a copy.
            QJsonObject payload = e.payload;
            Inventory::PersonalData::redact(e.type, payload,
                                            payload.value(QStringLiteral("reference")).toString().trimmed());
            f.b = json(payload);
            f.c = e.worker;
        }
        const QString rx = e.station + QLatin1Char('\x1f') + l.pushedBy;
        if (l.receivedAt > stationRx.value(rx))
            stationRx.insert(rx, l.receivedAt);
    }

    WriterProfile::mark(WriterProfile::ProjFold); // push (issue 17): the writer's profile
    // Assets, their counts and serials.
    QList<QVariantList> assetRows;
    QHash<QStringList, qint64> counts;
    QHash<QString, qint64> serials;
    for (auto it = s.assets.cbegin(); it != s.assets.cend(); ++it) {
        const Rep::AssetRec &a = *it;
        assetRows.append({it.key(), a.kind, a.lot, a.model, a.serial, a.weightKg, a.state, a.stateSinceMs, flagsOf(a),
                          flagged(a) ? 1 : 0});
        const auto count = [&](const Rep::AssetRec &x, int sign) {
            counts[{x.lot, x.kind, x.state, x.verifiedErasure ? QStringLiteral("1") : QStringLiteral("0")}] += sign;
            if (countsSerial(x))
                serials[x.serial] += sign;
        };
        if (auto b = before.constFind(it.key()); b != before.cend())
            count(*b, -1);
        count(a, 1);
    }
    if (auto r = insertRows(self,
                            QStringLiteral("INSERT INTO proj_assets(tag, kind, lot, model, serial, weight_kg, state,"
                                           " state_since_ms, flags, flagged) VALUES "),
                            10, assetRows,
                            QStringLiteral(" ON CONFLICT (tag) DO UPDATE SET kind = excluded.kind, lot = excluded.lot,"
                                           " model = excluded.model, serial = excluded.serial,"
                                           " weight_kg = excluded.weight_kg, state = excluded.state,"
                                           " state_since_ms = excluded.state_since_ms, flags = excluded.flags,"
                                           " flagged = excluded.flagged"));
        !r)
        return r;
    QList<QVariantList> countRows, serialRows;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        if (it.value() != 0)
            countRows.append({it.key()[0], it.key()[1], it.key()[2], it.key()[3].toInt(), it.value()});
    for (auto it = serials.cbegin(); it != serials.cend(); ++it)
        if (it.value() != 0)
            serialRows.append({it.key(), it.value()});
    if (auto r = insertRows(
            self, QStringLiteral("INSERT INTO proj_asset_counts(lot, kind, state, verified, n) VALUES "), 5, countRows,
            QStringLiteral(" ON CONFLICT (lot, kind, state, verified) DO UPDATE"
                           " SET n = proj_asset_counts.n + excluded.n"));
        !r)
        return r;
    if (auto r = insertRows(self, QStringLiteral("INSERT INTO proj_serials(serial, n) VALUES "), 2, serialRows,
                            QStringLiteral(" ON CONFLICT (serial) DO UPDATE SET n = proj_serials.n + excluded.n"));
        !r)
        return r;

    // The dated facts, and the erasures still to be checked.
    QList<QVariantList> factRows;
    factRows.reserve(facts.size());
    for (const Fact &f : std::as_const(facts))
        factRows.append({f.seq, f.sub, f.kind, f.ms, f.tag, f.a, f.b, f.c, f.d, f.x, f.y, f.flag});
    if (auto r = insertRows(self,
                            QStringLiteral("INSERT INTO proj_facts(seq, sub, kind, ms, tag, a, b, c, d, x, y, flag)"
                                           " VALUES "),
                            12, factRows);
        !r)
        return r;
    QSet<QString> certificates, checkedBefore;
    for (const Fact &f : std::as_const(unchecked))
        if (!f.a.isEmpty())
            certificates.insert(f.a);
    if (auto r
        = kv("checked", certificates, [&checkedBefore](const QString &k, const QString &) { checkedBefore.insert(k); });
        !r)
        return r;
    QList<QVariantList> uncheckedRows;
    for (const Fact &f : std::as_const(unchecked))
        if (f.a.isEmpty() || !(checkedBefore.contains(f.a) || s.checkedCertificates.contains(f.a)))
            uncheckedRows.append({f.seq, f.sub, f.ms, f.tag, f.a, f.b});
    if (auto r
        = insertRows(self, QStringLiteral("INSERT INTO proj_unchecked(seq, sub, ms, tag, certificate, worker) VALUES "),
                     6, uncheckedRows);
        !r)
        return r;
    const QStringList checkedNow(s.checkedCertificates.cbegin(), s.checkedCertificates.cend());
    if (auto r = selectIn(self, QStringLiteral("DELETE FROM proj_unchecked WHERE certificate IN (%1)"), checkedNow,
                          [](const KeyedRow &) {});
        !r)
        return r;

    // The keyed state.
    QList<QVariantList> kvRows;
    QStringList stepsGone;
    for (auto it = s.lotDonor.cbegin(); it != s.lotDonor.cend(); ++it)
        kvRows.append({QStringLiteral("lot"), it.key(), it.value()});
    for (auto it = s.beneficiaryKind.cbegin(); it != s.beneficiaryKind.cend(); ++it)
        kvRows.append({QStringLiteral("beneficiary"), it.key(), it.value()});
    for (const QString &c : checkedNow)
        kvRows.append({QStringLiteral("checked"), c, QString()});
    for (const QString &k : std::as_const(stepsTouched)) {
        if (auto it = s.stepStarted.constFind(k); it != s.stepStarted.cend())
            kvRows.append({QStringLiteral("step"), k, QString::number(*it)});
        else
            stepsGone << k;
    }
    for (auto it = s.attended.cbegin(); it != s.attended.cend(); ++it) {
        QJsonObject o;
        for (auto x = it->cbegin(); x != it->cend(); ++x)
            o.insert(QString::number(x.key()), double(x.value()));
        kvRows.append({QStringLiteral("attended"), it.key(), json(o)});
    }
    if (workshop) {
        kvRows.append({QStringLiteral("workshop"), QStringLiteral("settings"), json(s.workshop)});
        kvRows.append({QStringLiteral("workshop"), QStringLiteral("reuse_set"),
                       json({{QStringLiteral("by"), s.reuseSetBy}, {QStringLiteral("on"), s.reuseSetOn}})});
    }
    for (auto it = s.workers.cbegin(); it != s.workers.cend(); ++it)
        kvRows.append({QStringLiteral("worker"), it.key(), json(it.value())});
    for (const QString &k : std::as_const(daysChanged)) {
        QStringList list;
        for (qint64 d : days.value(k))
            list << QString::number(d);
        kvRows.append({QStringLiteral("days"), k, list.join(QLatin1Char(','))});
    }
    for (const QString &k : std::as_const(orphansNew))
        kvRows.append({QStringLiteral("orphan"), k, QString()});
    if (auto r = insertRows(self, QStringLiteral("INSERT INTO proj_kv(space, key, value) VALUES "), 3, kvRows,
                            QStringLiteral(" ON CONFLICT (space, key) DO UPDATE SET value = excluded.value"));
        !r)
        return r;
    if (auto r = selectIn(self, QStringLiteral("DELETE FROM proj_kv WHERE space = ? AND key IN (%1)"), stepsGone,
                          [](const KeyedRow &) {}, {QStringLiteral("step")});
        !r)
        return r;

    // The per-day sums, and the day's slowest of each duration.
    QList<QVariantList> dailyRows;
    dailyRows.reserve(daily.size());
    for (auto it = daily.cbegin(); it != daily.cend(); ++it)
        dailyRows.append(
            {it.key().kind, it.key().day, it.key().lot, it.key().k1, it.key().k2, it.key().prev, it->n, it->s, it->b});
    if (auto r = insertRows(
            self, QStringLiteral("INSERT INTO proj_daily(kind, day, lot, k1, k2, prev, n, s, b) VALUES "), 9, dailyRows,
            QStringLiteral(" ON CONFLICT (kind, lot, day, k1, k2, prev) DO UPDATE"
                           " SET n = proj_daily.n + excluded.n, s = proj_daily.s + excluded.s,"
                           " b = proj_daily.b + excluded.b"));
        !r)
        return r;
    QList<QVariantList> slowRows;
    for (auto it = slowest.cbegin(); it != slowest.cend(); ++it)
        slowRows.append({it.key()[0], it.key()[1], it.key()[2].toLongLong(), it->x, it->seq, it->sub, it->tag});
    if (auto r = insertRows(
            self, QStringLiteral("INSERT INTO proj_slowest(source, what, day, x, seq, sub, tag) VALUES "), 7, slowRows,
            QStringLiteral(" ON CONFLICT (source, what, day) DO UPDATE SET x = excluded.x, seq = excluded.seq,"
                           " sub = excluded.sub, tag = excluded.tag WHERE excluded.x > proj_slowest.x"
                           " OR (excluded.x = proj_slowest.x AND (excluded.seq < proj_slowest.seq"
                           " OR (excluded.seq = proj_slowest.seq AND excluded.sub < proj_slowest.sub)))"));
        !r)
        return r;
    if (irregular)
        if (auto q = self.run(QStringLiteral("UPDATE proj_meta SET value = ? WHERE name = 'irregular' AND value = 0"),
                              {irregular});
            !q)
            return q.error();

    QList<QVariantList> rxRows;
    for (auto it = stationRx.cbegin(); it != stationRx.cend(); ++it) {
        const qsizetype cut = it.key().indexOf(QLatin1Char('\x1f'));
        rxRows.append({it.key().left(cut), it.key().mid(cut + 1), it.value()});
    }
    return insertRows(self, QStringLiteral("INSERT INTO proj_station_rx(station, pushed_by, last_received) VALUES "), 3,
                      rxRows,
                      QStringLiteral(" ON CONFLICT (station, pushed_by) DO UPDATE SET last_received ="
                                     " CASE WHEN excluded.last_received > proj_station_rx.last_received"
                                     " THEN excluded.last_received ELSE proj_station_rx.last_received END"));
}

Result<void> ServerStore::Private::updateProjections()
{
    // push (issue 17): the events this transaction appended, when the writer gave them.
    const QList<Appended> mine = std::exchange(appended, {});
    // With them, the last event logged before the first of them (the primary key's index,
    // one round trip with last_seq): equal to last_seq, they are all the log holds past it.
    auto last = mine.isEmpty()
        ? run(QStringLiteral("SELECT value FROM proj_meta WHERE name = 'last_seq'"))
        : run(QStringLiteral("SELECT value, (SELECT coalesce(max(seq), 0) FROM events WHERE seq < ?) FROM proj_meta"
                             " WHERE name = 'last_seq'"),
              {mine.first().event.seq});
    if (!last)
        return last.error();
    qint64 lastSeq = 0;
    bool onlyMine = false;
    if (last->next()) {
        lastSeq = last->value(0).toLongLong();
        onlyMine = !mine.isEmpty() && lastSeq > 0 && last->value(1).toLongLong() == lastSeq;
    }
    last->finish();
    if (onlyMine) {
        WriterProfile::mark(WriterProfile::ProjLog);
        if (auto r = foldRound(*this, mine); !r)
            return r;
        if (auto q
            = run(QStringLiteral("UPDATE proj_meta SET value = ? WHERE name = 'last_seq'"), {mine.last().event.seq});
            !q)
            return q.error();
        return {};
    }
    // Folding from the start: the sums start from nothing too (the other projections are
    // emptied by whoever reset last_seq; the sums add up, so they must be).
    if (lastSeq == 0)
        for (const char *sql : {"DELETE FROM proj_daily", "DELETE FROM proj_slowest",
                                "DELETE FROM proj_kv WHERE space IN ('days', 'orphan')",
                                "UPDATE proj_meta SET value = 0 WHERE name = 'irregular'"})
            if (auto q = run(QLatin1String(sql)); !q)
                return q.error();
    for (;;) {
        QList<Logged> round;
        {
            auto q = run(QStringLiteral("SELECT seq, uuid, station, worker, time_ms, type, asset_tag, payload, status,"
                                        " note, received_at, pushed_by FROM events WHERE seq > ? ORDER BY seq LIMIT %1")
                             .arg(kFoldRound),
                         {lastSeq});
            if (!q)
                return q.error();
            while (q->next()) {
                Logged l;
                Event &e = l.event;
                e.seq = q->value(0).toLongLong();
                e.uuid = q->value(1).toString();
                e.station = q->value(2).toString();
                e.worker = q->value(3).toString();
                e.time = QDateTime::fromMSecsSinceEpoch(q->value(4).toLongLong(), Qt::UTC);
                e.type = q->value(5).toString();
                e.assetTag = q->value(6).toString();
                e.payload = object(q->value(7).toString());
                e.status = q->value(8).toString();
                e.note = q->value(9).toString();
                l.receivedAt = q->value(10).toString();
                l.pushedBy = q->value(11).toString();
                round.append(std::move(l));
            }
            q->finish();
        }
        WriterProfile::mark(WriterProfile::ProjLog); // push (issue 17): the writer's profile
        if (round.isEmpty())
            return {};
        if (auto r = foldRound(*this, round); !r)
            return r;
        lastSeq = round.last().event.seq;
        if (auto q = run(QStringLiteral("UPDATE proj_meta SET value = ? WHERE name = 'last_seq'"), {lastSeq}); !q)
            return q.error();
        if (round.size() < kFoldRound)
            return {};
    }
}

} // namespace Etabli::Server

namespace Etabli::Server {

Result<void> ServerStore::Private::loadFacts(Rep::Ledger &ledger, const QStringList &kinds, qint64 fromMs, qint64 toMs,
                                             const QString &where, const QString &lot) const
{
    Rep::Ledger::Private &s = ledger.state();
    QStringList quoted;
    for (const QString &k : kinds)
        quoted << QLatin1Char('\'') + k + QLatin1Char('\'');
    auto q = run(QStringLiteral("SELECT f.kind, f.ms, f.tag, f.a, f.b, f.c, f.d, f.x, f.y, f.flag, a.tag, a.kind,"
                                " a.lot, a.model, a.serial, a.weight_kg, a.state, a.state_since_ms, a.flags"
                                " FROM %3 WHERE f.kind IN (%1) AND f.ms >= ? AND f.ms < ?%2 ORDER BY f.seq, f.sub")
                     .arg(quoted.join(QStringLiteral(", ")), where,
                          // One lot: from its assets (SQLite's CROSS JOIN keeps that order: it
                          // would read the period's facts of every lot by (kind, ms) otherwise).
                          lot.isEmpty()  ? QStringLiteral("proj_facts f LEFT JOIN proj_assets a ON a.tag = f.tag")
                              : postgres ? QStringLiteral("proj_assets a JOIN proj_facts f ON f.tag = a.tag")
                                         : QStringLiteral("proj_assets a CROSS JOIN proj_facts f ON f.tag = a.tag")),
                 lot.isEmpty() ? QVariantList{fromMs, toMs} : QVariantList{fromMs, toMs, lot});
    if (!q)
        return q.error();
    while (q->next()) {
        const QString kind = q->value(0).toString(), tag = q->value(2).toString();
        const qint64 ms = q->value(1).toLongLong();
        const QString a = q->value(3).toString(), b = q->value(4).toString(), c = q->value(5).toString(),
                      d = q->value(6).toString();
        const double x = q->value(7).toDouble(), y = q->value(8).toDouble();
        const bool flag = q->value(9).toInt() != 0;
        if (!q->value(10).isNull() && !s.assets.contains(tag))
            s.assets.insert(tag, assetFrom(KeyedRow(&*q), 10));
        if (kind == QLatin1String("received")) {
            s.received.append({ms, tag});
        } else if (kind == QLatin1String("move")) {
            s.moves.append({ms, tag, a, b, c, d, flag});
            s.stateTimes.append({ms, a, tag, x});
        } else if (kind == QLatin1String("hs")) {
            s.hs.append({ms, tag, a, b});
        } else if (kind == QLatin1String("handover")) {
            s.handovers.append({ms, a, b});
        } else if (kind == QLatin1String("return")) {
            s.returns.append({ms, tag});
            s.returnsReason.append(a);
        } else if (kind == QLatin1String("grant_requested")) {
            s.grantsRequested.append({ms, a});
        } else if (kind == QLatin1String("grant_paid")) {
            s.grantsPaid.append({ms, a});
            s.paidEurDated.append({ms, b});
        } else if (kind == QLatin1String("enrolled")) {
            s.enrolled.append({ms, a});
        } else if (kind == QLatin1String("erasure")) {
            s.erasures.append({ms, tag, a, b, flag});
        } else if (kind == QLatin1String("imaging")) {
            s.imaging.append({ms, tag, flag, qint64(y), x});
        } else if (kind == QLatin1String("step")) {
            s.steps.append({ms, a, tag, x});
        } else if (kind == QLatin1String("handed_twice")) {
            s.handedTwice.append({tag, ms});
        } else if (kind == QLatin1String("set_aside")) {
            Event e;
            e.time = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
            e.assetTag = tag;
            e.type = a;
            e.station = b;
            e.note = c;
            s.setAside.append(e);
        } else if (kind == QLatin1String("configured")) {
            Event e;
            e.time = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
            e.type = a;
            e.payload = object(b);
            e.worker = c;
            e.status = QStringLiteral("applied");
            s.fold(e);
        }
    }
    q->finish();
    if (kinds.contains(QStringLiteral("erasure"))) {
        QStringList certificates;
        for (const Rep::Erasure &e : std::as_const(s.erasures))
            if (!e.certificate.isEmpty())
                certificates << e.certificate;
        certificates.removeDuplicates();
        return selectIn(*this, QStringLiteral("SELECT key FROM proj_kv WHERE space = ? AND key IN (%1)"), certificates,
                        [&s](const KeyedRow &c) { s.checkedCertificates.insert(c.text(0)); },
                        {QStringLiteral("checked")});
    }
    return {};
}

} // namespace Etabli::Server
