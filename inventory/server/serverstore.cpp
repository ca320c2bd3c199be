// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "inventory/server/serverstore_p.h"

#include "inventory/assettag.h"
#include "inventory/domain.h"
#include "inventory/eventrules.h"
#include "inventory/privatefile.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QScopeGuard>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>
#include <QUrlQuery>

#include <algorithm>
#include <array>
#include <atomic>

namespace Etabli::Server {
#include <utility>

using Inventory::Event;

namespace {

Error sqlFailure(const QString &sql, const QSqlQuery &q)
{
    return makeError(
        ErrorCode::Io,
        QCoreApplication::translate("ServerStore", "server store: %1: %2").arg(sql.left(60), q.lastError().text()),
        QStringLiteral("sql"));
}

struct PgTarget {
    QString hosts; ///< one, or a comma-separated list libpq tries in turn
    int port = 0; ///< when every host has the same port
    QString user, password, database;
    QString options; ///< libpq keywords, `;`-separated (QPSQL's connect options)
};

/// postgresql://USER[:PASSWORD]@HOST[:PORT][,HOST[:PORT]…]/DB[?host=…&target_session_attrs=…]
/// (QUrl takes one host only). Query items other than `host` are passed to libpq as they are.
Result<PgTarget> parsePostgresUrl(const QString &url)
{
    const auto bad = [&url] {
        return makeError(ErrorCode::InvalidArgument,
                         QCoreApplication::translate("ServerStore", "invalid PostgreSQL URL %1").arg(url));
    };
    QString rest = url.mid(url.indexOf(QLatin1String("://")) + 3);
    const qsizetype slash = rest.indexOf(QLatin1Char('/'));
    if (slash <= 0)
        return bad();
    QString authority = rest.left(slash);
    QString path = rest.mid(slash + 1), queryText;
    if (const qsizetype q = path.indexOf(QLatin1Char('?')); q >= 0) {
        queryText = path.mid(q + 1);
        path = path.left(q);
    }
    PgTarget t;
    t.database = QUrl::fromPercentEncoding(path.toUtf8());
    if (const qsizetype at = authority.lastIndexOf(QLatin1Char('@')); at >= 0) {
        const QString user = authority.left(at);
        authority = authority.mid(at + 1);
        const qsizetype colon = user.indexOf(QLatin1Char(':'));
        t.user = QUrl::fromPercentEncoding(user.left(colon).toUtf8());
        if (colon >= 0)
            t.password = QUrl::fromPercentEncoding(user.mid(colon + 1).toUtf8());
    }
    QStringList hosts, ports;
    for (const QString &part : authority.split(QLatin1Char(','))) {
        QString host = part, port;
        const qsizetype close = part.lastIndexOf(QLatin1Char(']'));
        const qsizetype colon = part.lastIndexOf(QLatin1Char(':'));
        if (colon > close) {
            host = part.left(colon);
            port = part.mid(colon + 1);
            bool ok = false;
            if (port.toUInt(&ok) > 65535 || !ok)
                return bad();
        }
        if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
            host = host.mid(1, host.size() - 2);
        hosts << host;
        ports << port;
    }
    if (t.database.isEmpty() || hosts.contains(QString()))
        return bad();
    QStringList options;
    const QUrlQuery query(queryText);
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (key == QLatin1String("host"))
            hosts = value.split(QLatin1Char(','));
        else if (!key.isEmpty() && !key.contains(QLatin1Char(';')) && !value.contains(QLatin1Char(';')))
            options << key + QLatin1Char('=') + value;
        else
            return bad();
    }
    t.hosts = hosts.join(QLatin1Char(','));
    if (ports.size() == 1 || ports.count(ports.first()) == ports.size())
        t.port = ports.first().toInt();
    else
        options << QStringLiteral("port=") + ports.join(QLatin1Char(','));
    t.options = options.join(QLatin1Char(';'));
    return t;
}

} // namespace

bool ServerStore::Private::reconnectIfLost() const
{
    QSqlDatabase database = db();
    if (!postgres || database.isOpen())
        return false;
    // The server went away (restart, failover): start again on a new connection, which libpq
    // makes to the first host of the list that answers as asked (target_session_attrs).
    cache.clear();
    ++generation;
    database.close();
    if (!database.open())
        return false;
    QSqlQuery q(database);
    q.exec(QStringLiteral("SET client_min_messages TO WARNING"));
    return true;
}

Result<QSqlQuery> ServerStore::Private::run(const QString &sql, const QVariantList &binds) const
{
    WriterProfile::statement();
    QSqlQuery q(db());
    q.setForwardOnly(true);
    // QPSQL prepares through PREPARE, which refuses DDL: unbound statements run as is.
    if (binds.isEmpty()) {
        if (!q.exec(sql)) {
            const Error error = sqlFailure(sql, q);
            reconnectIfLost(); // this request fails; the next one finds a connection
            return error;
        }
        return q;
    }
    // Bound statements are prepared once and kept: the push path runs the same few
    // statements for every event. Callers read a result before running the same
    // statement again (every caller here does).
    auto cached = cache.find(sql);
    if (cached == cache.end()) {
        if (!q.prepare(sql)) {
            const Error error = sqlFailure(sql, q);
            reconnectIfLost();
            return error;
        }
        // A shallow copy sharing the result is exactly what the cache wants here.
        QT_WARNING_PUSH
        QT_WARNING_DISABLE_DEPRECATED
        cached = cache.insert(sql, q);
        QT_WARNING_POP
    }
    QSqlQuery &prepared = *cached;
    for (int i = 0; i < binds.size(); ++i) {
        const QVariant &v = binds[i];
        prepared.bindValue(
            i, v.typeId() == QMetaType::QString && v.toString().isNull() ? QVariant(QStringLiteral("")) : v);
    }
    if (!prepared.exec()) {
        const Error error = sqlFailure(sql, prepared);
        reconnectIfLost();
        return error;
    }
    QT_WARNING_PUSH
    QT_WARNING_DISABLE_DEPRECATED
    return prepared;
    QT_WARNING_POP
}

