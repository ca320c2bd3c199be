// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

#include <QJsonObject>
#include <QString>

namespace Etabli::HwTest {

/// Turns a MachineProbe::probe() document into a GLPI inventory (itemtype Computer)
/// that validates against glpi-project/inventory_format's inventory.schema.json, so a
/// city's GLPI can import what the workshop saw. Pure function, any thread.
class GlpiExport
{
public:
    /// `deviceId` identifies the machine for GLPI (e.g. the asset tag); empty: built
    /// from the system serial number.
    static QJsonObject inventory(const QJsonObject &machine, const QString &deviceId = {});
};

} // namespace Etabli::HwTest
