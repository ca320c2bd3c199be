// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "app/core/inventoryservice.h"

#include "app/core/testrecording.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QThread>

#include <memory>

namespace Etabli::AppCore {

/// Lives on the store's thread and owns the Store there; every method runs on that
/// thread (posted by InventoryService), so the Store never crosses threads.
class InventoryWorker : public QObject
{
public:
    InventoryWorker(QString path, Inventory::Identity identity)
        : m_path(std::move(path))
        , m_identity(std::move(identity))
    {}

    /// The store, opened on first use; an open failure is retried by the next call.
    Result<Inventory::Store *> store()
    {
        if (m_store)
            return m_store.get();
        auto opened = Inventory::Store::open(m_path, m_identity);
        if (!opened)
            return opened.error();
        m_store = std::move(opened.value());
        return m_store.get();
    }

    void setIdentity(const Inventory::Identity &identity)
    {
        m_identity = identity;
        if (m_store)
            m_store->setIdentity(identity);
    }

    Result<QVariant> execute(const InventoryService::Task &task, bool changes, int patienceMs)
    {
        QElapsedTimer waited;
        waited.start();
        for (;;) {
            auto s = store();
            Result<QVariant> r = s ? task(**s) : Result<QVariant>(s.error());
            // Another process writing (sync, CLI, a second station): the change rolled
            // back whole, so it is safe to try again until the lock goes.
            if (r || !changes || !isBusyError(r.error()) || waited.elapsed() >= patienceMs)
                return r;
            QThread::msleep(20);
        }
    }

    /// Closes the store on its own thread, then ends the thread's event loop.
    void stop()
    {
        m_store.reset();
        QThread::currentThread()->quit();
    }

private:
    QString m_path;
    Inventory::Identity m_identity;
    std::unique_ptr<Inventory::Store> m_store;
};

bool isBusyError(const Error &error)
{
    return error.message.contains(QLatin1String("database is locked"), Qt::CaseInsensitive)
        || error.message.contains(QLatin1String("database is busy"), Qt::CaseInsensitive);
}

InventoryService::InventoryService(const QString &path, const Inventory::Identity &identity, QObject *parent)
    : QObject(parent)
    , m_path(path)
{
    qRegisterMetaType<Etabli::ErrorCode>("Etabli::ErrorCode");
    qRegisterMetaType<Inventory::Event>();
    qRegisterMetaType<Inventory::Asset>();
    m_thread = new QThread;
    m_thread->setObjectName(QStringLiteral("etabli-inventory"));
    m_worker = new InventoryWorker(path, identity);
    m_worker->moveToThread(m_thread);
    m_thread->start();
    // Open (create, upgrade) the store now, so the first request does not pay for it.
    QMetaObject::invokeMethod(
        m_worker, [w = m_worker] { (void)w->store(); }, Qt::QueuedConnection);
}

InventoryService::~InventoryService()
{
    // Queued after every request already made: they all run (their changes land) first.
    QMetaObject::invokeMethod(
        m_worker, [w = m_worker] { w->stop(); }, Qt::QueuedConnection);
    m_thread->wait();
    delete m_worker; // its thread has ended: nothing else can touch it
    delete m_thread;
}

InventoryService::RequestId InventoryService::submit(Task task, bool changes)
{
    const RequestId id = m_nextId++;
    ++m_pending;
    Q_EMIT pendingCountChanged();
    const int patience = m_busyPatienceMs;
    QMetaObject::invokeMethod(
        m_worker,
        [w = m_worker, task = std::move(task), changes, patience, id, s = this] {
            const Result<QVariant> r = w->execute(task, changes, patience);
            // The service outlives this (its destructor waits for the thread); an answer
            // posted while it is being destroyed is dropped with its posted events.
            QMetaObject::invokeMethod(
                s, [s, id, r] { s->deliver(id, r); }, Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
    return id;
}

void InventoryService::deliver(RequestId id, const Result<QVariant> &result)
{
    --m_pending;
    if (result)
        Q_EMIT finished(id, *result);
    else
        Q_EMIT failed(id, result.error().code, result.error().message, result.error().detail);
    Q_EMIT pendingCountChanged();
}

InventoryService::RequestId InventoryService::setIdentity(const Inventory::Identity &identity)
{
    // Through the worker, so the requests made before still record the old identity.
    return run(
        [identity](Inventory::Store &store) -> Result<QVariant> {
            store.setIdentity(identity);
            return QVariant();
        },
        false);
}

InventoryService::RequestId InventoryService::recordTestResults(const QString &tag,
                                                                const QList<HwTest::TestResult> &results)
{
    return run([tag, results](Inventory::Store &store) -> Result<QVariant> {
        auto r = AppCore::recordTestResults(store, tag, results);
        if (!r)
            return r.error();
        QVariantList events;
        for (const Inventory::Event &e : *r)
            events.append(QVariant::fromValue(e));
        return QVariant(events);
    });
}

InventoryService::RequestId InventoryService::record(const QString &type, const QString &tag,
                                                     const QJsonObject &payload)
{
    return run([type, tag, payload](Inventory::Store &store) -> Result<QVariant> {
        auto r = store.record(type, tag, payload);
        if (!r)
            return r.error();
        return QVariant::fromValue(*r);
    });
}

InventoryService::RequestId InventoryService::recordGeneral(const QString &type, const QJsonObject &payload)
{
    return run([type, payload](Inventory::Store &store) -> Result<QVariant> {
        auto r = store.recordGeneral(type, payload);
        if (!r)
            return r.error();
        return QVariant::fromValue(*r);
    });
}

InventoryService::RequestId InventoryService::moveAsset(const QString &tag, Inventory::AssetState to,
                                                        const QString &beneficiary, const QString &note)
{
    return run([tag, to, beneficiary, note](Inventory::Store &store) -> Result<QVariant> {
        auto r = store.moveAsset(tag, to, beneficiary, note);
        if (!r)
            return r.error();
        return QVariant::fromValue(*r);
    });
}

InventoryService::RequestId InventoryService::applyEvent(const Inventory::Event &event)
{
    return run([event](Inventory::Store &store) -> Result<QVariant> {
        auto r = store.applyRemote(event);
        if (!r)
            return r.error();
        return QVariant(*r);
    });
}

InventoryService::RequestId InventoryService::readAsset(const QString &tag)
{
    return run(
        [tag](Inventory::Store &store) -> Result<QVariant> {
            auto r = store.asset(tag);
            if (!r)
                return r.error();
            return QVariant::fromValue(*r);
        },
        false);
}

InventoryService::RequestId InventoryService::run(Task task, bool changes)
{
    return submit(std::move(task), changes);
}

} // namespace Etabli::AppCore
