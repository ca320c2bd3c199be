// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
//
// push (issue 17): SQLite's WAL checkpoints off the commit path. By default SQLite
// checkpoints inside the COMMIT that makes the WAL reach 1,000 pages: that group's answers
// wait for the copy of the pages into the database and its fsync (tens of ms, the tail of
// the push latency). Here every server connection has wal_autocheckpoint off and a WAL hook
// that, past the same 1,000 pages, wakes one thread per database file which runs a PASSIVE
// checkpoint on its own connection (PASSIVE takes no writer lock: commits go on meanwhile).
// Durability is unchanged: every COMMIT still fsyncs the WAL (synchronous=FULL), and a
// checkpoint is crash-safe by SQLite's design. Past kInlinePages the committing connection
// checkpoints itself (what the thread has not copied yet), so the WAL stays bounded.
#include "inventory/server/serverstore_p.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QSqlDriver>

#include <sqlite3.h>

#include <atomic>
#include <condition_variable>
#include <map>
#include <thread>

namespace Etabli::Server {

sqlite3 *sqliteHandle(const QSqlDatabase &db)
{
    const QVariant handle = db.driver()->handle();
    return handle.isValid() && qstrcmp(handle.typeName(), "sqlite3*") == 0
        ? *static_cast<sqlite3 *const *>(handle.constData())
        : nullptr;
}

using Inventory::Event;

namespace {
/// Pages in the WAL after a commit that wake the checkpointer (SQLite's own default).
constexpr int kWakePages = 1000;
/// Pages past which the committing connection checkpoints itself. Under pushes back to
/// back the thread's PASSIVE checkpoint never quite catches up with the end of the WAL, and
/// SQLite only starts the WAL over once a checkpoint has copied all of it: the committing
/// connection then copies what the thread left (a few pages) and the WAL starts over,
/// at about 12 MiB instead of growing without end.
constexpr int kInlinePages = 3000;
} // namespace

class WalCheckpointer
{
public:
    /// Opens its connection here (a steady count of descriptors from the start), then
    /// uses it on its thread only.
    explicit WalCheckpointer(const QString &path)
    {
        if (sqlite3_open_v2(QFile::encodeName(path).constData(), &m_db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK
            || sqlite3_exec(m_db, "PRAGMA synchronous=FULL", nullptr, nullptr, nullptr) != SQLITE_OK) {
            qWarning("etabli-server: no checkpoint connection (%s); commits checkpoint themselves",
                     m_db ? sqlite3_errmsg(m_db) : "out of memory");
            sqlite3_close(m_db);
            m_db = nullptr;
            m_failed = true;
        }
        m_thread = std::thread([this] { run(); });
    }
    ~WalCheckpointer()
    {
        {
            std::lock_guard lock(m_mutex);
            m_stop = true;
        }
        m_wake.notify_one();
        m_thread.join();
        sqlite3_close(m_db);
    }
    WalCheckpointer(const WalCheckpointer &) = delete;
    WalCheckpointer &operator=(const WalCheckpointer &) = delete;

    /// sqlite3_wal_hook callback, on the committing thread, the write lock just released.
    static int onCommit(void *self, sqlite3 *db, const char *schema, int pages)
    {
        auto *me = static_cast<WalCheckpointer *>(self);
        if (pages >= kInlinePages || (pages >= kWakePages && me->m_failed.load()))
            sqlite3_wal_checkpoint_v2(db, schema, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
        else if (pages >= kWakePages)
            me->wake();
        return SQLITE_OK;
    }

private:
    void wake()
    {
        {
            std::lock_guard lock(m_mutex);
            m_due = true;
        }
        m_wake.notify_one();
    }
    void run()
    {
        std::unique_lock lock(m_mutex);
        for (;;) {
            m_wake.wait(lock, [this] { return m_stop || m_due; });
            if (m_stop)
                return;
            m_due = false;
            lock.unlock();
            if (m_db)
                sqlite3_wal_checkpoint_v2(m_db, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
            lock.lock();
        }
    }

    sqlite3 *m_db = nullptr;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_due = false;
    bool m_stop = false;
    std::atomic<bool> m_failed{false};
    std::thread m_thread;
};

Result<void> ServerStore::Private::checkpointInBackground(const QString &path)
{
    if (auto q = run(QStringLiteral("PRAGMA wal_autocheckpoint=0")); !q)
        return q.error();
    idle();
    sqlite3 *connection = sqliteHandle(db());
    if (!connection)
        return makeError(ErrorCode::Internal, QStringLiteral("no SQLite handle"));

    // One thread per database file in this process, shared by its connections.
    static std::mutex registryMutex;
    static std::map<QString, std::weak_ptr<WalCheckpointer>> registry;
    const QString key = QFileInfo(path).absoluteFilePath();
    {
        std::lock_guard lock(registryMutex);
        checkpointer = registry[key].lock();
        if (!checkpointer) {
            checkpointer = std::make_shared<WalCheckpointer>(key);
            registry[key] = checkpointer;
        }
    }
    sqlite3_wal_hook(connection, &WalCheckpointer::onCommit, checkpointer.get());
    return {};
}

void ServerStore::Private::countSpills(bool count) const
{
    if (postgres || !WriterProfile::on())
        return;
    sqlite3 *connection = sqliteHandle(db());
    if (!connection)
        return;
    int pages = 0, highest = 0;
    if (sqlite3_db_status(connection, SQLITE_DBSTATUS_CACHE_SPILL, &pages, &highest, 1) == SQLITE_OK && count)
        WriterProfile::spilled(pages);
}

namespace {

/// The statement kept in `slot` for `connection`, prepared on its first use; null when
/// SQLite refuses it (sqlite3_errmsg says why).
sqlite3_stmt *keptStatement(sqlite3 *connection, void *&slot, const char *sql)
{
    if (!slot) {
        sqlite3_stmt *prepared = nullptr;
        if (sqlite3_prepare_v3(connection, sql, -1, SQLITE_PREPARE_PERSISTENT, &prepared, nullptr) != SQLITE_OK)
            return nullptr;
        slot = prepared;
    }
    return static_cast<sqlite3_stmt *>(slot);
}

} // namespace

Result<qint64> ServerStore::Private::appendSqlite(const Event &e, const ReadyRow &row, const QString &status,
                                                  const QString &note, const QString &received, const QString &pushedBy)
{
    sqlite3 *connection = sqliteHandle(db());
    const auto failed = [connection](const char *what) {
        return makeError(ErrorCode::Io,
                         QCoreApplication::translate("ServerStore", "cannot store the event: %1")
                             .arg(QString::fromUtf8(connection ? sqlite3_errmsg(connection) : what)));
    };
    if (!connection)
        return failed("no SQLite handle");
    WriterProfile::statement();
    auto *stmt = keptStatement(connection, appendStatement,
                               "INSERT INTO events(uuid, station, worker, time, time_ms, type, asset_tag, payload,"
                               " status, note, received_at, pushed_by) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    if (!stmt)
        return failed("prepare");
    // The texts are UTF-16 in QString: bound as they are, SQLite converts them once.
    const auto text = [stmt](int at, const QString &value) {
        return sqlite3_bind_text16(stmt, at, value.utf16(), int(value.size() * sizeof(char16_t)), SQLITE_TRANSIENT);
    };
    const QString &time = row.time;
    const QString &payload = row.payload;
    int rc = text(1, e.uuid);
    if (rc == SQLITE_OK)
        rc = text(2, e.station);
    if (rc == SQLITE_OK)
        rc = text(3, e.worker);
    if (rc == SQLITE_OK)
        rc = text(4, time);
    if (rc == SQLITE_OK)
        rc = sqlite3_bind_int64(stmt, 5, row.timeMs);
    if (rc == SQLITE_OK)
        rc = text(6, e.type);
    if (rc == SQLITE_OK)
        rc = e.assetTag.isEmpty() ? sqlite3_bind_null(stmt, 7) : text(7, e.assetTag);
    if (rc == SQLITE_OK)
        rc = text(8, payload);
    if (rc == SQLITE_OK)
        rc = text(9, status);
    if (rc == SQLITE_OK)
        rc = text(10, note);
    if (rc == SQLITE_OK)
        rc = text(11, received);
    if (rc == SQLITE_OK)
        rc = text(12, pushedBy);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(stmt);
    const qint64 seq = sqlite3_last_insert_rowid(connection);
    std::optional<Error> error;
    if (rc != SQLITE_DONE)
        error = failed("step");
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
    if (error)
        return *error;
    return seq;
}

Result<QHash<QString, PushOutcome>> ServerStore::Private::storedOutcomesSqlite(const QStringList &uuids) const
{
    // push (issue 17): a push's precheck, on its handler thread. One prepared statement
    // with the UUIDs as one JSON array (json_each): one bound value and one read snapshot,
    // where Qt's driver bound 50-100 parameters looking each one up by name (7 % of the
    // server's CPU) and a statement stepped once a UUID took a read snapshot each.
    QHash<QString, PushOutcome> known;
    if (uuids.isEmpty())
        return known;
    sqlite3 *connection = sqliteHandle(db());
    const auto failed = [connection](const char *what) {
        return makeError(ErrorCode::Io,
                         QCoreApplication::translate("ServerStore", "cannot read the log: %1")
                             .arg(QString::fromUtf8(connection ? sqlite3_errmsg(connection) : what)));
    };
    if (!connection)
        return failed("no SQLite handle");
    auto *stmt
        = keptStatement(connection, knownStatement,
                        "SELECT uuid, seq, status, note FROM events WHERE uuid IN (SELECT value FROM json_each(?))");
    if (!stmt)
        return failed("prepare");
    QByteArray list = "[";
    list.reserve(40 * uuids.size() + 2);
    for (const QString &uuid : uuids) {
        if (list.size() > 1)
            list += ',';
        Inventory::appendJsonString(list, uuid);
    }
    list += ']';
    const auto text = [stmt](int column) {
        return QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, column)),
                                 sqlite3_column_bytes(stmt, column));
    };
    int rc = sqlite3_bind_text(stmt, 1, list.constData(), int(list.size()), SQLITE_STATIC);
    while (rc == SQLITE_OK || rc == SQLITE_ROW) {
        rc = sqlite3_step(stmt);
        if (rc == SQLITE_ROW) {
            const QString uuid = text(0);
            known.insert(uuid, PushOutcome{uuid, false, sqlite3_column_int64(stmt, 1), text(2), text(3)});
        }
    }
    sqlite3_reset(stmt); // no read snapshot kept between pushes
    sqlite3_clear_bindings(stmt);
    if (rc != SQLITE_DONE)
        return failed("step");
    return known;
}

void ServerStore::Private::finalizeSqlite()
{
    sqlite3_finalize(static_cast<sqlite3_stmt *>(appendStatement));
    appendStatement = nullptr;
    sqlite3_finalize(static_cast<sqlite3_stmt *>(knownStatement));
    knownStatement = nullptr;
}

} // namespace Etabli::Server
