// SPDX-License-Identifier: GPL-3.0-or-later
// The station window: the one test screen asked for on the command line, full screen.
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
}
