// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

#include "common/result.h"
#include "labels/barcode.h"
#include "labels/labeltemplate.h"

#include <QImage>
#include <QList>
#include <QRect>
#include <QString>

namespace Etabli::Labels {

struct KitItem {
    QString tag;
    QString kind; ///< inventory spelling (screen, keyboard…), selects the pictogram
};

/// What one label shows; filled from the inventory by the caller.
struct LabelData {
    QString tag; ///< the asset tag, encoded in every barcode
    QString kind; ///< inventory spelling of the asset kind (pc, screen…)
    QString spec; ///< short spec line: "i5-6500 · 8 GB · SSD 256 GB"
    QString master; ///< master name and version: "ecole-2026 1.4"
    QString kitReference;
    QList<KitItem> kitItems;
};

/// A barcode as it was placed on the image: where, how big, each module in dots.
struct PlacedSymbol {
    BarcodeSymbol symbol;
    QRect rect; ///< dots, quiet zones included
    int moduleDots = 0; ///< printer dots per module (x and, for 2D codes, y)
    int label = 0; ///< index of the label on a sheet
};

/// A text as it was placed, so the PDF can carry it as real (searchable) text.
struct PlacedText {
    QString text;
    QRectF rect; ///< dots
    QString family;
    bool bold = false;
    double pixelSize = 0;
};

/// One page rendered once, in 1 bit, at the printer's resolution: every output (PNG,
/// PDF, CUPS, ZPL, Brother QL) reuses `image`. `image` is QImage::Format_Mono with
/// colour index 1 = black (a dot to burn) and index 0 = white.
struct RenderedLabel {
    QString templateName;
    int dpi = 0;
    QSizeF pageMm;
    QImage image;
    QList<PlacedSymbol> symbols;
    QList<PlacedText> texts;
    QStringList tags; ///< the tags on this page, in order
};

/// Millimetres to printer dots.
inline double mmToDots(double mm, int dpi)
{
    return mm * dpi / 25.4;
}

/// Renders `labels` (one, or up to the sheet's capacity) with `templ` at `dpi` (0: the
/// template's own). Fails with a clear message if a barcode cannot get whole printer
/// dots per module of at least the minimum (2 for Code 128, 3 for 2D) in its field.
/// Thread-safe (needs a QGuiApplication for fonts, like any QPainter text).
Result<RenderedLabel> renderLabels(const LabelTemplate &templ, const QList<LabelData> &labels, int dpi = 0);

} // namespace Etabli::Labels
