// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
// Parts added or swapped, by picture: memory, disk, DVD drive, sound card. Each touch is
// recorded on the PC's parts (`asset.updated` components).
pragma ComponentBehavior: Bound
import QtQuick
import Etabli.Ui
import Etabli.Bench

Column {
    spacing: Theme.spacing
    BenchText {
        objectName: "partsList"
        visible: Bench.partsAdded.length > 0
        width: parent.width
        text: qsTr("Already noted: %1").arg(Bench.partsSummary)
    }
    Flow {
        width: parent.width
        spacing: Theme.spacing
        Repeater {
            model: [ { kind: "ram", picture: "ram" }, { kind: "disk", picture: "disk" },
                     { kind: "optical", picture: "master" }, { kind: "audio", picture: "audio" } ]
            BigButton {
                required property var modelData
                objectName: "add-" + modelData.kind
                pictogram: "../../Bench/pictograms/" + modelData.picture
                text: Bench.hsPartTitle(modelData.kind)
                accessibleName: qsTr("I added or changed: %1").arg(text)
                onClicked: Bench.addPart(modelData.kind)
            }
        }
    }
}
