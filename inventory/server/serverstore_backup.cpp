// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
//
// Backups while the server runs: SQLite through its online backup API (a consistent
// copy, page by page, that writers do not wait for long), PostgreSQL through pg_dump
// (one snapshot) and pg_restore. Backup files hold family data: created 0600.
#include "inventory/server/serverstore_p.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSqlError>

#include <sqlite3.h>
#include <sys/stat.h>

namespace Etabli::Server {

namespace {

/// Copies `from` into `to` with the online backup API, a few hundred pages at a time.
Result<void> copySqlite(sqlite3 *from, sqlite3 *to)
{
    sqlite3_backup *backup = sqlite3_backup_init(to, "main", from, "main");
    if (!backup)
        return makeError(
            ErrorCode::Io,
            QCoreApplication::translate("ServerStore", "backup: %1").arg(QString::fromUtf8(sqlite3_errmsg(to))));
    int rc = SQLITE_OK;
    do {
        rc = sqlite3_backup_step(backup, 256);
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
            sqlite3_sleep(20);
    } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
    sqlite3_backup_finish(backup);
    if (rc != SQLITE_DONE)
        return makeError(
            ErrorCode::Io,
            QCoreApplication::translate("ServerStore", "backup: %1").arg(QString::fromUtf8(sqlite3_errstr(rc))));
    return {};
}

Result<void> runTool(const QString &program, const QStringList &args)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    if (!p.waitForStarted(10000))
        return makeError(
            ErrorCode::Unsupported,
            QCoreApplication::translate("ServerStore", "%1 is not installed (postgresql-client)").arg(program));
    p.waitForFinished(-1);
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return makeError(ErrorCode::Io,
                         QCoreApplication::translate("ServerStore", "%1 failed: %2")
                             .arg(program, QString::fromUtf8(p.readAll()).trimmed()));
    return {};
}

} // namespace

Result<void> ServerStore::backup(const QString &file) const
{
    if (QFileInfo::exists(file))
        return makeError(ErrorCode::Refused,
                         QCoreApplication::translate("ServerStore", "%1 exists: a backup never overwrites").arg(file));
    const mode_t old = umask(0077); // family names and contacts: the owner only
    Result<void> done = [&]() -> Result<void> {
        if (d->postgres)
            // libpq reads the same URL, host lists and query items included.
            return runTool(QStringLiteral("pg_dump"),
                           {QStringLiteral("--format=custom"), QStringLiteral("--file"), file,
                            QStringLiteral("--dbname"), d->url});
        sqlite3 *from = sqliteHandle(d->db());
        sqlite3 *to = nullptr;
        if (!from)
            return makeError(ErrorCode::Internal, QCoreApplication::translate("ServerStore", "no SQLite handle"));
        if (sqlite3_open_v2(file.toUtf8().constData(), &to, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr)
            != SQLITE_OK) {
            sqlite3_close(to);
            return makeError(ErrorCode::Io, QCoreApplication::translate("ServerStore", "cannot create %1").arg(file));
        }
        auto copied = copySqlite(from, to);
        sqlite3_close(to);
        return copied;
    }();
    umask(old);
    if (!done)
        QFile::remove(file);
    return done;
}

Result<void> ServerStore::restore(const QString &file)
{
    if (!QFileInfo(file).isFile())
        return makeError(ErrorCode::NotFound, QCoreApplication::translate("ServerStore", "no backup %1").arg(file));
    if (eventCount() > 0 || !tokens().isEmpty())
        return makeError(ErrorCode::Refused,
                         QCoreApplication::translate("ServerStore", "restore only into an empty database"));
    if (d->postgres) {
        // The schema comes with the dump: drop the empty one open() made.
        for (const char *table :
             {"tokens", "events", "event_counts", "figure_counts", "assets", "donors", "lots", "kits", "beneficiaries",
              "handovers", "hs_parts", "erasures", "station_endorsements", // erasures (engineer "erasure")
              // desk (engineer "deskserver"): serverstore_desk_records.cpp
              "desk_people", "desk_vouchers", "desk_handovers", "desk_grants", "desk_training",
              "desk_training_sessions", "desk_returns", "desk_audit"})
            if (auto q = d->run(QStringLiteral("DROP TABLE IF EXISTS %1 CASCADE").arg(QLatin1String(table))); !q)
                return q.error();
        for (const char *fn : {"etabli_figures_assets_ins", "etabli_figures_assets_upd", "etabli_figures_assets_del",
                               "etabli_figures_hs_ins", "etabli_figures_handovers_ins", "etabli_figures_handovers_upd"})
            if (auto q = d->run(QStringLiteral("DROP FUNCTION IF EXISTS %1 CASCADE").arg(QLatin1String(fn))); !q)
                return q.error();
        // the supervisor's projections (engineer "proj"): serverstore_projections.cpp
        for (const char *table : {"proj_meta", "proj_assets", "proj_asset_counts", "proj_serials", "proj_facts",
                                  "proj_unchecked", "proj_kv", "proj_station_rx", "proj_daily", "proj_slowest"})
            if (auto q = d->run(QStringLiteral("DROP TABLE IF EXISTS %1 CASCADE").arg(QLatin1String(table))); !q)
                return q.error();
        return runTool(QStringLiteral("pg_restore"),
                       {QStringLiteral("--no-owner"), QStringLiteral("--exit-on-error"), QStringLiteral("--dbname"),
                        d->url, file});
    }
    sqlite3 *from = nullptr;
    if (sqlite3_open_v2(file.toUtf8().constData(), &from, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        sqlite3_close(from);
        return makeError(ErrorCode::Corrupt,
                         QCoreApplication::translate("ServerStore", "%1 is not a backup").arg(file));
    }
    d->cache.clear();
    auto copied = copySqlite(from, sqliteHandle(d->db()));
    sqlite3_close(from);
    return copied;
}

} // namespace Etabli::Server
