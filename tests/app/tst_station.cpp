// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
//
// The station's three test screens under the offscreen platform: real key, mouse and
// wheel events reach the adaptors, the verdicts come out of the hwtest engines, and
// each screen renders something (screenshots saved under the temp dir).
#include "app/station/audiotestmodel.h"
#include "app/station/keyboardtestmodel.h"
#include "app/station/screentestmodel.h"
#include "app/station/station.h"
#include "app/station/stationsetup.h"
#include "app/ui/speech.h"
#include "app/ui/theme.h"
#include "inventory/assettag.h"
#include "inventory/store.h"
#include "tests/support/recordingspeaker.h"
#include "tests/support/uicheck.h"

#include <QAccessible>
#include <QAudioDevice>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QFont>
#include <QImage>
#include <QJsonArray>
#include <QMediaDevices>
#include <QProcess>
#include <QQmlApplicationEngine>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickView>
#include <QQuickWindow>
#include <QScopeGuard>
#include <QScreen>
#include <QSet>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(Etabli_StationPlugin)
Q_IMPORT_QML_PLUGIN(Etabli_UiPlugin)

using namespace Etabli::Station;

namespace {

// evdev codes (linux/input-event-codes.h) and their French AZERTY labels.
constexpr int KeyQ = 16; // "A" on AZERTY
constexpr int KeyA = 30; // "Q"
constexpr int KeySpace = 57;

QQuickItem *findItem(QQuickItem *item, const QString &name)
{
    if (item->objectName() == name)
        return item;
    const QList<QQuickItem *> children = item->childItems();
    for (QQuickItem *child : children) {
        if (QQuickItem *found = findItem(child, name))
            return found;
    }
    return nullptr;
}

/// One node of the accessibility tree, as AT-SPI would read it.
struct A11yNode {
    QAccessible::Role role;
    QString name;
    bool disabled;
    bool invisible;
};

void walkAccessible(QAccessibleInterface *node, QList<A11yNode> &out, int depth = 0)
{
    if (!node || depth > 40)
        return;
    out.append(
        {node->role(), node->text(QAccessible::Name), bool(node->state().disabled), bool(node->state().invisible)});
    for (int i = 0; i < node->childCount(); ++i)
        walkAccessible(node->child(i), out, depth + 1);
}

QList<A11yNode> accessibleTree(QWindow *window)
{
    QList<A11yNode> nodes;
    walkAccessible(QAccessible::queryAccessibleInterface(window), nodes);
    return nodes;
}

const A11yNode *findNode(const QList<A11yNode> &nodes, const QString &name)
{
    for (const A11yNode &n : nodes) {
        if (n.name == name)
            return &n;
    }
    return nullptr;
}

void collectItems(QQuickItem *item, QList<QQuickItem *> &out)
{
    out.append(item);
    const QList<QQuickItem *> children = item->childItems();
    for (QQuickItem *child : children)
        collectItems(child, out);
}

QString stationBinary()
{
    return QStringLiteral(ETABLI_STATION_BIN);
}

/// The station started as on a headless bench: no display, C locale, no language set.
QProcessEnvironment headlessEnvironment(const QString &db)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "ETABLI_LANG", "LANGUAGE"})
        env.remove(QLatin1String(name));
    env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    env.insert(QStringLiteral("ETABLI_DB"), db);
    return env;
}

} // namespace

class TestStation : public QObject
{
    Q_OBJECT

private:
    QDir m_shots;
    /// Every sentence the screens say (no engine in tests), in order.
    Etabli::Test::RecordingSpeaker m_voice;

    std::unique_ptr<QQuickView> load(const QString &file)
    {
        auto view = std::make_unique<QQuickView>();
        view->engine()->addImportPath(QStringLiteral("qrc:/"));
        view->setResizeMode(QQuickView::SizeRootObjectToView);
        view->resize(1280, 800);
        view->setSource(QUrl(QStringLiteral("qrc:/Etabli/Station/") + file));
        if (view->status() != QQuickView::Ready) {
            for (const QQmlError &e : view->errors())
                qWarning() << e.toString();
            return nullptr;
        }
        view->show();
        if (!QTest::qWaitForWindowExposed(view.get()))
            return nullptr;
        return view;
    }

