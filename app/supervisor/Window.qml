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
    /// A detail opened first, "asset:TAG", "worker:BADGE" or "station:NAME" (--open; the
    /// AT-SPI walk opens the detail screens this way).
    property string openFirst: ""
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
            const colon = window.openFirst.indexOf(":");
            const kind = window.openFirst.substring(0, colon);
            const id = window.openFirst.substring(colon + 1);
            if (colon > 0 && kind === "asset")
                main.board.openAsset(id);
            else if (colon > 0 && kind === "worker")
                main.board.openWorker(id);
            else if (colon > 0 && kind === "station")
                main.board.openStation(id);
            else
                main.board.refresh();
        }
    }
}
