// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "inventory/csv.h"

#include <QCoreApplication>

namespace Etabli::Inventory::Csv {

namespace {

constexpr char16_t kReplacement = 0xFFFD;

/// Windows-1252's 0x80–0x9F; 0 marks the five bytes it leaves undefined.
constexpr char16_t kCp1252High[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,
};

QString fromWindows1252(const QByteArray &bytes)
{
    QString out;
    out.reserve(bytes.size());
    for (const char c : bytes) {
        const auto b = static_cast<unsigned char>(c);
        if (b >= 0x80 && b < 0xA0)
            out.append(QChar(kCp1252High[b - 0x80] ? kCp1252High[b - 0x80] : kReplacement));
        else
            out.append(QChar(char16_t(b)));
    }
    return out;
}

/// Counts well-formed multi-byte UTF-8 sequences and bytes that fit no sequence.
void scanUtf8(const QByteArray &bytes, qsizetype &valid, qsizetype &invalid)
{
    valid = invalid = 0;
    const auto *p = reinterpret_cast<const unsigned char *>(bytes.constData());
    const qsizetype n = bytes.size();
    for (qsizetype i = 0; i < n;) {
        const unsigned char b = p[i];
        int len = b < 0x80             ? 1
            : (b >= 0xC2 && b <= 0xDF) ? 2
            : (b >= 0xE0 && b <= 0xEF) ? 3
            : (b >= 0xF0 && b <= 0xF4) ? 4
                                       : 0;
        if (len == 1) {
            ++i;
            continue;
        }
        bool ok = len > 0 && i + len <= n;
        for (int k = 1; ok && k < len; ++k)
            ok = (p[i + k] & 0xC0) == 0x80;
        // Overlong three/four-byte forms, surrogates and code points past U+10FFFF.
        if (ok && len == 3)
            ok = !(b == 0xE0 && p[i + 1] < 0xA0) && !(b == 0xED && p[i + 1] >= 0xA0);
        if (ok && len == 4)
            ok = !(b == 0xF0 && p[i + 1] < 0x90) && !(b == 0xF4 && p[i + 1] >= 0x90);
        if (ok) {
            ++valid;
            i += len;
        } else {
            ++invalid;
            ++i;
        }
    }
}

bool needsFormulaEscape(const QString &cell)
{
    if (cell.isEmpty())
        return false;
    const QChar c = cell.front();
    return c == QLatin1Char('=') || c == QLatin1Char('+') || c == QLatin1Char('-') || c == QLatin1Char('@')
        || c == QLatin1Char('\t') || c == QLatin1Char('\r');
}

} // namespace

QString field(const QString &cell, QChar separator)
{
    const bool formula = needsFormulaEscape(cell);
    if (!formula && !cell.contains(separator) && !cell.contains(QLatin1Char('"')) && !cell.contains(QLatin1Char('\n'))
        && !cell.contains(QLatin1Char('\r')))
        return cell;
    QString quoted = cell;
    quoted.replace(QStringLiteral("\""), QStringLiteral("\"\""));
    return QLatin1Char('"') + (formula ? QStringLiteral("'") : QString()) + quoted + QLatin1Char('"');
}

QString record(const QStringList &cells, QChar separator)
{
    QString out;
    for (qsizetype i = 0; i < cells.size(); ++i) {
        if (i > 0)
            out += separator;
        out += field(cells[i], separator);
    }
    return out + QStringLiteral("\r\n");
}

QString toString(Encoding encoding)
{
    switch (encoding) {
    case Encoding::Utf8:
        return QStringLiteral("utf-8");
    case Encoding::Utf8Bom:
        return QStringLiteral("utf-8-bom");
    case Encoding::Windows1252:
        break;
    }
    return QStringLiteral("windows-1252");
}

Result<Table> read(const QByteArray &input)
{
    Table table;
    QByteArray bytes = input;
    if (bytes.startsWith("\xEF\xBB\xBF")) {
        bytes.remove(0, 3);
        table.encoding = Encoding::Utf8Bom;
    }
    if (bytes.trimmed().isEmpty())
        return makeError(ErrorCode::InvalidArgument,
                         QCoreApplication::translate("Etabli::Inventory::Csv", "the file is empty"),
                         QStringLiteral("empty_file"));
    if (bytes.contains('\0'))
        return makeError(ErrorCode::Corrupt,
                         QCoreApplication::translate("Etabli::Inventory::Csv",
                                                     "this is not a text file (it holds NUL bytes): save it as CSV"),
                         QStringLiteral("not_text"));
    // Valid UTF-8, or mostly (a BOM, or more good multi-byte sequences than stray
    // bytes: a UTF-8 file with a damaged line), is UTF-8 and its bad bytes are flagged;
    // anything else is what French spreadsheets write on Windows.
    qsizetype valid = 0, invalid = 0;
    scanUtf8(bytes, valid, invalid);
    QString text;
    if (table.encoding == Encoding::Utf8Bom || invalid == 0 || valid > invalid) {
        text = QString::fromUtf8(bytes);
    } else {
        table.encoding = Encoding::Windows1252;
        text = fromWindows1252(bytes);
    }

    // The separator is the one of `;` and `,` the header line uses more (outside quotes).
    int commas = 0, semicolons = 0;
    bool quoted = false;
    for (const QChar c : std::as_const(text)) {
        if (c == QLatin1Char('"'))
            quoted = !quoted;
        else if (!quoted && (c == QLatin1Char('\n') || c == QLatin1Char('\r')))
            break;
        else if (!quoted && c == QLatin1Char(','))
            ++commas;
        else if (!quoted && c == QLatin1Char(';'))
            ++semicolons;
    }
    table.separator = semicolons > commas ? QLatin1Char(';') : QLatin1Char(',');

    // RFC 4180, leniently: CRLF, LF or CR end a record; "" is a quote inside quotes;
    // characters after a closing quote are kept (spreadsheets write `"a" b` rarely).
    Record current;
    QString fieldText;
    int line = 1;
    current.line = 1;
    bool inQuotes = false, fieldStarted = false;
    const auto endField = [&] {
        current.fields << fieldText;
        fieldText.clear();
        fieldStarted = false;
    };
    const auto endRecord = [&](int nextLine) {
        endField();
        const bool blank = current.fields.size() == 1 && current.fields.first().trimmed().isEmpty();
        if (!blank) {
            for (const QString &f : std::as_const(current.fields))
                current.undecodable |= f.contains(QChar(kReplacement));
            table.records.append(current);
        }
        current = Record{};
        current.line = nextLine;
    };
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = text[i];
        if (inQuotes) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < n && text[i + 1] == QLatin1Char('"')) {
                    fieldText += QLatin1Char('"');
                    ++i;
                } else {
                    inQuotes = false;
                }
            } else {
                if (c == QLatin1Char('\n')
                    || (c == QLatin1Char('\r') && !(i + 1 < n && text[i + 1] == QLatin1Char('\n'))))
                    ++line;
                fieldText += c;
            }
            continue;
        }
        if (c == QLatin1Char('"') && !fieldStarted) {
            inQuotes = true;
            fieldStarted = true;
        } else if (c == table.separator) {
            endField();
        } else if (c == QLatin1Char('\r') || c == QLatin1Char('\n')) {
            if (c == QLatin1Char('\r') && i + 1 < n && text[i + 1] == QLatin1Char('\n'))
                ++i;
            ++line;
            endRecord(line);
        } else {
            fieldText += c;
            fieldStarted = true;
        }
    }
    if (inQuotes)
        current.unterminated = true;
    if (inQuotes || fieldStarted || !fieldText.isEmpty() || !current.fields.isEmpty())
        endRecord(line);
    return table;
}

} // namespace Etabli::Inventory::Csv
