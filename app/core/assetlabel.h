// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

#include "common/result.h"
#include "inventory/domain.h"
#include "inventory/event.h"

#include <QList>
#include <QString>

namespace Etabli::Inventory {
class Store;
}

/// What an asset's label shows, read from the inventory, and the record that it was
/// printed: the inventory half of `etabli label` and of the bench's label step. The
/// label engine (labels/, QtGui) renders it; this half needs QtCore only. The store
/// functions run on the thread that owns `store`; the others are pure.
namespace Etabli::AppCore {

struct LabelKitItem {
    QString tag;
    QString kind; ///< inventory spelling (screen, keyboard…), empty when unknown here
};

/// The fields of Labels::LabelData, filled from the inventory.
struct AssetLabelFacts {
    QString tag;
    QString kind; ///< inventory spelling of the asset kind
    QString spec; ///< short spec line: "i5-6500 · 8 GB · SSD 256 GB"
    QString master; ///< last applied imaging.recorded: "ecole-2026 1.4"
    QString kitReference; ///< last applied kit.created
    QList<LabelKitItem> kitItems;
};

/// "8 GB", "256 GB", "2 TB": RAM in powers of two, disks in powers of ten; empty for 0.
QString humanBytes(qint64 bytes);
/// "Intel(R) Core(TM) i5-6500 CPU @ 3.20GHz" -> "i5-6500".
QString shortCpu(QString cpu);
/// The short spec line of a label: CPU, RAM, first disk; from components, else specs;
/// make and model when nothing is known.
QString labelSpecLine(const Inventory::Asset &asset);

/// Reads what the label of `tag` (any spelling AssetTag::parse accepts) shows.
Result<AssetLabelFacts> assetLabelFacts(const Inventory::Store &store, const QString &tag);

/// Records that the label of `tag` left on `printerUri` with `templateName`
/// (`label.printed`). Call it only once the printer took the label.
Result<Inventory::Event> recordLabelPrinted(Inventory::Store &store, const QString &tag, const QString &templateName,
                                            const QString &printerUri);

} // namespace Etabli::AppCore
