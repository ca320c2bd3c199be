// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "inventory/beneficiaryimport.h"

#include "inventory/eventtypes.h"
#include "inventory/store.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>
#include <QSqlQuery>

namespace Etabli::Inventory::BeneficiaryImport {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Etabli::Inventory::BeneficiaryImport", text);
}

constexpr Column kColumns[]
    = {Column::PupilId, Column::PupilName, Column::School, Column::Class, Column::ParentName, Column::ParentContact};

/// Lower case, no accents, letters and digits only: "N° élève" → "neleve".
QString normalised(const QString &header)
{
    QString out;
    for (const QChar c : header.normalized(QString::NormalizationForm_D))
        if (c.isLetterOrNumber() && c.category() != QChar::Mark_NonSpacing)
            out += c.toLower();
    return out;
}

/// The headers schools' spreadsheets use, normalised.
const QHash<QString, Column> &headerNames()
{
    static const QHash<QString, Column> names = [] {
        QHash<QString, Column> h;
        const auto add = [&h](Column c, std::initializer_list<const char *> spellings) {
            for (const char *s : spellings)
                h.insert(normalised(QString::fromUtf8(s)), c);
        };
        add(Column::PupilId,
            {"pupil id", "pupil_id", "student id", "id élève", "identifiant élève", "identifiant", "numéro élève",
             "n° élève", "no élève", "ine", "élève id", "référence", "reference"});
        add(Column::PupilName,
            {"pupil name", "pupil", "student name", "student", "nom élève", "nom de l'élève", "élève",
             "nom prénom élève", "prénom nom élève", "nom et prénom de l'élève"});
        add(Column::School, {"school", "school name", "école", "nom école", "nom de l'école", "établissement"});
        add(Column::Class, {"class", "class name", "grade", "classe", "niveau"});
        add(Column::ParentName,
            {"parent name", "parent", "guardian", "guardian name", "nom parent", "nom du parent", "responsable",
             "nom responsable", "nom du responsable", "responsable légal", "représentant légal", "famille",
             "nom famille", "nom de famille"});
        add(Column::ParentContact,
            {"parent contact", "contact", "guardian contact", "phone", "email", "contact parent", "contact du parent",
             "contact responsable", "téléphone", "tél", "tel", "téléphone parent", "courriel", "mail"});
        return h;
    }();
    return names;
}

int maxLength(Column c)
{
    return c == Column::PupilId ? 64 : 256;
}

} // namespace

QString columnName(Column column)
{
    switch (column) {
    case Column::PupilId:
        return tr("pupil id");
    case Column::PupilName:
        return tr("pupil name");
    case Column::School:
        return tr("school");
    case Column::Class:
        return tr("class");
    case Column::ParentName:
        return tr("parent name");
    case Column::ParentContact:
        break;
    }
    return tr("parent contact");
}

