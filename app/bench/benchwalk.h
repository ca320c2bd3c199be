// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

#include "common/result.h"

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
/// (`NN-screen-step.png`). The screen, sound and input tests are done on their real screens with
/// synthesised presses: every key of the keyboard test's layout (its scan codes), the mouse's
/// buttons, wheel and moves, each page of the screen test, each side of the sound test after its
/// tone was asked for (« heard » only when it played, else « nothing »), then the result page
/// closed; what they record is what those screens measured. Ends the application with 0 once the flow is
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
    /// One move of the Station test screen shown (keyboard, screen, audio); false when it
    /// waits (a tone playing, the screen not loaded yet).
    bool driveTest(const QString &step);
    bool press(const QString &objectName);

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
    int m_testMoves = 0; ///< moves made on the current test screen
    std::function<void(const QString &)> m_inspector;
};

/// `etabli-station --demo --start-at SCREEN`: opens the bench on one screen of the demo, for
/// the accessibility walk (tests/app/atspi) and the benchmark (tests/bench/station): login,
/// asset, a step's name (identify … done), erase-confirm (the erase step's hold-to-confirm),
/// work (the memory test running: the work-progress screen), meanwhile (that test running
/// and the asset screen opened for another PC) or finished. The steps before it
/// were marked skipped in the demo store by prepareStartAt(); this logs in, opens the PC and
/// presses what the screen needs, then does nothing more.
class BenchStartAt : public QObject
{
    Q_OBJECT
public:
    BenchStartAt(Bench *bench, const QString &screen, const QString &badge, const QString &tag,
                 QObject *parent = nullptr);
    /// The names --start-at takes.
    static QStringList screens();
    /// bench: the second PC of `two-pcs` (prepareStartAt's otherTag).
    void setOtherTag(const QString &tag) { m_otherTag = tag; }

Q_SIGNALS:
    /// bench: the screen asked for is reached (for `work`: the memory test started); the
    /// benchmark (--measure-frames) measures from here, not the screens on the way.
    void arrived();

private:
    void tick();
    void tickTwoPcs();
    void tickResume();
    Bench *m_bench;
    QString m_screen, m_badge, m_tag, m_otherTag;
    QTimer m_timer;
    bool m_pressed = false;
    int m_stage = 0; // bench: two-pcs and resume go through stages
};

/// Marks the demo PC's steps before `screen` skipped (data `start_at`) in the store at
/// `dbPath`, so the bench opens there. Unknown names: InvalidArgument.
/// bench: `two-pcs` (the kill test, tst_benchflow_walk) also makes a second PC (setting
/// demo.pc_b, its steps before `hs` skipped) and gives its tag in `otherTag`: the station
/// starts the demo PC's memory test, leaves it for the second PC meanwhile, does its HS step
/// by hand and waits there. `resume` logs in after a restart and prints, on stdout, the PC
/// the bench reopened (`resume: open TAG at STEP other TAG`), then goes back to the other one
/// (`resume: back TAG at STEP`) and quits.
Result<void> prepareStartAt(const QString &dbPath, const QString &station, const QString &tag, const QString &screen,
                            QString *otherTag = nullptr);

} // namespace Etabli::Bench
