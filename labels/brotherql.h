// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QImage>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

/// Brother QL raster protocol (QL-700/710W/720NW/800/810W/820NWB, 300 dpi, 720-pin
/// head, 90 bytes a raster line), after the command reference and pklaus/brother_ql.
/// Pure functions and a small device interface: any thread, one job per device at a time.
namespace Etabli::Labels::BrotherQl {

/// A tape or die-cut label as the printer sees it (dots at 300 dpi).
struct Media {
    QString id; ///< "62x29", "62"
    int widthMm = 0;
    int lengthMm = 0; ///< 0 for endless tape
    int printableDots = 0; ///< across the head: 696 for 62 mm
    int printableLength = 0; ///< along the feed (die-cut only)
    int rightMarginDots = 0; ///< offset from the right end of the 720-pin head
    int feedMarginDots = 0; ///< ESC i d: 35 on endless tape, 0 on die-cut
    bool dieCut = false;
};

constexpr int headPins = 720;
constexpr int lineBytes = headPins / 8;
constexpr int nativeDpi = 300;

std::optional<Media> media(const QString &id);

/// The complete job for one label: invalidate, initialise, raster mode, media and
/// quality, auto-cut, margins, one `g` line per raster row (uncompressed), print (0x1A).
/// `mono` is the label rendered at 300 dpi, across the tape (62 mm = 732 dots); its
/// printable part (centre 696 dots, and for die-cut labels the centre rows) is kept.
Result<QByteArray> rasterJob(const QImage &mono, const Media &media);

/// The 32-byte status a QL sends after ESC i S, on errors and while printing.
struct Status {
    quint8 errors1 = 0; ///< byte 8
    quint8 errors2 = 0; ///< byte 9
    int mediaWidthMm = 0; ///< byte 10
    quint8 mediaType = 0; ///< byte 11: 0x0A endless, 0x0B die-cut
    int mediaLengthMm = 0; ///< byte 17
    quint8 statusType = 0; ///< byte 18: 0 reply, 1 printing completed, 2 error, 6 phase change
    quint8 phase = 0; ///< byte 19: 0 receiving, 1 printing
    bool hasError() const { return errors1 != 0 || errors2 != 0 || statusType == 0x02; }
    /// One readable sentence per error bit (no media, cover open…).
    QStringList errorMessages() const;
};

std::optional<Status> parseStatus(const QByteArray &bytes);

/// A printer connection: USB bulk endpoints, or a memory fake in tests.
class Device
{
public:
    virtual ~Device() = default;
    virtual Result<void> write(const QByteArray &data) = 0;
    /// Reads one status packet (32 bytes); an empty array when nothing came in time.
    virtual Result<QByteArray> readStatus(int timeoutMs) = 0;
};

/// Opens the first Brother QL on USB (vendor 0x04F9), or the one with this serial.
Result<std::unique_ptr<Device>> openUsb(const QString &serial = {});

/// Sends `job` to a device that answers status requests (USB): asks the status first
/// and refuses with the printer's own reasons (no media, cover open, wrong tape), then
/// waits for "printing completed" or an error.
Result<void> print(Device &device, const QByteArray &job, const Media &media, int timeoutMs = 15000);

} // namespace Etabli::Labels::BrotherQl
