// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

#include "inventory/store.h"

#include <QString>

/// Who records a change, decided once for every face (`etabli`, `etabli-station`, the
/// helper): the explicit value a program was given (--station, --worker), then the
/// environment ($ETABLI_STATION, $ETABLI_WORKER, $USER), then a fixed fallback. Pure
/// functions of their arguments and the environment; callable from any thread.
namespace Etabli::AppCore {

/// The station name when none is given: $ETABLI_STATION if set, else the host name.
QString stationFromEnvironment();
/// The worker name when none is given: $ETABLI_WORKER if set, else $USER, else "unknown".
QString workerFromEnvironment();
/// `station` and `worker` as given, an empty one replaced by "station" / "unknown"
/// (a store never records an event without a station or a worker).
Inventory::Identity makeIdentity(const QString &station, const QString &worker);
/// makeIdentity(stationFromEnvironment(), workerFromEnvironment()).
Inventory::Identity identityFromEnvironment();
/// The inventory file: `requested` (--db) when not empty, else $ETABLI_DB, else the
/// default under the user's data folder (common/appdefaults.h).
QString inventoryPath(const QString &requested = {});

} // namespace Etabli::AppCore
