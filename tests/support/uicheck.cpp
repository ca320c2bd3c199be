// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "tests/support/uicheck.h"

#include "app/ui/theme.h"

#include <QAccessible>
#include <QColor>
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QHash>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickView>
#include <QQuickWindow>
#include <QSet>
#include <QTest>

namespace Etabli::Test::UiCheck {

using Etabli::Ui::Theme;

QString Variant::tag() const
{
    return QStringLiteral("%1x%2-%3-text%4")
        .arg(size.width())
        .arg(size.height())
        .arg(highContrast ? QStringLiteral("high-contrast") : QStringLiteral("normal"))
        .arg(qRound(textScale * 100));
}

QList<Variant> standardVariants()
{
    QList<Variant> out;
    for (const QSize size : {QSize(1366, 768), QSize(1920, 1080)}) {
        for (const bool hc : {false, true}) {
            for (const qreal scale : {1.0, 2.0})
                out.append({size, hc, scale});
        }
    }
    return out;
}

ThemeScope::ThemeScope(const Variant &variant)
    : m_highContrast(Theme::instance()->highContrast())
    , m_textScale(Theme::instance()->textScale())
{
    Theme::loadFonts();
    Theme::instance()->setHighContrast(variant.highContrast);
    Theme::instance()->setTextScale(variant.textScale);
}

ThemeScope::~ThemeScope()
{
    Theme::instance()->setHighContrast(m_highContrast);
    Theme::instance()->setTextScale(m_textScale);
}

qreal contrast(const QColor &a, const QColor &b)
{
    return Theme::contrastRatio(a, b);
}

QColor dominantColour(const QImage &image, const QRect &rect)
{
    const QRect r = rect.intersected(image.rect());
    QHash<QRgb, int> counts;
    QRgb best = 0;
    int bestCount = 0;
    for (int y = r.top(); y <= r.bottom(); ++y) {
        for (int x = r.left(); x <= r.right(); ++x) {
            const QRgb p = image.pixel(x, y) | 0xff000000u;
            const int n = ++counts[p];
            if (n > bestCount) {
                bestCount = n;
                best = p;
            }
        }
    }
    return bestCount ? QColor::fromRgb(best) : QColor();
}

namespace {

/// The most frequent colour of the ring between `inner` and `outer` (both in pixels).
QColor ringColour(const QImage &image, const QRect &outer, const QRect &inner)
{
    const QRect o = outer.intersected(image.rect());
    QHash<QRgb, int> counts;
    QRgb best = 0;
    int bestCount = 0;
    for (int y = o.top(); y <= o.bottom(); ++y) {
        for (int x = o.left(); x <= o.right(); ++x) {
            if (inner.contains(x, y))
                continue;
            const QRgb p = image.pixel(x, y) | 0xff000000u;
            const int n = ++counts[p];
            if (n > bestCount) {
                bestCount = n;
                best = p;
            }
        }
    }
    return bestCount ? QColor::fromRgb(best) : QColor();
}

void collectItems(QQuickItem *item, QList<QQuickItem *> &out)
{
    out.append(item);
    const QList<QQuickItem *> children = item->childItems();
    for (QQuickItem *child : children)
        collectItems(child, out);
}

bool shown(const QQuickItem *item)
{
    // isVisible() is the effective visibility (false under a hidden parent).
    if (!item->isVisible() || item->width() <= 0 || item->height() <= 0)
        return false;
    for (const QQuickItem *p = item; p; p = p->parentItem()) {
        if (p->opacity() <= 0)
            return false;
    }
    return true;
}

qreal effectiveOpacity(const QQuickItem *item)
{
    qreal o = 1;
    for (const QQuickItem *p = item; p; p = p->parentItem())
        o *= p->opacity();
    return o;
}

bool isButton(const QQuickItem *item)
{
    return item->inherits("QQuickAbstractButton");
}

/// A MouseArea, or an item carrying an enabled pointer handler (TapHandler, DragHandler...).
bool hasTouchHandler(const QQuickItem *item)
{
    if (item->inherits("QQuickMouseArea") || item->inherits("QQuickMultiPointTouchArea"))
        return item->isEnabled();
    const QObjectList children = item->children();
    for (const QObject *c : children) {
        if (c->inherits("QQuickPointerHandler") && c->property("enabled").toBool()
            && !c->inherits("QQuickHoverHandler"))
            return true;
    }
    return false;
}

struct Node {
    QAccessible::Role role;
    QString name;
};

void walkAccessible(QAccessibleInterface *node, QHash<const QObject *, Node> &out, int depth = 0)
{
    if (!node || depth > 60)
        return;
    if (const QObject *o = node->object())
        out.insert(o, {node->role(), node->text(QAccessible::Name)});
    for (int i = 0; i < node->childCount(); ++i)
        walkAccessible(node->child(i), out, depth + 1);
}

bool namedNode(const QHash<const QObject *, Node> &tree, const QObject *o)
{
    const auto it = tree.constFind(o);
    return it != tree.cend() && it->role != QAccessible::NoRole && !it->name.trimmed().isEmpty();
}

QString describe(const QQuickItem *item, const QHash<const QObject *, Node> &tree)
{
    QString what = item->objectName();
    if (what.isEmpty())
        what = item->property("text").toString();
    if (what.isEmpty())
        what = item->property("accessibleName").toString();
    if (what.isEmpty())
        what = tree.value(item).name;
    if (what.isEmpty() && item->parentItem())
        what = tree.value(item->parentItem()).name;
    if (what.isEmpty())
        what = QString::fromLatin1(item->metaObject()->className());
    return what;
}

QRect toPixels(const QRectF &r, qreal dpr)
{
    return QRectF(r.x() * dpr, r.y() * dpr, r.width() * dpr, r.height() * dpr).toAlignedRect();
}

QColor blend(const QColor &fg, const QColor &bg, qreal alpha)
{
    return QColor::fromRgbF(fg.redF() * alpha + bg.redF() * (1 - alpha),
                            fg.greenF() * alpha + bg.greenF() * (1 - alpha),
                            fg.blueF() * alpha + bg.blueF() * (1 - alpha));
}

} // namespace

std::unique_ptr<QQuickView> loadView(const QUrl &qml, const QVariantMap &properties, const QSize &size, QString *error)
{
    auto view = std::make_unique<QQuickView>();
    view->engine()->addImportPath(QStringLiteral("qrc:/"));
    view->setResizeMode(QQuickView::SizeRootObjectToView);
    view->resize(size);
    if (properties.isEmpty()) {
        view->setSource(qml);
    } else {
        view->setInitialProperties(properties);
        view->setSource(qml);
    }
    if (view->status() != QQuickView::Ready) {
        if (error) {
            QStringList e;
            for (const QQmlError &err : view->errors())
                e << err.toString();
            *error = e.join(QLatin1Char('\n'));
        }
        return nullptr;
    }
    view->show();
    if (!QTest::qWaitForWindowExposed(view.get())) {
        if (error)
            *error = QStringLiteral("the window was never exposed");
        return nullptr;
    }
    return view;
}

QStringList checkAtSize(QQuickWindow &window, const QSize &size, const Options &options)
{
    window.resize(size);
    QDeadlineTimer deadline(5000);
    while (window.contentItem()->size() != QSizeF(size) && !deadline.hasExpired())
        QTest::qWait(10);
    if (window.contentItem()->size() != QSizeF(size))
        return {QStringLiteral("the window never took the size %1x%2").arg(size.width()).arg(size.height())};
    QTest::qWait(50); // layouts and a frame
    return checkWindow(window, options);
}

QStringList checkPalette(qreal textContrast, qreal controlContrast)
{
    QStringList failures;
    const Theme *t = Theme::instance();
    const QList<std::pair<QColor, QColor>> text{{t->text(), t->background()},   {t->text(), t->surface()},
                                                {t->onPrimary(), t->primary()}, {t->onPrimary(), t->primaryDown()},
                                                {t->onPass(), t->pass()},       {t->onFail(), t->fail()},
                                                {t->onWarn(), t->warn()},       {t->onDisabled(), t->disabled()},
                                                {t->onOverlay(), t->overlay()}, {t->alertText(), t->background()}};
    for (const auto &[fg, bg] : text) {
        const qreal r = contrast(fg, bg);
        if (r < textContrast)
            failures << QStringLiteral("text %1 on %2: %3:1").arg(fg.name(), bg.name()).arg(r, 0, 'f', 2);
    }
    for (const QColor &control : {t->primary(), t->pass(), t->fail(), t->border(), t->focusRing()}) {
        const qreal r = contrast(control, t->background());
        if (r < controlContrast)
            failures << QStringLiteral("control %1: %2:1").arg(control.name()).arg(r, 0, 'f', 2);
    }
    return failures;
}

QStringList checkWindow(QQuickWindow &window, const Options &options)
{
    QStringList failures;
    const Theme *theme = Theme::instance();
    QAccessible::setActive(true);

    const QImage image = window.grabWindow();
    if (image.isNull())
        return {QStringLiteral("the window could not be grabbed")};
    const qreal dpr = image.devicePixelRatio() > 0 ? image.devicePixelRatio() : 1;
    {
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 3) {
            for (int x = 0; x < image.width(); x += 3)
                colours.insert(image.pixel(x, y));
        }
        if (colours.size() < options.minColours)
            failures << QStringLiteral("only %1 colours on screen").arg(colours.size());
    }
    if (!options.pngPath.isEmpty() && !image.save(options.pngPath))
        failures << QStringLiteral("could not save %1").arg(options.pngPath);

