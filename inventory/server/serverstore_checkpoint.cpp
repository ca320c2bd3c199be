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
// checkpoint is crash-safe by SQLite's design. If the thread falls behind (a long reader),
// the committing connection checkpoints itself past kInlinePages, so the WAL stays bounded.
#include "inventory/server/serverstore_p.h"

#include <QFileInfo>
#include <QSqlDriver>

#include <sqlite3.h>

#include <atomic>
#include <condition_variable>
#include <map>
#include <thread>

namespace Etabli::Server {

namespace {
/// Pages in the WAL after a commit that wake the checkpointer (SQLite's own default).
constexpr int kWakePages = 1000;
/// Pages past which the committing connection checkpoints itself (the thread lags).
constexpr int kInlinePages = 20000;
} // namespace

class WalCheckpointer
{
public:
    explicit WalCheckpointer(const QString &path)
        : m_path(QFile::encodeName(path))
        , m_thread([this] { run(); })
    {}
    ~WalCheckpointer()
    {
        {
            std::lock_guard lock(m_mutex);
            m_stop = true;
        }
        m_wake.notify_one();
        m_thread.join();
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
        sqlite3 *db = nullptr;
        std::unique_lock lock(m_mutex);
        for (;;) {
            m_wake.wait(lock, [this] { return m_stop || m_due; });
            if (m_stop)
                break;
            m_due = false;
            lock.unlock();
            if (!db) {
                if (sqlite3_open_v2(m_path.constData(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr)
                        != SQLITE_OK
                    || sqlite3_exec(db, "PRAGMA synchronous=FULL", nullptr, nullptr, nullptr) != SQLITE_OK) {
                    qWarning("etabli-server: no checkpoint connection (%s); commits checkpoint themselves",
                             db ? sqlite3_errmsg(db) : "out of memory");
                    sqlite3_close(db);
                    db = nullptr;
                    m_failed = true;
                    lock.lock();
                    break;
                }
            }
            sqlite3_wal_checkpoint_v2(db, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
            lock.lock();
        }
        lock.unlock();
        sqlite3_close(db);
    }

    const QByteArray m_path;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_due = false;
    bool m_stop = false;
    std::atomic<bool> m_failed{false};
    std::thread m_thread; ///< last: started once everything above is made
};

Result<void> ServerStore::Private::checkpointInBackground(const QString &path)
{
    if (auto q = run(QStringLiteral("PRAGMA wal_autocheckpoint=0")); !q)
        return q.error();
    idle();
    const QVariant handle = db().driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return makeError(ErrorCode::Internal, QStringLiteral("no SQLite handle"));
    sqlite3 *connection = *static_cast<sqlite3 *const *>(handle.constData());

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

} // namespace Etabli::Server
