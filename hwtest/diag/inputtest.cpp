// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "hwtest/diag/inputtest.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>

#include <QDeadlineTimer>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <limits>
#include <poll.h>
#include <unistd.h>

namespace Etabli::HwTest {

namespace {

constexpr int EvSyn = 0, EvKey = 1, EvRel = 2;
constexpr int RelX = 0, RelY = 1, RelWheel = 8;
constexpr int BtnLeft = 0x110, BtnRight = 0x111, BtnMiddle = 0x112;

// 64-bit struct input_event: struct timeval (2 × 8 bytes), u16 type, u16 code, s32 value.
constexpr int EventSize = 24;

// The 105 keys, row by row: evdev code, xkb name, fallback label, x, width (y = row).
struct KeyDef {
    int code;
    const char *xkb;
    const char *label;
    double x;
    double w;
    double h;
};
struct RowDef {
    double y;
    QList<KeyDef> keys;
};

const QList<RowDef> &geometry()
{
    static const QList<RowDef> rows{
        {0,
         {{1, "ESC", "Échap", 0, 1, 1},
          {59, "FK01", "F1", 2, 1, 1},
          {60, "FK02", "F2", 3, 1, 1},
          {61, "FK03", "F3", 4, 1, 1},
          {62, "FK04", "F4", 5, 1, 1},
          {63, "FK05", "F5", 6.5, 1, 1},
          {64, "FK06", "F6", 7.5, 1, 1},
          {65, "FK07", "F7", 8.5, 1, 1},
          {66, "FK08", "F8", 9.5, 1, 1},
          {67, "FK09", "F9", 11, 1, 1},
          {68, "FK10", "F10", 12, 1, 1},
          {87, "FK11", "F11", 13, 1, 1},
          {88, "FK12", "F12", 14, 1, 1},
          {99, "PRSC", "Impr", 15.25, 1, 1},
          {70, "SCLK", "Arrêt défil", 16.25, 1, 1},
          {119, "PAUS", "Pause", 17.25, 1, 1}}},
        {1.5,
         {{41, "TLDE", "²", 0, 1, 1},          {2, "AE01", "1", 1, 1, 1},         {3, "AE02", "2", 2, 1, 1},
          {4, "AE03", "3", 3, 1, 1},           {5, "AE04", "4", 4, 1, 1},         {6, "AE05", "5", 5, 1, 1},
          {7, "AE06", "6", 6, 1, 1},           {8, "AE07", "7", 7, 1, 1},         {9, "AE08", "8", 8, 1, 1},
          {10, "AE09", "9", 9, 1, 1},          {11, "AE10", "0", 10, 1, 1},       {12, "AE11", "°", 11, 1, 1},
          {13, "AE12", "+", 12, 1, 1},         {14, "BKSP", "⌫", 13, 2, 1},       {110, "INS", "Inser", 15.25, 1, 1},
          {102, "HOME", "Début", 16.25, 1, 1}, {104, "PGUP", "Pg↑", 17.25, 1, 1}, {69, "NMLK", "Verr num", 18.5, 1, 1},
          {98, "KPDV", "/", 19.5, 1, 1},       {55, "KPMU", "*", 20.5, 1, 1},     {74, "KPSU", "-", 21.5, 1, 1}}},
        {2.5, {{15, "TAB", "⇥", 0, 1.5, 1},      {16, "AD01", "A", 1.5, 1, 1},      {17, "AD02", "Z", 2.5, 1, 1},
               {18, "AD03", "E", 3.5, 1, 1},     {19, "AD04", "R", 4.5, 1, 1},      {20, "AD05", "T", 5.5, 1, 1},
               {21, "AD06", "Y", 6.5, 1, 1},     {22, "AD07", "U", 7.5, 1, 1},      {23, "AD08", "I", 8.5, 1, 1},
               {24, "AD09", "O", 9.5, 1, 1},     {25, "AD10", "P", 10.5, 1, 1},     {26, "AD11", "^", 11.5, 1, 1},
               {27, "AD12", "$", 12.5, 1, 1},    {28, "RTRN", "↵", 13.75, 1.25, 2}, {111, "DELE", "Suppr", 15.25, 1, 1},
               {107, "END", "Fin", 16.25, 1, 1}, {109, "PGDN", "Pg↓", 17.25, 1, 1}, {71, "KP7", "7", 18.5, 1, 1},
               {72, "KP8", "8", 19.5, 1, 1},     {73, "KP9", "9", 20.5, 1, 1},      {78, "KPAD", "+", 21.5, 1, 2}}},
        {3.5,
         {{58, "CAPS", "Verr maj", 0, 1.75, 1},
          {30, "AC01", "Q", 1.75, 1, 1},
          {31, "AC02", "S", 2.75, 1, 1},
          {32, "AC03", "D", 3.75, 1, 1},
          {33, "AC04", "F", 4.75, 1, 1},
          {34, "AC05", "G", 5.75, 1, 1},
          {35, "AC06", "H", 6.75, 1, 1},
          {36, "AC07", "J", 7.75, 1, 1},
          {37, "AC08", "K", 8.75, 1, 1},
          {38, "AC09", "L", 9.75, 1, 1},
          {39, "AC10", "M", 10.75, 1, 1},
          {40, "AC11", "ù", 11.75, 1, 1},
          {43, "BKSL", "*", 12.75, 1, 1},
          {75, "KP4", "4", 18.5, 1, 1},
          {76, "KP5", "5", 19.5, 1, 1},
          {77, "KP6", "6", 20.5, 1, 1}}},
        {4.5,
         {{42, "LFSH", "⇧", 0, 1.25, 1},
          {86, "LSGT", "<", 1.25, 1, 1},
          {44, "AB01", "W", 2.25, 1, 1},
          {45, "AB02", "X", 3.25, 1, 1},
          {46, "AB03", "C", 4.25, 1, 1},
          {47, "AB04", "V", 5.25, 1, 1},
          {48, "AB05", "B", 6.25, 1, 1},
          {49, "AB06", "N", 7.25, 1, 1},
          {50, "AB07", ",", 8.25, 1, 1},
          {51, "AB08", ";", 9.25, 1, 1},
          {52, "AB09", ":", 10.25, 1, 1},
          {53, "AB10", "!", 11.25, 1, 1},
          {54, "RTSH", "⇧", 12.25, 2.75, 1},
          {103, "UP", "↑", 16.25, 1, 1},
          {79, "KP1", "1", 18.5, 1, 1},
          {80, "KP2", "2", 19.5, 1, 1},
          {81, "KP3", "3", 20.5, 1, 1},
          {96, "KPEN", "Entrée", 21.5, 1, 2}}},
        {5.5,
         {{29, "LCTL", "Ctrl", 0, 1.25, 1},
          {125, "LWIN", "⊞", 1.25, 1.25, 1},
          {56, "LALT", "Alt", 2.5, 1.25, 1},
          {57, "SPCE", "␣", 3.75, 6.25, 1},
          {100, "RALT", "Alt Gr", 10, 1.25, 1},
          {126, "RWIN", "⊞", 11.25, 1.25, 1},
          {127, "MENU", "☰", 12.5, 1.25, 1},
          {97, "RCTL", "Ctrl", 13.75, 1.25, 1},
          {105, "LEFT", "←", 15.25, 1, 1},
          {108, "DOWN", "↓", 16.25, 1, 1},
          {106, "RGHT", "→", 17.25, 1, 1},
          {82, "KP0", "0", 18.5, 2, 1},
          {83, "KPDL", ",", 20.5, 1, 1}}},
    };
    return rows;
}

QString keysymText(const QString &sym)
{
    static const QHash<QString, QString> names{
        {QStringLiteral("ampersand"), QStringLiteral("&")},
        {QStringLiteral("eacute"), QStringLiteral("é")},
        {QStringLiteral("quotedbl"), QStringLiteral("\"")},
        {QStringLiteral("apostrophe"), QStringLiteral("'")},
        {QStringLiteral("parenleft"), QStringLiteral("(")},
        {QStringLiteral("parenright"), QStringLiteral(")")},
        {QStringLiteral("minus"), QStringLiteral("-")},
        {QStringLiteral("egrave"), QStringLiteral("è")},
        {QStringLiteral("underscore"), QStringLiteral("_")},
        {QStringLiteral("ccedilla"), QStringLiteral("ç")},
        {QStringLiteral("agrave"), QStringLiteral("à")},
        {QStringLiteral("equal"), QStringLiteral("=")},
        {QStringLiteral("plus"), QStringLiteral("+")},
        {QStringLiteral("degree"), QStringLiteral("°")},
        {QStringLiteral("dollar"), QStringLiteral("$")},
        {QStringLiteral("sterling"), QStringLiteral("£")},
        {QStringLiteral("ugrave"), QStringLiteral("ù")},
        {QStringLiteral("percent"), QStringLiteral("%")},
        {QStringLiteral("asterisk"), QStringLiteral("*")},
        {QStringLiteral("mu"), QStringLiteral("µ")},
        {QStringLiteral("comma"), QStringLiteral(",")},
        {QStringLiteral("question"), QStringLiteral("?")},
        {QStringLiteral("semicolon"), QStringLiteral(";")},
        {QStringLiteral("period"), QStringLiteral(".")},
        {QStringLiteral("colon"), QStringLiteral(":")},
        {QStringLiteral("slash"), QStringLiteral("/")},
        {QStringLiteral("exclam"), QStringLiteral("!")},
        {QStringLiteral("section"), QStringLiteral("§")},
        {QStringLiteral("less"), QStringLiteral("<")},
        {QStringLiteral("greater"), QStringLiteral(">")},
        {QStringLiteral("twosuperior"), QStringLiteral("²")},
        {QStringLiteral("asciitilde"), QStringLiteral("~")},
        {QStringLiteral("dead_circumflex"), QStringLiteral("^")},
        {QStringLiteral("dead_diaeresis"), QStringLiteral("¨")},
        {QStringLiteral("grave"), QStringLiteral("`")},
        {QStringLiteral("backslash"), QStringLiteral("\\")},
        {QStringLiteral("bar"), QStringLiteral("|")},
        {QStringLiteral("numbersign"), QStringLiteral("#")},
        {QStringLiteral("at"), QStringLiteral("@")},
        {QStringLiteral("asciicircum"), QStringLiteral("^")},
        {QStringLiteral("braceleft"), QStringLiteral("{")},
        {QStringLiteral("braceright"), QStringLiteral("}")},
        {QStringLiteral("bracketleft"), QStringLiteral("[")},
        {QStringLiteral("bracketright"), QStringLiteral("]")},
        {QStringLiteral("dead_tilde"), QStringLiteral("~")},
    };
    if (sym.size() == 1)
        return sym;
    return names.value(sym, sym);
}

// Level 1 and 2 keysyms of every key of the first `xkb_symbols "basic"` block.
QHash<QString, QStringList> readBasicSymbols(const QString &path)
{
    QHash<QString, QStringList> keys;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return keys;
    const QString text = QString::fromUtf8(f.readAll());
    const qsizetype start = text.indexOf(QLatin1String("xkb_symbols \"basic\""));
    if (start < 0)
        return keys;
    const qsizetype end = text.indexOf(QLatin1String("\n};"), start);
    static const QRegularExpression re(
        QStringLiteral("key\\s*<(\\w+)>\\s*\\{\\s*\\[\\s*([^,\\]\\s]+)\\s*,\\s*([^,\\]\\s]+)"));
    auto it = re.globalMatch(text.mid(start, end - start));
    while (it.hasNext()) {
        const auto m = it.next();
        keys.insert(m.captured(1), {m.captured(2), m.captured(3)});
    }
    return keys;
}

} // namespace

Result<QList<InputEvent>> parseEvdevStream(const QByteArray &raw)
{
    if (raw.size() % EventSize != 0)
        return makeError(
            ErrorCode::Corrupt,
            QCoreApplication::translate("InputTest", "%1 bytes is not a whole number of input events").arg(raw.size()));
    QList<InputEvent> events;
    events.reserve(raw.size() / EventSize);
    for (qsizetype i = 0; i < raw.size(); i += EventSize) {
        qint64 sec = 0, usec = 0;
        quint16 type = 0, code = 0;
        qint32 value = 0;
        std::memcpy(&sec, raw.constData() + i, 8);
        std::memcpy(&usec, raw.constData() + i + 8, 8);
        std::memcpy(&type, raw.constData() + i + 16, 2);
        std::memcpy(&code, raw.constData() + i + 18, 2);
        std::memcpy(&value, raw.constData() + i + 20, 4);
        // A kernel timestamp has 0 <= usec < 10^6 and a seconds count far below the
        // ~2.9e11 years where sec * 10^6 stops fitting in 64 bits: anything else is a
        // damaged or forged stream, not a time to overflow on.
        constexpr qint64 MaxSec = std::numeric_limits<qint64>::max() / 1000000 - 1;
        if (usec < 0 || usec >= 1000000 || sec < -MaxSec || sec > MaxSec)
            return makeError(ErrorCode::Corrupt,
                             QCoreApplication::translate("InputTest", "Input event %1 has an impossible time stamp")
                                 .arg(i / EventSize + 1));
        events.append({sec * 1000000 + usec, type, code, value});
    }
    return events;
}

Result<QByteArray> decodeUmockdevScript(const QByteArray &script)
{
    QByteArray out;
    int lineNo = 0;
    for (const QByteArray &line : script.split('\n')) {
        ++lineNo;
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        if (line.startsWith("Q "))
            break;
        const qsizetype a = line.indexOf(' '), b = line.indexOf(' ', a + 1);
        if (a != 1 || b < 0)
            return makeError(
                ErrorCode::Corrupt,
                QCoreApplication::translate("InputTest", "line %1 is not an umockdev script line").arg(lineNo));
        if (line.at(0) != 'r')
            continue;
        // Bytes <= 32 are written as '^' + (byte + 64), and '^' itself as "^`".
        for (qsizetype i = b + 1; i < line.size(); ++i) {
            const char c = line.at(i);
            if (c != '^') {
                out.append(c);
                continue;
            }
            if (++i >= line.size())
                return makeError(ErrorCode::Corrupt,
                                 QCoreApplication::translate("InputTest", "line %1 ends inside an escape").arg(lineNo));
            const char e = line.at(i);
            out.append(e == '`' ? '^' : char(e - 64));
        }
    }
    return out;
}

Result<int> readEvdevDevice(const QString &device, int timeoutMs, const std::function<bool(const InputEvent &)> &sink)
{
    const int fd = ::open(QFile::encodeName(device).constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        const int e = errno;
        return makeError(e == ENOENT ? ErrorCode::NotFound : ErrorCode::Io,
                         QCoreApplication::translate("InputTest", "cannot open %1: %2")
                             .arg(device, QString::fromLocal8Bit(std::strerror(e))));
    }
    QDeadlineTimer deadline(timeoutMs);
    QByteArray pending;
    char buffer[EventSize * 64];
    int count = 0;
    bool more = true;
    while (more && !deadline.hasExpired()) {
        pollfd p{fd, POLLIN, 0};
        const int ready = ::poll(&p, 1, int(std::min<qint64>(deadline.remainingTime(), 200)));
        if (ready < 0 && errno != EINTR)
            break;
        if (ready <= 0)
            continue;
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0 && (errno == EAGAIN || errno == EINTR))
            continue;
        if (n <= 0)
            break; // the device went away
        pending.append(buffer, n);
        const qsizetype whole = pending.size() - pending.size() % EventSize;
        auto events = parseEvdevStream(pending.left(whole));
        pending.remove(0, whole);
        for (const InputEvent &e : *events) {
            ++count;
            if (!sink(e)) {
                more = false;
                break;
            }
        }
    }
    ::close(fd);
    return count;
}

