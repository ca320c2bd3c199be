// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
// The figures of the period: a chart where a picture says it better, and the same numbers
// as a list a screen reader reads row by row.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtCharts
import Etabli.Ui
import Etabli.Supervisor

RowLayout {
    id: page
    required property SupervisorBoard board
    readonly property string chartTitle: qsTr("PCs ready each month")
    spacing: Theme.spacing

    ChartView {
        id: chart
        title: page.chartTitle
        legend.visible: false
        antialiasing: true
        backgroundColor: Theme.background
        titleColor: Theme.text
        Layout.fillWidth: true
        Layout.fillHeight: true
        Accessible.role: Accessible.Chart
        Accessible.name: page.chartTitle
        BarSeries {
            id: bars
            axisX: BarCategoryAxis {
                categories: page.board.refurbishedPerMonth.map(r => r.key)
                labelsColor: Theme.text
            }
            axisY: ValueAxis {
                min: 0
                max: Math.max(1, ...page.board.refurbishedPerMonth.map(r => r.value))
                labelsColor: Theme.text
            }
            BarSet {
                label: qsTr("PCs ready")
                color: Theme.primary
                values: page.board.refurbishedPerMonth.map(r => r.value)
            }
        }
    }
    ListView {
        id: table
        clip: true
        Layout.preferredWidth: parent.width * 0.35
        Layout.fillHeight: true
        Accessible.role: Accessible.Table
        Accessible.name: page.chartTitle
        model: page.board.refurbishedPerMonth.concat(page.board.hsByPart)
        delegate: Label {
            required property var modelData
            width: table.width
            text: modelData.key + " : " + modelData.value
            color: Theme.text
            font.pixelSize: Theme.textSize
            Accessible.role: Accessible.Cell
            Accessible.name: text
        }
    }
}
