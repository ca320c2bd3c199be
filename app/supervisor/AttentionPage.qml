// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
// Home: what needs someone now. Each row opens the asset or worker it names.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Etabli.Ui
import Etabli.Supervisor

ColumnLayout {
    id: page
    required property SupervisorBoard board
    spacing: Theme.spacing

    Label {
        text: page.board.attentionTotal === 0 ? qsTr("Nothing needs attention.")
                                              : qsTr("%n thing(s) need attention.", "", page.board.attentionTotal)
        color: Theme.text
        font.pixelSize: Theme.titleSize
        Layout.fillWidth: true
        Accessible.role: Accessible.Heading
        Accessible.name: text
    }
    // One button a kind, with its count: the list shows that kind alone (at a region's
    // scale thousands of rows; a few kinds hold most of them).
    component KindButton: BigButton {
        property string kind
        property string title
        property int count
        text: title + "\u00a0(" + Number(count).toLocaleString(Qt.locale(), "f", 0) + ")"
        accessibleName: qsTr("%1: %n row(s)", "", count).arg(title)
        checkable: true
        checked: page.board.attentionKind === kind
        tone: Theme.surface
        toneText: Theme.text
        onClicked: page.board.showAttentionKind(kind)
    }
    Flow {
        visible: page.board.attentionKinds.length > 1 || page.board.attentionKind !== ""
        spacing: Theme.spacing
        Layout.fillWidth: true
        KindButton {
            kind: ""
            title: qsTr("All")
            count: page.board.attentionTotal
        }
        Repeater {
            model: page.board.attentionKinds
            KindButton {
                required property var modelData
                kind: modelData.kind
                title: modelData.title
                count: modelData.count
            }
        }
    }
    Pager {
        id: list
        name: qsTr("Needs attention")
        model: page.board.attention
        Layout.fillWidth: true
        Layout.fillHeight: true
        delegate: BigButton {
            required property var modelData
            width: list.width
            height: list.rowHeight
            text: modelData.title + " — " + modelData.id
            accessibleName: text
            accessibleDescription: modelData.linkType === "station" ? qsTr("Opens the bench")
                                 : modelData.linkType === "worker" ? qsTr("Opens the worker") : qsTr("Opens the asset")
            tone: Theme.surface
            toneText: Theme.text
            onClicked: {
                if (modelData.linkType === "station")
                    page.board.openStation(modelData.id);
                else if (modelData.linkType === "worker")
                    page.board.openWorker(modelData.id);
                else
                    page.board.openAsset(modelData.id);
            }
        }
    }
    // More rows than one read holds: the next or previous ones from the server.
    RowLayout {
        visible: page.board.attentionCount > page.board.attentionRows
        spacing: Theme.spacing
        Layout.fillWidth: true
        BigButton {
            text: qsTr("Previous %n rows", "", page.board.attentionRows)
            enabled: page.board.attentionOffset > 0 && !page.board.busy
            tone: Theme.surface
            toneText: Theme.text
            onClicked: page.board.moveAttention(-1)
        }
        Text {
            text: qsTr("Rows %1 to %2 of %3")
                      .arg(page.board.attentionOffset + 1)
                      .arg(page.board.attentionOffset + page.board.attention.length)
                      .arg(page.board.attentionCount)
            color: Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: Theme.textSize
            Accessible.role: Accessible.StaticText
            Accessible.name: text
            Accessible.ignored: !visible
        }
        BigButton {
            text: qsTr("Next %n rows", "", page.board.attentionRows)
            enabled: page.board.attentionOffset + page.board.attention.length < page.board.attentionCount
                     && !page.board.busy
            tone: Theme.surface
            toneText: Theme.text
            onClicked: page.board.moveAttention(1)
        }
        Item { Layout.fillWidth: true }
    }
}
