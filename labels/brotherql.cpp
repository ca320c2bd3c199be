// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "labels/brotherql.h"

#include <QCoreApplication>
#include <QDeadlineTimer>

#include <libusb.h>

namespace Etabli::Labels::BrotherQl {

namespace {

const QByteArray invalidate(200, '\0');
const QByteArray initialize("\x1B\x40", 2);
const QByteArray rasterMode("\x1B\x69\x61\x01", 4);
const QByteArray statusRequest("\x1B\x69\x53", 3);

void appendLe32(QByteArray &out, quint32 v)
{
    for (int i = 0; i < 4; ++i)
        out.append(char((v >> (8 * i)) & 0xFF));
}

} // namespace

std::optional<Media> media(const QString &id)
{
    // Figures from pklaus/brother_ql labels.py (dots_printable, right_margin_dots, feed_margin).
    if (id == QLatin1String("62x29"))
        return Media{id, 62, 29, 696, 271, 12, 0, true};
    if (id == QLatin1String("62"))
        return Media{id, 62, 0, 696, 0, 12, 35, false};
    if (id == QLatin1String("29x90"))
        return Media{id, 29, 90, 306, 991, 6, 0, true};
    return std::nullopt;
}

Result<QByteArray> rasterJob(const QImage &mono, const Media &m)
{
    if (mono.format() != QImage::Format_Mono || mono.colorCount() != 2 || qGray(mono.color(1)) != 0)
        return makeError(ErrorCode::InvalidArgument,
                         QCoreApplication::translate("Labels", "a Brother QL job needs a 1-bit label image"));
    const int expected = qRound(m.widthMm * nativeDpi / 25.4);
    if (std::abs(mono.width() - expected) > 2 || mono.width() < m.printableDots)
        return makeError(ErrorCode::InvalidArgument,
                         QCoreApplication::translate(
                             "Labels", "this label is %1 dots wide; %2 mm Brother tape needs %3 dots at 300 dpi")
                             .arg(mono.width())
                             .arg(m.widthMm)
                             .arg(expected),
                         QStringLiteral("wrong_media_width"));
    const int left = (mono.width() - m.printableDots) / 2;
    int top = 0;
    int rows = mono.height();
    if (m.dieCut) {
        if (mono.height() < m.printableLength)
            return makeError(ErrorCode::InvalidArgument,
                             QCoreApplication::translate("Labels", "this label is shorter than a %1 label").arg(m.id),
                             QStringLiteral("wrong_media_length"));
        top = (mono.height() - m.printableLength) / 2;
        rows = m.printableLength;
    }

    QByteArray job;
    job.reserve(300 + rows * (3 + lineBytes));
    job += rasterMode; // some models need it before the invalidate bytes
    job += invalidate;
    job += initialize;
    job += rasterMode;
    job += statusRequest;
    // ESC i z: valid flags (kind, width, length, quality, recovery), media type,
    // width mm, length mm, raster lines (LE32), page 0, 0.
    job += QByteArray("\x1B\x69\x7A", 3);
    job += char(0x80 | 0x40 | 0x08 | 0x04 | 0x02);
    job += char(m.dieCut ? 0x0B : 0x0A);
    job += char(m.widthMm);
    job += char(m.lengthMm);
    appendLe32(job, quint32(rows));
    job += char(0);
    job += char(0);
    job += QByteArray("\x1B\x69\x4D\x40", 4); // ESC i M: auto-cut
    job += QByteArray("\x1B\x69\x41\x01", 4); // ESC i A: cut every label
    job += QByteArray("\x1B\x69\x4B\x08", 4); // ESC i K: cut at end, 300 dpi
    job += QByteArray("\x1B\x69\x64", 3); // ESC i d: feed margin (LE16)
    job += char(m.feedMarginDots & 0xFF);
    job += char((m.feedMarginDots >> 8) & 0xFF);

    // Pin 0 is at the right end of the head as seen from the printer's output: each
    // line is mirrored, and the printable dots end rightMarginDots before the last pin.
    const int firstPin = headPins - m.printableDots - m.rightMarginDots;
    for (int y = top; y < top + rows; ++y) {
        const uchar *src = mono.constScanLine(y);
        QByteArray line(lineBytes, '\0');
        for (int x = 0; x < m.printableDots; ++x) {
            const int sx = left + x;
            if (!(src[sx >> 3] & (0x80 >> (sx & 7))))
                continue;
            const int pin = headPins - 1 - (firstPin + x); // mirrored
            line[pin >> 3] = char(uchar(line[pin >> 3]) | (0x80 >> (pin & 7)));
        }
        job += char(0x67);
        job += char(0x00);
        job += char(lineBytes);
        job += line;
    }
    job += char(0x1A); // print, last page
    return job;
}

QStringList Status::errorMessages() const
{
    static const char *const first[8] = {
        QT_TRANSLATE_NOOP("Labels", "no media: load the label roll"),
        QT_TRANSLATE_NOOP("Labels", "end of media: the roll is empty"),
        QT_TRANSLATE_NOOP("Labels", "cutter jam"),
        QT_TRANSLATE_NOOP("Labels", "weak batteries"),
        QT_TRANSLATE_NOOP("Labels", "the printer is busy with another job"),
        QT_TRANSLATE_NOOP("Labels", "the printer is turned off"),
        QT_TRANSLATE_NOOP("Labels", "high-voltage adapter fault"),
        QT_TRANSLATE_NOOP("Labels", "fan motor error"),
    };
    static const char *const second[8] = {
        QT_TRANSLATE_NOOP("Labels", "wrong media: replace the label roll"),
        QT_TRANSLATE_NOOP("Labels", "expansion buffer full"),
        QT_TRANSLATE_NOOP("Labels", "communication error"),
        QT_TRANSLATE_NOOP("Labels", "communication buffer full"),
        QT_TRANSLATE_NOOP("Labels", "the cover is open"),
        QT_TRANSLATE_NOOP("Labels", "the job was cancelled on the printer"),
        QT_TRANSLATE_NOOP("Labels", "the media cannot be fed"),
        QT_TRANSLATE_NOOP("Labels", "system error"),
    };
    QStringList out;
    for (int bit = 0; bit < 8; ++bit) {
        if (errors1 & (1 << bit))
            out.append(QCoreApplication::translate("Labels", first[bit]));
        if (errors2 & (1 << bit))
            out.append(QCoreApplication::translate("Labels", second[bit]));
    }
    if (out.isEmpty() && statusType == 0x02)
        out.append(QCoreApplication::translate("Labels", "the printer reports an error"));
    return out;
}

std::optional<Status> parseStatus(const QByteArray &bytes)
{
    // Print head mark 0x80, size 0x20, 'B', then series and model codes.
    if (bytes.size() != 32 || uchar(bytes[0]) != 0x80 || uchar(bytes[1]) != 0x20 || bytes[2] != 'B')
        return std::nullopt;
    Status s;
    s.errors1 = uchar(bytes[8]);
    s.errors2 = uchar(bytes[9]);
    s.mediaWidthMm = uchar(bytes[10]);
    s.mediaType = uchar(bytes[11]);
    s.mediaLengthMm = uchar(bytes[17]);
    s.statusType = uchar(bytes[18]);
    s.phase = uchar(bytes[19]);
    return s;
}

namespace {

class UsbDevice : public Device
{
public:
    ~UsbDevice() override
    {
        if (m_handle) {
            libusb_release_interface(m_handle, m_interface);
            libusb_close(m_handle);
        }
        if (m_context)
            libusb_exit(m_context);
    }

