// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "app/station/keyboardtestmodel.h"

#include "app/station/station.h"

#include <QCoreApplication>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QWheelEvent>

#include <algorithm>

namespace Etabli::Station {

using namespace Etabli::HwTest;

namespace {
// linux/input-event-codes.h
constexpr quint16 EvKey = 1, EvRel = 2;
constexpr quint16 RelX = 0, RelY = 1, RelWheel = 8;
constexpr quint16 BtnLeft = 0x110, BtnRight = 0x111, BtnMiddle = 0x112;
// xkb keycodes (the native scan code on xcb and offscreen) are evdev codes plus 8.
constexpr int XkbOffset = 8;

QList<PhysicalKey> loadLayout(QString &error)
{
    auto layout = frenchAzerty105();
    if (!layout) {
        error = layout.error().message;
        return {};
    }
    return *layout;
}
} // namespace

KeyboardTestModel::KeyboardTestModel(QObject *parent)
    : QAbstractListModel(parent)
    , m_keys(loadLayout(m_errorString))
    , m_started(QDateTime::currentDateTimeUtc())
{
    m_clock.start();
    for (int i = 0; i < m_keys.layout().size(); ++i)
        m_rowOfCode.insert(m_keys.layout()[i].code, i);
}

int KeyboardTestModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_keys.layout().size());
}

QVariant KeyboardTestModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_keys.layout().size())
        return {};
    const PhysicalKey &k = m_keys.layout()[index.row()];
    switch (role) {
    case CodeRole:
        return k.code;
    case Qt::DisplayRole:
    case LabelRole:
        return k.label;
    case XRole:
        return k.x;
    case YRole:
        return k.y;
    case WidthRole:
        return k.width;
    case HeightRole:
        return k.height;
    case PressedRole:
        return m_keys.pressed(k.code);
    case ChatterRole:
        return isChattering(k.code);
    }
    return {};
}

QHash<int, QByteArray> KeyboardTestModel::roleNames() const
{
    return {{CodeRole, "code"},      {LabelRole, "label"},      {XRole, "keyX"},          {YRole, "keyY"},
            {WidthRole, "keyWidth"}, {HeightRole, "keyHeight"}, {PressedRole, "pressed"}, {ChatterRole, "chatter"}};
}

void KeyboardTestModel::setWindow(QWindow *window)
{
    if (window == m_window)
        return;
    if (m_window)
        m_window->removeEventFilter(this);
    m_window = window;
    // On the window, not the application: each event is seen once, whichever item has focus.
    if (m_window)
        m_window->installEventFilter(this);
    Q_EMIT windowChanged();
}

bool KeyboardTestModel::eventFilter(QObject *watched, QEvent *event)
{
    if (m_done) // the result page is showing: keys work normally again
        return QAbstractListModel::eventFilter(watched, event);
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::KeyRelease: {
        auto *key = static_cast<QKeyEvent *>(event);
        if (!key->isAutoRepeat())
            feedKey(int(key->nativeScanCode()) - XkbOffset, event->type() == QEvent::KeyPress);
        return true; // no key may trigger anything else on this screen
    }
    case QEvent::MouseButtonPress: {
        auto *mouse = static_cast<QMouseEvent *>(event);
        const quint16 code = mouse->button() == Qt::LeftButton ? BtnLeft
            : mouse->button() == Qt::RightButton               ? BtnRight
            : mouse->button() == Qt::MiddleButton              ? BtnMiddle
                                                               : 0;
        if (code)
            feedMouse(EvKey, code, 1);
        break;
    }
    case QEvent::MouseMove: {
        const QPointF pos = static_cast<QMouseEvent *>(event)->globalPosition();
        if (m_lastPos) {
            const QPointF d = pos - *m_lastPos;
            if (qRound(d.x()) != 0)
                feedMouse(EvRel, RelX, qRound(d.x()));
            if (qRound(d.y()) != 0)
                feedMouse(EvRel, RelY, qRound(d.y()));
        }
        m_lastPos = pos;
        break;
    }
    case QEvent::Wheel: {
        const int dy = static_cast<QWheelEvent *>(event)->angleDelta().y();
        if (dy != 0)
            feedMouse(EvRel, RelWheel, dy > 0 ? 1 : -1);
        break;
    }
    default:
        break;
    }
    return QAbstractListModel::eventFilter(watched, event);
}

void KeyboardTestModel::feedKey(int code, bool press)
{
    const QList<int> chatterBefore = m_keys.chattering();
    const bool wasPressed = m_keys.pressed(code);
    m_keys.feed(InputEvent{nowUs(), EvKey, quint16(qMax(code, 0)), press ? 1 : 0});
    const int row = m_rowOfCode.value(code, -1);
    if (row >= 0 && (wasPressed != m_keys.pressed(code) || chatterBefore != m_keys.chattering()))
        Q_EMIT dataChanged(index(row), index(row), {PressedRole, ChatterRole});
    Q_EMIT coverageChanged();
}

void KeyboardTestModel::feedMouse(quint16 type, quint16 code, qint32 value)
{
    m_mouse.feed(InputEvent{nowUs(), type, code, value});
    Q_EMIT coverageChanged();
}

TestResult KeyboardTestModel::keyboardResult() const
{
    TestResult t = m_keys.result();
    t.startedAt = m_started;
    t.endedAt = QDateTime::currentDateTimeUtc();
    return t;
}

TestResult KeyboardTestModel::mouseResult() const
{
    TestResult t = m_mouse.result();
    t.startedAt = m_started;
    t.endedAt = QDateTime::currentDateTimeUtc();
    return t;
}

void KeyboardTestModel::finish()
{
    if (m_done)
        return;
    const TestResult keys = keyboardResult();
    const TestResult mouse = mouseResult();
    m_done = true;
    const TestVerdict worst = std::max(keys.verdict, mouse.verdict, [](TestVerdict a, TestVerdict b) {
        auto rank = [](TestVerdict v) { return v == TestVerdict::Fail ? 2 : v == TestVerdict::Warn ? 1 : 0; };
        return rank(a) < rank(b);
    });
    m_verdict = toString(worst);
    QStringList parts;
    const int missing = keyCount() - pressedCount();
    if (missing > 0)
        parts << QCoreApplication::translate("KeyboardTestModel", "%n key(s) not pressed.", "", missing);
    if (chatterCount() > 0)
        parts << QCoreApplication::translate("KeyboardTestModel", "%n key(s) bounce.", "", chatterCount());
    if (!m_mouse.missing().isEmpty())
        parts << QCoreApplication::translate("KeyboardTestModel", "The mouse test is not complete.");
    if (parts.isEmpty())
        parts << QCoreApplication::translate("KeyboardTestModel", "All keys and the mouse work.");
    m_detail = parts.join(u' ');
    Q_EMIT doneChanged();
    Station::instance()->record({keys, mouse});
}

} // namespace Etabli::Station
