// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
// The figures of the period and lot: a chart where a picture says it better, and the same
// numbers as a table a screen reader reads row by row. The chart's title and axis labels
// follow the text scale and the theme. Each worker's row opens what they did.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import QtCharts
import Etabli.Ui
import Etabli.Supervisor

ColumnLayout {
    id: page
    required property SupervisorBoard board
    /// month (PCs ready each month), hs (broken parts) or workers (PCs ready by worker).
    property string view: "month"
    readonly property var rows: view === "month" ? board.refurbishedPerMonth
                              : view === "hs" ? board.hsByPart : board.perWorker
    readonly property string chartTitle: view === "month" ? qsTr("PCs ready each month")
                                       : view === "hs" ? qsTr("Broken parts by kind") : qsTr("PCs ready by worker")
    spacing: Theme.spacing

    PeriodBar {
        board: page.board
        Layout.fillWidth: true
    }
    Flow {
        spacing: Theme.spacing
        Layout.fillWidth: true
        Repeater {
            model: [{ key: "month", text: qsTr("Each month") }, { key: "hs", text: qsTr("Broken parts") },
                    { key: "workers", text: qsTr("By worker") }]
            BigButton {
                required property var modelData
                text: modelData.text
                checkable: true
                checked: page.view === modelData.key
                tone: Theme.surface
                toneText: Theme.text
                onClicked: page.view = modelData.key
            }
        }
    }
    RowLayout {
        spacing: Theme.spacing
        Layout.fillWidth: true
        Layout.fillHeight: true

        ChartView {
            id: chart
            title: page.chartTitle
            titleFont.pixelSize: Theme.textSize
            titleFont.family: Theme.fontFamily
            titleFont.bold: true
            legend.visible: false
            antialiasing: true
            backgroundColor: Theme.background
            titleColor: Theme.text
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.minimumHeight: Theme.mm(40)
            Accessible.role: Accessible.Chart
            Accessible.name: page.chartTitle
            Accessible.description: qsTr("The same numbers are in the table beside it.")
            // The value axis is the series' own (Qt 6.4's qmllint cannot resolve ValueAxis):
            // its labels take the text scale and the theme here, and again when they change.
            function styleValueAxis() {
                const axis = chart.axisY(bars);
                if (!axis)
                    return;
                // Whole numbers from 0: at most 4 steps, each a whole number.
                const top = Math.max(1, ...page.rows.map(r => r.value));
                const steps = Math.min(4, top);
                axis.min = 0;
                axis.max = Math.ceil(top / steps) * steps;
                axis.tickCount = steps + 1;
                axis.labelFormat = "%d";
                axis.labelsColor = Theme.text;
                axis.labelsFont = Qt.font({ family: Theme.fontFamily, pixelSize: Theme.smallTextSize });
                axis.color = Theme.border;
                axis.gridLineColor = Theme.border;
            }
            Component.onCompleted: styleValueAxis()
            Connections {
                target: page
                function onRowsChanged() { chart.styleValueAxis() }
            }
            Connections {
                target: Theme
                function onChanged() { chart.styleValueAxis() }
            }
            BarSeries {
                id: bars
                axisX: BarCategoryAxis {
                    categories: page.rows.map(r => r.key)
                    labelsColor: Theme.text
                    labelsFont.pixelSize: Theme.smallTextSize
                    labelsFont.family: Theme.fontFamily
                    color: Theme.border
                    gridLineColor: Theme.border
                }
                BarSet {
                    label: page.chartTitle
                    color: Theme.primary
                    borderColor: Theme.text
                    values: page.rows.map(r => r.value)
                }
            }
        }
        Pager {
            id: table
            name: page.chartTitle
            Layout.fillWidth: false
            Layout.preferredWidth: page.width * 0.4
            Layout.fillHeight: true
            model: page.rows
            delegate: Item {
                id: row
                required property var modelData
                readonly property string words: modelData.key + " : " + modelData.value
                width: table.width
                height: table.rowHeight
                // A worker's row opens what they did; the other rows are cells of the table.
                BigButton {
                    anchors.fill: parent
                    visible: page.view === "workers"
                    text: row.words
                    accessibleDescription: qsTr("Opens what this worker did")
                    tone: Theme.surface
                    toneText: Theme.text
                    onClicked: page.board.openWorker(row.modelData.key)
                }
                Rectangle {
                    anchors.fill: parent
                    visible: page.view !== "workers"
                    color: Theme.surface
                    radius: Theme.radius
                    Text {
                        anchors.fill: parent
                        anchors.leftMargin: Theme.spacing
                        verticalAlignment: Text.AlignVCenter
                        text: row.words
                        color: Theme.text
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.textSize
                        Accessible.role: Accessible.Cell
                        Accessible.name: text
                    }
                }
            }
        }
    }
}
