// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
// Text of the bench screens: the hyperlegible font, wrapped (never elided), in the
// theme's colours, and read by assistive technologies.
import QtQuick
import Etabli.Ui

Text {
    property bool title: false
    wrapMode: Text.WordWrap
    font.family: Theme.fontFamily
    font.pixelSize: title ? Theme.titleSize : Theme.textSize
    font.bold: title
    color: Theme.text
    Accessible.role: title ? Accessible.Heading : Accessible.StaticText
    Accessible.name: text
    Accessible.ignored: !visible
}
