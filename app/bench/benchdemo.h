// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

#include "app/bench/bench.h"
#include "common/result.h"

#include <QString>

namespace Etabli::Bench {

/// `etabli-station --demo`: the bench on the demo machine (the ThinkPad T480 fixture of
/// tests/fixtures/probe/machines/), with its own store in `dir` (made when missing): the demo
/// lot, three workers with photos, one PC to refurbish, a signed demo master built by the
/// `etabli` CLI beside this program, and the PC's disk: a loop device over `dir/disk.img` that
/// the kernel detaches by itself once this process and the helper closed it (autoclear, so a
/// `kill -9` leaves none behind). Run again on the same `dir` it reuses all of it, so the flow
/// resumes where it stopped. Without root (no loop device) the erase step has no disk and says so.
struct DemoSetup {
    BenchConfig config;
    QString pcTag;
    QString badge; ///< the worker the walk logs in as
    int loopFd = -1; ///< held open for the life of the process
};

Result<DemoSetup> prepareDemo(const QString &dir, const QString &dbPath, const QString &station);

} // namespace Etabli::Bench
