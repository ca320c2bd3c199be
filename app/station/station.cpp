// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "app/station/station.h"

#include "inventory/assettag.h"
#include "inventory/eventtypes.h"
#include "inventory/store.h"

#include <QJSEngine>
#include <QQmlEngine>
#include <QSysInfo>

namespace Etabli::Station {

Station::Station(QObject *parent)
    : QObject(parent)
{}

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
    m_screen = screen;
    m_monitorModel = monitorModel;
    m_asset = asset;
    m_dbPath = dbPath;
}

bool Station::record(const QList<HwTest::TestResult> &results)
{
    m_last = {};
    for (const HwTest::TestResult &t : results)
        m_last.append(t.toJson());
    QString error;
    if (!m_asset.isEmpty()) {
        auto tag = Inventory::AssetTag::parse(m_asset);
        // Same identity as the CLI: the host and the logged-in worker.
        QString station = qEnvironmentVariable("ETABLI_STATION", QSysInfo::machineHostName());
        QString worker = qEnvironmentVariable("ETABLI_WORKER", qEnvironmentVariable("USER"));
        auto store = Inventory::Store::open(m_dbPath,
                                            Inventory::Identity{station.isEmpty() ? QStringLiteral("station") : station,
                                                                worker.isEmpty() ? QStringLiteral("unknown") : worker});
        if (!tag) {
            error = tag.error().message;
        } else if (!store) {
            error = store.error().message;
        } else {
            for (const HwTest::TestResult &t : results) {
                auto r = (*store)->record(QString(Etabli::Inventory::EventType::TestRecorded), *tag, t.toPayload());
                if (!r) {
                    error = r.error().message;
                    break;
                }
            }
        }
    }
    if (error != m_errorString) {
        m_errorString = error;
        Q_EMIT errorStringChanged();
    }
    Q_EMIT finished();
    return error.isEmpty();
}

void Station::quit()
{
    Q_EMIT quitRequested();
}

} // namespace Etabli::Station
