// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "hwtest/diag/audiotest.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QtEndian>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace Etabli::HwTest {

namespace {

double toDb(double power)
{
    return power > 1e-20 ? 10.0 * std::log10(power) : -200.0;
}

Error corrupt(const QString &why)
{
    return makeError(ErrorCode::Corrupt,
                     QCoreApplication::translate("AudioTest", "not a usable WAV file: %1").arg(why));
}

} // namespace

Result<AudioClip> parseWav(const QByteArray &data)
{
    const auto *p = reinterpret_cast<const uchar *>(data.constData());
    const qint64 size = data.size();
    if (size < 12 || std::memcmp(p, "RIFF", 4) != 0 || std::memcmp(p + 8, "WAVE", 4) != 0)
        return corrupt(QStringLiteral("no RIFF/WAVE header"));
    int format = 0, channels = 0, bits = 0, rate = 0;
    const uchar *samples = nullptr;
    qint64 sampleBytes = 0;
    for (qint64 pos = 12; pos + 8 <= size;) {
        const quint32 chunk = qFromLittleEndian<quint32>(p + pos + 4);
        const qint64 body = pos + 8;
        if (chunk > quint64(size - body)) {
            if (std::memcmp(p + pos, "data", 4) != 0)
                return corrupt(QStringLiteral("a chunk runs past the end"));
            sampleBytes = size - body; // streamed files leave the data size unset: take what is there
        } else if (std::memcmp(p + pos, "data", 4) == 0) {
            sampleBytes = chunk;
        }
        if (std::memcmp(p + pos, "fmt ", 4) == 0) {
            if (chunk < 16 || chunk > quint64(size - body))
                return corrupt(QStringLiteral("short fmt chunk"));
            format = qFromLittleEndian<quint16>(p + body);
            channels = qFromLittleEndian<quint16>(p + body + 2);
            rate = int(qFromLittleEndian<quint32>(p + body + 4));
            bits = qFromLittleEndian<quint16>(p + body + 14);
            if (format == 0xfffe) {
                if (chunk < 40)
                    return corrupt(QStringLiteral("short extensible fmt chunk"));
                format = qFromLittleEndian<quint16>(p + body + 24); // sub-format GUID starts with the tag
            }
        } else if (std::memcmp(p + pos, "data", 4) == 0) {
            samples = p + body;
            break;
        }
        pos = body + qint64(chunk) + (chunk & 1);
    }
    if (!samples)
        return corrupt(QStringLiteral("no data chunk"));
    if (channels < 1 || channels > 16 || rate < 1000 || rate > 768000)
        return corrupt(QStringLiteral("%1 channels at %2 Hz").arg(channels).arg(rate));
    const bool pcm = format == 1 && (bits == 8 || bits == 16 || bits == 24 || bits == 32);
    const bool flt = format == 3 && (bits == 32 || bits == 64);
    if (!pcm && !flt)
        return makeError(ErrorCode::Unsupported,
                         QCoreApplication::translate("AudioTest", "WAV format %1 with %2-bit samples is not supported")
                             .arg(format)
                             .arg(bits));
    const int bytes = bits / 8;
    const qint64 frames = sampleBytes / (qint64(bytes) * channels);
    AudioClip clip;
    clip.sampleRate = rate;
    clip.channels.assign(size_t(channels), std::vector<float>(size_t(frames)));
    for (qint64 f = 0; f < frames; ++f) {
        for (int c = 0; c < channels; ++c) {
            const uchar *s = samples + (f * channels + c) * bytes;
            double v = 0;
            if (flt)
                v = bits == 32 ? double(qFromLittleEndian<float>(s)) : qFromLittleEndian<double>(s);
            else if (bits == 8)
                v = (int(s[0]) - 128) / 128.0;
            else if (bits == 16)
                v = qFromLittleEndian<qint16>(s) / 32768.0;
            else if (bits == 24)
                v = double(qint32(quint32(s[0]) << 8 | quint32(s[1]) << 16 | quint32(s[2]) << 24) >> 8) / 8388608.0;
            else
                v = qFromLittleEndian<qint32>(s) / 2147483648.0;
            clip.channels[size_t(c)][size_t(f)] = float(std::isfinite(v) ? std::clamp(v, -1.0, 1.0) : 0.0);
        }
    }
    return clip;
}

