// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
//
// FrozenDriveFix (Etabli.Ui, issue 15): the two fixes of a FROZEN disk as pictures, drawn
// offscreen in French at bench sizes, normal and high contrast, text at 100 % and 200 %.
// Measured on what was drawn: pictures at least 30 mm, text at least 5 mm and not elided,
// everything inside the window, text against its card at least 7:1 in the pixels, the
// two cards side by side on a landscape panel and stacked on a portrait one.
#include "app/ui/theme.h"

#include <QDir>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickView>
#include <QScopeGuard>
#include <QTest>
#include <QTranslator>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(Etabli_UiPlugin)

using Etabli::Ui::Theme;

namespace {

void collectItems(QQuickItem *item, QList<QQuickItem *> &out)
{
    out.append(item);
    const QList<QQuickItem *> children = item->childItems();
    for (QQuickItem *child : children)
        collectItems(child, out);
}

QQuickItem *findItem(QQuickItem *item, const QString &name)
{
    QList<QQuickItem *> all;
    collectItems(item, all);
    for (QQuickItem *i : std::as_const(all))
        if (i->objectName() == name)
            return i;
    return nullptr;
}

bool shown(const QQuickItem *item)
{
    for (const QQuickItem *p = item; p; p = p->parentItem())
        if (!p->isVisible() || p->opacity() <= 0)
            return false;
    return item->width() > 0 && item->height() > 0;
}

QRectF sceneRect(const QQuickItem *item)
{
    return item->mapRectToScene(QRectF(0, 0, item->width(), item->height()));
}

/// The darkest and lightest pixels of `area`: how far apart the text and its ground are.
qreal measuredContrast(const QImage &image, const QRect &area)
{
    QColor darkest(Qt::white), lightest(Qt::black);
    const QRect r = area.intersected(image.rect());
    for (int y = r.top(); y <= r.bottom(); ++y)
        for (int x = r.left(); x <= r.right(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (c.lightnessF() < darkest.lightnessF())
                darkest = c;
            if (c.lightnessF() > lightest.lightnessF())
                lightest = c;
        }
    return Theme::contrastRatio(darkest, lightest);
}

} // namespace

class TstFrozenFix : public QObject
{
    Q_OBJECT

    QDir m_shots;
    QTranslator m_french;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(!Theme::loadFonts().isEmpty());
        QVERIFY(m_french.load(QStringLiteral(":/i18n/etabli_fr.qm")));
        QVERIFY(QCoreApplication::installTranslator(&m_french));
        m_shots.setPath(QDir::temp().filePath(QStringLiteral("tst_frozenfix")));
        QVERIFY(m_shots.mkpath(QStringLiteral(".")));
    }

