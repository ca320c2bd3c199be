// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
//
// Every bench screen, in this process: the demo walk (BenchWalk) goes through the whole flow
// at 1366×768 and 1920×1080, normal and high contrast, text at 100 % and 200 %, and at each
// screen the visible items are checked as tst_station checks its screens (until the a11y
// engineer's tests/support/uicheck lands): buttons ≥ 12 mm (main action ≥ 20 mm) on the
// configured panel and ≥ 3 mm apart, no button cut by the window, no elided text, no text
// drawn outside the window, every button with an accessible name. The screenshots are kept in
// $TMPDIR/tst_benchscreens/. Root: the demo's PC disk is a loop device.
#include "app/bench/bench.h"
#include "app/bench/benchdemo.h"
#include "app/bench/benchwalk.h"
#include "app/ui/scandetector.h"
#include "app/ui/speech.h"
#include "app/ui/theme.h"
#include "tests/support/recordingspeaker.h"

#include <QAccessible>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QtQml/qqmlextensionplugin.h>

#include <unistd.h>

Q_IMPORT_QML_PLUGIN(Etabli_StationPlugin)
Q_IMPORT_QML_PLUGIN(Etabli_UiPlugin)
Q_IMPORT_QML_PLUGIN(Etabli_BenchPlugin)

using namespace Etabli;

namespace {

void collect(QQuickItem *item, QList<QQuickItem *> &out)
{
    out << item;
    for (QQuickItem *c : item->childItems())
        collect(c, out);
}

bool shown(QQuickItem *item)
{
    for (QQuickItem *p = item; p; p = p->parentItem())
        if (!p->isVisible() || p->opacity() <= 0)
            return false;
    return true;
}

/// benchui: the one shown item with this objectName (the screens share names like "instruction").
QQuickItem *shownItem(QQuickWindow *window, const QString &name)
{
    QList<QQuickItem *> items;
    collect(window->contentItem(), items);
    for (QQuickItem *item : std::as_const(items))
        if (item->objectName() == name && shown(item))
            return item;
    return nullptr;
}

/// benchui: the bench's main window from BenchMain.qml in `engine`, windowed at `size` (not
/// shown yet); nullptr when it did not load.
QQuickWindow *loadBench(QQmlApplicationEngine &engine, QSize size)
{
    engine.addImportPath(QStringLiteral("qrc:/"));
    engine.load(QUrl(QStringLiteral("qrc:/Etabli/Bench/BenchMain.qml")));
    if (engine.rootObjects().isEmpty())
        return nullptr;
    auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().first());
    if (window) {
        window->setVisibility(QWindow::Windowed);
        window->resize(size);
    }
    return window;
}

/// benchui: keys as fast as a scanner sends them (QTest has no keyClicks for a QWindow in 6.4).
void type(QQuickWindow *window, const QString &text)
{
    for (QChar c : text)
        QTest::keyClick(window, c.toLatin1());
}

/// benchui: touches the shown item `name` in its middle, as a worker would.
bool touch(QQuickWindow *window, const QString &name)
{
    QQuickItem *item = shownItem(window, name);
    if (!item)
        return false;
    QTest::mouseClick(window, Qt::LeftButton, {},
                      item->mapToScene(QPointF(item->width() / 2, item->height() / 2)).toPoint());
    return true;
}

/// The rectangle of the nearest clipping ancestor (a Flickable's view), or the window.
QRectF viewport(QQuickItem *item, const QRectF &window)
{
    for (QQuickItem *p = item->parentItem(); p; p = p->parentItem())
        if (p->clip())
            return p->mapRectToScene(QRectF(0, 0, p->width(), p->height())).intersected(window);
    return window;
}

} // namespace

class TestBenchScreens : public QObject
{
    Q_OBJECT

    QStringList m_failures;
    int m_scrolled = 0;

