// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

#include "common/result.h"
#include "hwtest/diag/testresult.h"
#include "inventory/event.h"

#include <QList>
#include <QString>

namespace Etabli::Inventory {
class Store;
}

/// Recording a diagnostic's verdict on an asset: what `etabli test … --asset` and the
/// station's test screens both do. Runs on the thread that owns `store`.
namespace Etabli::AppCore {

/// Records `result` on the asset `tag` (any spelling AssetTag::parse accepts) as one
/// `test.recorded` event whose payload is the engine's TestResult::toPayload().
/// A malformed tag, an unknown asset or a payload the event rules refuse is an Error
/// and leaves the store unchanged.
Result<Inventory::Event> recordTestResult(Inventory::Store &store, const QString &tag,
                                          const HwTest::TestResult &result);

/// Records `results` in order, one event each; stops at the first refusal (the events
/// recorded before it stay: each result is a finding of its own).
Result<QList<Inventory::Event>> recordTestResults(Inventory::Store &store, const QString &tag,
                                                  const QList<HwTest::TestResult> &results);

} // namespace Etabli::AppCore
