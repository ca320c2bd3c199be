// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

#include <QByteArray>
#include <QList>

#include <fcntl.h>
#include <unistd.h>

/// Time the hypervisor gave a CPU's vCPU to another guest ("steal", /proc/stat). On a
/// shared virtual machine a vCPU is taken away for tens of ms at a time, and the guest
/// counts that neither as a thread's run-queue wait nor as its CPU time: a timing
/// measure (a frame gap, a UI-thread stall) says how much of a gap was stolen. The
/// kernel adds steal at its next timer tick, in USER_HZ ticks (10 ms): read it again
/// ~10 ms after the gap. For measures only; a bare-metal bench reports 0.
namespace Etabli {

/// Steal of each CPU (cpu0, cpu1, …) since boot, in ns; empty when /proc/stat is unreadable.
inline QList<qint64> cpuStealNs()
{
    static const qint64 nsPerTick = 1'000'000'000LL / qMax(1L, ::sysconf(_SC_CLK_TCK));
    QList<qint64> steal;
    const int fd = ::open("/proc/stat", O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return steal;
    char buf[8192];
    const ssize_t n = ::read(fd, buf, sizeof buf);
    ::close(fd);
    if (n <= 0)
        return steal;
    const QList<QByteArray> lines = QByteArray(buf, n).split('\n');
    for (const QByteArray &line : lines) {
        // "cpuN user nice system idle iowait irq softirq steal …"; "cpu " is the total.
        if (!line.startsWith("cpu") || line.startsWith("cpu "))
            continue;
        steal.append(line.simplified().split(' ').value(8).toLongLong() * nsPerTick);
    }
    return steal;
}

/// The steal of CPU `a` (and of `b` when the thread moved) between two cpuStealNs() readings.
inline qint64 stolenBetween(const QList<qint64> &from, const QList<qint64> &to, int a, int b)
{
    auto on = [&](int cpu) -> qint64 {
        if (cpu < 0 || cpu >= from.size() || cpu >= to.size())
            return 0;
        return qMax<qint64>(0, to.at(cpu) - from.at(cpu));
    };
    return on(a) + (b != a ? on(b) : 0);
}

} // namespace Etabli
