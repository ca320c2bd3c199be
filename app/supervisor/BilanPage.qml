// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
// The council's report of the period, and its exports.
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

    Label {
        text: qsTr("Report from %1 to %2").arg(page.board.from).arg(page.board.to)
        color: Theme.text
        font.pixelSize: Theme.titleSize
    }
    // Two columns of rows, all visible at once (a scrolled list would cut rows at 200 % text).
    GridLayout {
        columns: 2
        columnSpacing: Theme.spacingLarge
        rowSpacing: 0
        Layout.fillWidth: true
        Layout.fillHeight: true
        Accessible.role: Accessible.Table
        Repeater {
            model: page.board.bilanRows
            Label {
                required property var modelData
                text: modelData.key + " : " + modelData.value
                color: Theme.text
                font.pixelSize: Theme.textSize
                Layout.fillWidth: true
                Layout.alignment: Qt.AlignTop
                Accessible.role: Accessible.Cell
                Accessible.name: text
            }
        }
    }
    RowLayout {
        spacing: Theme.spacing
        Repeater {
            model: ["pdf", "csv", "json"]
            BigButton {
                required property string modelData
                text: qsTr("Save as %1").arg(modelData.toUpperCase())
                onClicked: {
                    const error = page.board.exportBilan(modelData, (page.exportFolder === "" ? "" : page.exportFolder + "/") + "bilan." + modelData);
                    page.message = error === "" ? qsTr("Saved.") : error;
                }
            }
        }
    }
    Label {
        text: page.message
        visible: text !== ""
        color: Theme.text
        font.pixelSize: Theme.textSize
    }
}
