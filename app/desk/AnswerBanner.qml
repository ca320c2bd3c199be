// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
// The answer to the last scan or touch, the same on every desk screen: the colour (green,
// orange, red), a pictogram and one short sentence (also said aloud and heard as a tone by
// the session). Read by assistive technologies as an alert.
import QtQuick
import Etabli.Ui
import Etabli.Desk

Rectangle {
    id: banner
    /// DeskSession.Neutral / Pass / Warn / Fail.
    property int tone: DeskSession.Neutral
    property string message: ""
    property string pictogram: "info"
    objectName: "banner"
    height: Math.max(Theme.mainTargetSize, answer.implicitHeight + 2 * Theme.spacing)
    radius: Theme.radius
    color: banner.tone === DeskSession.Pass ? Theme.pass
         : banner.tone === DeskSession.Warn ? Theme.warn
         : banner.tone === DeskSession.Fail ? Theme.fail : Theme.surface
    border.color: Theme.border
    border.width: Theme.borderWidth
    Accessible.role: Accessible.AlertMessage
    Accessible.name: banner.message
    Row {
        id: answer
        anchors.verticalCenter: parent.verticalCenter
        x: Theme.spacing
        spacing: Theme.spacing
        Rectangle {
            width: Theme.iconSize + 2 * Theme.spacingSmall
            height: width
            radius: Theme.radius
            color: Theme.pictogramBackdrop
            Image {
                anchors.centerIn: parent
                source: "qrc:/Etabli/Ui/pictograms/" + (banner.pictogram === "" ? "info" : banner.pictogram) + ".svg"
                sourceSize.width: Theme.iconSize
                sourceSize.height: Theme.iconSize
            }
        }
        Text {
            anchors.verticalCenter: parent.verticalCenter
            width: banner.width - Theme.iconSize - 5 * Theme.spacing
            text: banner.message
            wrapMode: Text.WordWrap
            font.family: Theme.fontFamily
            font.pixelSize: Theme.titleSize
            font.bold: true
            color: banner.tone === DeskSession.Pass ? Theme.onPass
                 : banner.tone === DeskSession.Warn ? Theme.onWarn
                 : banner.tone === DeskSession.Fail ? Theme.onFail : Theme.text
        }
    }
}
