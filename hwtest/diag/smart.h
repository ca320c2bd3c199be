// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

#include "common/result.h"
#include "hwtest/diag/testresult.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace Etabli::HwTest {

/// One ATA SMART attribute, normalised from smartctl JSON or libatasmart.
struct SmartAttribute {
    int id = 0;
    QString name;
    int value = -1; ///< normalised current value, -1 unknown
    int worst = -1;
    int threshold = -1;
    bool prefailure = false;
    qint64 raw = -1; ///< decoded raw count (see SmartReport docs), -1 unknown
    QString rawString;
    bool failingNow = false;
    bool failedInPast = false;
};

/// What we know about a disk's health, whatever the source (smartctl JSON of any
/// version 7.x, a libatasmart blob or device). Fields we could not read stay unset.
/// Raw counts of the sector attributes (5, 196, 197, 198, 187) are decoded from the
/// low 32 bits when the vendor packs other data in the upper bytes of the 48-bit raw.
struct SmartReport {
    QString source; ///< "smartctl-json", "atasmart-blob", "atasmart", "smartctl"
    QString protocol; ///< "ATA", "NVMe", "SCSI"
    QString device;
    QString model;
    QString serial;
    QString firmware;
    std::optional<bool> overallPassed; ///< the drive's own self-assessment
    std::optional<qint64> powerOnHours;
    std::optional<int> temperatureC;
    QList<SmartAttribute> attributes;
    // ATA sector counts (raw of attributes 5, 197, 198, 187)
    std::optional<qint64> reallocated, pending, offlineUncorrectable, reportedUncorrect;
    bool selfTestReadFailure = false; ///< a logged self-test ended in "read failure"
    std::optional<int> atasmartOverall; ///< SkSmartOverall when read through libatasmart
    // NVMe health log
    std::optional<int> nvmeCriticalWarning, nvmeAvailableSpare, nvmeSpareThreshold, nvmePercentageUsed;
    std::optional<qint64> nvmeMediaErrors;
    // SCSI
    std::optional<qint64> scsiGrownDefects, scsiUncorrectedRead, scsiUncorrectedWrite;

    const SmartAttribute *attribute(int id) const;
};

/// Parses a saved `smartctl -j -a` output, or a JSON array of them.
Result<QList<SmartReport>> parseSmartctlJson(const QByteArray &json);
/// Parses a libatasmart blob (`skdump --save`) through libatasmart itself.
Result<SmartReport> parseAtasmartBlob(const QByteArray &blob);
/// Reads SMART from an ATA device through libatasmart (needs root).
Result<SmartReport> readAtasmartDevice(const QString &device);
/// Runs the allow-listed `smartctl --json -a DEVICE` and parses its output (NVMe,
/// SCSI, USB bridges). Blocks for up to `timeoutMs`; call it from a worker thread.
Result<SmartReport> readSmartctlDevice(const QString &device, int timeoutMs = 60000);
/// libatasmart first (ATA), smartctl otherwise.
Result<SmartReport> readSmartDevice(const QString &device);

/// The verdict rules of hwtest/README.md ("Disk SMART verdict"), applied to `report`.
/// Pure: same report, same result. Times are left for the caller to set.
TestResult evaluateSmart(const SmartReport &report);
/// The key facts of `report` as JSON (model, serial, power_on_hours, key attributes…).
QJsonObject smartMeasurements(const SmartReport &report);

} // namespace Etabli::HwTest
