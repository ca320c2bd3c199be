// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

#include "common/result.h"
#include "inventory/event.h"

#include <QDate>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <memory>

namespace Etabli::Inventory::Report {
struct AttentionQuery;
}

namespace Etabli::Server {

/// A bearer token as listed (the secret itself is never stored, only its SHA-256).
struct TokenInfo {
    qint64 id = 0;
    QString name;
    QString role; ///< station | supervisor | desk | ent
    QString createdAt;
    QString revokedAt; ///< empty while valid
};

/// What a push did to one event.
struct PushOutcome {
    QString uuid;
    bool isNew = false;
    qint64 seq = 0;
    QString status;
    QString note;
};

/// The central inventory: the events of every station in arrival order (`seq`) and
/// the state they lead to, on SQLite (`sqlite:PATH`) or PostgreSQL
/// (`postgresql://user@host:port/db`, `?host=/socket/dir` for a Unix socket), with
/// one portable schema. The conflict rule is in inventory/README.md: events are
/// applied in arrival order and a move from a state the asset is no longer in, or a
/// second asset.added of a tag, is kept as `overridden`.
///
/// Not thread-safe: one ServerStore (one database connection) per thread. Any number
/// of them, in one process or many, may share one database: writes are serialised
/// by the database (see ServerStore::Private::beginWrite), never by process memory.
class ServerStore
{
public:
    /// `Create` makes or upgrades the schema; `Attach` (more connections to a database
    /// already opened with Create) only connects; `Rebuild` is Create without catching the
    /// projections up from the log, for a caller that calls rebuildProjections() next (the
    /// catch-up would fold the whole log of a store filled by other means a first time).
    enum class OpenMode { Create, Attach, Rebuild };
    ~ServerStore();
    static Result<std::unique_ptr<ServerStore>> open(const QString &url, OpenMode mode = OpenMode::Create);
    bool isPostgres() const;

    // --- tokens
    /// Creates a token; returns the secret (shown once).
    Result<QString> createToken(const QString &name, const QString &role);
    QList<TokenInfo> tokens() const;
    Result<void> revokeToken(const QString &idOrName);
    /// The valid token whose secret is `secret`, or NotFound.
    Result<TokenInfo> authenticate(const QString &secret) const;

    // --- events
    /// Validates then stores a batch in one transaction, in order: either every event
    /// is stored (or recognised as already there), or none and the error says why.
    Result<QList<PushOutcome>> push(const QList<Inventory::Event> &events, const QString &pushedBy);
    /// Stores an event the server makes itself (a handover at the desk endpoint…): the
    /// same rules and guards as a station's event, but any refusal is returned as the
    /// error (TransitionRefused, Conflict…) and nothing is stored.
    Result<PushOutcome> create(const Inventory::Event &event, const QString &createdBy);
    /// Events with seq > since, oldest first. `withFamilyData` false leaves out
    /// beneficiary.added (stations never receive family data).
    Result<QJsonArray> pull(qint64 since, int limit, bool withFamilyData, qint64 *last, bool *more) const;
    qint64 eventCount() const;

    // --- reads
    Result<QJsonObject> asset(const QString &tag) const;
    Result<QJsonArray> assets(const QString &state, int limit) const;
    Result<QJsonArray> lots() const;
    Result<QJsonArray> donors() const;
    Result<QJsonArray> beneficiaries() const;
    Result<QJsonArray> handovers() const;
    /// The dashboard: read from a projection kept in each event's transaction, so it
    /// costs the same at 1 M assets as at 10.
    Result<QJsonObject> figures() const;
    /// Recounts the projections (figures, event counts) from the tables and the log, in one
    /// transaction; on PostgreSQL a VACUUM (ANALYZE) follows it.
    Result<void> rebuildProjections();

    // --- backups (serverstore_backup.cpp), while servers run
    /// A consistent copy into a new file (0600): SQLite's online backup API, or pg_dump's
    /// custom format. Never overwrites.
    Result<void> backup(const QString &file) const;
    /// Fills this empty database from a backup() file (pg_restore for PostgreSQL).
    Result<void> restore(const QString &file);
    /// The ENT feed: one row per pupil equipped (a handover not returned).
    Result<QJsonArray> entEquipment() const;
    /// desk (issue 14, serverstore_desk.cpp): handovers that lost at sync — a desk's move
    /// of an asset to RESERVED or HANDED_OVER stored as overridden because another desk
    /// (offline too) handed the same asset over first. For the supervisor's attention list.
    Result<QJsonArray> deskConflicts() const;
    // desk (issue 14, engineer "deskserver", serverstore_desk_records.cpp): a family's
    // records as the server's projections hold them (vouchers, handovers, grant, training,
    // returns), NotFound for an unknown reference; the personal-data audit (every view and
    // change: who, role, what, when) and one line written to it.
    Result<QJsonObject> deskBeneficiary(const QString &reference) const;
    Result<void> auditPersonalData(const TokenInfo &who, const QString &action, const QString &beneficiary,
                                   const QString &detail = {});
    Result<QJsonArray> personalDataAudit(const QString &beneficiary = {}) const;
    bool healthy() const;

    // --- erasures (serverstore_erasure.cpp, issue 15)
    /// Erasures still "to be checked" by a second person, oldest first, from the `erasures`
    /// projection that erasure.recorded / erasure.checked keep in their own transaction.
    Result<QJsonArray> uncheckedErasures() const;
    /// Station keys the workshop endorsed: one row per (token name, key), the first
    /// endorsement kept. `endorsementOf` is that row's endorsement, or an empty object.
    Result<QJsonObject> endorsementOf(const QString &tokenName, const QString &stationKey) const;
    Result<void> recordEndorsement(const QString &tokenName, const QString &stationKey, const QJsonObject &endorsement);
    Result<QJsonArray> endorsements() const;

    // --- the supervisor's reads (serverstore_report.cpp, issue 13), folded from the log
    /// The council's bilan for the days [from, to] (keys: README.md, "The supervisor").
    Result<QJsonObject> bilan(QDate from, QDate to) const;
    /// The figures of a period and lot (added to figures() by GET /api/v1/figures?from=&to=&lot=).
    Result<QJsonObject> periodFigures(QDate from, QDate to, const QString &lot) const;
    /// What needs someone now, a page of it, as the JSON text of GET /api/v1/attention
    /// (Ledger::attentionPageJson()).
    Result<QByteArray> attention(const QDateTime &now, const Inventory::Report::AttentionQuery &page) const;
    /// The workshop settings and workers as the log last set them (GET /api/v1/admin/…).
    Result<QJsonObject> workshopSettings() const;
    Result<QJsonArray> workers() const;

private:
    ServerStore();
    /// The bilan and figures folded from the period's facts: when the per-day sums cannot
    /// follow the log (serverstore_projections.cpp, `irregular`).
    Result<QJsonObject> bilanFromFacts(QDate from, QDate to) const;
    Result<QJsonObject> figuresFromFacts(QDate from, QDate to, const QString &lot) const;
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Etabli::Server
