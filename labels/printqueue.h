// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

#include "common/result.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace Etabli::Labels {

/// A label that did not go out and waits to be printed again.
struct QueuedPrint {
    QString id; ///< short, stable: what `etabli label reprint ID` takes
    QStringList tags;
    QString templateName;
    QString printer; ///< printer URI
    int dpi = 0; ///< 0: the printer's / template's own
    QString queuedAt; ///< ISO 8601 UTC
    int attempts = 1;
    QString lastError;
};

/// The reprint queue of one station: a small JSON file next to the inventory, written
/// atomically under a lock file, so two `etabli` processes never lose an entry. Any
/// thread; each call re-reads the file.
class PrintQueue
{
public:
    explicit PrintQueue(QString path);

    QString path() const { return m_path; }
    Result<QList<QueuedPrint>> entries() const;
    /// Adds `print` (a fresh id and time are given) and returns it as stored.
    Result<QueuedPrint> enqueue(QueuedPrint print);
    /// Counts one more failed attempt of `id` with its error.
    Result<void> markFailed(const QString &id, const QString &error);
    Result<void> remove(const QString &id);

private:
    QString m_path;
};

} // namespace Etabli::Labels
