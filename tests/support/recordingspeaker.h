// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

#include "app/ui/speech.h"

#include <QStringList>

namespace Etabli::Test {

/// The test double of Etabli::Ui::Speaker: records every sentence in order instead of
/// speaking it. `available` can be turned off to play a station without a voice.
/// Install with `Etabli::Ui::Speech::instance()->setSpeaker(&fake)` (removed on destruction).
class RecordingSpeaker : public Etabli::Ui::Speaker
{
    Q_OBJECT
public:
    explicit RecordingSpeaker(QObject *parent = nullptr);
    ~RecordingSpeaker() override;

    bool available() const override { return m_available; }
    void setAvailable(bool on);
    void say(const QString &text) override;
    void stop() override { ++m_stops; }
    void setLanguage(const QLocale &language) override { m_language = language; }

    /// Everything said so far, oldest first.
    QStringList spoken() const { return m_spoken; }
    QString last() const { return m_spoken.value(m_spoken.size() - 1); }
    void clear() { m_spoken.clear(); }
    int stops() const { return m_stops; }
    QLocale language() const { return m_language; }

private:
    QStringList m_spoken;
    bool m_available = true;
    int m_stops = 0;
    QLocale m_language;
};

} // namespace Etabli::Test
