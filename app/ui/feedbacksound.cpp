// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "app/ui/feedbacksound.h"

#include <QAudioDevice>
#include <QMediaDevices>
#include <QQmlEngine>
#include <QSoundEffect>

namespace Etabli::Ui {

FeedbackSound::Spec FeedbackSound::spec(Kind kind)
{
    // Keep in step with app/ui/sounds/make-sounds.py.
    switch (kind) {
    case Pass:
        return {1046.5, 1, 180, 0};
    case Warn:
        return {659.3, 2, 120, 80};
    case Fail:
        break;
    }
    return {220.0, 1, 400, 0};
}

QString FeedbackSound::name(Kind kind)
{
    return kind == Pass ? QStringLiteral("pass") : kind == Warn ? QStringLiteral("warn") : QStringLiteral("fail");
}

QUrl FeedbackSound::source(Kind kind)
{
    return QUrl(QStringLiteral("qrc:/Etabli/Ui/sounds/%1.wav").arg(name(kind)));
}

FeedbackSound::FeedbackSound(QObject *parent)
    : QObject(parent)
{}

FeedbackSound *FeedbackSound::instance()
{
    static FeedbackSound *one = new FeedbackSound;
    return one;
}

FeedbackSound *FeedbackSound::create(QQmlEngine *, QJSEngine *)
{
    QQmlEngine::setObjectOwnership(instance(), QQmlEngine::CppOwnership);
    return instance();
}

void FeedbackSound::setPlayer(TonePlayer *player)
{
    m_player = player;
}

TonePlayer *FeedbackSound::player() const
{
    return m_player ? m_player : m_default.get();
}

TonePlayer *FeedbackSound::current()
{
    if (m_player)
        return m_player;
    if (!m_default) // made on first use: a test with a fake never touches the audio system
        m_default = std::make_unique<SoundEffectPlayer>();
    return m_default.get();
}

void FeedbackSound::setEnabled(bool on)
{
    if (on == m_enabled)
        return;
    m_enabled = on;
    Q_EMIT enabledChanged();
}

void FeedbackSound::play(Kind kind)
{
    if (m_enabled)
        current()->play(kind);
}

SoundEffectPlayer::SoundEffectPlayer(QObject *parent)
    : TonePlayer(parent)
{}

bool SoundEffectPlayer::available() const
{
    return !QMediaDevices::audioOutputs().isEmpty();
}

void SoundEffectPlayer::play(FeedbackSound::Kind kind)
{
    if (!available())
        return; // no loudspeaker: the colour, the pictogram and the sentence still answer
    QSoundEffect *&effect = m_effects.at(static_cast<size_t>(kind));
    if (!effect) {
        effect = new QSoundEffect(this);
        effect->setSource(FeedbackSound::source(kind));
        effect->setVolume(0.8);
    }
    for (QSoundEffect *e : m_effects) // a new answer cuts the previous tone
        if (e && e != effect)
            e->stop();
    effect->play();
    ++m_started;
}

} // namespace Etabli::Ui
