// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

#include <QLocale>
#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>

#include <memory>

class QQmlEngine;
class QJSEngine;

namespace Etabli::Ui {

/// What speaks the screens' sentences (issue 12: "spoken on arrival and by a listen
/// button"). The station uses `TextToSpeechSpeaker` (Qt TextToSpeech over speech-dispatcher
/// and espeak-ng); tests install a recording fake (tests/support/recordingspeaker.h); when
/// no engine or voice is installed the speaker says it is not `available()` and stays silent.
class Speaker : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    /// A voice can be heard: an engine is installed and ready.
    virtual bool available() const = 0;
    /// Speaks `text`, interrupting what was being said. Silent when not available.
    virtual void say(const QString &text) = 0;
    virtual void stop() = 0;
    /// The language of the voice (French in the workshop); the nearest voice is taken.
    virtual void setLanguage(const QLocale &) {}

Q_SIGNALS:
    void availableChanged();
};

/// Qt TextToSpeech (speech-dispatcher with espeak-ng on Debian). The engine is created on
/// the first sentence, not at start-up, so the first screen is not delayed.
class TextToSpeechSpeaker : public Speaker
{
    Q_OBJECT
public:
    explicit TextToSpeechSpeaker(QObject *parent = nullptr);
    ~TextToSpeechSpeaker() override;
    bool available() const override;
    void say(const QString &text) override;
    void stop() override;
    void setLanguage(const QLocale &language) override;

private:
    bool start();
    struct Engine;
    std::unique_ptr<Engine> m_engine;
    QLocale m_language{QLocale::French, QLocale::France};
    bool m_tried = false;
};

/// No voice at all (no engine installed, or `ETABLI_VOICE=off`).
class SilentSpeaker : public Speaker
{
    Q_OBJECT
public:
    using Speaker::Speaker;
    bool available() const override { return false; }
    void say(const QString &) override {}
    void stop() override {}
};

/// The `Speech` singleton of Etabli.Ui: what QML calls (`Speech.say(text)`), over the
/// installed Speaker. `enabled` is the worker's "voice on/off" preference (set at login by
/// the flow); with it off nothing is said. UI thread only.
class Speech : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    /// A voice can be heard (an engine is installed); false: Listen buttons hide.
    Q_PROPERTY(bool available READ available NOTIFY availableChanged)
    /// The worker's preference: voice on (default) or off.
    Q_PROPERTY(bool enabled READ enabled WRITE setEnabled NOTIFY enabledChanged)
    /// "fr" or "en": the voice's language (main() sets the station's language).
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged)
    /// The last sentence asked for (said or not), for tests and the accessibility tree.
    Q_PROPERTY(QString lastText READ lastText NOTIFY lastTextChanged)
public:
    static Speech *instance();
    static Speech *create(QQmlEngine *, QJSEngine *);

    /// Installs `speaker` (not owned; null: back to the default). Tests install a fake here.
    void setSpeaker(Speaker *speaker);
    Speaker *speaker() const;

    bool available() const;
    bool enabled() const { return m_enabled; }
    void setEnabled(bool on);
    QString language() const { return m_language; }
    void setLanguage(const QString &language);
    QString lastText() const { return m_lastText; }

    /// Speaks `text` when the voice is on; does nothing (and never fails) without a voice.
    Q_INVOKABLE void say(const QString &text);
    Q_INVOKABLE void stop();

Q_SIGNALS:
    void availableChanged();
    void enabledChanged();
    void languageChanged();
    void lastTextChanged();

private:
    explicit Speech(QObject *parent = nullptr);
    Speaker *current() const;
    std::unique_ptr<Speaker> m_default;
    Speaker *m_speaker = nullptr;
    bool m_enabled = true;
    QString m_language = QStringLiteral("fr");
    QString m_lastText;
};

} // namespace Etabli::Ui
