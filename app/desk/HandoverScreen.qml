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
    /// Set by DeskMain when the page is loaded (until then an empty one, never null).
    property DeskSession session: DeskSession {}
    /// The staff member at the desk (the station's worker), named on a witnessed handover.
    property string witnessName: ""
    color: Theme.background

    function kindName(kind) {
        return kind === "pc" ? qsTr("PC") : kind === "screen" ? qsTr("Screen")
             : kind === "keyboard" ? qsTr("Keyboard") : kind === "mouse" ? qsTr("Mouse")
             : kind === "speakers" ? qsTr("Speakers") : kind
    }
    function kindPictogram(kind) {
        return kind === "keyboard" ? "keyboard" : kind === "mouse" ? "mouse"
             : kind === "speakers" ? "speaker" : "screen"
    }
    onVisibleChanged: if (visible) scan.forceActiveFocus()
    Component.onCompleted: scan.forceActiveFocus()

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

        AnswerBanner {
            id: banner
            width: parent.width
            tone: screen.session.tone
            message: screen.session.message
            pictogram: screen.session.pictogram
        }

        Row {
            id: body
            width: parent.width
            // deskui: what is left under the field and the banner (the pad takes the rest).
            height: screen.height - 2 * Theme.spacing - scan.height - banner.height - 2 * Theme.spacing
            spacing: Theme.spacing
            Column {
                width: (parent.width - Theme.spacing) / 2
                spacing: Theme.spacingSmall
                Text {
                    Accessible.role: Accessible.StaticText
                    Accessible.name: text
                    text: screen.session.family === "" ? qsTr("No family yet") : screen.session.family
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.titleSize
                    font.bold: true
                    color: Theme.text
                }
                Repeater {
                    model: screen.session.items
                    // deskui: the kind as a picture and a word, then the label's number.
                    delegate: Row {
                        id: item
                        required property var modelData
                        spacing: Theme.spacingSmall
                        Rectangle {
                            width: Theme.iconSize * 0.6 + 2 * Theme.spacingSmall
                            height: width
                            radius: Theme.radius
                            color: Theme.pictogramBackdrop
                            Image {
                                anchors.centerIn: parent
                                source: "qrc:/Etabli/Ui/pictograms/" + screen.kindPictogram(item.modelData.kind) + ".svg"
                                sourceSize.width: Theme.iconSize * 0.6
                                sourceSize.height: Theme.iconSize * 0.6
                            }
                        }
                        Text {
                            anchors.verticalCenter: parent.verticalCenter
                            text: screen.kindName(item.modelData.kind) + "  " + item.modelData.tag
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.textSize
                            color: Theme.text
                        }
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
            Column {
                id: side
                width: (parent.width - Theme.spacing) / 2
                spacing: Theme.spacing
                Column {
                    id: warningList
                    width: parent.width
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
                }
                SignaturePad {
                    id: pad
                    objectName: "signaturePad"
                    width: parent.width
                    // 40 mm when there is room, never under 25 mm (French at 200 % on 1366×768).
                    height: Math.max(Theme.mm(25), Math.min(Theme.mm(40), body.height - warningList.height
                                     - padButtons.height - 2 * side.spacing))
                    visible: screen.session.stage === DeskSession.Kit
                }
                Row {
                    id: padButtons
                    spacing: Theme.spacing
                    visible: screen.session.stage === DeskSession.Kit
                    // deskui: short words (French at 200 % must fit), the full words for AT.
                    BigButton {
                        id: witness
                        objectName: "witnessButton"
                        width: (parent.parent.width - Theme.spacing) / 2
                        pictogram: "info"
                        text: qsTr("Witness")
                        accessibleName: qsTr("Staff witness")
                        checkable: true
                    }
                    BigButton {
                        objectName: "clearButton"
                        width: (parent.parent.width - Theme.spacing) / 2
                        pictogram: "remove"
                        text: qsTr("Erase")
                        accessibleName: qsTr("Erase signature")
                        onClicked: { pad.clear(); scan.forceActiveFocus() }
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
                // deskui: the parents' lessons, offered once the kit is handed over.
                BigButton {
                    objectName: "enrolButton"
                    width: parent.width
                    visible: screen.session.stage === DeskSession.Done
                    enabled: !screen.session.enrolled
                    pictogram: "training"
                    text: screen.session.enrolled ? qsTr("On the lessons list") : qsTr("Join the parents' lessons")
                    onClicked: { screen.session.enrolTraining(); scan.forceActiveFocus() }
                }
            }
        }
    }
}
