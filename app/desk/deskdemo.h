// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

#include "common/result.h"

#include <QString>
#include <QStringList>

namespace Etabli::Desk {

/// What the demo desk store holds (made-up families, never real data).
struct DemoDesk {
    QString voucher; ///< Léa Martin's voucher, kit not handed over yet
    QString givenVoucher; ///< Yanis Benali's voucher, kit handed over today
    QStringList readyTags; ///< READY: pc, screen, keyboard, mouse, second pc, speakers, other-lot screen
    QStringList givenTags; ///< handed over to Yanis Benali: pc, screen, keyboard, mouse
};

/// Writes a desk store at `path` (`etabli-station --role desk --demo`, tst_deskscreen, the
/// AT-SPI walk): lot L1 and L2 with READY PCs, screens, keyboards, mice and speakers
/// (BCL-000001…), four families of the school "Jaurès" with vouchers, one kit handed over
/// (witnessed), two families in the parents' training (one with all six lessons).
Result<DemoDesk> makeDemoDesk(const QString &path);

} // namespace Etabli::Desk
