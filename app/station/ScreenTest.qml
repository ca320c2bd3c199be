// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
// Screen: one full-screen colour after the other; touch any defect to mark it. The
// buttons can move to the other corner, so every spot of the panel can be marked.
pragma ComponentBehavior: Bound
import QtQuick
import Etabli.Ui
import Etabli.Station

Rectangle {
    id: root
    property alias model: test
    /// The buttons sit top-left instead of bottom-right (the "Move" button).
    property bool controlsAtTop: false
    readonly property bool lastPattern: test.index + 1 >= test.count
    /// What the banner says and the voice speaks.
    readonly property string instruction: qsTr("Touch any spot that looks wrong.") + "  "
                                          + qsTr("Colour %1 of %2").arg(test.index + 1).arg(test.count)
    color: test.color

    ScreenTestModel { id: test }

    // The grid pattern: lines every gridStep pixels.
    Repeater {
        model: test.gridStep > 0 ? Math.ceil(root.width / test.gridStep) + 1 : 0
        Rectangle {
            required property int index
            x: index * test.gridStep
            width: Theme.hairline
            height: root.height
            color: test.lineColor
        }
    }
    Repeater {
        model: test.gridStep > 0 ? Math.ceil(root.height / test.gridStep) + 1 : 0
        Rectangle {
            required property int index
            y: index * test.gridStep
            height: Theme.hairline
            width: root.width
            color: test.lineColor
        }
    }

    MouseArea {
        objectName: "panel"
        anchors.fill: parent
        onClicked: (mouse) => test.markDefect(mouse.x / root.width, mouse.y / root.height)
        Accessible.role: Accessible.Canvas
        Accessible.name: qsTr("The screen under test: touch a spot that looks wrong")
    }

    // The marks of this pattern: a ring in a colour that shows on every background.
    Repeater {
        model: test.defects
        Rectangle {
            required property var modelData
            x: modelData.x * root.width - width / 2
            y: modelData.y * root.height - height / 2
            width: Theme.mm(12)
            height: width
            radius: width / 2
            color: "transparent"
            border.width: Theme.mm(1.5)
            border.color: test.patternName === "red" ? Theme.markOnRed : Theme.mark
            Accessible.role: Accessible.Graphic
            Accessible.name: qsTr("Defect mark")
        }
    }

    Rectangle {
        id: banner
        anchors.horizontalCenter: parent.horizontalCenter
        anchors.top: root.controlsAtTop ? undefined : parent.top
        anchors.bottom: root.controlsAtTop ? parent.bottom : undefined
        anchors.margins: Theme.spacing
        width: Math.min(info.implicitWidth, root.width - 2 * Theme.spacingLarge - 2 * Theme.spacing) + 2 * Theme.spacing
        height: info.height + Theme.spacing
        radius: Theme.radius
        color: Theme.overlay
        border.color: Theme.onOverlay
        border.width: Theme.hairline
        Text {
            id: info
            objectName: "instruction"
            anchors.centerIn: parent
            width: parent.width - 2 * Theme.spacing
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
            text: root.instruction
                  + (test.monitorModel !== "" ? "  —  " + test.monitorModel : "")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.textSize
            color: Theme.onOverlay
            Accessible.role: Accessible.StaticText
            Accessible.name: text
        }
    }

    Row {
        id: controls
        objectName: "controls"
        anchors.right: root.controlsAtTop ? undefined : parent.right
        anchors.bottom: root.controlsAtTop ? undefined : parent.bottom
        anchors.left: root.controlsAtTop ? parent.left : undefined
        anchors.top: root.controlsAtTop ? parent.top : undefined
        anchors.margins: Theme.spacing
        spacing: Theme.spacing
        layoutDirection: root.controlsAtTop ? Qt.RightToLeft : Qt.LeftToRight
        ListenButton {
            objectName: "listen"
            speech: root.instruction
        }
        BigButton {
            objectName: "move"
            pictogram: "move"
            text: qsTr("Move the buttons")
            accessibleName: root.controlsAtTop ? qsTr("Move the buttons to the bottom right")
                                               : qsTr("Move the buttons to the top left")
            onClicked: root.controlsAtTop = !root.controlsAtTop
        }
        BigButton {
            objectName: "undo"
            pictogram: "remove"
            text: qsTr("Remove the last mark")
            enabled: test.defects.length > 0
            onClicked: test.undo()
        }
        BigButton {
            objectName: "next"
            main: true
            pictogram: root.lastPattern ? "done" : "next"
            text: root.lastPattern ? qsTr("Finish") : qsTr("Next colour")
            onClicked: test.next()
        }
    }

    // a11y: said on arrival and at each new colour.
    SpokenHint {
        visible: !test.done
        text: root.instruction
    }

    ResultPage {
        objectName: "result"
        anchors.fill: parent
        visible: test.done
        verdict: test.verdict
        detail: test.detail
        nextStep: test.verdict === "PASS" ? qsTr("Go on to the next test.")
                                          : qsTr("Put the HS label on the screen.")
        errorString: Station.errorString
        onClosed: Station.quit()
    }
}