    void screenshots_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::addColumn<bool>("highContrast");
        QTest::addColumn<qreal>("textScale");
        QTest::addColumn<bool>("sideBySide");
        for (const QSize size : {QSize(1366, 768), QSize(1920, 1080), QSize(800, 1280)})
            for (const bool hc : {false, true})
                for (const qreal scale : {1.0, 2.0}) {
                    // 200 % text on 1366x768 does not fit one page: the erase step scrolls it.
                    if (scale > 1 && size.height() < 1000)
                        continue;
                    const QString name = QStringLiteral("frozenfix-%1x%2-%3-text%4")
                                             .arg(size.width())
                                             .arg(size.height())
                                             .arg(hc ? QStringLiteral("high-contrast") : QStringLiteral("normal"))
                                             .arg(int(scale * 100));
                    QTest::newRow(qPrintable(name)) << size << hc << scale << (size.width() > size.height());
                }
    }

    void screenshots()
    {
        QFETCH(QSize, size);
        QFETCH(bool, highContrast);
        QFETCH(qreal, textScale);
        QFETCH(bool, sideBySide);
        Theme *theme = Theme::instance();
        theme->setHighContrast(highContrast);
        theme->setTextScale(textScale);
        auto reset = qScopeGuard([theme] {
            theme->setHighContrast(false);
            theme->setTextScale(1);
        });

        QQuickView view;
        view.engine()->addImportPath(QStringLiteral("qrc:/"));
        view.setResizeMode(QQuickView::SizeRootObjectToView);
        view.resize(size);
        QQmlComponent c(view.engine());
        c.setData("import QtQuick\nimport Etabli.Ui\n"
                  "Rectangle { color: Theme.background\n"
                  "  FrozenDriveFix { objectName: 'fix'; anchors.centerIn: parent; width: parent.width - 2 * "
                  "Theme.spacingLarge } }",
                  QUrl(QStringLiteral("qrc:/inline-frozenfix.qml")));
        QObject *root = c.create();
        QVERIFY2(root, qPrintable(c.errorString()));
        view.setContent(QUrl(), &c, root);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QTRY_COMPARE(view.rootObject()->size(), QSizeF(size));
        QTest::qWait(50);
        const QImage shot = view.grabWindow();
        QVERIFY(!shot.isNull());
        const QString file = m_shots.filePath(QString::fromLatin1(QTest::currentDataTag()) + QStringLiteral(".png"));
        QVERIFY(shot.save(file));
        qInfo("screenshot: %s", qPrintable(file));
        const qreal ratio = shot.devicePixelRatio();
        const QRectF window(QPointF(0, 0), QSizeF(size));

        // French, as the workshop reads it.
        QQuickItem *fix = findItem(view.rootObject(), QStringLiteral("fix"));
        QVERIFY(fix);
        QCOMPARE(findItem(fix, QStringLiteral("heading"))->property("text").toString(),
                 QStringLiteral("Le disque est bloqué. Fais une de ces deux choses :"));
        QQuickItem *power = findItem(fix, QStringLiteral("fix-power"));
        QQuickItem *sleep = findItem(fix, QStringLiteral("fix-sleep"));
        QVERIFY(power && sleep);
        QCOMPARE(findItem(power, QStringLiteral("sentence"))->property("text").toString(),
                 QStringLiteral("Laisse le PC allumé, débranche le câble d'alimentation du disque, puis "
                                "rebranche-le."));
        QCOMPARE(findItem(sleep, QStringLiteral("sentence"))->property("text").toString(),
                 QStringLiteral("Mets le PC en veille, puis réveille-le."));
        QCOMPARE(findItem(fix, QStringLiteral("or"))->property("text").toString(), QStringLiteral("ou"));

        // Side by side on a landscape panel, one above the other on a portrait one.
        const QRectF p = sceneRect(power), s = sceneRect(sleep);
        if (sideBySide) {
            QCOMPARE(p.top(), s.top());
            QVERIFY(s.left() > p.right());
        } else {
            QVERIFY(s.top() > p.bottom());
        }

        // Big pictures, each on its white disc, inside the window.
        int pictures = 0;
        QList<QQuickItem *> items;
        collectItems(fix, items);
        for (QQuickItem *item : std::as_const(items)) {
            if (!shown(item))
                continue;
            const QRectF r = sceneRect(item);
            if (item->objectName().startsWith(QLatin1String("picture-"))) {
                ++pictures;
                QVERIFY2(theme->toMm(r.width()) >= 30 - 0.01 && theme->toMm(r.height()) >= 30 - 0.01,
                         qPrintable(QStringLiteral("%1 is %2 mm").arg(item->objectName()).arg(theme->toMm(r.width()))));
                QVERIFY2(window.contains(r), qPrintable(item->objectName() + QStringLiteral(" is outside")));
                // The pictogram was drawn: its disc holds more than the white backdrop.
                const QImage disc = shot.copy(QRectF(r.topLeft() * ratio, r.size() * ratio).toRect());
                QSet<QRgb> colours;
                for (int y = 0; y < disc.height(); y += 2)
                    for (int x = 0; x < disc.width(); x += 2)
                        colours.insert(disc.pixel(x, y));
                QVERIFY2(colours.size() >= 8, qPrintable(item->objectName() + QStringLiteral(" is blank")));
            }
            if (item->inherits("QQuickText") && !item->property("text").toString().isEmpty()) {
                const QString text = item->property("text").toString();
                QVERIFY2(!item->property("truncated").toBool(), qPrintable(QStringLiteral("elided: ") + text));
                // Font pixel sizes are whole pixels: 5 mm within one pixel.
                QVERIFY2(theme->toMm(item->property("font").value<QFont>().pixelSize() + 1) >= 5,
                         qPrintable(QStringLiteral("small text: ") + text));
                const QRectF drawn = item->mapRectToScene(
                    QRectF(0, 0, item->property("contentWidth").toReal(), item->property("contentHeight").toReal()));
                QVERIFY2(window.adjusted(-1, -1, 1, 1).contains(drawn),
                         qPrintable(QStringLiteral("outside the window: ") + text));
                // Measured over the whole item: a centred line is drawn anywhere in it.
                const qreal contrast = measuredContrast(shot, QRectF(r.topLeft() * ratio, r.size() * ratio).toRect());
                QVERIFY2(contrast >= 7,
                         qPrintable(QStringLiteral("%1: %2:1 in the pixels").arg(text).arg(contrast, 0, 'f', 1)));
            }
        }
        QCOMPARE(pictures, 5);
        // The cards do not run into each other or off the page; side by side, equally tall.
        QVERIFY(!p.intersects(s));
        if (sideBySide)
            QCOMPARE(p.height(), s.height());
        QVERIFY(window.contains(p) && window.contains(s));
    }
};

QTEST_MAIN(TstFrozenFix)
#include "tst_frozenfix.moc"