Result<Report> validate(const QByteArray &bytes, const QSet<QString> &known)
{
    auto table = Csv::read(bytes);
    if (!table)
        return table.error();
    Report report;
    report.encoding = table->encoding;
    report.separator = table->separator;
    const Csv::Record &header = table->records.first();

    QHash<Column, int> index;
    for (int i = 0; i < header.fields.size(); ++i) {
        const auto c = headerNames().constFind(normalised(header.fields[i]));
        if (c != headerNames().cend() && !index.contains(*c))
            index.insert(*c, i);
    }
    QStringList missing;
    for (Column c : kColumns)
        if (!index.contains(c))
            missing << columnName(c);
    if (!missing.isEmpty()) {
        report.errors.append(
            {header.line,
             tr("missing column(s): %1 (the first line must name the columns: pupil id, pupil name, school, class, "
                "parent name, parent contact, in French or English)")
                 .arg(missing.join(QStringLiteral(", "))),
             QStringLiteral("missing_column")});
        return report;
    }

    QHash<QString, int> firstLine; // pupil id → line where it first appears
    for (qsizetype r = 1; r < table->records.size(); ++r) {
        const Csv::Record &record = table->records[r];
        const auto fail = [&](const QString &reason, const char *detail) {
            report.errors.append({record.line, reason, QLatin1String(detail)});
        };
        if (record.unterminated) {
            fail(tr("a quoted field is never closed (a missing \")"), "unterminated_quote");
            continue;
        }
        if (record.undecodable) {
            fail(tr("undecodable text: the line has bytes that are neither UTF-8 nor Windows-1252 text"),
                 "undecodable");
            continue;
        }
        if (record.fields.size() > header.fields.size()) {
            fail(tr("%1 fields where the header has %2 (a «%3» inside a field that is not quoted?)")
                     .arg(record.fields.size())
                     .arg(header.fields.size())
                     .arg(table->separator),
                 "field_count");
            continue;
        }
        Pupil p;
        p.line = record.line;
        QString *targets[] = {&p.pupilId, &p.pupilName, &p.school, &p.className, &p.parentName, &p.parentContact};
        QStringList empty, tooLong;
        for (int k = 0; k < 6; ++k) {
            const Column c = kColumns[k];
            *targets[k] = record.fields.value(index.value(c)).simplified();
            if (targets[k]->isEmpty())
                empty << columnName(c);
            else if (targets[k]->size() > maxLength(c))
                tooLong << columnName(c);
        }
        if (!empty.isEmpty()) {
            fail(tr("missing field(s): %1").arg(empty.join(QStringLiteral(", "))), "missing_field");
            continue;
        }
        if (!tooLong.isEmpty()) {
            fail(tr("too long (pupil id at most 64 characters, the others 256): %1")
                     .arg(tooLong.join(QStringLiteral(", "))),
                 "too_long");
            continue;
        }
        if (const auto seen = firstLine.constFind(p.pupilId); seen != firstLine.cend()) {
            fail(tr("duplicate pupil id «%1» (already on line %2 of this file)").arg(p.pupilId).arg(*seen),
                 "duplicate_in_file");
            continue;
        }
        firstLine.insert(p.pupilId, p.line);
        if (known.contains(p.pupilId)) {
            fail(tr("pupil id «%1» is already known").arg(p.pupilId), "already_known");
            continue;
        }
        report.pupils.append(p);
    }
    return report;
}

bool isDeskStore(const Store &store)
{
    return store.setting(QStringLiteral("sync.desk")) == QLatin1String("1");
}

QList<Beneficiary> beneficiaries(const Store &store)
{
    QList<Beneficiary> out;
    QSqlQuery q(store.database());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral(
            "SELECT reference, school_id, school, class, family_name, contact FROM beneficiaries ORDER BY reference")))
        return out;
    while (q.next())
        out.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                    q.value(4).toString(), q.value(5).toString()});
    return out;
}

Result<Report> run(Store &store, const QByteArray &bytes, bool dryRun)
{
    if (!isDeskStore(store))
        return makeError(ErrorCode::Refused,
                         tr("this inventory is not the distribution desk's, and family data never goes on a bench: "
                            "on the desk, run «etabli sync --desk --server URL --token DESK_TOKEN» once first"),
                         QStringLiteral("not_a_desk"));
    QSet<QString> known;
    for (const Beneficiary &b : beneficiaries(store))
        known.insert(b.reference);
    auto report = validate(bytes, known);
    if (!report || !report->errors.isEmpty() || dryRun)
        return report;
    QList<QJsonObject> payloads;
    payloads.reserve(report->pupils.size());
    for (const Pupil &p : std::as_const(report->pupils))
        payloads.append(QJsonObject{{QStringLiteral("reference"), p.pupilId},
                                    {QStringLiteral("school_id"), p.pupilId},
                                    {QStringLiteral("school"), p.school},
                                    {QStringLiteral("class"), p.className},
                                    {QStringLiteral("family_name"), p.parentName},
                                    {QStringLiteral("contact"), p.parentContact},
                                    // desk (issue 14): the pupil's name is stored, and who the family is
                                    {QStringLiteral("pupil_name"), p.pupilName},
                                    {QStringLiteral("parent_name"), p.parentName},
                                    {QStringLiteral("kind"), QStringLiteral("family")}});
    auto stored = store.recordGeneralAll(QString(EventType::BeneficiaryAdded), payloads);
    if (!stored)
        return stored.error();
    report->imported = *stored;
    return report;
}

} // namespace Etabli::Inventory::BeneficiaryImport
