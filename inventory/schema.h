// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

#include <QStringList>

namespace Etabli::Inventory::Schema {

/// The SQL statements that take a store from version `version - 1` to `version`
/// (version 1 creates it). Migrations only ever append: a released step is never edited.
QStringList migration(int version);

/// The version a new or upgraded store ends at.
int latestVersion();

} // namespace Etabli::Inventory::Schema
