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

    LoginScreen {
        objectName: "loginScreen"
        anchors.fill: parent
        visible: Bench.screen === Bench.Login
    }
    AssetScreen {
        objectName: "assetScreen"
        anchors.fill: parent
        visible: Bench.screen === Bench.Asset
        onLogoutRequested: Bench.logout()
    }
    StepScreen {
        objectName: "stepScreen"
        anchors.fill: parent
        visible: Bench.screen === Bench.Step
        onLogoutRequested: Bench.logout()
    }
    FinishedScreen {
        objectName: "finishedScreen"
        anchors.fill: parent
        visible: Bench.screen === Bench.Finished
        onLogoutRequested: Bench.logout()
    }
}
