// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <functional>

namespace Etabli::HwTest {

/// What a monitor says about itself in its EDID base block (VESA E-EDID 1.3/1.4).
struct EdidInfo {
    QString manufacturer; ///< PNP id, three letters ("DEL")
    QString manufacturerName; ///< from pnp.ids when known
    quint16 productCode = 0;
    quint32 serialNumber = 0; ///< the binary serial (0: none)
    QString serialText; ///< display product serial number descriptor
    QString name; ///< display product name descriptor
    int week = 0; ///< manufacture week, 0 when not given
    int year = 0; ///< manufacture year (or model year when modelYear)
    bool modelYear = false;
    int versionMajor = 0;
    int versionMinor = 0;
    int widthCm = 0; ///< 0 when not given (projector, variable size)
    int heightCm = 0;
    bool digital = false;
    int preferredWidth = 0; ///< first detailed timing, 0 when absent
    int preferredHeight = 0;
    double preferredRefreshHz = 0;
    int extensionBlocks = 0;
    QStringList warnings; ///< non-fatal problems (bad extension checksum…)

    /// Diagonal in inches from the physical size, one decimal; 0 when unknown.
    double diagonalInches() const;
    /// Keys as issue 4 names them: manufacturer, manufacturer_name, product_code,
    /// serial_number, name, week, year or model_year, width_cm, height_cm, diagonal_in…
    QJsonObject toJson() const;
};

/// EDID decoder by our own code. Pure: safe on untrusted bytes (fuzzed), callable from
/// any thread. A blob of the wrong size, a bad header or a bad base-block checksum
/// gives an ErrorCode::Corrupt error whose `detail` names the problem.
class Edid
{
public:
    /// Maps a PNP id to a company name; may be empty.
    using PnpLookup = std::function<QString(const QString &)>;

    static Result<EdidInfo> parse(const QByteArray &blob, const PnpLookup &pnp = {});
};

} // namespace Etabli::HwTest
