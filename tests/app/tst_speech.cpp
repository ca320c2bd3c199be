// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
//
// Spoken hints (app/ui/speech.h): a page's sentence is said on arrival and by « Écouter »,
// in order, through the installed Speaker; the worker's voice-off is honoured; without a
// voice nothing is said, the Listen button hides and the screen still works.
#include "app/ui/speech.h"
#include "app/ui/theme.h"
#include "tests/support/recordingspeaker.h"

#include <QQmlComponent>
#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickView>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTest>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(Etabli_UiPlugin)

using Etabli::Ui::Speech;

namespace {

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

const char *const Page = "import QtQuick\nimport Etabli.Ui\nRectangle {\n"
                         "  color: Theme.background\n  property alias page2: second.visible\n"
                         "  Item { objectName: 'first'; anchors.fill: parent\n"
                         "    SpokenHint { text: 'Plug the mouse in.' }\n"
                         "    ListenButton { objectName: 'listen'; x: 20; y: 20; speech: 'Plug the mouse in.' }\n"
                         "    BigButton { objectName: 'go'; x: 300; y: 20; text: 'Go' } }\n"
                         "  Item { id: second; objectName: 'second'; visible: false; anchors.fill: parent\n"
                         "    SpokenHint { text: 'Put the PC on the shelf.' } }\n"
                         "}\n";

} // namespace

class TestSpeech : public QObject
{
    Q_OBJECT

    std::unique_ptr<QQuickView> show()
    {
        auto view = std::make_unique<QQuickView>();
        view->engine()->addImportPath(QStringLiteral("qrc:/"));
        view->resize(800, 600);
        QQmlComponent c(view->engine());
        c.setData(Page, QUrl(QStringLiteral("qrc:/speech-page.qml")));
        QObject *root = c.create();
        if (!root) {
            qWarning() << c.errorString();
            return nullptr;
        }
        view->setContent(QUrl(), &c, root);
        view->resize(800, 600);
        view->show();
        if (!QTest::qWaitForWindowExposed(view.get()))
            return nullptr;
        return view;
    }

    static void click(QQuickView &view, QQuickItem *item)
    {
        QTest::mouseClick(&view, Qt::LeftButton, {},
                          item->mapToScene(QPointF(item->width() / 2, item->height() / 2)).toPoint());
    }

private Q_SLOTS:
    void initTestCase() { Etabli::Ui::Theme::loadFonts(); }

    void cleanup()
    {
        Speech::instance()->setSpeaker(nullptr);
        Speech::instance()->setEnabled(true);
        Speech::instance()->setLanguage(QStringLiteral("fr"));
    }

    void spokenOnArrivalAndOnListen()
    {
        Etabli::Test::RecordingSpeaker fake;
        Speech::instance()->setSpeaker(&fake);
        auto view = show();
        QVERIFY(view);
        QTRY_COMPARE(fake.spoken(), QStringList{QStringLiteral("Plug the mouse in.")});
        QQuickItem *listen = findItem(view->rootObject(), QStringLiteral("listen"));
        QVERIFY(listen && listen->isVisible());
        QCOMPARE(listen->property("text").toString(), QStringLiteral("Listen"));
        click(*view, listen);
        QCOMPARE(fake.spoken().size(), 2);
        QCOMPARE(fake.last(), QStringLiteral("Plug the mouse in."));

        // The next page arrives: its own sentence, once.
        view->rootObject()->setProperty("page2", true);
        QTRY_COMPARE(fake.spoken().size(), 3);
        QCOMPARE(fake.last(), QStringLiteral("Put the PC on the shelf."));
        QTest::qWait(50);
        QCOMPARE(fake.spoken().size(), 3);
        QCOMPARE(Speech::instance()->lastText(), QStringLiteral("Put the PC on the shelf."));
    }

