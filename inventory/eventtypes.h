// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

#include <QLatin1String>

/// The name of every event type, spelled once. Compare with `e.type == EventType::AssetMoved`,
/// build with `QString(EventType::AssetMoved)`. What each one carries and changes is the
/// table in inventory/eventrules.cpp (inventory/README.md, "Events").
namespace Etabli::Inventory::EventType {

inline constexpr QLatin1String DonorAdded{"donor.added"};
inline constexpr QLatin1String LotAdded{"lot.added"};
inline constexpr QLatin1String AssetAdded{"asset.added"};
inline constexpr QLatin1String AssetMoved{"asset.moved"};
inline constexpr QLatin1String AssetUpdated{"asset.updated"};
inline constexpr QLatin1String TestRecorded{"test.recorded"};
inline constexpr QLatin1String HsRecorded{"hs.recorded"};
inline constexpr QLatin1String ErasureRecorded{"erasure.recorded"};
/// The second-person check of an erasure (issue 15): a different worker confirmed it.
inline constexpr QLatin1String ErasureChecked{"erasure.checked"};
inline constexpr QLatin1String ImagingRecorded{"imaging.recorded"};
inline constexpr QLatin1String LabelPrinted{"label.printed"};
inline constexpr QLatin1String KitCreated{"kit.created"};
inline constexpr QLatin1String BeneficiaryAdded{"beneficiary.added"};
inline constexpr QLatin1String WorkerAdded{"worker.added"};
inline constexpr QLatin1String StationAdded{"station.added"};

} // namespace Etabli::Inventory::EventType
