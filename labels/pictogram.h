// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

#include <QRectF>
#include <QString>
#include <QStringList>

class QPainter;

namespace Etabli::Labels {

/// The asset kinds that have a pictogram (inventory spellings: pc, screen, keyboard,
/// mouse, speakers, part).
QStringList pictogramKinds();

/// Draws the pictogram of asset kind `kind` in black line art, centred in `rect`
/// (any unit the painter uses); an unknown kind gets a plain box. Bold strokes: the
/// pictogram must stay readable at 6 mm on a 203 dpi thermal print.
void drawPictogram(QPainter &painter, const QString &kind, const QRectF &rect);

} // namespace Etabli::Labels
