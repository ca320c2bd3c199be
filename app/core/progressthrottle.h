// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace Etabli {

/// bench (issue 12): a long job's progress as a screen shows it. Engines report up to ten
/// times a second (HwTest::ProgressSink) and the helper on every block; a person sees about
/// four changes a second, and each update a screen takes re-evaluates its bindings. report()
/// takes every value; update() passes on at most one per `intervalMs` (250 ms by default),
/// always the latest: a value held back is delivered when the interval ends, so the last one
/// is never lost. The start (fraction 0) and the end (1) pass at once; a value equal to the
/// last one passed is dropped. Lives on the thread of its caller (the UI thread).
class ProgressThrottle : public QObject
{
    Q_OBJECT
public:
    explicit ProgressThrottle(int intervalMs = 250, QObject *parent = nullptr);

    void report(double fraction, qint64 etaSeconds);
    /// Forgets a held-back value and the last one passed (a new job begins).
    void reset();
    int intervalMs() const { return m_intervalMs; }

Q_SIGNALS:
    void update(double fraction, qint64 etaSeconds);

private:
    void pass(double fraction, qint64 etaSeconds);
    int m_intervalMs;
    QElapsedTimer m_clock; ///< since the last value passed
    QTimer m_held; ///< delivers the held-back value at the interval's end
    double m_heldFraction = 0, m_lastFraction = -1;
    qint64 m_heldEta = -1, m_lastEta = -1;
};

} // namespace Etabli
