// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "app/station/audiotestmodel.h"

#include "app/station/station.h"

#include <QAudioDevice>
#include <QAudioOutput>
#include <QAudioSource>
#include <QCoreApplication>
#include <QFile>
#include <QMediaDevices>
#include <QMediaPlayer>
#include <QTimer>
#include <QUrl>

#include <cstring>

namespace Etabli::Station {

using namespace Etabli::HwTest;

namespace {
constexpr int ToneMs = 1500;
}

AudioTestModel::AudioTestModel(QObject *parent)
    : QObject(parent)
    , m_started(QDateTime::currentDateTimeUtc())
{}

AudioTestModel::~AudioTestModel() = default;

void AudioTestModel::setError(const QString &error)
{
    m_error = error;
    m_playing.clear();
    Q_EMIT changed();
}

bool AudioTestModel::loopbackAvailable() const
{
    return !QMediaDevices::audioInputs().isEmpty() && !QMediaDevices::audioOutputs().isEmpty();
}

bool AudioTestModel::startTone(const QString &side, double leftHz, double rightHz)
{
    if (QMediaDevices::audioOutputs().isEmpty()) {
        setError(QCoreApplication::translate("AudioTestModel", "No loudspeaker found: answer what you heard."));
        return false;
    }
    const QString path = m_dir.filePath(side + QStringLiteral(".wav"));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(writeWav(makeStereoTone(48000, leftHz, rightHz, ToneMs))) < 0) {
        setError(QCoreApplication::translate("AudioTestModel", "Cannot write the test tone: %1").arg(f.errorString()));
        return false;
    }
    f.close();
    if (!m_player) {
        m_player = new QMediaPlayer(this);
        m_output = new QAudioOutput(this);
        m_player->setAudioOutput(m_output);
        connect(m_player, &QMediaPlayer::errorOccurred, this, [this](QMediaPlayer::Error, const QString &text) {
            // The tone did not play after all: that side cannot be "heard".
            if (m_playing == QLatin1String("left") && m_left != 0) {
                m_leftPlayed = false;
                m_left = -1;
            } else if (m_playing == QLatin1String("right") && m_right != 0) {
                m_rightPlayed = false;
                m_right = -1;
            }
            setError(text);
        });
        connect(m_player, &QMediaPlayer::playbackStateChanged, this, [this](QMediaPlayer::PlaybackState s) {
            if (s == QMediaPlayer::StoppedState && !m_playing.isEmpty()) {
                m_playing.clear();
                Q_EMIT changed();
            }
        });
    }
    m_error.clear();
    m_playing = side;
    m_player->setSource(QUrl::fromLocalFile(path));
    m_player->play();
    // Only a tone that reached the output can be "heard": the player reports the
    // failure through errorOccurred (setError) before or instead of playing.
    if (m_player->error() == QMediaPlayer::NoError) {
        if (side == QLatin1String("left"))
            m_leftPlayed = true;
        else if (side == QLatin1String("right"))
            m_rightPlayed = true;
    }
    Q_EMIT changed();
    return true;
}

void AudioTestModel::play(const QString &side)
{
    const LoopbackOptions tones;
    // A 0 Hz tone is silence: one side only.
    if (side == QLatin1String("left"))
        startTone(side, tones.leftHz, 0);
    else if (side == QLatin1String("right"))
        startTone(side, 0, tones.rightHz);
}

bool AudioTestModel::answer(const QString &side, bool heard)
{
    if (m_done)
        return false;
    const bool left = side == QLatin1String("left");
    if (!left && side != QLatin1String("right"))
        return false;
    if (heard && !(left ? m_leftPlayed : m_rightPlayed))
        return false; // no tone was played on that side: there was nothing to hear
    (left ? m_left : m_right) = heard ? 1 : 0;
    Q_EMIT changed();
    return true;
}

TestResult AudioTestModel::result() const
{
    TestResult t = evaluateListening(m_left == 1, m_right == 1);
    if (!m_error.isEmpty())
        t.measurements.insert(QStringLiteral("playback_error"), m_error);
    t.startedAt = m_started;
    t.endedAt = QDateTime::currentDateTimeUtc();
    return t;
}

void AudioTestModel::finish()
{
    if (canFinish() && !m_done)
        conclude(result());
}

