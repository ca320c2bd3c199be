// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

#include <QColor>
#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>

class QQmlEngine;
class QJSEngine;

namespace Etabli::Ui {

/// The one look of every screen: colours (a normal and a high-contrast palette, text
/// at least 7:1 on its background, controls at least 3:1), spacing, fonts and physical
/// sizes. `mm()` converts millimetres to logical pixels from the configured panel
/// density (`--panel-ppi`, or the station's setting), never from what QScreen reports:
/// Xvfb, offscreen and many panels' EDID lie. One instance per process, UI thread only;
/// main() configures it before the QML is loaded, QML reads it as the `Theme` singleton.
class Theme : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(qreal ppi READ ppi WRITE setPpi NOTIFY changed)
    Q_PROPERTY(bool highContrast READ highContrast WRITE setHighContrast NOTIFY changed)
    Q_PROPERTY(qreal textScale READ textScale WRITE setTextScale NOTIFY changed)
    Q_PROPERTY(QString fontFamily READ fontFamily NOTIFY changed)
    /// The worker's level of guidance (a preference set at login): 0 the pictogram and one
    /// sentence, 1 (default) as designed, 2 every hint spoken with its detail. Screens read it.
    Q_PROPERTY(int guidance READ guidance WRITE setGuidance NOTIFY changed)

    // Colours: each "onX" is the text drawn on X.
    Q_PROPERTY(QColor background READ background NOTIFY changed)
    Q_PROPERTY(QColor text READ text NOTIFY changed)
    Q_PROPERTY(QColor surface READ surface NOTIFY changed)
    Q_PROPERTY(QColor border READ border NOTIFY changed)
    Q_PROPERTY(QColor primary READ primary NOTIFY changed)
    Q_PROPERTY(QColor primaryDown READ primaryDown NOTIFY changed)
    Q_PROPERTY(QColor onPrimary READ onPrimary NOTIFY changed)
    Q_PROPERTY(QColor pass READ pass NOTIFY changed)
    Q_PROPERTY(QColor onPass READ onPass NOTIFY changed)
    Q_PROPERTY(QColor fail READ fail NOTIFY changed)
    Q_PROPERTY(QColor onFail READ onFail NOTIFY changed)
    Q_PROPERTY(QColor warn READ warn NOTIFY changed)
    Q_PROPERTY(QColor onWarn READ onWarn NOTIFY changed)
    Q_PROPERTY(QColor disabled READ disabled NOTIFY changed)
    Q_PROPERTY(QColor onDisabled READ onDisabled NOTIFY changed)
    Q_PROPERTY(QColor focusRing READ focusRing NOTIFY changed)
    Q_PROPERTY(QColor overlay READ overlay NOTIFY changed)
    Q_PROPERTY(QColor onOverlay READ onOverlay NOTIFY changed)
    Q_PROPERTY(QColor alertText READ alertText NOTIFY changed)
    Q_PROPERTY(QColor pictogramBackdrop READ pictogramBackdrop CONSTANT)
    Q_PROPERTY(QColor mark READ mark CONSTANT)
    Q_PROPERTY(QColor markOnRed READ markOnRed CONSTANT)

    // Sizes in logical pixels, from millimetres at the configured ppi.
    Q_PROPERTY(qreal spacingSmall READ spacingSmall NOTIFY changed)
    Q_PROPERTY(qreal spacing READ spacing NOTIFY changed)
    Q_PROPERTY(qreal spacingLarge READ spacingLarge NOTIFY changed)
    Q_PROPERTY(qreal radius READ radius NOTIFY changed)
    Q_PROPERTY(qreal focusWidth READ focusWidth NOTIFY changed)
    Q_PROPERTY(qreal borderWidth READ borderWidth NOTIFY changed)
    Q_PROPERTY(qreal hairline READ hairline CONSTANT)
    Q_PROPERTY(qreal targetSize READ targetSize NOTIFY changed)
    Q_PROPERTY(qreal mainTargetSize READ mainTargetSize NOTIFY changed)
    Q_PROPERTY(qreal textSize READ textSize NOTIFY changed)
    Q_PROPERTY(qreal smallTextSize READ smallTextSize NOTIFY changed)
    Q_PROPERTY(qreal titleSize READ titleSize NOTIFY changed)
    Q_PROPERTY(qreal iconSize READ iconSize NOTIFY changed)
public:
    /// Millimetres of the smallest touch target and of a main action (issue 12).
    static constexpr qreal TargetMm = 12;
    static constexpr qreal MainTargetMm = 20;
    static constexpr qreal DefaultPpi = 96;