Result<QList<PhysicalKey>> frenchAzerty105(const QString &dir)
{
    const QHash<QString, QStringList> latin = readBasicSymbols(dir + QStringLiteral("/latin"));
    const QHash<QString, QStringList> fr = readBasicSymbols(dir + QStringLiteral("/fr"));
    if (fr.isEmpty())
        return makeError(
            ErrorCode::NotFound,
            QCoreApplication::translate("InputTest", "no xkb «fr» keymap in %1 (package xkb-data)").arg(dir));
    QList<PhysicalKey> keys;
    for (const RowDef &row : geometry()) {
        for (const KeyDef &k : row.keys) {
            PhysicalKey key{k.code, QString::fromLatin1(k.xkb), QString::fromUtf8(k.label), k.x, row.y, k.w, k.h};
            const QStringList syms = fr.value(key.xkbName, latin.value(key.xkbName));
            if (syms.size() == 2) {
                const QString l1 = keysymText(syms[0]), l2 = keysymText(syms[1]);
                // A letter shows its capital; other keys their shifted and plain symbols.
                key.label = l1.size() == 1 && l1.at(0).isLetter() && l2 == l1.toUpper() ? l2 : l2 + u' ' + l1;
            }
            keys.append(key);
        }
    }
    return keys;
}

KeyboardCoverage::KeyboardCoverage(QList<PhysicalKey> layout, int chatterMs)
    : m_layout(std::move(layout))
    , m_chatterUs(chatterMs * 1000)
{
    for (const PhysicalKey &k : m_layout)
        m_codes.insert(k.code);
}

