// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "app/ui/framemeter.h"
#include "common/cpusteal.h"

#include <QCoreApplication>
#include <QQuickWindow>
#include <QTimer>

#include <cstdio>
#include <ctime>
#include <sched.h>

namespace Etabli::Ui {

namespace {
/// CPU time of the calling thread, in ms: the UI thread's own work inside a frame gap, to
/// tell a gap the thread spent working (bindings, layout, rendering) from one it spent
/// waiting for a core (another process ran).
double threadCpuMs()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) * 1000.0 + double(t.tv_nsec) / 1e6;
}
} // namespace

FrameMeter *FrameMeter::attach(QQuickWindow *window, int seconds)
{
    return window ? new FrameMeter(window, seconds) : nullptr; // parented to the window
}

FrameMeter::FrameMeter(QQuickWindow *window, int seconds)
    : QObject(window)
    , m_window(window)
    , m_seconds(seconds)
    , m_trace(qEnvironmentVariableIsSet("ETABLI_FRAME_TRACE"))
{
    m_clock.start();
    m_end.setSingleShot(true);
    connect(&m_end, &QTimer::timeout, this, [this] {
        // bench: what the longest gap was made of: the UI thread's own CPU time in it (the rest
        // of it the thread waited for a core) and when it came (ms after the measure began).
        // On a virtual machine, how much of it the hypervisor gave to another guest
        // (longest-gap-steal-ms, in 10 ms steps; 0 on a bare-metal bench).
        std::printf("frames %d longest-frame-gap-ms %lld longest-ui-stall-ms %lld longest-gap-cpu-ms %.1f "
                    "longest-gap-at-ms %lld longest-gap-steal-ms %.0f\n",
                    m_frames, static_cast<long long>(m_maxFrameGap), static_cast<long long>(m_maxTickGap),
                    m_maxGapCpuMs, static_cast<long long>(m_maxGapAtMs), m_maxGapStealNs / 1e6);
        std::fflush(stdout);
        QCoreApplication::exit(0);
    });
    connect(
        window, &QQuickWindow::frameSwapped, this,
        [this] {
            if (!m_started) {
                m_started = true;
                std::printf("first-frame %lld ms after the window\n", static_cast<long long>(m_clock.elapsed()));
                std::fflush(stdout);
                if (m_seconds <= 0) {
                    QCoreApplication::exit(0);
                    return;
                }
                auto *tick = new QTimer(this);
                tick->setInterval(5);
                connect(tick, &QTimer::timeout, this, [this] { m_maxTickGap = qMax(m_maxTickGap, m_tick.restart()); });
                tick->start();
                restart();
            }
            m_window->update(); // keep drawing: every frame counts
        },
        Qt::QueuedConnection);
    connect(window, &QQuickWindow::afterAnimating, this, [this] {
        if (!m_started || m_seconds <= 0)
            return;
        ++m_frames;
        const qint64 gap = m_frame.restart();
        const double cpu = threadCpuMs();
        const int core = ::sched_getcpu();
        const QList<qint64> steal = cpuStealNs();
        if (gap > m_maxFrameGap) {
            m_maxFrameGap = gap;
            m_maxGapCpuMs = cpu - m_lastCpuMs;
            m_maxGapAtMs = m_run.elapsed();
            m_gapStealFrom = m_lastSteal;
            m_gapCores[0] = m_lastCore;
            m_gapCores[1] = core;
        }
        // The steal of the longest gap's cores, read until 12 ms after it: the kernel adds it
        // at its next tick.
        if (m_run.elapsed() - m_maxGapAtMs <= 12)
            m_maxGapStealNs = stolenBetween(m_gapStealFrom, steal, m_gapCores[0], m_gapCores[1]);
        m_lastSteal = steal;
        m_lastCore = core;
        // bench (fourth shift): also a short gap that cost the UI thread >= 5 ms (a screen change
        // on a quiet machine).
        if (m_trace && (gap >= 20 || cpu - m_lastCpuMs >= 5.0))
            std::fprintf(stderr, "frame-gap %lld ms cpu %.1f ms at %lld ms\n", static_cast<long long>(gap),
                         cpu - m_lastCpuMs, static_cast<long long>(m_run.elapsed()));
        m_lastCpuMs = cpu;
    });
}

void FrameMeter::restart()
{
    if (!m_started || m_seconds <= 0)
        return;
    if (m_frames > 0) { // bench: the screens on the way, said apart (a screen change is not a frame of the screen)
        std::printf("on-the-way frames %d longest-frame-gap-ms %lld longest-gap-cpu-ms %.1f\n", m_frames,
                    static_cast<long long>(m_maxFrameGap), m_maxGapCpuMs);
        std::fflush(stdout);
    }
    m_frames = 0;
    m_maxFrameGap = m_maxTickGap = m_maxGapAtMs = 0;
    m_maxGapCpuMs = 0;
    m_maxGapStealNs = 0;
    m_lastSteal = cpuStealNs();
    m_lastCore = ::sched_getcpu();
    m_frame.start();
    m_tick.start();
    m_run.start();
    m_lastCpuMs = threadCpuMs();
    m_end.start(m_seconds * 1000);
    if (m_trace)
        std::fprintf(stderr, "frame-measure starts\n");
}

} // namespace Etabli::Ui
