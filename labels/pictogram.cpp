// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "labels/pictogram.h"

#include <QPainter>
#include <QPainterPath>

#include <cmath>

namespace Etabli::Labels {

QStringList pictogramKinds()
{
    return {QStringLiteral("pc"),    QStringLiteral("screen"),   QStringLiteral("keyboard"),
            QStringLiteral("mouse"), QStringLiteral("speakers"), QStringLiteral("part")};
}

void drawPictogram(QPainter &painter, const QString &kind, const QRectF &rect)
{
    // Drawn on a 100x100 grid, scaled to the largest centred square of `rect`.
    const double side = std::min(rect.width(), rect.height());
    painter.save();
    painter.translate(rect.center().x() - side / 2, rect.center().y() - side / 2);
    painter.scale(side / 100.0, side / 100.0);
    QPen pen(Qt::black, 8, Qt::SolidLine, Qt::SquareCap, Qt::MiterJoin);
    painter.setPen(pen);
    painter.setBrush(Qt::NoBrush);

    if (kind == QLatin1String("pc")) {
        // Tower: case, drive bay, power button.
        painter.drawRect(QRectF(25, 6, 50, 88));
        painter.drawLine(QPointF(35, 24), QPointF(65, 24));
        painter.drawLine(QPointF(35, 38), QPointF(65, 38));
        painter.setBrush(Qt::black);
        painter.drawEllipse(QPointF(50, 72), 7, 7);
    } else if (kind == QLatin1String("screen")) {
        painter.drawRect(QRectF(6, 12, 88, 58));
        painter.drawLine(QPointF(50, 70), QPointF(50, 84));
        painter.drawLine(QPointF(28, 88), QPointF(72, 88));
    } else if (kind == QLatin1String("keyboard")) {
        painter.drawRect(QRectF(4, 26, 92, 48));
        painter.setPen(Qt::NoPen);
        painter.setBrush(Qt::black);
        for (int row = 0; row < 2; ++row)
            for (int col = 0; col < 6; ++col)
                painter.drawRect(QRectF(14 + col * 13.5, 36 + row * 12, 7, 7));
        painter.drawRect(QRectF(28, 60, 44, 6));
    } else if (kind == QLatin1String("mouse")) {
        painter.drawRoundedRect(QRectF(26, 8, 48, 84), 24, 24);
        painter.drawLine(QPointF(26, 42), QPointF(74, 42));
        painter.drawLine(QPointF(50, 8), QPointF(50, 42));
    } else if (kind == QLatin1String("speakers")) {
        QPainterPath cone;
        cone.moveTo(8, 38);
        cone.lineTo(26, 38);
        cone.lineTo(48, 16);
        cone.lineTo(48, 84);
        cone.lineTo(26, 62);
        cone.lineTo(8, 62);
        cone.closeSubpath();
        painter.setBrush(Qt::black);
        painter.drawPath(cone);
        painter.setBrush(Qt::NoBrush);
        painter.drawArc(QRectF(44, 30, 24, 40), -60 * 16, 120 * 16);
        painter.drawArc(QRectF(44, 14, 44, 72), -60 * 16, 120 * 16);
    } else if (kind == QLatin1String("part")) {
        // Gear: eight teeth around a ring.
        painter.setBrush(Qt::black);
        for (int i = 0; i < 8; ++i) {
            painter.save();
            painter.translate(50, 50);
            painter.rotate(i * 45.0);
            painter.drawRect(QRectF(-8, -46, 16, 14));
            painter.restore();
        }
        painter.setBrush(Qt::NoBrush);
        pen.setWidthF(14);
        painter.setPen(pen);
        painter.drawEllipse(QPointF(50, 50), 26, 26);
    } else {
        painter.drawRect(QRectF(10, 10, 80, 80));
    }
    painter.restore();
}

} // namespace Etabli::Labels
