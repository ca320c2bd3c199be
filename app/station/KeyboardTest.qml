// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
// Keyboard and mouse: press every key (it turns green, red if it bounces), then use
// every mouse button, the wheel both ways and move in the four directions. Finished
// shows the result page; the worker closes it.
pragma ComponentBehavior: Bound
import QtQuick
import Etabli.Ui
import Etabli.Station

Rectangle {
    id: root
    property alias model: keys
    color: Theme.background
    /// The worker asked for the About page (Main.qml shows it).
    signal aboutRequested()

    KeyboardTestModel {
        id: keys
        window: root.Window.window
    }

    // a11y: the instruction is said on arrival; « Écouter » says it again.
    SpokenHint { text: title.text }

    Row {
        id: header
        x: Theme.spacing
        y: Theme.spacing
        spacing: Theme.spacingLarge
        Text {
            id: title
            objectName: "instruction"
            text: qsTr("Press every key. Keys turn green.")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.titleSize
            font.bold: true
            color: Theme.text
            Accessible.role: Accessible.StaticText
            Accessible.name: text
        }
        Text {
            objectName: "counter"
            anchors.baseline: title.baseline
            text: qsTr("%1 of %2 keys").arg(keys.pressedCount).arg(keys.keyCount)
            font.family: Theme.fontFamily
            font.pixelSize: Theme.titleSize
            color: Theme.text
            Accessible.role: Accessible.StaticText
            Accessible.name: text
        }
        Text {
            objectName: "chatter"
            anchors.baseline: title.baseline
            visible: keys.chatterCount > 0
            text: "⚠ " + qsTr("%n key(s) bounce", "", keys.chatterCount)
            font.family: Theme.fontFamily
            font.pixelSize: Theme.titleSize
            font.bold: true
            color: Theme.alertText
            Accessible.role: Accessible.StaticText
            Accessible.name: text
            Accessible.ignored: !visible
        }
    }

    Item {
        id: board
        readonly property real unit: Math.min((root.width - 2 * Theme.spacing) / 23,
                                              (root.height - header.height - mouseRow.height - 4 * Theme.spacing) / 6.5)
        x: Theme.spacing
        anchors.top: header.bottom
        anchors.topMargin: Theme.spacing
        width: 23 * unit
        height: 6.5 * unit
        Accessible.role: Accessible.Grouping
        Accessible.name: qsTr("Keyboard")
        Repeater {
            model: keys
            Rectangle {
                id: key
                required property string label
                required property real keyX
                required property real keyY
                required property real keyWidth
                required property real keyHeight
                required property bool pressed
                required property bool chatter
                x: keyX * board.unit + Theme.hairline
                y: keyY * board.unit + Theme.hairline
                width: keyWidth * board.unit - 2 * Theme.hairline
                height: keyHeight * board.unit - 2 * Theme.hairline
                radius: Theme.radius / 2
                color: chatter ? Theme.fail : pressed ? Theme.pass : Theme.surface
                border.color: Theme.border
                border.width: Theme.hairline
                Accessible.role: Accessible.StaticText
                Accessible.name: qsTr("Key %1: %2").arg(label)
                                 .arg(chatter ? qsTr("bounces") : pressed ? qsTr("works") : qsTr("not pressed yet"))
                Text {
                    anchors.fill: parent
                    anchors.margins: Theme.hairline * 2
                    text: key.label
                    horizontalAlignment: Text.AlignHCenter
                    verticalAlignment: Text.AlignVCenter
                    fontSizeMode: Text.Fit
                    minimumPixelSize: Theme.smallTextSize / 2
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.textSize
                    wrapMode: Text.WordWrap
                    color: key.chatter ? Theme.onFail : key.pressed ? Theme.onPass : Theme.text
                    Accessible.ignored: true
                }
            }
        }
    }

    Row {
        id: mouseRow
        objectName: "mouse-tiles"
        anchors.left: parent.left
        anchors.leftMargin: Theme.spacing
        anchors.bottom: parent.bottom
        anchors.bottomMargin: Theme.spacing
        spacing: Theme.spacingSmall
        Accessible.role: Accessible.Grouping
        Accessible.name: qsTr("Mouse")
        Repeater {
            model: [
                { key: "button-left", icon: "mouse", text: qsTr("Left button") },
                { key: "button-middle", icon: "mouse", text: qsTr("Middle button") },
                { key: "button-right", icon: "mouse", text: qsTr("Right button") },
                { key: "wheel-up", icon: "arrow-up", text: qsTr("Wheel up") },
                { key: "wheel-down", icon: "arrow-down", text: qsTr("Wheel down") },
                { key: "move-left", icon: "arrow-left", text: qsTr("Move left") },
                { key: "move-right", icon: "arrow-right", text: qsTr("Move right") },
                { key: "move-up", icon: "arrow-up", text: qsTr("Move up") },
                { key: "move-down", icon: "arrow-down", text: qsTr("Move down") }
            ]
            Rectangle {
                id: tile
                required property var modelData
                readonly property bool done: keys.mouseMissing.indexOf(modelData.key) < 0
                objectName: "tile-" + modelData.key
                width: Math.max(Theme.targetSize, (root.width - finish.width - about.width - (listen.visible ? listen.width + Theme.spacing : 0)
                                                  - 12 * Theme.spacingSmall - 4 * Theme.spacing) / 9)
                height: Math.max(Theme.mainTargetSize, tileColumn.implicitHeight + 2 * Theme.spacingSmall)
                radius: Theme.radius
                color: done ? Theme.pass : Theme.surface
                border.color: Theme.border
                border.width: Theme.borderWidth
                Accessible.role: Accessible.StaticText
                Accessible.name: qsTr("Mouse, %1: %2").arg(modelData.text).arg(done ? qsTr("works") : qsTr("not yet"))
                Column {
                    id: tileColumn
                    anchors.centerIn: parent
                    width: parent.width - 2 * Theme.spacingSmall
                    Rectangle {
                        anchors.horizontalCenter: parent.horizontalCenter
                        width: Theme.iconSize * 0.8 + Theme.spacingSmall
                        height: width
                        radius: Theme.radius
                        color: Theme.pictogramBackdrop
                        Image {
                            anchors.centerIn: parent
                            source: "qrc:/Etabli/Ui/pictograms/" + tile.modelData.icon + ".svg"
                            width: Theme.iconSize * 0.8
                            height: width
                            sourceSize.width: width
                            sourceSize.height: height
                            Accessible.ignored: true
                        }
                    }
                    Text {
                        width: parent.width
                        horizontalAlignment: Text.AlignHCenter
                        wrapMode: Text.WordWrap
                        text: tile.modelData.text
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.smallTextSize
                        color: tile.done ? Theme.onPass : Theme.text
                        Accessible.ignored: true
                    }
                }
            }
        }
    }

    BigButton {
        id: finish
        objectName: "finish"
        anchors.right: parent.right
        anchors.rightMargin: Theme.spacing
        anchors.bottom: parent.bottom
        anchors.bottomMargin: Theme.spacing
        main: true
        pictogram: "done"
        text: qsTr("Finished")
        // No keyboard focus while the test runs: every key belongs to the test.
        focusPolicy: Qt.NoFocus
        onClicked: keys.finish()
    }

    BigButton {
        id: about
        objectName: "about"
        anchors.right: finish.left
        anchors.rightMargin: Theme.spacing
        anchors.bottom: parent.bottom
        anchors.bottomMargin: Theme.spacing
        pictogram: "info"
        tone: Theme.surface
        toneText: Theme.text
        text: qsTr("About")
        accessibleName: qsTr("About Établi and its licences")
        focusPolicy: Qt.NoFocus
        onClicked: root.aboutRequested()
    }

    ListenButton {
        id: listen
        objectName: "listen"
        anchors.right: about.left
        anchors.rightMargin: Theme.spacing
        anchors.bottom: parent.bottom
        anchors.bottomMargin: Theme.spacing
        speech: title.text
        // No keyboard focus while the test runs: every key belongs to the test.
        focusPolicy: Qt.NoFocus
    }

    ResultPage {
        objectName: "result"
        anchors.fill: parent
        visible: keys.done
        verdict: keys.verdict
        detail: keys.detail
        nextStep: keys.verdict === "PASS" ? qsTr("Put the keyboard and the mouse with the PC.")
                                          : qsTr("Put the HS label on what does not work.")
        errorString: Station.errorString
        onClosed: Station.quit()
    }
}
