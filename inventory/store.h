// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

#include "common/result.h"
#include "inventory/domain.h"
#include "inventory/event.h"
#include "inventory/lifecycle.h"

#include <QJsonObject>
#include <QString>

#include <memory>
#include <optional>

class QSqlDatabase;

namespace Etabli::Inventory {

/// Who makes the changes recorded through a Store.
struct Identity {
    QString station;
    QString worker;
};

struct NewAsset {
    AssetKind kind = AssetKind::Pc;
    QString tag; ///< a pre-printed tag to use; empty: the next one of this workshop
    QString lot; ///< lot reference, optional
    QString make;
    QString model;
    QString serial;
    QJsonObject specs;
};

/// The local inventory: one SQLite file (WAL, foreign keys, versioned migrations).
///
/// Every change is an Event applied in the same transaction that appends it to the
/// append-only log, so the log and the state never disagree, even after SIGKILL or a
/// power cut. A failed change leaves nothing behind. A Store owns its own connection
/// and must be used from the thread that opened it.
class Store
{
public:
    ~Store();
    Store(const Store &) = delete;
    Store &operator=(const Store &) = delete;

    /// Opens (creating it and its folder if needed) and upgrades the store at `path`.
    /// `upToVersion` is for tests that need an old schema; 0 means the latest.
    /// Only a missing file makes a new store (mode 0600, new folders 0700); an empty,
    /// truncated or damaged file is refused with ErrorCode::Corrupt (`PRAGMA
    /// quick_check`), a full disk or an I/O failure with ErrorCode::Io.
    static Result<std::unique_ptr<Store>> open(const QString &path, const Identity &identity, int upToVersion = 0);

    int schemaVersion() const;
    QString path() const;
    const Identity &identity() const;
    void setIdentity(const Identity &identity);
    QSqlDatabase database() const;

    // --- settings (station-local, not events)
    QString setting(const QString &key, const QString &fallback = {}) const;
    Result<void> setSetting(const QString &key, const QString &value);
    QString tagPrefix() const; ///< setting `tag.prefix`, default ETB

    // --- changes: each is one event, one transaction
    Result<Donor> addDonor(const QString &name, const QString &contact = {});
    Result<Lot> addLot(const QString &reference, const QString &donor, int expectedCount, const QString &notes = {});
    Result<Asset> addAsset(const NewAsset &asset);
    /// Moves `tag` to `to` if the lifecycle allows it and every guard holds.
    Result<Asset> moveAsset(const QString &tag, AssetState to, const QString &beneficiary = {},
                            const QString &note = {});
    /// Records anything about an asset: `type` is one of test.recorded, hs.recorded,
    /// erasure.recorded, imaging.recorded, label.printed, asset.updated, kit.created
    /// (payloads in inventory/README.md). Validated before anything is written.
    Result<Event> record(const QString &type, const QString &tag, const QJsonObject &payload);
    /// Records an event that is not about one asset (beneficiary.added, worker.added…).
    Result<Event> recordGeneral(const QString &type, const QJsonObject &payload);
    /// Records one general event of `type` per payload in one transaction: all of them,
    /// or (on the first failure) none. Returns how many were recorded.
    Result<int> recordGeneralAll(const QString &type, const QList<QJsonObject> &payloads);

    /// Applies an event made elsewhere (sync). Returns false if its UUID is already
    /// stored (idempotent). An event whose change is no longer possible here (the
    /// asset moved meanwhile) is still stored, with status `overridden` and a note.
    Result<bool> applyRemote(const Event &event);

    // --- sync (store_sync.cpp). The conflict rule is in inventory/README.md, "Server and
    // sync": the server's arrival order decides, and every store replays in that order.
    /// Local events not yet acknowledged by the server, oldest first; `limit` 0 = all.
    QList<Event> unpushedEvents(int limit = 0) const;
    qint64 unpushedCount() const;
    /// Marks events as received by the server (its order comes with the next pull).
    Result<void> markPushed(const QStringList &uuids);
    /// Sets an event aside that the server refused (bad request, unknown asset…), with
    /// its answer, so that the events after it still go; it stays in the log and in this
    /// store's state, is no longer "unpushed", and is offered again by rejectedEvents().
    Result<void> markRejected(const QString &uuid, const QString &reason);
    struct RejectedEvent {
        Event event; ///< as the log holds it
        QString reason; ///< the server's answer
    };
    /// The events set aside, oldest first.
    QList<RejectedEvent> rejectedEvents() const;
    /// Applies events pulled from the server, in its order (Event::serverSeq) and with
    /// its verdicts (Event::status), in one transaction. Events already here take the
    /// server's order and verdict; an asset whose history changed is replayed. Returns
    /// how many events were new here.
    Result<int> applyPulled(const QList<Event> &events);

    // --- reads
    Result<Asset> asset(const QString &tag) const;
    QList<Asset> assets(std::optional<AssetState> state = std::nullopt) const;
    Result<Lot> lot(const QString &reference) const;
    QList<Lot> lots() const;
    QList<Donor> donors() const;
    AssetFacts facts(const QString &tag) const;
    /// Events with seq > `since`, oldest first; `limit` 0 means all.
    QList<Event> events(qint64 since = 0, int limit = 0) const;
    QList<Event> eventsForAsset(const QString &tag) const;
    qint64 eventCount() const;
    Result<Event> eventByUuid(const QString &uuid) const;

private:
    Store();
    static Result<std::unique_ptr<Store>> openFile(const QString &path, const Identity &identity, int upToVersion);
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Etabli::Inventory
