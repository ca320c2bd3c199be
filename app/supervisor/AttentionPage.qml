// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
// Home: what needs someone now. Each row opens the asset, worker or bench it names.
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
    }
    Label {
        visible: page.board.selected !== ""
        text: qsTr("Open: %1").arg(page.board.selected)
        color: Theme.text
        font.pixelSize: Theme.textSize
        Accessible.role: Accessible.StaticText
        Accessible.name: text
    }
    ListView {
        id: list
        clip: true
        spacing: Theme.spacing
        model: page.board.attention
        Layout.fillWidth: true
        Layout.fillHeight: true
        delegate: BigButton {
            required property var modelData
            width: list.width
            text: modelData.title + " — " + modelData.id
            accessibleName: text
            tone: Theme.surface
            toneText: Theme.text
            onClicked: page.board.selected = modelData.linkType + " " + modelData.id
        }
    }
}
