// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

// Internal to ServerStore: its private state and the helpers its files share.

#include "inventory/event.h"
#include "inventory/eventrules.h"
#include "inventory/report/report.h"
#include "inventory/server/serverstore.h"

#include <QHash>
#include <QJsonObject>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>

#include <array>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

struct sqlite3;

namespace Etabli::Inventory::Report {
struct FigureSums;
}

namespace Etabli::Server {

/// Compact JSON text of `o`.
QString compact(const QJsonObject &o);
/// Now, as the event log writes times.
QString now();
/// The bounds of the duration histogram (seconds): (-inf, 0), then [0, 0.001), then geometric
/// steps of 10 %. The projections file a value and the reads find its bucket with these very
/// doubles, as SQL's x >= lo AND x < hi does, so both agree exactly (serverstore_projections.cpp).
const QList<double> &durationEdges();

class WalCheckpointer; // serverstore_checkpoint.cpp
/// Appends `value` to `array` as one quoted element of a PostgreSQL array literal ("…" with
/// `"` and `\` escaped): the push path and the projections send rows as column arrays.
void appendPgArrayText(QString &array, const QString &value);
/// The SQLite connection under `db` (Qt's driver handle), or null when it is not SQLite
/// (serverstore_checkpoint.cpp).
sqlite3 *sqliteHandle(const QSqlDatabase &db);

/// push (issue 17): where the writer's time goes, with ETABLI_WRITER_PROFILE=1 in the
/// server's environment (off otherwise: one relaxed load per mark). The writing thread
/// marks the end of each phase of a group; every 100 groups, a line on stderr gives the
/// mean per group of each phase, the statements sent (round trips on PostgreSQL) and the
/// handler threads' parse and validation per push (serverstore_writer.cpp).
namespace WriterProfile {
/// ProjLog, ProjFold: the projections' reading of the group back from the log and their
/// fold (reads of their state included); Projections is then what they write.
enum Phase { Begin, Known, Prefetch, Apply, Insert, Counts, Projections, Commit, Retry, ProjLog, ProjFold, Phases };
bool on();
/// The calling thread starts writing a group of `batches` pushes, `events` events.
void startGroup(qsizetype batches, qsizetype events);
/// Adds the time since the last mark (or the group's start) to `phase`.
void mark(Phase phase);
/// One statement sent by the thread writing a group (not counted elsewhere).
void statement();
/// The group is written: folds its figures in, prints every 100 groups.
void endGroup();
/// What a handler thread does to a push before it joins the writer queue.
enum HandlerPhase { Parse, Validate, Precheck };
/// On a handler thread: `ns` spent on `phase` of a push.
void handler(HandlerPhase phase, qint64 ns);
/// What has been counted so far (tests; under the writer's turn, so read it between pushes).
struct Totals {
    qint64 groups = 0, batches = 0, events = 0;
    std::array<qint64, Phases> ns{};
    std::array<qint64, Phases> statements{}; ///< sent during each phase
    qint64 spilled = 0; ///< SQLite: dirty pages written to the WAL before a COMMIT (cache spills)
};
/// SQLite: `pages` dirty pages spilled by the writing connection during its group.
void spilled(qint64 pages);
Totals totals();
/// Switches the profile on or off whatever the environment says, and clears it (tests).
void enable(bool on);
} // namespace WriterProfile

/// A libpq result (ServerStore::Private::runPq()), its values as text.
struct PqResult {
    std::shared_ptr<void> result; ///< a PGresult, cleared with the last copy
    int rows() const;
    QByteArray text(int row, int column) const;
};

namespace TestHooks {
/// Tests only: run once by a push between its precheck and its turn (tst_pushpath stores the
/// same events from there, as another server would in between). Set while no push runs.
extern std::function<void()> afterPrecheck;
} // namespace TestHooks

/// An event of the log with what the server adds to it (serverstore_projections.cpp).
struct LoggedEvent {
    Inventory::Event event;
    QString receivedAt, pushedBy;
};

struct ServerStore::Private {
    QString connection;
    QString url; ///< as given to open()
    bool postgres = false;

    QSqlDatabase db() const { return QSqlDatabase::database(connection, false); }

    /// Runs `sql`; bound statements are prepared once and kept (see serverstore.cpp).
    Result<QSqlQuery> run(const QString &sql, const QVariantList &binds = {}) const;

    mutable QHash<QString, QSqlQuery> cache;
    /// PostgreSQL: runs `sql` ($1, $2… placeholders, text parameters) through libpq on this
    /// store's connection, prepared once per connection as `name`; with `name` null, runs
    /// `sql` (any number of statements without parameters) in one round trip and returns
    /// the last result (serverstore_libpq.cpp: why the append does not go through Qt's driver).
    Result<PqResult> runPq(const char *name, const char *sql, const QList<QByteArray> &params = {}) const;
    mutable QSet<QByteArray> pqPrepared; ///< names prepared on the connection of `pqGeneration`
    mutable quint64 pqGeneration = 0;
    /// After a failure: when the PostgreSQL connection is gone, opens a new one (and
    /// forgets the statements prepared on the old). Returns whether it did.
    bool reconnectIfLost() const;
    /// Counts connections replaced: a transaction begun under another count is gone.
    mutable quint64 generation = 0;
    /// Ends every cached statement left half-read, so SQLite holds no read snapshot
    /// (which would keep the WAL from being checkpointed) once an operation is over.
    void idle() const
    {
        for (QSqlQuery &q : cache)
            q.finish();
    }