ServerStore::ServerStore()
    : d(std::make_unique<Private>())
{}

ServerStore::~ServerStore()
{
    d->cache.clear();
    d->finalizeSqlite();
    const QString name = d->connection;
    {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

bool ServerStore::isPostgres() const
{
    return d->postgres;
}

Result<std::unique_ptr<ServerStore>> ServerStore::open(const QString &url, OpenMode mode)
{
    static std::atomic<int> counter{0};
    std::unique_ptr<ServerStore> store(new ServerStore);
    store->d->connection = QStringLiteral("etabli-server-%1").arg(++counter);
    store->d->url = url;
    QSqlDatabase db;
    if (url.startsWith(QLatin1String("sqlite:"))) {
        const QString path = url.mid(7);
        if (path.isEmpty())
            return makeError(ErrorCode::InvalidArgument,
                             QCoreApplication::translate("ServerStore", "--db sqlite:PATH needs a path"));
        // The central file holds family names and contacts: owner only (hardening).
        if (auto dir = Inventory::PrivateFile::makeDir(QFileInfo(path).absolutePath()); !dir)
            return dir.error();
        if (!QFileInfo::exists(path))
            if (auto created = Inventory::PrivateFile::create(path);
                !created && created.error().code != ErrorCode::Conflict)
                return created.error();
        Inventory::PrivateFile::restrict(path);
        db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), store->d->connection);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    } else if (url.startsWith(QLatin1String("postgresql://")) || url.startsWith(QLatin1String("postgres://"))) {
        auto target = parsePostgresUrl(url);
        if (!target)
            return target.error();
        store->d->postgres = true;
        db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), store->d->connection);
        db.setHostName(target->hosts);
        if (target->port > 0)
            db.setPort(target->port);
        db.setUserName(target->user);
        db.setPassword(target->password);
        db.setDatabaseName(target->database);
        db.setConnectOptions(target->options);
    } else {
        return makeError(ErrorCode::InvalidArgument,
                         QCoreApplication::translate(
                             "ServerStore", "--db must be sqlite:PATH or postgresql://USER@HOST:PORT/DB (got «%1»)")
                             .arg(url));
    }
    if (!db.isValid())
        return makeError(
            ErrorCode::Unsupported,
            QCoreApplication::translate("ServerStore", "the Qt SQL driver for %1 is not installed").arg(url));
    if (!db.open())
        return makeError(
            ErrorCode::Io,
            QCoreApplication::translate("ServerStore", "cannot open %1: %2").arg(url, db.lastError().text()));
    if (!store->d->postgres) {
        // FULL: a push the server acknowledged survives a power cut.
        // A station's store (inventory/store.h) carries a user_version; never touch one.
        auto version = store->d->run(QStringLiteral("PRAGMA user_version"));
        if (!version || !version->next())
            return makeError(ErrorCode::Corrupt,
                             QCoreApplication::translate("ServerStore", "%1 is not an SQLite database").arg(url));
        const int userVersion = version->value(0).toInt();
        version->finish(); // an unfinished statement would hold a read transaction open
        if (userVersion != 0)
            return makeError(ErrorCode::Refused,
                             QCoreApplication::translate(
                                 "ServerStore", "%1 is a station's inventory, not a server database: give another file")
                                 .arg(url));
        // push (issue 17): cache_spill=8192 pages (32 MiB). A group of 500 events dirties more
        // pages than SQLite's default cache of 2 MiB holds (the UUID index and the projections'
        // keys are random); past it SQLite spills dirty pages into the WAL mid-transaction and
        // writes them again when they are touched again: 3 to 4 times the WAL bytes per commit,
        // two thirds of the writer's time at 100,000 events. With the threshold, a transaction
        // keeps its dirty pages (bounded: kGroupEvents a group) and writes each once at COMMIT;
        // the clean cache stays at its default size. Durability is the same (FULL, one fsync).
        for (const char *pragma : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA cache_spill=8192"})
            if (auto q = store->d->run(QString::fromLatin1(pragma)); !q)
                return q.error();
        // push (issue 17): the WAL is checkpointed on another thread, not in a push's COMMIT.
        if (auto c = store->d->checkpointInBackground(url.mid(7)); !c)
            return c.error();
    }
    if (store->d->postgres)
        if (auto q = store->d->run(QStringLiteral("SET client_min_messages TO WARNING")); !q)
            return q.error();
    store->d->catchUp = mode != OpenMode::Rebuild;
    if (mode != OpenMode::Attach)
        if (auto m = store->d->migrate(); !m)
            return m.error();
    return store;
}

