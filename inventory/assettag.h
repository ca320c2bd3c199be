// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

#include "common/result.h"

#include <QString>

namespace Etabli::Inventory {

/// Asset tags such as `BCL-000123-Q`: a workshop prefix (1–8 letters or digits), a
/// six-digit number and an ISO/IEC 7064 MOD 37,36 check character computed over
/// prefix and number. The check character catches every single mistyped or
/// mis-scanned character and every swap of two neighbours. Pure functions: any thread.
namespace AssetTag {

/// The check character for `body` (letters and digits only; anything else is skipped).
QChar checkCharacter(const QString &body);

/// Builds the tag for `number` (0–999999) with `prefix`. `prefix` must be valid.
QString make(const QString &prefix, qint64 number);

bool isValidPrefix(const QString &prefix);

/// Normalises what a person typed or a scanner sent (trims, upper-cases) and checks
/// form and check character. Recognises a keyboard-wedge scanner set to QWERTY on an
/// AZERTY keyboard (`&é"'(-è_çà` instead of digits) and says so.
Result<QString> parse(const QString &input);

} // namespace AssetTag
} // namespace Etabli::Inventory
