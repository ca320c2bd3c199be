// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

#include "hwtest/diag/audiotest.h"
#include "hwtest/diag/testresult.h"

#include <QAudioFormat>
#include <QByteArray>
#include <QObject>
#include <QTemporaryDir>
#include <QtQml/qqmlregistration.h>

class QMediaPlayer;
class QAudioOutput;
class QAudioSource;
class QIODevice;

namespace Etabli::Station {

/// The audio screen's model: plays the engine's test tone (HwTest::makeStereoTone,
/// written as WAV) on one side at a time with Qt Multimedia, and takes the worker's
/// answer for each side (HwTest::evaluateListening). When a microphone or a loopback
/// cable exists, checkLoopback() plays both tones while recording and lets
/// HwTest::evaluateLoopback decide; unless both tones came back the worker answers. When no loudspeaker can be
/// opened, playbackError says so and the answers still work: the worker then tells
/// what they heard (nothing, normally), so the verdict is FAIL, never silently PASS.
/// "Heard" counts only for a side whose tone was actually played (issue 12): after
/// "no loudspeaker" only "Nothing" can be answered. After finish() (or a loopback PASS)
/// `done` is true and `verdict` / `detail` describe what was recorded, for the result page.
/// UI thread only.
class AudioTestModel : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString playing READ playing NOTIFY changed)
    Q_PROPERTY(QString playbackError READ playbackError NOTIFY changed)
    Q_PROPERTY(int leftAnswer READ leftAnswer NOTIFY changed)
    Q_PROPERTY(int rightAnswer READ rightAnswer NOTIFY changed)
    Q_PROPERTY(bool canFinish READ canFinish NOTIFY changed)
    Q_PROPERTY(bool loopbackAvailable READ loopbackAvailable CONSTANT)
    Q_PROPERTY(bool recording READ recording NOTIFY changed)
    Q_PROPERTY(bool leftPlayed READ leftPlayed NOTIFY changed)
    Q_PROPERTY(bool rightPlayed READ rightPlayed NOTIFY changed)
    Q_PROPERTY(bool done READ done NOTIFY changed)
    Q_PROPERTY(QString verdict READ verdict NOTIFY changed)
    Q_PROPERTY(QString detail READ detail NOTIFY changed)
public:
    explicit AudioTestModel(QObject *parent = nullptr);
    ~AudioTestModel() override;

    QString playing() const { return m_playing; } ///< "left", "right" or empty
    QString playbackError() const { return m_error; }
    int leftAnswer() const { return m_left; } ///< -1 not answered, 0 not heard, 1 heard
    int rightAnswer() const { return m_right; }
    bool canFinish() const { return m_left >= 0 && m_right >= 0; }
    bool loopbackAvailable() const;
    bool recording() const { return m_source != nullptr; }
    /// The side's tone really started playing (not merely asked for).
    bool leftPlayed() const { return m_leftPlayed; }
    bool rightPlayed() const { return m_rightPlayed; }
    bool done() const { return m_done; }
    QString verdict() const { return m_verdict; } ///< "PASS", "FAIL", "WARN" once done
    QString detail() const { return m_detail; }
    /// Interleaved PCM (Int16, Int32 or Float) as the engine's clip.
    static HwTest::AudioClip clipFromPcm(const QByteArray &pcm, const QAudioFormat &format);
    HwTest::TestResult result() const;

    /// Plays the tone on "left" or "right" (1000 Hz left, 1500 Hz right).
    Q_INVOKABLE void play(const QString &side);
    /// Returns false (and changes nothing) for "heard" on a side whose tone never played.
    Q_INVOKABLE bool answer(const QString &side, bool heard);
    /// Both answers given: the verdict goes to the Station.
    Q_INVOKABLE void finish();
    /// Plays both tones and records them back; records a PASS when both came back,
    /// otherwise leaves the answer to the worker (playbackError says why).
    Q_INVOKABLE void checkLoopback();

Q_SIGNALS:
    void changed();

private:
    void setError(const QString &error);
    void stopLoopback();
    bool startTone(const QString &side, double leftHz, double rightHz);
    void conclude(const HwTest::TestResult &t);

    QTemporaryDir m_dir;
    QMediaPlayer *m_player = nullptr;
    QAudioOutput *m_output = nullptr;
    QAudioSource *m_source = nullptr;
    QIODevice *m_sourceIo = nullptr;
    QByteArray m_recorded;
    QString m_playing;
    QString m_error;
    int m_left = -1;
    int m_right = -1;
    bool m_leftPlayed = false;
    bool m_rightPlayed = false;
    bool m_done = false;
    QString m_verdict;
    QString m_detail;
    QDateTime m_started;
};

} // namespace Etabli::Station
