// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

#include "hwtest/diag/testresult.h"

#include <QList>
#include <QString>

namespace Etabli::HwTest {

/// One full-screen pattern: a plain colour, or a grid of `gridStep`-pixel cells.
struct ScreenPattern {
    QString name; ///< "black", "white", "red", "green", "blue", "grey", "grid"
    quint32 rgb = 0; ///< 0xRRGGBB of the background
    quint32 lineRgb = 0; ///< grid lines
    int gridStep = 0; ///< 0 for a plain colour
};

/// A defect the worker touched: where (0..1 of the screen width and height) and on
/// which pattern it showed.
struct ScreenDefect {
    QString pattern;
    double x = 0;
    double y = 0;
};

/// The screen test as a small state machine the UI drives: show pattern(), the worker
/// touches defects (markDefect) and goes on (next) until finished(). Pure logic, no
/// drawing; one thread (the UI thread).
class ScreenTest
{
public:
    explicit ScreenTest(QString monitorModel = {}); ///< model from the EDID probe, shown and stored
    static QList<ScreenPattern> sequence();

    const ScreenPattern &pattern() const { return m_sequence.at(m_index); }
    int index() const { return m_index; }
    bool finished() const { return m_finished; }
    bool next(); ///< false once past the last pattern
    bool markDefect(double x, double y); ///< refused outside 0..1 or after the end
    void undoLastDefect();
    const QList<ScreenDefect> &defects() const { return m_defects; }

    /// FAIL with the marked points when any defect was marked, PASS after the whole
    /// sequence without one, WARN if the worker stopped before the end.
    TestResult result() const;

private:
    QList<ScreenPattern> m_sequence;
    QString m_model;
    int m_index = 0;
    bool m_finished = false;
    QList<ScreenDefect> m_defects;
};

} // namespace Etabli::HwTest
