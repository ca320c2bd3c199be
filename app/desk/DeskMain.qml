// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
// The desk role's top item (`etabli-station --role desk`): the home screen's four big
// pictures open the handover, the internet grant, the parents' lessons and the returns;
// a Home button brings every screen back to it.
import QtQuick
import Etabli.Ui
import Etabli.Desk

Rectangle {
    id: root
    required property string dbPath
    property string worker: ""
    /// "home", "handover", "grant", "training" or "return" (`--screen`).
    property string page: "home"
    readonly property DeskSession session: session
    readonly property DeskCare care: care
    implicitWidth: 1280
    implicitHeight: 800
    color: Theme.background

    function open(name) {
        care.reset()
        if (name === "handover")
            session.reset()
        root.page = name
    }

    DeskSession {
        id: session
        dbPath: root.dbPath
        // Each answer is also said aloud (silent when the station has no voice).
        onSpoken: (sentence) => Speech.say(sentence)
    }
    DeskCare {
        id: care
        dbPath: root.dbPath
        worker: root.worker
        onSpoken: (sentence) => Speech.say(sentence)
    }

    DeskHome {
        anchors.fill: parent
        visible: root.page === "home"
        onOpen: (name) => root.open(name)
    }
    Item {
        anchors.fill: parent
        visible: root.page !== "home"
        BigButton {
            id: homeButton
            objectName: "homeButton"
            x: Theme.spacing
            y: Theme.spacing
            pictogram: "home"
            text: qsTr("Home")
            onClicked: root.open("home")
        }
        Item {
            anchors.fill: parent
            anchors.leftMargin: homeButton.x + homeButton.width
            HandoverScreen {
                anchors.fill: parent
                visible: root.page === "handover"
                session: session
                witnessName: root.worker
            }
            GrantScreen {
                anchors.fill: parent
                visible: root.page === "grant"
                care: care
            }
            TrainingScreen {
                anchors.fill: parent
                visible: root.page === "training"
                care: care
            }
            ReturnScreen {
                anchors.fill: parent
                visible: root.page === "return"
                care: care
            }
        }
    }
}
