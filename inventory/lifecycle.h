// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

#include "common/result.h"
#include "inventory/domain.h"

#include <QStringList>

namespace Etabli::Inventory {

/// A condition a transition needs. Its name (guardName) is the `detail` of the error
/// returned when it is unmet, so scripts and the UI can say exactly what is missing.
enum class Guard {
    HsRecorded, ///< an HS part or a failed test recorded in this cycle
    RequiredTestsPassed, ///< the latest result of each required test is PASS or WARN
    ErasureVerified, ///< a verified erasure in this cycle
    ImageVerified, ///< a verified imaging run in this cycle
    LabelPrinted, ///< a label printed for this asset
    NoImageNeeded, ///< the kind has no disk to image (screens, keyboards…)
    BeneficiaryGiven, ///< the move names a beneficiary
    ReservedForBeneficiary, ///< the asset is reserved for the beneficiary named
    DataCleared, ///< a PC's data was erased or its disk destroyed (before recycling)
};

QString guardName(Guard guard);

/// What the guards look at, gathered by the store for one asset in its current cycle.
struct AssetFacts {
    AssetKind kind = AssetKind::Pc;
    QStringList passedTests; ///< test kinds whose latest verdict is PASS or WARN
    QStringList failedTests; ///< test kinds whose latest verdict is FAIL
    bool hsRecorded = false;
    bool erasureVerified = false;
    bool imageVerified = false;
    bool labelPrinted = false;
    bool diskDestroyed = false;
    QString reservedFor;
};

struct Transition {
    AssetState from;
    AssetState to;
    QList<Guard> guards;
};

/// Which guards a check looks at. `AssetState` keeps only the guards the asset's own
/// state decides (`beneficiary_given`, `reserved_for_beneficiary`): what a server, which
/// holds no test results, and a station replaying another's events can still check.
enum class GuardScope { All, AssetState };
bool isAssetStateGuard(Guard guard);

/// The lifecycle state machine. Pure data and functions: any thread.
namespace Lifecycle {

/// Every allowed transition; anything not listed is forbidden.
const QList<Transition> &transitions();

bool isAllowed(AssetState from, AssetState to);
bool isFinal(AssetState state);

/// Checks that `from → to` is allowed and every guard holds. `beneficiary` is the one
/// named by the move (empty when none). The error's detail is `forbidden_transition`
/// or the unmet guard's name.
Result<void> check(AssetState from, AssetState to, const AssetFacts &facts, const QString &beneficiary = {},
                   GuardScope scope = GuardScope::All);

} // namespace Lifecycle
} // namespace Etabli::Inventory
