// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "app/core/identity.h"

#include "common/appdefaults.h"

#include <QSysInfo>

namespace Etabli::AppCore {

QString stationFromEnvironment()
{
    return qEnvironmentVariable("ETABLI_STATION", QSysInfo::machineHostName());
}

QString workerFromEnvironment()
{
    return qEnvironmentVariable("ETABLI_WORKER", qEnvironmentVariable("USER", QStringLiteral("unknown")));
}

Inventory::Identity makeIdentity(const QString &station, const QString &worker)
{
    return Inventory::Identity{station.isEmpty() ? QStringLiteral("station") : station,
                               worker.isEmpty() ? QStringLiteral("unknown") : worker};
}

Inventory::Identity identityFromEnvironment()
{
    return makeIdentity(stationFromEnvironment(), workerFromEnvironment());
}

QString inventoryPath(const QString &requested)
{
    if (!requested.isEmpty())
        return requested;
    return qEnvironmentVariable("ETABLI_DB", defaultInventoryPath());
}

} // namespace Etabli::AppCore
