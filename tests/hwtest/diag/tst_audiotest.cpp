// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
//
// Audio loopback on WAV files made by sox (tones, noise, swapped channels, silence,
// other sample formats); sox's own `stat` is the reference for level and frequency.
#include "hwtest/diag/audiotest.h"

#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace Etabli;
using namespace Etabli::HwTest;

namespace {

// Runs sox with `args`, the output file in place of "OUT" (sox wants it before the
// effects) or last, and returns the output path.
QString sox(const QTemporaryDir &dir, const QString &name, QStringList args)
{
    const QString out = dir.filePath(name);
    const qsizetype at = args.indexOf(QStringLiteral("OUT"));
    if (at >= 0)
        args[at] = out;
    else
        args.append(out);
    QProcess p;
    p.start(QStringLiteral("sox"), QStringList{QStringLiteral("-R")} + args); // -R: the same noise every run
    if (!p.waitForFinished(20000) || p.exitCode() != 0)
        return {};
    return out;
}

QStringList synth(const QString &format, const QString &left, const QString &right, const QString &effects = {})
{
    // 0.3 s of silence first (the noise-floor window), then 1 s of signal.
    return QStringList{QStringLiteral("-n"), QStringLiteral("-r"), QStringLiteral("48000"), QStringLiteral("-c"),
                       QStringLiteral("2")}
    + format.split(u' ', Qt::SkipEmptyParts) + QStringList{QStringLiteral("OUT")}
    + QStringList{QStringLiteral("synth"), QStringLiteral("1")} + left.split(u' ') + right.split(u' ')
        + effects.split(u' ', Qt::SkipEmptyParts)
        + QStringList{QStringLiteral("vol"), QStringLiteral("0.5"), QStringLiteral("pad"), QStringLiteral("0.3")};
}

Result<AudioClip> load(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::NotFound, path);
    return parseWav(f.readAll());
}

double soxStat(const QString &path, const char *field)
{
    QProcess p;
    p.start(QStringLiteral("sox"), {path, QStringLiteral("-n"), QStringLiteral("stat")});
    p.waitForFinished(20000);
    const QString text = QString::fromUtf8(p.readAllStandardError());
    const auto m = QRegularExpression(QLatin1String(field) + QStringLiteral(":\\s+(-?[0-9.]+)")).match(text);
    return m.hasMatch() ? m.captured(1).toDouble() : -1;
}

} // namespace

class TestAudioTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void loopback_data();
    void loopback();
    void monoMicrophone();
    void goertzelMatchesSox_data();
    void goertzelMatchesSox();
    void generatedToneRoundTrip();
    void badWav_data();
    void badWav();
    void listening();

private:
    QTemporaryDir m_dir;
};

void TestAudioTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(!sox(m_dir, QStringLiteral("probe.wav"), synth({}, QStringLiteral("sine 440"), QStringLiteral("sine 440")))
                  .isEmpty(),
             "sox (package sox) is needed");
}

