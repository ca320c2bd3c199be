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

// The faces (issues 12, 13, 14): administration, the bench flow, the desk.
/// A worker's card changed (name, photo, role, preferences), or the worker left (`active`).
inline constexpr QLatin1String WorkerUpdated{"worker.updated"};
/// A workshop setting the supervisor changed: bench steps, minimum spec, master, label template…
inline constexpr QLatin1String WorkshopConfigured{"workshop.configured"};
/// Where an asset is in the bench flow: a step started, done, skipped or failed.
inline constexpr QLatin1String FlowStep{"flow.step"};
inline constexpr QLatin1String VoucherIssued{"voucher.issued"};
/// The signed (or witnessed) record of a handover: the voucher, the family, the kit's tags.
inline constexpr QLatin1String HandoverRecorded{"handover.recorded"};
inline constexpr QLatin1String GrantRequested{"grant.requested"};
inline constexpr QLatin1String GrantPaid{"grant.paid"};
inline constexpr QLatin1String TrainingEnrolled{"training.enrolled"};
inline constexpr QLatin1String TrainingAttended{"training.attended"};
/// An asset brought back under warranty: the reason, and the replacement given, if any.
inline constexpr QLatin1String ReturnRecorded{"return.recorded"};
/// A family's personal data erased on request (the events keep only the reference).
inline constexpr QLatin1String BeneficiaryErased{"beneficiary.erased"};

} // namespace Etabli::Inventory::EventType