    /// Several distinct colours: the screen drew more than a blank background.
    void checkScreenshot(QQuickView &view, const QString &name, int minColours)
    {
        const QImage image = view.grabWindow();
        QVERIFY(!image.isNull());
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 3) {
            for (int x = 0; x < image.width(); x += 3)
                colours.insert(image.pixel(x, y));
        }
        QVERIFY2(colours.size() >= minColours,
                 qPrintable(QStringLiteral("%1: only %2 colours").arg(name).arg(colours.size())));
        const QString path = m_shots.filePath(name + QStringLiteral(".png"));
        QVERIFY(image.save(path));
        qInfo("screenshot: %s", qPrintable(path));
    }

    void checkScreenshotOf(QQuickWindow &window, const QString &name)
    {
        const QImage image = window.grabWindow();
        QVERIFY(!image.isNull());
        const QString path = m_shots.filePath(name + QStringLiteral(".png"));
        QVERIFY(image.save(path));
        qInfo("screenshot: %s", qPrintable(path));
    }

    static void click(QQuickView &view, const QString &objectName)
    {
        QQuickItem *item = findItem(view.rootObject(), objectName);
        QVERIFY2(item, qPrintable(objectName));
        QTest::mouseClick(&view, Qt::LeftButton, {},
                          item->mapToScene(QPointF(item->width() / 2, item->height() / 2)).toPoint());
    }

    /// A key as X11/xcb delivers it: the native scan code is the xkb keycode (evdev + 8).
    static void sendKey(QWindow &window, QEvent::Type type, int evdevCode)
    {
        QKeyEvent event(type, Qt::Key_unknown, Qt::NoModifier, quint32(evdevCode + 8), 0, 0);
        QCoreApplication::sendEvent(&window, &event);
    }

    /// The ScreenTest model inside Main.qml's loader.
    static ScreenTestModel *screenModel(QQuickItem *item)
    {
        if (auto *m = item->property("model").value<ScreenTestModel *>())
            return m;
        const QList<QQuickItem *> children = item->childItems();
        for (QQuickItem *child : children) {
            if (ScreenTestModel *m = screenModel(child))
                return m;
        }
        return nullptr;
    }

    static void clickIn(QQuickWindow &window, const QString &objectName)
    {
        QQuickItem *item = findItem(window.contentItem(), objectName);
        QVERIFY2(item, qPrintable(objectName));
        QTest::mouseClick(&window, Qt::LeftButton, {},
                          item->mapToScene(QPointF(item->width() / 2, item->height() / 2)).toPoint());
    }

    static int testResultsOn(const QString &db, const QString &tag)
    {
        auto store = Etabli::Inventory::Store::open(db, {QStringLiteral("tst"), QStringLiteral("tst")});
        if (!store)
            return -1;
        int n = 0;
        for (const Etabli::Inventory::Event &e : (*store)->eventsForAsset(tag))
            n += e.type == QLatin1String("test.recorded") ? 1 : 0;
        return n;
    }

    static QJsonObject lastResult(const QString &kind)
    {
        const QJsonArray results = Station::instance()->lastResults();
        for (const QJsonValue &v : results) {
            if (v.toObject().value(QStringLiteral("kind")).toString() == kind)
                return v.toObject();
        }
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        Station::instance()->configure(QString(), QStringLiteral("TEST-MONITOR 24"), QString(), QString());
        Etabli::Ui::Theme::loadFonts(); // as main() does
        Etabli::Ui::Speech::instance()->setSpeaker(&m_voice);
        m_shots.setPath(QDir::temp().filePath(QStringLiteral("tst_station")));
        QVERIFY(m_shots.mkpath(QStringLiteral(".")));
    }

    void keyboardLightsKeysAndFindsChatter()
    {
        auto view = load(QStringLiteral("KeyboardTest.qml"));
        QVERIFY(view);
        auto *model = view->rootObject()->property("model").value<KeyboardTestModel *>();
        QVERIFY(model);
        QVERIFY2(model->errorString().isEmpty(), qPrintable(model->errorString()));
        QCOMPARE(model->keyCount(), 105);
        QCOMPARE(model->pressedCount(), 0);

        // The AZERTY "A" sits where QWERTY has Q: the model row for evdev 16 says so.
        const QModelIndex row = model->match(model->index(0), KeyboardTestModel::CodeRole, KeyQ).value(0);
        QVERIFY(row.isValid());
        QCOMPARE(row.data(KeyboardTestModel::LabelRole).toString(), QStringLiteral("A"));

        sendKey(*view, QEvent::KeyPress, KeyQ);
        QVERIFY(model->isPressed(KeyQ));
        QVERIFY(row.data(KeyboardTestModel::PressedRole).toBool());
        sendKey(*view, QEvent::KeyRelease, KeyQ);
        sendKey(*view, QEvent::KeyPress, KeySpace);
        sendKey(*view, QEvent::KeyRelease, KeySpace);
        QVERIFY(model->isPressed(KeySpace));
        QVERIFY(!model->isPressed(KeyA));
        QCOMPARE(model->pressedCount(), 2);

        // A bounce: pressed again right after the release.
        sendKey(*view, QEvent::KeyPress, KeyA);
        sendKey(*view, QEvent::KeyRelease, KeyA);
        sendKey(*view, QEvent::KeyPress, KeyA);
        sendKey(*view, QEvent::KeyRelease, KeyA);
        QVERIFY(model->isChattering(KeyA));
        QCOMPARE(model->chatterCount(), 1);

        // QTest's own key events carry no scan code: not counted as a layout key.
        QTest::keyClick(view.get(), Qt::Key_B);
        QCOMPARE(model->pressedCount(), 3);

        checkScreenshot(*view, QStringLiteral("keyboard"), 4);

        click(*view, QStringLiteral("finish"));
        const QJsonObject keys = lastResult(QStringLiteral("keyboard"));
        QCOMPARE(keys.value(QStringLiteral("verdict")).toString(), QStringLiteral("FAIL"));
        QVERIFY(keys.value(QStringLiteral("rule")).toString().startsWith(QStringLiteral("keyboard.chatter")));
        const QJsonObject m = keys.value(QStringLiteral("measurements")).toObject();
        QCOMPARE(m.value(QStringLiteral("pressed")).toInt(), 3);
        QCOMPARE(m.value(QStringLiteral("chatter_codes")).toArray(), QJsonArray{KeyA});
        QCOMPARE(m.value(QStringLiteral("missing_codes")).toArray().size(), 102);
    }

    void keyboardAllKeysAndMousePass()
    {
        auto view = load(QStringLiteral("KeyboardTest.qml"));
        QVERIFY(view);
        auto *model = view->rootObject()->property("model").value<KeyboardTestModel *>();
        QVERIFY(model);
        for (int i = 0; i < model->rowCount(); ++i) {
            const int code = model->index(i).data(KeyboardTestModel::CodeRole).toInt();
            sendKey(*view, QEvent::KeyPress, code);
            sendKey(*view, QEvent::KeyRelease, code);
        }
        QCOMPARE(model->pressedCount(), 105);
        QVERIFY(model->keyboardResult().verdict == Etabli::HwTest::TestVerdict::Pass);

        QVERIFY(!model->mouseMissing().isEmpty());
        const QPoint centre(640, 300);
        for (Qt::MouseButton b : {Qt::LeftButton, Qt::RightButton, Qt::MiddleButton})
            QTest::mouseClick(view.get(), b, {}, centre);
        for (int dy : {120, -120}) {
            QWheelEvent wheel(QPointF(centre), QPointF(view->mapToGlobal(centre)), QPoint(), QPoint(0, dy),
                              Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
            QCoreApplication::sendEvent(view.get(), &wheel);
        }
        QTest::mouseMove(view.get(), centre);
        for (QPoint p : {QPoint(840, 300), QPoint(640, 300), QPoint(440, 300), QPoint(640, 300), QPoint(640, 450),
                         QPoint(640, 300), QPoint(640, 150)})
            QTest::mouseMove(view.get(), p);
        QVERIFY2(model->mouseMissing().isEmpty(), qPrintable(model->mouseMissing().join(u' ')));
        QVERIFY(model->mouseResult().verdict == Etabli::HwTest::TestVerdict::Pass);
        checkScreenshot(*view, QStringLiteral("keyboard-done"), 4);

        click(*view, QStringLiteral("finish"));
        QCOMPARE(lastResult(QStringLiteral("keyboard")).value(QStringLiteral("verdict")).toString(),
                 QStringLiteral("PASS"));
        QCOMPARE(lastResult(QStringLiteral("mouse")).value(QStringLiteral("verdict")).toString(),
                 QStringLiteral("PASS"));
    }

    void screenSequenceWithMarkedDefect()
    {
        auto view = load(QStringLiteral("ScreenTest.qml"));
        QVERIFY(view);
        auto *model = view->rootObject()->property("model").value<ScreenTestModel *>();
        QVERIFY(model);
        QCOMPARE(model->monitorModel(), QStringLiteral("TEST-MONITOR 24"));
        QCOMPARE(model->patternName(), QStringLiteral("black"));

        // Touch a defect on the black pattern, undo a stray second touch.
        QTest::mouseClick(view.get(), Qt::LeftButton, {}, QPoint(320, 200));
        QTest::mouseClick(view.get(), Qt::LeftButton, {}, QPoint(100, 600));
        QCOMPARE(model->test().defects().size(), 2);
        checkScreenshot(*view, QStringLiteral("screen-black"), 3);
        click(*view, QStringLiteral("undo"));
        QCOMPARE(model->test().defects().size(), 1);
        QCOMPARE(model->test().defects().first().x, 0.25);
        QCOMPARE(model->test().defects().first().y, 0.25);

        QStringList shown{model->patternName()};
        Station::instance()->record({}); // forget the previous screen's result
        while (!model->finished()) {
            click(*view, QStringLiteral("next"));
            if (!model->finished())
                shown << model->patternName();
            if (model->patternName() == QLatin1String("grid") && !model->finished())
                checkScreenshot(*view, QStringLiteral("screen-grid"), 2);
        }
        QCOMPARE(shown,
                 (QStringList{QStringLiteral("black"), QStringLiteral("white"), QStringLiteral("red"),
                              QStringLiteral("green"), QStringLiteral("blue"), QStringLiteral("grey"),
                              QStringLiteral("grid")}));
        const QJsonObject screen = lastResult(QStringLiteral("screen"));
        QCOMPARE(screen.value(QStringLiteral("verdict")).toString(), QStringLiteral("FAIL"));
        const QJsonObject m = screen.value(QStringLiteral("measurements")).toObject();
        QCOMPARE(m.value(QStringLiteral("monitor_model")).toString(), QStringLiteral("TEST-MONITOR 24"));
        const QJsonArray defects = m.value(QStringLiteral("defects")).toArray();
        QCOMPARE(defects.size(), 1);
        QCOMPARE(defects[0].toObject().value(QStringLiteral("pattern")).toString(), QStringLiteral("black"));
        QCOMPARE(defects[0].toObject().value(QStringLiteral("x")).toDouble(), 0.25);
    }

    // With --asset and --db the verdict lands in the inventory, as with `etabli test --asset`.
    void screenResultRecordedOnAsset()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString db = dir.filePath(QStringLiteral("inventory.sqlite"));
        const Etabli::Inventory::Identity who{QStringLiteral("bench-1"), QStringLiteral("tester")};
        QString tag;
        {
            auto store = Etabli::Inventory::Store::open(db, who);
            QVERIFY(store.ok());
            Etabli::Inventory::NewAsset screen;
            screen.kind = Etabli::Inventory::AssetKind::Screen;
            auto asset = (*store)->addAsset(screen);
            QVERIFY2(asset.ok(), qPrintable(asset.ok() ? QString() : asset.error().message));
            tag = asset->tag;
        }
        Station::instance()->configure(QStringLiteral("screen"), QStringLiteral("DELL P2219H"), tag, db);
        auto view = load(QStringLiteral("ScreenTest.qml"));
        QVERIFY(view);
        auto *model = view->rootObject()->property("model").value<ScreenTestModel *>();
        QVERIFY(model);
        for (int i = 0; i < model->count() && !model->finished(); ++i)
            click(*view, QStringLiteral("next"));
        QVERIFY(model->finished());
        QVERIFY2(Station::instance()->errorString().isEmpty(), qPrintable(Station::instance()->errorString()));
        Station::instance()->configure(QString(), QStringLiteral("TEST-MONITOR 24"), QString(), QString());

        auto store = Etabli::Inventory::Store::open(db, who);
        QVERIFY(store.ok());
        QJsonObject payload;
        for (const Etabli::Inventory::Event &e : (*store)->eventsForAsset(tag)) {
            if (e.type == QLatin1String("test.recorded"))
                payload = e.payload;
        }
        QCOMPARE(payload.value(QStringLiteral("kind")).toString(), QStringLiteral("screen"));
        QCOMPARE(payload.value(QStringLiteral("verdict")).toString(), QStringLiteral("PASS"));
        QCOMPARE(
            payload.value(QStringLiteral("measurements")).toObject().value(QStringLiteral("monitor_model")).toString(),
            QStringLiteral("DELL P2219H"));
    }

    // The lost-result bug: a result the inventory refuses keeps Main.qml open with the
    // reason, nothing quits; once the cause is gone, "Try again" records it and closes.
    // An accepted result closes the window at once.
    void refusedResultStaysOnScreen_data()
    {
        QTest::addColumn<bool>("assetExists");
        QTest::newRow("unknown asset: refused, then retried") << false;
        QTest::newRow("known asset: accepted") << true;
    }

    void refusedResultStaysOnScreen()
    {
        QFETCH(bool, assetExists);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString db = dir.filePath(QStringLiteral("inventory.sqlite"));
        const QString tag = Etabli::Inventory::AssetTag::make(QStringLiteral("ETB"), 4242);
        const auto addAsset = [&] {
            auto store = Etabli::Inventory::Store::open(db, {QStringLiteral("intake"), QStringLiteral("tester")});
            QVERIFY(store.ok());
            Etabli::Inventory::NewAsset screen;
            screen.kind = Etabli::Inventory::AssetKind::Screen;
            screen.tag = tag;
            auto added = (*store)->addAsset(screen);
            QVERIFY2(added.ok(), qPrintable(added.ok() ? QString() : added.error().message));
        };
        if (assetExists)
            addAsset();

        Station *station = Station::instance();
        station->configure(QStringLiteral("screen"), QStringLiteral("DELL P2219H"), tag, db);
        QSignalSpy finished(station, &Station::finished);
        QSignalSpy failed(station, &Station::recordFailed);
        QSignalSpy quit(station, &Station::quitRequested);
        QQmlApplicationEngine engine;
        engine.addImportPath(QStringLiteral("qrc:/"));
        engine.load(QUrl(QStringLiteral("qrc:/Etabli/Station/Main.qml")));
        QCOMPARE(engine.rootObjects().size(), 1);
        auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().first());
        QVERIFY(window);
        QVERIFY(QTest::qWaitForWindowExposed(window));
        ScreenTestModel *model = screenModel(window->contentItem());
        QVERIFY(model);
        for (int i = 0; i < model->count() && !model->finished(); ++i)
            clickIn(*window, QStringLiteral("next"));
        QVERIFY(model->finished());
        QQuickItem *banner = findItem(window->contentItem(), QStringLiteral("recordError"));
        QVERIFY(banner);

        if (!assetExists) {
            QTRY_COMPARE(failed.count(), 1);
            QVERIFY(!station->busy());
            QVERIFY2(station->errorString().contains(tag), qPrintable(station->errorString()));
            QTest::qWait(50); // nothing closes it later either
            QCOMPARE(finished.count(), 0);
            QCOMPARE(quit.count(), 0);
            QVERIFY(window->isVisible());
            QVERIFY(banner->isVisible());
            QVERIFY(findItem(window->contentItem(), QStringLiteral("recordErrorText"))
                        ->property("text")
                        .toString()
                        .contains(station->errorString()));
            checkScreenshotOf(*window, QStringLiteral("record-refused"));
            QCOMPARE(testResultsOn(db, tag), 0);

            addAsset(); // the intake desk registers it meanwhile
            clickIn(*window, QStringLiteral("recordRetry"));
        }
        QTRY_COMPARE(finished.count(), 1);
        QVERIFY(station->errorString().isEmpty());
        QVERIFY(!banner->isVisible());
        QCOMPARE(failed.count(), assetExists ? 0 : 1);
        QCOMPARE(testResultsOn(db, tag), 1);
        // Recorded: the result page stays until the worker closes it (issue 12).
        QTest::qWait(50);
        QCOMPARE(quit.count(), 0);
        clickIn(*window, QStringLiteral("close"));
        QTRY_COMPARE(quit.count(), 1);
        station->configure(QString(), QStringLiteral("TEST-MONITOR 24"), QString(), QString());
    }

    void audioManualAnswers()
    {
        auto view = load(QStringLiteral("AudioTest.qml"));
        QVERIFY(view);
        auto *model = view->rootObject()->property("model").value<AudioTestModel *>();
        QVERIFY(model);
        Station::instance()->record({});

        click(*view, QStringLiteral("play-left"));
        if (QMediaDevices::audioOutputs().isEmpty()) {
            // CI has no sound card: the screen says so and the answers take over.
            QVERIFY(!model->playbackError().isEmpty());
            QVERIFY(model->playing().isEmpty());
        } else {
            QTRY_VERIFY(model->playing() == QLatin1String("left") || !model->playbackError().isEmpty());
        }
        QVERIFY(!model->canFinish());
        click(*view, QStringLiteral("finish")); // disabled until both sides are answered
        QVERIFY(lastResult(QStringLiteral("audio")).isEmpty());

        click(*view, QStringLiteral("heard-left"));
        // Issue 12: "Heard" counts only for a tone that was played. Without a
        // loudspeaker (CI) it is refused, and the worker answers "Nothing".
        const bool leftPlayed = model->leftPlayed();
        if (!leftPlayed) {
            QCOMPARE(model->leftAnswer(), -1);
            click(*view, QStringLiteral("silent-left"));
        }
        click(*view, QStringLiteral("play-right"));
        click(*view, QStringLiteral("silent-right"));
        QCOMPARE(model->leftAnswer(), leftPlayed ? 1 : 0);
        QCOMPARE(model->rightAnswer(), 0);
        QVERIFY(model->canFinish());
        checkScreenshot(*view, QStringLiteral("audio"), 4);

        click(*view, QStringLiteral("finish"));
        const QJsonObject audio = lastResult(QStringLiteral("audio"));
        QCOMPARE(audio.value(QStringLiteral("verdict")).toString(), QStringLiteral("FAIL"));
        QVERIFY(
            audio.value(QStringLiteral("rule"))
                .toString()
                .startsWith(leftPlayed ? QStringLiteral("audio.right-missing") : QStringLiteral("audio.left-missing")));
        const QJsonObject m = audio.value(QStringLiteral("measurements")).toObject();
        QCOMPARE(m.value(QStringLiteral("method")).toString(), QStringLiteral("listening"));
        QCOMPARE(m.value(QStringLiteral("heard_left")).toBool(), leftPlayed);
        QCOMPARE(m.value(QStringLiteral("heard_right")).toBool(), false);
    }

    // The loopback path (no microphone in CI): recorded PCM as the engine reads it.
    void loopbackPcm_data()
    {
        QTest::addColumn<QAudioFormat::SampleFormat>("sampleFormat");
        QTest::newRow("int16") << QAudioFormat::Int16;
        QTest::newRow("int32") << QAudioFormat::Int32;
        QTest::newRow("float") << QAudioFormat::Float;
    }

    void loopbackPcm()
    {
        QFETCH(QAudioFormat::SampleFormat, sampleFormat);
        QAudioFormat format;
        format.setSampleRate(48000);
        format.setChannelCount(2);
        format.setSampleFormat(sampleFormat);
        const Etabli::HwTest::AudioClip tone = Etabli::HwTest::makeStereoTone(48000, 1000, 1500, 1000);
        QByteArray pcm;
        for (qint64 i = 0; i < tone.frames(); ++i) {
            for (const auto &channel : tone.channels) {
                const float v = channel[size_t(i)];
                if (sampleFormat == QAudioFormat::Int16) {
                    const qint16 s = qint16(v * 32767);
                    pcm.append(reinterpret_cast<const char *>(&s), sizeof s);
                } else if (sampleFormat == QAudioFormat::Int32) {
                    const qint32 s = qint32(double(v) * 2147483647.0);
                    pcm.append(reinterpret_cast<const char *>(&s), sizeof s);
                } else {
                    pcm.append(reinterpret_cast<const char *>(&v), sizeof v);
                }
            }
        }
        const Etabli::HwTest::AudioClip clip = AudioTestModel::clipFromPcm(pcm, format);
        QCOMPARE(clip.sampleRate, 48000);
        QCOMPARE(clip.frames(), tone.frames());
        QVERIFY(Etabli::HwTest::evaluateLoopback(clip).verdict == Etabli::HwTest::TestVerdict::Pass);

        // The right channel lost: the engine says so.
        format.setChannelCount(1);
        QByteArray left;
        const int bytes = format.bytesPerSample();
        for (qsizetype i = 0; i < pcm.size(); i += 2 * bytes)
            left.append(pcm.mid(i, bytes));
        const Etabli::HwTest::AudioClip mono = AudioTestModel::clipFromPcm(left, format);
        QCOMPARE(mono.channels.size(), size_t(1));
    }

    // French is the workshop's language: the station's catalogue covers the QML screens.
    void audioInFrench()
    {
        QTranslator french;
        QVERIFY(french.load(QStringLiteral(":/i18n/etabli_fr.qm")));
        QCoreApplication::installTranslator(&french);
        auto view = load(QStringLiteral("AudioTest.qml"));
        QCoreApplication::removeTranslator(&french);
        QVERIFY(view);
        QQuickItem *finish = findItem(view->rootObject(), QStringLiteral("finish"));
        QVERIFY(finish);
        QCOMPARE(finish->property("text").toString(), QStringLiteral("Terminé"));
        QCOMPARE(findItem(view->rootObject(), QStringLiteral("play-left"))->property("text").toString(),
                 QStringLiteral("Son à gauche"));
        checkScreenshot(*view, QStringLiteral("audio-fr"), 4);
    }

    // --- issue 12, "found in today's screens" ----------------------------------------

    // « Entendu » counts only for a tone that was played; after « Aucun haut-parleur
    // trouvé » it is disabled, and only « Rien » can be answered.
    void audioHeardNeedsAPlayedTone()
    {
        auto view = load(QStringLiteral("AudioTest.qml"));
        QVERIFY(view);
        auto *model = view->rootObject()->property("model").value<AudioTestModel *>();
        QVERIFY(model);
        Station::instance()->record({});
        QQuickItem *heardLeft = findItem(view->rootObject(), QStringLiteral("heard-left"));
        QQuickItem *heardRight = findItem(view->rootObject(), QStringLiteral("heard-right"));
        QVERIFY(heardLeft && heardRight);

        // Nothing played yet: both "Heard" are disabled and refused by the model.
        QVERIFY(!heardLeft->isEnabled());
        QVERIFY(!model->answer(QStringLiteral("left"), true));
        click(*view, QStringLiteral("heard-left"));
        click(*view, QStringLiteral("heard-right"));
        QCOMPARE(model->leftAnswer(), -1);
        QCOMPARE(model->rightAnswer(), -1);
        QVERIFY(!model->canFinish());

        click(*view, QStringLiteral("play-left"));
        click(*view, QStringLiteral("play-right"));
        if (QMediaDevices::audioOutputs().isEmpty()) {
            QVERIFY(!model->playbackError().isEmpty());
            QVERIFY(!model->leftPlayed());
            QVERIFY(!model->rightPlayed());
        }
        QCOMPARE(heardLeft->isEnabled(), model->leftPlayed());
        QCOMPARE(heardRight->isEnabled(), model->rightPlayed());
        QCOMPARE(model->answer(QStringLiteral("right"), true), model->rightPlayed());
        QVERIFY(model->answer(QStringLiteral("left"), false));
        if (!model->rightPlayed())
            QVERIFY(model->answer(QStringLiteral("right"), false));
        QVERIFY(model->canFinish());

        // Both sides "Heard" without a played tone can never make a PASS.
        QSignalSpy quit(Station::instance(), &Station::quitRequested);
        click(*view, QStringLiteral("finish"));
        const QJsonObject audio = lastResult(QStringLiteral("audio"));
        QCOMPARE(audio.value(QStringLiteral("verdict")).toString(), QStringLiteral("FAIL"));
        QVERIFY(model->done());
        QVERIFY(findItem(view->rootObject(), QStringLiteral("result"))->isVisible());
        QCOMPARE(quit.count(), 0);
    }

    // « Terminé » at 11 of 105 keys records the FAIL and shows the result page; the
    // window stays until the worker closes it (here with Enter, as a switch would).
    void keyboardEndsOnResultPage()
    {
        auto view = load(QStringLiteral("KeyboardTest.qml"));
        QVERIFY(view);
        auto *model = view->rootObject()->property("model").value<KeyboardTestModel *>();
        QVERIFY(model);
        for (int i = 0; i < 11; ++i) {
            const int code = model->index(i).data(KeyboardTestModel::CodeRole).toInt();
            sendKey(*view, QEvent::KeyPress, code);
            sendKey(*view, QEvent::KeyRelease, code);
        }
        QCOMPARE(model->pressedCount(), 11);
        QQuickItem *result = findItem(view->rootObject(), QStringLiteral("result"));
        QVERIFY(result);
        QVERIFY(!result->isVisible());

        QSignalSpy quit(Station::instance(), &Station::quitRequested);
        click(*view, QStringLiteral("finish"));
        QCOMPARE(lastResult(QStringLiteral("keyboard")).value(QStringLiteral("verdict")).toString(),
                 QStringLiteral("FAIL"));
        QVERIFY(model->done());
        QVERIFY(result->isVisible());
        QCOMPARE(quit.count(), 0); // nothing closes by itself
        QCOMPARE(findItem(result, QStringLiteral("verdict"))->property("text").toString(),
                 QStringLiteral("Test failed"));
        QVERIFY2(model->detail().contains(QLatin1String("94")), qPrintable(model->detail()));
        QCOMPARE(findItem(result, QStringLiteral("detail"))->property("text").toString(), model->detail());
        QVERIFY(!findItem(result, QStringLiteral("next-step"))->property("text").toString().isEmpty());
        checkScreenshot(*view, QStringLiteral("keyboard-result"), 4);

        // The keys reach the page again: Enter on the focused Close button ends it.
        QTRY_VERIFY(findItem(result, QStringLiteral("close"))->hasActiveFocus());
        QTest::keyClick(view.get(), Qt::Key_Return);
        QCOMPARE(quit.count(), 1);
    }

    // The screen test ends on its result page too, closed by the worker.
    void screenEndsOnResultPage()
    {
        auto view = load(QStringLiteral("ScreenTest.qml"));
        QVERIFY(view);
        auto *model = view->rootObject()->property("model").value<ScreenTestModel *>();
        QVERIFY(model);
        QSignalSpy quit(Station::instance(), &Station::quitRequested);
        for (int i = 0; i < model->count() && !model->done(); ++i)
            click(*view, QStringLiteral("next"));
        QVERIFY(model->done());
        QCOMPARE(model->verdict(), QStringLiteral("PASS"));
        QQuickItem *result = findItem(view->rootObject(), QStringLiteral("result"));
        QVERIFY(result->isVisible());
        // A touch on the page marks nothing and closes nothing.
        QTest::mouseClick(view.get(), Qt::LeftButton, {}, QPoint(20, 20));
        QCOMPARE(model->test().defects().size(), 0);
        QCOMPARE(quit.count(), 0);
        click(*view, QStringLiteral("close"));
        QCOMPARE(quit.count(), 1);
    }

    // The buttons can leave the bottom-right corner, so a defect there is markable;
    // « Annuler » is now « Effacer la dernière marque »; the last colour says « Finir ».
    void screenCornerMarkableAndButtonWords()
    {
        QTranslator french;
        QVERIFY(french.load(QStringLiteral(":/i18n/etabli_fr.qm")));
        QCoreApplication::installTranslator(&french);
        auto view = load(QStringLiteral("ScreenTest.qml"));
        QVERIFY(view);
        auto *model = view->rootObject()->property("model").value<ScreenTestModel *>();
        QVERIFY(model);
        QQuickItem *controls = findItem(view->rootObject(), QStringLiteral("controls"));
        QVERIFY(controls);
        const QRectF before = controls->mapRectToScene(QRectF(0, 0, controls->width(), controls->height()));
        // A spot in the bottom-right corner that the buttons cover where they start.
        const QPoint corner = (before.bottomRight() - QPointF(4, 4)).toPoint();
        QVERIFY(corner.x() > view->width() * 0.95 && corner.y() > view->height() * 0.9);
        QVERIFY(before.contains(corner));

        click(*view, QStringLiteral("move"));
        const QRectF after = controls->mapRectToScene(QRectF(0, 0, controls->width(), controls->height()));
        QVERIFY(!after.contains(corner));
        QVERIFY(after.top() < view->height() / 2.0 && after.left() < view->width() / 2.0);
        QTest::mouseClick(view.get(), Qt::LeftButton, {}, corner);
        QCOMPARE(model->test().defects().size(), 1);
        QVERIFY(model->test().defects().first().x > 0.95);
        QVERIFY(model->test().defects().first().y > 0.9);
        // The very last pixel too.
        QTest::mouseClick(view.get(), Qt::LeftButton, {}, QPoint(view->width() - 1, view->height() - 1));
        QCOMPARE(model->test().defects().size(), 2);

        QQuickItem *undo = findItem(view->rootObject(), QStringLiteral("undo"));
        QQuickItem *next = findItem(view->rootObject(), QStringLiteral("next"));
        QCOMPARE(undo->property("text").toString(), QStringLiteral("Effacer la dernière marque"));
        QCOMPARE(next->property("text").toString(), QStringLiteral("Couleur suivante"));
        while (model->index() + 1 < model->count())
            click(*view, QStringLiteral("next"));
        QCOMPARE(next->property("text").toString(), QStringLiteral("Finir le test"));
        checkScreenshot(*view, QStringLiteral("screen-last-fr"), 2);
        QCoreApplication::removeTranslator(&french);
        click(*view, QStringLiteral("next"));
        QVERIFY(model->done());
    }

    // A wrong or unknown --asset is refused before any screen (and any display) opens.
    void assetCheckedFirst_data()
    {
        QTest::addColumn<QString>("asset");
        QTest::addColumn<bool>("dbExists");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("malformed tag") << QStringLiteral("NOPE") << true << 2;
        QTest::newRow("bad check character") << QString() << true << 2; // filled in below
        QTest::newRow("unknown asset") << QString() << true << 3;
        QTest::newRow("no inventory file") << QString() << false << 3;
    }

    void assetCheckedFirst()
    {
        QFETCH(QString, asset);
        QFETCH(bool, dbExists);
        QFETCH(int, exitCode);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString db = dir.filePath(QStringLiteral("inventory.sqlite"));
        QString known;
        if (dbExists) {
            auto store = Etabli::Inventory::Store::open(db, {QStringLiteral("bench-1"), QStringLiteral("tester")});
            QVERIFY(store.ok());
            Etabli::Inventory::NewAsset pc;
            pc.kind = Etabli::Inventory::AssetKind::Screen;
            auto a = (*store)->addAsset(pc);
            QVERIFY(a.ok());
            known = a->tag;
            auto b = (*store)->addAsset(pc);
            QVERIFY(b.ok());
        }
        const QString tag = QString::fromLatin1(QTest::currentDataTag());
        if (tag == QLatin1String("bad check character")) {
            asset = known;
            asset[asset.size() - 1] = asset.back() == u'A' ? u'B' : u'A';
        } else if (tag == QLatin1String("unknown asset")) {
            // A well-formed tag of this store's prefix that was never created.
            auto store = Etabli::Inventory::Store::open(db, {QStringLiteral("bench-1"), QStringLiteral("tester")});
            QVERIFY(store.ok());
            for (int n = 999999; n > 0 && asset.isEmpty(); --n) {
                const QString candidate = Etabli::Inventory::AssetTag::make((*store)->tagPrefix(), n);
                if (!(*store)->asset(candidate).ok())
                    asset = candidate;
            }
        } else if (asset.isEmpty()) {
            asset = Etabli::Inventory::AssetTag::make(QStringLiteral("ETB"), 123);
        }
        QVERIFY(!asset.isEmpty());
        QVERIFY(!Etabli::Station::checkAsset(asset, db).ok());
        if (dbExists)
            QCOMPARE(*Etabli::Station::checkAsset(known, db), known);

        QProcess p;
        p.setProcessEnvironment(headlessEnvironment(db));
        p.start(stationBinary(),
                {QStringLiteral("--test"), QStringLiteral("screen"), QStringLiteral("--asset"), asset,
                 QStringLiteral("--db"), db});
        QVERIFY(p.waitForFinished(20000));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), exitCode);
        QVERIFY(!p.readAllStandardError().trimmed().isEmpty());
        QCOMPARE(QFileInfo::exists(db), dbExists); // a missing inventory is not created
    }

    // --help without a display must not abort (it did with rc 134); French by default.
    void helpWithoutDisplay_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("expected");
        QTest::newRow("default is French under C.UTF-8")
            << QStringList{QStringLiteral("--help")} << QStringLiteral("Écrans de test d'Établi");
        QTest::newRow("--lang fr") << QStringList{QStringLiteral("--lang"), QStringLiteral("fr"),
                                                  QStringLiteral("--help")}
                                   << QStringLiteral("Affiche l'aide des options.");
        QTest::newRow("--lang en") << QStringList{QStringLiteral("--lang"), QStringLiteral("en"),
                                                  QStringLiteral("--help")}
                                   << QStringLiteral("Établi bench test screens");
        // bench: the kill test's --start-at modes are part of the documented interface (each
        // expectation within one line of the wrapped help).
        QTest::newRow("--start-at two-pcs fr")
            << QStringList{QStringLiteral("--help")} << QStringLiteral("two-pcs : deux PC ouverts");
        QTest::newRow("--start-at resume fr")
            << QStringList{QStringLiteral("--help")} << QStringLiteral("resume : les rouvrir");
        QTest::newRow("--start-at two-pcs resume en")
            << QStringList{QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("--help")}
            << QStringLiteral("two-pcs: two PCs open, for the kill test; resume: reopen");
    }

    void helpWithoutDisplay()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        QProcess p;
        p.setProcessEnvironment(headlessEnvironment(dir.filePath(QStringLiteral("none.sqlite"))));
        p.start(stationBinary(), args);
        QVERIFY(p.waitForFinished(20000));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 0);
        const QString out = QString::fromUtf8(p.readAllStandardOutput());
        QVERIFY2(out.contains(expected), qPrintable(out));
        QVERIFY(out.contains(QLatin1String("--panel-ppi")));
    }

    // Without a display the station said nothing and aborted in Qt (rc 134): now it says why
    // (in French, the workshop's language) and stops with 2; screenshots need no display and
    // are drawn offscreen.
    void noDisplaySaysSoAndScreenshotsDrawOffscreen()
    {
        QTemporaryDir dir;
        QProcess p;
        p.setProcessEnvironment(headlessEnvironment(dir.filePath(QStringLiteral("none.sqlite"))));
        p.start(stationBinary(), {QStringLiteral("--test"), QStringLiteral("keyboard")});
        QVERIFY(p.waitForFinished(20000));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 2);
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QVERIFY2(err.contains(QStringLiteral("pas d'écran pour ouvrir la station")), qPrintable(err));
        QVERIFY2(err.contains(QLatin1String("--screenshots")), qPrintable(err));

        const QString shots = dir.filePath(QStringLiteral("shots"));
        QProcess demo;
        QProcessEnvironment env = headlessEnvironment(dir.filePath(QStringLiteral("demo.sqlite")));
        env.insert(QStringLiteral("ETABLI_VOICE"), QStringLiteral("off"));
        // --demo without --db keeps its new folder (13 MB) for the user to read: in the
        // test's own folder, not in /tmp after every run.
        env.insert(QStringLiteral("TMPDIR"), dir.path());
        demo.setProcessEnvironment(env);
        demo.start(stationBinary(),
                   {QStringLiteral("--demo"), QStringLiteral("--screenshots"), shots, QStringLiteral("--size"),
                    QStringLiteral("1366x768")});
        QVERIFY(demo.waitForFinished(120000));
        QCOMPARE(demo.exitStatus(), QProcess::NormalExit);
        QVERIFY2(demo.exitCode() == 0, demo.readAllStandardError().constData());
        const QStringList pngs = QDir(shots).entryList({QStringLiteral("*.png")}, QDir::Files);
        QVERIFY2(pngs.size() >= 10, qPrintable(pngs.join(u' ')));
        QImage login(QDir(shots).filePath(pngs.first()));
        QCOMPARE(login.size(), QSize(1366, 768));
        const QStringList kept = QDir(dir.path()).entryList({QStringLiteral("etabli-bench-demo.*")}, QDir::Dirs);
        QCOMPARE(kept.size(), 1); // the demo's folder, where TMPDIR says
    }

    void defaultLanguageIsFrench()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("inventory.sqlite"));
        const QByteArray saved = qgetenv("ETABLI_LANG");
        qunsetenv("ETABLI_LANG");
        QCOMPARE(Etabli::Station::stationLanguage(QString(), db), QStringLiteral("fr"));
        QCOMPARE(Etabli::Station::stationLanguage(QStringLiteral("en"), db), QStringLiteral("en"));
        {
            auto store = Etabli::Inventory::Store::open(db, {QStringLiteral("bench-1"), QStringLiteral("tester")});
            QVERIFY(store.ok());
            QVERIFY((*store)->setSetting(QStringLiteral("station.lang"), QStringLiteral("en")).ok());
        }
        QCOMPARE(Etabli::Station::stationLanguage(QString(), db), QStringLiteral("en"));
        qputenv("ETABLI_LANG", "fr");
        QCOMPARE(Etabli::Station::stationLanguage(QString(), db), QStringLiteral("fr"));
        if (saved.isNull())
            qunsetenv("ETABLI_LANG");
        else
            qputenv("ETABLI_LANG", saved);
    }

    // Without a window manager the window must take the screen's size by itself.
    void windowTakesScreenSize()
    {
        Station::instance()->configure(QStringLiteral("audio"), QString(), QString(), QString());
        QQmlApplicationEngine engine;
        engine.addImportPath(QStringLiteral("qrc:/"));
        engine.load(QUrl(QStringLiteral("qrc:/Etabli/Station/Main.qml")));
        Station::instance()->configure(QString(), QStringLiteral("TEST-MONITOR 24"), QString(), QString());
        QCOMPARE(engine.rootObjects().size(), 1);
        auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().first());
        QVERIFY(window);
        QVERIFY(window->screen());
        QCOMPARE(window->size(), window->screen()->size());
    }

    // The About page, reachable from the screens, lists the font and the pictograms
    // with their licences.
    void aboutListsLicences()
    {
        Station::instance()->configure(QStringLiteral("audio"), QString(), QString(), QString());
        QQmlApplicationEngine engine;
        engine.addImportPath(QStringLiteral("qrc:/"));
        engine.load(QUrl(QStringLiteral("qrc:/Etabli/Station/Main.qml")));
        Station::instance()->configure(QString(), QStringLiteral("TEST-MONITOR 24"), QString(), QString());
        QCOMPARE(engine.rootObjects().size(), 1);
        auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().first());
        QVERIFY(window);
        QVERIFY(QTest::qWaitForWindowExposed(window));
        // The screen's "About" button (a BigButton) opens the page.
        QQuickItem *button = nullptr;
        QList<QQuickItem *> items;
        collectItems(window->contentItem(), items);
        QQuickItem *page = nullptr;
        for (QQuickItem *i : std::as_const(items)) {
            if (i->objectName() == QLatin1String("about"))
                (i->inherits("QQuickAbstractButton") ? button : page) = i;
        }
        QVERIFY(button && page);
        QVERIFY(!page->isVisible());
        QTest::mouseClick(window, Qt::LeftButton, {},
                          button->mapToScene(QPointF(button->width() / 2, button->height() / 2)).toPoint());
        QVERIFY(page->isVisible());
        QStringList texts;
        items.clear();
        collectItems(page, items);
        for (QQuickItem *i : std::as_const(items)) {
            if (i->inherits("QQuickText"))
                texts << i->property("text").toString();
        }
        const QString all = texts.join(u'\n');
        QVERIFY2(all.contains(QLatin1String("Atkinson Hyperlegible"))
                     && all.contains(QLatin1String("Open Font License")),
                 qPrintable(all));
        QVERIFY(all.contains(QLatin1String("OpenMoji")) && all.contains(QLatin1String("BY-SA 4.0")));
        const QImage shot = window->grabWindow();
        QVERIFY(shot.save(m_shots.filePath(QStringLiteral("about.png"))));
        QQuickItem *close = findItem(page, QStringLiteral("about-close"));
        QVERIFY(close);
        QTest::mouseClick(window, Qt::LeftButton, {},
                          close->mapToScene(QPointF(close->width() / 2, close->height() / 2)).toPoint());
        QVERIFY(!page->isVisible());
    }

    // Every key, tile, instruction and counter in the tree with a name and a role; the
    // « Entendu » / « Rien » buttons name their side; no hidden button; disabled is said.
    void accessibilityTree()
    {
        QAccessible::setActive(true);
        {
            auto view = load(QStringLiteral("KeyboardTest.qml"));
            QVERIFY(view);
            const QList<A11yNode> nodes = accessibleTree(view.get());
            int keys = 0, tiles = 0;
            for (const A11yNode &n : nodes) {
                if (n.name.startsWith(QLatin1String("Key ")) && n.role == QAccessible::StaticText)
                    ++keys;
                if (n.name.startsWith(QLatin1String("Mouse, ")) && n.role == QAccessible::StaticText)
                    ++tiles;
            }
            QCOMPARE(keys, 105);
            QCOMPARE(tiles, 9);
            QVERIFY(findNode(nodes, QStringLiteral("Press every key. Keys turn green.")));
            QVERIFY(findNode(nodes, QStringLiteral("0 of 105 keys")));
            QVERIFY(findNode(nodes, QStringLiteral("Key A: not pressed yet")));
            const A11yNode *finish = findNode(nodes, QStringLiteral("Finished"));
            QVERIFY(finish);
            QCOMPARE(finish->role, QAccessible::Button);
            QVERIFY(!findNode(nodes, QStringLiteral("Close"))); // the result page is not there yet
        }
        {
            auto view = load(QStringLiteral("AudioTest.qml"));
            QVERIFY(view);
            auto *model = view->rootObject()->property("model").value<AudioTestModel *>();
            const QList<A11yNode> nodes = accessibleTree(view.get());
            for (const char *name : {"I heard the left sound", "I heard nothing on the left", "I heard the right sound",
                                     "I heard nothing on the right", "Play the Left sound", "Play the Right sound"}) {
                const A11yNode *n = findNode(nodes, QLatin1String(name));
                QVERIFY2(n, name);
                QCOMPARE(n->role, QAccessible::Button);
            }
            QVERIFY(!findNode(nodes, QStringLiteral("Heard")));
            QVERIFY(findNode(nodes, QStringLiteral("I heard the left sound"))->disabled); // nothing played yet
            QVERIFY(findNode(nodes, QStringLiteral("Finished"))->disabled);
            QVERIFY(!findNode(nodes, QStringLiteral("I heard nothing on the left"))->disabled);
            if (!model->loopbackAvailable())
                QVERIFY(!findNode(nodes, QStringLiteral("Let the microphone listen")));
            QVERIFY(findNode(nodes, QStringLiteral("Play each sound. Did you hear it?")));
        }
        {
            auto view = load(QStringLiteral("ScreenTest.qml"));
            QVERIFY(view);
            const QList<A11yNode> nodes = accessibleTree(view.get());
            const A11yNode *undo = findNode(nodes, QStringLiteral("Remove the last mark"));
            QVERIFY(undo);
            QCOMPARE(undo->role, QAccessible::Button);
            QVERIFY(undo->disabled);
            QVERIFY(!findNode(nodes, QStringLiteral("Next colour"))->disabled);
            for (const A11yNode &n : nodes) {
                if (n.role == QAccessible::Button)
                    QVERIFY2(!n.name.isEmpty(), "a button without a name");
            }
        }
    }

    // Each screen says its instruction on arrival and again by « Écouter »; the result
    // page says the verdict and what to do next.
    void spokenInstructions_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("sentence");
        QTest::newRow("keyboard") << QStringLiteral("KeyboardTest.qml")
                                  << QStringLiteral("Press every key. Keys turn green.");
        QTest::newRow("audio") << QStringLiteral("AudioTest.qml")
                               << QStringLiteral("Play each sound. Did you hear it?");
        QTest::newRow("screen") << QStringLiteral("ScreenTest.qml")
                                << QStringLiteral("Touch any spot that looks wrong.  Colour 1 of 7");
    }

    void spokenInstructions()
    {
        QFETCH(QString, file);
        QFETCH(QString, sentence);
        m_voice.clear();
        auto view = load(file);
        QVERIFY(view);
        QTRY_COMPARE(m_voice.spoken(), QStringList{sentence});
        QQuickItem *listen = findItem(view->rootObject(), QStringLiteral("listen"));
        QVERIFY(listen && listen->isVisible());
        click(*view, QStringLiteral("listen"));
        QCOMPARE(m_voice.spoken(), (QStringList{sentence, sentence}));
        if (file == QLatin1String("KeyboardTest.qml")) {
            Station::instance()->record({});
            click(*view, QStringLiteral("finish"));
            QTRY_COMPARE(m_voice.last(), QStringLiteral("Test failed. Put the HS label on what does not work."));
        }
        if (file == QLatin1String("ScreenTest.qml")) {
            click(*view, QStringLiteral("next"));
            QTRY_COMPARE(m_voice.last(), QStringLiteral("Touch any spot that looks wrong.  Colour 2 of 7"));
        }
    }

    // Without a voice: no Listen button, nothing said, and the screen still works.
    void noVoiceScreensStillWork()
    {
        m_voice.clear();
        m_voice.setAvailable(false);
        auto restore = qScopeGuard([this] { m_voice.setAvailable(true); });
        auto view = load(QStringLiteral("ScreenTest.qml"));
        QVERIFY(view);
        QTest::qWait(50);
        QVERIFY(m_voice.spoken().isEmpty());
        QVERIFY(!findItem(view->rootObject(), QStringLiteral("listen"))->isVisible());
        auto *model = view->rootObject()->property("model").value<ScreenTestModel *>();
        click(*view, QStringLiteral("next"));
        QCOMPARE(model->index(), 1);
    }

    // A worker's preferences set at run time (at login), on a screen already shown: text
    // at 200 %, high contrast, voice off; the screen still passes every check.
    void preferencesAtRunTime()
    {
        auto *theme = Etabli::Ui::Theme::instance();
        auto restore = qScopeGuard([theme] {
            theme->setTextScale(1);
            theme->setHighContrast(false);
            Etabli::Ui::Speech::instance()->setEnabled(true);
        });
        auto view = load(QStringLiteral("KeyboardTest.qml"));
        QVERIFY(view);
        UICHECK_VERIFY(Etabli::Test::UiCheck::checkAtSize(*view, QSize(1366, 768)));
        QQuickItem *title = findItem(view->rootObject(), QStringLiteral("instruction"));
        const qreal before = title->property("font").value<QFont>().pixelSize();
        QVERIFY(findItem(view->rootObject(), QStringLiteral("listen"))->isVisible());

        theme->setTextScale(2);
        theme->setHighContrast(true);
        Etabli::Ui::Speech::instance()->setEnabled(false);
        QTRY_VERIFY(qAbs(title->property("font").value<QFont>().pixelSize() - 2 * before) <= 1); // whole pixels
        QVERIFY(!findItem(view->rootObject(), QStringLiteral("listen"))->isVisible());
        Etabli::Test::UiCheck::Options o;
        o.pngPath = m_shots.filePath(QStringLiteral("preferences-at-run-time.png"));
        UICHECK_VERIFY(Etabli::Test::UiCheck::checkAtSize(*view, QSize(1366, 768), o));
        QCOMPARE(view->rootObject()->property("color").value<QColor>(), theme->background());
    }

    // --- Etabli.Ui ----------------------------------------------------------------

    void themeContrast_data()
    {
        QTest::addColumn<bool>("highContrast");
        QTest::newRow("normal") << false;
        QTest::newRow("high contrast") << true;
    }

    void themeContrast()
    {
        QFETCH(bool, highContrast);
        auto *t = Etabli::Ui::Theme::instance();
        t->setHighContrast(highContrast);
        UICHECK_VERIFY(Etabli::Test::UiCheck::checkPalette(7, 3));
        t->setHighContrast(false);
    }

    void themeMillimetresFromConfiguredPpi()
    {
        auto *t = Etabli::Ui::Theme::instance();
        t->setPpi(254);
        QCOMPARE(t->mm(20), 200.0);
        QCOMPARE(t->mainTargetSize(), 200.0);
        QCOMPARE(t->targetSize(), 120.0);
        t->setTextScale(2);
        QCOMPARE(t->textSize(), 100.0); // 5 mm at 200 %
        t->setTextScale(1);
        t->setPpi(Etabli::Ui::Theme::DefaultPpi);
        QCOMPARE(t->toMm(t->mm(12)), 12.0);
        QVERIFY(!Etabli::Ui::Theme::loadFonts().isEmpty());
        QCOMPARE(t->fontFamily(), QStringLiteral("Atkinson Hyperlegible"));
    }

    // The big button: Tab focus, Space and Enter press it, a focus ring, a named button.
    void bigButtonKeyboard()
    {
        QQuickView view;
        view.engine()->addImportPath(QStringLiteral("qrc:/"));
        view.setResizeMode(QQuickView::SizeRootObjectToView);
        view.resize(800, 600);
        QQmlComponent c(view.engine());
        c.setData("import QtQuick\nimport Etabli.Ui\nItem { BigButton { objectName: 'b'; text: 'Go'; "
                  "pictogram: 'next'; accessibleName: 'Go on' } }",
                  QUrl(QStringLiteral("qrc:/inline.qml")));
        QObject *root = c.create();
        QVERIFY2(root, qPrintable(c.errorString()));
        view.setContent(QUrl(), &c, root);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QQuickItem *b = findItem(view.rootObject(), QStringLiteral("b"));
        QVERIFY(b);
        QSignalSpy clicked(b, SIGNAL(clicked()));
        QVERIFY(b->width() >= Etabli::Ui::Theme::instance()->targetSize());
        b->forceActiveFocus(Qt::TabFocusReason);
        QVERIFY(b->hasActiveFocus());
        QTest::keyClick(&view, Qt::Key_Space);
        QCOMPARE(clicked.count(), 1);
        QTest::keyClick(&view, Qt::Key_Return);
        QCOMPARE(clicked.count(), 2);
        QTest::keyClick(&view, Qt::Key_Enter);
        QCOMPARE(clicked.count(), 3);
        QAccessible::setActive(true);
        QAccessibleInterface *a = QAccessible::queryAccessibleInterface(b);
        QVERIFY(a);
        QCOMPARE(a->role(), QAccessible::Button);
        QCOMPARE(a->text(QAccessible::Name), QStringLiteral("Go on"));
        QVERIFY(a->state().focused);
    }

    // Hold-to-confirm: letting go before 2 s does nothing; 2 s held confirms once.
    void holdButtonNeedsTwoSeconds()
    {
        QQuickView view;
        view.engine()->addImportPath(QStringLiteral("qrc:/"));
        view.resize(800, 600);
        QQmlComponent c(view.engine());
        c.setData("import QtQuick\nimport Etabli.Ui\nItem { HoldButton { objectName: 'h'; text: 'Erase'; "
                  "holdMs: 2000 } }",
                  QUrl(QStringLiteral("qrc:/inline-hold.qml")));
        QObject *root = c.create();
        QVERIFY2(root, qPrintable(c.errorString()));
        view.setContent(QUrl(), &c, root);
        view.resize(800, 600);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QQuickItem *h = findItem(view.rootObject(), QStringLiteral("h"));
        QVERIFY(h);
        QSignalSpy confirmed(h, SIGNAL(confirmed()));
        QSignalSpy clicked(h, SIGNAL(clicked()));
        const QPoint centre = h->mapToScene(QPointF(h->width() / 2, h->height() / 2)).toPoint();

        QTest::mousePress(&view, Qt::LeftButton, {}, centre);
        QTest::qWait(600);
        QVERIFY(h->property("progress").toReal() > 0.1); // the bar fills while held
        QTest::mouseRelease(&view, Qt::LeftButton, {}, centre);
        QCOMPARE(h->property("progress").toReal(), 0.0);
        QTest::qWait(1700);
        QCOMPARE(confirmed.count(), 0);

        QElapsedTimer held;
        held.start();
        QTest::mousePress(&view, Qt::LeftButton, {}, centre);
        QTRY_COMPARE_WITH_TIMEOUT(confirmed.count(), 1, 4000);
        QVERIFY(held.elapsed() >= 1900);
        QTest::mouseRelease(&view, Qt::LeftButton, {}, centre);
        QCOMPARE(confirmed.count(), 1);

        // Space held as long works too (keyboard and switch access).
        h->forceActiveFocus();
        QTest::keyPress(&view, Qt::Key_Space);
        QTRY_COMPARE_WITH_TIMEOUT(confirmed.count(), 2, 4000);
        QTest::keyRelease(&view, Qt::Key_Space);
    }

    // Every screen at 1366x768 and 1920x1080, normal and high contrast, text at 100 %
    // and 200 %: saved as PNG, and no control under 12 mm (main actions 20 mm), no
    // elided text, nothing outside the window, buttons at least 3 mm apart.
    void screenshots_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QSize>("size");
        QTest::addColumn<bool>("highContrast");
        QTest::addColumn<qreal>("textScale");
        for (const char *file : {"KeyboardTest", "ScreenTest", "AudioTest"}) {
            for (const QSize size : {QSize(1366, 768), QSize(1920, 1080)}) {
                for (const bool hc : {false, true}) {
                    for (const qreal scale : {1.0, 2.0}) {
                        const QString name = QStringLiteral("%1-%2x%3-%4-text%5")
                                                 .arg(QLatin1String(file))
                                                 .arg(size.width())
                                                 .arg(size.height())
                                                 .arg(hc ? QStringLiteral("high-contrast") : QStringLiteral("normal"))
                                                 .arg(int(scale * 100));
                        QTest::newRow(qPrintable(name)) << QString::fromLatin1(file) << size << hc << scale;
                    }
                }
            }
        }
    }

    void screenshots()
    {
        QFETCH(QString, file);
        QFETCH(QSize, size);
        QFETCH(bool, highContrast);
        QFETCH(qreal, textScale);
        auto *theme = Etabli::Ui::Theme::instance();
        Etabli::Ui::Theme::loadFonts();
        theme->setHighContrast(highContrast);
        theme->setTextScale(textScale);
        auto cleanup = qScopeGuard([theme] {
            theme->setHighContrast(false);
            theme->setTextScale(1);
        });
        auto view = load(file + QStringLiteral(".qml"));
        QVERIFY(view);
        Etabli::Test::UiCheck::Options options;
        options.pngPath = m_shots.filePath(QString::fromLatin1(QTest::currentDataTag()) + QStringLiteral(".png"));
        UICHECK_VERIFY(Etabli::Test::UiCheck::checkAtSize(*view, size, options));
        qInfo("screenshot: %s", qPrintable(options.pngPath));
    }
};

QTEST_MAIN(TestStation)
#include "tst_station.moc"
