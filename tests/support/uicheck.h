// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

#include <QImage>
#include <QList>
#include <QMetaType>
#include <QSize>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <QVariantMap>

#include <memory>

class QQuickItem;
class QQuickView;
class QQuickWindow;

/// The screen checks every station screen test runs (issue 12, "Accessibility, measured on
/// every screen"): render a Qt Quick screen offscreen at a size, a theme and a text scale,
/// save a PNG and list what breaks the rules. Sizes are measured in millimetres at the
/// Theme's configured ppi (never QScreen's). Tests only: linked as `Etabli::UiCheck`.
/// See tests/support/README.md for how to use it.
namespace Etabli::Test::UiCheck {

/// One way of showing a screen: the window size, the palette and the text scale.
struct Variant {
    QSize size{1366, 768};
    bool highContrast = false;
    qreal textScale = 1;
    /// "1366x768-normal-text100": the data tag and the PNG's base name.
    QString tag() const;
};

/// The eight variants issue 12 asks for: 1366x768 and 1920x1080, normal and high contrast,
/// text at 100 % and 200 %.
QList<Variant> standardVariants();

struct Options {
    /// Where to save the screenshot (empty: not saved).
    QString pngPath;
    /// The screen must show at least this many distinct colours (2: not blank).
    int minColours = 2;
    /// The screen must hold at least one control (a button or a touch area).
    bool requireControls = true;
    /// Minimum distance between two controls, in mm.
    qreal gapMm = 3;
    qreal textContrast = 7;
    qreal controlContrast = 3;
};

/// Sets the Theme's palette and text scale for one check and puts them back afterwards.
class ThemeScope
{
public:
    explicit ThemeScope(const Variant &variant);
    ~ThemeScope();
    ThemeScope(const ThemeScope &) = delete;
    ThemeScope &operator=(const ThemeScope &) = delete;

private:
    bool m_highContrast;
    qreal m_textScale;
};

/// Loads `qml` (e.g. "qrc:/Etabli/Station/KeyboardTest.qml") in a QQuickView of `size`,
/// the root item sized to the view, with `properties` set on the root object before it is
/// completed. The engine has "qrc:/" on its import path. Null (and `error` set) on failure.
std::unique_ptr<QQuickView> loadView(const QUrl &qml, const QVariantMap &properties = {},
                                     const QSize &size = {1366, 768}, QString *error = nullptr);

/// Resizes `window` to `size`, waits until its content item has that size and has been
/// drawn, then runs checkWindow(). The Theme must already be set (ThemeScope).
QStringList checkAtSize(QQuickWindow &window, const QSize &size, const Options &options = {});

/// The checks on what `window` shows now; one sentence per failure, empty when all pass:
/// - blank screen (fewer than `minColours` colours), no control at all;
/// - a control (an AbstractButton, or an item with a MouseArea / TapHandler) smaller than
///   Theme.TargetMm, a main action (`main: true`) smaller than Theme.MainTargetMm;
/// - two controls closer than `gapMm` (controls inside one another are not compared);
/// - a control or text outside the window, text outside its button, text elided
///   (`truncated`) or cut by a clipping item;
/// - text whose colour has less than `textContrast` against the pixels behind it, an
///   enabled button with less than `controlContrast` against what surrounds it (fill or
///   border; disabled controls are exempt, as in WCAG 1.4.11);
/// - a control without an accessible node (its own or its parent's) with a name and a role.
QStringList checkWindow(QQuickWindow &window, const Options &options = {});

/// The palette's own pairs (text on each background, each control fill on the
/// background) for the Theme's current palette.
QStringList checkPalette(qreal textContrast = 7, qreal controlContrast = 3);

/// Loads `qml` with `properties`, shows it in `variant` (ThemeScope), saves
/// `dir/<prefix>-<variant tag>.png` and returns the failures, each prefixed by the screen.
QStringList checkScreen(const QUrl &qml, const QVariantMap &properties, const Variant &variant, const QString &dir,
                        const QString &prefix, const Options &options = {});

/// The contrast ratio of two colours (WCAG 2), and the most frequent colour of `rect` in `image`.
qreal contrast(const QColor &a, const QColor &b);
QColor dominantColour(const QImage &image, const QRect &rect);

} // namespace Etabli::Test::UiCheck

Q_DECLARE_METATYPE(Etabli::Test::UiCheck::Variant)

/// QVERIFY over a failure list: prints every failure.
#define UICHECK_VERIFY(failures)                                                                                       \
    do {                                                                                                               \
        const QStringList uicheck_f_ = (failures);                                                                     \
        QVERIFY2(uicheck_f_.isEmpty(), qPrintable(uicheck_f_.join(QLatin1Char('\n'))));                                \
    } while (false)
