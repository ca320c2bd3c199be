// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "inventory/assettag.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace Etabli::Inventory::AssetTag {

namespace {

constexpr int kModulus = 36;
constexpr qint64 kMaxNumber = 999999;

int valueOf(QChar c)
{
    if (c >= u'0' && c <= u'9')
        return c.unicode() - u'0';
    if (c >= u'A' && c <= u'Z')
        return c.unicode() - u'A' + 10;
    return -1;
}

QChar charOf(int v)
{
    return v < 10 ? QChar(u'0' + v) : QChar(u'A' + (v - 10));
}

} // namespace

QChar checkCharacter(const QString &body)
{
    // ISO/IEC 7064 hybrid system MOD 37,36: P starts at M; for each character,
    // S = (P + a) mod M (M when 0), P = 2S mod (M + 1); the check character c makes
    // (P + c) mod M == 1.
    int p = kModulus;
    for (QChar c : body) {
        const int a = valueOf(c.toUpper());
        if (a < 0)
            continue;
        int s = (p + a) % kModulus;
        if (s == 0)
            s = kModulus;
        p = (2 * s) % (kModulus + 1);
    }
    return charOf((kModulus + 1 - p) % kModulus);
}

bool isValidPrefix(const QString &prefix)
{
    static const QRegularExpression re(QStringLiteral("^[A-Z0-9]{1,8}$"));
    return re.match(prefix).hasMatch();
}

QString make(const QString &prefix, qint64 number)
{
    // Exactly six digits: with a variable width, moving the hyphen (LYON2-100200 →
    // LYON-2100200) would keep the same check character.
    Q_ASSERT(number >= 0 && number <= kMaxNumber);
    const QString digits = QStringLiteral("%1").arg(number, 6, 10, QLatin1Char('0'));
    return prefix + u'-' + digits + u'-' + checkCharacter(prefix + digits);
}

Result<QString> parse(const QString &input)
{
    QString tag = input.trimmed().toUpper();
    // A scanner emulating a QWERTY keyboard on an AZERTY layout types the unshifted
    // symbols of the digit row. Point at the scanner rather than at the label.
    static const QString azertyDigitRow = QStringLiteral("&É\"'(-È_ÇÀ");
    int azertyHits = 0;
    for (QChar c : tag)
        if (c != u'-' && azertyDigitRow.contains(c))
            ++azertyHits;
    static const QRegularExpression re(QStringLiteral("^([A-Z0-9]{1,8})-([0-9]{6})-([A-Z0-9])$"));
    const auto m = re.match(tag);
    if (!m.hasMatch()) {
        if (azertyHits >= 3)
            return makeError(
                ErrorCode::InvalidArgument,
                QCoreApplication::translate("AssetTag",
                                            "«%1» looks like a scanner set to a QWERTY layout on an AZERTY keyboard: "
                                            "configure the scanner for AZERTY (French) and scan again.")
                    .arg(input),
                QStringLiteral("scanner_layout"));
        return makeError(ErrorCode::InvalidArgument,
                         QCoreApplication::translate(
                             "AssetTag", "«%1» is not an asset tag (expected PREFIX-NNNNNN-C, e.g. BCL-000123-Q).")
                             .arg(input),
                         QStringLiteral("tag_format"));
    }
    const QChar expected = checkCharacter(m.captured(1) + m.captured(2));
    if (m.captured(3).at(0) != expected)
        return makeError(
            ErrorCode::BadCheckCharacter,
            QCoreApplication::translate("AssetTag",
                                        "«%1»: the check character does not match; the tag was mistyped or misread. "
                                        "Scan it again or type it carefully.")
                .arg(input),
            QStringLiteral("check_character"));
    return tag;
}

} // namespace Etabli::Inventory::AssetTag
