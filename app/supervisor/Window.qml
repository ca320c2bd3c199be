// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
// The window of etabli-station --role supervisor.
import QtQuick
import QtQuick.Window
import Etabli.Supervisor

Window {
    id: window
    property string serverUrl: ""
    property string token: ""
    property string dbPath: ""
    width: 1366
    height: 768
    visible: true
    title: qsTr("Établi — supervisor")
    Main {
        id: main
        anchors.fill: parent
        Component.onCompleted: {
            main.board.serverUrl = window.serverUrl;
            main.board.token = window.token;
            main.board.dbPath = window.dbPath;
            main.board.refresh();
        }
    }
}
