// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "app/bench/benchwalk.h"

#include "app/bench/bench.h"
#include "app/core/benchflow.h"
#include "inventory/store.h"

#include "app/station/audiotestmodel.h"
#include "app/station/keyboardtestmodel.h"
#include "app/station/screentestmodel.h"

#include <QCoreApplication>
#include <QImage>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QQuickItem>
#include <QQuickWindow>
#include <QWheelEvent>

#include <cstdio>

namespace Etabli::Bench {

BenchWalk::BenchWalk(Bench *bench, QQuickWindow *window, const QString &dir, const QString &badge, const QString &tag,
                     QObject *parent)
    : QObject(parent)
    , m_bench(bench)
    , m_window(window)
    , m_dir(dir)
    , m_badge(badge)
    , m_tag(tag)
{
    m_dir.mkpath(QStringLiteral("."));
    m_timer.setInterval(100);
    connect(&m_timer, &QTimer::timeout, this, &BenchWalk::tick);
    m_timer.start();
}

void BenchWalk::shoot(const QString &name)
{
    if (!m_window)
        return;
    const QImage image = m_window->grabWindow();
    const QString file = m_dir.filePath(QStringLiteral("%1-%2.png").arg(++m_shot, 2, 10, QLatin1Char('0')).arg(name));
    if (!image.save(file))
        std::fprintf(stderr, "etabli-station: cannot write %s\n", qPrintable(file));
}

void BenchWalk::tick()
{
    if (m_done)
        return;
    const QString step = m_bench->flow()->currentStep();
    const Bench::Screen screen = m_bench->screen();
    // One long-work picture, once the bar moved.
    if (m_bench->working()) {
        if (!m_workingShot && m_bench->progress() > 0.05) {
            m_workingShot = true;
            shoot(step + QStringLiteral("-working"));
            // The work screen too (its « Work on another PC meanwhile »), as it is now.
            if (m_inspector)
                m_inspector(QStringLiteral("step-%1-working").arg(step));
        }
        return;
    }
    if (m_bench->busyRequests() > 0)
        return;
    // The Station test screens: one move a tick, on the real screen, until it closes.
    if (!m_bench->testScreen().isEmpty() && m_lastKey == QStringLiteral("step-") + step && m_stableTicks < 0) {
        driveTest(step);
        return;
    }
    static const char *const names[] = {"login", "asset", "step", "finished"};
    QString key = QLatin1String(names[int(screen)]);
    if (screen == Bench::Screen::Step)
        key += QLatin1Char('-') + step + (m_bench->confirming() ? QStringLiteral("-confirm") : QString());
    if (key != m_lastKey) {
        m_lastKey = key;
        m_stableTicks = 0;
        return;
    }
    if (++m_stableTicks < 3) // let the screen settle and render
        return;
    m_stableTicks = -1000; // act once per screen; a new key starts again
    m_workingShot = false;
    shoot(key);
    if (m_inspector)
        m_inspector(key);
    if (!m_bench->message().isEmpty()) {
        std::fprintf(stderr, "etabli-station: the walk stopped at %s: %s\n", qPrintable(key),
                     qPrintable(m_bench->message()));
        m_done = true;
        Q_EMIT finished(1);
        return;
    }
    switch (screen) {
    case Bench::Screen::Login:
        m_bench->loginWithBadge(m_badge);
        return;
    case Bench::Screen::Asset:
        m_bench->openAsset(m_tag);
        return;
    case Bench::Screen::Finished:
        m_done = true;
        std::printf("%d screens saved in %s\n", m_shot, qPrintable(m_dir.absolutePath()));
        std::fflush(stdout);
        Q_EMIT finished(m_bench->assetState() == QLatin1String("READY") ? 0 : 1);
        return;
    case Bench::Screen::Step:
        break;
    }
    if (!m_bench->testScreen().isEmpty()) {
        m_testMoves = 0;
        return; // driveTest() from the next tick; the key stays, the screen is not shot again
    }
    if (step == QLatin1String("erase_image") && m_bench->confirming())
        m_bench->confirmErase();
    else
        m_bench->mainAction();
    m_lastKey.clear(); // the same key again (a refused action) is shot and acted on again
}

namespace {

/// The shown item called `name` under `item` (the screens share names like "finish").
QQuickItem *findShown(QQuickItem *item, const QString &name)
{
    if (!item->isVisible())
        return nullptr;
    if (item->objectName() == name)
        return item;
    for (QQuickItem *c : item->childItems())
        if (QQuickItem *found = findShown(c, name))
            return found;
    return nullptr;
}

/// The test screen's model: a QObject child of one of the shown items (a Loader's item is not
/// a QObject child of the window's content item, so findChild() from there does not see it).
template<typename T>
T *findModel(QQuickItem *item)
{
    if (T *m = item->findChild<T *>(QString(), Qt::FindDirectChildrenOnly))
        return m;
    for (QQuickItem *c : item->childItems())
        if (T *m = findModel<T>(c))
            return m;
    return nullptr;
}

void mouse(QQuickWindow *w, QEvent::Type type, const QPointF &at, Qt::MouseButton button)
{
    const Qt::MouseButtons buttons
        = type == QEvent::MouseButtonRelease || type == QEvent::MouseMove ? Qt::NoButton : button;
    QMouseEvent e(type, at, at, w->mapToGlobal(at), type == QEvent::MouseMove ? Qt::NoButton : button, buttons,
                  Qt::NoModifier);
    QCoreApplication::sendEvent(w, &e);
}

} // namespace

/// A press of the shown control `objectName`, in its middle, as a finger or a mouse would.
bool BenchWalk::press(const QString &objectName)
{
    QQuickItem *item = findShown(m_window->contentItem(), objectName);
    if (!item || !item->isEnabled())
        return false;
    const QPointF at = item->mapToScene(QPointF(item->width() / 2, item->height() / 2));
    mouse(m_window, QEvent::MouseButtonPress, at, Qt::LeftButton);
    mouse(m_window, QEvent::MouseButtonRelease, at, Qt::LeftButton);
    return true;
}

bool BenchWalk::driveTest(const QString &step)
{
    if (!m_window)
        return false;
    QQuickItem *root = m_window->contentItem();
    // The result page, once the test ended: the worker reads it and closes it.
    if (QQuickItem *result = findShown(root, QStringLiteral("result")); result) {
        if (m_testMoves >= 0) {
            shoot(QStringLiteral("step-%1-result").arg(step));
            m_testMoves = -1;
            return true;
        }
        return press(QStringLiteral("close"));
    }
    const int move = m_testMoves++;
    if (step == QLatin1String("input")) {
        auto *keys = findModel<Station::KeyboardTestModel>(root);
        if (!keys)
            return false;
        if (move == 0) {
            // Every key of the layout, pressed and released as the keyboard sends them (evdev
            // code + 8 as the native scan code, as xcb and offscreen give it).
            for (int row = 0; row < keys->rowCount(); ++row) {
                const int code = keys->data(keys->index(row), Station::KeyboardTestModel::CodeRole).toInt();
                for (QEvent::Type t : {QEvent::KeyPress, QEvent::KeyRelease}) {
                    QKeyEvent e(t, Qt::Key_unknown, Qt::NoModifier, quint32(code + 8), 0, 0);
                    QCoreApplication::sendEvent(m_window, &e);
                }
            }
            return true;
        }
        if (move == 1) {
            shoot(QStringLiteral("step-input-keys"));
            // The mouse: its three buttons, the wheel both ways and moves in four directions,
            // over the keyboard's picture (no control there).
            const QPointF c(m_window->width() / 2.0, m_window->height() / 3.0);
            for (Qt::MouseButton b : {Qt::LeftButton, Qt::MiddleButton, Qt::RightButton}) {
                mouse(m_window, QEvent::MouseButtonPress, c, b);
                mouse(m_window, QEvent::MouseButtonRelease, c, b);
            }
            for (int dy : {120, -120}) {
                QWheelEvent e(c, m_window->mapToGlobal(c), QPoint(), QPoint(0, dy), Qt::NoButton, Qt::NoModifier,
                              Qt::NoScrollPhase, false);
                QCoreApplication::sendEvent(m_window, &e);
            }
            QPointF p = c;
            // 12 moves of 16 px each way: more than the 100 counts the mouse test asks for.
            for (const QPointF d : {QPointF(-16, 0), QPointF(16, 0), QPointF(0, -16), QPointF(0, 16)})
                for (int i = 0; i < 12; ++i) {
                    p += d;
                    mouse(m_window, QEvent::MouseMove, p, Qt::NoButton);
                }
            return true;
        }
        return press(QStringLiteral("finish"));
    }
    if (step == QLatin1String("screen")) {
        // Each page looked at, nothing wrong on it: « Next » until the test ends.
        return findModel<Station::ScreenTestModel>(root) && press(QStringLiteral("next"));
    }
    if (step == QLatin1String("audio")) {
        auto *audio = findModel<Station::AudioTestModel>(root);
        if (!audio)
            return false;
        if (!audio->playing().isEmpty()) {
            --m_testMoves; // the tone plays: wait for its end
            return false;
        }
        // play-left, answer left, play-right, answer right, finish.
        switch (move) {
        case 0:
            return press(QStringLiteral("play-left"));
        case 1:
            return press(audio->leftPlayed() ? QStringLiteral("heard-left") : QStringLiteral("silent-left"));
        case 2:
            return press(QStringLiteral("play-right"));
        case 3:
            return press(audio->rightPlayed() ? QStringLiteral("heard-right") : QStringLiteral("silent-right"));
        default:
            return press(QStringLiteral("finish"));
        }
    }
    return false;
}

QStringList BenchStartAt::screens()
{
    QStringList out{QStringLiteral("login"), QStringLiteral("asset")};
    for (AppCore::BenchStep s : AppCore::allBenchSteps())
        out << AppCore::toString(s);
    out << QStringLiteral("erase-confirm") << QStringLiteral("work") << QStringLiteral("meanwhile")
        << QStringLiteral("finished") << QStringLiteral("two-pcs") << QStringLiteral("resume");
    return out;
}

/// The flow step a --start-at screen stands on (empty: login, asset).
static QString startStep(const QString &screen)
{
    if (screen == QLatin1String("erase-confirm"))
        return QStringLiteral("erase_image");
    if (screen == QLatin1String("work") || screen == QLatin1String("meanwhile") || screen == QLatin1String("two-pcs"))
        return QStringLiteral("ram");
    if (screen == QLatin1String("login") || screen == QLatin1String("asset") || screen == QLatin1String("resume"))
        return {};
    return screen;
}

/// Every pending step of `tag` before `step` marked skipped (data start_at = `screen`).
static Result<void> skipUntil(Inventory::Store &store, const QString &tag, const QString &step, const QString &screen)
{
    auto pos = AppCore::readFlow(store, tag);
    if (!pos)
        return pos.error();
    for (const AppCore::FlowStepState &s : pos->steps) {
        if (AppCore::toString(s.step) == step && screen != QLatin1String("finished"))
            break;
        if (s.status != AppCore::StepStatus::Pending)
            continue;
        if (auto m = AppCore::markStep(store, tag, s.step, AppCore::StepStatus::Skipped,
                                       {{QStringLiteral("start_at"), screen}});
            !m)
            return m.error();
    }
    return {};
}

Result<void> prepareStartAt(const QString &dbPath, const QString &station, const QString &tag, const QString &screen,
                            QString *otherTag)
{
    if (!BenchStartAt::screens().contains(screen))
        return makeError(ErrorCode::InvalidArgument,
                         QCoreApplication::translate("Station", "unknown screen %1 (%2)")
                             .arg(screen, BenchStartAt::screens().join(QStringLiteral(", "))));
    const QString step = startStep(screen);
    if (step.isEmpty())
        return {};
    auto opened = Inventory::Store::open(dbPath, {station, QStringLiteral("demo")});
    if (!opened)
        return opened.error();
    Inventory::Store &store = **opened;
    if (auto skipped = skipUntil(store, tag, step, screen); !skipped)
        return skipped.error();
    if (screen != QLatin1String("two-pcs"))
        return {};
    // bench: the second PC, made once, waits at its HS step (a step done by hand).
    QString other = store.setting(QStringLiteral("demo.pc_b"));
    if (other.isEmpty()) {
        Inventory::NewAsset pc;
        pc.kind = Inventory::AssetKind::Pc;
        auto added = store.addAsset(pc);
        if (!added)
            return added.error();
        other = added->tag;
        if (auto set = store.setSetting(QStringLiteral("demo.pc_b"), other); !set)
            return set.error();
        if (auto skipped = skipUntil(store, other, QStringLiteral("hs"), screen); !skipped)
            return skipped.error();
    }
    if (otherTag)
        *otherTag = other;
    return {};
}

BenchStartAt::BenchStartAt(Bench *bench, const QString &screen, const QString &badge, const QString &tag,
                           QObject *parent)
    : QObject(parent)
    , m_bench(bench)
    , m_screen(screen)
    , m_badge(badge)
    , m_tag(tag)
{
    m_timer.setInterval(50);
    connect(&m_timer, &QTimer::timeout, this, &BenchStartAt::tick);
    if (screen != QLatin1String("login"))
        m_timer.start();
}

void BenchStartAt::tick()
{
    if (m_bench->busyRequests() > 0)
        return;
    if (m_screen == QLatin1String("two-pcs"))
        return tickTwoPcs();
    if (m_screen == QLatin1String("resume"))
        return tickResume();
    switch (m_bench->screen()) {
    case Bench::Screen::Login:
        m_bench->loginWithBadge(m_badge);
        return;
    case Bench::Screen::Asset:
        if (m_screen == QLatin1String("asset") || (m_screen == QLatin1String("meanwhile") && m_pressed)) {
            m_timer.stop();
            Q_EMIT arrived();
        } else {
            m_bench->openAsset(m_tag);
        }
        return;
    case Bench::Screen::Finished:
        m_timer.stop();
        Q_EMIT arrived();
        return;
    case Bench::Screen::Step:
        break;
    }
    // The screens that need one press: the erase's confirmation, the memory test running.
    if (!m_pressed
        && (m_screen == QLatin1String("erase-confirm") || m_screen == QLatin1String("work")
            || m_screen == QLatin1String("meanwhile"))) {
        m_pressed = true;
        m_bench->mainAction();
        if (m_screen == QLatin1String("meanwhile"))
            return; // next tick: « Work on another PC meanwhile »
    }
    // meanwhile: the memory test runs, the worker goes to pick another PC.
    if (m_screen == QLatin1String("meanwhile") && m_bench->canWorkMeanwhile()) {
        m_bench->workOnAnother();
        return;
    }
    m_timer.stop();
    Q_EMIT arrived();
}

// bench: the demo PC's memory test runs; the worker leaves it for the second PC, does its HS
// step by hand and stays on its next step (the kill test kills the station there).
void BenchStartAt::tickTwoPcs()
{
    switch (m_stage) {
    case 0: // log in, open the demo PC at its memory test, start it
        if (m_bench->screen() == Bench::Screen::Login)
            return m_bench->loginWithBadge(m_badge);
        if (m_bench->assetTag() != m_tag)
            return m_bench->openAsset(m_tag);
        if (m_bench->screen() != Bench::Screen::Step)
            return;
        m_bench->mainAction();
        m_stage = 1;
        return;
    case 1: // « Work on another PC meanwhile »
        if (!m_bench->canWorkMeanwhile())
            return;
        m_bench->workOnAnother();
        m_stage = 2;
        return;
    case 2:
        if (m_bench->screen() != Bench::Screen::Asset)
            return;
        m_bench->openAsset(m_otherTag);
        m_stage = 3;
        return;
    case 3: // the second PC's HS step, by hand
        if (m_bench->assetTag() != m_otherTag || m_bench->flow()->currentStep() != QLatin1String("hs"))
            return;
        m_bench->mainAction();
        m_stage = 4;
        return;
    default:
        if (m_bench->flow()->currentStep() != QLatin1String("hs")) {
            std::printf("two-pcs: %s at %s, %s working\n", qPrintable(m_otherTag),
                        qPrintable(m_bench->flow()->currentStep()), qPrintable(m_tag));
            std::fflush(stdout);
            m_timer.stop();
        }
    }
}

// bench: after a restart, the PC the bench reopened and the one it offers to go back to.
void BenchStartAt::tickResume()
{
    switch (m_stage) {
    case 0:
        if (m_bench->screen() == Bench::Screen::Login) {
            m_bench->loginWithBadge(m_badge);
            return;
        }
        if (m_bench->screen() != Bench::Screen::Step || m_bench->assetTag().isEmpty())
            return;
        std::printf("resume: open %s at %s other %s\n", qPrintable(m_bench->assetTag()),
                    qPrintable(m_bench->flow()->currentStep()), qPrintable(m_bench->otherTag()));
        std::fflush(stdout);
        m_otherTag = m_bench->otherTag();
        if (m_otherTag.isEmpty()) {
            QCoreApplication::exit(0);
            return;
        }
        m_bench->backToOther();
        m_stage = 1;
        return;
    default:
        if (m_bench->assetTag() != m_otherTag || m_bench->screen() != Bench::Screen::Step)
            return;
        std::printf("resume: back %s at %s\n", qPrintable(m_bench->assetTag()),
                    qPrintable(m_bench->flow()->currentStep()));
        std::fflush(stdout);
        m_timer.stop();
        QCoreApplication::exit(0);
    }
}

} // namespace Etabli::Bench
