// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

#include <QElapsedTimer>
#include <QObject>

class QQuickWindow;

namespace Etabli::Ui {

/// The station's benchmark instrument (tests/bench/station/): `--measure-startup` prints
/// "first-frame" on stdout when the first frame was swapped and quits; `--measure-frames S`
/// keeps the window redrawing for S seconds and prints the longest gap between two frames
/// on the UI thread (QQuickWindow::afterAnimating), the frame count and the longest stall
/// of a 5 ms UI-thread timer, then quits.
class FrameMeter : public QObject
{
    Q_OBJECT
public:
    /// Attaches to `window`; `seconds` 0 measures the start-up only.
    static void attach(QQuickWindow *window, int seconds);

private:
    FrameMeter(QQuickWindow *window, int seconds);
    QQuickWindow *m_window;
    int m_seconds;
    QElapsedTimer m_clock, m_frame, m_tick;
    qint64 m_maxFrameGap = 0, m_maxTickGap = 0;
    int m_frames = 0;
    bool m_started = false;
};

} // namespace Etabli::Ui