    void inspect(QQuickWindow *window, const QString &screen)
    {
        auto *theme = Ui::Theme::instance();
        QList<QQuickItem *> items;
        collect(window->contentItem(), items);
        const QRectF win(QPointF(0, 0), QSizeF(window->size()));
        QList<QPair<QRectF, QString>> buttons;
        const auto fail = [this, &screen](const QString &what) { m_failures << screen + QStringLiteral(": ") + what; };
        for (QQuickItem *item : std::as_const(items)) {
            if (!shown(item))
                continue;
            const QRectF r = item->mapRectToScene(QRectF(0, 0, item->width(), item->height()));
            const QRectF view = viewport(item, win);
            if (!view.intersects(r)) { // scrolled out of its view: scrolling shows it
                m_scrolled += item->inherits("QQuickAbstractButton");
                continue;
            }
            const QString name = item->objectName().isEmpty() ? QString::fromLatin1(item->metaObject()->className())
                                                              : item->objectName();
            if (item->inherits("QQuickAbstractButton")) {
                const qreal minimum = item->property("main").toBool() ? theme->mainTargetSize() : theme->targetSize();
                if (r.width() < minimum - 0.5 || r.height() < minimum - 0.5)
                    fail(QStringLiteral("%1 is %2 x %3 mm")
                             .arg(name)
                             .arg(theme->toMm(r.width()), 0, 'f', 1)
                             .arg(theme->toMm(r.height()), 0, 'f', 1));
                if (!view.contains(r.adjusted(0.5, 0.5, -0.5, -0.5))) {
                    ++m_scrolled; // partly under the edge of its scrolling view: scrolling shows it
                    if (!win.contains(r.adjusted(0.5, 0.5, -0.5, -0.5)) && view == win)
                        fail(name + QStringLiteral(" is cut by the window"));
                }
                const qreal gap = theme->mm(3) - 0.5;
                for (const auto &other : std::as_const(buttons))
                    if (r.adjusted(-gap, -gap, gap, gap).intersects(other.first))
                        fail(name + QStringLiteral(" is less than 3 mm from ") + other.second);
                buttons.append({r, name});
                QAccessibleInterface *a = QAccessible::queryAccessibleInterface(item);
                if (!a || a->text(QAccessible::Name).isEmpty())
                    fail(name + QStringLiteral(" has no accessible name"));
            }
            if (item->inherits("QQuickText") && !item->property("text").toString().isEmpty()) {
                if (item->property("truncated").toBool())
                    fail(QStringLiteral("elided text «%1»").arg(item->property("text").toString()));
                const QRectF drawn = item->mapRectToScene(
                    QRectF(0, 0, item->property("contentWidth").toReal(), item->property("contentHeight").toReal()));
                if (drawn.right() > win.right() + 1 || drawn.left() < win.left() - 1)
                    fail(
                        QStringLiteral("text «%1» goes past the window's side").arg(item->property("text").toString()));
            }
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (::geteuid() != 0)
            QSKIP("the demo's PC disk is a loop device: run as root (CI does)");
        qputenv("ETABLI_CLI", ETABLI_CLI);
        qputenv("ETABLI_HELPER", ETABLI_HELPER);
        Ui::Theme::loadFonts();
    }

    void everyScreen_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::addColumn<bool>("highContrast");
        QTest::addColumn<qreal>("textScale");
        for (const QSize &s : {QSize(1366, 768), QSize(1920, 1080)})
            for (bool hc : {false, true})
                for (qreal scale : {1.0, 2.0})
                    QTest::addRow("%dx%d-%s-%d%%", s.width(), s.height(), hc ? "high-contrast" : "normal",
                                  int(scale * 100))
                        << s << hc << scale;
    }
    void everyScreen()
    {
        QFETCH(QSize, size);
        QFETCH(bool, highContrast);
        QFETCH(qreal, textScale);
        auto *theme = Ui::Theme::instance();
        theme->setPpi(96);
        theme->setHighContrast(highContrast);
        theme->setTextScale(textScale);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        auto demo = Bench::prepareDemo(dir.path(), dir.filePath(QStringLiteral("inventory.sqlite")),
                                       QStringLiteral("bench-1"));
        QVERIFY2(demo, demo ? "" : qPrintable(demo.error().message));
        Bench::Bench *bench = Bench::Bench::instance();
        bench->setForcedLook(true, true);
        bench->configure(demo->config);

        QQmlApplicationEngine engine;
        QQuickWindow *window = loadBench(engine, size);
        QVERIFY(window);
        QTRY_COMPARE(window->size(), size);

        const QString shots
            = QDir::temp().filePath(QStringLiteral("tst_benchscreens/") + QString::fromLatin1(QTest::currentDataTag()));
        QDir(shots).removeRecursively();
        m_failures.clear();
        m_scrolled = 0;
        QStringList seen;
        Bench::BenchWalk walk(bench, window, shots, demo->badge, demo->pcTag);
        walk.setInspector([&](const QString &screen) {
            seen << screen;
            inspect(window, screen);
        });
        QEventLoop loop;
        connect(&walk, &Bench::BenchWalk::finished, &loop, &QEventLoop::exit);
        const int code = loop.exec();
        ::close(demo->loopFd);
        QCOMPARE(code, 0);
        QVERIFY2(m_failures.isEmpty(), qPrintable(m_failures.join(QLatin1Char('\n'))));
        QVERIFY2(seen.size() >= 17, qPrintable(seen.join(QLatin1Char(' '))));
        qInfo("%lld screens checked, %d buttons behind a scroll, pictures in %s", qlonglong(seen.size()), m_scrolled,
              qPrintable(shots));
        theme->setHighContrast(false);
        theme->setTextScale(1);
    }