void TestAudioTest::loopback_data()
{
    QTest::addColumn<QStringList>("soxArgs");
    QTest::addColumn<QString>("verdict");
    QTest::addColumn<QString>("rule");
    const QString l = QStringLiteral("sine 1000"), r = QStringLiteral("sine 1500");
    QTest::newRow("cable, 16-bit") << synth({}, l, r) << "PASS"
                                   << "audio.ok";
    QTest::newRow("cable, 24-bit") << synth(QStringLiteral("-b 24"), l, r) << "PASS"
                                   << "audio.ok";
    QTest::newRow("cable, float") << synth(QStringLiteral("-e floating-point -b 32"), l, r) << "PASS"
                                  << "audio.ok";
    QTest::newRow("cable, 8-bit") << synth(QStringLiteral("-b 8"), l, r) << "PASS"
                                  << "audio.ok";
    QTest::newRow("swapped channels") << synth({}, r, l) << "FAIL"
                                      << "audio.swapped";
    QTest::newRow("right speaker dead") << synth({}, l, r, QStringLiteral("remix 1 0")) << "FAIL"
                                        << "audio.right-missing";
    QTest::newRow("left speaker dead") << synth({}, l, r, QStringLiteral("remix 0 2")) << "FAIL"
                                       << "audio.left-missing";
    QTest::newRow("silence") << QStringList{QStringLiteral("-n"),   QStringLiteral("-r"), QStringLiteral("48000"),
                                            QStringLiteral("-c"),   QStringLiteral("2"),  QStringLiteral("OUT"),
                                            QStringLiteral("trim"), QStringLiteral("0"),  QStringLiteral("1.3")}
                             << "FAIL"
                             << "audio.silent";
    QTest::newRow("noise only") << synth({}, QStringLiteral("whitenoise"), QStringLiteral("whitenoise")) << "FAIL"
                                << "audio.silent";
    // Narrow Goertzel bins find the tones in broadband noise as loud as they are…
    QTest::newRow("tones in loud noise") << QStringList{QStringLiteral("-m"), QStringLiteral("NOISE"),
                                                        QStringLiteral("TONES")}
                                         << "PASS"
                                         << "audio.ok";
    // …but not tones 60 dB down (a cable not plugged, the recording gain at zero).
    QTest::newRow("faint tones in noise")
        << QStringList{QStringLiteral("-m"), QStringLiteral("NOISE"), QStringLiteral("FAINT")} << "FAIL"
        << "audio.silent";
    QTest::newRow("tones with mild noise")
        << QStringList{QStringLiteral("-m"), QStringLiteral("SOFTNOISE"), QStringLiteral("TONES")} << "PASS"
        << "audio.ok";
    QTest::newRow("wrong tones") << synth({}, QStringLiteral("sine 440"), QStringLiteral("sine 2500")) << "FAIL"
                                 << "audio.silent";
    QTest::newRow("both tones on both sides (mono speakers)")
        << synth({}, l, r, QStringLiteral("remix 1,2 1,2")) << "WARN"
        << "audio.crosstalk";
    QTest::newRow("44.1 kHz") << QStringList{QStringLiteral("-n"),    QStringLiteral("-r"),   QStringLiteral("44100"),
                                             QStringLiteral("-c"),    QStringLiteral("2"),    QStringLiteral("OUT"),
                                             QStringLiteral("synth"), QStringLiteral("1"),    QStringLiteral("sine"),
                                             QStringLiteral("1000"),  QStringLiteral("sine"), QStringLiteral("1500"),
                                             QStringLiteral("vol"),   QStringLiteral("0.5"),  QStringLiteral("pad"),
                                             QStringLiteral("0.3")}
                              << "PASS"
                              << "audio.ok";
}

void TestAudioTest::loopback()
{
    QFETCH(QStringList, soxArgs);
    QFETCH(QString, verdict);
    QFETCH(QString, rule);
    // Inputs for the mixing rows: the tones, and noise at two levels over the whole clip.
    const QString tones
        = sox(m_dir, QStringLiteral("tones.wav"), synth({}, QStringLiteral("sine 1000"), QStringLiteral("sine 1500")));
    auto noise = [this](const char *name, const char *vol) {
        return sox(m_dir, QLatin1String(name),
                   {QStringLiteral("-n"), QStringLiteral("-r"), QStringLiteral("48000"), QStringLiteral("-c"),
                    QStringLiteral("2"), QStringLiteral("OUT"), QStringLiteral("synth"), QStringLiteral("1.3"),
                    QStringLiteral("whitenoise"), QStringLiteral("vol"), QLatin1String(vol)});
    };
    soxArgs.replaceInStrings(QStringLiteral("SOFTNOISE"), noise("soft.wav", "0.01"));
    soxArgs.replaceInStrings(QStringLiteral("NOISE"), noise("loud.wav", "0.5"));
    soxArgs.replaceInStrings(QStringLiteral("TONES"), tones);
    soxArgs.replaceInStrings(QStringLiteral("FAINT"),
                             sox(m_dir, QStringLiteral("faint.wav"),
                                 {tones, QStringLiteral("OUT"), QStringLiteral("vol"), QStringLiteral("0.002")}));
    const QString path = sox(m_dir, QStringLiteral("rec.wav"), soxArgs);
    QVERIFY2(!path.isEmpty(), qPrintable(soxArgs.join(u' ')));
    auto clip = load(path);
    QVERIFY2(clip.ok(), qPrintable(clip.ok() ? QString() : clip.error().message));
    QCOMPARE(clip->channels.size(), size_t(2));
    const TestResult t = evaluateLoopback(*clip);
    QCOMPARE(t.kind, QStringLiteral("audio"));
    QCOMPARE(toString(t.verdict), verdict);
    QVERIFY2(t.rule.startsWith(rule), qPrintable(t.rule));
}

