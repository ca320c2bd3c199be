// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
// The council's report of the period, and its exports.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Etabli.Ui
import Etabli.Supervisor

ColumnLayout {
    id: page
    required property SupervisorBoard board
    property string exportFolder: ""
    property string message: ""
    spacing: Theme.spacing

    PeriodBar {
        board: page.board
        showLot: false // the bilan is the workshop's, over every lot
        Layout.fillWidth: true
    }
    Pager {
        id: table
        name: qsTr("Report from %1 to %2").arg(page.board.from).arg(page.board.to)
        // Two columns where a row's words fit in half the width.
        columns: width > Theme.textSize * 36 ? 2 : 1
        Layout.fillWidth: true
        Layout.fillHeight: true
        model: page.board.bilanRows
        delegate: Rectangle {
            id: bilanRow
            required property var modelData
            width: table.cellWidth
            height: table.rowHeight
            color: Theme.surface
            radius: Theme.radius
            Text {
                anchors.fill: parent
                anchors.leftMargin: Theme.spacing
                verticalAlignment: Text.AlignVCenter
                text: bilanRow.modelData.key + " : " + bilanRow.modelData.value
                color: Theme.text
                font.family: Theme.fontFamily
                font.pixelSize: Theme.textSize
                Accessible.role: Accessible.Cell
                Accessible.name: text
            }
        }
    }
    Flow {
        spacing: Theme.spacing
        Layout.fillWidth: true
        Text {
            height: Theme.targetSize
            verticalAlignment: Text.AlignVCenter
            text: qsTr("Save the report:")
            color: Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: Theme.textSize
            Accessible.role: Accessible.StaticText
            Accessible.name: text
        }
        Repeater {
            model: ["pdf", "csv", "json"]
            BigButton {
                required property string modelData
                text: modelData.toUpperCase()
                accessibleName: qsTr("Save as %1").arg(modelData.toUpperCase())
                onClicked: {
                    const error = page.board.exportBilan(modelData, (page.exportFolder === "" ? "" : page.exportFolder + "/") + "bilan." + modelData);
                    page.message = error === "" ? qsTr("Saved.") : error;
                }
            }
        }
        Label {
            text: page.message
            visible: text !== ""
            color: Theme.text
            font.pixelSize: Theme.textSize
            Accessible.ignored: !visible
        }
    }
}
