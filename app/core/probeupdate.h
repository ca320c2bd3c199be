// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

#include "common/result.h"
#include "inventory/domain.h"
#include "inventory/event.h"

#include <QJsonObject>
#include <QString>

#include <functional>

namespace Etabli::Inventory {
class Store;
}

/// A hardware probe (MachineProbe::probe() JSON) stored on an asset: what `etabli probe
/// --asset` does and the bench's "identify" step will do. The store functions run on
/// the thread that owns `store`; assetUpdateFromProbe() is pure.
namespace Etabli::AppCore {

/// The `asset.updated` payload for a probed machine: make, model (Lenovo's marketing
/// name first), serial, `specs` (CPU, RAM, disk bytes, chassis, uuid, optical,
/// probed_by) and `components` (RAM modules, disks, optical drives, NICs, monitors, USB
/// peripherals).
QJsonObject assetUpdateFromProbe(const QJsonObject &machine);

/// Records assetUpdateFromProbe(machine) on `tag` as one `asset.updated` event.
Result<Inventory::Event> recordProbe(Inventory::Store &store, const QString &tag, const QJsonObject &machine);

/// Registers each USB peripheral the probe found on the PC `pcTag` (keyboards, mice…)
/// as an asset of its own, in the PC's lot, its specs naming the USB id and the PC.
/// `added` is called after each one (for progress output); the first refusal stops.
Result<QList<Inventory::Asset>>
addProbedPeripherals(Inventory::Store &store, const QString &pcTag, const QJsonObject &machine,
                     const std::function<void(const QString &kind, const Inventory::Asset &added)> &added = {});

} // namespace Etabli::AppCore
