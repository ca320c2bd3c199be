// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

#include <QDir>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>

class QQuickWindow;

namespace Etabli::Bench {

class Bench;

/// `etabli-station --demo --screenshots DIR`: walks the whole bench flow by itself on the demo
/// machine, as a worker would (badge login, the PC's label scanned, each step's main action,
/// the erase confirmed, the label printed), and saves one PNG of each screen it passes
/// (`NN-screen-step.png`). The screen, sound and input tests, which need a person, are answered
/// PASS with `demo_walk` in their measurements. Ends the application with 0 once the flow is
/// finished and every change is in the inventory, 1 when a step was refused (its screen is saved),
/// through finished().
class BenchWalk : public QObject
{
    Q_OBJECT
public:
    BenchWalk(Bench *bench, QQuickWindow *window, const QString &dir, const QString &badge, const QString &tag,
              QObject *parent = nullptr);

    int shots() const { return m_shot; }
    /// Called with each screen's name once it settled, before the walk acts on it (tests check it).
    void setInspector(std::function<void(const QString &name)> inspector) { m_inspector = std::move(inspector); }

Q_SIGNALS:
    /// The walk ended: 0 when the PC is READY, 1 when a step was refused.
    void finished(int exitCode);

private:
    void tick();
    void shoot(const QString &name);

    Bench *m_bench;
    QPointer<QQuickWindow> m_window;
    QDir m_dir;
    QString m_badge, m_tag;
    QTimer m_timer;
    QString m_lastKey;
    int m_stableTicks = 0;
    int m_shot = 0;
    bool m_workingShot = false;
    bool m_done = false;
    std::function<void(const QString &)> m_inspector;
};

} // namespace Etabli::Bench
