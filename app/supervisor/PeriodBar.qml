// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
// The period and lot of the figures and the bilan: three one-touch periods, or two dates
// and a lot typed (Enter or "Show" reads them). Passed to the endpoints' from, to and lot.
pragma ComponentBehavior: Bound
import QtQuick
import Etabli.Ui
import Etabli.Supervisor

Flow {
    id: bar
    required property SupervisorBoard board
    property bool showLot: true
    spacing: Theme.spacing

    function apply() {
        bar.board.from = fromField.text;
        bar.board.to = toField.text;
        bar.board.lot = lotField.text;
        bar.board.refresh();
    }

    Repeater {
        model: [{ key: "month", text: qsTr("This month") },
                { key: "year", text: qsTr("This year") },
                { key: "previous_year", text: qsTr("Previous year") }]
        BigButton {
            required property var modelData
            text: modelData.text
            tone: Theme.surface
            toneText: Theme.text
            onClicked: bar.board.setPeriod(modelData.key)
        }
    }
    Field {
        id: fromField
        label: qsTr("From (year-month-day)")
        text: bar.board.from
        onAccepted: bar.apply()
    }
    Field {
        id: toField
        label: qsTr("To (year-month-day)")
        text: bar.board.to
        onAccepted: bar.apply()
    }
    Field {
        id: lotField
        visible: bar.showLot
        label: qsTr("Lot (empty: all)")
        fieldWidth: Theme.mm(30)
        text: bar.board.lot
        onAccepted: bar.apply()
    }
    BigButton {
        text: qsTr("Show")
        onClicked: bar.apply()
    }
}
