// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace Etabli::Inventory {
class Store;
}

/// The workers of a workshop (issue 12): who may log in at a bench, by badge or photo. Their
/// cards live in the inventory as `worker.added` / `worker.updated` events (so they sync) and in
/// the store's `workers` table (schema 6: photo, active). What the CLI (`etabli worker`) and the
/// bench's login screen both do. Run on the thread that owns the store.
namespace Etabli::AppCore {

/// A worker's preferences (the `accessibility` object of the events), applied at login.
struct WorkerPreferences {
    double textScale = 1.0; ///< text_scale, 1 to 2
    bool voice = true; ///< voice: screens are read aloud on arrival
    QString guidance = QStringLiteral("full"); ///< guidance: full | short
    bool highContrast = false; ///< high_contrast

    static WorkerPreferences fromJson(const QJsonObject &accessibility);
    QJsonObject toJson() const;
};

struct WorkerCard {
    QString badge; ///< the id on the badge (Code 128 or QR), e.g. W-0007
    QString displayName;
    QString role = QStringLiteral("worker"); ///< worker | supervisor | desk
    QByteArray photo; ///< JPEG or PNG bytes, empty when none
    WorkerPreferences preferences;
    bool active = true;
};

/// Records `worker.added`. A badge already known is Conflict; a photo that is not a JPEG or
/// PNG, or is larger than the event allows (192 KiB of image), is InvalidArgument. Nothing is
/// written on a refusal.
Result<WorkerCard> addWorker(Inventory::Store &store, const WorkerCard &card);

/// The workers in the store, by display name; `activeOnly` leaves out those who left.
QList<WorkerCard> workers(Inventory::Store &store, bool activeOnly = true);

/// The active worker whose badge is `scanned` (trimmed, case-insensitive, so a scanner's
/// Caps Lock does not matter); NotFound (detail `unknown_badge`) otherwise.
Result<WorkerCard> workerByBadge(Inventory::Store &store, const QString &scanned);

} // namespace Etabli::AppCore
