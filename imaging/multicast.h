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
    double rateMbit = 500; ///< paced to this rate
    int cycles = 0; ///< passes over the master; 0 = until stopped
    int ttl = 1;
};

/// `etabli image serve-multicast`: streams the allocated clusters of the qcow2 `path`, in
/// guest order, once per cycle, to a UDP multicast group at a fixed paced rate. Receivers
/// join at any time; what they miss they fetch by unicast (HttpSource). Blocks until the
/// cycles are done or `stop` is set; `onCycle(cycle, bytes)` after each cycle.
Result<void> serveMulticast(const QString &path, const MulticastSendOptions &options, const std::atomic<bool> &stop,
                            const std::function<void(int, int64_t)> &onCycle = {});

} // namespace Etabli::Imaging