    static Theme *instance();
    static Theme *create(QQmlEngine *, QJSEngine *);

    /// Registers the shipped fonts (Atkinson Hyperlegible) with QFontDatabase once;
    /// returns the family name, or an empty string when they could not be read (the
    /// theme then keeps the system's default family).
    static QString loadFonts();
    /// WCAG 2 contrast ratio of two opaque colours, 1..21.
    static qreal contrastRatio(const QColor &a, const QColor &b);

    qreal ppi() const { return m_ppi; }
    void setPpi(qreal ppi);
    bool highContrast() const { return m_highContrast; }
    void setHighContrast(bool on);
    qreal textScale() const { return m_textScale; }
    void setTextScale(qreal scale);
    QString fontFamily() const { return m_fontFamily; }
    int guidance() const { return m_guidance; }
    void setGuidance(int level);
    void setFontFamily(const QString &family);

    Q_INVOKABLE qreal mm(qreal millimetres) const { return millimetres * m_ppi / 25.4; }
    /// The inverse of mm(), for tests measuring what was drawn.
    Q_INVOKABLE qreal toMm(qreal pixels) const { return pixels * 25.4 / m_ppi; }

    QColor background() const;
    QColor text() const;
    QColor surface() const;
    QColor border() const;
    QColor primary() const;
    QColor primaryDown() const;
    QColor onPrimary() const;
    QColor pass() const;
    QColor onPass() const;
    QColor fail() const;
    QColor onFail() const;
    QColor warn() const;
    QColor onWarn() const;
    QColor disabled() const;
    QColor onDisabled() const;
    QColor focusRing() const;
    QColor overlay() const;
    QColor onOverlay() const;
    QColor alertText() const;
    /// OpenMoji pictograms are drawn with black outlines: they sit on a white card so
    /// they show on a blue, yellow, grey or black control alike.
    QColor pictogramBackdrop() const { return QColor(0xff, 0xff, 0xff); }
    /// Defect rings on the screen test's full-screen colours: red, and yellow on the red pattern.
    QColor mark() const { return QColor(0xff, 0x17, 0x44); }
    QColor markOnRed() const { return QColor(0xff, 0xeb, 0x3b); }

    qreal spacingSmall() const { return mm(1.5); }
    qreal spacing() const { return mm(4); }
    qreal spacingLarge() const { return mm(8); }
    qreal radius() const { return mm(2); }
    qreal focusWidth() const { return qMax<qreal>(3, mm(1)); }
    qreal borderWidth() const { return qMax<qreal>(2, mm(0.6)); }
    qreal hairline() const { return 1; }
    qreal targetSize() const { return mm(TargetMm); }
    qreal mainTargetSize() const { return mm(MainTargetMm); }
    /// Body text is 5 mm high at 100 % (about 14 pt on any panel, the size of a
    /// large-print page); the smallest text 4 mm.
    qreal textSize() const { return mm(5) * m_textScale; }
    qreal smallTextSize() const { return mm(4) * m_textScale; }
    qreal titleSize() const { return mm(7) * m_textScale; }
    qreal iconSize() const { return mm(10) * m_textScale; }

Q_SIGNALS:
    void changed();

private:
    explicit Theme(QObject *parent = nullptr);
    qreal m_ppi = DefaultPpi;
    bool m_highContrast = false;
    qreal m_textScale = 1;
    int m_guidance = 1;
    QString m_fontFamily;
};

} // namespace Etabli::Ui
