// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
// The desk's handover, scan first: the scanner field always has the focus; each scan is
// answered at once by the banner (colour, pictogram, one short sentence, said aloud by the
// session's `spoken` signal); warnings are one-touch buttons; then a signature or a
// witness, and "Hand over". The logic is in DeskSession (C++); this file only binds.
pragma ComponentBehavior: Bound
import QtQuick
import Etabli.Ui
import Etabli.Desk

Rectangle {
    id: screen
    required property DeskSession session
    /// The staff member at the desk (the station's worker), named on a witnessed handover.
    property string witnessName: ""
    color: Theme.background

    Column {
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: Theme.spacing

        ScanField {
            id: scan
            objectName: "scanField"
            width: parent.width
            label: screen.session.stage === DeskSession.Voucher ? qsTr("Scan the voucher") : qsTr("Scan a label")
            onScanned: (code) => screen.session.scan(code)
            onTyped: (text) => screen.session.scan(text)
            onGarbledScan: (raw, meant, message) => screen.session.garbled(message)
        }

        Rectangle {
            id: banner
            objectName: "banner"
            width: parent.width
            height: Math.max(Theme.mainTargetSize, answer.implicitHeight + 2 * Theme.spacing)
            radius: Theme.radius
            color: screen.session.tone === DeskSession.Pass ? Theme.pass
                 : screen.session.tone === DeskSession.Warn ? Theme.warn
                 : screen.session.tone === DeskSession.Fail ? Theme.fail : Theme.surface
            border.color: Theme.border
            border.width: Theme.borderWidth
            Accessible.role: Accessible.AlertMessage
            Accessible.name: screen.session.message
            Row {
                id: answer
                anchors.verticalCenter: parent.verticalCenter
                x: Theme.spacing
                spacing: Theme.spacing
                Rectangle {
                    width: Theme.iconSize + 2 * Theme.spacingSmall
                    height: width
                    radius: Theme.radius
                    color: Theme.pictogramBackdrop
                    Image {
                        anchors.centerIn: parent
                        source: "qrc:/Etabli/Ui/pictograms/" + screen.session.pictogram + ".svg"
                        sourceSize.width: Theme.iconSize
                        sourceSize.height: Theme.iconSize
                    }
                }
                Text {
                    anchors.verticalCenter: parent.verticalCenter
                    width: banner.width - Theme.iconSize - 5 * Theme.spacing
                    text: screen.session.message
                    wrapMode: Text.WordWrap
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.titleSize
                    font.bold: true
                    color: screen.session.tone === DeskSession.Pass ? Theme.onPass
                         : screen.session.tone === DeskSession.Warn ? Theme.onWarn
                         : screen.session.tone === DeskSession.Fail ? Theme.onFail : Theme.text
                }
            }
        }

        Row {
            width: parent.width
            spacing: Theme.spacing
            Column {
                width: (parent.width - Theme.spacing) / 2
                spacing: Theme.spacingSmall
                Text {
                    text: screen.session.family === "" ? qsTr("No family yet") : screen.session.family
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.titleSize
                    font.bold: true
                    color: Theme.text
                }
                Repeater {
                    model: screen.session.items
                    delegate: Text {
                        required property var modelData
                        text: modelData.tag + "  " + modelData.kind
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.textSize
                        color: Theme.text
                    }
                }
                Text {
                    visible: screen.session.receipt !== ""
                    width: parent.width
                    wrapMode: Text.WordWrap
                    text: screen.session.receipt
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.textSize
                    color: Theme.text
                }
            }
            Column {
                width: (parent.width - Theme.spacing) / 2
                spacing: Theme.spacing
                Repeater {
                    model: screen.session.warnings
                    delegate: BigButton {
                        required property string modelData
                        width: parent.width
                        pictogram: "warning"
                        tone: Theme.warn
                        toneText: Theme.onWarn
                        text: screen.session.warningText(modelData) + " " + qsTr("Confirm")
                        onClicked: { screen.session.confirm(modelData); scan.forceActiveFocus() }
                    }
                }
                SignaturePad {
                    id: pad
                    objectName: "signaturePad"
                    width: parent.width
                    visible: screen.session.stage === DeskSession.Kit
                }
                Row {
                    spacing: Theme.spacing
                    visible: screen.session.stage === DeskSession.Kit
                    BigButton {
                        id: witness
                        objectName: "witnessButton"
                        pictogram: "info"
                        text: qsTr("Staff witness")
                        checkable: true
                    }
                    BigButton {
                        objectName: "clearButton"
                        pictogram: "remove"
                        text: qsTr("Erase signature")
                        onClicked: { pad.clear(); scan.forceActiveFocus() }
                    }
                }
                BigButton {
                    objectName: "handOverButton"
                    main: true
                    width: parent.width
                    pictogram: screen.session.stage === DeskSession.Done ? "next" : "done"
                    text: screen.session.stage === DeskSession.Done ? qsTr("Next family") : qsTr("Hand over")
                    enabled: screen.session.stage !== DeskSession.Voucher
                    onClicked: {
                        if (screen.session.stage === DeskSession.Done)
                            screen.session.reset()
                        else
                            screen.session.finish(witness.checked ? screen.witnessName : "", pad.strokes,
                                                  pad.width, pad.height)
                        pad.clear()
                        scan.forceActiveFocus()
                    }
                }
            }
        }
    }
}
