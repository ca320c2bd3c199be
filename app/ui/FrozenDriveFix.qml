// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
// What a worker can do when a disk is in the security FROZEN state (issue 15): the BIOS froze
// it at boot, and it refuses Security Erase until it powers up again without the BIOS. Two
// fixes, each as big pictures and one short easy-to-read sentence: unplug and replug the
// disk's power with the PC on, or put the PC to sleep and wake it up. Only pictures and
// words, no action: the screen that shows it (the bench's erase step) owns the buttons.
// Two cards side by side when there is room, one above the other otherwise.
import QtQuick
import Etabli.Ui

Item {
    id: fix
    /// The line above the two fixes; empty hides it.
    property string heading: qsTr("The disk is locked. Do one of these two things:")
    /// The line below them; empty hides it.
    property string closing: qsTr("Then start the erasure again.")
    /// Pictures this high (logical pixels): 30 mm by default, big enough to read from a step back.
    property real pictureSize: Theme.mm(30)
    readonly property bool sideBySide: width >= 2 * cardWidth + orWord.implicitWidth + 4 * Theme.spacing
    readonly property real cardWidth: Math.max(3 * pictureSize + 2 * arrowSize + 4 * Theme.spacing, Theme.mm(120))
    readonly property real arrowSize: pictureSize * 0.45
    /// Side by side, both cards take the taller one's height.
    readonly property real cardHeight: Math.max(powerCard.contentHeight, sleepCard.contentHeight) + 2 * Theme.spacing

    implicitWidth: 2 * cardWidth + orWord.implicitWidth + 4 * Theme.spacing
    implicitHeight: content.implicitHeight

    Accessible.role: Accessible.Grouping
    Accessible.name: heading !== "" ? heading : qsTr("The disk is locked")

    Column {
        id: content
        width: parent.width
        spacing: Theme.spacing

        Text {
            objectName: "heading"
            width: parent.width
            visible: fix.heading !== ""
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
            text: fix.heading
            font.family: Theme.fontFamily
            font.pixelSize: Theme.titleSize
            font.bold: true
            color: Theme.text
            Accessible.role: Accessible.Heading
            Accessible.name: text
        }

        Flow {
            width: parent.width
            spacing: Theme.spacing

            FrozenDriveFixCard {
                id: powerCard
                objectName: "fix-power"
                width: fix.sideBySide ? (fix.width - orWord.width - 2 * Theme.spacing) / 2 : fix.width
                height: fix.sideBySide ? fix.cardHeight : contentHeight + 2 * Theme.spacing
                pictureSize: fix.pictureSize
                arrowSize: fix.arrowSize
                pictures: [{
                        "pictogram": "screen",
                        "name": qsTr("the PC stays on")
                    }, {
                        "pictogram": "plug",
                        "name": qsTr("unplug the disk's power")
                    }, {
                        "pictogram": "again",
                        "name": qsTr("plug it back in")
                    }]
                sentence: qsTr("Leave the PC on, unplug the disk's power cable, then plug it back in.")
            }
            Text {
                id: orWord
                objectName: "or"
                width: fix.sideBySide ? implicitWidth : fix.width
                height: fix.sideBySide ? fix.cardHeight : implicitHeight
                horizontalAlignment: Text.AlignHCenter
                verticalAlignment: Text.AlignVCenter
                text: qsTr("or")
                font.family: Theme.fontFamily
                font.pixelSize: Theme.titleSize
                font.bold: true
                color: Theme.text
                Accessible.role: Accessible.StaticText
                Accessible.name: text
            }
            FrozenDriveFixCard {
                id: sleepCard
                objectName: "fix-sleep"
                width: fix.sideBySide ? (fix.width - orWord.width - 2 * Theme.spacing) / 2 : fix.width
                height: fix.sideBySide ? fix.cardHeight : contentHeight + 2 * Theme.spacing
                pictureSize: fix.pictureSize
                arrowSize: fix.arrowSize
                pictures: [{
                        "pictogram": "moon",
                        "name": qsTr("put the PC to sleep")
                    }, {
                        "pictogram": "sun",
                        "name": qsTr("wake it up")
                    }]
                sentence: qsTr("Put the PC to sleep, then wake it up.")
            }
        }

        Text {
            objectName: "closing"
            width: parent.width
            visible: fix.closing !== ""
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
            text: fix.closing
            font.family: Theme.fontFamily
            font.pixelSize: Theme.textSize
            color: Theme.text
            Accessible.role: Accessible.StaticText
            Accessible.name: text
        }
    }
}
