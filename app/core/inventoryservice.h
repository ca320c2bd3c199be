// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

#include "common/result.h"
#include "hwtest/diag/testresult.h"
#include "inventory/domain.h"
#include "inventory/event.h"
#include "inventory/store.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>
#include <QVariant>

#include <functional>

class QThread;

namespace Etabli::AppCore {

class InventoryWorker;

/// The local inventory for a face with a UI thread: one Store, owned by a worker
/// thread (STYLE 6), that the caller reaches only through asynchronous requests.
///
/// Every request method returns at once with a request id (never 0); the store's thread
/// runs the requests one after the other in the order they were made, and each ends in
/// exactly one signal carrying its id: finished(id, value) or failed(id, code,
/// errorString, detail). A change the inventory refuses is reported with its reason,
/// never dropped. A change that meets a write lock held by another process (SQLite
/// busy) is retried on the store's thread until the lock goes or busyPatience() runs
/// out, so a bench never loses a result because the sync or the CLI was writing.
///
/// Threads: construct, call and destroy it on one thread, its owner (the UI thread of
/// the station; any thread with an event loop). Signals are emitted on the owner's
/// thread. The Task given to run() executes on the store's thread and must touch only
/// the Store it is given and values it captured by copy. The destructor finishes every
/// request already made (their changes land), then stops the thread; their signals are
/// no longer emitted.
class InventoryService : public QObject
{
    Q_OBJECT
    Q_PROPERTY(int pendingCount READ pendingCount NOTIFY pendingCountChanged)
public:
    using RequestId = quint64;
    /// A use-case run on the store's thread; the QVariant is what finished() carries.
    using Task = std::function<Result<QVariant>(Inventory::Store &store)>;

    /// Starts the store's thread; the store at `path` is opened (created, upgraded)
    /// there, and again by the next request if opening failed.
    InventoryService(const QString &path, const Inventory::Identity &identity, QObject *parent = nullptr);
    ~InventoryService() override;

    QString path() const { return m_path; }
    /// Requests made and not yet answered by a signal.
    int pendingCount() const { return m_pending; }

    /// How long a change keeps waiting for another process's write lock before it fails
    /// (default 2 minutes; each attempt itself waits up to the Store's 10 s busy timeout,
    /// so the wait ends on the first failed attempt after it). Takes effect for the
    /// requests made after the call.
    void setBusyPatience(int msecs) { m_busyPatienceMs = msecs; }
    int busyPatience() const { return m_busyPatienceMs; }

    /// Who the next changes are recorded as (a worker logs in at the bench).
    RequestId setIdentity(const Inventory::Identity &identity);

    /// Records each result on `tag` as a `test.recorded` event (AppCore::recordTestResults);
    /// finished() carries the events as a QVariantList of Inventory::Event.
    RequestId recordTestResults(const QString &tag, const QList<HwTest::TestResult> &results);
    /// Any change about one asset (Store::record); finished() carries the Inventory::Event.
    RequestId record(const QString &type, const QString &tag, const QJsonObject &payload);
    /// A change not about one asset (Store::recordGeneral); finished() carries the Event.
    RequestId recordGeneral(const QString &type, const QJsonObject &payload);
    /// Moves an asset through the lifecycle (Store::moveAsset); finished() carries the Asset.
    RequestId moveAsset(const QString &tag, Inventory::AssetState to, const QString &beneficiary = {},
                        const QString &note = {});
    /// Applies an event made elsewhere (Store::applyRemote); finished() carries a bool
    /// (false: already stored).
    RequestId applyEvent(const Inventory::Event &event);
    /// Reads one asset; finished() carries the Inventory::Asset.
    RequestId readAsset(const QString &tag);
    /// Runs any use-case on the store's thread (the generic door for later faces).
    /// `changes` marks a task that writes, so a busy lock is retried; a read-only task
    /// is never run twice.
    RequestId run(Task task, bool changes = true);

Q_SIGNALS:
    void finished(quint64 requestId, const QVariant &value);
    void failed(quint64 requestId, Etabli::ErrorCode code, const QString &errorString, const QString &detail);
    void pendingCountChanged();

private:
    RequestId submit(Task task, bool changes);
    void deliver(RequestId id, const Result<QVariant> &result);

    QString m_path;
    QThread *m_thread = nullptr;
    InventoryWorker *m_worker = nullptr;
    RequestId m_nextId = 1;
    int m_pending = 0;
    int m_busyPatienceMs = 120000;
};

/// Whether `error` is SQLite saying another connection holds the write lock.
bool isBusyError(const Error &error);

} // namespace Etabli::AppCore

Q_DECLARE_METATYPE(Etabli::Inventory::Event)
Q_DECLARE_METATYPE(Etabli::Inventory::Asset)