void TestAudioTest::monoMicrophone()
{
    // A microphone: one channel holding both tones, and noise 26 dB below them.
    const QString both
        = sox(m_dir, QStringLiteral("mic.wav"),
              {QStringLiteral("-n"), QStringLiteral("-r"), QStringLiteral("48000"), QStringLiteral("-c"),
               QStringLiteral("1"), QStringLiteral("OUT"), QStringLiteral("synth"), QStringLiteral("1"),
               QStringLiteral("sine"), QStringLiteral("1000"), QStringLiteral("sine"), QStringLiteral("1500"),
               QStringLiteral("remix"), QStringLiteral("1,2"), QStringLiteral("vol"), QStringLiteral("0.4"),
               QStringLiteral("pad"), QStringLiteral("0.3")});
    const QString noise
        = sox(m_dir, QStringLiteral("noise.wav"),
              {QStringLiteral("-n"), QStringLiteral("-r"), QStringLiteral("48000"), QStringLiteral("-c"),
               QStringLiteral("1"), QStringLiteral("OUT"), QStringLiteral("synth"), QStringLiteral("1.3"),
               QStringLiteral("pinknoise"), QStringLiteral("vol"), QStringLiteral("0.02")});
    const QString mixed = sox(m_dir, QStringLiteral("mixed.wav"), {QStringLiteral("-m"), both, noise});
    QVERIFY(!mixed.isEmpty());
    auto clip = load(mixed);
    QVERIFY(clip.ok());
    QCOMPARE(clip->channels.size(), size_t(1));
    const TestResult t = evaluateLoopback(*clip);
    QCOMPARE(toString(t.verdict), QStringLiteral("PASS"));
    QVERIFY(t.rule.startsWith(QLatin1String("audio.ok-mono")));
    const QJsonObject ch = t.measurements[QStringLiteral("channels")].toArray().first().toObject();
    QVERIFY(ch[QStringLiteral("noise_floor_db")].toDouble() > -200); // the noise was measured
    QVERIFY(ch[QStringLiteral("left_tone_db")].toDouble() - ch[QStringLiteral("noise_floor_db")].toDouble() >= 20);
}

void TestAudioTest::goertzelMatchesSox_data()
{
    QTest::addColumn<int>("hz");
    QTest::addColumn<double>("volume");
    QTest::newRow("440 Hz, -6 dB") << 440 << 0.5;
    QTest::newRow("997 Hz, -20 dB") << 997 << 0.1;
    QTest::newRow("3000 Hz, -3 dB") << 3000 << 0.7;
}

