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
    readonly property DeskSession session: deskSession
    readonly property DeskCare care: deskCare
    implicitWidth: 1280
    implicitHeight: 800
    color: Theme.background

    function open(name) {
        deskCare.reset()
        if (name === "handover")
            deskSession.reset()
        root.page = name
    }

    DeskSession {
        id: deskSession
        dbPath: root.dbPath
        // Each answer is also said aloud (silent when the station has no voice).
        onSpoken: (sentence) => Speech.say(sentence)
    }
    DeskCare {
        id: deskCare
        dbPath: root.dbPath
        worker: root.worker
        onSpoken: (sentence) => Speech.say(sentence)
    }

    // Only the screen shown exists (a hidden screen would still be in the accessibility tree).
    Loader {
        anchors.fill: parent
        active: root.page === "home"
        sourceComponent: DeskHome {
            onOpen: (name) => root.open(name)
        }
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
            Loader {
                anchors.fill: parent
                active: root.page === "handover"
                focus: active
                sourceComponent: HandoverScreen {}
                // Set here, outside the component: a component reaching outer ids is refused
                // by qmllint, and Qt 6.4's Loader cannot make a bound component.
                onLoaded: { item.session = deskSession; item.witnessName = Qt.binding(() => root.worker) }
            }
            Loader {
                anchors.fill: parent
                active: root.page === "grant"
                focus: active
                sourceComponent: GrantScreen {}
                onLoaded: item.care = deskCare
            }
            Loader {
                anchors.fill: parent
                active: root.page === "training"
                focus: active
                sourceComponent: TrainingScreen {}
                onLoaded: item.care = deskCare
            }
            Loader {
                anchors.fill: parent
                active: root.page === "return"
                focus: active
                sourceComponent: ReturnScreen {}
                onLoaded: item.care = deskCare
            }
        }
    }
}
