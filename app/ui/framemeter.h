// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QTimer>

class QQuickWindow;

namespace Etabli::Ui {

/// The station's benchmark instrument (tests/bench/station/): `--measure-startup` prints
/// "first-frame" on stdout when the first frame was swapped and quits; `--measure-frames S`
/// keeps the window redrawing for S seconds and prints the longest gap between two frames
/// on the UI thread (QQuickWindow::afterAnimating), the frame count and the longest stall
/// of a 5 ms UI-thread timer, then quits. bench: with the UI thread's CPU time inside the
/// longest gap (`longest-gap-cpu-ms`; the rest of the gap it waited for a core) and when
/// that gap came (`longest-gap-at-ms` after the first frame), and on a virtual machine the
/// time the hypervisor took the vCPU away in it (`longest-gap-steal-ms`).
class FrameMeter : public QObject
{
    Q_OBJECT
public:
    /// Attaches to `window`; `seconds` 0 measures the start-up only.
    static FrameMeter *attach(QQuickWindow *window, int seconds);
    /// bench: begins the S seconds again from now, forgetting what was measured (the bench's
    /// `--start-at` calls it when its screen is reached: the screens on the way do not count).
    /// Prints what it forgets as `on-the-way frames N longest-frame-gap-ms G longest-gap-cpu-ms C`.
    /// No-op before the first frame. `ETABLI_FRAME_TRACE` set: every gap >= 20 ms on stderr.
    void restart();

private:
    FrameMeter(QQuickWindow *window, int seconds);
    QQuickWindow *m_window;
    int m_seconds;
    bool m_trace;
    QTimer m_end;
    QElapsedTimer m_clock, m_frame, m_tick, m_run;
    qint64 m_maxFrameGap = 0, m_maxTickGap = 0, m_maxGapAtMs = 0;
    double m_lastCpuMs = 0, m_maxGapCpuMs = 0; ///< bench: the UI thread's CPU time (threadCpuMs)
    int m_frames = 0;
    bool m_started = false;
    /// bench: the vCPU steal in the longest gap (common/cpusteal.h), from the frame before it
    QList<qint64> m_lastSteal, m_gapStealFrom;
    int m_lastCore = -1, m_gapCores[2] = {-1, -1};
    qint64 m_maxGapStealNs = 0;
};

} // namespace Etabli::Ui
