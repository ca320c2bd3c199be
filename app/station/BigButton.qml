// SPDX-License-Identifier: GPL-3.0-or-later
// A big touch target (at least 2 cm on the bench panels): a pictogram over a short word.
import QtQuick

Rectangle {
    id: button
    property string icon: ""
    property string text: ""
    property bool checked: false
    signal clicked()

    implicitWidth: 220
    implicitHeight: 160
    radius: 16
    color: !enabled ? "#9e9e9e" : checked ? "#2e7d32" : area.pressed ? "#0d47a1" : "#1565c0"
    border.color: "#0b1f3a"
    border.width: 4
    Accessible.role: Accessible.Button
    Accessible.name: text
    Accessible.onPressAction: button.clicked()

    Column {
        anchors.centerIn: parent
        spacing: 4
        Text {
            anchors.horizontalCenter: parent.horizontalCenter
            text: button.icon
            font.pixelSize: 64
            color: "white"
        }
        Text {
            anchors.horizontalCenter: parent.horizontalCenter
            text: button.text
            font.pixelSize: 28
            font.bold: true
            color: "white"
        }
    }
    MouseArea {
        id: area
        anchors.fill: parent
        onClicked: button.clicked()
    }
}
