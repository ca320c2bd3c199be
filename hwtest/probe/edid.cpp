// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "hwtest/probe/edid.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <cmath>

namespace Etabli::HwTest {

namespace {

quint8 at(const QByteArray &d, int off)
{
    return off >= 0 && off < d.size() ? static_cast<quint8>(d[off]) : 0;
}

Error corrupt(const QString &message, const char *detail)
{
    return makeError(ErrorCode::Corrupt, message, QLatin1String(detail));
}

bool checksumOk(const QByteArray &d, int block)
{
    quint8 sum = 0;
    for (int i = block * 128; i < block * 128 + 128; ++i)
        sum = quint8(sum + at(d, i));
    return sum == 0;
}

/// Text of a display descriptor: up to 13 bytes, ended by 0x0A, padded with spaces.
QString descriptorText(const QByteArray &d, int off)
{
    QByteArray text;
    for (int i = off + 5; i < off + 18; ++i) {
        const char c = char(at(d, i));
        if (c == '\n' || c == '\0')
            break;
        text += (static_cast<unsigned char>(c) < 32 || static_cast<unsigned char>(c) > 126) ? '.' : c;
    }
    return QString::fromLatin1(text).trimmed();
}

} // namespace

double EdidInfo::diagonalInches() const
{
    if (widthCm <= 0 || heightCm <= 0)
        return 0;
    return std::round(std::sqrt(double(widthCm * widthCm + heightCm * heightCm)) / 2.54 * 10) / 10;
}

QJsonObject EdidInfo::toJson() const
{
    QJsonObject o{{QStringLiteral("manufacturer"), manufacturer},
                  {QStringLiteral("product_code"), productCode},
                  {QStringLiteral("serial_number"), qint64(serialNumber)},
                  {QStringLiteral("edid_version"), QStringLiteral("%1.%2").arg(versionMajor).arg(versionMinor)},
                  {QStringLiteral("digital"), digital}};
    o[QStringLiteral("manufacturer_name")] = manufacturerName.isEmpty() ? QJsonValue() : QJsonValue(manufacturerName);
    o[QStringLiteral("name")] = name.isEmpty() ? QJsonValue() : QJsonValue(name);
    if (!serialText.isEmpty())
        o[QStringLiteral("serial_text")] = serialText;
    if (modelYear) {
        o[QStringLiteral("model_year")] = year;
    } else {
        o[QStringLiteral("week")] = week == 0 ? QJsonValue() : QJsonValue(week);
        o[QStringLiteral("year")] = year;
    }
    if (widthCm > 0 && heightCm > 0) {
        o[QStringLiteral("width_cm")] = widthCm;
        o[QStringLiteral("height_cm")] = heightCm;
        o[QStringLiteral("diagonal_in")] = diagonalInches();
    } else {
        o[QStringLiteral("width_cm")] = QJsonValue();
        o[QStringLiteral("height_cm")] = QJsonValue();
        o[QStringLiteral("diagonal_in")] = QJsonValue();
    }
    if (preferredWidth > 0)
        o[QStringLiteral("preferred_mode")]
            = QJsonObject{{QStringLiteral("width"), preferredWidth},
                          {QStringLiteral("height"), preferredHeight},
                          {QStringLiteral("refresh_hz"), std::round(preferredRefreshHz * 100) / 100}};
    if (!warnings.isEmpty())
        o[QStringLiteral("warnings")] = QJsonArray::fromStringList(warnings);
    return o;
}

Result<EdidInfo> Edid::parse(const QByteArray &d, const PnpLookup &pnp)
{
    if (d.isEmpty())
        return corrupt(QCoreApplication::translate("Edid", "the EDID is empty"), "empty");
    if (d.size() < 128 || d.size() % 128 != 0)
        return corrupt(QCoreApplication::translate(
                           "Edid", "the EDID is %1 bytes long, not a multiple of 128: truncated or corrupt")
                           .arg(d.size()),
                       "bad_length");
    static const char header[8] = {0, char(0xFF), char(0xFF), char(0xFF), char(0xFF), char(0xFF), char(0xFF), 0};
    if (d.left(8) != QByteArray(header, 8))
        return corrupt(QCoreApplication::translate("Edid", "the EDID does not start with the EDID header"),
                       "bad_header");
    if (!checksumOk(d, 0))
        return corrupt(QCoreApplication::translate("Edid", "the EDID base block checksum is wrong"), "bad_checksum");

    EdidInfo e;
    const quint16 mfg = quint16((at(d, 8) << 8) | at(d, 9));
    for (int shift : {10, 5, 0}) {
        const int v = (mfg >> shift) & 0x1F;
        e.manufacturer += (v >= 1 && v <= 26) ? QChar(u'A' + v - 1) : QChar(u'?');
    }
    if (pnp)
        e.manufacturerName = pnp(e.manufacturer);
    e.productCode = quint16(at(d, 10) | (at(d, 11) << 8));
    e.serialNumber
        = quint32(at(d, 12)) | (quint32(at(d, 13)) << 8) | (quint32(at(d, 14)) << 16) | (quint32(at(d, 15)) << 24);
    e.versionMajor = at(d, 18);
    e.versionMinor = at(d, 19);
    const int week = at(d, 16);
    e.year = 1990 + at(d, 17);
    if (week == 0xFF) {
        e.modelYear = true;
    } else {
        e.week = week;
    }
    e.digital = at(d, 20) & 0x80;
    e.widthCm = at(d, 21);
    e.heightCm = at(d, 22);
    if (e.widthCm == 0 || e.heightCm == 0) // 1.4 uses one zero for an aspect ratio
        e.widthCm = e.heightCm = 0;

    for (int off = 54; off <= 108; off += 18) {
        if (at(d, off) == 0 && at(d, off + 1) == 0) {
            switch (at(d, off + 3)) {
            case 0xFC:
                e.name += descriptorText(d, off);
                break;
            case 0xFF:
                e.serialText = descriptorText(d, off);
                break;
            default:
                break;
            }
            continue;
        }
        if (e.preferredWidth > 0)
            continue;
        const int clock10k = at(d, off) | (at(d, off + 1) << 8);
        const int hActive = at(d, off + 2) | ((at(d, off + 4) & 0xF0) << 4);
        const int hBlank = at(d, off + 3) | ((at(d, off + 4) & 0x0F) << 8);
        const int vActive = at(d, off + 5) | ((at(d, off + 7) & 0xF0) << 4);
        const int vBlank = at(d, off + 6) | ((at(d, off + 7) & 0x0F) << 8);
        e.preferredWidth = hActive;
        e.preferredHeight = vActive;
        const double total = double(hActive + hBlank) * double(vActive + vBlank);
        e.preferredRefreshHz = total > 0 ? clock10k * 10000.0 / total : 0;
    }

    e.extensionBlocks = at(d, 126);
    if (d.size() / 128 - 1 != e.extensionBlocks)
        e.warnings << QCoreApplication::translate("Edid",
                                                  "the base block announces %1 extension blocks, %2 are present")
                          .arg(e.extensionBlocks)
                          .arg(d.size() / 128 - 1);
    for (int block = 1; block < d.size() / 128; ++block)
        if (!checksumOk(d, block))
            e.warnings << QCoreApplication::translate("Edid", "extension block %1 has a wrong checksum").arg(block);
    return e;
}

} // namespace Etabli::HwTest
