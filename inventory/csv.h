// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

/// CSV in and out, the one place that knows its rules. Plain functions, any thread.
///
/// Writing: RFC 4180 (fields with the separator, a quote, CR or LF are quoted, quotes
/// doubled, records end with CRLF) plus OWASP's rule against formula injection: a cell
/// that starts with `=`, `+`, `-`, `@`, a tab or a CR is prefixed with a single quote and
/// quoted, so a spreadsheet shows it as text instead of running it.
///
/// Reading: UTF-8 (with or without BOM) or Windows-1252, comma or semicolon separated
/// (detected on the header line), quoted fields with line breaks; each record keeps the
/// line of the file where it starts.
namespace Etabli::Inventory::Csv {

/// One field, escaped and quoted as needed.
QString field(const QString &cell, QChar separator = QLatin1Char(','));
/// One record: escaped fields joined by `separator`, ended by CRLF.
QString record(const QStringList &cells, QChar separator = QLatin1Char(','));

enum class Encoding { Utf8, Utf8Bom, Windows1252 };
QString toString(Encoding encoding); ///< "utf-8", "utf-8-bom", "windows-1252"

struct Record {
    int line = 0; ///< 1-based line of the file where the record starts
    QStringList fields;
    bool undecodable = false; ///< a byte sequence that is not text in the file's encoding
    bool unterminated = false; ///< a quoted field still open at the end of the file
};

struct Table {
    Encoding encoding = Encoding::Utf8;
    QChar separator = QLatin1Char(',');
    QList<Record> records; ///< the header first; blank lines are skipped
};

/// Decodes and splits `bytes`. Fails only on input that is not a CSV file at all
/// (empty, or with NUL bytes); per-record problems are flagged on the record.
Result<Table> read(const QByteArray &bytes);

} // namespace Etabli::Inventory::Csv
