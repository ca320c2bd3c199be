// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

#include "common/result.h"
#include "hwtest/diag/testresult.h"

#include <QByteArray>
#include <QList>
#include <vector>

namespace Etabli::HwTest {

/// Decoded audio: one vector of samples in [-1, 1] per channel.
struct AudioClip {
    int sampleRate = 0;
    std::vector<std::vector<float>> channels;
    qint64 frames() const { return channels.empty() ? 0 : qint64(channels.front().size()); }
};

/// Reads a RIFF/WAVE file: PCM 8/16/24/32-bit, IEEE float 32/64-bit, WAVE_FORMAT_EXTENSIBLE.
/// Untrusted input: every size is checked, a bad file gives Corrupt/Unsupported.
Result<AudioClip> parseWav(const QByteArray &data);
/// 16-bit PCM WAVE of `clip`.
QByteArray writeWav(const AudioClip &clip);

/// The stereo test signal the station plays: `leadInMs` of silence (to measure the
/// noise floor on the way back), then `leftHz` on the left and `rightHz` on the right.
AudioClip makeStereoTone(int sampleRate, double leftHz, double rightHz, int toneMs, int leadInMs = 300,
                         double amplitude = 0.5);

/// Power of `freq` in `samples` (Goertzel), normalised so a full-scale sine gives 0.25.
double goertzelPower(const float *samples, qint64 count, double freq, int sampleRate);

/// What came back on one channel.
struct ChannelAnalysis {
    double noiseFloorDb = -200; ///< per-tone Goertzel level in the lead-in, dBFS
    double leftToneDb = -200; ///< median over the tone blocks
    double rightToneDb = -200;
    bool hearsLeft = false;
    bool hearsRight = false;
    double rms = 0;
};

struct LoopbackOptions {
    double leftHz = 1000;
    double rightHz = 1500;
    int leadInMs = 300;
    int blockMs = 50; ///< Goertzel window, sliding by half a window
    double minSnrDb = 20; ///< a tone is heard when this far above the noise floor…
    double minLevelDb = -50; ///< …and above this absolute level
};

/// Slides Goertzel windows over `channel` after the lead-in and decides which tones it holds.
ChannelAnalysis analyseChannel(const std::vector<float> &channel, int sampleRate, const LoopbackOptions &options);

/// The verdict of a loopback recording (stereo cable, or a mono microphone): see README.
TestResult evaluateLoopback(const AudioClip &recorded, const LoopbackOptions &options = {});
/// The verdict when the worker answered the two big buttons instead (no loopback).
TestResult evaluateListening(bool heardLeft, bool heardRight);

} // namespace Etabli::HwTest
