// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "app/ui/accessiblebutton.h"

#include <QAccessible>
#include <QAccessibleObject>
#include <QPointer>
#include <QQuickItem>
#include <QQuickWindow>

namespace Etabli::Ui {

namespace {

class AccessibleButton
    : public QAccessibleObject
    , public QAccessibleActionInterface
{
public:
    explicit AccessibleButton(QQuickItem *item)
        : QAccessibleObject(item)
    {}

    QQuickItem *item() const { return static_cast<QQuickItem *>(object()); }

    QAccessibleInterface *parent() const override
    {
        // The nearest ancestor Qt Quick exposes, else the window.
        for (QQuickItem *p = item()->parentItem(); p; p = p->parentItem()) {
            if (QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(p))
                return iface;
        }
        return item()->window() ? QAccessible::queryAccessibleInterface(item()->window()) : nullptr;
    }
    QWindow *window() const override { return item()->window(); }
    QAccessibleInterface *child(int) const override { return nullptr; }
    int childCount() const override { return 0; }
    int indexOfChild(const QAccessibleInterface *) const override { return -1; }
    QAccessibleInterface *focusChild() const override { return nullptr; }
    QAccessibleInterface *childAt(int, int) const override { return nullptr; }

    QRect rect() const override
    {
        if (!item()->window())
            return {};
        const QRectF scene = item()->mapRectToScene(QRectF(0, 0, item()->width(), item()->height()));
        return QRect(item()->window()->mapToGlobal(scene.topLeft().toPoint()), scene.size().toSize());
    }

    QString text(QAccessible::Text t) const override
    {
        switch (t) {
        case QAccessible::Name: {
            const QString name = item()->property("accessibleName").toString();
            return name.isEmpty() ? item()->property("text").toString() : name;
        }
        case QAccessible::Description:
            return item()->property("accessibleDescription").toString();
        default:
            return {};
        }
    }
    QAccessible::Role role() const override { return QAccessible::Button; }

    QAccessible::State state() const override
    {
        QAccessible::State s;
        QQuickItem *i = item();
        s.disabled = !i->isEnabled();
        s.invisible = !i->isVisible() || qFuzzyIsNull(i->opacity()) || !i->window() || !i->window()->isVisible();
        s.focusable = i->activeFocusOnTab() || (i->flags() & QQuickItem::ItemIsFocusScope);
        s.focused = i->hasActiveFocus();
        s.pressed = i->property("down").toBool();
        s.checkable = i->property("checkable").toBool();
        s.checked = i->property("checked").toBool();
        return s;
    }

    void *interface_cast(QAccessible::InterfaceType t) override
    {
        return t == QAccessible::ActionInterface ? static_cast<QAccessibleActionInterface *>(this) : nullptr;
    }

    QStringList actionNames() const override
    {
        return item()->isEnabled() ? QStringList{pressAction()} : QStringList{};
    }
    void doAction(const QString &name) override
    {
        // A press action is a click; a HoldButton ignores clicks and still needs holding.
        if (name == pressAction() && item()->isEnabled() && item()->isVisible())
            QMetaObject::invokeMethod(item(), "clicked");
    }
    QStringList keyBindingsForAction(const QString &) const override { return {}; }
};

QAccessibleInterface *buttonFactory(const QString &, QObject *object)
{
    if (object && object->inherits("QQuickAbstractButton"))
        return new AccessibleButton(static_cast<QQuickItem *>(object));
    return nullptr;
}

} // namespace

void installAccessibleButtons()
{
    // Factories are asked newest first: move ours behind Qt Quick's, which is installed
    // when the first window or QML module comes up.
    QAccessible::removeFactory(buttonFactory);
    QAccessible::installFactory(buttonFactory);
}

} // namespace Etabli::Ui
