// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

#include "common/result.h"
#include "hwtest/diag/testresult.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

#include <functional>

namespace Etabli::HwTest {

/// One evdev event (struct input_event), time in microseconds.
struct InputEvent {
    qint64 timeUs = 0;
    quint16 type = 0; ///< EV_KEY 1, EV_REL 2, EV_MSC 4, EV_SYN 0
    quint16 code = 0;
    qint32 value = 0;
};

/// Decodes the 64-bit `struct input_event` records read from /dev/input/eventN.
Result<QList<InputEvent>> parseEvdevStream(const QByteArray &raw);
/// The bytes the device sent in an umockdev script recording ("r" lines, ^-escaped).
Result<QByteArray> decodeUmockdevScript(const QByteArray &script);
/// Reads a live evdev device (/dev/input/eventN, read-only) for up to `timeoutMs`,
/// handing each event to `sink`; stops early when `sink` returns false. Returns the
/// number of events read. Blocking: call it from a worker thread.
Result<int> readEvdevDevice(const QString &device, int timeoutMs, const std::function<bool(const InputEvent &)> &sink);

/// One physical key: its evdev code (position, not character), its label from the
/// xkb `fr` keymap ("A", "1 &"), and where to draw it in key units.
struct PhysicalKey {
    int code = 0;
    QString xkbName; ///< <AD01>…, empty for keys xkb names by function only
    QString label;
    double x = 0, y = 0, width = 1, height = 1;
};

/// The French AZERTY 105-key (ISO) keyboard: 105 keys, labels read from the xkb
/// `latin` + `fr` symbol files (the keymap the workshop's PCs use).
Result<QList<PhysicalKey>> frenchAzerty105(const QString &xkbSymbolsDir = QStringLiteral("/usr/share/X11/xkb/symbols"));

/// Tracks which physical keys were pressed and which ones bounce. Feed it events in
/// time order from one thread (the UI thread or a reader thread); cheap per event.
class KeyboardCoverage
{
public:
    explicit KeyboardCoverage(QList<PhysicalKey> layout, int chatterMs = 30);

    void feed(const InputEvent &event);
    void feed(const QList<InputEvent> &events);

    bool pressed(int code) const { return m_pressed.contains(code); }
    int pressedCount() const { return m_pressed.size(); }
    QList<PhysicalKey> missing() const;
    QList<int> chattering() const; ///< codes that bounced (press again within chatterMs of release)
    QList<int> unknownCodes() const { return m_unknown.values(); } ///< pressed but not in the layout
    const QList<PhysicalKey> &layout() const { return m_layout; }

    /// FAIL on a bouncing key or keys never pressed (the worker gave up on them).
    TestResult result() const;

private:
    QList<PhysicalKey> m_layout;
    QSet<int> m_codes;
    int m_chatterUs;
    QSet<int> m_pressed;
    QSet<int> m_unknown;
    QHash<int, qint64> m_releasedAt;
    QHash<int, int> m_bounces;
    qint64 m_first = -1, m_last = -1;
};

/// Mouse coverage: left, right and middle buttons, the wheel both ways, and movement
/// in the four directions (at least `minTravel` counts each way).
class MouseCoverage
{
public:
    explicit MouseCoverage(int minTravel = 100);
    void feed(const InputEvent &event);
    void feed(const QList<InputEvent> &events);
    QStringList missing() const; ///< "button-left", "wheel-up", "move-right"…
    TestResult result() const;

private:
    int m_minTravel;
    QSet<QString> m_seen;
    qint64 m_travel[4] = {0, 0, 0, 0}; // left, right, up, down
};

} // namespace Etabli::HwTest