void AudioTestModel::conclude(const TestResult &t)
{
    m_done = true;
    m_verdict = toString(t.verdict);
    if (t.verdict == TestVerdict::Pass)
        m_detail = QCoreApplication::translate("AudioTestModel", "Both sounds work.");
    else if (m_left != 1 && m_right != 1)
        m_detail = QCoreApplication::translate("AudioTestModel", "No sound was heard.");
    else if (m_left != 1)
        m_detail = QCoreApplication::translate("AudioTestModel", "The left sound does not work.");
    else
        m_detail = QCoreApplication::translate("AudioTestModel", "The right sound does not work.");
    Q_EMIT changed();
    Station::instance()->record({t});
}

AudioClip AudioTestModel::clipFromPcm(const QByteArray &pcm, const QAudioFormat &format)
{
    AudioClip clip;
    const int channels = format.channelCount();
    const int bytes = format.bytesPerSample();
    if (channels < 1 || bytes < 1 || !format.isValid())
        return clip;
    clip.sampleRate = format.sampleRate();
    clip.channels.assign(size_t(channels), {});
    const qsizetype frames = pcm.size() / (qsizetype(bytes) * channels);
    for (auto &c : clip.channels)
        c.reserve(size_t(frames));
    const char *p = pcm.constData();
    for (qsizetype i = 0; i < frames * channels; ++i, p += bytes) {
        float v = 0;
        switch (format.sampleFormat()) {
        case QAudioFormat::Int16: {
            qint16 s;
            std::memcpy(&s, p, sizeof s);
            v = s / 32768.0f;
            break;
        }
        case QAudioFormat::Int32: {
            qint32 s;
            std::memcpy(&s, p, sizeof s);
            v = float(s / 2147483648.0);
            break;
        }
        case QAudioFormat::Float:
            std::memcpy(&v, p, sizeof v);
            break;
        case QAudioFormat::UInt8:
            v = (quint8(*p) - 128) / 128.0f;
            break;
        default:
            return {};
        }
        clip.channels[size_t(i % channels)].push_back(v);
    }
    return clip;
}

void AudioTestModel::checkLoopback()
{
    if (m_source || !loopbackAvailable())
        return;
    const QAudioDevice input = QMediaDevices::defaultAudioInput();
    QAudioFormat format = input.preferredFormat();
    if (format.sampleFormat() == QAudioFormat::Unknown)
        format.setSampleFormat(QAudioFormat::Int16);
    m_source = new QAudioSource(input, format, this);
    m_recorded.clear();
    m_sourceIo = m_source->start();
    if (!m_sourceIo) {
        delete m_source;
        m_source = nullptr;
        setError(
            QCoreApplication::translate("AudioTestModel", "The microphone cannot be opened: answer what you heard."));
        return;
    }
    connect(m_sourceIo, &QIODevice::readyRead, this, [this] { m_recorded += m_sourceIo->readAll(); });
    const LoopbackOptions tones;
    if (!startTone(QStringLiteral("both"), tones.leftHz, tones.rightHz)) {
        stopLoopback();
        return;
    }
    // The lead-in, the tone, and room for the output's latency.
    QTimer::singleShot(tones.leadInMs + ToneMs + 700, this, &AudioTestModel::stopLoopback);
}

void AudioTestModel::stopLoopback()
{
    if (!m_source)
        return;
    m_recorded += m_sourceIo->readAll();
    const QAudioFormat format = m_source->format();
    m_source->stop();
    m_source->deleteLater();
    m_source = nullptr;
    m_sourceIo = nullptr;
    if (!m_error.isEmpty()) {
        Q_EMIT changed();
        return;
    }
    TestResult t = evaluateLoopback(clipFromPcm(m_recorded, format));
    if (t.verdict != TestVerdict::Pass) {
        // A microphone far from the speakers proves nothing: the worker decides.
        setError(QCoreApplication::translate("AudioTestModel",
                                             "The microphone did not hear both sounds: answer what you heard."));
        return;
    }
    t.startedAt = m_started;
    t.endedAt = QDateTime::currentDateTimeUtc();
    m_left = m_right = 1; // the microphone heard both
    conclude(t);
}

} // namespace Etabli::Station
