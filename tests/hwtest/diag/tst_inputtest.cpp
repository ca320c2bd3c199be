// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
//
// Keyboard and mouse coverage: the AZERTY layout from the system's xkb files, the
// umockdev recording of a real USB keyboard, synthetic key and mouse events.
#include "hwtest/diag/inputtest.h"

#include <QFile>
#include <QJsonArray>
#include <QTest>

#include <cstring>
#include <limits>

using namespace Etabli;
using namespace Etabli::HwTest;

namespace {

constexpr quint16 EvKey = 1, EvRel = 2;

InputEvent key(qint64 ms, int code, int value)
{
    return InputEvent{ms * 1000, EvKey, quint16(code), value};
}

InputEvent rel(qint64 ms, int code, int value)
{
    return InputEvent{ms * 1000, EvRel, quint16(code), value};
}

QList<PhysicalKey> layout()
{
    auto l = frenchAzerty105();
    return l ? *l : QList<PhysicalKey>{};
}

} // namespace

class TestInputTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void layoutIsAzerty105();
    void labels_data();
    void labels();
    void umockdevRecording();
    void badStreams();
    void timestamps_data();
    void timestamps();
    void allKeysPass();
    void chatter_data();
    void chatter();
    void mouse_data();
    void mouse();
};

void TestInputTest::layoutIsAzerty105()
{
    const QList<PhysicalKey> keys = layout();
    QCOMPARE(keys.size(), 105);
    QSet<int> codes;
    for (const PhysicalKey &k : keys) {
        QVERIFY2(!codes.contains(k.code), qPrintable(QString::number(k.code)));
        codes.insert(k.code);
        QVERIFY(!k.label.isEmpty());
        QVERIFY(k.width > 0 && k.height > 0);
    }
    QVERIFY(!frenchAzerty105(QStringLiteral("/nonexistent")).ok());
}

void TestInputTest::labels_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("label");
    // evdev codes name QWERTY positions; the fr keymap puts AZERTY characters on them.
    QTest::newRow("KEY_Q is A") << 16 << QStringLiteral("A");
    QTest::newRow("KEY_W is Z") << 17 << QStringLiteral("Z");
    QTest::newRow("KEY_A is Q") << 30 << QStringLiteral("Q");
    QTest::newRow("KEY_SEMICOLON is M") << 39 << QStringLiteral("M");
    QTest::newRow("KEY_Z is W") << 44 << QStringLiteral("W");
    QTest::newRow("KEY_1 is 1 &") << 2 << QStringLiteral("1 &");
    QTest::newRow("KEY_2 is 2 é") << 3 << QStringLiteral("2 é");
    QTest::newRow("KEY_0 is 0 à") << 11 << QStringLiteral("0 à");
    QTest::newRow("KEY_APOSTROPHE is % ù") << 40 << QStringLiteral("% ù");
    QTest::newRow("KEY_M is ? ,") << 50 << QStringLiteral("? ,");
    QTest::newRow("KEY_GRAVE is ~ ²") << 41 << QStringLiteral("~ ²");
    QTest::newRow("KEY_ENTER keeps its pictogram") << 28 << QStringLiteral("↵");
}

void TestInputTest::labels()
{
    QFETCH(int, code);
    QFETCH(QString, label);
    for (const PhysicalKey &k : layout()) {
        if (k.code == code) {
            QCOMPARE(k.label, label);
            return;
        }
    }
    QFAIL("key not in the layout");
}

