// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

#include "common/result.h"

#include <QString>

namespace Etabli::Station {

/// What main() reads from the inventory before the first screen opens: the asset a
/// result will be recorded on (issue 12: a wrong or unknown `--asset` is refused before
/// the worker does the test, not after) and the station's settings. Neither creates an
/// inventory that is not there. Any thread, one call at a time.

/// The tag in its canonical form when it parses and `dbPath` holds that asset;
/// InvalidArgument / BadCheckCharacter for a malformed tag, NotFound for a missing
/// inventory file or an unknown asset.
Result<QString> checkAsset(const QString &tag, const QString &dbPath);

/// The station setting `key` (`etabli config set KEY VALUE`), or `fallback` when the
/// inventory does not exist, cannot be opened or has no such setting.
QString stationSetting(const QString &dbPath, const QString &key, const QString &fallback = {});

/// The workshop's language: `requested` (--lang), then $ETABLI_LANG, then the station's
/// setting `station.lang` in `dbPath`, then French. The system locale is not asked: a
/// bench booted live runs under C.UTF-8, and its workers read French (issue 12).
QString stationLanguage(const QString &requested, const QString &dbPath);

} // namespace Etabli::Station
