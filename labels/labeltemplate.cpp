// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "labels/labeltemplate.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

static void initLabelResources()
{
    // The templates live in a resource of this static library: register it once.
    Q_INIT_RESOURCE(labels_templates);
}

namespace Etabli::Labels {

namespace {

struct Parser {
    QString origin;
    QString problem;

    bool fail(const QString &what)
    {
        if (problem.isEmpty())
            problem = what;
        return false;
    }

    /// [a, b] or [a, b, c, d] of non-negative numbers.
    QList<double> numbers(const QJsonValue &v, int count, const QString &key)
    {
        QList<double> out;
        const QJsonArray a = v.toArray();
        if (!v.isArray() || a.size() != count) {
            fail(QCoreApplication::translate("Labels", "«%1» must be an array of %2 numbers").arg(key).arg(count));
            return QList<double>(count, 0.0);
        }
        for (const QJsonValue &x : a) {
            if (!x.isDouble() || x.toDouble() < 0) {
                fail(QCoreApplication::translate("Labels", "«%1» must hold non-negative numbers").arg(key));
                return QList<double>(count, 0.0);
            }
            out.append(x.toDouble());
        }
        return out;
    }
};

std::optional<FieldType> fieldTypeFromString(const QString &s)
{
    static const QList<std::pair<QString, FieldType>> names{
        {QStringLiteral("text"), FieldType::Text},           {QStringLiteral("datamatrix"), FieldType::DataMatrix},
        {QStringLiteral("qr"), FieldType::QrCode},           {QStringLiteral("code128"), FieldType::Code128},
        {QStringLiteral("pictogram"), FieldType::Pictogram}, {QStringLiteral("list"), FieldType::List},
    };
    for (const auto &[name, type] : names)
        if (name == s)
            return type;
    return std::nullopt;
}

std::optional<FieldSource> fieldSourceFromString(const QString &s)
{
    static const QList<std::pair<QString, FieldSource>> names{
        {QStringLiteral("tag"), FieldSource::Tag},
        {QStringLiteral("spec"), FieldSource::Spec},
        {QStringLiteral("master"), FieldSource::Master},
        {QStringLiteral("kind"), FieldSource::Kind},
        {QStringLiteral("kit_reference"), FieldSource::KitReference},
        {QStringLiteral("kit_items"), FieldSource::KitItems},
        {QStringLiteral("literal"), FieldSource::Literal},
    };
    for (const auto &[name, source] : names)
        if (name == s)
            return source;
    return std::nullopt;
}

} // namespace

Result<LabelTemplate> LabelTemplate::fromJson(const QByteArray &json, const QString &origin)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return makeError(ErrorCode::InvalidArgument,
                         QCoreApplication::translate("Labels", "label template %1 is not a JSON object: %2")
                             .arg(origin, error.errorString()),
                         QStringLiteral("template_json"));
    const QJsonObject o = doc.object();
    Parser p{origin, {}};
    LabelTemplate t;
    t.name = o.value(QLatin1String("name")).toString();
    t.description = o.value(QLatin1String("description")).toString();
    if (t.name.isEmpty() || t.name.contains(u' '))
        p.fail(QCoreApplication::translate("Labels", "«name» must be a non-empty word"));
    const auto size = p.numbers(o.value(QLatin1String("size_mm")), 2, QStringLiteral("size_mm"));
    t.sizeMm = QSizeF(size[0], size[1]);
    if (t.sizeMm.width() < 10 || t.sizeMm.height() < 10 || t.sizeMm.width() > 300 || t.sizeMm.height() > 300)
        p.fail(QCoreApplication::translate("Labels", "«size_mm» must be between 10 and 300 mm"));
    if (o.contains(QLatin1String("margins_mm"))) {
        const auto m = p.numbers(o.value(QLatin1String("margins_mm")), 2, QStringLiteral("margins_mm"));
        t.marginsMm = QSizeF(m[0], m[1]);
    }
    t.dpi = o.value(QLatin1String("dpi")).toInt(300);
    if (t.dpi < 100 || t.dpi > 1200)
        p.fail(QCoreApplication::translate("Labels", "«dpi» must be between 100 and 1200"));
    t.brotherMedia = o.value(QLatin1String("brother_media")).toString();
    const QRectF printable(t.marginsMm.width(), t.marginsMm.height(), t.sizeMm.width() - 2 * t.marginsMm.width(),
                           t.sizeMm.height() - 2 * t.marginsMm.height());

