// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
// The window of etabli-station --role supervisor.
import QtQuick
import QtQuick.Window as QW
import Etabli.Supervisor

QW.Window {
    id: window
    property string serverUrl: ""
    property string token: ""
    property string dbPath: ""
    /// The supervisor logged in: every administration change is an event in their name.
    property string worker: "supervisor"
    /// The tab shown first: 0 attention, 1 figures, 2 report, 3 administration.
    property int page: 0
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
            main.board.worker = window.worker;
            main.page = window.page;
            main.board.refresh();
        }
    }
}
