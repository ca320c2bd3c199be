// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "app/ui/theme.h"

#include "app/ui/accessiblebutton.h"

#include <QFontDatabase>
#include <QJSEngine>
#include <QQmlEngine>

#include <cmath>

namespace Etabli::Ui {

namespace {

/// One palette. The pairs the tests check: text/background, onX/X, and each control
/// fill (primary, pass, fail, warn, border, focusRing) against the background.
struct Palette {
    QColor background, text, surface, border, primary, primaryDown, onPrimary, pass, onPass, fail, onFail, warn, onWarn,
        disabled, onDisabled, focusRing, overlay, onOverlay, alertText;
};

const Palette &palette(bool highContrast)
{
    static const Palette normal{
        QColor(0xfa, 0xfa, 0xfa), QColor(0x1a, 0x1a, 0x1a), QColor(0xe6, 0xe6, 0xe6), QColor(0x5c, 0x5c, 0x5c),
        QColor(0x0b, 0x3d, 0x91), QColor(0x06, 0x25, 0x5c), QColor(0xff, 0xff, 0xff), QColor(0x1b, 0x5e, 0x20),
        QColor(0xff, 0xff, 0xff), QColor(0x9a, 0x00, 0x07), QColor(0xff, 0xff, 0xff), QColor(0xff, 0xc1, 0x07),
        QColor(0x1a, 0x1a, 0x1a), QColor(0xbd, 0xbd, 0xbd), QColor(0x1a, 0x1a, 0x1a), QColor(0xd8, 0x4a, 0x00),
        QColor(0x21, 0x21, 0x21), QColor(0xff, 0xff, 0xff), QColor(0x9a, 0x00, 0x07)};
    static const Palette high{
        QColor(0x00, 0x00, 0x00), QColor(0xff, 0xff, 0xff), QColor(0x33, 0x33, 0x33), QColor(0xff, 0xff, 0xff),
        QColor(0xff, 0xff, 0x00), QColor(0xff, 0xd0, 0x00), QColor(0x00, 0x00, 0x00), QColor(0x00, 0xe6, 0x76),
        QColor(0x00, 0x00, 0x00), QColor(0xff, 0x8a, 0x80), QColor(0x00, 0x00, 0x00), QColor(0xff, 0xd7, 0x40),
        QColor(0x00, 0x00, 0x00), QColor(0x4d, 0x4d, 0x4d), QColor(0xff, 0xff, 0xff), QColor(0x00, 0xe5, 0xff),
        QColor(0x00, 0x00, 0x00), QColor(0xff, 0xff, 0xff), QColor(0xff, 0x8a, 0x80)};
    return highContrast ? high : normal;
}

qreal luminance(const QColor &c)
{
    auto channel = [](qreal v) { return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

} // namespace

Theme::Theme(QObject *parent)
    : QObject(parent)
{}

Theme *Theme::instance()
{
    static Theme *t = new Theme; // lives as long as the process, like the QML engines using it
    return t;
}

Theme *Theme::create(QQmlEngine *, QJSEngine *)
{
    Theme *t = instance();
    QJSEngine::setObjectOwnership(t, QJSEngine::CppOwnership);
    // The first screen is being built: Qt Quick's accessibility factory exists by now.
    installAccessibleButtons();
    return t;
}

QString Theme::loadFonts()
{
    static const QString family = [] {
        QString name;
        for (const char *file : {"AtkinsonHyperlegible-Regular.ttf", "AtkinsonHyperlegible-Bold.ttf",
                                 "AtkinsonHyperlegible-Italic.ttf", "AtkinsonHyperlegible-BoldItalic.ttf"}) {
            const int id
                = QFontDatabase::addApplicationFont(QStringLiteral(":/Etabli/Ui/fonts/") + QLatin1String(file));
            if (id >= 0 && name.isEmpty())
                name = QFontDatabase::applicationFontFamilies(id).value(0);
        }
        return name;
    }();
    if (!family.isEmpty())
        instance()->setFontFamily(family);
    return family;
}

qreal Theme::contrastRatio(const QColor &a, const QColor &b)
{
    const qreal la = luminance(a), lb = luminance(b);
    return (qMax(la, lb) + 0.05) / (qMin(la, lb) + 0.05);
}

void Theme::setPpi(qreal ppi)
{
    if (ppi <= 0 || qFuzzyCompare(ppi, m_ppi))
        return;
    m_ppi = ppi;
    Q_EMIT changed();
}

void Theme::setHighContrast(bool on)
{
    if (on == m_highContrast)
        return;
    m_highContrast = on;
    Q_EMIT changed();
}

void Theme::setTextScale(qreal scale)
{
    scale = qBound<qreal>(0.5, scale, 3);
    if (qFuzzyCompare(scale, m_textScale))
        return;
    m_textScale = scale;
    Q_EMIT changed();
}

void Theme::setGuidance(int level)
{
    level = qBound(0, level, 2);
    if (level == m_guidance)
        return;
    m_guidance = level;
    Q_EMIT changed();
}

void Theme::setFontFamily(const QString &family)
{
    if (family == m_fontFamily)
        return;
    m_fontFamily = family;
    Q_EMIT changed();
}

QColor Theme::background() const
{
    return palette(m_highContrast).background;
}
QColor Theme::text() const
{
    return palette(m_highContrast).text;
}
QColor Theme::surface() const
{
    return palette(m_highContrast).surface;
}
QColor Theme::border() const
{
    return palette(m_highContrast).border;
}
QColor Theme::primary() const
{
    return palette(m_highContrast).primary;
}
QColor Theme::primaryDown() const
{
    return palette(m_highContrast).primaryDown;
}
QColor Theme::onPrimary() const
{
    return palette(m_highContrast).onPrimary;
}
QColor Theme::pass() const
{
    return palette(m_highContrast).pass;
}
QColor Theme::onPass() const
{
    return palette(m_highContrast).onPass;
}
QColor Theme::fail() const
{
    return palette(m_highContrast).fail;
}
QColor Theme::onFail() const
{
    return palette(m_highContrast).onFail;
}
QColor Theme::warn() const
{
    return palette(m_highContrast).warn;
}
QColor Theme::onWarn() const
{
    return palette(m_highContrast).onWarn;
}
QColor Theme::disabled() const
{
    return palette(m_highContrast).disabled;
}
QColor Theme::onDisabled() const
{
    return palette(m_highContrast).onDisabled;
}
QColor Theme::focusRing() const
{
    return palette(m_highContrast).focusRing;
}
QColor Theme::overlay() const
{
    return palette(m_highContrast).overlay;
}
QColor Theme::onOverlay() const
{
    return palette(m_highContrast).onOverlay;
}
QColor Theme::alertText() const
{
    return palette(m_highContrast).alertText;
}

} // namespace Etabli::Ui