    /// Writers take turns. SQLite has one writer: the threads of this process queue on
    /// a mutex (other processes on the busy timeout) and write in `BEGIN IMMEDIATE`
    /// transactions. PostgreSQL: every write transaction that appends events first
    /// takes one advisory lock, so `seq` order is commit order and apply order across
    /// every server process on the database (a puller never sees seq N+1 before N).
    std::unique_lock<std::mutex> lockWriter() const;
    /// Starts a write transaction as said above.
    Result<void> beginWrite();
    /// Stores `events` together with the other pushes waiting at the same moment, in one
    /// transaction: the first waiting thread writes the group on its connection, each
    /// batch in a savepoint (a refused batch is rolled back alone), and everyone gets
    /// their answer after the one commit (serverstore_writer.cpp). One queue per process:
    /// a server process serves one database.
    /// push (issue 17): an event's columns as the log stores them, made on the handler
    /// thread (validation and serialisation are done before the writer queue, so the
    /// writer thread only runs SQL on ready rows).
    struct ReadyRow {
        QString time; ///< Inventory::isoTime(e.time)
        qint64 timeMs = 0;
        QString payload; ///< compact(e.payload)
    };
    static QList<ReadyRow> readyRows(const QList<Inventory::Event> &events);
    /// The outcomes of the events of `uuids` already in the log, by UUID (PostgreSQL: one
    /// statement with one array parameter; SQLite: one statement per 100 UUIDs).
    Result<QHash<QString, PushOutcome>> storedOutcomes(const QStringList &uuids) const;
    /// `precheck`: storedOutcomes() of the push's UUIDs, read by the handler thread before
    /// it queued (outside the writer's turn: see storeBatch()).
    Result<QList<PushOutcome>> commitInGroup(const QList<Inventory::Event> &events, const QList<ReadyRow> &rows,
                                             const QString &pushedBy, bool strict,
                                             const QHash<QString, PushOutcome> *precheck);
    struct PendingWrite;
    struct WriteQueue; ///< one per process: a server process serves one database
    static WriteQueue &writeQueue();
    void writeGroup(const std::vector<PendingWrite *> &group, const std::function<void(const Error &)> &failAll);
    /// Validates `events` by the event rules, then stores them through the group commit.
    Result<QList<PushOutcome>> push(const QList<Inventory::Event> &events, const QString &pushedBy, bool strict);
    /// One push's part of a write: its events, who pushed them, whether strict.
    struct Piece {
        const QList<Inventory::Event> *events = nullptr;
        const QString *pushedBy = nullptr;
        bool strict = false;
        const QList<ReadyRow> *rows = nullptr; ///< one per event, made by readyRows()
        /// storedOutcomes() of the piece's UUIDs read before the writer's turn, or null.
        const QHash<QString, PushOutcome> *precheck = nullptr;
    };
    /// Stores the pieces, one after the other, in the current transaction: known UUIDs
    /// are reported, new events applied and appended, with a few multi-row statements
    /// for all of them (serverstore.cpp). The outcomes of every piece, in order; any
    /// refusal fails the whole call (the caller rolls back).
    /// `trustPrecheck`: the pieces' prechecks stand for the UUID check (an event stored
    /// since by another group or server then fails the append on the log's unique UUID,
    /// and the caller writes the group again without trusting them).
    Result<QList<PushOutcome>> storeBatch(const QList<Piece> &pieces, const QString &received,
                                          bool trustPrecheck = false);

    /// SQLite: checkpoints the WAL on a thread of its own instead of inside a COMMIT
    /// (push, issue 17: serverstore_checkpoint.cpp). Called once the connection is open.
    Result<void> checkpointInBackground(const QString &path);
    std::shared_ptr<WalCheckpointer> checkpointer; ///< released after the connection closes
    /// SQLite: appends one event to `events` with the statement below; returns its seq.
    Result<qint64> appendSqlite(const Inventory::Event &e, const ReadyRow &row, const QString &status,
                                const QString &note, const QString &received, const QString &pushedBy);
    /// SQLite, with the writer's profile on: reads and clears the connection's count of
    /// spilled pages, adding it to the group's profile when `count` (serverstore_checkpoint.cpp).
    void countSpills(bool count) const;
    void *appendStatement = nullptr; ///< a sqlite3_stmt, finalized before the connection closes
    /// SQLite: storedOutcomes() through SQLite's API (serverstore_checkpoint.cpp).
    Result<QHash<QString, PushOutcome>> storedOutcomesSqlite(const QStringList &uuids) const;
    mutable void *knownStatement = nullptr; ///< its sqlite3_stmt, finalized with appendStatement
    void finalizeSqlite();

