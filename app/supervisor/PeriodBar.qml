// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
// The period and lot of the figures and the bilan: three one-touch periods, or "Other
// dates" to type two dates and a lot (Enter or "Show" reads them). The board passes them
// to the endpoints' from, to and lot. The typed fields stay hidden until asked for, so the
// chart keeps its room at 200 % text.
pragma ComponentBehavior: Bound
import QtQuick
import Etabli.Ui
import Etabli.Supervisor

Flow {
    id: bar
    required property SupervisorBoard board
    property bool showLot: true
    property bool typing: false
    spacing: Theme.spacing

    function apply() {
        bar.board.from = fromField.text;
        bar.board.to = toField.text;
        bar.board.lot = lotField.text;
        bar.board.refresh();
        bar.typing = false;
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
            onClicked: { bar.typing = false; bar.board.setPeriod(modelData.key) }
        }
    }
    BigButton {
        text: bar.showLot ? qsTr("Other dates or lot") : qsTr("Other dates")
        checkable: true
        checked: bar.typing
        tone: Theme.surface
        toneText: Theme.text
        onClicked: bar.typing = !bar.typing
    }
    Text {
        visible: !bar.typing
        height: Theme.targetSize
        verticalAlignment: Text.AlignVCenter
        text: qsTr("From %1 to %2").arg(bar.board.from).arg(bar.board.to)
              + (bar.showLot ? " · " + (bar.board.lot === "" ? qsTr("all lots") : qsTr("lot %1").arg(bar.board.lot)) : "")
        color: Theme.text
        font.family: Theme.fontFamily
        font.pixelSize: Theme.textSize
        Accessible.role: Accessible.StaticText
        Accessible.name: text
        Accessible.ignored: !visible
    }
    Field {
        id: fromField
        visible: bar.typing
        label: qsTr("From (year-month-day)")
        text: bar.board.from
        onAccepted: bar.apply()
    }
    Field {
        id: toField
        visible: bar.typing
        label: qsTr("To (year-month-day)")
        text: bar.board.to
        onAccepted: bar.apply()
    }
    Field {
        id: lotField
        visible: bar.typing && bar.showLot
        label: qsTr("Lot (empty: all)")
        fieldWidth: Theme.mm(30)
        text: bar.board.lot
        onAccepted: bar.apply()
    }
    BigButton {
        visible: bar.typing
        text: qsTr("Show")
        onClicked: bar.apply()
    }
}