    Result<void> write(const QByteArray &data) override
    {
        int offset = 0;
        while (offset < data.size()) {
            int sent = 0;
            const int chunk = std::min<int>(int(data.size()) - offset, 16384);
            const int rc = libusb_bulk_transfer(
                m_handle, m_out, reinterpret_cast<unsigned char *>(const_cast<char *>(data.constData() + offset)),
                chunk, &sent, 10000);
            if (rc != 0 && rc != LIBUSB_ERROR_TIMEOUT)
                return makeError(
                    ErrorCode::Io,
                    QCoreApplication::translate("Labels", "the Brother printer stopped answering on USB: %1")
                        .arg(QString::fromUtf8(libusb_strerror(libusb_error(rc)))),
                    QStringLiteral("usb_write"));
            if (sent == 0)
                return makeError(ErrorCode::Io,
                                 QCoreApplication::translate(
                                     "Labels", "the Brother printer does not take data (is it on and ready?)"),
                                 QStringLiteral("usb_timeout"));
            offset += sent;
        }
        return {};
    }

    Result<QByteArray> readStatus(int timeoutMs) override
    {
        QDeadlineTimer deadline(timeoutMs);
        QByteArray buffer;
        while (buffer.size() < 32 && !deadline.hasExpired()) {
            unsigned char chunk[64];
            int got = 0;
            const int rc = libusb_bulk_transfer(m_handle, m_in, chunk, sizeof chunk, &got, 100);
            if (rc != 0 && rc != LIBUSB_ERROR_TIMEOUT)
                return makeError(ErrorCode::Io,
                                 QCoreApplication::translate("Labels", "cannot read the Brother printer's status: %1")
                                     .arg(QString::fromUtf8(libusb_strerror(libusb_error(rc)))));
            buffer.append(reinterpret_cast<const char *>(chunk), got);
        }
        return buffer.size() >= 32 ? buffer.left(32) : QByteArray();
    }

