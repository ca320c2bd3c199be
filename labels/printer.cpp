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

QString tr(const char *text)
{
    return QCoreApplication::translate("Labels", text);
}

Error badUri(const QString &uri)
{
    return makeError(
        ErrorCode::InvalidArgument,
        tr("unknown printer «%1» (cups:NAME, zpl://HOST:9100, brother-ql://usb, brother-ql://HOST)").arg(uri),
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
        return makeError(
            ErrorCode::InvalidArgument,
            tr("template %1 is not made for Brother QL tape (try brother-62x29 or kit-62)").arg(templ.name),
            QStringLiteral("not_brother_media"));
    return {};
}

Result<void> sendRawTcp(const QString &host, quint16 port, const QByteArray &data, int timeoutMs)
{
    QTcpSocket socket;
    socket.connectToHost(host, port);
    if (!socket.waitForConnected(timeoutMs))
        return makeError(ErrorCode::Network,
                         tr("the printer %1:%2 does not answer: %3").arg(host).arg(port).arg(socket.errorString()),
                         QStringLiteral("printer_unreachable"));
    qint64 written = 0;
    while (written < data.size()) {
        const qint64 n = socket.write(data.constData() + written, data.size() - written);
        if (n < 0)
            return makeError(ErrorCode::Network,
                             tr("the printer %1:%2 refused the job: %3").arg(host).arg(port).arg(socket.errorString()),
                             QStringLiteral("printer_refused"));
        written += n;
        while (socket.bytesToWrite() > 0)
            if (!socket.waitForBytesWritten(timeoutMs))
                return makeError(
                    ErrorCode::Network,
                    tr("the printer %1:%2 stopped taking the job: %3").arg(host).arg(port).arg(socket.errorString()),
                    QStringLiteral("printer_refused"));
    }
    socket.disconnectFromHost();
    if (socket.state() != QAbstractSocket::UnconnectedState)
        socket.waitForDisconnected(timeoutMs);
    return {};
}

Result<void> sendToPrinter(const RenderedLabel &label, const LabelTemplate &templ, const PrinterTarget &target)
{
    switch (target.kind) {
    case PrinterTarget::Kind::Cups:
        return printWithQPrinter(label, target.name);
    case PrinterTarget::Kind::Zpl:
        return sendRawTcp(target.host, target.port, zplJob(label.image));
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
