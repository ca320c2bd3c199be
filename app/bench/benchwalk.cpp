// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "app/bench/benchwalk.h"

#include "app/bench/bench.h"

#include <QCoreApplication>
#include <QImage>
#include <QQuickWindow>

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
        }
        return;
    }
    if (m_bench->busyRequests() > 0)
        return;
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
    if (step == QLatin1String("screen") || step == QLatin1String("audio") || step == QLatin1String("input"))
        m_bench->recordWalkTest();
    else if (step == QLatin1String("erase_image") && m_bench->confirming())
        m_bench->confirmErase();
    else
        m_bench->mainAction();
    m_lastKey.clear(); // the same key again (a refused action) is shot and acted on again
}

} // namespace Etabli::Bench
