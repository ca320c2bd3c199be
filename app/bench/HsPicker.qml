// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
// Broken parts by picture: touch the part, then why it is broken. Both come from the
// closed lists of the inventory (inventory/domain.h), never from free text; each pair is
// one `hs.recorded` event.
pragma ComponentBehavior: Bound
import QtQuick
import Etabli.Ui
import Etabli.Bench

Column {
    id: picker
    spacing: Theme.spacing
    property string part: ""
    readonly property var pictures: ({
        screen: "screen-tv", keyboard: "keyboard", mouse: "mouse", speakers: "speakers", cable: "cable",
        ram: "ram", disk: "disk", cpu: "cpu", gpu: "gpu", motherboard: "board", power_supply: "power",
        optical: "master", nic: "network", audio: "audio", usb: "plug", battery: "battery", fan: "fan",
        "case": "case"
    })
    readonly property var reasonPictures: ({
        no_power: "plug", no_boot: "forbidden", no_display: "pc", dead_pixels: "screen-tv",
        broken_keys: "keyboard", broken_button: "button", no_sound: "offline", disk_failing: "disk",
        ram_failing: "ram", physical_damage: "broken", missing: "question", other: "wrench"
    })

    BenchText {
        objectName: "hsList"
        visible: Bench.hsRecorded.length > 0
        width: parent.width
        text: qsTr("Already noted: %1").arg(Bench.hsSummary)
    }
    BenchText {
        width: parent.width
        text: picker.part === "" ? qsTr("Which part is broken?") : qsTr("Why is it broken?")
    }
    Flow {
        visible: picker.part === ""
        width: parent.width
        spacing: Theme.spacing
        Repeater {
            model: Bench.hsParts()
            BigButton {
                required property string modelData
                objectName: "part-" + modelData
                pictogram: "../../Bench/pictograms/" + picker.pictures[modelData]
                text: Bench.hsPartTitle(modelData)
                onClicked: picker.part = modelData
            }
        }
    }
    Flow {
        visible: picker.part !== ""
        width: parent.width
        spacing: Theme.spacing
        Repeater {
            model: Bench.hsReasons()
            BigButton {
                required property string modelData
                objectName: "reason-" + modelData
                pictogram: "../../Bench/pictograms/" + picker.reasonPictures[modelData]
                text: Bench.hsReasonTitle(modelData)
                accessibleName: Bench.hsPartTitle(picker.part) + " : " + text
                onClicked: {
                    Bench.recordHs(picker.part, modelData)
                    picker.part = ""
                }
            }
        }
        BigButton {
            objectName: "hsBack"
            pictogram: "arrow-left"
            text: qsTr("Back")
            onClicked: picker.part = ""
        }
    }
}
