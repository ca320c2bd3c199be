// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

#include "common/result.h"

#include <QJsonObject>
#include <QString>

namespace Etabli::HwTest {

/// What a PC needs before it can be handed to a family (configurable per city).
struct MinSpecProfile {
    QString name = QStringLiteral("default");
    bool cpu64bit = true;
    bool sse2 = true;
    int minThreads = 2;
    double minRamGiB = 4; ///< installed RAM
    double minDiskGB = 120; ///< largest fixed (non-removable) disk, decimal GB

    /// Reads a profile from JSON keys name, cpu_64bit, sse2, min_threads, min_ram_gib,
    /// min_disk_gb; missing keys keep the defaults, wrong types are an error.
    static Result<MinSpecProfile> fromJson(const QJsonObject &o);
    static Result<MinSpecProfile> load(const QString &file);
};

/// Minimum-spec check of a MachineProbe::probe() document. The verdict is "OK" or
/// "UPGRADE_NEEDED" with one entry per unmet rule: {part: ram|disk|cpu, reason,
/// needed, found, picture}; `picture` names the pictogram of the part to add, which
/// the bench screen shows to the worker. Pure function, any thread.
class MinSpec
{
public:
    static QJsonObject check(const MinSpecProfile &profile, const QJsonObject &machine);
};

} // namespace Etabli::HwTest
