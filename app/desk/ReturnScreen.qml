// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
// A return under warranty: scan what comes back, touch the picture of what is wrong,
// maybe scan a replacement (checked as at a handover), then "Record": the slip is written
// (and printed), the PC or device goes back to the workshop (RETURNED).
pragma ComponentBehavior: Bound
import QtQuick
import Etabli.Ui
import Etabli.Desk

Rectangle {
    id: screen
    /// Set by DeskMain when the page is loaded (until then an empty one, never null).
    property DeskCare care: DeskCare {}
    readonly property int stage: screen.care.returnStage
    readonly property bool choosing: stage === DeskCare.Reason || stage === DeskCare.Swap
    color: Theme.background
    onVisibleChanged: if (visible) scan.forceActiveFocus()
    Component.onCompleted: scan.forceActiveFocus()

    Column {
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: Theme.spacing

        ScanField {
            id: scan
            objectName: "returnScanField"
            width: parent.width
            label: screen.stage === DeskCare.Swap ? qsTr("Scan the replacement") : qsTr("Scan what comes back")
            onScanned: (code) => screen.care.returnScan(code)
            onTyped: (text) => screen.care.returnScan(text)
            onGarbledScan: (raw, meant, message) => screen.care.garbled(message)
        }
        AnswerBanner {
            width: parent.width
            tone: screen.care.tone
            message: screen.care.message
            pictogram: screen.care.pictogram
        }
        Text {
            objectName: "returnWhat"
            visible: screen.stage !== DeskCare.Scan
            width: parent.width
            wrapMode: Text.WordWrap
            font.family: Theme.fontFamily
            font.pixelSize: Theme.textSize
            color: Theme.text
            text: screen.care.familyName + " · " + screen.care.returnTag
                  + (screen.care.swapTag !== "" ? "  →  " + screen.care.swapTag : "")
        }
        // The nine reasons as pictures, then the two actions in the same grid (it keeps the
        // whole screen on a 1366×768 panel with text at 200 %).
        Grid {
            id: reasons
            objectName: "reasons"
            visible: screen.choosing
            width: parent.width
            columns: Theme.textScale > 1.5 ? 6 : 9
            spacing: Theme.spacing
            readonly property real cell: (reasons.width - (reasons.columns - 1) * reasons.spacing) / reasons.columns
            Repeater {
                model: screen.care.reasons
                delegate: BigButton {
                    required property string modelData
                    objectName: "reason-" + modelData
                    width: reasons.cell
                    pictogram: screen.care.reasonPictogram(modelData)
                    text: screen.care.reasonText(modelData)
                    checked: screen.care.reason === modelData
                    font.pixelSize: Theme.smallTextSize
                    onClicked: { screen.care.pickReason(modelData); scan.forceActiveFocus() }
                }
            }
            BigButton {
                objectName: "swapButton"
                width: reasons.cell
                pictogram: "move"
                text: qsTr("Swap")
                accessibleName: qsTr("Give a replacement")
                font.pixelSize: Theme.smallTextSize
                checked: screen.stage === DeskCare.Swap
                onClicked: { screen.care.startSwap(); scan.forceActiveFocus() }
            }
            BigButton {
                objectName: "recordReturn"
                main: true
                width: reasons.cell
                pictogram: "printer"
                text: qsTr("Print")
                accessibleName: qsTr("Record and print")
                font.pixelSize: Theme.smallTextSize
                enabled: screen.care.reason !== ""
                onClicked: { screen.care.recordReturn(); scan.forceActiveFocus() }
            }
        }
        BigButton {
            objectName: "nextReturn"
            visible: screen.stage === DeskCare.Done
            main: true
            width: parent.width
            pictogram: "next"
            text: qsTr("Next")
            onClicked: { screen.care.reset(); scan.forceActiveFocus() }
        }
    }
}