void KeyboardCoverage::feed(const InputEvent &e)
{
    if (e.type != EvKey)
        return;
    if (m_first < 0)
        m_first = e.timeUs;
    m_last = e.timeUs;
    const int code = e.code;
    if (e.value == 1) { // press (2 is auto-repeat, 0 release)
        if (!m_codes.contains(code)) {
            m_unknown.insert(code);
            return;
        }
        m_pressed.insert(code);
        const auto released = m_releasedAt.constFind(code);
        if (released != m_releasedAt.cend() && e.timeUs - *released < m_chatterUs)
            ++m_bounces[code];
    } else if (e.value == 0) {
        m_releasedAt.insert(code, e.timeUs);
    }
}

void KeyboardCoverage::feed(const QList<InputEvent> &events)
{
    for (const InputEvent &e : events)
        feed(e);
}

QList<PhysicalKey> KeyboardCoverage::missing() const
{
    QList<PhysicalKey> list;
    for (const PhysicalKey &k : m_layout) {
        if (!m_pressed.contains(k.code))
            list.append(k);
    }
    return list;
}

QList<int> KeyboardCoverage::chattering() const
{
    QList<int> list = m_bounces.keys();
    std::sort(list.begin(), list.end());
    return list;
}

TestResult KeyboardCoverage::result() const
{
    VerdictBuilder v;
    v.setPassRule(QStringLiteral("keyboard.ok: every key pressed, none bounced"));
    const QList<PhysicalKey> miss = missing();
    QStringList missLabels;
    QJsonArray missCodes;
    for (const PhysicalKey &k : miss) {
        missLabels << k.label;
        missCodes.append(k.code);
    }
    const QList<int> chatter = chattering();
    QJsonArray chatterCodes;
    for (int c : chatter)
        chatterCodes.append(c);
    if (!chatter.isEmpty())
        v.fire(TestVerdict::Fail, QStringLiteral("keyboard.chatter"),
               QCoreApplication::translate("InputTest", "%n key(s) bounce", nullptr, int(chatter.size())));
    if (!miss.isEmpty())
        v.fire(TestVerdict::Fail, QStringLiteral("keyboard.keys-missing"),
               QCoreApplication::translate("InputTest", "%1 of %2 keys never pressed: %3")
                   .arg(miss.size())
                   .arg(m_layout.size())
                   .arg(missLabels.mid(0, 12).join(QStringLiteral(" "))));
    TestResult t;
    t.kind = QStringLiteral("keyboard");
    t.verdict = v.verdict();
    t.rule = v.rule();
    QJsonArray unknown;
    for (int c : m_unknown)
        unknown.append(c);
    t.measurements = QJsonObject{{QStringLiteral("layout"), QStringLiteral("fr-azerty-105")},
                                 {QStringLiteral("keys"), m_layout.size()},
                                 {QStringLiteral("pressed"), m_pressed.size()},
                                 {QStringLiteral("missing_codes"), missCodes},
                                 {QStringLiteral("chatter_codes"), chatterCodes},
                                 {QStringLiteral("unknown_codes"), unknown},
                                 {QStringLiteral("rules_fired"), v.firedRules()}};
    return t;
}