    // bench: the erase step after the helper found the disk FROZEN: the fix's pictures, the
    // station's sentence, and still the disk card (model, size, serial, picture) and the main
    // action. At 100 % text they are all on screen at once, none cut by the edge of the window
    // or of the scrolling view; at 200 % each is reached whole with « Plus bas ». The helper is
    // a stand-in speaking its protocol (no frozen drive on a test machine) that refuses the write
    // with the typed detail drive_frozen, as the real one does.
    void frozenEraseShowsTheDisk_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::addColumn<bool>("highContrast");
        QTest::addColumn<qreal>("textScale");
        QTest::addColumn<bool>("french");
        // French first: the workshop's language, and the longer sentences.
        for (const QSize &s : {QSize(1366, 768), QSize(1920, 1080)})
            for (qreal scale : {1.0, 2.0})
                QTest::addRow("%dx%d-%d%%-fr", s.width(), s.height(), int(scale * 100)) << s << false << scale << true;
        QTest::addRow("1366x768-high-contrast-100%%-fr") << QSize(1366, 768) << true << 1.0 << true;
        QTest::addRow("1366x768-100%%-en") << QSize(1366, 768) << false << 1.0 << false;
    }
    void frozenEraseShowsTheDisk()
    {
        QFETCH(QSize, size);
        QFETCH(bool, highContrast);
        QFETCH(qreal, textScale);
        QFETCH(bool, french);
        QTranslator fr;
        if (french) {
            QVERIFY(fr.load(QStringLiteral(":/i18n/etabli_fr.qm")));
            QCoreApplication::installTranslator(&fr);
        }
        auto untranslate = qScopeGuard([&fr] { QCoreApplication::removeTranslator(&fr); });
        auto *theme = Ui::Theme::instance();
        theme->setPpi(96);
        theme->setHighContrast(highContrast);
        theme->setTextScale(textScale);
        auto reset = qScopeGuard([theme] {
            theme->setHighContrast(false);
            theme->setTextScale(1);
        });
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString db = dir.filePath(QStringLiteral("inventory.sqlite"));
        auto demo = Bench::prepareDemo(dir.path(), db, QStringLiteral("bench-1"));
        QVERIFY2(demo, demo ? "" : qPrintable(demo.error().message));
        auto closeLoop = qScopeGuard([&demo] { ::close(demo->loopFd); });
        auto at = Bench::prepareStartAt(db, QStringLiteral("bench-1"), demo->pcTag, QStringLiteral("erase_image"));
        QVERIFY2(at, at ? "" : qPrintable(at.error().message));
        const QString helper = dir.filePath(QStringLiteral("frozen-helper.py"));
        QFile f(helper);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("#!/usr/bin/python3\n"
                "import json, sys\n"
                "print(json.dumps({'type': 'ready', 'protocol': 1, 'verbs': ['write']}), flush=True)\n"
                "for line in sys.stdin:\n"
                "    req = json.loads(line)\n"
                "    print(json.dumps({'id': req['id'], 'type': 'error', 'exit_code': 4, 'code': 'refused',"
                " 'detail': 'drive_frozen', 'message': 'the drive is security frozen'}), flush=True)\n");
        f.close();
        QVERIFY(f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner));
        Bench::BenchConfig config = demo->config;
        config.helperProgram = helper;
        Bench::Bench *bench = Bench::Bench::instance();
        bench->setForcedLook(true, true);
        bench->configure(config);

        QQmlApplicationEngine engine;
        QQuickWindow *window = loadBench(engine, size);
        QVERIFY(window);
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window));
        QTRY_COMPARE(window->size(), size);

        QTRY_VERIFY(bench->busyRequests() == 0);
        bench->logout(); // the Bench is one per process: the row before may have left a worker in
        QTRY_COMPARE(bench->screen(), Bench::Bench::Screen::Login);
        auto logout = qScopeGuard([bench] { bench->logout(); });
        bench->loginWithBadge(demo->badge);
        // The login opens the asset screen, or this PC again when it was the worker's last one.
        QTRY_VERIFY(bench->screen() != Bench::Bench::Screen::Login && bench->busyRequests() == 0);
        if (bench->screen() == Bench::Bench::Screen::Asset)
            bench->openAsset(demo->pcTag);
        QTRY_COMPARE(bench->screen(), Bench::Bench::Screen::Step);
        QTRY_COMPARE(bench->flow()->currentStep(), QStringLiteral("erase_image"));
        QTRY_VERIFY(bench->busyRequests() == 0);
        bench->mainAction();
        QTRY_VERIFY(bench->confirming());
        bench->confirmErase();
        QTRY_VERIFY_WITH_TIMEOUT(bench->diskFrozen() && !bench->jobRunning(), 20000);
        QTRY_VERIFY(bench->busyRequests() == 0);
        QTRY_VERIFY(shownItem(window, QStringLiteral("fix-power")));
        QTest::qWait(100);
        const QString shots = QDir::temp().filePath(QStringLiteral("tst_benchscreens/frozen"));
        QDir().mkpath(shots);
        const QString shot
            = QDir(shots).filePath(QString::fromLatin1(QTest::currentDataTag()) + QStringLiteral(".png"));
        QVERIFY(window->grabWindow().save(shot));
        qInfo("screenshot: %s", qPrintable(shot));

        // The disk card and the main action: each whole inside its view (the body's scrolling
        // view, the window); at 200 % « Plus bas » brings each one whole into view.
        const QRectF win(QPointF(0, 0), QSizeF(window->size()));
        const auto whole = [&](const QString &name) {
            QQuickItem *item = shownItem(window, name);
            if (!item)
                return false;
            const QRectF r = item->mapRectToScene(QRectF(0, 0, item->width(), item->height()));
            return viewport(item, win).contains(r.adjusted(0.5, 0.5, -0.5, -0.5));
        };
        QVERIFY2(whole(QStringLiteral("mainAction")), "the main action is cut");
        for (const char *name : {"diskPicture", "diskModel", "diskSize", "diskSerial"}) {
            const QString n = QLatin1String(name);
            QVERIFY2(shownItem(window, n), name);
            if (textScale == 1.0) {
                QVERIFY2(whole(n), qPrintable(n + QStringLiteral(" is cut by the edge at 100 % text")));
                continue;
            }
            for (int press = 0; press < 10 && !whole(n); ++press) {
                QVERIFY2(touch(window, QStringLiteral("scrollDown")),
                         qPrintable(n + QStringLiteral(": no « Plus bas »")));
                QTest::qWait(50);
            }
            QVERIFY2(whole(n), qPrintable(n + QStringLiteral(" is never reached whole at 200 % text")));
        }
        // The fix's two pictures: at 100 % reached whole with « Plus bas »; at 200 % a card may be
        // taller than the view on a 1366×768 panel: « Plus bas » brings it into view.
        for (const char *name : {"fix-power", "fix-sleep"}) {
            const QString n = QLatin1String(name);
            const auto seen = [&] {
                if (textScale == 1.0)
                    return whole(n);
                QQuickItem *item = shownItem(window, n);
                return item
                    && viewport(item, win).intersects(
                        item->mapRectToScene(QRectF(0, 0, item->width(), item->height())));
            };
            for (int press = 0; press < 10 && !seen(); ++press) {
                QVERIFY2(touch(window, QStringLiteral("scrollDown")),
                         qPrintable(n + QStringLiteral(": no « Plus bas »")));
                QTest::qWait(50);
            }
            QVERIFY2(seen(), qPrintable(n + QStringLiteral(" is never reached")));
        }
        QCOMPARE(bench->flow()->currentStep(), QStringLiteral("erase_image")); // not erased: not done
    }

    // benchui: each screen says its sentence on arrival and again by « Écouter » (the recording
    // speaker stands for the voice); a badge scanned with the scanner on the wrong keyboard
    // layout is refused with its sentence, the real one logs in; the worker's voice preference
    // is applied at login.
    void spokenAndScanned()
    {
        Test::RecordingSpeaker speaker;
        auto *speech = Ui::Speech::instance();
        speech->setSpeaker(&speaker);
        speech->setEnabled(true);
        auto *theme = Ui::Theme::instance();
        theme->setPpi(96);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        auto demo = Bench::prepareDemo(dir.path(), dir.filePath(QStringLiteral("inventory.sqlite")),
                                       QStringLiteral("bench-1"));
        QVERIFY2(demo, demo ? "" : qPrintable(demo.error().message));
        Bench::Bench *bench = Bench::Bench::instance();
        bench->configure(demo->config);
        QQmlApplicationEngine engine;
        QQuickWindow *window = loadBench(engine, QSize(1366, 768));
        QVERIFY(window);
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window));
        window->requestActivate();

        // Login: its sentence on arrival, again by « Écouter ».
        QQuickItem *instruction = shownItem(window, QStringLiteral("instruction"));
        QVERIFY(instruction);
        const QString hello = instruction->property("text").toString();
        QVERIFY(!hello.isEmpty());
        QTRY_COMPARE(speaker.last(), hello);
        const qsizetype before = speaker.spoken().size();
        QVERIFY(touch(window, QStringLiteral("listen")));
        QTRY_COMPARE(speaker.spoken().size(), before + 1);
        QCOMPARE(speaker.last(), hello);

        // A scanner set to AZERTY on this QWERTY keyboard types « Z6)))! » for W-0001.
        const QString garbled = QStringLiteral("Z6)))!");
        QVERIFY(Ui::ScanDetector::ungarble(garbled).layout != Ui::ScanDetector::Layout::None);
        QQuickItem *field = shownItem(window, QStringLiteral("badgeScan"));
        QVERIFY(field);
        field->forceActiveFocus();
        QTRY_VERIFY(field->hasActiveFocus());
        type(window, garbled);
        QTest::keyClick(window, Qt::Key_Return);
        QTRY_VERIFY(bench->message().contains(QLatin1String("scanner"), Qt::CaseInsensitive));
        QCOMPARE(bench->screen(), Bench::Bench::Screen::Login);
        QVERIFY(bench->workerBadge().isEmpty());
        QQuickItem *message = shownItem(window, QStringLiteral("message"));
        QVERIFY(message);
        QCOMPARE(message->property("text").toString(), bench->message());

        // The real badge, scanned: logged in, the asset screen says its sentence.
        type(window, demo->badge);
        QTest::keyClick(window, Qt::Key_Return);
        QTRY_COMPARE(bench->screen(), Bench::Bench::Screen::Asset);
        QCOMPARE(bench->workerBadge(), demo->badge);
        QTRY_VERIFY(shownItem(window, QStringLiteral("instruction")));
        const QString scanLabel = shownItem(window, QStringLiteral("instruction"))->property("text").toString();
        QTRY_COMPARE(speaker.last(), scanLabel);
        QCOMPARE(speech->enabled(), true); // the demo worker keeps the voice on

        // A step: its own sentence on arrival, and again by « Écouter ».
        bench->openAsset(demo->pcTag);
        QTRY_COMPARE(bench->screen(), Bench::Bench::Screen::Step);
        QTRY_VERIFY(shownItem(window, QStringLiteral("instruction")));
        const QString step = shownItem(window, QStringLiteral("instruction"))->property("text").toString();
        QCOMPARE(step, Bench::Bench::stepSentence(bench->flow()->currentStep()));
        QTRY_COMPARE(speaker.last(), step);
        const qsizetype onStep = speaker.spoken().size();
        QVERIFY(touch(window, QStringLiteral("listen")));
        QTRY_COMPARE(speaker.spoken().size(), onStep + 1);
        QCOMPARE(speaker.last(), step);

        // Voice off: no « Écouter » to press, nothing said on the next screen.
        speech->setEnabled(false);
        QTRY_VERIFY(!shownItem(window, QStringLiteral("listen")));
        bench->logout();
        QTRY_COMPARE(bench->screen(), Bench::Bench::Screen::Login);
        QCOMPARE(speech->enabled(), true); // logout: the next worker hears the login screen
        QTRY_COMPARE(speaker.last(), hello);
        ::close(demo->loopFd);
    }
    // bench: « C'est propre » waits for the four pictures of the cleaning step. The walk goes
    // through the flow (mainAction()), not the button, so only this test presses it: disabled
    // until each picture is touched, then the step is done and the PC moves on.
    void cleaningWaitsForTheFourTicks()
    {
        Ui::Theme::instance()->setPpi(96);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString db = dir.filePath(QStringLiteral("inventory.sqlite"));
        auto demo = Bench::prepareDemo(dir.path(), db, QStringLiteral("bench-1"));
        QVERIFY2(demo, demo ? "" : qPrintable(demo.error().message));
        const auto closeLoop = qScopeGuard([&] { ::close(demo->loopFd); });
        auto at = Bench::prepareStartAt(db, QStringLiteral("bench-1"), demo->pcTag, QStringLiteral("cleaning"));
        QVERIFY2(at, at ? "" : qPrintable(at.error().message));
        Bench::Bench *bench = Bench::Bench::instance();
        bench->configure(demo->config);
        QQmlApplicationEngine engine;
        QQuickWindow *window = loadBench(engine, QSize(1920, 1080));
        QVERIFY(window);
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window));

        // As --start-at does: each request once the bench is not busy with the one before.
        QTRY_COMPARE(bench->screen(), Bench::Bench::Screen::Login);
        QTRY_COMPARE(bench->busyRequests(), 0);
        bench->loginWithBadge(demo->badge);
        // The bench may reopen the PC this worker left open at once, or ask for one.
        QTRY_VERIFY(bench->screen() != Bench::Bench::Screen::Login && bench->busyRequests() == 0);
        if (bench->screen() == Bench::Bench::Screen::Asset)
            bench->openAsset(demo->pcTag);
        QTRY_COMPARE(bench->screen(), Bench::Bench::Screen::Step);
        QTRY_COMPARE(bench->flow()->currentStep(), QStringLiteral("cleaning"));
        QTRY_VERIFY(shownItem(window, QStringLiteral("clean-keyboard")));
        QQuickItem *action = shownItem(window, QStringLiteral("mainAction"));
        QVERIFY(action);
        for (const char *part : {"dust", "case", "screen"}) {
            QVERIFY2(!action->isEnabled(), part);
            QVERIFY(touch(window, QStringLiteral("clean-") + QLatin1String(part)));
            QTRY_VERIFY(
                shownItem(window, QStringLiteral("clean-") + QLatin1String(part))->property("checked").toBool());
        }
        QVERIFY(!action->isEnabled());
        QVERIFY(touch(window, QStringLiteral("clean-keyboard")));
        QTRY_VERIFY(action->isEnabled());
        QVERIFY(touch(window, QStringLiteral("mainAction")));
        QTRY_VERIFY(bench->flow()->currentStep() != QLatin1String("cleaning"));
        bench->logout();
        QTRY_COMPARE(bench->screen(), Bench::Bench::Screen::Login);
    }
};

QTEST_MAIN(TestBenchScreens)
#include "tst_benchscreens.moc"
