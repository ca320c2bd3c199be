// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

#include "hwtest/diag/testresult.h"

#include <QObject>
#include <QTemporaryDir>
#include <QtQml/qqmlregistration.h>

class QMediaPlayer;
class QAudioOutput;

namespace Etabli::Station {

/// The audio screen's model: plays the engine's test tone (HwTest::makeStereoTone,
/// written as WAV) on one side at a time with Qt Multimedia, and takes the worker's
/// answer for each side (HwTest::evaluateListening). When no loudspeaker can be
/// opened, playbackError says so and the answers still work: the worker then tells
/// what they heard (nothing, normally), so the verdict is FAIL, never silently PASS.
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
public:
    explicit AudioTestModel(QObject *parent = nullptr);
    ~AudioTestModel() override;

    QString playing() const { return m_playing; } ///< "left", "right" or empty
    QString playbackError() const { return m_error; }
    int leftAnswer() const { return m_left; } ///< -1 not answered, 0 not heard, 1 heard
    int rightAnswer() const { return m_right; }
    bool canFinish() const { return m_left >= 0 && m_right >= 0; }
    HwTest::TestResult result() const;

    /// Plays the tone on "left" or "right" (1000 Hz left, 1500 Hz right).
    Q_INVOKABLE void play(const QString &side);
    Q_INVOKABLE void answer(const QString &side, bool heard);
    /// Both answers given: the verdict goes to the Station.
    Q_INVOKABLE void finish();

Q_SIGNALS:
    void changed();

private:
    void setError(const QString &error);

    QTemporaryDir m_dir;
    QMediaPlayer *m_player = nullptr;
    QAudioOutput *m_output = nullptr;
    QString m_playing;
    QString m_error;
    int m_left = -1;
    int m_right = -1;
    QDateTime m_started;
};

} // namespace Etabli::Station
