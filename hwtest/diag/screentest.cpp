// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "hwtest/diag/screentest.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace Etabli::HwTest {

ScreenTest::ScreenTest(QString monitorModel)
    : m_sequence(sequence())
    , m_model(std::move(monitorModel))
{}

QList<ScreenPattern> ScreenTest::sequence()
{
    // Plain colours show dead (black) and stuck (lit) pixels and tint; grey shows
    // uneven backlight; the grid shows geometry and focus.
    return {{QStringLiteral("black"), 0x000000, 0, 0},       {QStringLiteral("white"), 0xffffff, 0, 0},
            {QStringLiteral("red"), 0xff0000, 0, 0},         {QStringLiteral("green"), 0x00ff00, 0, 0},
            {QStringLiteral("blue"), 0x0000ff, 0, 0},        {QStringLiteral("grey"), 0x808080, 0, 0},
            {QStringLiteral("grid"), 0x000000, 0xffffff, 32}};
}

bool ScreenTest::next()
{
    if (m_finished)
        return false;
    if (m_index + 1 >= m_sequence.size()) {
        m_finished = true;
        return false;
    }
    ++m_index;
    return true;
}

bool ScreenTest::markDefect(double x, double y)
{
    if (m_finished || !(x >= 0 && x <= 1 && y >= 0 && y <= 1))
        return false;
    m_defects.append({pattern().name, x, y});
    return true;
}

void ScreenTest::undoLastDefect()
{
    if (!m_defects.isEmpty())
        m_defects.removeLast();
}

TestResult ScreenTest::result() const
{
    VerdictBuilder v;
    v.setPassRule(QStringLiteral("screen.ok: every pattern shown, no defect marked"));
    if (!m_defects.isEmpty())
        v.fire(TestVerdict::Fail, QStringLiteral("screen.defects"),
               QCoreApplication::translate("ScreenTest", "%n defect(s) marked", nullptr, int(m_defects.size())));
    if (!m_finished)
        v.fire(TestVerdict::Warn, QStringLiteral("screen.incomplete"),
               QCoreApplication::translate("ScreenTest", "stopped at pattern %1 of %2")
                   .arg(m_index + 1)
                   .arg(m_sequence.size()));
    QJsonArray points;
    for (const ScreenDefect &d : m_defects)
        points.append(QJsonObject{{QStringLiteral("pattern"), d.pattern},
                                  {QStringLiteral("x"), qRound(d.x * 1e4) / 1e4},
                                  {QStringLiteral("y"), qRound(d.y * 1e4) / 1e4}});
    QJsonArray shown;
    for (int i = 0; i <= m_index && i < m_sequence.size(); ++i)
        shown.append(m_sequence[i].name);
    TestResult t;
    t.kind = QStringLiteral("screen");
    t.verdict = v.verdict();
    t.rule = v.rule();
    t.measurements = QJsonObject{{QStringLiteral("monitor_model"), m_model},
                                 {QStringLiteral("patterns_shown"), shown},
                                 {QStringLiteral("defects"), points},
                                 {QStringLiteral("rules_fired"), v.firedRules()}};
    return t;
}

} // namespace Etabli::HwTest
