// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

#include "common/result.h"

#include <QString>

namespace Etabli::Supervisor {

/// Writes a small generated workshop to the local store `path` (created; an existing file
/// is refused): two donors and lots, three workers, PCs in test with passed and failed
/// tests, broken parts, an erasure waiting for its second-person check and three PCs with
/// the same serial (attention rows). For `etabli-station --role supervisor --demo`, the
/// AT-SPI walk and the screen tests. Returns the number of PCs.
Result<int> writeDemoStore(const QString &path);

} // namespace Etabli::Supervisor