void TestAudioTest::goertzelMatchesSox()
{
    QFETCH(int, hz);
    QFETCH(double, volume);
    const QString path = sox(m_dir, QStringLiteral("tone.wav"),
                             {QStringLiteral("-n"), QStringLiteral("-r"), QStringLiteral("48000"), QStringLiteral("-c"),
                              QStringLiteral("1"), QStringLiteral("-b"), QStringLiteral("16"), QStringLiteral("OUT"),
                              QStringLiteral("synth"), QStringLiteral("1"), QStringLiteral("sine"), QString::number(hz),
                              QStringLiteral("vol"), QString::number(volume)});
    auto clip = load(path);
    QVERIFY(clip.ok());
    const std::vector<float> &x = clip->channels[0];
    // Level: a sine's Goertzel power is A²/4, i.e. RMS²/2, and sox measures the RMS.
    const double rms = soxStat(path, "RMS\\s+amplitude");
    QVERIFY(rms > 0);
    const double power = goertzelPower(x.data(), qint64(x.size()), hz, clip->sampleRate);
    QVERIFY2(std::abs(std::sqrt(power * 2) - rms) / rms < 0.01, qPrintable(QString::number(std::sqrt(power * 2))));
    // Frequency: the strongest Goertzel bin over 50..5000 Hz against sox's estimate.
    double best = 0, bestHz = 0;
    for (double f = 50; f <= 5000; f += 5) {
        const double pw = goertzelPower(x.data(), 4800, f, clip->sampleRate);
        if (pw > best) {
            best = pw;
            bestHz = f;
        }
    }
    const double rough = soxStat(path, "Rough\\s+frequency");
    QVERIFY2(std::abs(bestHz - rough) / rough < 0.02,
             qPrintable(QStringLiteral("%1 vs sox %2").arg(bestHz).arg(rough)));
}

void TestAudioTest::generatedToneRoundTrip()
{
    const AudioClip tone = makeStereoTone(48000, 1000, 1500, 800);
    QCOMPARE(tone.frames(), qint64(48000 * 11 / 10));
    const QString path = m_dir.filePath(QStringLiteral("ours.wav"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(writeWav(tone));
    f.close();
    // sox reads our file: two channels, the length and the level we wrote.
    QCOMPARE(soxStat(path, "Length \\(seconds\\)"), 1.1);
    QVERIFY(std::abs(soxStat(path, "Maximum amplitude") - 0.5) < 0.01);
    auto back = load(path);
    QVERIFY(back.ok());
    QCOMPARE(toString(evaluateLoopback(*back).verdict), QStringLiteral("PASS"));
    // The same file with the channels swapped by sox (output before the effect).
    QProcess p;
    p.start(QStringLiteral("sox"),
            {path, m_dir.filePath(QStringLiteral("sw.wav")), QStringLiteral("remix"), QStringLiteral("2"),
             QStringLiteral("1")});
    QVERIFY(p.waitForFinished(20000) && p.exitCode() == 0);
    auto sw = load(m_dir.filePath(QStringLiteral("sw.wav")));
    QVERIFY(sw.ok());
    QVERIFY(evaluateLoopback(*sw).rule.startsWith(QLatin1String("audio.swapped")));
}

void TestAudioTest::badWav_data()
{
    QTest::addColumn<QByteArray>("data");
    QByteArray good = writeWav(makeStereoTone(8000, 1000, 1500, 100));
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("not riff") << QByteArray("hello world, not a wav file at all");
    QTest::newRow("header only") << good.left(12);
    QTest::newRow("no data chunk") << good.left(36);
    QByteArray badFmt = good;
    badFmt[20] = 2; // ADPCM
    QTest::newRow("adpcm") << badFmt;
    QByteArray zeroChannels = good;
    zeroChannels[22] = 0;
    QTest::newRow("zero channels") << zeroChannels;
    QByteArray hugeChunk = good;
    hugeChunk[16] = char(0xff);
    hugeChunk[17] = char(0xff);
    hugeChunk[18] = char(0xff);
    hugeChunk[19] = char(0x7f);
    QTest::newRow("fmt chunk past the end") << hugeChunk;
}

void TestAudioTest::badWav()
{
    QFETCH(QByteArray, data);
    auto r = parseWav(data);
    QVERIFY(!r.ok());
    QVERIFY(r.error().code == ErrorCode::Corrupt || r.error().code == ErrorCode::Unsupported);
}

void TestAudioTest::listening()
{
    QCOMPARE(toString(evaluateListening(true, true).verdict), QStringLiteral("PASS"));
    QCOMPARE(toString(evaluateListening(true, false).verdict), QStringLiteral("FAIL"));
    QVERIFY(evaluateListening(false, true).rule.startsWith(QLatin1String("audio.left-missing")));
}

QTEST_GUILESS_MAIN(TestAudioTest)
#include "tst_audiotest.moc"
