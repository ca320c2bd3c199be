// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

#include "app/ui/feedbacksound.h"

#include <QList>

namespace Etabli::Test {

/// The test double of Etabli::Ui::TonePlayer (deskui): records every tone asked for, in
/// order, instead of playing it. Install with
/// `Etabli::Ui::FeedbackSound::instance()->setPlayer(&fake)`; removed on destruction.
class RecordingTonePlayer : public Etabli::Ui::TonePlayer
{
public:
    using Kind = Etabli::Ui::FeedbackSound::Kind;
    ~RecordingTonePlayer() override
    {
        if (Etabli::Ui::FeedbackSound::instance()->player() == this)
            Etabli::Ui::FeedbackSound::instance()->setPlayer(nullptr);
    }
    bool available() const override { return true; }
    void play(Kind kind) override { m_played.append(kind); }

    QList<Kind> played() const { return m_played; }
    /// The last tone, or -1 when none was asked for.
    int last() const { return m_played.isEmpty() ? -1 : int(m_played.last()); }
    void clear() { m_played.clear(); }

private:
    QList<Kind> m_played;
};

} // namespace Etabli::Test
