// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

#include "common/result.h"

#include <QList>
#include <QPoint>
#include <QRectF>
#include <QSize>
#include <QString>

class QPainter;

namespace Etabli::Labels {

enum class Symbology { Code128, DataMatrix, QrCode };

QString toString(Symbology symbology);
/// Fewest printer dots per module a symbology gets: 2 for Code 128, 3 for 2D codes.
int minimumModuleDots(Symbology symbology);

/// A symbol encoded by libzint, as its vector output: the dark modules as rectangles in
/// module units, quiet zones included in `modules` (10 X for Code 128, 1 X for Data
/// Matrix, 4 X for QR). Data Matrix symbols are always square. Value type: any thread.
struct BarcodeSymbol {
    Symbology symbology = Symbology::Code128;
    QString data;
    QSize modules; ///< whole symbol with quiet zones, in modules (Code 128: height is libzint's default)
    QSize symbolModules; ///< the symbol without quiet zones, in modules
    QList<QRectF> bars; ///< dark rectangles, in modules, from libzint's vector output
    bool is2D() const { return symbology != Symbology::Code128; }
    /// Narrowest dark rectangle, in modules (1.0 for every well-formed symbol).
    double narrowestBar() const;
};

/// Encodes `data` with libzint (quiet zones on, square Data Matrix).
Result<BarcodeSymbol> encodeBarcode(Symbology symbology, const QString &data);

/// Draws `symbol` with its top-left quiet-zone corner at `origin` (printer dots), each
/// module exactly `moduleDots` dots wide (and high for 2D codes); a Code 128 is
/// stretched to `heightDots`. Antialiasing must be off on `painter` for crisp dots.
void drawBarcode(QPainter &painter, const BarcodeSymbol &symbol, QPoint origin, int moduleDots, int heightDots = 0);

} // namespace Etabli::Labels
