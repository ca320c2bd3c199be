// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
//
// deskui: the three answer tones of Etabli.Ui's FeedbackSound. The WAV resources are read
// and decoded (RIFF PCM) and measured: length, number of beeps, frequency by zero
// crossings, so the shipped files are what FeedbackSound::spec() promises and the three
// differ. The singleton hands each kind to the installed player (recording fake), nothing
// when sounds are off; the Qt Multimedia player is silent (no crash) without an audio device.
#include "app/ui/feedbacksound.h"
#include "tests/support/recordingtoneplayer.h"

#include <QFile>
#include <QGuiApplication>
#include <QTest>
#include <QtEndian>
#include <QtQml/qqmlextensionplugin.h>

#include <cmath>

Q_IMPORT_QML_PLUGIN(Etabli_UiPlugin)

using namespace Etabli;
using Kind = Ui::FeedbackSound::Kind;

namespace {

struct Decoded {
    QString error;
    int channels = 0, rate = 0, bits = 0;
    QList<qint16> samples;
};

/// A RIFF/WAVE file's "fmt " and "data" chunks (PCM only).
Decoded decodeWav(const QByteArray &b)
{
    Decoded d;
    if (b.size() < 12 || b.left(4) != "RIFF" || b.mid(8, 4) != "WAVE") {
        d.error = QStringLiteral("not a RIFF WAVE file");
        return d;
    }
    qsizetype at = 12;
    bool fmt = false;
    while (at + 8 <= b.size()) {
        const QByteArray id = b.mid(at, 4);
        const quint32 size = qFromLittleEndian<quint32>(b.constData() + at + 4);
        const char *body = b.constData() + at + 8;
        if (at + 8 + qsizetype(size) > b.size()) {
            d.error = QStringLiteral("chunk %1 runs past the end").arg(QString::fromLatin1(id));
            return d;
        }
        if (id == "fmt ") {
            if (qFromLittleEndian<quint16>(body) != 1) {
                d.error = QStringLiteral("not PCM");
                return d;
            }
            d.channels = qFromLittleEndian<quint16>(body + 2);
            d.rate = int(qFromLittleEndian<quint32>(body + 4));
            d.bits = qFromLittleEndian<quint16>(body + 14);
            fmt = true;
        } else if (id == "data") {
            if (!fmt || d.bits != 16) {
                d.error = QStringLiteral("data before fmt, or not 16-bit");
                return d;
            }
            for (quint32 i = 0; i + 1 < size; i += 2)
                d.samples.append(qFromLittleEndian<qint16>(body + i));
        }
        at += 8 + size + (size & 1);
    }
    if (d.samples.isEmpty() && d.error.isEmpty())
        d.error = QStringLiteral("no data chunk");
    return d;
}

/// The beeps: runs of sound separated by at least 20 ms of silence, as [first, last] sample.
QList<QPair<int, int>> beeps(const QList<qint16> &s, int rate)
{
    QList<QPair<int, int>> out;
    const int quiet = rate / 50;
    int start = -1, lastLoud = -1;
    for (int i = 0; i < s.size(); ++i) {
        if (std::abs(s.at(i)) > 300) {
            if (start < 0 || i - lastLoud > quiet) {
                if (start >= 0)
                    out.append({start, lastLoud});
                start = i;
            }
            lastLoud = i;
        }
    }
    if (start >= 0)
        out.append({start, lastLoud});
    return out;
}

/// The frequency of samples [from, to] by counting sign changes.
double frequency(const QList<qint16> &s, int from, int to, int rate)
{
    int crossings = 0;
    for (int i = from + 1; i <= to; ++i)
        if ((s.at(i - 1) < 0) != (s.at(i) < 0))
            ++crossings;
    return crossings / 2.0 / (double(to - from) / rate);
}

} // namespace

class TestFeedbackSound : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void wavFiles_data();
    void wavFiles();
    void distinct();
    void playsTheKindAskedFor();
    void silentWithoutAudio();
};

void TestFeedbackSound::wavFiles_data()
{
    QTest::addColumn<int>("kind");
    QTest::newRow("pass") << int(Ui::FeedbackSound::Pass);
    QTest::newRow("warn") << int(Ui::FeedbackSound::Warn);
    QTest::newRow("fail") << int(Ui::FeedbackSound::Fail);
}

