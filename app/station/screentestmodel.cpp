// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "app/station/screentestmodel.h"

#include "app/station/station.h"

#include <QCoreApplication>
#include <QVariantMap>

namespace Etabli::Station {

using namespace Etabli::HwTest;

ScreenTestModel::ScreenTestModel(QObject *parent)
    : QObject(parent)
    , m_model(Station::instance()->monitorModel())
    , m_test(m_model)
    , m_started(QDateTime::currentDateTimeUtc())
{}

QVariantList ScreenTestModel::defects() const
{
    QVariantList list;
    for (const ScreenDefect &d : m_test.defects()) {
        if (d.pattern == m_test.pattern().name)
            list.append(QVariantMap{{QStringLiteral("x"), d.x}, {QStringLiteral("y"), d.y}});
    }
    return list;
}

TestResult ScreenTestModel::result() const
{
    TestResult t = m_test.result();
    t.startedAt = m_started;
    t.endedAt = QDateTime::currentDateTimeUtc();
    return t;
}

bool ScreenTestModel::markDefect(double x, double y)
{
    const bool ok = m_test.markDefect(x, y);
    if (ok)
        Q_EMIT changed();
    return ok;
}

void ScreenTestModel::undo()
{
    m_test.undoLastDefect();
    Q_EMIT changed();
}

void ScreenTestModel::next()
{
    if (m_test.finished())
        return;
    m_test.next();
    Q_EMIT changed();
    if (m_test.finished())
        stop();
}

void ScreenTestModel::stop()
{
    if (m_recorded)
        return;
    m_recorded = true;
    const TestResult t = result();
    m_verdict = toString(t.verdict);
    const int marks = int(m_test.defects().size());
    m_detail = marks > 0    ? QCoreApplication::translate("ScreenTestModel", "%n defect(s) marked.", "", marks)
        : m_test.finished() ? QCoreApplication::translate("ScreenTestModel", "No defect was marked.")
                            : QCoreApplication::translate("ScreenTestModel", "The test was stopped early.");
    Q_EMIT changed();
    Station::instance()->record({t});
}

} // namespace Etabli::Station
