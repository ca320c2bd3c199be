// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
// The station window: the one test screen asked for on the command line, full screen.
// It takes the screen's size itself: without a window manager nobody applies
// FullScreen, and a fixed size is cut on a smaller panel (issue 12). Each test ends on
// its result page, which the worker closes; a refused result keeps a banner with the
// reason over the screen until the worker tries again or closes it knowingly.
import QtQuick
import Etabli.Ui
import Etabli.Station

Window {
    id: window
    width: Screen.width
    height: Screen.height
    x: 0
    y: 0
    visible: true
    visibility: Window.FullScreen
    color: Theme.background
    title: qsTr("Établi")

    Loader {
        id: screen
        anchors.fill: parent
        focus: true
        source: Station.screen === "keyboard" ? "KeyboardTest.qml"
              : Station.screen === "screen" ? "ScreenTest.qml"
              : Station.screen === "audio" ? "AudioTest.qml" : ""
    }

    // Each screen's "About" button: what the station ships from others, with licences.
    Connections {
        target: screen.item
        ignoreUnknownSignals: true
        function onAboutRequested() { about.visible = true }
    }
    AboutPage {
        id: about
        objectName: "about"
        anchors.fill: parent
        visible: false
        onClosed: visible = false
    }

    // The result was not recorded: say why, over the screen, until it is.
    Rectangle {
        objectName: "recordError"
        visible: Station.errorString !== ""
        z: 10
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        height: errorColumn.implicitHeight + 2 * Theme.spacingLarge
        color: Theme.fail
        Accessible.role: Accessible.AlertMessage
        Accessible.name: errorText.text
        Accessible.ignored: !visible

        Column {
            id: errorColumn
            anchors.centerIn: parent
            width: parent.width - 2 * Theme.spacingLarge
            spacing: Theme.spacing
            Text {
                id: errorText
                objectName: "recordErrorText"
                width: parent.width
                wrapMode: Text.Wrap
                horizontalAlignment: Text.AlignHCenter
                color: Theme.onFail
                font.family: Theme.fontFamily
                font.pixelSize: Theme.titleSize
                font.bold: true
                text: qsTr("The result is not saved: %1").arg(Station.errorString)
                Accessible.ignored: true
            }
            Row {
                anchors.horizontalCenter: parent.horizontalCenter
                spacing: Theme.spacingLarge
                BigButton {
                    objectName: "recordRetry"
                    pictogram: "next"
                    text: qsTr("Try again")
                    enabled: !Station.busy
                    onClicked: Station.retry()
                }
                BigButton {
                    objectName: "recordQuit"
                    pictogram: "fail"
                    text: qsTr("Close")
                    onClicked: Station.quit()
                }
            }
        }
    }
}
