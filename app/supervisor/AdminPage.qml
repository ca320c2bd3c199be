// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
// The workers as the log last described them (changes: `etabli admin …`, each an event).
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Etabli.Ui
import Etabli.Supervisor

ColumnLayout {
    id: page
    required property SupervisorBoard board
    spacing: Theme.spacing

    ListView {
        id: list
        clip: true
        spacing: Theme.spacing
        Layout.fillWidth: true
        Layout.fillHeight: true
        model: page.board.workers
        delegate: BigButton {
            required property var modelData
            width: list.width
            text: modelData.display_name + " — " + modelData.badge + " — " + modelData.role
            accessibleName: text
            tone: Theme.surface
            toneText: Theme.text
            onClicked: page.board.selected = "worker " + modelData.badge
        }
    }
}
