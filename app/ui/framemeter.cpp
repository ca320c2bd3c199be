// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "app/ui/framemeter.h"

#include <QCoreApplication>
#include <QQuickWindow>
#include <QTimer>

#include <cstdio>

namespace Etabli::Ui {

void FrameMeter::attach(QQuickWindow *window, int seconds)
{
    if (window)
        new FrameMeter(window, seconds); // parented to the window
}

FrameMeter::FrameMeter(QQuickWindow *window, int seconds)
    : QObject(window)
    , m_window(window)
    , m_seconds(seconds)
{
    m_clock.start();
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
                m_frame.start();
                m_tick.start();
                auto *tick = new QTimer(this);
                tick->setInterval(5);
                connect(tick, &QTimer::timeout, this, [this] { m_maxTickGap = qMax(m_maxTickGap, m_tick.restart()); });
                tick->start();
                QTimer::singleShot(m_seconds * 1000, this, [this] {
                    std::printf("frames %d longest-frame-gap-ms %lld longest-ui-stall-ms %lld\n", m_frames,
                                static_cast<long long>(m_maxFrameGap), static_cast<long long>(m_maxTickGap));
                    std::fflush(stdout);
                    QCoreApplication::exit(0);
                });
            }
            m_window->update(); // keep drawing: every frame counts
        },
        Qt::QueuedConnection);
    connect(window, &QQuickWindow::afterAnimating, this, [this] {
        if (!m_started || m_seconds <= 0)
            return;
        ++m_frames;
        m_maxFrameGap = qMax(m_maxFrameGap, m_frame.restart());
    });
}

} // namespace Etabli::Ui
