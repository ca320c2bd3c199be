// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
//
// push (issue 17): the writer's few hot PostgreSQL statements through libpq itself, on the
// connection Qt's driver opened (QSqlDriver::handle(), the same session and transaction).
// Qt's QPSQL driver runs a prepared statement as `EXECUTE name ('value', …)`: every bound
// value quoted and escaped into one SQL text the backend parses again before the array
// input functions see it (a group's append is 11 arrays of ~100 kB in all). libpq's
// extended protocol sends the parameters apart, as they are, and PQexec sends several
// statements in one round trip (BEGIN and the writer's advisory lock).
#include "inventory/server/serverstore_p.h"

#include <QCoreApplication>
#include <QSqlDriver>

#include <libpq-fe.h>

#include <vector>

namespace Etabli::Server {

namespace {

PGconn *pgConnection(const QSqlDatabase &database)
{
    const QSqlDriver *driver = database.driver();
    const QVariant handle = driver ? driver->handle() : QVariant();
    // Qt's driver declares PGconn* as an opaque pointer: its metatype's name is the struct's.
    const char *type = handle.isValid() ? handle.typeName() : nullptr;
    if (!type || (qstrcmp(type, "pg_conn*") != 0 && qstrcmp(type, "PGconn*") != 0))
        return nullptr;
    return *static_cast<PGconn *const *>(handle.constData());
}

} // namespace

int PqResult::rows() const
{
    return result ? PQntuples(static_cast<const PGresult *>(result.get())) : 0;
}

QByteArray PqResult::text(int row, int column) const
{
    const auto *r = static_cast<const PGresult *>(result.get());
    return QByteArray(PQgetvalue(r, row, column), PQgetlength(r, row, column));
}

Result<PqResult> ServerStore::Private::runPq(const char *name, const char *sql, const QList<QByteArray> &params) const
{
    WriterProfile::statement();
    PGconn *c = pgConnection(db());
    const auto failed = [&](const QString &why) -> Error {
        if (c && PQstatus(c) == CONNECTION_BAD) { // as run() does: the next request finds a connection
            QSqlDatabase database = db();
            database.close();
            reconnectIfLost();
        }
        return makeError(ErrorCode::Io,
                         QCoreApplication::translate("ServerStore", "server store: %1: %2")
                             .arg(QString::fromUtf8(sql).left(60), why.trimmed()),
                         QStringLiteral("sql"));
    };
    if (!c)
        return failed(QStringLiteral("no PostgreSQL connection"));
    const auto keep
        = [](PGresult *r) { return std::shared_ptr<void>(r, [](void *p) { PQclear(static_cast<PGresult *>(p)); }); };
    if (!name) { // statements without parameters, one round trip for all of them
        PqResult out{keep(PQexec(c, sql))};
        const auto status = PQresultStatus(static_cast<const PGresult *>(out.result.get()));
        if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
            return failed(QString::fromUtf8(PQerrorMessage(c)));
        return out;
    }
    // Prepared once per connection: a new connection (reconnectIfLost()) has none.
    if (pqGeneration != generation) {
        pqPrepared.clear();
        pqGeneration = generation;
    }
    if (!pqPrepared.contains(QByteArray(name))) {
        const PqResult prepared{keep(PQprepare(c, name, sql, int(params.size()), nullptr))};
        if (PQresultStatus(static_cast<const PGresult *>(prepared.result.get())) != PGRES_COMMAND_OK)
            return failed(QString::fromUtf8(PQerrorMessage(c)));
        pqPrepared.insert(QByteArray(name));
    }
    std::vector<const char *> values;
    std::vector<int> lengths;
    values.reserve(size_t(params.size()));
    lengths.reserve(size_t(params.size()));
    for (const QByteArray &p : params) {
        values.push_back(p.constData());
        lengths.push_back(int(p.size()));
    }
    PqResult out{keep(PQexecPrepared(c, name, int(params.size()), values.data(), lengths.data(), nullptr, 0))};
    const auto status = PQresultStatus(static_cast<const PGresult *>(out.result.get()));
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
        return failed(QString::fromUtf8(PQerrorMessage(c)));
    return out;
}

} // namespace Etabli::Server
