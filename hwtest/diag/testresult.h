// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace Etabli::HwTest {

/// Outcome of one diagnostic, ordered by severity so `std::max` gives the worst.
enum class TestVerdict { Pass = 0, Warn = 1, Fail = 2 };

QString toString(TestVerdict verdict); ///< "PASS", "WARN" or "FAIL"

/// What every diagnostics engine produces: the verdict, the rule that decided it,
/// the measurements behind it and when it ran. A plain value, safe to copy between
/// threads. `toPayload()` is exactly the payload of an inventory `test.recorded` event.
struct TestResult {
    /// "ram", "disk", "audio", "keyboard", "mouse", "screen": the kinds the lifecycle
    /// requires (inventory requiredTests); measurements.check tells SMART from surface.
    QString kind;
    TestVerdict verdict = TestVerdict::Pass;
    QString rule; ///< stable id and text of the rule that fired, e.g. "smart.status-failed: …"
    QJsonObject measurements;
    QDateTime startedAt;
    QDateTime endedAt;

    qint64 durationMs() const { return startedAt.msecsTo(endedAt); }
    /// {kind, verdict, rule, measurements, started_at, ended_at} for Store::record.
    QJsonObject toPayload() const;
    /// The payload plus duration_ms, for `--json` output.
    QJsonObject toJson() const;
    /// Back from the toJson() (or toPayload()) form; false, `result` untouched, when `json` is not one.
    static bool fromJson(const QJsonObject &json, TestResult *result);
};

/// Collects fired rules and keeps the worst: the first rule of the highest severity
/// decides, the others are kept for the report.
class VerdictBuilder
{
public:
    void fire(TestVerdict severity, const QString &id, const QString &text);
    TestVerdict verdict() const { return m_verdict; }
    QString rule() const; ///< "id: text" of the deciding rule, or `passRule` when none fired
    QJsonArray firedRules() const;
    void setPassRule(const QString &rule) { m_passRule = rule; }

private:
    struct Fired {
        TestVerdict severity;
        QString id;
        QString text;
    };
    QList<Fired> m_fired;
    TestVerdict m_verdict = TestVerdict::Pass;
    QString m_passRule;
};

} // namespace Etabli::HwTest
