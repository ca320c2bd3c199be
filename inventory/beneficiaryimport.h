// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

#include "common/result.h"
#include "inventory/csv.h"

#include <QList>
#include <QSet>
#include <QString>

namespace Etabli::Inventory {

class Store;

/// Importing the schools' pupil lists at the distribution desk (`etabli desk import`).
///
/// A file is read with Csv::read (UTF-8 with or without BOM, Windows-1252, `,` or `;`,
/// quoted line breaks); its columns are found by their header, French or English, in
/// any case and with or without accents. Every record is validated before anything is
/// stored, and the import is all or nothing: one bad line and nothing is stored. Each
/// pupil becomes a `beneficiary.added` event (reference and school_id = pupil id,
/// family_name = parent name, contact = parent contact, school, class) in the desk's
/// own store, in one transaction; `etabli sync --desk` takes them to the server. Only a
/// desk's store takes them (setting `sync.desk`): family data never goes on a bench.
/// Plain functions, called on the thread that owns the Store.
namespace BeneficiaryImport {

enum class Column { PupilId, PupilName, School, Class, ParentName, ParentContact };
QString columnName(Column column); ///< "pupil id", "pupil name"…, as the report names them

struct Pupil {
    int line = 0; ///< where its record starts in the file
    QString pupilId, pupilName, school, className, parentName, parentContact;
};

struct LineError {
    int line = 0; ///< 1-based line of the file where the record starts (1: the header)
    QString reason; ///< translated, says what to fix
    QString detail; ///< stable: missing_column, missing_field, duplicate_in_file,
                    ///< already_known, undecodable, unterminated_quote, field_count, too_long
};

struct Report {
    Csv::Encoding encoding = Csv::Encoding::Utf8;
    QChar separator;
    QList<Pupil> pupils; ///< the valid records, in file order
    QList<LineError> errors; ///< in line order
    int imported = 0; ///< stored (0 on a dry run or with any error)
};

/// Reads and validates `bytes`; `known` are the pupil ids already in the store.
/// Fails only when the file is not CSV text at all.
Result<Report> validate(const QByteArray &bytes, const QSet<QString> &known);

/// Validates and, with no error and unless `dryRun`, stores every pupil in one
/// transaction. Refused (ErrorCode::Refused, detail `not_a_desk`) on a store that is not
/// a desk's.
Result<Report> run(Store &store, const QByteArray &bytes, bool dryRun);

/// Whether `store` is a desk's (setting `sync.desk` = 1, set by `etabli sync --desk`).
bool isDeskStore(const Store &store);

struct Beneficiary {
    QString reference, schoolId, school, className, familyName, contact;
};
/// Everyone the store knows, by reference.
QList<Beneficiary> beneficiaries(const Store &store);

} // namespace BeneficiaryImport

} // namespace Etabli::Inventory