Result<void> ServerStore::Private::migrate()
{
    const QString serial = postgres ? QStringLiteral("BIGSERIAL PRIMARY KEY") : QStringLiteral("INTEGER PRIMARY KEY");
    const QStringList schema{
        QStringLiteral("CREATE TABLE IF NOT EXISTS tokens (id %1, name TEXT NOT NULL, role TEXT NOT NULL,"
                       " hash TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL, revoked_at TEXT)")
            .arg(serial),
        QStringLiteral("CREATE TABLE IF NOT EXISTS events (seq %1, uuid TEXT NOT NULL UNIQUE, station TEXT NOT NULL,"
                       " worker TEXT NOT NULL, time TEXT NOT NULL, time_ms BIGINT NOT NULL, type TEXT NOT NULL,"
                       " asset_tag TEXT, payload TEXT NOT NULL, status TEXT NOT NULL, note TEXT NOT NULL,"
                       " received_at TEXT NOT NULL, pushed_by TEXT NOT NULL)")
            .arg(serial),
        QStringLiteral("CREATE INDEX IF NOT EXISTS events_asset ON events(asset_tag)"),
        // Kept by push() in the same transaction, so the dashboard never counts 10M rows.
        QStringLiteral("CREATE TABLE IF NOT EXISTS event_counts (type TEXT NOT NULL, status TEXT NOT NULL,"
                       " n BIGINT NOT NULL, PRIMARY KEY (type, status))"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS assets (tag TEXT PRIMARY KEY, kind TEXT NOT NULL,"
                       " state TEXT NOT NULL, lot TEXT NOT NULL, make TEXT NOT NULL, model TEXT NOT NULL,"
                       " serial TEXT NOT NULL, reserved_for TEXT NOT NULL, cycle INTEGER NOT NULL,"
                       " master_version TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL)"),
        QStringLiteral("CREATE INDEX IF NOT EXISTS assets_state ON assets(state)"),
        QStringLiteral("CREATE INDEX IF NOT EXISTS assets_lot ON assets(lot)"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS donors (name TEXT PRIMARY KEY, contact TEXT NOT NULL)"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS lots (reference TEXT PRIMARY KEY, donor TEXT NOT NULL,"
                       " expected_count BIGINT NOT NULL, received_at TEXT NOT NULL)"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS kits (reference TEXT PRIMARY KEY, asset_tag TEXT NOT NULL)"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS beneficiaries (reference TEXT PRIMARY KEY,"
                       " school_id TEXT NOT NULL, school TEXT NOT NULL, class TEXT NOT NULL,"
                       " family_name TEXT NOT NULL, contact TEXT NOT NULL)"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS handovers (id %1, asset_tag TEXT NOT NULL,"
                       " beneficiary TEXT NOT NULL, handed_over_at TEXT NOT NULL, warranty_until TEXT NOT NULL,"
                       " master_version TEXT NOT NULL, returned_at TEXT)")
            .arg(serial),
        QStringLiteral("CREATE INDEX IF NOT EXISTS handovers_asset ON handovers(asset_tag)"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS hs_parts (id %1, asset_tag TEXT NOT NULL, part TEXT NOT NULL,"
                       " reason TEXT NOT NULL, recorded_at TEXT NOT NULL)")
            .arg(serial),
    };
    QSqlDatabase database = db();
    // Several servers may start at once on one database: one upgrades, the others wait.
    const auto writer = lockWriter();
    if (auto begun = beginWrite(); !begun)
        return begun.error();
    for (const QString &sql : schema)
        if (auto q = run(sql); !q) {
            database.rollback();
            return q.error();
        }
    // Counts missing while events exist (a database filled by other means): rebuilt once.
    auto counted = run(QStringLiteral("SELECT 1 FROM event_counts LIMIT 1"));
    auto logged = run(QStringLiteral("SELECT 1 FROM events LIMIT 1"));
    if (!counted || !logged) {
        database.rollback();
        return !counted ? counted.error() : logged.error();
    }
    const bool rebuild = !counted->next() && logged->next();
    counted->finish();
    logged->finish();
    if (rebuild)
        if (auto q = run(QStringLiteral("INSERT INTO event_counts SELECT type, status, count(*) FROM events"
                                        " GROUP BY type, status"));
            !q) {
            database.rollback();
            return q.error();
        }
    if (auto f = migrateFigures(); !f) {
        idle();
        database.rollback();
        return f.error();
    }
    if (auto x = migrateErasures(); !x) { // erasures (engineer "erasure"): serverstore_erasure.cpp
        idle();
        database.rollback();
        return x.error();
    }
    if (auto p = migrateProjections(); !p) { // projections (engineer "proj"): serverstore_projections.cpp
        idle();
        database.rollback();
        return p.error();
    }
    if (auto x = migrateDesk(); !x) { // desk (engineer "deskserver"): serverstore_desk_records.cpp
        idle();
        database.rollback();
        return x.error();
    }
    idle();
    if (!database.commit())
        return makeError(ErrorCode::Io,
                         QCoreApplication::translate("ServerStore", "cannot commit the schema: %1")
                             .arg(database.lastError().text()));
    return {};
}

namespace {

/// push (issue 17): `values` as one PostgreSQL text[] literal, bound as one parameter
/// (`= ANY(CAST(? AS text[]))`): Qt's PostgreSQL driver sends every bound parameter as a
/// quoted literal the backend parses apart, so one array costs less than 500 of them.
QString pgTextArray(const QStringList &values)
{
    QString a;
    a.reserve(40 * values.size() + 2);
    a += QLatin1Char('{');
    for (const QString &v : values) {
        if (a.size() > 1)
            a += QLatin1Char(',');
        a += QLatin1Char('"');
        for (const QChar c : v) {
            if (c == QLatin1Char('"') || c == QLatin1Char('\\'))
                a += QLatin1Char('\\');
            a += c;
        }
        a += QLatin1Char('"');
    }
    a += QLatin1Char('}');
    return a;
}

/// The columns of an AssetSnapshot, in the order snapshotAt() reads them.
const auto kSnapshotColumns = QLatin1String("kind, state, reserved_for, cycle, lot, make, model, serial");

Inventory::EventRules::AssetSnapshot snapshotAt(const QSqlQuery &a, int at)
{
    return {true,
            Inventory::assetKindFromString(a.value(at).toString()).value_or(Inventory::AssetKind::Part),
            Inventory::assetStateFromString(a.value(at + 1).toString()).value_or(Inventory::AssetState::Received),
            a.value(at + 2).toString(),
            a.value(at + 3).toInt(),
            a.value(at + 4).toString(),
            a.value(at + 5).toString(),
            a.value(at + 6).toString(),
            a.value(at + 7).toString()};
}

} // namespace

Result<void> ServerStore::Private::prefetchAssets(const QStringList &tags) const
{
    if (postgres) { // push (issue 17): one statement, one array parameter
        if (tags.isEmpty())
            return {};
        auto a
            = run(QStringLiteral("SELECT tag, %1 FROM assets WHERE tag = ANY(CAST(? AS text[]))").arg(kSnapshotColumns),
                  {pgTextArray(tags)});
        if (!a)
            return a.error();
        for (const QString &tag : tags)
            assetCache.insert(tag, {});
        while (a->next())
            assetCache.insert(a->value(0).toString(), snapshotAt(*a, 1));
        a->finish();
        return {};
    }
    // Largest chunks first, as storeBatch does: few statement shapes, few round trips.
    for (qsizetype at = 0; at < tags.size();) {
        qsizetype n = 1;
        for (qsizetype c : {100, 50, 20, 10, 5, 2, 1})
            if (c <= tags.size() - at) {
                n = c;
                break;
            }
        const QStringList chunk = tags.mid(at, n);
        auto a = run(QStringLiteral("SELECT tag, %1 FROM assets WHERE tag IN (%2)")
                         .arg(kSnapshotColumns, QStringList(n, QStringLiteral("?")).join(QStringLiteral(", "))),
                     QVariantList(chunk.cbegin(), chunk.cend()));
        if (!a)
            return a.error();
        for (const QString &tag : chunk)
            assetCache.insert(tag, {});
        while (a->next())
            assetCache.insert(a->value(0).toString(), snapshotAt(*a, 1));
        a->finish();
        at += n;
    }
    return {};
}

// --- tokens

Result<Inventory::EventRules::Before> ServerStore::Private::before(const Event &e) const
{
    Inventory::EventRules::Before b;
    const auto found = [this](const QString &sql, const QVariantList &binds) -> Result<bool> {
        auto q = run(sql, binds);
        if (!q)
            return q.error();
        const bool there = q->next();
        q->finish();
        return there;
    };
    if (!e.assetTag.isEmpty()) {
        if (assetCacheOn)
            if (auto cached = assetCache.constFind(e.assetTag); cached != assetCache.constEnd())
                b.asset = *cached;
        if (!assetCacheOn || !assetCache.contains(e.assetTag)) {
            auto a = run(QStringLiteral("SELECT %1 FROM assets WHERE tag = ?").arg(kSnapshotColumns), {e.assetTag});
            if (!a)
                return a.error();
            if (a->next())
                b.asset = snapshotAt(*a, 0);
            a->finish();
            if (assetCacheOn)
                assetCache.insert(e.assetTag, b.asset);
        }
    }
    if (auto looked = Inventory::EventRules::lookUp(e, found, b); !looked)
        return looked.error();
    return b;
}

Result<QString> ServerStore::Private::apply(const Event &e, bool strict)
{
    namespace EventType = Inventory::EventType;
    auto b = before(e);
    if (!b)
        return b.error();
    const bool aboutAsset = !e.assetTag.isEmpty();
    // Every event here was validated by push() before it queued (storeBatch's only caller).
    auto decided = Inventory::EventRules::applyValidated(*b, e);
    // An event about an asset this server does not know yet is refused (422), not kept:
    // the bench offers it again once its asset.added has arrived.
    if (!decided && aboutAsset && !b->asset.exists && e.type != EventType::AssetAdded)
        return makeError(
            ErrorCode::NotFound,
            QCoreApplication::translate("ServerStore", "event %1: %2").arg(e.uuid, decided.error().message),
            QStringLiteral("unknown_asset"));
    if (!decided) {
        // The rules refused: a station's event is kept as overridden (the conflict
        // rule); an event the server makes itself is refused and nothing is stored.
        if (strict || decided.error().code == ErrorCode::InvalidArgument)
            return decided.error();
        return decided.error().message;
    }
    const Inventory::EventRules::After &after = *decided;
    // desk (engineer "deskserver"): the desk records' projections and cross-desk rules (serverstore_desk_records.cpp)
    if (auto desk = applyDesk(e, strict); !desk || !desk->isEmpty())
        return desk;
    // The types below that write the asset's row: its cached snapshot would be stale.
    if (e.type == EventType::AssetAdded || e.type == EventType::AssetMoved || e.type == EventType::AssetUpdated
        || e.type == EventType::ImagingRecorded)
        assetCache.remove(e.assetTag);
    const auto str = [&e](const char *key) { return e.payload.value(QLatin1String(key)).toString().trimmed(); };
    const QString when = Inventory::isoTime(e.time);
    const auto done = [](const Result<QSqlQuery> &q) -> Result<QString> {
        if (!q)
            return q.error();
        return QString();
    };
    if (e.type == EventType::DonorAdded)
        return done(
            run(QStringLiteral("INSERT INTO donors(name, contact) VALUES(?, ?)"), {str("name"), str("contact")}));
    if (e.type == EventType::LotAdded) {
        if (!str("donor").isEmpty()) {
            auto dx = run(QStringLiteral("SELECT 1 FROM donors WHERE name = ?"), {str("donor")});
            if (!dx)
                return dx.error();
            const bool known = dx->next();
            dx->finish();
            if (!known)
                if (auto q = run(QStringLiteral("INSERT INTO donors(name, contact) VALUES(?, '')"), {str("donor")}); !q)
                    return q.error();
        }
        const QString received = str("received_at").isEmpty() ? when.left(10) : str("received_at");
        return done(run(QStringLiteral("INSERT INTO lots(reference, donor, expected_count, received_at)"
                                       " VALUES(?, ?, ?, ?)"),
                        {str("reference"), str("donor"), e.payload.value(QStringLiteral("expected_count")).toInteger(0),
                         received}));
    }
    if (e.type == EventType::BeneficiaryAdded)
        return done(
            run(QStringLiteral("INSERT INTO beneficiaries(reference, school_id, school, class, family_name,"
                               " contact) VALUES(?, ?, ?, ?, ?, ?) ON CONFLICT(reference) DO UPDATE SET"
                               " school_id = excluded.school_id, school = excluded.school,"
                               " class = excluded.class, family_name = excluded.family_name,"
                               " contact = excluded.contact"),
                {str("reference"), str("school_id"), str("school"), str("class"), str("family_name"), str("contact")}));
    if (!aboutAsset)
        return QString(); // worker.added, station.added: kept in the log only

    const Inventory::EventRules::AssetSnapshot &a = after.asset;
    if (e.type == EventType::AssetAdded)
        return done(run(QStringLiteral("INSERT INTO assets(tag, kind, state, lot, make, model, serial, reserved_for,"
                                       " cycle, master_version, created_at, updated_at)"
                                       " VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?)"),
                        {e.assetTag, Inventory::toString(a.kind), Inventory::toString(a.state), a.lot, a.make, a.model,
                         a.serial, a.reservedFor, a.cycle, when, when}));
    if (e.type == EventType::AssetMoved) {
        if (after.handover) {
            auto m = run(QStringLiteral("SELECT master_version FROM assets WHERE tag = ?"), {e.assetTag});
            if (!m)
                return m.error();
            const QString master = m->next() ? m->value(0).toString() : QString();
            m->finish();
            if (auto q = run(QStringLiteral("INSERT INTO handovers(asset_tag, beneficiary, handed_over_at,"
                                            " warranty_until, master_version) VALUES(?, ?, ?, ?, ?)"),
                             {e.assetTag, after.handover->beneficiary, when, after.handover->warrantyUntil, master});
                !q)
                return q.error();
        }
        if (after.returnedBy)
            if (auto q = run(QStringLiteral("UPDATE handovers SET returned_at = ? WHERE asset_tag = ?"
                                            " AND returned_at IS NULL"),
                             {when, e.assetTag});
                !q)
                return q.error();
        return done(run(QStringLiteral("UPDATE assets SET state = ?, reserved_for = ?, cycle = ?, updated_at = ?"
                                       " WHERE tag = ?"),
                        {Inventory::toString(a.state), a.reservedFor, a.cycle, when, e.assetTag}));
    }
    if (e.type == EventType::KitCreated)
        return done(
            run(QStringLiteral("INSERT INTO kits(reference, asset_tag) VALUES(?, ?)"), {str("reference"), e.assetTag}));
    if (e.type == EventType::HsRecorded)
        return done(run(QStringLiteral("INSERT INTO hs_parts(asset_tag, part, reason, recorded_at) VALUES(?, ?, ?, ?)"),
                        {e.assetTag, str("part").toLower(), str("reason").toLower(), when}));
    if (e.type == EventType::ImagingRecorded && e.payload.value(QStringLiteral("verified")).toBool())
        return done(run(QStringLiteral("UPDATE assets SET master_version = ?, updated_at = ? WHERE tag = ?"),
                        {str("master_version"), when, e.assetTag}));
    if (e.type == EventType::AssetUpdated)
        return done(run(QStringLiteral("UPDATE assets SET make = ?, model = ?, serial = ? WHERE tag = ?"),
                        {a.make, a.model, a.serial, e.assetTag}));
    // erasures (engineer "erasure"): the second-person check projection (serverstore_erasure.cpp)
    if (e.type == EventType::ErasureRecorded || e.type == EventType::ErasureChecked) {
        if (auto x = applyErasure(e); !x)
            return x.error();
    }
    return QString();
}

Result<PushOutcome> ServerStore::create(const Event &event, const QString &createdBy)
{
    auto outcome = d->push({event}, createdBy, true);
    if (!outcome)
        return outcome.error();
    return outcome->first();
}

Result<QList<PushOutcome>> ServerStore::push(const QList<Event> &events, const QString &pushedBy)
{
    return d->push(events, pushedBy, false);
}

Result<QList<PushOutcome>> ServerStore::Private::push(const QList<Event> &events, const QString &pushedBy, bool strict)
{
    // Everything is checked before anything is written; the transaction is the
    // second line: an unknown asset found while applying rolls the batch back.
    QElapsedTimer validating;
    if (WriterProfile::on())
        validating.start();
    for (const Event &e : events)
        if (auto valid = Inventory::EventRules::validate(e); !valid)
            return makeError(
                valid.error().code,
                QCoreApplication::translate("ServerStore", "event %1: %2").arg(e.uuid, valid.error().message),
                valid.error().detail);
    const QList<ReadyRow> rows = readyRows(events);
    if (WriterProfile::on()) {
        WriterProfile::handler(WriterProfile::Validate, validating.nsecsElapsed());
        validating.start();
    }
    // push (issue 17): the UUIDs already stored, read on this thread's own connection before
    // the writer's turn, so the serial section does not wait for it (storeBatch() trusts it
    // and the log's unique UUID catches what was stored in between).
    QStringList uuids;
    uuids.reserve(events.size());
    for (const Event &e : events)
        uuids.append(e.uuid);
    auto precheck = storedOutcomes(uuids);
    idle();
    if (TestHooks::afterPrecheck)
        std::exchange(TestHooks::afterPrecheck, {})(); // once: the hook's own push does not run it again
    if (WriterProfile::on())
        WriterProfile::handler(WriterProfile::Precheck, validating.nsecsElapsed());
    // Written with whatever other pushes wait meanwhile, in one transaction (serverstore_writer.cpp).
    auto stored = commitInGroup(events, rows, pushedBy, strict, precheck ? &*precheck : nullptr);
    if (stored) // desk (engineer "deskserver"): an erasure's log redaction, once committed
        if (auto erased = afterDeskErasure(events); !erased)
            qWarning("erasure: %s", qPrintable(erased.error().message));
    return stored;
}

namespace {

/// Rows per multi-row statement, largest first: few statement shapes to prepare, few
/// round trips per batch (a round trip per statement is what PostgreSQL costs most).
constexpr qsizetype kChunks[] = {500, 100, 50, 20, 10, 5, 2, 1};

/// At most this many parameters in one SQLite statement: Qt's SQLite driver looks each
/// bound parameter up by its position in a list, so a statement's binding costs the
/// square of its parameters (6,000 of them made a push three times slower). SQLite has
/// no round trip to save; PostgreSQL takes the biggest chunks.
constexpr qsizetype kSqliteParameters = 600;

template<typename Each>
void inChunks(qsizetype total, qsizetype maxRows, Each each)
{
    for (qsizetype at = 0; at < total;) {
        qsizetype n = 1;
        for (qsizetype c : kChunks)
            if (c <= total - at && c <= maxRows) {
                n = c;
                break;
            }
        each(at, n);
        at += n;
    }
}

} // namespace

std::function<void()> TestHooks::afterPrecheck;

Result<QHash<QString, PushOutcome>> ServerStore::Private::storedOutcomes(const QStringList &uuids) const
{
    if (!postgres)
        return storedOutcomesSqlite(uuids);
    QHash<QString, PushOutcome> known;
    if (uuids.isEmpty())
        return known;
    // push (issue 17): one statement, one array parameter
    auto x = run(QStringLiteral("SELECT uuid, seq, status, note FROM events WHERE uuid = ANY(CAST(? AS text[]))"),
                 {pgTextArray(uuids)});
    if (!x)
        return x.error();
    while (x->next())
        known.insert(x->value(0).toString(),
                     PushOutcome{x->value(0).toString(), false, x->value(1).toLongLong(), x->value(2).toString(),
                                 x->value(3).toString()});
    x->finish();
    return known;
}

Result<QList<PushOutcome>> ServerStore::Private::storeBatch(const QList<Piece> &pieces, const QString &received,
                                                            bool trustPrecheck)
{
    // Every event of every piece, in order, with the piece it comes from.
    QList<const Event *> all;
    QList<const Piece *> from;
    QList<ReadyRow> made; // rows of pieces that came without them (none from push())
    QList<const ReadyRow *> rows;
    for (const Piece &p : pieces) {
        const QList<ReadyRow> *ready = p.rows;
        if (!ready || ready->size() != p.events->size()) {
            made.append(readyRows(*p.events));
            ready = nullptr;
        }
        for (qsizetype i = 0; i < p.events->size(); ++i) {
            all.append(&p.events->at(i));
            from.append(&p);
            rows.append(ready ? &ready->at(i) : nullptr);
        }
    }
    for (qsizetype i = 0, m = 0; i < rows.size(); ++i)
        if (!rows[i])
            rows[i] = &made.at(m++);

    // The UUIDs already stored: read by each handler before its turn (push(), outside the
    // writer's serial section) or here, inside it.
    QHash<QString, PushOutcome> known;
    const bool trusted = trustPrecheck
        && std::all_of(pieces.cbegin(), pieces.cend(), [](const Piece &p) { return p.precheck != nullptr; });
    if (trusted) {
        for (const Piece &p : pieces)
            known.insert(*p.precheck);
    } else {
        QStringList uuids;
        uuids.reserve(all.size());
        for (const Event *e : std::as_const(all))
            uuids.append(e->uuid);
        auto stored = storedOutcomes(uuids);
        if (!stored)
            return stored.error();
        known = std::move(*stored);
    }
    WriterProfile::mark(WriterProfile::Known);

    // The assets of the new events, read together (before() reads them from there).
    QStringList tags;
    QSet<QString> seen;
    for (const Event *e : std::as_const(all))
        if (!e->assetTag.isEmpty() && !known.contains(e->uuid) && !seen.contains(e->assetTag)) {
            seen.insert(e->assetTag);
            tags.append(e->assetTag);
        }
    assetCacheOn = true;
    const auto noCache = qScopeGuard([this] {
        assetCacheOn = false;
        assetCache.clear();
    });
    if (auto read = prefetchAssets(tags); !read)
        return read.error();
    WriterProfile::mark(WriterProfile::Prefetch);

    // Applied one by one in arrival order (apply reads the state tables, never these
    // rows of `events`), then appended together below.
    QList<PushOutcome> out;
    QList<qsizetype> fresh; // indexes in `all`
    QHash<QPair<QString, QString>, qint64> counts;
    for (qsizetype i = 0; i < all.size(); ++i) {
        const Event &e = *all[i];
        if (auto k = known.constFind(e.uuid); k != known.constEnd()) {
            out.append(*k);
            continue;
        }
        auto note = apply(e, from[i]->strict);
        if (!note)
            return note.error();
        const QString status = note->isEmpty() ? QStringLiteral("applied") : QStringLiteral("overridden");
        out.append(PushOutcome{e.uuid, true, 0, status, *note});
        known.insert(e.uuid, PushOutcome{e.uuid, false, 0, status, *note}); // twice: stored once
        fresh.append(i);
        ++counts[{e.type, status}];
    }

    WriterProfile::mark(WriterProfile::Apply);

    // seq is given in VALUES order; read back by UUID, since RETURNING promises no order.
    QHash<QString, qint64> seqs;
    if (!postgres) {
        // push (issue 17): SQLite has no round trip to save; one prepared single-row
        // INSERT stepped per event through SQLite's own API is the cheapest append (no
        // QVariant per value, no lookup of each parameter: the writer's time is everyone's).
        for (qsizetype i : std::as_const(fresh)) {
            const Event &e = *all[i];
            const PushOutcome verdict = known.value(e.uuid);
            auto seq = appendSqlite(e, *rows[i], verdict.status, verdict.note, received, *from[i]->pushedBy);
            if (!seq)
                return seq.error();
            seqs.insert(e.uuid, *seq);
        }
    }
    if (postgres && !fresh.isEmpty()) {
        // push (issue 17): the whole group in one statement whose columns are 11 arrays.
        // A multi-row VALUES of 500 rows is 6,000 parameters, which Qt's PostgreSQL driver
        // sends as 6,000 quoted literals in an EXECUTE that the backend parses one by one;
        // 11 array literals cost a fraction of that on both sides. WITH ORDINALITY ... ORDER
        // BY keeps the arrival order, so seq follows it as it did with VALUES.
        enum { Uuid, Station, Worker, Time, TimeMs, Type, Tag, Payload, Status, Note, PushedBy, Columns };
        std::array<QString, Columns> arrays;
        for (QString &a : arrays) {
            a.reserve(64 * fresh.size());
            a += QLatin1Char('{');
        }
        const auto add = [&arrays](int column, const QString &value, bool null = false) {
            QString &a = arrays[column];
            if (a.size() > 1)
                a += QLatin1Char(',');
            if (null) {
                a += QLatin1String("NULL");
                return;
            }
            appendPgArrayText(a, value);
        };
        for (qsizetype i : std::as_const(fresh)) {
            const Event &e = *all[i];
            const PushOutcome verdict = known.value(e.uuid);
            add(Uuid, e.uuid);
            add(Station, e.station);
            add(Worker, e.worker);
            add(Time, rows[i]->time);
            add(TimeMs, QString::number(rows[i]->timeMs));
            add(Type, e.type);
            add(Tag, e.assetTag, e.assetTag.isEmpty());
            add(Payload, rows[i]->payload);
            add(Status, verdict.status);
            add(Note, verdict.note);
            add(PushedBy, *from[i]->pushedBy);
        }
        QList<QByteArray> params{received.toUtf8()};
        for (QString &a : arrays)
            params << (a + QLatin1Char('}')).toUtf8();
        // Through libpq, not Qt's driver (serverstore_libpq.cpp): the arrays go as they are.
        auto ins = runPq("etabli_append",
                         "INSERT INTO events(uuid, station, worker, time, time_ms, type, asset_tag, payload, status,"
                         " note, received_at, pushed_by) SELECT u, s, w, t, ms, ty, a, p, st, n, CAST($1 AS text), pb"
                         " FROM unnest(CAST($2 AS text[]), CAST($3 AS text[]), CAST($4 AS text[]), CAST($5 AS text[]),"
                         " CAST($6 AS bigint[]), CAST($7 AS text[]), CAST($8 AS text[]), CAST($9 AS text[]),"
                         " CAST($10 AS text[]), CAST($11 AS text[]), CAST($12 AS text[])) WITH ORDINALITY"
                         " AS x(u, s, w, t, ms, ty, a, p, st, n, pb, o) ORDER BY o RETURNING uuid, seq",
                         params);
        if (!ins)
            return ins.error();
        for (int r = 0, n = ins->rows(); r < n; ++r)
            seqs.insert(QString::fromLatin1(ins->text(r, 0)), ins->text(r, 1).toLongLong());
    }
    if (seqs.size() != fresh.size())
        return makeError(ErrorCode::Internal,
                         QCoreApplication::translate("ServerStore", "the server store returned no sequence number"));
    for (PushOutcome &o : out)
        if (o.seq == 0)
            o.seq = seqs.value(o.uuid);
    // push (issue 17): the rows just appended, for the projections (as updateProjections()
    // would read them back from the log), in seq order.
    QList<Appended> appendedNow;
    appendedNow.reserve(fresh.size());
    for (qsizetype i : std::as_const(fresh)) {
        const Event &e = *all[i];
        const PushOutcome verdict = known.value(e.uuid);
        Appended a;
        a.event.seq = seqs.value(e.uuid);
        a.event.uuid = e.uuid;
        a.event.station = e.station;
        a.event.worker = e.worker;
        a.event.time = QDateTime::fromMSecsSinceEpoch(rows[i]->timeMs, Qt::UTC);
        a.event.type = e.type;
        a.event.assetTag = e.assetTag;
        a.event.payload = e.payload;
        a.event.status = verdict.status;
        a.event.note = verdict.note;
        a.receivedAt = received;
        a.pushedBy = *from[i]->pushedBy;
        appendedNow.append(std::move(a));
    }
    std::sort(appendedNow.begin(), appendedNow.end(),
              [](const Appended &a, const Appended &b) { return a.event.seq < b.event.seq; });
    WriterProfile::mark(WriterProfile::Insert);
    const auto countsDone = qScopeGuard([] { WriterProfile::mark(WriterProfile::Counts); });
    for (auto c = counts.cbegin(); c != counts.cend(); ++c)
        if (auto q = run(QStringLiteral("INSERT INTO event_counts(type, status, n) VALUES(?, ?, ?)"
                                        " ON CONFLICT(type, status) DO UPDATE SET n = event_counts.n + excluded.n"),
                         {c.key().first, c.key().second, c.value()});
            !q)
            return q.error();
    appended.append(std::move(appendedNow)); // stored: only now part of the transaction's appends
    return out;
}

Result<QJsonArray> ServerStore::pull(qint64 since, int limit, bool withFamilyData, qint64 *last, bool *more) const
{
    QString sql = QStringLiteral("SELECT seq, uuid, station, worker, time, type, asset_tag, payload, status, note"
                                 " FROM events WHERE seq > ?");
    if (!withFamilyData)
        sql += QStringLiteral(" AND type NOT IN ('%1')")
                   .arg(Inventory::EventRules::familyDataTypes().join(QStringLiteral("', '")));
    sql += QStringLiteral(" ORDER BY seq LIMIT %1").arg(limit + 1);
    // One snapshot for the page and for the end of the log below: read apart, an event
    // committed in between (another thread or server) would be jumped over by the cursor.
    QSqlDatabase database = d->db();
    if (!database.transaction() && (!d->reconnectIfLost() || !database.transaction()))
        return makeError(ErrorCode::Io,
                         QCoreApplication::translate("ServerStore", "cannot start a transaction: %1")
                             .arg(database.lastError().text()));
    if (d->postgres)
        if (auto iso = d->run(QStringLiteral("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")); !iso) {
            database.rollback();
            return iso.error();
        }
    const auto end = qScopeGuard([this, &database] {
        d->idle();
        database.commit();
    });
    auto q = d->run(sql, {since});
    if (!q)
        return q.error();
    QJsonArray out;
    *last = since;
    *more = false;
    while (q->next()) {
        if (out.size() == limit) {
            *more = true;
            break;
        }
        Event e;
        e.type = q->value(5).toString();
        e.payload = QJsonDocument::fromJson(q->value(7).toString().toUtf8()).object();
        // A bench never sees a desk's free-text note (it may name a family).
        const QJsonObject payload = withFamilyData ? e.payload : Inventory::EventRules::stationPayload(e);
        QJsonObject o{
            {QStringLiteral("seq"), q->value(0).toLongLong()},
            {QStringLiteral("uuid"), q->value(1).toString()},
            {QStringLiteral("station"), q->value(2).toString()},
            {QStringLiteral("worker"), q->value(3).toString()},
            {QStringLiteral("time"), q->value(4).toString()},
            {QStringLiteral("type"), q->value(5).toString()},
            {QStringLiteral("asset_tag"),
             q->value(6).isNull() || q->value(6).toString().isEmpty() ? QJsonValue()
                                                                      : QJsonValue(q->value(6).toString())},
            {QStringLiteral("payload"), payload},
            {QStringLiteral("status"), q->value(8).toString()},
        };
        if (!q->value(9).toString().isEmpty())
            o.insert(QStringLiteral("note"), q->value(9).toString());
        out.append(o);
        *last = q->value(0).toLongLong();
    }
    d->idle();
    // Skipped family events still move the cursor past them.
    if (!*more && !withFamilyData) {
        auto m = d->run(QStringLiteral("SELECT max(seq) FROM events"));
        if (m && m->next() && m->value(0).toLongLong() > *last)
            *last = m->value(0).toLongLong();
    }
    return out;
}

qint64 ServerStore::eventCount() const
{
    auto q = d->run(QStringLiteral("SELECT coalesce(sum(n), 0) FROM event_counts"));
    return q && q->next() ? q->value(0).toLongLong() : -1;
}

bool ServerStore::healthy() const
{
    const quint64 connection = d->generation;
    auto q = d->run(QStringLiteral("SELECT 1"));
    if (!q && d->generation != connection) // it was lost and is back: ask the new one
        q = d->run(QStringLiteral("SELECT 1"));
    return q && q->next();
}

// --- reads

} // namespace Etabli::Server
