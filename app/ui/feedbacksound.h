// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

#include <QObject>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

#include <array>
#include <memory>

class QQmlEngine;
class QJSEngine;
class QSoundEffect;

namespace Etabli::Ui {

class TonePlayer;

/// The `FeedbackSound` singleton of Etabli.Ui (issue 14): a short tone with every scan
/// answer, so a person who cannot read hears at once whether the scan was good. Three
/// distinct tones, generated WAVs shipped as resources (`qrc:/Etabli/Ui/sounds/`, written
/// by app/ui/sounds/make-sounds.py): Pass (high, one beep), Warn (middle, two beeps), Fail
/// (low, longer). Played through the installed TonePlayer (Qt Multimedia by default;
/// silent without an audio device). UI thread only.
class FeedbackSound : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    /// Sounds on (default) or off.
    Q_PROPERTY(bool enabled READ enabled WRITE setEnabled NOTIFY enabledChanged)
public:
    enum Kind { Pass, Warn, Fail };
    Q_ENUM(Kind)

    /// What each tone file holds (the generator's table; the test measures the files).
    struct Spec {
        double hz;
        int beeps;
        int beepMs;
        int gapMs;
        int totalMs() const { return beeps * beepMs + (beeps - 1) * gapMs; }
    };
    static Spec spec(Kind kind);
    /// The tone's resource, e.g. qrc:/Etabli/Ui/sounds/pass.wav.
    static QUrl source(Kind kind);
    static QString name(Kind kind);

    static FeedbackSound *instance();
    static FeedbackSound *create(QQmlEngine *, QJSEngine *);

    /// Installs `player` (not owned; null: back to the default). Tests install a fake here.
    void setPlayer(TonePlayer *player);
    TonePlayer *player() const;

    bool enabled() const { return m_enabled; }
    void setEnabled(bool on);

    /// Plays the tone of `kind` when sounds are on; never fails (silent without audio).
    Q_INVOKABLE void play(Kind kind);

Q_SIGNALS:
    void enabledChanged();

private:
    explicit FeedbackSound(QObject *parent = nullptr);
    TonePlayer *current();
    std::unique_ptr<TonePlayer> m_default;
    TonePlayer *m_player = nullptr;
    bool m_enabled = true;
};

/// Plays one of the three tones. The default is SoundEffectPlayer; tests record.
class TonePlayer : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    /// A sound can be heard (an audio output exists).
    virtual bool available() const = 0;
    virtual void play(FeedbackSound::Kind kind) = 0;
};

/// Qt Multimedia's QSoundEffect on the resource WAVs, loaded once each; does nothing
/// when the machine has no audio output (QMediaDevices lists none).
class SoundEffectPlayer : public TonePlayer
{
    Q_OBJECT
public:
    explicit SoundEffectPlayer(QObject *parent = nullptr);
    bool available() const override;
    void play(FeedbackSound::Kind kind) override;
    /// How many tones were really started (for tests: 0 without an audio device).
    int started() const { return m_started; }

private:
    std::array<QSoundEffect *, 3> m_effects{};
    int m_started = 0;
};

} // namespace Etabli::Ui