    Result<void> migrate();
    /// The figures projection: its table, its triggers, counted once (serverstore_figures.cpp).
    Result<void> migrateFigures();
    /// Recounts figure_counts and event_counts from the tables and the log (in the caller's transaction).
    Result<void> recount();
    /// Applies one new event to the state by the event rules (inventory/eventrules.h);
    /// returns the note when it is overridden. `strict` (ServerStore::create, an event the
    /// server makes itself): a refusal of the rules is an error, not an overridden event.
    /// `e` has passed EventRules::validate (push() validates before the writer's turn).
    Result<QString> apply(const Inventory::Event &e, bool strict);
    /// Erasures (serverstore_erasure.cpp): the `erasures` projection and the endorsed
    /// station keys; `applyErasure` keeps the projection for one applied event,
    /// `rebuildErasures` replays the log into it (in the caller's transaction).
    Result<void> migrateErasures();
    /// A projection added to an existing database: when `table` is empty and the log has an
    /// applied event of `type`, `rebuild` fills it once from the log.
    Result<void> fillOnceFromLog(const QString &table, const QString &type, Result<void> (Private::*rebuild)());
    /// Whether migrate() fills and catches up the projections from the log (OpenMode::Rebuild: not).
    bool catchUp = true;
    Result<void> applyErasure(const Inventory::Event &e);
    Result<void> rebuildErasures();
    /// The supervisor's projections (serverstore_projections.cpp, engineer "proj"): the
    /// Ledger's state in tables. `migrateProjections` creates them and catches them up;
    /// `updateProjections` folds the events appended since the last fold (the writer calls
    /// it in every group's transaction); `rebuildLedgerProjections` folds the whole log again.
    Result<void> migrateProjections();
    Result<void> updateProjections();
    /// push (issue 17): the events the current write transaction appended, as the log holds
    /// them (storeBatch() adds a batch's once it is stored; the writer clears it before each
    /// attempt). updateProjections() folds these instead of reading them back from the log
    /// when they are all the log holds past the last fold (checked in the same statement as
    /// last_seq), and reads the log otherwise.
    using Appended = LoggedEvent;
    QList<Appended> appended;
    Result<void> rebuildLedgerProjections();
    /// Fills `ledger` with who attended which training session before `toMs` (proj_kv, "attended").
    Result<void> loadAttended(Inventory::Report::Ledger &ledger, qint64 toMs);
    /// Fills `ledger` with the facts of `kinds` dated in [fromMs, toMs), with the assets they name
    /// (`where` more terms on f and a, `binds` their values; `lot` non-empty: only the facts of
    /// the assets of that lot, read from its assets, proj_assets_lot and proj_facts_tag).
    Result<void> loadFacts(Inventory::Report::Ledger &ledger, const QStringList &kinds, qint64 fromMs, qint64 toMs,
                           const QString &where = {}, const QString &lot = {}) const;
    /// The per-day sums (serverstore_report.cpp): whether they follow the log, a query over
    /// them, the asset counts and the exact duration medians and slowest of a period.
    Result<bool> sumsFollowLog() const;
    Result<void> eachRow(const QString &sql, const QVariantList &binds,
                         const std::function<void(const QSqlQuery &)> &each) const;
    /// Rows of all lots of `kinds` summed over [from, to] (whole months from their monthly
    /// rows): kind, k1, k2, bucket (`byBucket`, else 0), n, s, b.
    Result<void> sumRows(const QStringList &kinds, QDate from, QDate to, bool byBucket,
                         const std::function<void(const QSqlQuery &)> &each) const;
    Result<void> stateCounts(const QString &lot, Inventory::Report::FigureSums &sums) const;
    Result<void> durations(QDate from, QDate to, Inventory::Report::FigureSums &sums) const;
    /// desk (issue 14, engineer "deskserver", serverstore_desk_records.cpp): the desk
    /// records' projections. `applyDesk` keeps them for one event the rules accepted and
    /// returns a note when a cross-desk rule (one grant per pupil, its deadline) overrides
    /// it (an error when `strict`); `replay` (rebuildDesk) writes no audit line.
    /// `redactLog` blanks a family's personal fields in the log's payloads;
    /// `afterDeskErasure` redacts again after the commit and truncates SQLite's WAL.
    Result<void> migrateDesk();
    Result<QString> applyDesk(const Inventory::Event &e, bool strict, bool replay = false);
    Result<void> redactLog(const QString &reference);
    Result<void> afterDeskErasure(const QList<Inventory::Event> &events);
    Result<void> rebuildDesk();
    /// What the event rules need to decide `e` here.
    Result<Inventory::EventRules::Before> before(const Inventory::Event &e) const;

    /// While storeBatch runs: its events' assets as they are in this transaction, read
    /// together in a few statements instead of one per event (a round trip each on
    /// PostgreSQL). An entry is dropped whenever apply() writes its row, so what is kept
    /// is always what the row holds; the whole cache goes when the batch ends.
    mutable QHash<QString, Inventory::EventRules::AssetSnapshot> assetCache;
    mutable bool assetCacheOn = false;
    /// Reads the rows of `tags` into assetCache (absent ones as exists = false).
    Result<void> prefetchAssets(const QStringList &tags) const;
};

} // namespace Etabli::Server
