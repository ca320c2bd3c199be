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
        text: page.board.attention.length === 0 ? qsTr("Nothing needs attention.")
                                                : qsTr("%n thing(s) need attention.", "", page.board.attention.length)
        color: Theme.text
        font.pixelSize: Theme.titleSize
        Layout.fillWidth: true
        Accessible.role: Accessible.Heading
        Accessible.name: text
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
}
