// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "app/ui/speech.h"

#include <QGuiApplication>
#include <QJSEngine>
#include <QQmlEngine>
#include <QtGlobal>

#ifdef ETABLI_HAVE_TEXTTOSPEECH
#include <QTextToSpeech>
#endif

namespace Etabli::Ui {

// --- TextToSpeechSpeaker ------------------------------------------------------------

struct TextToSpeechSpeaker::Engine {
#ifdef ETABLI_HAVE_TEXTTOSPEECH
    std::unique_ptr<QTextToSpeech> tts;
#endif
};

TextToSpeechSpeaker::TextToSpeechSpeaker(QObject *parent)
    : Speaker(parent)
{}

TextToSpeechSpeaker::~TextToSpeechSpeaker() = default;

bool TextToSpeechSpeaker::available() const
{
#ifdef ETABLI_HAVE_TEXTTOSPEECH
    if (!m_tried)
        return !QTextToSpeech::availableEngines().isEmpty();
    return m_engine && m_engine->tts && m_engine->tts->state() != QTextToSpeech::Error;
#else
    return false;
#endif
}

bool TextToSpeechSpeaker::start()
{
#ifdef ETABLI_HAVE_TEXTTOSPEECH
    if (m_tried)
        return available();
    m_tried = true;
    const QStringList engines = QTextToSpeech::availableEngines();
    if (engines.isEmpty()) {
        Q_EMIT availableChanged();
        return false;
    }
    m_engine = std::make_unique<Engine>();
    // speech-dispatcher (with espeak-ng) first: it has the French voice on Debian.
    const QString name = engines.contains(QStringLiteral("speechd")) ? QStringLiteral("speechd") : engines.first();
    m_engine->tts = std::make_unique<QTextToSpeech>(name);
    connect(m_engine->tts.get(), &QTextToSpeech::stateChanged, this, [this](QTextToSpeech::State s) {
        if (s == QTextToSpeech::Error)
            Q_EMIT availableChanged();
    });
    setLanguage(m_language);
    Q_EMIT availableChanged();
    return available();
#else
    m_tried = true;
    return false;
#endif
}

void TextToSpeechSpeaker::say(const QString &text)
{
    if (text.trimmed().isEmpty() || !start())
        return;
#ifdef ETABLI_HAVE_TEXTTOSPEECH
    m_engine->tts->stop();
    m_engine->tts->say(text);
#endif
}

void TextToSpeechSpeaker::stop()
{
#ifdef ETABLI_HAVE_TEXTTOSPEECH
    if (m_engine && m_engine->tts)
        m_engine->tts->stop();
#endif
}

void TextToSpeechSpeaker::setLanguage(const QLocale &language)
{
    m_language = language;
#ifdef ETABLI_HAVE_TEXTTOSPEECH
    if (!m_engine || !m_engine->tts)
        return;
    // The exact locale, else any voice of the same language (fr_BE, fr_CA...).
    const QList<QLocale> locales = m_engine->tts->availableLocales();
    if (locales.contains(language)) {
        m_engine->tts->setLocale(language);
        return;
    }
    for (const QLocale &l : locales) {
        if (l.language() == language.language()) {
            m_engine->tts->setLocale(l);
            return;
        }
    }
#endif
}

// --- Speech ---------------------------------------------------------------------------

Speech::Speech(QObject *parent)
    : QObject(parent)
{}

Speech *Speech::instance()
{
    static Speech *s = new Speech; // lives as long as the process, like Theme
    return s;
}

Speech *Speech::create(QQmlEngine *, QJSEngine *)
{
    Speech *s = instance();
    QJSEngine::setObjectOwnership(s, QJSEngine::CppOwnership);
    return s;
}

Speaker *Speech::current() const
{
    if (m_speaker)
        return m_speaker;
    if (!m_default) {
        auto *self = const_cast<Speech *>(this);
        // ETABLI_VOICE=off: no voice at all (benches without speakers); nobody listens to
        // an offscreen station either (tests, --screenshots), unless ETABLI_VOICE=on.
        const QString voice = qEnvironmentVariable("ETABLI_VOICE");
        const bool offscreen = QGuiApplication::platformName() == QLatin1String("offscreen");
        if (voice == QLatin1String("off") || (offscreen && voice != QLatin1String("on")))
            self->m_default = std::make_unique<SilentSpeaker>();
        else
            self->m_default = std::make_unique<TextToSpeechSpeaker>();
        self->m_default->setLanguage(QLocale(m_language));
        connect(self->m_default.get(), &Speaker::availableChanged, self, &Speech::availableChanged);
    }
    return m_default.get();
}

void Speech::setSpeaker(Speaker *speaker)
{
    if (speaker == m_speaker)
        return;
    if (m_speaker)
        disconnect(m_speaker, nullptr, this, nullptr);
    m_speaker = speaker;
    if (m_speaker) {
        m_speaker->setLanguage(QLocale(m_language));
        connect(m_speaker, &Speaker::availableChanged, this, &Speech::availableChanged);
        connect(m_speaker, &QObject::destroyed, this, [this] {
            m_speaker = nullptr;
            Q_EMIT availableChanged();
        });
    }
    Q_EMIT availableChanged();
}

Speaker *Speech::speaker() const
{
    return current();
}

bool Speech::available() const
{
    return current()->available();
}

void Speech::setEnabled(bool on)
{
    if (on == m_enabled)
        return;
    m_enabled = on;
    if (!on)
        stop();
    Q_EMIT enabledChanged();
}

void Speech::setLanguage(const QString &language)
{
    if (language == m_language || language.isEmpty())
        return;
    m_language = language;
    current()->setLanguage(QLocale(language));
    Q_EMIT languageChanged();
}

void Speech::say(const QString &text)
{
    if (text != m_lastText) {
        m_lastText = text;
        Q_EMIT lastTextChanged();
    }
    if (!m_enabled || text.trimmed().isEmpty())
        return;
    current()->say(text);
}

void Speech::stop()
{
    current()->stop();
}

} // namespace Etabli::Ui
