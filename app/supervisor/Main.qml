// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
// The supervisor's screens (issue 13): attention first, then the figures, the bilan and
// the administration; an asset's or worker's detail over them when one is opened.
// Everything comes from SupervisorBoard (read off the GUI thread); this file only binds.
pragma ComponentBehavior: Bound
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
                model: [qsTr("Needs attention"), qsTr("Figures"), qsTr("Report"), qsTr("Administration")]
                BigButton {
                    required property int index
                    required property string modelData
                    text: modelData
                    checkable: true
                    checked: tabs.currentIndex === index && board.detailKind === ""
                    tone: Theme.surface
                    toneText: Theme.text
                    onClicked: { tabs.currentIndex = index; board.closeDetail() }
                }
            }
            Item { Layout.fillWidth: true }
            BusyIndicator {
                running: board.busy
                visible: board.busy
                Layout.preferredWidth: Theme.targetSize
                Layout.preferredHeight: Theme.targetSize
                Accessible.role: Accessible.Animation
                Accessible.name: qsTr("Reading…")
                Accessible.ignored: !visible
            }
            BigButton {
                text: qsTr("Refresh")
                pictogram: ""
                enabled: !board.busy
                onClicked: board.refresh()
            }
        }

        // The server cannot be reached (or the store cannot be read): said in words, with retry.
        Rectangle {
            visible: board.errorString !== ""
            color: Theme.surface
            border.color: Theme.alertText
            border.width: Theme.borderWidth
            radius: Theme.radius
            Layout.fillWidth: true
            implicitHeight: errorRow.implicitHeight + 2 * Theme.spacing
            RowLayout {
                id: errorRow
                anchors.fill: parent
                anchors.margins: Theme.spacing
                spacing: Theme.spacing
                Text {
                    text: qsTr("The figures could not be read: %1").arg(board.errorString)
                    color: Theme.text
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.textSize
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                    Accessible.role: Accessible.AlertMessage
                    Accessible.name: text
                    Accessible.ignored: !visible
                }
                BigButton {
                    objectName: "retry"
                    text: qsTr("Try again")
                    pictogram: "again"
                    enabled: !board.busy
                    onClicked: board.retry()
                }
            }
        }

        // Only the page shown exists (a hidden page's nodes would stay in the AT-SPI tree).
        Loader {
            id: pageLoader
            readonly property string wanted: board.detailKind !== "" ? "DetailPage.qml"
                : ["AttentionPage.qml", "FiguresPage.qml", "BilanPage.qml", "AdminPage.qml"][tabs.currentIndex]
            Layout.fillWidth: true
            Layout.fillHeight: true
            onWantedChanged: setSource(wanted, { board: board })
            Component.onCompleted: setSource(wanted, { board: board })
        }
    }
}