QByteArray writeWav(const AudioClip &clip)
{
    const int channels = int(clip.channels.size());
    const qint64 frames = clip.frames();
    const quint32 dataBytes = quint32(frames * channels * 2);
    QByteArray out(44 + qsizetype(dataBytes), '\0');
    auto *p = reinterpret_cast<uchar *>(out.data());
    std::memcpy(p, "RIFF", 4);
    qToLittleEndian<quint32>(36 + dataBytes, p + 4);
    std::memcpy(p + 8, "WAVEfmt ", 8);
    qToLittleEndian<quint32>(16, p + 16);
    qToLittleEndian<quint16>(1, p + 20);
    qToLittleEndian<quint16>(quint16(channels), p + 22);
    qToLittleEndian<quint32>(quint32(clip.sampleRate), p + 24);
    qToLittleEndian<quint32>(quint32(clip.sampleRate * channels * 2), p + 28);
    qToLittleEndian<quint16>(quint16(channels * 2), p + 32);
    qToLittleEndian<quint16>(16, p + 34);
    std::memcpy(p + 36, "data", 4);
    qToLittleEndian<quint32>(dataBytes, p + 40);
    uchar *s = p + 44;
    for (qint64 f = 0; f < frames; ++f) {
        for (int c = 0; c < channels; ++c, s += 2) {
            const double v = std::clamp(double(clip.channels[size_t(c)][size_t(f)]), -1.0, 1.0);
            qToLittleEndian<qint16>(qint16(std::lround(v * 32767.0)), s);
        }
    }
    return out;
}

AudioClip makeStereoTone(int sampleRate, double leftHz, double rightHz, int toneMs, int leadInMs, double amplitude)
{
    AudioClip clip;
    clip.sampleRate = sampleRate;
    const qint64 lead = qint64(sampleRate) * leadInMs / 1000;
    const qint64 tone = qint64(sampleRate) * toneMs / 1000;
    clip.channels.assign(2, std::vector<float>(size_t(lead + tone), 0.0f));
    const qint64 ramp = sampleRate / 100; // 10 ms fade in/out: no click
    for (qint64 i = 0; i < tone; ++i) {
        const double gain = amplitude * std::min({1.0, double(i) / ramp, double(tone - 1 - i) / ramp});
        const double t = double(i) / sampleRate;
        clip.channels[0][size_t(lead + i)] = float(gain * std::sin(2 * M_PI * leftHz * t));
        clip.channels[1][size_t(lead + i)] = float(gain * std::sin(2 * M_PI * rightHz * t));
    }
    return clip;
}

double goertzelPower(const float *x, qint64 n, double freq, int sampleRate)
{
    if (n <= 0)
        return 0;
    const double w = 2.0 * M_PI * freq / sampleRate;
    const double coeff = 2.0 * std::cos(w);
    double s1 = 0, s2 = 0;
    for (qint64 i = 0; i < n; ++i) {
        const double s0 = x[i] + coeff * s1 - s2;
        s2 = s1;
        s1 = s0;
    }
    const double power = s1 * s1 + s2 * s2 - coeff * s1 * s2;
    return power / (double(n) * double(n)); // a sine of amplitude A gives A²/4
}

