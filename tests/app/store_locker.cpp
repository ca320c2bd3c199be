// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
//
// Child process of tst_inventoryservice: another writer on the same SQLite file. Takes
// the write lock (BEGIN IMMEDIATE) on PATH, prints "locked", holds it for MS
// milliseconds, then rolls back and exits 0; prints "released" just before.
#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

#include <cstdio>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    bool ok = false;
    const int ms = args.value(2).toInt(&ok);
    if (args.size() != 3 || !ok || ms < 0) {
        std::fprintf(stderr, "usage: store_locker PATH MS\n");
        return 2;
    }
    int rc = 0;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("locker"));
        db.setDatabaseName(args[1]);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
        QSqlQuery q(db);
        if (!db.open() || !q.exec(QStringLiteral("BEGIN IMMEDIATE"))) {
            std::fprintf(stderr, "cannot lock %s: %s\n", qPrintable(args[1]), qPrintable(q.lastError().text()));
            rc = 1;
        } else {
            std::printf("locked\n");
            std::fflush(stdout);
            QThread::msleep(ms);
            std::printf("released\n");
            std::fflush(stdout);
            q.exec(QStringLiteral("ROLLBACK"));
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("locker"));
    return rc;
}
