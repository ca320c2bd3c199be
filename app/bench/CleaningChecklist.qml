// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
// The physical cleaning as pictures to tick: dust blown out, case, screen, keyboard.
pragma ComponentBehavior: Bound
import QtQuick
import Etabli.Ui
import Etabli.Bench

Flow {
    id: list
    spacing: Theme.spacing
    property int checkedCount: 0
    readonly property bool allDone: checkedCount === repeater.count
    onVisibleChanged: if (visible) { checkedCount = 0; for (let i = 0; i < repeater.count; ++i) repeater.itemAt(i).checked = false }

    Repeater {
        id: repeater
        model: [ { id: "dust", picture: "air", text: qsTr("Dust blown out") },
                 { id: "case", picture: "sponge", text: qsTr("Case wiped") },
                 { id: "screen", picture: "paper", text: qsTr("Screen wiped") },
                 { id: "keyboard", picture: "lotion", text: qsTr("Keyboard cleaned") } ]
        BigButton {
            required property var modelData
            objectName: "clean-" + modelData.id
            checkable: true
            pictogram: checked ? "pass" : "../../Bench/pictograms/" + modelData.picture
            text: modelData.text
            onCheckedChanged: list.checkedCount += checked ? 1 : -1
        }
    }
}