    QHash<const QObject *, Node> tree;
    walkAccessible(QAccessible::queryAccessibleInterface(&window), tree);

    QList<QQuickItem *> items;
    collectItems(window.contentItem(), items);
    const QRectF windowRect(QPointF(0, 0), window.contentItem()->size());
    struct Control {
        QRectF rect;
        QString name;
    };
    QList<Control> controls;
    const qreal gap = theme->mm(options.gapMm);

    for (QQuickItem *item : std::as_const(items)) {
        if (!shown(item))
            continue;
        const QRectF r = item->mapRectToScene(QRectF(0, 0, item->width(), item->height()));
        const bool button = isButton(item);
        const bool touch = !button && hasTouchHandler(item);
        if (button || touch) {
            const QString name = describe(item, tree);
            const bool main = button && item->property("main").toBool();
            const qreal minimum = main ? theme->mainTargetSize() : theme->targetSize();
            if (r.width() < minimum - 0.5 || r.height() < minimum - 0.5)
                failures << QStringLiteral("%1%2 is %3 x %4 mm (at least %5 mm)")
                                .arg(main ? QStringLiteral("main action ") : QString(), name)
                                .arg(theme->toMm(r.width()), 0, 'f', 1)
                                .arg(theme->toMm(r.height()), 0, 'f', 1)
                                .arg(theme->toMm(minimum), 0, 'f', 0);
            if (!windowRect.adjusted(-0.5, -0.5, 0.5, 0.5).contains(r))
                failures << name + QStringLiteral(" is outside the window");
            for (const Control &other : std::as_const(controls)) {
                if (r.contains(other.rect) || other.rect.contains(r))
                    continue;
                const QRectF grown = r.adjusted(-gap + 0.5, -gap + 0.5, gap - 0.5, gap - 0.5);
                if (grown.intersects(other.rect))
                    failures
                        << QStringLiteral("%1 is less than %2 mm from %3").arg(name).arg(options.gapMm).arg(other.name);
            }
            controls.append({r, name});
            // An accessible node with a name and a role: its own, or (a touch area in a named
            // element) its parent's.
            const bool named
                = namedNode(tree, item) || (touch && item->parentItem() && namedNode(tree, item->parentItem()));
            if (!named)
                failures << name + QStringLiteral(" has no accessible name and role");
            if (button && item->isEnabled()) {
                const QRect px = toPixels(r, dpr);
                const int g = qMax(2, qRound(2 * dpr));
                const int band = qMax(2, qRound(theme->borderWidth() * dpr));
                const QColor outside
                    = ringColour(image, px.adjusted(-g - 1, -g - 1, g + 1, g + 1), px.adjusted(-1, -1, 1, 1));
                const QRect inner = px.adjusted(band + 2, band + 2, -band - 2, -band - 2);
                const QColor fill = dominantColour(image, inner);
                const QColor edge = ringColour(image, px.adjusted(1, 1, -1, -1), px.adjusted(band, band, -band, -band));
                if (outside.isValid() && fill.isValid()) {
                    const qreal best = qMax(contrast(fill, outside), edge.isValid() ? contrast(edge, outside) : 0);
                    if (best < options.controlContrast)
                        failures << QStringLiteral("%1: control contrast %2:1 (%3 or %4 on %5), at least %6:1")
                                        .arg(name)
                                        .arg(best, 0, 'f', 2)
                                        .arg(fill.name(), edge.name(), outside.name())
                                        .arg(options.controlContrast);
                }
            }
        }
        if (item->inherits("QQuickText")) {
            const QString text = item->property("text").toString();
            if (text.trimmed().isEmpty())
                continue;
            if (item->property("truncated").toBool())
                failures << QStringLiteral("elided text: ") + text;
            if (item->property("fontSizeMode").toInt() != 0)
                continue;
            const qreal cw = item->property("contentWidth").toReal();
            const qreal ch = item->property("contentHeight").toReal();
            const QRectF drawn = item->mapRectToScene(QRectF(0, 0, cw, ch));
            if (item->clip() && (cw > item->width() + 1 || ch > item->height() + 1))
                failures << QStringLiteral("text cut by its own box: ") + text;
            if (!item->clip() && !windowRect.adjusted(-1, -1, 1, 1).contains(drawn))
                failures << QStringLiteral("text outside the window: ") + text;
            for (QQuickItem *p = item->parentItem(); p; p = p->parentItem()) {
                const QRectF pr = p->mapRectToScene(QRectF(0, 0, p->width(), p->height()));
                if (p->clip() && !pr.adjusted(-1, -1, 1, 1).contains(drawn)) {
                    failures << QStringLiteral("text cut by a clipping item: ") + text;
                    break;
                }
                if (isButton(p)) {
                    if (!pr.adjusted(-1, -1, 1, 1).contains(drawn))
                        failures << QStringLiteral("text outside its button: ") + text;
                    break;
                }
            }
            // Contrast: the text's colour (with its opacity) against the most frequent
            // colour of the pixels under its box.
            const QColor colour = item->property("color").value<QColor>();
            if (colour.alpha() == 0)
                continue;
            const QRect box = toPixels(r, dpr);
            const QColor behind = dominantColour(image, box);
            if (!behind.isValid())
                continue;
            const QColor fg = blend(colour, behind, colour.alphaF() * effectiveOpacity(item));
            const qreal ratio = contrast(fg, behind);
            if (ratio < options.textContrast)
                failures << QStringLiteral("text contrast %1:1 (%2 on %3), at least %4:1: %5")
                                .arg(ratio, 0, 'f', 2)
                                .arg(fg.name(), behind.name())
                                .arg(options.textContrast)
                                .arg(text);
        }
    }
    if (options.requireControls && controls.isEmpty())
        failures << QStringLiteral("no control on screen");
    failures.removeDuplicates();
    return failures;
}

QStringList checkScreen(const QUrl &qml, const QVariantMap &properties, const Variant &variant, const QString &dir,
                        const QString &prefix, const Options &options)
{
    ThemeScope scope(variant);
    QString error;
    auto view = loadView(qml, properties, variant.size, &error);
    if (!view)
        return {prefix + QStringLiteral(": ") + error};
    Options o = options;
    if (!dir.isEmpty())
        o.pngPath = dir + QLatin1Char('/') + prefix + QLatin1Char('-') + variant.tag() + QStringLiteral(".png");
    QStringList failures = checkAtSize(*view, variant.size, o);
    for (QString &f : failures)
        f.prepend(prefix + QStringLiteral(" ") + variant.tag() + QStringLiteral(": "));
    return failures;
}

} // namespace Etabli::Test::UiCheck
