// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
// The supervisor's screens (issue 13): attention first, then the figures, the bilan and
// the administration. Everything comes from SupervisorBoard; this file only binds.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Etabli.Ui
import Etabli.Supervisor

Rectangle {
    id: root
    property alias board: board
    property alias page: tabs.currentIndex
    color: Theme.background
    implicitWidth: 1366
    implicitHeight: 768

    SupervisorBoard {
        id: board
        objectName: "board"
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: Theme.spacing

        RowLayout {
            spacing: Theme.spacing
            Layout.fillWidth: true
            Repeater {
                id: tabs
                property int currentIndex: 0
                model: [qsTr("Needs attention"), qsTr("Figures"), qsTr("Report"), qsTr("Workers")]
                BigButton {
                    required property int index
                    required property string modelData
                    text: modelData
                    tone: tabs.currentIndex === index ? Theme.primary : Theme.surface
                    toneText: tabs.currentIndex === index ? Theme.onPrimary : Theme.text
                    onClicked: tabs.currentIndex = index
                }
            }
            Item { Layout.fillWidth: true }
            BigButton {
                text: qsTr("Refresh")
                onClicked: board.refresh()
            }
        }

        Label {
            visible: board.errorString !== ""
            text: board.errorString
            color: Theme.alertText
            font.pixelSize: Theme.textSize
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }

        StackLayout {
            currentIndex: tabs.currentIndex
            Layout.fillWidth: true
            Layout.fillHeight: true
            AttentionPage { board: board }
            FiguresPage { board: board }
            BilanPage { board: board }
            AdminPage { board: board }
        }
    }
}