MouseCoverage::MouseCoverage(int minTravel)
    : m_minTravel(minTravel)
{}

void MouseCoverage::feed(const InputEvent &e)
{
    if (e.type == EvKey && e.value == 1) {
        if (e.code == BtnLeft)
            m_seen.insert(QStringLiteral("button-left"));
        else if (e.code == BtnRight)
            m_seen.insert(QStringLiteral("button-right"));
        else if (e.code == BtnMiddle)
            m_seen.insert(QStringLiteral("button-middle"));
    } else if (e.type == EvRel) {
        if (e.code == RelWheel && e.value != 0)
            m_seen.insert(e.value > 0 ? QStringLiteral("wheel-up") : QStringLiteral("wheel-down"));
        else if (e.code == RelX)
            m_travel[e.value < 0 ? 0 : 1] += std::abs(e.value);
        else if (e.code == RelY)
            m_travel[e.value < 0 ? 2 : 3] += std::abs(e.value);
    }
    static const char *const moves[4] = {"move-left", "move-right", "move-up", "move-down"};
    for (int i = 0; i < 4; ++i) {
        if (m_travel[i] >= m_minTravel)
            m_seen.insert(QLatin1String(moves[i]));
    }
    Q_UNUSED(EvSyn);
}

void MouseCoverage::feed(const QList<InputEvent> &events)
{
    for (const InputEvent &e : events)
        feed(e);
}