void TestFeedbackSound::wavFiles()
{
    QFETCH(int, kind);
    const auto k = Kind(kind);
    const Ui::FeedbackSound::Spec spec = Ui::FeedbackSound::spec(k);
    const QUrl url = Ui::FeedbackSound::source(k);
    QCOMPARE(url.scheme(), QStringLiteral("qrc"));
    QFile f(QLatin1Char(':') + url.path());
    QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(f.fileName()));
    const Decoded d = decodeWav(f.readAll());
    QVERIFY2(d.error.isEmpty(), qPrintable(d.error));
    QCOMPARE(d.channels, 1);
    QCOMPARE(d.rate, 48000);
    const double ms = 1000.0 * d.samples.size() / d.rate;
    QVERIFY2(std::abs(ms - spec.totalMs()) <= 2,
             qPrintable(QStringLiteral("%1 ms, expected %2").arg(ms).arg(spec.totalMs())));
    QVERIFY2(ms <= 500, "an answer tone must stay short");
    const auto runs = beeps(d.samples, d.rate);
    QCOMPARE(runs.size(), spec.beeps);
    for (const auto &[from, to] : runs) {
        const double beepMs = 1000.0 * (to - from) / d.rate;
        QVERIFY2(std::abs(beepMs - spec.beepMs) <= 5, qPrintable(QString::number(beepMs)));
        const double hz = frequency(d.samples, from, to, d.rate);
        QVERIFY2(std::abs(hz - spec.hz) / spec.hz < 0.02,
                 qPrintable(QStringLiteral("%1 Hz measured, %2 Hz expected").arg(hz).arg(spec.hz)));
    }
    // Loud enough to hear, never clipped.
    qint16 peak = 0;
    for (qint16 v : d.samples)
        peak = qMax<qint16>(peak, qint16(std::abs(v)));
    QVERIFY(peak > 8000 && peak < 32767);
}

void TestFeedbackSound::distinct()
{
    // Told apart by ear: frequencies at least a fifth apart, or a different number of beeps.
    const QList<Kind> kinds{Ui::FeedbackSound::Pass, Ui::FeedbackSound::Warn, Ui::FeedbackSound::Fail};
    for (int i = 0; i < kinds.size(); ++i)
        for (int j = i + 1; j < kinds.size(); ++j) {
            const auto a = Ui::FeedbackSound::spec(kinds.at(i)), b = Ui::FeedbackSound::spec(kinds.at(j));
            QVERIFY(qMax(a.hz, b.hz) / qMin(a.hz, b.hz) >= 1.45 || a.beeps != b.beeps);
            QVERIFY(Ui::FeedbackSound::source(kinds.at(i)) != Ui::FeedbackSound::source(kinds.at(j)));
        }
    // Pass is the highest, Fail the lowest (a rising "yes", a low "no").
    QVERIFY(Ui::FeedbackSound::spec(Ui::FeedbackSound::Pass).hz > Ui::FeedbackSound::spec(Ui::FeedbackSound::Warn).hz);
    QVERIFY(Ui::FeedbackSound::spec(Ui::FeedbackSound::Warn).hz > Ui::FeedbackSound::spec(Ui::FeedbackSound::Fail).hz);
}

void TestFeedbackSound::playsTheKindAskedFor()
{
    Test::RecordingTonePlayer fake;
    auto *sound = Ui::FeedbackSound::instance();
    sound->setPlayer(&fake);
    sound->play(Ui::FeedbackSound::Fail);
    sound->play(Ui::FeedbackSound::Pass);
    sound->play(Ui::FeedbackSound::Warn);
    QCOMPARE(fake.played(), (QList<Kind>{Ui::FeedbackSound::Fail, Ui::FeedbackSound::Pass, Ui::FeedbackSound::Warn}));
    sound->setEnabled(false);
    sound->play(Ui::FeedbackSound::Pass);
    QCOMPARE(fake.played().size(), 3);
    sound->setEnabled(true);
}

void TestFeedbackSound::silentWithoutAudio()
{
    // The real player on this machine: plays when an output exists, else does nothing.
    Ui::SoundEffectPlayer player;
    for (Kind k : {Ui::FeedbackSound::Pass, Ui::FeedbackSound::Warn, Ui::FeedbackSound::Fail})
        player.play(k);
    QCOMPARE(player.started(), player.available() ? 3 : 0);
    // And through the singleton's default player (no fake installed): no crash.
    Ui::FeedbackSound::instance()->setPlayer(nullptr);
    Ui::FeedbackSound::instance()->play(Ui::FeedbackSound::Fail);
    QVERIFY(Ui::FeedbackSound::instance()->player() != nullptr);
}

QTEST_MAIN(TestFeedbackSound)
#include "tst_feedbacksound.moc"
