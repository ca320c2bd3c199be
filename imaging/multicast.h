// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QString>

#include <atomic>
#include <cstdint>
#include <functional>

namespace Etabli::Imaging {

/// One datagram of a master's multicast: a header, then up to kMulticastPayload bytes of the
/// qcow2 file at `offset`. Big-endian fields.
///   "ETBM" | version (1) | 3 zero bytes | session (8) | sequence (8) | offset (8) | payload
/// The session is multicastSession(ETag): a receiver ignores datagrams of another master.
constexpr int kMulticastHeader = 32;
constexpr int kMulticastPayload = 1400;

/// Feedback (NACKs and rate control). The sender multicasts, every 250 ms, a status:
///   "ETBS" | version (1) | flags (1: at the floor rate) | 2 zero | session (8) | rate kbit/s (4) | floor kbit/s (4)
/// and each receiver answers, unicast to the address the data comes from, every 250 ms
/// and whenever it misses bytes of a range the stream has passed:
///   "ETBR" | version (1) | flags (1: leaving the group) | 2 zero | session (8) | loss ‰ over the last
///   interval (4) | count (4) | count × (file offset (8), length (4))  — the byte ranges it NACKs.
/// The sender re-multicasts NACKed ranges before the stream goes on (a range re-sent in the
/// last 300 ms is not sent again: duplicate NACKs from several receivers cost nothing), and
/// follows the slowest receiver that still reports: loss above 5 % lowers the rate by 30 %,
/// below 2 % raises it by 15 %, never below the floor nor above --rate-mbit. A receiver
/// losing more than 10 % for a second while the sender is at its floor leaves the group
/// and fetches the rest by unicast (HttpSource), so one bad bench cannot slow the row.
constexpr int kMulticastStatus = 24;
constexpr int kMulticastReport = 24;
constexpr int kMulticastNackEntry = 12;
constexpr int kMulticastMaxNacks = 100;

/// FNV-1a of the ETag string the server gives the master (`"dev-ino-size-mtime"`).
uint64_t multicastSession(const QByteArray &etag);
/// The same strong ETag etabli-server gives `path` (inventory/server/masters.cpp).
QByteArray masterEtag(const QString &path);

/// True for multicast://GROUP:PORT?master=URL.
bool isMulticastMaster(const QString &address);
/// Splits a multicast address into its group, port and master URL. InvalidArgument otherwise.
Result<void> parseMulticastMaster(const QString &address, QString *group, uint16_t *port, QString *masterUrl);

struct MulticastSendOptions {
    QString group; ///< e.g. 239.19.0.1
    uint16_t port = 0;
    double rateMbit = 500; ///< the highest rate, where it starts
    double floorMbit = 0; ///< never slower than this for a slow receiver; 0: rateMbit / 4
    int cycles = 0; ///< passes over the master; 0 = until stopped
    int minReceivers = 0; ///< the first cycle waits (at most 60 s) for this many reporting receivers
    int ttl = 1;
};

/// `etabli image serve-multicast`: streams the allocated clusters of the qcow2 `path`, in
/// guest order, once per cycle, to a UDP multicast group, paced at a rate that follows the
/// receivers' reports (above), re-sending what they NACK. Receivers join at any time; what
/// they still miss they fetch by unicast (HttpSource). Blocks until the cycles are done or
/// `stop` is set; `onCycle(cycle, bytes)` after each cycle; `onStatus(line)` every 2 s
/// (rate, receivers, NACKs).
Result<void> serveMulticast(const QString &path, const MulticastSendOptions &options, const std::atomic<bool> &stop,
                            const std::function<void(int, int64_t)> &onCycle = {},
                            const std::function<void(const QString &)> &onStatus = {});

} // namespace Etabli::Imaging
