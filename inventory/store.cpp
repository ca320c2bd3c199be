// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "inventory/assettag.h"
#include "inventory/eventrules.h"
#include "inventory/eventtypes.h"
#include "inventory/privatefile.h"
#include "inventory/schema.h"
#include "inventory/store_p.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QUuid>

#include <atomic>
#include <cerrno>
#include <cstring>

#include <unistd.h>

namespace Etabli::Inventory {

namespace {

QJsonObject parseObject(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

} // namespace

Error sqlError(const QSqlQuery &query, const QString &what)
{
    return makeError(
        ErrorCode::Io,
        QCoreApplication::translate("Store", "inventory store: %1: %2").arg(what, query.lastError().text()),
        QStringLiteral("sql"));
}

Result<QSqlQuery> Store::Private::run(const QString &sql, const QVariantList &binds) const
{
    QSqlQuery q(db());
    if (!q.prepare(sql))
        return sqlError(q, sql.left(60));
    // A null QString would bind as SQL NULL; only an invalid QVariant means NULL here.
    for (const QVariant &v : binds)
        q.addBindValue(v.typeId() == QMetaType::QString && v.toString().isNull() ? QVariant(QStringLiteral("")) : v);
    if (!q.exec())
        return sqlError(q, sql.left(60));
    return q;
}

Result<void> Store::Private::begin()
{
    auto q = run(depth == 0 ? QStringLiteral("BEGIN IMMEDIATE") : QStringLiteral("SAVEPOINT s%1").arg(depth));
    if (!q)
        return q.error();
    ++depth;
    return {};
}

Result<void> Store::Private::finish(bool commit)
{
    --depth;
    QStringList sql;
    if (depth == 0)
        sql << (commit ? QStringLiteral("COMMIT") : QStringLiteral("ROLLBACK"));
    else if (commit)
        sql << QStringLiteral("RELEASE s%1").arg(depth);
    else
        sql << QStringLiteral("ROLLBACK TO s%1").arg(depth) << QStringLiteral("RELEASE s%1").arg(depth);
    for (const QString &s : sql)
        if (auto q = run(s); !q)
            return q.error();
    return {};
}

std::optional<qint64> Store::Private::assetId(const QString &tag) const
{
    auto q = run(QStringLiteral("SELECT id FROM assets WHERE tag = ?"), {tag});
    if (q && q->next())
        return q->value(0).toLongLong();
    return std::nullopt;
}

Event Store::Private::makeEvent(const QString &type, const QString &tag, const QJsonObject &payload) const
{
    Event e;
    e.uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    e.station = identity.station;
    e.worker = identity.worker;
    e.time = QDateTime::currentDateTimeUtc();
    e.type = type;
    e.assetTag = tag;
    e.payload = payload;
    return e;
}

Store::Store()
    : d(std::make_unique<Private>())
{}

Store::~Store()
{
    const QString name = d->connection;
    {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

namespace {

/// SQLite's primary result code of a failed statement (QSQLITE reports it as the
/// native error code).
int sqliteCode(const QSqlError &error)
{
    return error.nativeErrorCode().toInt() & 0xff;
}

/// Damaged data (5) or the system refusing (6): a full disk or an I/O error is not a
/// corrupt inventory, and a corrupt one is not "not found".
ErrorCode openFailureCode(const QSqlError &error)
{
    constexpr int kCorrupt = 11, kFormat = 24, kNotADatabase = 26;
    const int code = sqliteCode(error);
    return code == kCorrupt || code == kFormat || code == kNotADatabase ? ErrorCode::Corrupt : ErrorCode::Io;
}

Error openFailure(const QString &path, const QSqlError &error)
{
    const ErrorCode code = openFailureCode(error);
    const QString why = error.databaseText().isEmpty() ? error.text() : error.databaseText();
    return makeError(code,
                     code == ErrorCode::Corrupt
                         ? QCoreApplication::translate("Store", "%1 is not a usable inventory: %2").arg(path, why)
                         : QCoreApplication::translate("Store", "cannot use the inventory %1: %2").arg(path, why),
                     code == ErrorCode::Corrupt ? QStringLiteral("corrupt_store") : QStringLiteral("store_io"));
}

std::atomic<int> g_connections{0};

} // namespace

Result<std::unique_ptr<Store>> Store::open(const QString &path, const Identity &identity, int upToVersion)
{
    const QFileInfo info(path);
    if (auto dir = PrivateFile::makeDir(info.absolutePath()); !dir)
        return dir.error();
    if (!info.exists()) {
        // Only a missing file makes a new inventory. It is built aside and linked into
        // place complete, so a crash while creating it never leaves an empty file that
        // would later pass for a damaged store (or, worse, for a new one).
        const QString temp = QStringLiteral("%1.new-%2-%3")
                                 .arg(path)
                                 .arg(QCoreApplication::applicationPid())
                                 .arg(QUuid::createUuid().toString(QUuid::Id128).left(8));
        const auto cleanup = [&temp] {
            for (const char *suffix : {"", "-wal", "-shm", "-journal"})
                QFile::remove(temp + QLatin1String(suffix));
        };
        if (auto c = PrivateFile::create(temp); !c)
            return c.error();
        {
            auto fresh = openFile(temp, identity, upToVersion);
            if (!fresh) {
                cleanup();
                Error e = fresh.error();
                e.message.replace(temp, path);
                return e;
            }
        } // closed: the last connection checkpoints and removes the WAL
        const bool linked = ::link(QFile::encodeName(temp).constData(), QFile::encodeName(path).constData()) == 0;
        const int linkError = errno;
        cleanup();
        if (!linked && linkError != EEXIST) // EEXIST: another process made it first, use theirs
            return makeError(ErrorCode::Io,
                             QCoreApplication::translate("Store", "cannot create the inventory %1: %2")
                                 .arg(path, QString::fromLocal8Bit(std::strerror(linkError))));
    } else if (info.isFile() && info.size() == 0 && QFileInfo(path + QStringLiteral("-wal")).size() == 0) {
        return makeError(ErrorCode::Corrupt,
                         QCoreApplication::translate("Store",
                                                     "%1 is empty: the inventory is damaged (a new one is made "
                                                     "only where there is no file; move this one away first)")
                             .arg(path),
                         QStringLiteral("corrupt_store"));
    }
    PrivateFile::restrict(path);
    return openFile(path, identity, upToVersion);
}

Result<std::unique_ptr<Store>> Store::openFile(const QString &path, const Identity &identity, int upToVersion)
{
    std::unique_ptr<Store> store(new Store);
    store->d->connection = QStringLiteral("etabli-store-%1").arg(++g_connections);
    store->d->path = path;
    store->d->identity = identity;

    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), store->d->connection);
    db.setDatabaseName(path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    if (!db.open())
        return openFailure(path, db.lastError());

    // WAL keeps readers and the writer apart; FULL makes every commit durable, so a
    // power cut never loses a change a worker saw confirmed.
    for (const char *pragma : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON"}) {
        QSqlQuery q(db);
        if (!q.exec(QString::fromLatin1(pragma)))
            return openFailure(path, q.lastError());
    }
    // A store with bad pages opens and reads until the bad page is met, then fails in
    // the middle of a sync or a move. quick_check reads every page once (no index
    // cross-check, so it stays linear: about 10 ms per MiB here) and refuses it at once.
    {
        QSqlQuery check(db);
        if (!check.exec(QStringLiteral("PRAGMA quick_check(5)")))
            return openFailure(path, check.lastError());
        QStringList problems;
        while (check.next())
            problems << check.value(0).toString().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        if (problems != QStringList{QStringLiteral("ok")})
            return makeError(ErrorCode::Corrupt,
                             QCoreApplication::translate("Store", "%1 is damaged: %2")
                                 .arg(path, problems.join(QStringLiteral("; "))),
                             QStringLiteral("corrupt_store"));
    }

    auto v = store->d->run(QStringLiteral("PRAGMA user_version"));
    if (!v || !v->next())
        return makeError(ErrorCode::Corrupt,
                         QCoreApplication::translate("Store", "%1 is not an inventory file").arg(path));
    int version = v->value(0).toInt();
    const int target = upToVersion > 0 ? upToVersion : Schema::latestVersion();
    if (version > Schema::latestVersion())
        return makeError(
            ErrorCode::Unsupported,
            QCoreApplication::translate("Store", "%1 was written by a newer Établi (schema %2, this one knows %3)")
                .arg(path)
                .arg(version)
                .arg(Schema::latestVersion()));
    if (version == 0) {
        auto tables = store->d->run(QStringLiteral("SELECT count(*) FROM sqlite_master"));
        if (tables && tables->next() && tables->value(0).toInt() > 0)
            return makeError(
                ErrorCode::Corrupt,
                QCoreApplication::translate("Store", "%1 is an SQLite file but not an inventory").arg(path));
    }
    while (version < target) {
        ++version;
        if (!db.transaction())
            return makeError(
                ErrorCode::Io,
                QCoreApplication::translate("Store", "cannot upgrade %1: %2").arg(path, db.lastError().text()));
        for (const QString &sql : Schema::migration(version)) {
            auto q = store->d->run(sql);
            if (!q) {
                db.rollback();
                return makeError(ErrorCode::Io,
                                 QCoreApplication::translate("Store", "upgrading %1 to schema %2 failed: %3")
                                     .arg(path)
                                     .arg(version)
                                     .arg(q.error().message));
            }
        }
        // PRAGMA user_version is transactional in SQLite: it commits with the steps.
        if (auto q = store->d->run(QStringLiteral("PRAGMA user_version = %1").arg(version)); !q) {
            db.rollback();
            return q.error();
        }
        if (!db.commit())
            return makeError(
                ErrorCode::Io,
                QCoreApplication::translate("Store", "cannot upgrade %1: %2").arg(path, db.lastError().text()));
    }
    store->d->version = version;
    return store;
}

int Store::schemaVersion() const
{
    return d->version;
}
QString Store::path() const
{
    return d->path;
}
const Identity &Store::identity() const
{
    return d->identity;
}
void Store::setIdentity(const Identity &identity)
{
    d->identity = identity;
}
QSqlDatabase Store::database() const
{
    return d->db();
}

QString Store::setting(const QString &key, const QString &fallback) const
{
    auto q = d->run(QStringLiteral("SELECT value FROM settings WHERE key = ?"), {key});
    if (q && q->next())
        return q->value(0).toString();
    return fallback;
}

Result<void> Store::setSetting(const QString &key, const QString &value)
{
    if (key == QLatin1String("tag.prefix") && !AssetTag::isValidPrefix(value))
        return makeError(ErrorCode::InvalidArgument,
                         QCoreApplication::translate("Store", "a tag prefix is 1 to 8 capital letters or digits"));
    if (key == QLatin1String("tag.next") && value.toLongLong() <= 0)
        return makeError(ErrorCode::InvalidArgument,
                         QCoreApplication::translate("Store", "tag.next must be a positive number"));
    auto q = d->run(QStringLiteral("INSERT INTO settings(key, value) VALUES(?, ?) "
                                   "ON CONFLICT(key) DO UPDATE SET value = excluded.value"),
                    {key, value});
    if (!q)
        return q.error();
    return {};
}

QString Store::tagPrefix() const
{
    return setting(QStringLiteral("tag.prefix"), QStringLiteral("ETB"));
}

Result<Donor> Store::addDonor(const QString &name, const QString &contact)
{
    if (name.trimmed().isEmpty())
        return makeError(ErrorCode::InvalidArgument, QCoreApplication::translate("Store", "a donor needs a name"));
    Event e = d->makeEvent(QString(EventType::DonorAdded), {},
                           {{QStringLiteral("name"), name.trimmed()}, {QStringLiteral("contact"), contact}});
    auto r = d->commit(e, false);
    if (!r)
        return r.error();
    return Donor{0, name.trimmed(), contact};
}

Result<Lot> Store::addLot(const QString &reference, const QString &donor, int expectedCount, const QString &notes)
{
    Event e = d->makeEvent(QString(EventType::LotAdded), {},
                           {{QStringLiteral("reference"), reference.trimmed()},
                            {QStringLiteral("donor"), donor.trimmed()},
                            {QStringLiteral("expected_count"), expectedCount},
                            {QStringLiteral("received_at"), QDate::currentDate().toString(Qt::ISODate)},
                            {QStringLiteral("notes"), notes}});
    auto r = d->commit(e, false);
    if (!r)
        return r.error();
    return lot(reference.trimmed());
}

Result<Asset> Store::addAsset(const NewAsset &a)
{
    QString tag = a.tag;
    const bool allocate = tag.isEmpty();
    if (!allocate) {
        auto parsed = AssetTag::parse(tag);
        if (!parsed)
            return parsed.error();
        tag = *parsed;
    }
    // Allocation and insertion share one transaction so two processes never mint the
    // same number; commit() nests inside it through a savepoint.
    if (auto b = d->begin(); !b)
        return b.error();
    if (allocate) {
        qint64 next = setting(QStringLiteral("tag.next"), QStringLiteral("1")).toLongLong();
        const QString prefix = tagPrefix();
        while (next <= 999999 && d->assetId(AssetTag::make(prefix, next)))
            ++next;
        if (next > 999999) {
            (void)d->finish(false);
            return makeError(
                ErrorCode::Conflict,
                QCoreApplication::translate("Store", "every tag number of prefix %1 is used: choose a new prefix")
                    .arg(prefix));
        }
        tag = AssetTag::make(prefix, next);
        auto s = setSetting(QStringLiteral("tag.next"), QString::number(next + 1));
        if (!s) {
            (void)d->finish(false);
            return s.error();
        }
    }
    QJsonObject payload{{QStringLiteral("tag"), tag},         {QStringLiteral("kind"), toString(a.kind)},
                        {QStringLiteral("make"), a.make},     {QStringLiteral("model"), a.model},
                        {QStringLiteral("serial"), a.serial}, {QStringLiteral("specs"), a.specs}};
    if (!a.lot.isEmpty())
        payload.insert(QStringLiteral("lot"), a.lot);
    Event e = d->makeEvent(QString(EventType::AssetAdded), tag, payload);
    auto r = d->commit(e, false);
    if (!r) {
        (void)d->finish(false);
        return r.error();
    }
    if (auto c = d->finish(true); !c)
        return c.error();
    return asset(tag);
}

Result<Asset> Store::moveAsset(const QString &tagInput, AssetState to, const QString &beneficiary, const QString &note)
{
    auto tag = AssetTag::parse(tagInput);
    if (!tag)
        return tag.error();
    auto current = asset(*tag);
    if (!current)
        return current.error();
    QJsonObject payload{{QStringLiteral("from"), toString(current->state)}, {QStringLiteral("to"), toString(to)}};
    if (!beneficiary.isEmpty())
        payload.insert(QStringLiteral("beneficiary"), beneficiary);
    if (!note.isEmpty())
        payload.insert(QStringLiteral("note"), note);
    Event e = d->makeEvent(QString(EventType::AssetMoved), *tag, payload);
    auto r = d->commit(e, false);
    if (!r)
        return r.error();
    return asset(*tag);
}

Result<Event> Store::record(const QString &type, const QString &tagInput, const QJsonObject &payload)
{
    static const QStringList assetTypes{QString(EventType::TestRecorded), QString(EventType::HsRecorded),
                                        QString(EventType::ErasureRecorded), QString(EventType::ImagingRecorded),
                                        QString(EventType::LabelPrinted), QString(EventType::AssetUpdated),
                                        QString(EventType::KitCreated), QString(EventType::ErasureChecked),
                                        // flow (issue 12): where the asset is in the bench flow
                                        QString(EventType::FlowStep)};
    const bool deskType = type == EventType::ReturnRecorded; // desk (issue 14): a return under warranty
    if (!assetTypes.contains(type) && !deskType)
        return makeError(ErrorCode::InvalidArgument,
                         QCoreApplication::translate("Store", "unknown record type «%1» (one of %2)")
                             .arg(type, assetTypes.join(QStringLiteral(", "))));
    auto tag = AssetTag::parse(tagInput);
    if (!tag)
        return tag.error();
    Event e = d->makeEvent(type, *tag, payload);
    auto r = d->commit(e, false);
    if (!r)
        return r.error();
    return e;
}

Result<Event> Store::recordGeneral(const QString &type, const QJsonObject &payload)
{
    const EventRules::TypeRule *rule = EventRules::rule(type);
    if (!rule || rule->aboutAsset)
        return makeError(ErrorCode::InvalidArgument,
                         QCoreApplication::translate("Store", "unknown record type «%1»").arg(type));
    Event e = d->makeEvent(type, {}, payload);
    auto r = d->commit(e, false);
    if (!r)
        return r.error();
    return e;
}

Result<int> Store::recordGeneralAll(const QString &type, const QList<QJsonObject> &payloads)
{
    if (auto b = d->begin(); !b)
        return b.error();
    for (const QJsonObject &payload : payloads) {
        auto r = recordGeneral(type, payload); // nests as a savepoint
        if (!r) {
            (void)d->finish(false);
            return r.error();
        }
    }
    if (auto c = d->finish(true); !c)
        return c.error();
    return int(payloads.size());
}

Result<bool> Store::applyRemote(const Event &event)
{
    Event e = event;
    e.status = QStringLiteral("applied");
    e.note.clear();
    e.pushed = true; // it came from the server, or is going there through it
    return d->commit(e, true);
}

namespace {

Asset assetFromQuery(const QSqlQuery &q)
{
    Asset a;
    a.id = q.value(0).toLongLong();
    a.tag = q.value(1).toString();
    a.kind = assetKindFromString(q.value(2).toString()).value_or(AssetKind::Part);
    a.make = q.value(3).toString();
    a.model = q.value(4).toString();
    a.serial = q.value(5).toString();
    a.specs = parseObject(q.value(6).toString());
    a.state = assetStateFromString(q.value(7).toString()).value_or(AssetState::Received);
    a.lot = q.value(8).toString();
    a.reservedFor = q.value(9).toString();
    a.cycle = q.value(10).toInt();
    a.revision = q.value(11).toLongLong();
    a.createdAt = q.value(12).toString();
    a.updatedAt = q.value(13).toString();
    return a;
}

const QString kAssetColumns = QStringLiteral(
    "SELECT a.id, a.tag, a.kind, a.make, a.model, a.serial, a.specs, a.state, l.reference, a.reserved_for,"
    " a.cycle, a.revision, a.created_at, a.updated_at FROM assets a LEFT JOIN lots l ON l.id = a.lot_id");

} // namespace

Event eventFromQuery(const QSqlQuery &q)
{
    Event e;
    e.seq = q.value(0).toLongLong();
    e.uuid = q.value(1).toString();
    e.station = q.value(2).toString();
    e.worker = q.value(3).toString();
    e.time = QDateTime::fromString(q.value(4).toString(), Qt::ISODateWithMs);
    e.type = q.value(5).toString();
    e.assetTag = q.value(6).toString();
    e.payload = parseObject(q.value(7).toString());
    e.status = q.value(8).toString();
    e.note = q.value(9).toString();
    e.pushed = q.value(10).toBool();
    e.serverSeq = q.value(11).toLongLong();
    return e;
}

const QString &eventColumns()
{
    static const QString columns = QStringLiteral("SELECT seq, uuid, station, worker, time, type, asset_tag, payload,"
                                                  " status, note, pushed, server_seq FROM events");
    return columns;
}

Result<Asset> Store::asset(const QString &tagInput) const
{
    auto tag = AssetTag::parse(tagInput);
    if (!tag)
        return tag.error();
    auto q = d->run(kAssetColumns + QStringLiteral(" WHERE a.tag = ?"), {*tag});
    if (!q)
        return q.error();
    if (!q->next())
        return makeError(ErrorCode::NotFound,
                         QCoreApplication::translate("Store", "no asset %1 in this inventory").arg(*tag),
                         QStringLiteral("unknown_tag"));
    Asset a = assetFromQuery(*q);
    auto c = d->run(QStringLiteral("SELECT kind, make, model, serial, size_bytes, details FROM components "
                                   "WHERE asset_id = ? ORDER BY id"),
                    {a.id});
    while (c && c->next())
        a.components.append(Component{c->value(0).toString(), c->value(1).toString(), c->value(2).toString(),
                                      c->value(3).toString(), c->value(4).toLongLong(),
                                      parseObject(c->value(5).toString())});
    return a;
}

QList<Asset> Store::assets(std::optional<AssetState> state) const
{
    QList<Asset> out;
    auto q = state ? d->run(kAssetColumns + QStringLiteral(" WHERE a.state = ? ORDER BY a.tag"), {toString(*state)})
                   : d->run(kAssetColumns + QStringLiteral(" ORDER BY a.tag"));
    while (q && q->next())
        out.append(assetFromQuery(*q));
    return out;
}

Result<Lot> Store::lot(const QString &reference) const
{
    auto q = d->run(QStringLiteral("SELECT l.id, l.reference, coalesce(d.name, ''), l.expected_count,"
                                   " (SELECT count(*) FROM assets a WHERE a.lot_id = l.id), l.received_at, l.notes"
                                   " FROM lots l LEFT JOIN donors d ON d.id = l.donor_id WHERE l.reference = ?"),
                    {reference});
    if (!q)
        return q.error();
    if (!q->next())
        return makeError(ErrorCode::NotFound, QCoreApplication::translate("Store", "no lot «%1»").arg(reference),
                         QStringLiteral("unknown_lot"));
    return Lot{q->value(0).toLongLong(), q->value(1).toString(), q->value(2).toString(), q->value(3).toInt(),
               q->value(4).toInt(),      q->value(5).toString(), q->value(6).toString()};
}

QList<Lot> Store::lots() const
{
    QList<Lot> out;
    auto q = d->run(QStringLiteral("SELECT reference FROM lots ORDER BY id"));
    while (q && q->next())
        if (auto l = lot(q->value(0).toString()))
            out.append(*l);
    return out;
}

QList<Donor> Store::donors() const
{
    QList<Donor> out;
    auto q = d->run(QStringLiteral("SELECT id, name, contact FROM donors ORDER BY name"));
    while (q && q->next())
        out.append(Donor{q->value(0).toLongLong(), q->value(1).toString(), q->value(2).toString()});
    return out;
}

AssetFacts Store::facts(const QString &tag) const
{
    return d->factsFor(tag);
}

AssetFacts Store::Private::factsFor(const QString &tag) const
{
    AssetFacts f;
    auto a = run(QStringLiteral("SELECT id, cycle, kind, reserved_for FROM assets WHERE tag = ?"), {tag});
    if (!a || !a->next())
        return f;
    const qint64 id = a->value(0).toLongLong();
    const QVariantList key{id, a->value(1)};
    f.kind = assetKindFromString(a->value(2).toString()).value_or(AssetKind::Part);
    f.reservedFor = a->value(3).toString();
    // The latest verdict of each test kind in this cycle decides.
    QHash<QString, QString> latest;
    auto t = run(QStringLiteral("SELECT kind, verdict FROM test_results WHERE asset_id = ? AND cycle = ? ORDER BY id"),
                 key);
    while (t && t->next())
        latest.insert(t->value(0).toString(), t->value(1).toString());
    for (auto it = latest.cbegin(); it != latest.cend(); ++it)
        (it.value() == QLatin1String("FAIL") ? f.failedTests : f.passedTests).append(it.key());
    auto count = [this](const QString &sql, const QVariantList &binds) {
        auto q = run(sql, binds);
        return q && q->next() && q->value(0).toLongLong() > 0;
    };
    f.hsRecorded = count(QStringLiteral("SELECT count(*) FROM hs_records WHERE asset_id = ? AND cycle = ?"), key);
    f.imageVerified = count(
        QStringLiteral("SELECT count(*) FROM imaging_runs WHERE asset_id = ? AND cycle = ? AND verified = 1"), key);
    // Writing the master to a disk with --fill zeros overwrites every sector: it is an erasure.
    // A run written to a regular file (target_kind 'file') never is one (issue 18 point 1).
    f.erasureVerified
        = count(QStringLiteral("SELECT count(*) FROM erasures WHERE asset_id = ? AND cycle = ? AND verified = 1"), key)
        || count(QStringLiteral("SELECT count(*) FROM imaging_runs WHERE asset_id = ? AND cycle = ? AND verified = 1"
                                " AND fill = 'zeros' AND target_kind <> 'file'"),
                 key);
    f.labelPrinted = count(QStringLiteral("SELECT count(*) FROM label_prints WHERE asset_id = ?"), {id});
    f.diskDestroyed = count(QStringLiteral("SELECT count(*) FROM hs_records WHERE asset_id = ? AND part LIKE 'disk%'"
                                           " AND disposal = 'shredded'"),
                            {id});
    return f;
}

QList<Event> Store::events(qint64 since, int limit) const
{
    QList<Event> out;
    QString sql = eventColumns() + QStringLiteral(" WHERE seq > ? ORDER BY seq");
    if (limit > 0)
        sql += QStringLiteral(" LIMIT %1").arg(limit);
    auto q = d->run(sql, {since});
    while (q && q->next())
        out.append(eventFromQuery(*q));
    return out;
}

QList<Event> Store::eventsForAsset(const QString &tag) const
{
    QList<Event> out;
    auto q = d->run(eventColumns() + QStringLiteral(" WHERE asset_tag = ? ORDER BY seq"), {tag});
    while (q && q->next())
        out.append(eventFromQuery(*q));
    return out;
}

qint64 Store::eventCount() const
{
    auto q = d->run(QStringLiteral("SELECT count(*) FROM events"));
    return q && q->next() ? q->value(0).toLongLong() : 0;
}

Result<Event> Store::eventByUuid(const QString &uuid) const
{
    auto q = d->run(eventColumns() + QStringLiteral(" WHERE uuid = ?"), {uuid});
    if (!q)
        return q.error();
    if (!q->next())
        return makeError(ErrorCode::NotFound, QCoreApplication::translate("Store", "no event %1").arg(uuid));
    return eventFromQuery(*q);
}

} // namespace Etabli::Inventory
