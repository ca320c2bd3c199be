// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

#include "common/result.h"

#include <QList>
#include <QPointF>
#include <QRectF>
#include <QSizeF>
#include <QString>

#include <optional>

namespace Etabli::Labels {

/// What a field of a template shows.
enum class FieldType { Text, DataMatrix, QrCode, Code128, Pictogram, List };

/// Which datum of the label a field shows.
enum class FieldSource {
    Tag, ///< the asset tag (BCL-000123-Q)
    Spec, ///< the short spec line (CPU, RAM, disk)
    Master, ///< the master image name and version
    Kind, ///< the asset kind (pictograms)
    KitReference, ///< the kit's reference
    KitItems, ///< the kit's item tags with their kinds (List fields)
    Literal, ///< the field's own `text`
};

struct TemplateField {
    FieldType type = FieldType::Text;
    FieldSource source = FieldSource::Tag;
    QRectF rectMm; ///< position on the label, millimetres from its top-left corner
    QString text; ///< Literal text; prefix of other text fields ("Master: ")
    bool bold = false;
    bool monospace = false;
    int minModuleDots = 0; ///< 0: the default (2 for Code 128, 3 for 2D codes)
};

/// An A4 (or other) sheet holding a grid of identical labels.
struct SheetLayout {
    QSizeF pageMm; ///< the sheet
    QPointF originMm; ///< top-left corner of the first label
    QSizeF pitchMm; ///< distance from one label to the next, across and down
    int columns = 0;
    int rows = 0;
    int capacity() const { return columns * rows; }
};

/// A label layout read from JSON data (labels/templates/*.json or a user file).
/// Plain value type: any thread.
struct LabelTemplate {
    QString name;
    QString description;
    QSizeF sizeMm; ///< one label
    QSizeF marginsMm; ///< unprintable border (left/right, top/bottom) inside the label
    int dpi = 300; ///< the native resolution of the printers it is meant for
    QString brotherMedia; ///< Brother QL media id ("62x29", "62"), empty if not a QL label
    QList<TemplateField> fields;
    std::optional<SheetLayout> sheet; ///< set for sheets of labels (office printers)

    /// The page that outputs (PDF, PNG, printers) get: the sheet, or the label.
    QSizeF pageMm() const { return sheet ? sheet->pageMm : sizeMm; }
    /// How many labels one page holds.
    int capacity() const { return sheet ? sheet->capacity() : 1; }

    /// Parses a template from its JSON text; `origin` names it in error messages.
    static Result<LabelTemplate> fromJson(const QByteArray &json, const QString &origin);
    /// Loads a template file (.json).
    static Result<LabelTemplate> fromFile(const QString &path);
};

/// The templates shipped with Établi (compiled in from labels/templates/), by name.
QList<LabelTemplate> builtinTemplates();

/// A built-in template by name, or a template file when `nameOrPath` ends in .json.
Result<LabelTemplate> findTemplate(const QString &nameOrPath);

} // namespace Etabli::Labels
