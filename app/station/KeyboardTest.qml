// SPDX-License-Identifier: GPL-3.0-or-later
// Keyboard and mouse: press every key (it turns green, red if it bounces), then use
// every mouse button, the wheel both ways and move in the four directions.
import QtQuick
import Etabli.Station

Rectangle {
    id: root
    property alias model: keys
    width: 1280
    height: 800
    color: "#fafafa"

    KeyboardTestModel {
        id: keys
        window: root.Window.window
    }

    Text {
        id: title
        x: 24; y: 16
        text: qsTr("Press every key. Keys turn green.") + "  " + keys.pressedCount + " / " + keys.keyCount
        font.pixelSize: 32
        font.bold: true
        color: "#212121"
    }
    Text {
        anchors.left: title.right; anchors.leftMargin: 24; anchors.baseline: title.baseline
        visible: keys.chatterCount > 0
        text: qsTr("⚠ %n key(s) bounce", "", keys.chatterCount)
        font.pixelSize: 32
        color: "#c62828"
    }

    Item {
        id: board
        readonly property real unit: Math.min((root.width - 48) / 23, (root.height - 320) / 6.5)
        x: 24; y: 80
        width: 23 * unit; height: 6.5 * unit
        Repeater {
            model: keys
            Rectangle {
                required property string label
                required property real keyX
                required property real keyY
                required property real keyWidth
                required property real keyHeight
                required property bool pressed
                required property bool chatter
                x: keyX * board.unit + 1; y: keyY * board.unit + 1
                width: keyWidth * board.unit - 2; height: keyHeight * board.unit - 2
                radius: 4
                color: chatter ? "#e53935" : pressed ? "#43a047" : "#e0e0e0"
                border.color: "#616161"
                Text {
                    anchors.fill: parent; anchors.margins: 2
                    text: parent.label
                    horizontalAlignment: Text.AlignHCenter; verticalAlignment: Text.AlignVCenter
                    fontSizeMode: Text.Fit; minimumPixelSize: 8; font.pixelSize: 18
                    wrapMode: Text.WordWrap
                    color: parent.pressed ? "white" : "#212121"
                }
            }
        }
    }

    Row {
        id: mouseRow
        anchors.left: parent.left; anchors.leftMargin: 24
        anchors.bottom: parent.bottom; anchors.bottomMargin: 24
        spacing: 12
        Repeater {
            model: [
                { key: "button-left", icon: "◧", text: qsTr("Left") },
                { key: "button-middle", icon: "◫", text: qsTr("Middle") },
                { key: "button-right", icon: "◨", text: qsTr("Right") },
                { key: "wheel-up", icon: "⇞", text: qsTr("Wheel up") },
                { key: "wheel-down", icon: "⇟", text: qsTr("Wheel down") },
                { key: "move-left", icon: "←", text: qsTr("Left") },
                { key: "move-right", icon: "→", text: qsTr("Right") },
                { key: "move-up", icon: "↑", text: qsTr("Up") },
                { key: "move-down", icon: "↓", text: qsTr("Down") }
            ]
            Rectangle {
                required property var modelData
                readonly property bool done: keys.mouseMissing.indexOf(modelData.key) < 0
                width: 100; height: 120; radius: 10
                color: done ? "#43a047" : "#e0e0e0"
                border.color: "#616161"
                Column {
                    anchors.centerIn: parent
                    Text { anchors.horizontalCenter: parent.horizontalCenter; text: modelData.icon; font.pixelSize: 40 }
                    Text { anchors.horizontalCenter: parent.horizontalCenter; text: modelData.text; font.pixelSize: 16 }
                }
            }
        }
    }

    BigButton {
        objectName: "finish"
        anchors.right: parent.right; anchors.rightMargin: 24
        anchors.bottom: parent.bottom; anchors.bottomMargin: 24
        icon: "✔"
        text: qsTr("Finished")
        onClicked: keys.finish()
    }
}
