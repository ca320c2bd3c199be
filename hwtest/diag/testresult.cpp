// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "hwtest/diag/testresult.h"

#include <QJsonArray>

namespace Etabli::HwTest {

QString toString(TestVerdict verdict)
{
    switch (verdict) {
    case TestVerdict::Pass:
        return QStringLiteral("PASS");
    case TestVerdict::Warn:
        return QStringLiteral("WARN");
    case TestVerdict::Fail:
        break;
    }
    return QStringLiteral("FAIL");
}

QJsonObject TestResult::toPayload() const
{
    return QJsonObject{{QStringLiteral("kind"), kind},
                       {QStringLiteral("verdict"), toString(verdict)},
                       {QStringLiteral("rule"), rule.left(1024)},
                       {QStringLiteral("measurements"), measurements},
                       {QStringLiteral("started_at"), startedAt.toUTC().toString(Qt::ISODateWithMs)},
                       {QStringLiteral("ended_at"), endedAt.toUTC().toString(Qt::ISODateWithMs)}};
}

QJsonObject TestResult::toJson() const
{
    QJsonObject o = toPayload();
    o.insert(QStringLiteral("duration_ms"), durationMs());
    return o;
}

bool TestResult::fromJson(const QJsonObject &j, TestResult *t)
{
    const QString verdict = j.value(QLatin1String("verdict")).toString();
    if (j.value(QLatin1String("kind")).toString().isEmpty()
        || (verdict != QLatin1String("PASS") && verdict != QLatin1String("WARN") && verdict != QLatin1String("FAIL")))
        return false;
    t->kind = j.value(QLatin1String("kind")).toString();
    t->verdict = verdict == QLatin1String("FAIL")
        ? TestVerdict::Fail
        : (verdict == QLatin1String("WARN") ? TestVerdict::Warn : TestVerdict::Pass);
    t->rule = j.value(QLatin1String("rule")).toString();
    t->measurements = j.value(QLatin1String("measurements")).toObject();
    t->startedAt = QDateTime::fromString(j.value(QLatin1String("started_at")).toString(), Qt::ISODateWithMs);
    t->endedAt = QDateTime::fromString(j.value(QLatin1String("ended_at")).toString(), Qt::ISODateWithMs);
    return true;
}

void VerdictBuilder::fire(TestVerdict severity, const QString &id, const QString &text)
{
    m_fired.append({severity, id, text});
    m_verdict = std::max(m_verdict, severity);
}

QString VerdictBuilder::rule() const
{
    for (const Fired &f : m_fired) {
        if (f.severity == m_verdict)
            return f.id + QStringLiteral(": ") + f.text;
    }
    return m_passRule;
}

QJsonArray VerdictBuilder::firedRules() const
{
    QJsonArray list;
    for (const Fired &f : m_fired)
        list.append(QJsonObject{{QStringLiteral("verdict"), toString(f.severity)},
                                {QStringLiteral("id"), f.id},
                                {QStringLiteral("text"), f.text}});
    return list;
}

} // namespace Etabli::HwTest
