// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "labels/printer.h"

#include "labels/brotherql.h"
#include "labels/labeloutput.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QTcpSocket>
#include <QUrl>

namespace Etabli::Labels {

namespace {

Error badUri(const QString &uri)
{
    return makeError(
        ErrorCode::InvalidArgument,
        QCoreApplication::translate(
            "Labels", "unknown printer «%1» (cups:NAME, zpl://HOST:9100, brother-ql://usb, brother-ql://HOST)")
            .arg(uri),
        QStringLiteral("bad_printer_uri"));
}

} // namespace

Result<PrinterTarget> PrinterTarget::parse(const QString &uri)
{
    PrinterTarget t;
    t.uri = uri;
    if (uri.startsWith(QLatin1String("cups:"))) {
        t.kind = Kind::Cups;
        t.name = uri.mid(5);
        if (t.name.startsWith(QLatin1String("//")))
            t.name = t.name.mid(2);
        if (t.name.isEmpty())
            return badUri(uri);
        return t;
    }
    const QUrl url(uri, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty())
        return badUri(uri);
    const int port = url.port(9100);
    if (port < 1 || port > 65535)
        return badUri(uri);
    t.port = quint16(port);
    if (url.scheme() == QLatin1String("zpl")) {
        t.kind = Kind::Zpl;
        t.host = url.host();
        return t;
    }
    if (url.scheme() == QLatin1String("brother-ql")) {
        if (url.host() == QLatin1String("usb")) {
            t.kind = Kind::BrotherUsb;
            t.name = url.path().mid(1);
        } else {
            t.kind = Kind::BrotherTcp;
            t.host = url.host();
        }
        return t;
    }
    return badUri(uri);
}

int PrinterTarget::dpiFor(const LabelTemplate &templ, int requestedDpi) const
{
    if (kind == Kind::BrotherUsb || kind == Kind::BrotherTcp)
        return BrotherQl::nativeDpi;
    return requestedDpi ? requestedDpi : templ.dpi;
}

Result<void> PrinterTarget::accepts(const LabelTemplate &templ) const
{
    if ((kind == Kind::BrotherUsb || kind == Kind::BrotherTcp) && !BrotherQl::media(templ.brotherMedia))
        return makeError(ErrorCode::InvalidArgument,
                         QCoreApplication::translate(
                             "Labels", "template %1 is not made for Brother QL tape (try brother-62x29 or kit-62)")
                             .arg(templ.name),
                         QStringLiteral("not_brother_media"));
    return {};
}

namespace {

/// Opens a raw TCP connection to a network printer (port 9100 style).
Result<void> connectToPrinter(QTcpSocket &socket, const QString &host, quint16 port, int timeoutMs)
{
    socket.connectToHost(host, port);
    if (!socket.waitForConnected(timeoutMs))
        return makeError(ErrorCode::Network,
                         QCoreApplication::translate("Labels", "the printer %1:%2 does not answer: %3")
                             .arg(host)
                             .arg(port)
                             .arg(socket.errorString()),
                         QStringLiteral("printer_unreachable"));
    return {};
}

/// Sends all of `data` on a connected socket and closes it; a peer that stops reading
/// or drops the connection is a refused job.
Result<void> writeJob(QTcpSocket &socket, const QString &host, quint16 port, const QByteArray &data, int timeoutMs)
{
    qint64 written = 0;
    while (written < data.size()) {
        const qint64 n = socket.write(data.constData() + written, data.size() - written);
        if (n < 0)
            return makeError(ErrorCode::Network,
                             QCoreApplication::translate("Labels", "the printer %1:%2 refused the job: %3")
                                 .arg(host)
                                 .arg(port)
                                 .arg(socket.errorString()),
                             QStringLiteral("printer_refused"));
        written += n;
        while (socket.bytesToWrite() > 0)
            if (!socket.waitForBytesWritten(timeoutMs))
                return makeError(ErrorCode::Network,
                                 QCoreApplication::translate("Labels", "the printer %1:%2 stopped taking the job: %3")
                                     .arg(host)
                                     .arg(port)
                                     .arg(socket.errorString()),
                                 QStringLiteral("printer_refused"));
    }
    socket.disconnectFromHost();
    if (socket.state() != QAbstractSocket::UnconnectedState)
        socket.waitForDisconnected(timeoutMs);
    return {};
}

} // namespace

Result<void> sendRawTcp(const QString &host, quint16 port, const QByteArray &data, int timeoutMs)
{
    QTcpSocket socket;
    if (auto c = connectToPrinter(socket, host, port, timeoutMs); !c)
        return c;
    return writeJob(socket, host, port, data, timeoutMs);
}

QStringList ZebraStatus::problems() const
{
    QStringList out;
    if (paperOut)
        out << QCoreApplication::translate("Labels", "out of labels");
    if (headUp)
        out << QCoreApplication::translate("Labels", "the print head is open");
    if (ribbonOut)
        out << QCoreApplication::translate("Labels", "out of ribbon");
    if (paused)
        out << QCoreApplication::translate("Labels", "paused (press the pause button)");
    if (bufferFull)
        out << QCoreApplication::translate("Labels", "its buffer is full");
    return out;
}

std::optional<ZebraStatus> parseZebraStatus(const QByteArray &answer)
{
    QList<QByteArray> strings;
    qsizetype from = 0;
    while (strings.size() < 2) {
        const qsizetype stx = answer.indexOf('\x02', from);
        const qsizetype etx = stx < 0 ? -1 : answer.indexOf('\x03', stx);
        if (etx < 0)
            return std::nullopt;
        strings.append(answer.mid(stx + 1, etx - stx - 1));
        from = etx + 1;
    }
    const QList<QByteArray> one = strings[0].split(','), two = strings[1].split(',');
    if (one.size() < 12 || two.size() < 11)
        return std::nullopt;
    ZebraStatus s;
    s.paperOut = one[1].trimmed() == "1";
    s.paused = one[2].trimmed() == "1";
    s.bufferFull = one[5].trimmed() == "1";
    s.headUp = two[2].trimmed() == "1";
    s.ribbonOut = two[3].trimmed() == "1" && two[4].trimmed() == "1"; // only matters in thermal-transfer mode
    return s;
}

Result<void> sendZpl(const QString &host, quint16 port, const QByteArray &job, int timeoutMs)
{
    QTcpSocket socket;
    if (auto c = connectToPrinter(socket, host, port, timeoutMs); !c)
        return c;
    socket.write("~HS\r\n");
    QByteArray answer;
    QDeadlineTimer deadline(std::min(timeoutMs, 3000));
    std::optional<ZebraStatus> status;
    while (!status && !deadline.hasExpired()) {
        if (socket.bytesToWrite() > 0)
            socket.waitForBytesWritten(int(deadline.remainingTime()));
        if (socket.waitForReadyRead(int(std::max<qint64>(1, deadline.remainingTime()))))
            answer += socket.readAll();
        status = parseZebraStatus(answer);
        if (socket.state() != QAbstractSocket::ConnectedState)
            break;
    }
    if (!status)
        return makeError(
            ErrorCode::Refused,
            QCoreApplication::translate(
                "Labels", "the printer %1:%2 does not report its status: out of labels, out of ribbon or head open?")
                .arg(host)
                .arg(port),
            QStringLiteral("printer_silent"));
    if (const QStringList problems = status->problems(); !problems.isEmpty())
        return makeError(ErrorCode::Refused,
                         QCoreApplication::translate("Labels", "the printer %1:%2 cannot print: %3")
                             .arg(host)
                             .arg(port)
                             .arg(problems.join(QStringLiteral("; "))),
                         QStringLiteral("printer_not_ready"));
    return writeJob(socket, host, port, job, timeoutMs);
}

Result<void> sendToPrinter(const RenderedLabel &label, const LabelTemplate &templ, const PrinterTarget &target)
{
    switch (target.kind) {
    case PrinterTarget::Kind::Cups:
        return printWithQPrinter(label, target.name);
    case PrinterTarget::Kind::Zpl:
        return sendZpl(target.host, target.port, zplJob(label.image));
    case PrinterTarget::Kind::BrotherUsb:
    case PrinterTarget::Kind::BrotherTcp: {
        if (auto ok = target.accepts(templ); !ok)
            return ok;
        const auto media = BrotherQl::media(templ.brotherMedia);
        auto job = BrotherQl::rasterJob(label.image, *media);
        if (!job)
            return job.error();
        if (target.kind == PrinterTarget::Kind::BrotherTcp)
            return sendRawTcp(target.host, target.port, *job);
        auto device = BrotherQl::openUsb(target.name);
        if (!device)
            return device.error();
        return BrotherQl::print(**device, *job, *media);
    }
    }
    return makeError(ErrorCode::Internal, QStringLiteral("unknown printer kind"));
}

} // namespace Etabli::Labels