namespace {

// Goertzel power of a Hann-windowed block (the window keeps the other test tone and
// broadband noise from leaking into the bin), rescaled to the plain sine level.
double windowedPower(const float *x, qint64 n, double freq, int rate, std::vector<float> &scratch)
{
    scratch.resize(size_t(n));
    for (qint64 i = 0; i < n; ++i)
        scratch[size_t(i)] = float(x[i] * (0.5 - 0.5 * std::cos(2 * M_PI * double(i) / double(n - 1))));
    return goertzelPower(scratch.data(), n, freq, rate) / 0.25; // Hann coherent gain 0.5, squared
}

// Bins beside a tone, away from both test tones: a tone must stand out of them.
double neighbourhood(const float *x, qint64 n, double freq, int rate, std::vector<float> &scratch)
{
    double sum = 0;
    for (double k : {0.6, 0.8, 1.25, 1.6})
        sum += windowedPower(x, n, freq * k, rate, scratch);
    return sum / 4;
}

double median(std::vector<double> v)
{
    if (v.empty())
        return -200.0;
    std::nth_element(v.begin(), v.begin() + qsizetype(v.size() / 2), v.end());
    return v[v.size() / 2];
}

} // namespace

ChannelAnalysis analyseChannel(const std::vector<float> &ch, int rate, const LoopbackOptions &o)
{
    ChannelAnalysis a;
    const qint64 n = qint64(ch.size());
    const qint64 lead = std::min<qint64>(n, qint64(rate) * o.leadInMs / 1000);
    const qint64 block = std::max<qint64>(16, qint64(rate) * o.blockMs / 1000);
    std::vector<float> scratch;
    double sumSq = 0;
    for (float v : ch)
        sumSq += double(v) * v;
    a.rms = n ? std::sqrt(sumSq / n) : 0;

    // Noise floor first: the loudest of the two tone bins over the lead-in blocks.
    double noise = 0;
    for (qint64 b = 0; b + block <= lead; b += block / 2)
        noise = std::max({noise, windowedPower(ch.data() + b, block, o.leftHz, rate, scratch),
                          windowedPower(ch.data() + b, block, o.rightHz, rate, scratch)});
    a.noiseFloorDb = toDb(noise);

    std::vector<double> left, right, leftAround, rightAround;
    for (qint64 b = lead; b + block <= n; b += block / 2) {
        left.push_back(toDb(windowedPower(ch.data() + b, block, o.leftHz, rate, scratch)));
        right.push_back(toDb(windowedPower(ch.data() + b, block, o.rightHz, rate, scratch)));
        leftAround.push_back(toDb(neighbourhood(ch.data() + b, block, o.leftHz, rate, scratch)));
        rightAround.push_back(toDb(neighbourhood(ch.data() + b, block, o.rightHz, rate, scratch)));
    }
    a.leftToneDb = median(left);
    a.rightToneDb = median(right);
    // Without a lead-in we cannot measure the floor: only the other checks count.
    const double floor = lead >= block ? a.noiseFloorDb : -200.0;
    auto heard = [&](double level, double around) {
        return level >= o.minLevelDb && level - floor >= o.minSnrDb && level - around >= o.minSnrDb;
    };
    a.hearsLeft = heard(a.leftToneDb, median(leftAround));
    a.hearsRight = heard(a.rightToneDb, median(rightAround));
    // A tone far below the other one on the same channel is crosstalk, not a signal.
    if (a.hearsLeft && a.hearsRight) {
        if (a.leftToneDb - a.rightToneDb > 30)
            a.hearsRight = false;
        else if (a.rightToneDb - a.leftToneDb > 30)
            a.hearsLeft = false;
    }
    return a;
}