    void voiceOffSaysNothing()
    {
        Etabli::Test::RecordingSpeaker fake;
        Speech::instance()->setSpeaker(&fake);
        Speech::instance()->setEnabled(false); // the worker's preference, set at login
        auto view = show();
        QVERIFY(view);
        QTest::qWait(50);
        QVERIFY(fake.spoken().isEmpty());
        QVERIFY(!findItem(view->rootObject(), QStringLiteral("listen"))->isVisible());
        // Turned on again at run time: the Listen button comes back and speaks.
        Speech::instance()->setEnabled(true);
        QQuickItem *listen = findItem(view->rootObject(), QStringLiteral("listen"));
        QVERIFY(listen->isVisible());
        click(*view, listen);
        QCOMPARE(fake.spoken(), QStringList{QStringLiteral("Plug the mouse in.")});
    }

    void noVoiceNoCrash()
    {
        Etabli::Test::RecordingSpeaker fake;
        fake.setAvailable(false); // no engine, no voice
        Speech::instance()->setSpeaker(&fake);
        QVERIFY(!Speech::instance()->available());
        auto view = show();
        QVERIFY(view);
        QTest::qWait(50);
        QVERIFY(fake.spoken().isEmpty());
        QVERIFY(!findItem(view->rootObject(), QStringLiteral("listen"))->isVisible());
        // The rest of the screen still works.
        QQuickItem *go = findItem(view->rootObject(), QStringLiteral("go"));
        QSignalSpy clicked(go, SIGNAL(clicked()));
        click(*view, go);
        QCOMPARE(clicked.count(), 1);
    }

    // The default speaker with ETABLI_VOICE=off: silent, not available, never crashes.
    void silentDefault()
    {
        qputenv("ETABLI_VOICE", "off");
        Etabli::Ui::SilentSpeaker silent;
        Speech::instance()->setSpeaker(&silent);
        QVERIFY(!Speech::instance()->available());
        Speech::instance()->say(QStringLiteral("Nothing"));
        Speech::instance()->stop();
        QCOMPARE(Speech::instance()->lastText(), QStringLiteral("Nothing"));
    }

    // Qt TextToSpeech itself: asking and saying never crashes, whatever is installed.
    void textToSpeechBackendIsSafe()
    {
        Etabli::Ui::TextToSpeechSpeaker tts;
        const bool before = tts.available();
        tts.setLanguage(QLocale(QLocale::French, QLocale::France));
        tts.stop();
        qInfo("Qt TextToSpeech engines present: %s", before ? "yes" : "no");
        QVERIFY(before || !tts.available());
    }

    // Full guidance (a worker's preference): the hint's detail is said after its sentence.
    void fullGuidanceSaysTheDetail()
    {
        Etabli::Test::RecordingSpeaker fake;
        Speech::instance()->setSpeaker(&fake);
        auto *theme = Etabli::Ui::Theme::instance();
        theme->setGuidance(2);
        auto restore = qScopeGuard([theme] { theme->setGuidance(1); });
        QQmlEngine engine;
        engine.addImportPath(QStringLiteral("qrc:/"));
        QQmlComponent c(&engine);
        c.setData("import QtQuick\nimport Etabli.Ui\nItem { SpokenHint { text: 'Open the PC.'; "
                  "detail: 'Use the blue screwdriver.' } }",
                  QUrl(QStringLiteral("qrc:/guidance.qml")));
        std::unique_ptr<QObject> root(c.create());
        QVERIFY2(root, qPrintable(c.errorString()));
        QTRY_COMPARE(fake.spoken(), QStringList{QStringLiteral("Open the PC. Use the blue screwdriver.")});
    }

    void languageReachesTheSpeaker()
    {
        Etabli::Test::RecordingSpeaker fake;
        Speech::instance()->setSpeaker(&fake);
        QCOMPARE(fake.language().language(), QLocale::French);
        Speech::instance()->setLanguage(QStringLiteral("en"));
        QCOMPARE(fake.language().language(), QLocale::English);
    }
};

QTEST_MAIN(TestSpeech)
#include "tst_speech.moc"
