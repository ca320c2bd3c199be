// SPDX-License-Identifier: GPL-3.0-or-later
// Screen: one full-screen colour after the other; touch any defect to mark it.
import QtQuick
import Etabli.Station

Rectangle {
    id: root
    property alias model: test
    width: 1280
    height: 800
    color: test.color

    ScreenTestModel { id: test }

    // The grid pattern: lines every gridStep pixels.
    Repeater {
        model: test.gridStep > 0 ? Math.ceil(root.width / test.gridStep) + 1 : 0
        Rectangle { required property int index; x: index * test.gridStep; width: 1; height: root.height; color: test.lineColor }
    }
    Repeater {
        model: test.gridStep > 0 ? Math.ceil(root.height / test.gridStep) + 1 : 0
        Rectangle { required property int index; y: index * test.gridStep; height: 1; width: root.width; color: test.lineColor }
    }

    MouseArea {
        anchors.fill: parent
        onClicked: (mouse) => test.markDefect(mouse.x / root.width, mouse.y / root.height)
    }

    // The marks of this pattern: a ring in a colour that shows on every background.
    Repeater {
        model: test.defects
        Rectangle {
            required property var modelData
            x: modelData.x * root.width - 30; y: modelData.y * root.height - 30
            width: 60; height: 60; radius: 30
            color: "transparent"
            border.width: 6
            border.color: test.patternName === "red" ? "#ffeb3b" : "#ff1744"
        }
    }

    Rectangle {
        anchors.top: parent.top; anchors.horizontalCenter: parent.horizontalCenter; anchors.topMargin: 16
        width: info.width + 32; height: info.height + 16; radius: 8
        color: "#cc212121"
        Text {
            id: info
            anchors.centerIn: parent
            text: qsTr("Touch any spot that looks wrong.") + "  " + (test.index + 1) + " / " + test.count
                  + (test.monitorModel !== "" ? "  —  " + test.monitorModel : "")
            font.pixelSize: 26
            color: "white"
        }
    }

    Row {
        anchors.right: parent.right; anchors.bottom: parent.bottom; anchors.margins: 24
        spacing: 16
        opacity: 0.9
        BigButton { objectName: "undo"; icon: "↶"; text: qsTr("Undo"); enabled: test.defects.length > 0; onClicked: test.undo() }
        BigButton { objectName: "next"; icon: "➜"; text: qsTr("Next"); onClicked: test.next() }
    }
}
