// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
//
// The screen checks library (tests/support/uicheck.h) finds each breach it promises on a
// small screen built for it, and passes a screen that keeps every rule.
#include "app/ui/theme.h"
#include "tests/support/uicheck.h"

#include <QQmlComponent>
#include <QQmlEngine>
#include <QQuickView>
#include <QTemporaryDir>
#include <QTest>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(Etabli_UiPlugin)

using namespace Etabli::Test;

class TestUiCheck : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { Etabli::Ui::Theme::loadFonts(); }

    void findsBreach_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("expected"); // a piece of one failure; empty: no failure
        const QByteArray good = "BigButton { x: 40; y: 40; text: 'Go'; pictogram: 'next'; main: true }\n"
                                "Text { x: 40; y: 300; text: 'Touch the button.'; color: Theme.text; "
                                "font.pixelSize: Theme.textSize }";
        QTest::newRow("good screen") << good << QString();
        QTest::newRow("small button") << QByteArray("BigButton { x: 40; y: 40; text: 'Go'; width: Theme.mm(8); "
                                                    "height: Theme.mm(8) }")
                                      << QStringLiteral("mm (at least 12 mm)");
        QTest::newRow("small main action") << QByteArray(
            "BigButton { x: 40; y: 40; text: 'Go'; main: true; width: Theme.mm(15); height: Theme.mm(15) }")
                                           << QStringLiteral("main action");
        QTest::newRow("buttons too close")
            << QByteArray("BigButton { objectName: 'one'; x: 40; y: 40; text: 'A' }\n"
                          "BigButton { objectName: 'two'; x: 40 + Theme.targetSize + Theme.mm(1); y: 40; text: 'B' }")
            << QStringLiteral("less than 3 mm from");
        QTest::newRow("elided text") << good
                + "\nText { x: 40; y: 400; width: 30; elide: Text.ElideRight; "
                  "text: 'A long sentence'; color: Theme.text }"
                                     << QStringLiteral("elided text");
        QTest::newRow("clipped text") << good
                + "\nItem { x: 40; y: 400; width: 40; height: 10; clip: true; "
                  "Text { text: 'A long sentence'; color: Theme.text; "
                  "font.pixelSize: Theme.textSize } }"
                                      << QStringLiteral("cut by a clipping item");
        QTest::newRow("pale text") << good
                + "\nText { x: 40; y: 400; text: 'Pale words'; color: '#777777'; "
                  "font.pixelSize: Theme.textSize }"
                                   << QStringLiteral("text contrast");
        QTest::newRow("faded text") << good
                + "\nText { x: 40; y: 400; text: 'Faded words'; color: Theme.text; "
                  "opacity: 0.3; font.pixelSize: Theme.textSize }"
                                    << QStringLiteral("text contrast");
        QTest::newRow("control without contrast") << good
                + "\nBigButton { x: 400; y: 40; text: 'Ghost'; tone: Theme.background; toneText: Theme.text; "
                  "background: Rectangle { color: Theme.background } }"
                                                  << QStringLiteral("control contrast");
        QTest::newRow("touch area without name") << good
                + "\nRectangle { x: 400; y: 300; width: Theme.mm(15); height: width; color: Theme.primary; "
                  "MouseArea { anchors.fill: parent } }"
                                                 << QStringLiteral("has no accessible name");
        QTest::newRow("named touch area") << good
                + "\nRectangle { x: 400; y: 300; width: Theme.mm(15); height: width; "
                  "color: Theme.primary; Accessible.role: Accessible.Button; "
                  "Accessible.name: 'Tile'; MouseArea { anchors.fill: parent } }"
                                          << QString();
        QTest::newRow("small touch area") << good
                + "\nRectangle { x: 400; y: 300; width: Theme.mm(5); height: width; "
                  "color: Theme.primary; Accessible.role: Accessible.Button; "
                  "Accessible.name: 'Tile'; TapHandler { } }"
                                          << QStringLiteral("Tile");
        QTest::newRow("button without name")
            << QByteArray("BigButton { x: 40; y: 40; pictogram: 'next' }") << QStringLiteral("has no accessible name");
        QTest::newRow("outside the window") << QByteArray("BigButton { x: parent.width - 20; y: 40; text: 'Go' }")
                                            << QStringLiteral("outside the window");
        QTest::newRow("no control") << QByteArray("Text { x: 40; y: 40; text: 'Hello'; color: Theme.text }")
                                    << QStringLiteral("no control");
    }

    void findsBreach()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString file = dir.filePath(QStringLiteral("Screen.qml"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("import QtQuick\nimport Etabli.Ui\nRectangle { color: Theme.background\n" + body + "\n}\n");
        f.close();
        for (const UiCheck::Variant &v :
             {UiCheck::Variant{{1366, 768}, false, 1}, UiCheck::Variant{{1366, 768}, true, 1}}) {
            const QStringList failures
                = UiCheck::checkScreen(QUrl::fromLocalFile(file), {}, v, dir.path(), QStringLiteral("screen"));
            QVERIFY(QFile::exists(dir.filePath(QStringLiteral("screen-") + v.tag() + QStringLiteral(".png"))));
            if (expected.isEmpty()) {
                UICHECK_VERIFY(failures);
            } else {
                bool found = false;
                for (const QString &failure : failures)
                    found = found || failure.contains(expected);
                QVERIFY2(found,
                         qPrintable(v.tag() + QStringLiteral(": no '") + expected + QStringLiteral("' in: ")
                                    + failures.join(QStringLiteral(" | "))));
            }
        }
    }

    void measuresAtConfiguredPpi()
    {
        // The same 12 mm button passes at 96 ppi; at 300 ppi its pixels are 8 mm... but the
        // Theme sizes it from the ppi, so a fixed 45 px button fails once the ppi grows.
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("Fixed.qml"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("import QtQuick\nimport Etabli.Ui\nRectangle { color: Theme.background\n"
                "BigButton { x: 40; y: 40; text: 'Go'; width: 46; height: 46; padding: 0 } }\n");
        f.close();
        auto *theme = Etabli::Ui::Theme::instance();
        theme->setPpi(96); // 46 px = 12.2 mm
        UICHECK_VERIFY(UiCheck::checkScreen(QUrl::fromLocalFile(file), {}, {}, QString(), QStringLiteral("fixed")));
        theme->setPpi(200); // 46 px = 5.8 mm
        const QStringList failures
            = UiCheck::checkScreen(QUrl::fromLocalFile(file), {}, {}, QString(), QStringLiteral("fixed"));
        theme->setPpi(Etabli::Ui::Theme::DefaultPpi);
        QVERIFY2(failures.join(u' ').contains(QLatin1String("5.8 x 5.8 mm")), qPrintable(failures.join(u' ')));
    }

    void standardVariantsAreEight()
    {
        const QList<UiCheck::Variant> v = UiCheck::standardVariants();
        QCOMPARE(v.size(), 8);
        QCOMPARE(v.first().tag(), QStringLiteral("1366x768-normal-text100"));
        QCOMPARE(v.last().tag(), QStringLiteral("1920x1080-high-contrast-text200"));
    }
};

QTEST_MAIN(TestUiCheck)
#include "tst_uicheck.moc"