    const QJsonArray fields = o.value(QLatin1String("fields")).toArray();
    if (fields.isEmpty())
        p.fail(QCoreApplication::translate("Labels", "«fields» must list at least one field"));
    for (int i = 0; i < fields.size() && p.problem.isEmpty(); ++i) {
        const QJsonObject f = fields[i].toObject();
        TemplateField field;
        const auto type = fieldTypeFromString(f.value(QLatin1String("type")).toString());
        const auto source = fieldSourceFromString(f.value(QLatin1String("data")).toString(QStringLiteral("tag")));
        if (!type) {
            p.fail(QCoreApplication::translate(
                       "Labels", "field %1: unknown type «%2» (text, datamatrix, qr, code128, pictogram, list)")
                       .arg(i)
                       .arg(f.value(QLatin1String("type")).toString()));
            break;
        }
        if (!source) {
            p.fail(QCoreApplication::translate("Labels", "field %1: unknown data «%2»")
                       .arg(i)
                       .arg(f.value(QLatin1String("data")).toString()));
            break;
        }
        field.type = *type;
        field.source = *source;
        const auto r = p.numbers(f.value(QLatin1String("rect_mm")), 4, QStringLiteral("rect_mm"));
        field.rectMm = QRectF(r[0], r[1], r[2], r[3]);
        field.text = f.value(QLatin1String("text")).toString();
        field.bold = f.value(QLatin1String("bold")).toBool();
        field.monospace = f.value(QLatin1String("monospace")).toBool();
        field.minModuleDots = f.value(QLatin1String("min_module_dots")).toInt(0);
        if (field.rectMm.isEmpty())
            p.fail(QCoreApplication::translate("Labels", "field %1: «rect_mm» has no area").arg(i));
        else if (!printable.adjusted(-0.001, -0.001, 0.001, 0.001).contains(field.rectMm))
            p.fail(
                QCoreApplication::translate("Labels", "field %1 lies outside the printable area of the label").arg(i));
        const bool symbol = field.type == FieldType::DataMatrix || field.type == FieldType::QrCode
            || field.type == FieldType::Code128;
        if (symbol && field.source != FieldSource::Tag && field.source != FieldSource::KitReference
            && field.source != FieldSource::Literal)
            p.fail(QCoreApplication::translate("Labels", "field %1: barcodes carry a tag, a kit reference or a literal")
                       .arg(i));
        t.fields.append(field);
    }

    if (o.contains(QLatin1String("sheet"))) {
        const QJsonObject s = o.value(QLatin1String("sheet")).toObject();
        SheetLayout sheet;
        const auto page = p.numbers(s.value(QLatin1String("page_mm")), 2, QStringLiteral("sheet.page_mm"));
        const auto origin = p.numbers(s.value(QLatin1String("origin_mm")), 2, QStringLiteral("sheet.origin_mm"));
        const auto pitch = p.numbers(s.value(QLatin1String("pitch_mm")), 2, QStringLiteral("sheet.pitch_mm"));
        sheet.pageMm = QSizeF(page[0], page[1]);
        sheet.originMm = QPointF(origin[0], origin[1]);
        sheet.pitchMm = QSizeF(pitch[0], pitch[1]);
        sheet.columns = s.value(QLatin1String("columns")).toInt();
        sheet.rows = s.value(QLatin1String("rows")).toInt();
        if (sheet.pageMm.width() > 500 || sheet.pageMm.height() > 500)
            p.fail(QCoreApplication::translate("Labels", "«sheet.page_mm» must be at most 500 mm"));
        if (sheet.columns < 1 || sheet.rows < 1)
            p.fail(QCoreApplication::translate("Labels", "«sheet» needs at least one column and one row"));
        const double right = sheet.originMm.x() + (sheet.columns - 1) * sheet.pitchMm.width() + t.sizeMm.width();
        const double bottom = sheet.originMm.y() + (sheet.rows - 1) * sheet.pitchMm.height() + t.sizeMm.height();
        if (right > sheet.pageMm.width() + 0.01 || bottom > sheet.pageMm.height() + 0.01)
            p.fail(QCoreApplication::translate("Labels", "the labels of «sheet» do not fit on its page"));
        t.sheet = sheet;
    }
    if (!p.problem.isEmpty())
        return makeError(ErrorCode::InvalidArgument,
                         QCoreApplication::translate("Labels", "label template %1: %2").arg(origin, p.problem),
                         QStringLiteral("template_invalid"));
    return t;
}

Result<LabelTemplate> LabelTemplate::fromFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return makeError(
            ErrorCode::NotFound,
            QCoreApplication::translate("Labels", "cannot read the label template %1: %2").arg(path, f.errorString()));
    return fromJson(f.readAll(), path);
}

QList<LabelTemplate> builtinTemplates()
{
    static const QList<LabelTemplate> templates = [] {
        initLabelResources();
        QList<LabelTemplate> list;
        const QDir dir(QStringLiteral(":/etabli/labels/templates"));
        const QStringList files = dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
        for (const QString &file : files) {
            auto t = LabelTemplate::fromFile(dir.filePath(file));
            Q_ASSERT_X(t.ok(), "builtinTemplates", qPrintable(t.ok() ? QString() : t.error().message));
            if (t)
                list.append(*t);
        }
        return list;
    }();
    return templates;
}

Result<LabelTemplate> findTemplate(const QString &nameOrPath)
{
    if (nameOrPath.endsWith(QLatin1String(".json"), Qt::CaseInsensitive))
        return LabelTemplate::fromFile(nameOrPath);
    const QList<LabelTemplate> all = builtinTemplates();
    const auto it = std::find_if(all.begin(), all.end(), [&](const LabelTemplate &t) { return t.name == nameOrPath; });
    if (it != all.end())
        return *it;
    QStringList names;
    for (const LabelTemplate &t : all)
        names.append(t.name);
    return makeError(ErrorCode::NotFound,
                     QCoreApplication::translate("Labels", "no label template «%1» (templates: %2)")
                         .arg(nameOrPath, names.join(QStringLiteral(", "))),
                     QStringLiteral("unknown_template"));
}

} // namespace Etabli::Labels