    libusb_context *m_context = nullptr;
    libusb_device_handle *m_handle = nullptr;
    int m_interface = 0;
    unsigned char m_in = 0;
    unsigned char m_out = 0;
};

} // namespace

Result<std::unique_ptr<Device>> openUsb(const QString &serial)
{
    auto dev = std::make_unique<UsbDevice>();
    if (libusb_init(&dev->m_context) != 0)
        return makeError(ErrorCode::Io, QCoreApplication::translate("Labels", "USB is not available on this machine"),
                         QStringLiteral("usb_init"));
    libusb_device **list = nullptr;
    const ssize_t count = libusb_get_device_list(dev->m_context, &list);
    libusb_device *found = nullptr;
    for (ssize_t i = 0; i < count && !found; ++i) {
        libusb_device_descriptor desc{};
        if (libusb_get_device_descriptor(list[i], &desc) != 0 || desc.idVendor != 0x04F9
            || desc.bDeviceClass == LIBUSB_CLASS_HUB)
            continue;
        if (!serial.isEmpty()) {
            libusb_device_handle *h = nullptr;
            if (libusb_open(list[i], &h) != 0)
                continue;
            unsigned char text[128] = {};
            const int n = desc.iSerialNumber ? libusb_get_string_descriptor_ascii(h, desc.iSerialNumber, text, 127) : 0;
            libusb_close(h);
            if (n <= 0 || QString::fromLatin1(reinterpret_cast<const char *>(text), n) != serial)
                continue;
        }
        found = list[i];
    }
    Result<void> opened = makeError(
        ErrorCode::NotFound,
        serial.isEmpty()
            ? QCoreApplication::translate("Labels", "no Brother label printer is plugged in over USB")
            : QCoreApplication::translate("Labels", "no Brother label printer with serial %1 on USB").arg(serial),
        QStringLiteral("printer_absent"));
    if (found) {
        const int rc = libusb_open(found, &dev->m_handle);
        if (rc != 0) {
            opened = makeError(ErrorCode::Io,
                               QCoreApplication::translate(
                                   "Labels", "cannot open the Brother printer: %1 (permissions? see packaging/udev)")
                                   .arg(QString::fromUtf8(libusb_strerror(libusb_error(rc)))),
                               QStringLiteral("usb_open"));
        } else {
            libusb_config_descriptor *config = nullptr;
            if (libusb_get_active_config_descriptor(found, &config) == 0) {
                const libusb_interface_descriptor &alt = config->interface[0].altsetting[0];
                dev->m_interface = alt.bInterfaceNumber;
                for (int e = 0; e < alt.bNumEndpoints; ++e) {
                    const libusb_endpoint_descriptor &ep = alt.endpoint[e];
                    if ((ep.bmAttributes & 0x3) != LIBUSB_TRANSFER_TYPE_BULK)
                        continue;
                    (ep.bEndpointAddress & LIBUSB_ENDPOINT_IN ? dev->m_in : dev->m_out) = ep.bEndpointAddress;
                }
                libusb_free_config_descriptor(config);
            }
            libusb_set_auto_detach_kernel_driver(dev->m_handle, 1); // usblp may hold it
            if (!dev->m_in || !dev->m_out || libusb_claim_interface(dev->m_handle, dev->m_interface) != 0)
                opened = makeError(
                    ErrorCode::Io,
                    QCoreApplication::translate("Labels", "the Brother printer is in use by another program"),
                    QStringLiteral("usb_busy"));
            else
                opened = {};
        }
    }
    libusb_free_device_list(list, 1);
    if (!opened)
        return opened.error();
    return std::unique_ptr<Device>(std::move(dev));
}

Result<void> print(Device &device, const QByteArray &job, const Media &m, int timeoutMs)
{
    auto refused = [](const Status &s) {
        return makeError(ErrorCode::Refused,
                         QCoreApplication::translate("Labels", "the Brother printer refuses the label: %1")
                             .arg(s.errorMessages().join(QStringLiteral("; "))),
                         QStringLiteral("printer_error"));
    };
    if (auto r = device.write(invalidate + initialize + statusRequest); !r)
        return r;
    auto reply = device.readStatus(3000);
    if (!reply)
        return reply.error();
    const auto status = parseStatus(*reply);
    if (!status)
        return makeError(
            ErrorCode::Network,
            QCoreApplication::translate("Labels", "the Brother printer does not answer the status request"),
            QStringLiteral("no_status"));
    if (status->hasError())
        return refused(*status);
    if (status->mediaWidthMm != m.widthMm || (m.dieCut && status->mediaLengthMm != m.lengthMm)
        || status->mediaType != (m.dieCut ? 0x0B : 0x0A))
        return makeError(
            ErrorCode::Refused,
            QCoreApplication::translate("Labels", "the Brother printer holds %1 mm %2 media; this label needs %3")
                .arg(status->mediaWidthMm)
                .arg(status->mediaLengthMm ? QStringLiteral("x %1 mm die-cut").arg(status->mediaLengthMm)
                                           : QCoreApplication::translate("Labels", "endless"))
                .arg(m.id),
            QStringLiteral("wrong_media"));
    if (auto r = device.write(job); !r)
        return r;
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        auto next = device.readStatus(int(std::min<qint64>(deadline.remainingTime(), 1000)));
        if (!next)
            return next.error();
        const auto s = parseStatus(*next);
        if (!s)
            continue;
        if (s->hasError())
            return refused(*s);
        if (s->statusType == 0x01)
            return {};
    }
    return makeError(ErrorCode::Io,
                     QCoreApplication::translate("Labels", "the Brother printer did not confirm the print within %1 s")
                         .arg(timeoutMs / 1000),
                     QStringLiteral("no_confirmation"));
}

} // namespace Etabli::Labels::BrotherQl
