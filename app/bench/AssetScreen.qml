// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
// Pick the asset: scan its label, or register a new one at intake (what it is by
// pictogram, its lot by touch).
pragma ComponentBehavior: Bound
import QtQuick
import Etabli.Ui
import Etabli.Bench

Rectangle {
    id: page
    color: Theme.background
    property string kind: ""
    signal logoutRequested()
    Accessible.role: Accessible.Pane
    Accessible.name: title.text
    onVisibleChanged: if (visible) { kind = ""; scan.forceActiveFocus() }
    Component.onCompleted: scan.forceActiveFocus()

    SpokenHint { text: title.text }

    BenchHeader {
        id: header
        anchors.left: parent.left
        anchors.right: parent.right
        showStep: false
        onLogoutRequested: page.logoutRequested()
    }

    Flickable {
        anchors.top: header.bottom
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        anchors.margins: Theme.spacingLarge
        contentHeight: column.implicitHeight
        clip: true

        Column {
            id: column
            width: parent.width
            spacing: Theme.spacingLarge

            Row {
                spacing: Theme.spacing
                Image {
                    source: Bench.pictogram("label")
                    width: Theme.iconSize * 1.5
                    height: width
                    sourceSize.width: width
                    sourceSize.height: height
                    Accessible.ignored: true
                }
                BenchText {
                    id: title
                    objectName: "instruction"
                    anchors.verticalCenter: parent.verticalCenter
                    width: column.width - Theme.iconSize * 1.5 - Theme.spacing
                    title: true
                    text: qsTr("Scan the label of the PC.")
                }
            }
            Flow {
                width: parent.width
                spacing: Theme.spacingLarge
                // benchui: the shared scan field, so a scanner on the wrong keyboard is named.
                ScanField {
                    id: scan
                    objectName: "labelScan"
                    // Wide enough for its label at any text size (the label is not clipped).
                    width: Math.min(Math.max(implicitWidth, labelMetrics.advanceWidth + leftPadding + rightPadding + Theme.spacing), column.width)
                    TextMetrics {
                        id: labelMetrics
                        font: scan.font
                        text: scan.label
                    }
                    label: qsTr("Scan the label")
                    onScanned: (code) => Bench.openAsset(code)
                    onTyped: (text) => Bench.openAsset(text)
                    onGarbledScan: (raw, meant, message) => Bench.refuseScan(message)
                }
                ListenButton {
                    objectName: "listen"
                    speech: title.text
                }
            }
            // bench: the other PC (meanwhile): its work goes on, or it ended and waits.
            BenchText {
                objectName: "notice"
                visible: Bench.notice !== ""
                width: parent.width
                text: Bench.notice
                Accessible.role: Accessible.AlertMessage
                // Said by the Bench itself (also when a Station test screen is shown).
            }
            BigButton {
                objectName: "backToOther"
                visible: Bench.otherTag !== ""
                tone: Bench.otherFinished ? Theme.primary : Theme.surface
                toneText: Bench.otherFinished ? Theme.onPrimary : Theme.text
                pictogram: "arrow-left"
                text: qsTr("Back to PC %1").arg(Bench.otherTag)
                onClicked: Bench.backToOther()
            }
            BenchText {
                objectName: "message"
                visible: Bench.message !== ""
                width: parent.width
                color: Theme.alertText
                text: Bench.message
                Accessible.role: Accessible.AlertMessage
            }
            BenchText {
                width: parent.width
                text: page.kind === "" ? qsTr("No label? Touch what it is.") : qsTr("Touch the lot it came with.")
            }
            Flow {
                visible: page.kind === ""
                width: parent.width
                spacing: Theme.spacingLarge
                Repeater {
                    model: [
                        { kind: "pc", picture: "pc", text: qsTr("PC") },
                        { kind: "screen", picture: "screen-tv", text: qsTr("Screen") },
                        { kind: "keyboard", picture: "keyboard", text: qsTr("Keyboard") },
                        { kind: "mouse", picture: "mouse", text: qsTr("Mouse") },
                        { kind: "speakers", picture: "speakers", text: qsTr("Speakers") }
                    ]
                    BigButton {
                        required property var modelData
                        objectName: "kind-" + modelData.kind
                        pictogram: "../../Bench/pictograms/" + modelData.picture
                        text: modelData.text
                        accessibleName: qsTr("New: %1").arg(modelData.text)
                        onClicked: page.kind = modelData.kind
                    }
                }
            }
            Flow {
                visible: page.kind !== ""
                width: parent.width
                spacing: Theme.spacingLarge
                Repeater {
                    model: Bench.lots
                    BigButton {
                        required property string modelData
                        objectName: "lot-" + modelData
                        pictogram: "../../Bench/pictograms/intake"
                        text: modelData
                        accessibleName: qsTr("Lot %1").arg(modelData)
                        onClicked: Bench.createAsset(page.kind, modelData)
                    }
                }
                BigButton {
                    objectName: "backToKinds"
                    pictogram: "arrow-left"
                    text: qsTr("Back")
                    onClicked: page.kind = ""
                }
            }
        }
    }
}