TestResult evaluateLoopback(const AudioClip &rec, const LoopbackOptions &o)
{
    VerdictBuilder v;
    QJsonArray perChannel;
    QList<ChannelAnalysis> an;
    for (const std::vector<float> &ch : rec.channels) {
        an.append(analyseChannel(ch, rec.sampleRate, o));
        const ChannelAnalysis &a = an.last();
        perChannel.append(QJsonObject{{QStringLiteral("noise_floor_db"), qRound(a.noiseFloorDb * 10) / 10.0},
                                      {QStringLiteral("left_tone_db"), qRound(a.leftToneDb * 10) / 10.0},
                                      {QStringLiteral("right_tone_db"), qRound(a.rightToneDb * 10) / 10.0},
                                      {QStringLiteral("hears_left"), a.hearsLeft},
                                      {QStringLiteral("hears_right"), a.hearsRight},
                                      {QStringLiteral("rms"), qRound(a.rms * 1e4) / 1e4}});
    }
    if (an.isEmpty()) {
        v.fire(TestVerdict::Fail, QStringLiteral("audio.silent"),
               QCoreApplication::translate("AudioTest", "the recording holds no channel"));
    } else if (an.size() == 1) {
        v.setPassRule(QStringLiteral("audio.ok-mono: both tones came back on the microphone"));
        if (!an[0].hearsLeft && !an[0].hearsRight)
            v.fire(TestVerdict::Fail, QStringLiteral("audio.silent"),
                   QCoreApplication::translate("AudioTest", "neither tone came back"));
        else if (!an[0].hearsLeft)
            v.fire(TestVerdict::Fail, QStringLiteral("audio.left-missing"),
                   QCoreApplication::translate("AudioTest", "the left tone did not come back"));
        else if (!an[0].hearsRight)
            v.fire(TestVerdict::Fail, QStringLiteral("audio.right-missing"),
                   QCoreApplication::translate("AudioTest", "the right tone did not come back"));
    } else {
        v.setPassRule(QStringLiteral("audio.ok: each tone came back on its own channel"));
        const ChannelAnalysis &l = an[0], &r = an[1];
        if (!l.hearsLeft && !l.hearsRight && !r.hearsLeft && !r.hearsRight)
            v.fire(TestVerdict::Fail, QStringLiteral("audio.silent"),
                   QCoreApplication::translate("AudioTest", "neither tone came back"));
        else if (l.hearsRight && r.hearsLeft && !l.hearsLeft && !r.hearsRight)
            v.fire(TestVerdict::Fail, QStringLiteral("audio.swapped"),
                   QCoreApplication::translate("AudioTest", "left and right are swapped"));
        else {
            if (!l.hearsLeft)
                v.fire(TestVerdict::Fail, QStringLiteral("audio.left-missing"),
                       QCoreApplication::translate("AudioTest", "the left tone did not come back on the left"));
            if (!r.hearsRight)
                v.fire(TestVerdict::Fail, QStringLiteral("audio.right-missing"),
                       QCoreApplication::translate("AudioTest", "the right tone did not come back on the right"));
            if (l.hearsRight || r.hearsLeft)
                v.fire(TestVerdict::Warn, QStringLiteral("audio.crosstalk"),
                       QCoreApplication::translate("AudioTest", "each channel also carries the other tone"));
        }
    }
    TestResult t;
    t.kind = QStringLiteral("audio");
    t.verdict = v.verdict();
    t.rule = v.rule();
    t.measurements = QJsonObject{{QStringLiteral("method"), QStringLiteral("loopback")},
                                 {QStringLiteral("sample_rate"), rec.sampleRate},
                                 {QStringLiteral("left_hz"), o.leftHz},
                                 {QStringLiteral("right_hz"), o.rightHz},
                                 {QStringLiteral("channels"), perChannel},
                                 {QStringLiteral("rules_fired"), v.firedRules()}};
    return t;
}

TestResult evaluateListening(bool heardLeft, bool heardRight)
{
    VerdictBuilder v;
    v.setPassRule(QStringLiteral("audio.ok-heard: the worker heard both sides"));
    if (!heardLeft)
        v.fire(TestVerdict::Fail, QStringLiteral("audio.left-missing"),
               QCoreApplication::translate("AudioTest", "the worker did not hear the left side"));
    if (!heardRight)
        v.fire(TestVerdict::Fail, QStringLiteral("audio.right-missing"),
               QCoreApplication::translate("AudioTest", "the worker did not hear the right side"));
    TestResult t;
    t.kind = QStringLiteral("audio");
    t.verdict = v.verdict();
    t.rule = v.rule();
    t.measurements = QJsonObject{{QStringLiteral("method"), QStringLiteral("listening")},
                                 {QStringLiteral("heard_left"), heardLeft},
                                 {QStringLiteral("heard_right"), heardRight},
                                 {QStringLiteral("rules_fired"), v.firedRules()}};
    return t;
}

} // namespace Etabli::HwTest
