// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

#include "hwtest/diag/screentest.h"

#include <QColor>
#include <QObject>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

namespace Etabli::Station {

/// The screen test screen's model: binds HwTest::ScreenTest (pattern sequence,
/// touched defects, verdict) to QML, for the monitor model the Station was given. Points are fractions 0..1 of the
/// screen. Once the result is recorded `done` is true and `verdict` / `detail` say
/// what was recorded, for the result page. UI thread only.
class ScreenTestModel : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString monitorModel READ monitorModel CONSTANT)
    Q_PROPERTY(QString patternName READ patternName NOTIFY changed)
    Q_PROPERTY(QColor color READ color NOTIFY changed)
    Q_PROPERTY(QColor lineColor READ lineColor NOTIFY changed)
    Q_PROPERTY(int gridStep READ gridStep NOTIFY changed)
    Q_PROPERTY(int index READ index NOTIFY changed)
    Q_PROPERTY(int count READ count CONSTANT)
    Q_PROPERTY(bool finished READ finished NOTIFY changed)
    Q_PROPERTY(QVariantList defects READ defects NOTIFY changed)
    Q_PROPERTY(bool done READ done NOTIFY changed)
    Q_PROPERTY(QString verdict READ verdict NOTIFY changed)
    Q_PROPERTY(QString detail READ detail NOTIFY changed)
public:
    explicit ScreenTestModel(QObject *parent = nullptr);

    QString monitorModel() const { return m_model; }
    QString patternName() const { return m_test.pattern().name; }
    QColor color() const { return QColor::fromRgb(m_test.pattern().rgb); }
    QColor lineColor() const { return QColor::fromRgb(m_test.pattern().lineRgb); }
    int gridStep() const { return m_test.pattern().gridStep; }
    int index() const { return m_test.index(); }
    int count() const { return int(HwTest::ScreenTest::sequence().size()); }
    bool finished() const { return m_test.finished(); }
    bool done() const { return m_recorded; }
    QString verdict() const { return m_verdict; }
    QString detail() const { return m_detail; }
    QVariantList defects() const; ///< {x, y, pattern} of the current pattern's marks
    const HwTest::ScreenTest &test() const { return m_test; }
    HwTest::TestResult result() const;

    Q_INVOKABLE bool markDefect(double x, double y);
    Q_INVOKABLE void undo();
    /// Next pattern; after the last one the result goes to the Station.
    Q_INVOKABLE void next();
    /// The worker stops early (WARN unless a defect was marked).
    Q_INVOKABLE void stop();

Q_SIGNALS:
    void changed();

private:
    QString m_model;
    HwTest::ScreenTest m_test;
    QDateTime m_started;
    bool m_recorded = false;
    QString m_verdict;
    QString m_detail;
};

} // namespace Etabli::Station
