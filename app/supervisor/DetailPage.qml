// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
// The detail of one asset (its state, where it is stuck, tests, erasures, broken parts and
// its history in words) or one worker (what they did in the period), opened from an
// attention row or a figure. "Back" returns to the list.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Etabli.Ui
import Etabli.Supervisor

ColumnLayout {
    id: page
    required property SupervisorBoard board
    readonly property var detail: board.detail
    readonly property bool isAsset: board.detailKind === "asset"
    /// Which part of the detail shows: history, tests, erasures, hs (asset) or counts (worker).
    property string section: "history"
    spacing: Theme.spacing

    Connections {
        target: page.board
        function onDetailKindChanged() { page.section = "history" }
    }

    RowLayout {
        spacing: Theme.spacing
        Layout.fillWidth: true
        BigButton {
            text: qsTr("Back")
            pictogram: "arrow-left"
            onClicked: page.board.closeDetail()
        }
        Text {
            text: page.detail.title !== undefined ? page.detail.title
                                                  : (page.board.busy ? qsTr("Reading…") : page.board.detailId)
            color: Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: Theme.titleSize
            font.bold: true
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
            Accessible.role: Accessible.Heading
            Accessible.name: text
        }
    }
    Text {
        visible: text !== ""
        text: (page.detail.where || "") + (page.detail.facts ? "  ·  " + page.detail.facts.join("  ·  ") : "")
        color: Theme.text
        font.family: Theme.fontFamily
        font.pixelSize: Theme.textSize
        wrapMode: Text.WordWrap
        Layout.fillWidth: true
        Accessible.role: Accessible.StaticText
        Accessible.name: text
        Accessible.ignored: !visible
    }
    Flow {
        spacing: Theme.spacing
        Layout.fillWidth: true
        Repeater {
            model: page.isAsset
                   ? [{ key: "history", text: qsTr("History") }, { key: "tests", text: qsTr("Tests") },
                      { key: "erasures", text: qsTr("Erasures") }, { key: "hs", text: qsTr("Broken parts") }]
                   : [{ key: "history", text: qsTr("What they did") }, { key: "counts", text: qsTr("Totals") }]
            BigButton {
                required property var modelData
                text: modelData.text
                checkable: true
                checked: page.section === modelData.key
                tone: Theme.surface
                toneText: Theme.text
                onClicked: page.section = modelData.key
            }
        }
    }
    Pager {
        id: pager
        name: qsTr("Detail")
        Layout.fillWidth: true
        Layout.fillHeight: true
        model: {
            const rows = page.detail[page.section];
            return rows === undefined ? [] : rows;
        }
        delegate: Rectangle {
            id: historyRow
            required property var modelData
            width: pager.width
            height: pager.rowHeight
            readonly property bool opens: !page.isAsset && (historyRow.modelData.tag || "") !== ""
            color: Theme.surface
            radius: Theme.radius
            border.color: opens ? Theme.border : "transparent"
            border.width: Theme.borderWidth
            Accessible.role: opens ? Accessible.Button : Accessible.ListItem
            Accessible.name: words.text
            Accessible.description: opens ? qsTr("Opens the asset") : ""
            Text {
                id: words
                anchors.fill: parent
                anchors.leftMargin: Theme.spacing
                verticalAlignment: Text.AlignVCenter
                Accessible.ignored: true
                text: historyRow.modelData.when !== undefined
                      ? historyRow.modelData.when + "  " + historyRow.modelData.words
                        + (historyRow.modelData.who ? "  (" + historyRow.modelData.who + ")" : "")
                      : historyRow.modelData.key + " : " + historyRow.modelData.value
                color: Theme.text
                font.family: Theme.fontFamily
                font.pixelSize: Theme.textSize
            }
            // A row of a worker's history that names an asset opens it.
            TapHandler {
                enabled: historyRow.opens
                onTapped: page.board.openAsset(historyRow.modelData.tag)
            }
        }
    }
    Text {
        visible: pager.model.length === 0 && !page.board.busy
        text: qsTr("Nothing here.")
        Accessible.ignored: !visible
        color: Theme.text
        font.family: Theme.fontFamily
        font.pixelSize: Theme.textSize
    }
}
