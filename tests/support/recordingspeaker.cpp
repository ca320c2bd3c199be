// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "tests/support/recordingspeaker.h"

namespace Etabli::Test {

RecordingSpeaker::RecordingSpeaker(QObject *parent)
    : Speaker(parent)
{}

RecordingSpeaker::~RecordingSpeaker()
{
    if (Etabli::Ui::Speech::instance()->speaker() == this)
        Etabli::Ui::Speech::instance()->setSpeaker(nullptr);
}

void RecordingSpeaker::setAvailable(bool on)
{
    if (on == m_available)
        return;
    m_available = on;
    Q_EMIT availableChanged();
}

void RecordingSpeaker::say(const QString &text)
{
    if (m_available)
        m_spoken.append(text);
}

} // namespace Etabli::Test
