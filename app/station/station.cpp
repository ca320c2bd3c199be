// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "app/station/station.h"

#include "app/core/identity.h"
#include "app/core/inventoryservice.h"
#include "inventory/assettag.h"

#include <QCoreApplication>
#include <QJSEngine>
#include <QQmlEngine>

namespace Etabli::Station {

Station::Station(QObject *parent)
    : QObject(parent)
{}

Station::~Station() = default;

Station *Station::instance()
{
    static Station *s = new Station; // lives as long as the process, like the QML engines using it
    return s;
}

Station *Station::create(QQmlEngine *, QJSEngine *)
{
    Station *s = instance();
    QJSEngine::setObjectOwnership(s, QJSEngine::CppOwnership);
    return s;
}

void Station::configure(const QString &screen, const QString &monitorModel, const QString &asset, const QString &dbPath)
{
    // Another inventory (or none): the results already sent to the previous one are
    // written before it closes, and nothing of its answers reaches the new set-up.
    const bool wasBusy = busy();
    m_service.reset();
    m_requests.clear();
    m_refused.clear();
    m_screen = screen;
    m_monitorModel = monitorModel;
    m_asset = asset;
    m_dbPath = dbPath;
    setErrorString({});
    if (wasBusy)
        Q_EMIT busyChanged();
}

void Station::setErrorString(const QString &error)
{
    if (error == m_errorString)
        return;
    m_errorString = error;
    Q_EMIT errorStringChanged();
}

bool Station::record(const QList<HwTest::TestResult> &results)
{
    m_last = {};
    for (const HwTest::TestResult &t : results)
        m_last.append(t.toJson());
    if (m_asset.isEmpty()) {
        setErrorString({});
        Q_EMIT finished();
        return true;
    }
    // Results refused before are sent again with the new ones: nothing is dropped.
    const QList<HwTest::TestResult> toSend = m_refused + results;
    m_refused.clear();
    if (auto tag = Inventory::AssetTag::parse(m_asset); !tag) {
        m_refused = toSend;
        setErrorString(tag.error().message);
        Q_EMIT recordFailed(m_errorString);
        return false;
    }
    send(toSend);
    return true;
}

void Station::retry()
{
    if (busy() || m_refused.isEmpty())
        return;
    const QList<HwTest::TestResult> toSend = m_refused;
    m_refused.clear();
    send(toSend);
}

void Station::send(const QList<HwTest::TestResult> &results)
{
    if (results.isEmpty() && !busy()) {
        setErrorString({});
        Q_EMIT finished();
        return;
    }
    if (!m_service) {
        m_service = std::make_unique<AppCore::InventoryService>(m_dbPath, AppCore::identityFromEnvironment());
        connect(m_service.get(), &AppCore::InventoryService::finished, this,
                [this](quint64 id, const QVariant &) { onRecorded(id); });
        connect(
            m_service.get(), &AppCore::InventoryService::failed, this,
            [this](quint64 id, ErrorCode, const QString &errorString, const QString &) { onRefused(id, errorString); });
        // Closing the window must not lose a result still on its way: the service
        // finishes what it was given before the process ends.
        if (QCoreApplication *app = QCoreApplication::instance(); app && !m_drainOnQuit) {
            connect(app, &QCoreApplication::aboutToQuit, this, [this] { m_service.reset(); });
            m_drainOnQuit = true;
        }
    }
    const bool wasBusy = busy();
    setErrorString({});
    const QString tag = *Inventory::AssetTag::parse(m_asset);
    for (const HwTest::TestResult &t : results)
        m_requests.insert(m_service->recordTestResults(tag, {t}), t);
    if (!wasBusy)
        Q_EMIT busyChanged();
}

void Station::onRecorded(quint64 id)
{
    if (!m_requests.remove(id) || busy())
        return;
    Q_EMIT busyChanged();
    if (m_refused.isEmpty())
        Q_EMIT finished();
    else
        Q_EMIT recordFailed(m_errorString);
}

void Station::onRefused(quint64 id, const QString &errorString)
{
    const auto it = m_requests.constFind(id);
    if (it == m_requests.constEnd())
        return;
    m_refused.append(*it);
    m_requests.erase(it);
    setErrorString(errorString);
    if (busy())
        return;
    Q_EMIT busyChanged();
    Q_EMIT recordFailed(m_errorString);
}

void Station::quit()
{
    Q_EMIT quitRequested();
}

} // namespace Etabli::Station
