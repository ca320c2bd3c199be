// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
// The desk role's top item (`etabli-station --role desk`): the scan-first handover.
import QtQuick
import Etabli.Ui
import Etabli.Desk

Rectangle {
    id: root
    required property string dbPath
    property string worker: ""
    readonly property DeskSession session: session
    implicitWidth: 1280
    implicitHeight: 800
    color: Theme.background

    DeskSession {
        id: session
        dbPath: root.dbPath
        // Each answer is also said aloud (silent when the station has no voice).
        onSpoken: (sentence) => Speech.say(sentence)
    }
    HandoverScreen {
        anchors.fill: parent
        session: session
        witnessName: root.worker
    }
}
