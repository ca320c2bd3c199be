// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
// The bench window (`etabli-station --role bench`): log in, pick the PC, one step a screen,
// the end. It takes the screen's size itself (no window manager on a bare bench).
import QtQuick
import Etabli.Ui
import Etabli.Bench

Window {
    id: window
    objectName: "benchWindow"
    width: Screen.width
    height: Screen.height
    x: 0
    y: 0
    visible: true
    visibility: Window.FullScreen
    color: Theme.background
    title: qsTr("Établi: bench")

    // benchui: only the screen shown exists, so the accessibility tree (AT-SPI) holds no
    // hidden screen; each screen takes its focus when it is made.
    Loader {
        anchors.fill: parent
        active: Bench.screen === Bench.Login
        sourceComponent: LoginScreen {
            objectName: "loginScreen"
        }
    }
    Loader {
        anchors.fill: parent
        active: Bench.screen === Bench.Asset
        sourceComponent: AssetScreen {
            objectName: "assetScreen"
            onLogoutRequested: Bench.logout()
        }
    }
    Loader {
        anchors.fill: parent
        active: Bench.screen === Bench.Step
        sourceComponent: StepScreen {
            objectName: "stepScreen"
            onLogoutRequested: Bench.logout()
        }
    }
    Loader {
        anchors.fill: parent
        active: Bench.screen === Bench.Finished
        sourceComponent: FinishedScreen {
            objectName: "finishedScreen"
            onLogoutRequested: Bench.logout()
        }
    }
}
