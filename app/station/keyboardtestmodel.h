// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

#include "hwtest/diag/inputtest.h"

#include <QAbstractListModel>
#include <QElapsedTimer>
#include <QPointF>
#include <QPointer>
#include <QWindow>
#include <QtQml/qqmlregistration.h>

#include <optional>

namespace Etabli::Station {

/// The keyboard and mouse screen's model: the French AZERTY 105 keys of the engine
/// (one row per key: label, place in key units, pressed, chatter) fed from the key and
/// mouse events reaching `window`. Key events carry the evdev code as the native scan
/// code minus 8 (xcb, offscreen); events without one count as unknown keys. Mouse
/// buttons, wheel and moves feed HwTest::MouseCoverage. While the test runs every key
/// event is swallowed (no key may trigger anything); after finish() `done` is true,
/// `verdict` / `detail` describe what was recorded and keys reach the result page
/// again (Enter closes it). UI thread only.
class KeyboardTestModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QWindow *window READ window WRITE setWindow NOTIFY windowChanged)
    Q_PROPERTY(int pressedCount READ pressedCount NOTIFY coverageChanged)
    Q_PROPERTY(int keyCount READ keyCount CONSTANT)
    Q_PROPERTY(int chatterCount READ chatterCount NOTIFY coverageChanged)
    Q_PROPERTY(QStringList mouseMissing READ mouseMissing NOTIFY coverageChanged)
    Q_PROPERTY(QString errorString READ errorString CONSTANT)
    Q_PROPERTY(bool done READ done NOTIFY doneChanged)
    Q_PROPERTY(QString verdict READ verdict NOTIFY doneChanged)
    Q_PROPERTY(QString detail READ detail NOTIFY doneChanged)
public:
    enum Role { CodeRole = Qt::UserRole + 1, LabelRole, XRole, YRole, WidthRole, HeightRole, PressedRole, ChatterRole };

    explicit KeyboardTestModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    QWindow *window() const { return m_window; }
    void setWindow(QWindow *window);
    int pressedCount() const { return m_keys.pressedCount(); }
    int keyCount() const { return int(m_keys.layout().size()); }
    int chatterCount() const { return int(m_keys.chattering().size()); }
    QStringList mouseMissing() const { return m_mouse.missing(); }
    QString errorString() const { return m_errorString; }
    bool done() const { return m_done; }
    QString verdict() const { return m_verdict; } ///< the worse of the keyboard's and the mouse's
    QString detail() const { return m_detail; }

    bool isPressed(int evdevCode) const { return m_keys.pressed(evdevCode); }
    bool isChattering(int evdevCode) const { return m_keys.chattering().contains(evdevCode); }
    HwTest::TestResult keyboardResult() const;
    HwTest::TestResult mouseResult() const;

    /// The worker is done: both verdicts go to the Station (and the inventory).
    Q_INVOKABLE void finish();

Q_SIGNALS:
    void windowChanged();
    void coverageChanged();
    void doneChanged();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void feedKey(int code, bool press);
    void feedMouse(quint16 type, quint16 code, qint32 value);
    qint64 nowUs() const { return m_clock.nsecsElapsed() / 1000; }

    HwTest::KeyboardCoverage m_keys;
    HwTest::MouseCoverage m_mouse;
    QHash<int, int> m_rowOfCode;
    QPointer<QWindow> m_window;
    QElapsedTimer m_clock;
    std::optional<QPointF> m_lastPos;
    QDateTime m_started;
    QString m_errorString;
    bool m_done = false;
    QString m_verdict;
    QString m_detail;
};

} // namespace Etabli::Station
