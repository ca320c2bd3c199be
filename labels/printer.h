// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

#include "common/result.h"
#include "labels/labelrenderer.h"
#include "labels/labeltemplate.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

namespace Etabli::Labels {

/// Where a label goes, parsed from the CLI's printer URI:
/// `cups:NAME`, `zpl://HOST[:PORT]`, `brother-ql://usb[/SERIAL]`, `brother-ql://HOST[:PORT]`.
struct PrinterTarget {
    enum class Kind { Cups, Zpl, BrotherUsb, BrotherTcp };
    Kind kind = Kind::Cups;
    QString uri; ///< as given, recorded in label.printed
    QString name; ///< CUPS queue, or USB serial (may be empty)
    QString host;
    quint16 port = 9100;

    static Result<PrinterTarget> parse(const QString &uri);
    /// The resolution to render at for this printer: 300 for Brother QL, else the
    /// template's (or `requestedDpi` when not 0).
    int dpiFor(const LabelTemplate &templ, int requestedDpi = 0) const;
    /// Whether labels of `templ` can go to this printer at all (Brother QL printers
    /// take only templates made for their tape), checked before anything is queued.
    Result<void> accepts(const LabelTemplate &templ) const;
};

/// Sends raw bytes to HOST:PORT (JetDirect / port 9100). Blocking, bounded by
/// `timeoutMs` per step; call it from a worker thread in a UI. Any thread.
Result<void> sendRawTcp(const QString &host, quint16 port, const QByteArray &data, int timeoutMs = 5000);

/// What a Zebra printer answers to ~HS (ZPL II guide, "Host Status Return").
struct ZebraStatus {
    bool paperOut = false;
    bool paused = false;
    bool bufferFull = false;
    bool headUp = false;
    bool ribbonOut = false;
    /// One readable sentence per problem; empty when the printer is ready.
    QStringList problems() const;
};

/// Parses the first two <STX>…<ETX> strings of a ~HS answer; nullopt if malformed.
std::optional<ZebraStatus> parseZebraStatus(const QByteArray &answer);

/// Sends a ZPL job to HOST:PORT after asking the printer's status (~HS) on the same
/// connection: a printer out of paper, paused, with its head open or silent (Zebra
/// firmware stays silent on media out) refuses, so nothing is recorded as printed.
Result<void> sendZpl(const QString &host, quint16 port, const QByteArray &job, int timeoutMs = 5000);

/// Sends one rendered page to `target`. Success means the printer (or CUPS) took the
/// whole job; every failure is a clear, translated message. Blocking; any thread
/// except the UI thread.
Result<void> sendToPrinter(const RenderedLabel &label, const LabelTemplate &templ, const PrinterTarget &target);

} // namespace Etabli::Labels