void TestInputTest::umockdevRecording()
{
    QFile f(QStringLiteral(ETABLI_FIXTURES "/diag/kbd/usbkbd.evtest.script.64"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    auto raw = decodeUmockdevScript(f.readAll());
    QVERIFY(raw.ok());
    QCOMPARE(raw->size(), 5 * 3 * 24); // five reads of MSC_SCAN + KEY + SYN
    auto events = parseEvdevStream(*raw);
    QVERIFY(events.ok());
    QCOMPARE(events->size(), 15);
    // The HID scan code travels with each key event (MSC_SCAN 0x70004 is usage "a").
    QCOMPARE(events->at(3).type, quint16(4));
    QCOMPARE(events->at(3).value, 0x70004);

    KeyboardCoverage cov(layout());
    cov.feed(*events);
    QCOMPARE(cov.pressedCount(), 2); // KEY_A and KEY_LEFTSHIFT; Enter is only released
    QVERIFY(cov.pressed(30));
    QVERIFY(cov.pressed(42));
    QVERIFY(!cov.pressed(28));
    QVERIFY(cov.chattering().isEmpty());
    QCOMPARE(cov.missing().size(), 103);
    const TestResult t = cov.result();
    QCOMPARE(t.kind, QStringLiteral("keyboard"));
    QCOMPARE(toString(t.verdict), QStringLiteral("FAIL"));
    QVERIFY(t.rule.startsWith(QLatin1String("keyboard.keys-missing")));
}

void TestInputTest::badStreams()
{
    QCOMPARE(parseEvdevStream(QByteArray(25, '\0')).error().code, ErrorCode::Corrupt);
    QVERIFY(parseEvdevStream(QByteArray()).ok());
    QCOMPARE(decodeUmockdevScript("r 10 ^").error().code, ErrorCode::Corrupt);
    QCOMPARE(decodeUmockdevScript("garbage").error().code, ErrorCode::Corrupt);
    QCOMPARE(*decodeUmockdevScript("r 10 a^`b^@^J\nw 5 ignored\nr 1 c"), QByteArray("a^b\0\nc", 6));
}

// One 24-byte record with the given time stamp (fuzz_diag under UBSan found the overflow).
void TestInputTest::timestamps_data()
{
    QTest::addColumn<qint64>("sec");
    QTest::addColumn<qint64>("usec");
    QTest::addColumn<qint64>("expectedUs"); // -1: refused as corrupt
    QTest::newRow("ordinary") << qint64(1700000000) << qint64(250) << qint64(1700000000000250);
    QTest::newRow("zero") << qint64(0) << qint64(0) << qint64(0);
    QTest::newRow("largest usec") << qint64(1) << qint64(999999) << qint64(1999999);
    QTest::newRow("sec overflows") << std::numeric_limits<qint64>::max() << qint64(0) << qint64(-1);
    QTest::newRow("sec just past the limit")
        << qint64(std::numeric_limits<qint64>::max() / 1000000) << qint64(0) << qint64(-1);
    QTest::newRow("most negative sec") << std::numeric_limits<qint64>::min() << qint64(0) << qint64(-1);
    QTest::newRow("usec overflows") << qint64(0) << std::numeric_limits<qint64>::max() << qint64(-1);
    QTest::newRow("usec a whole second") << qint64(5) << qint64(1000000) << qint64(-1);
    QTest::newRow("negative usec") << qint64(5) << qint64(-1) << qint64(-1);
}

void TestInputTest::timestamps()
{
    QFETCH(qint64, sec);
    QFETCH(qint64, usec);
    QFETCH(qint64, expectedUs);
    QByteArray raw(24, '\0');
    std::memcpy(raw.data(), &sec, 8);
    std::memcpy(raw.data() + 8, &usec, 8);
    const quint16 type = 1, code = 30;
    const qint32 value = 1;
    std::memcpy(raw.data() + 16, &type, 2);
    std::memcpy(raw.data() + 18, &code, 2);
    std::memcpy(raw.data() + 20, &value, 4);
    auto events = parseEvdevStream(raw);
    if (expectedUs < 0) {
        QVERIFY(!events.ok());
        QCOMPARE(events.error().code, ErrorCode::Corrupt);
        return;
    }
    QVERIFY(events.ok());
    QCOMPARE(events->size(), 1);
    QCOMPARE(events->first().timeUs, expectedUs);
    QCOMPARE(events->first().code, quint16(30));
}

void TestInputTest::allKeysPass()
{
    KeyboardCoverage cov(layout());
    qint64 ms = 0;
    for (const PhysicalKey &k : layout()) {
        cov.feed(key(ms += 200, k.code, 1));
        cov.feed(key(ms += 20, k.code, 2)); // auto-repeat is not a press
        cov.feed(key(ms += 80, k.code, 0));
    }
    cov.feed(key(ms += 200, 240, 1)); // KEY_UNKNOWN: reported, not counted
    QCOMPARE(cov.pressedCount(), 105);
    QCOMPARE(cov.unknownCodes(), QList<int>{240});
    QCOMPARE(toString(cov.result().verdict), QStringLiteral("PASS"));
}

void TestInputTest::chatter_data()
{
    QTest::addColumn<int>("gapMs");
    QTest::addColumn<bool>("bounce");
    QTest::newRow("press 5 ms after release") << 5 << true;
    QTest::newRow("press 29 ms after release") << 29 << true;
    QTest::newRow("press 30 ms after release") << 30 << false;
    QTest::newRow("press 150 ms after release") << 150 << false;
}

void TestInputTest::chatter()
{
    QFETCH(int, gapMs);
    QFETCH(bool, bounce);
    KeyboardCoverage cov(layout());
    qint64 ms = 0;
    for (const PhysicalKey &k : layout()) {
        cov.feed(key(ms += 200, k.code, 1));
        cov.feed(key(ms += 60, k.code, 0));
    }
    cov.feed(key(ms += gapMs, layout().last().code, 1)); // the last key again
    QCOMPARE(cov.chattering(), bounce ? QList<int>{layout().last().code} : QList<int>{});
    const TestResult t = cov.result();
    QCOMPARE(toString(t.verdict), bounce ? QStringLiteral("FAIL") : QStringLiteral("PASS"));
    if (bounce)
        QVERIFY(t.rule.startsWith(QLatin1String("keyboard.chatter")));
}

void TestInputTest::mouse_data()
{
    QTest::addColumn<QList<InputEvent>>("events");
    QTest::addColumn<QStringList>("missing");
    const QList<InputEvent> all{key(0, 0x110, 1), key(1, 0x110, 0), key(2, 0x111, 1), key(3, 0x112, 1),
                                rel(4, 8, 1),     rel(5, 8, -1),    rel(6, 0, -60),   rel(7, 0, -60),
                                rel(8, 0, 150),   rel(9, 1, -120),  rel(10, 1, 5),    rel(11, 1, 100)};
    QTest::newRow("everything") << all << QStringList{};
    QList<InputEvent> noWheelDown = all;
    noWheelDown.removeAt(5);
    QTest::newRow("wheel only up") << noWheelDown << QStringList{QStringLiteral("wheel-down")};
    QList<InputEvent> shortLeft = all;
    shortLeft.removeAt(7);
    QTest::newRow("not far enough left") << shortLeft << QStringList{QStringLiteral("move-left")};
    QTest::newRow("nothing") << QList<InputEvent>{}
                             << QStringList{QStringLiteral("button-left"),   QStringLiteral("button-right"),
                                            QStringLiteral("button-middle"), QStringLiteral("wheel-up"),
                                            QStringLiteral("wheel-down"),    QStringLiteral("move-left"),
                                            QStringLiteral("move-right"),    QStringLiteral("move-up"),
                                            QStringLiteral("move-down")};
}

void TestInputTest::mouse()
{
    QFETCH(QList<InputEvent>, events);
    QFETCH(QStringList, missing);
    MouseCoverage m(100);
    m.feed(events);
    QCOMPARE(m.missing(), missing);
    const TestResult t = m.result();
    QCOMPARE(t.kind, QStringLiteral("mouse"));
    QCOMPARE(toString(t.verdict), missing.isEmpty() ? QStringLiteral("PASS") : QStringLiteral("FAIL"));
}

QTEST_GUILESS_MAIN(TestInputTest)
#include "tst_inputtest.moc"