QStringList MouseCoverage::missing() const
{
    QStringList list;
    for (const char *name : {"button-left", "button-right", "button-middle", "wheel-up", "wheel-down", "move-left",
                             "move-right", "move-up", "move-down"}) {
        if (!m_seen.contains(QLatin1String(name)))
            list << QLatin1String(name);
    }
    return list;
}

TestResult MouseCoverage::result() const
{
    VerdictBuilder v;
    v.setPassRule(QStringLiteral("mouse.ok: buttons, wheel and the four directions work"));
    const QStringList miss = missing();
    if (!miss.isEmpty())
        v.fire(TestVerdict::Fail, QStringLiteral("mouse.missing"),
               QCoreApplication::translate("InputTest", "never seen: %1").arg(miss.join(QStringLiteral(", "))));
    TestResult t;
    t.kind = QStringLiteral("mouse");
    t.verdict = v.verdict();
    t.rule = v.rule();
    t.measurements = QJsonObject{{QStringLiteral("missing"), QJsonArray::fromStringList(miss)},
                                 {QStringLiteral("travel_left"), m_travel[0]},
                                 {QStringLiteral("travel_right"), m_travel[1]},
                                 {QStringLiteral("travel_up"), m_travel[2]},
                                 {QStringLiteral("travel_down"), m_travel[3]},
                                 {QStringLiteral("rules_fired"), v.firedRules()}};
    return t;
}

} // namespace Etabli::HwTest
