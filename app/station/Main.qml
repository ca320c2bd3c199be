// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
// The station window: the one test screen asked for on the command line, full screen.
// It takes the screen's size itself: without a window manager nobody applies
// FullScreen, and a fixed size is cut on a smaller panel (issue 12).
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
}
