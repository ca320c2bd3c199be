// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "app/station/audiotestmodel.h"

#include "app/station/station.h"
#include "hwtest/diag/audiotest.h"

#include <QAudioDevice>
#include <QAudioOutput>
#include <QCoreApplication>
#include <QFile>
#include <QMediaDevices>
#include <QMediaPlayer>
#include <QUrl>

namespace Etabli::Station {

using namespace Etabli::HwTest;

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

void AudioTestModel::play(const QString &side)
{
    const bool left = side == QLatin1String("left");
    if (!left && side != QLatin1String("right"))
        return;
    if (QMediaDevices::audioOutputs().isEmpty()) {
        setError(QCoreApplication::translate("AudioTestModel", "No loudspeaker found: answer what you heard."));
        return;
    }
    const LoopbackOptions tones;
    const QString path = m_dir.filePath(side + QStringLiteral(".wav"));
    QFile f(path);
    // A 0 Hz tone is silence: one side only.
    if (!f.open(QIODevice::WriteOnly)
        || f.write(writeWav(makeStereoTone(48000, left ? tones.leftHz : 0, left ? 0 : tones.rightHz, 1500))) < 0) {
        setError(QCoreApplication::translate("AudioTestModel", "Cannot write the test tone: %1").arg(f.errorString()));
        return;
    }
    f.close();
    if (!m_player) {
        m_player = new QMediaPlayer(this);
        m_output = new QAudioOutput(this);
        m_player->setAudioOutput(m_output);
        connect(m_player, &QMediaPlayer::errorOccurred, this,
                [this](QMediaPlayer::Error, const QString &text) { setError(text); });
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
    Q_EMIT changed();
}

void AudioTestModel::answer(const QString &side, bool heard)
{
    if (side == QLatin1String("left"))
        m_left = heard ? 1 : 0;
    else if (side == QLatin1String("right"))
        m_right = heard ? 1 : 0;
    Q_EMIT changed();
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
    if (canFinish())
        Station::instance()->record({result()});
}

} // namespace Etabli::Station
