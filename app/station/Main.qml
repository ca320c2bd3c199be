// SPDX-License-Identifier: GPL-3.0-or-later
// The station window: the one test screen asked for on the command line, full screen.
// It closes once the inventory took the result; a refused result keeps it open, with
// the reason, until the worker tries again or closes it knowingly.
import QtQuick
import Etabli.Station

Window {
    id: window
    width: 1280
    height: 800
    visible: true
    visibility: Window.FullScreen
    title: qsTr("Établi")

    Loader {
        anchors.fill: parent
        source: Station.screen === "keyboard" ? "KeyboardTest.qml"
              : Station.screen === "screen" ? "ScreenTest.qml"
              : Station.screen === "audio" ? "AudioTest.qml" : ""
    }

    Connections {
        target: Station
        function onFinished() { Station.quit() }
    }

    // The result was not recorded: say why, over the screen, until it is.
    Rectangle {
        objectName: "recordError"
        visible: Station.errorString !== ""
        z: 10
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        height: errorColumn.implicitHeight + 48
        color: "#b71c1c"
        Accessible.role: Accessible.AlertMessage
        Accessible.name: errorText.text

        Column {
            id: errorColumn
            anchors.centerIn: parent
            width: parent.width - 48
            spacing: 16
            Text {
                id: errorText
                objectName: "recordErrorText"
                width: parent.width
                wrapMode: Text.Wrap
                horizontalAlignment: Text.AlignHCenter
                color: "white"
                font.pixelSize: 30
                font.bold: true
                text: qsTr("The result is not saved: %1").arg(Station.errorString)
            }
            Row {
                anchors.horizontalCenter: parent.horizontalCenter
                spacing: 32
                BigButton {
                    objectName: "recordRetry"
                    icon: "↻"
                    text: qsTr("Try again")
                    enabled: !Station.busy
                    onClicked: Station.retry()
                }
                BigButton {
                    objectName: "recordQuit"
                    icon: "✕"
                    text: qsTr("Close")
                    onClicked: Station.quit()
                }
            }
        }
    }
}
