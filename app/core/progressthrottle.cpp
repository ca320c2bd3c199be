// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "app/core/progressthrottle.h"

namespace Etabli {

ProgressThrottle::ProgressThrottle(int intervalMs, QObject *parent)
    : QObject(parent)
    , m_intervalMs(std::max(1, intervalMs))
{
    m_held.setSingleShot(true);
    connect(&m_held, &QTimer::timeout, this, [this] { pass(m_heldFraction, m_heldEta); });
}

void ProgressThrottle::report(double fraction, qint64 etaSeconds)
{
    if (fraction == m_lastFraction && etaSeconds == m_lastEta) {
        m_held.stop(); // the held-back value is older than this one, which is already shown
        return;
    }
    const bool edge = fraction <= 0 || fraction >= 1;
    if (edge || !m_clock.isValid() || m_clock.elapsed() >= m_intervalMs) {
        pass(fraction, etaSeconds);
        return;
    }
    m_heldFraction = fraction;
    m_heldEta = etaSeconds;
    if (!m_held.isActive())
        m_held.start(int(std::max<qint64>(1, m_intervalMs - m_clock.elapsed())));
}

void ProgressThrottle::reset()
{
    m_held.stop();
    m_clock.invalidate();
    m_lastFraction = -1;
    m_lastEta = -1;
}

void ProgressThrottle::pass(double fraction, qint64 etaSeconds)
{
    m_held.stop();
    m_clock.start();
    m_lastFraction = fraction;
    m_lastEta = etaSeconds;
    Q_EMIT update(fraction, etaSeconds);
}

} // namespace Etabli
