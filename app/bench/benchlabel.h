// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

#include "common/result.h"

#include <QString>

namespace Etabli::Inventory {
class Store;
}

namespace Etabli::Bench {

/// The label step: renders the asset's label from what the inventory says
/// (AppCore::assetLabelFacts), sends it to `printer` (a labels/printer.h URI) and records
/// `label.printed` only once the printer took it, as `etabli label print` does. Needs QtGui
/// (the renderer), so it lives here and not in app/core. Runs on the store's thread.
Result<void> printAndRecordLabel(Inventory::Store &store, const QString &tag, const QString &templateName,
                                 const QString &printer);

} // namespace Etabli::Bench
