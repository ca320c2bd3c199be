// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
// The 60 € internet grant: scan the family's voucher or PC; the date (in words, a day
// earlier or later by touch); "proof of internet: yes / no" as two big buttons records the
// request; "Paid" records the payment. A late request is refused with the last day in words.
pragma ComponentBehavior: Bound
import QtQuick
import Etabli.Ui
import Etabli.Desk

Rectangle {
    id: screen
    /// Set by DeskMain when the page is loaded (until then an empty one, never null).
    property DeskCare care: DeskCare {}
    readonly property bool found: screen.care.family !== ""
    /// The family's grant (a map: requested, requestedAt, paid, paidAt, deadline, proof).
    readonly property var grant: screen.care.grant
    color: Theme.background
    onVisibleChanged: if (visible) scan.forceActiveFocus()
    Component.onCompleted: scan.forceActiveFocus()

    Column {
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: Theme.spacing

        ScanField {
            id: scan
            objectName: "grantScanField"
            width: parent.width
            label: qsTr("Scan the voucher or the PC")
            onScanned: (code) => screen.care.findFamily(code)
            onTyped: (text) => screen.care.findFamily(text)
            onGarbledScan: (raw, meant, message) => screen.care.garbled(message)
        }
        AnswerBanner {
            width: parent.width
            tone: screen.care.tone
            message: screen.care.message
            pictogram: screen.care.pictogram
        }
        Text {
            objectName: "grantStatus"
            Accessible.role: Accessible.StaticText
            Accessible.name: text
            width: parent.width
            wrapMode: Text.WordWrap
            font.family: Theme.fontFamily
            font.pixelSize: Theme.textSize
            color: Theme.text
            text: !screen.found ? qsTr("Internet grant: 60 euros, once.")
                : screen.grant.paid ? qsTr("%1: grant paid on %2.").arg(screen.care.familyName).arg(screen.grant.paidAt)
                : screen.grant.requested ? qsTr("%1: grant asked on %2.").arg(screen.care.familyName).arg(screen.grant.requestedAt)
                : qsTr("%1: ask before %2.").arg(screen.care.familyName).arg(screen.grant.deadline || "")
        }
        Row {
            spacing: Theme.spacing
            visible: screen.found
            BigButton {
                objectName: "dayBefore"
                pictogram: "arrow-left"
                text: qsTr("Day before")
                onClicked: { screen.care.moveDate(-1); scan.forceActiveFocus() }
            }
            Rectangle {
                width: dateRow.implicitWidth + 2 * Theme.spacing
                height: Math.max(Theme.targetSize, dateRow.implicitHeight + 2 * Theme.spacingSmall)
                radius: Theme.radius
                color: Theme.surface
                border.color: Theme.border
                border.width: Theme.borderWidth
                Accessible.role: Accessible.StaticText
                Accessible.name: qsTr("Date: %1").arg(screen.care.dateText)
                Accessible.ignored: !visible
                Row {
                    id: dateRow
                    anchors.centerIn: parent
                    spacing: Theme.spacingSmall
                    Rectangle {
                        width: Theme.iconSize * 0.6 + 2 * Theme.spacingSmall
                        height: width
                        radius: Theme.radius
                        color: Theme.pictogramBackdrop
                        Image {
                            anchors.centerIn: parent
                            source: "qrc:/Etabli/Ui/pictograms/calendar.svg"
                            sourceSize.width: Theme.iconSize * 0.6
                            sourceSize.height: Theme.iconSize * 0.6
                        }
                    }
                    Text {
                        objectName: "grantDate"
                        anchors.verticalCenter: parent.verticalCenter
                        text: screen.care.dateText
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.textSize
                        font.bold: true
                        color: Theme.text
                    }
                }
            }
            BigButton {
                objectName: "dayAfter"
                pictogram: "arrow-right"
                text: qsTr("Day after")
                onClicked: { screen.care.moveDate(1); scan.forceActiveFocus() }
            }
        }
        Text {
            visible: screen.found && !screen.grant.requested
            width: parent.width
            wrapMode: Text.WordWrap
            font.family: Theme.fontFamily
            font.pixelSize: Theme.textSize
            font.bold: true
            color: Theme.text
            text: qsTr("Is there a proof of internet?")
        }
        Row {
            spacing: Theme.spacing
            visible: screen.found && !screen.grant.requested
            BigButton {
                objectName: "proofYes"
                main: true
                width: (screen.width - 3 * Theme.spacing) / 2
                pictogram: "pass"
                tone: Theme.pass
                toneText: Theme.onPass
                text: qsTr("Yes, proof here")
                onClicked: { screen.care.requestGrant(true); scan.forceActiveFocus() }
            }
            BigButton {
                objectName: "proofNo"
                main: true
                width: (screen.width - 3 * Theme.spacing) / 2
                pictogram: "fail"
                tone: Theme.fail
                toneText: Theme.onFail
                text: qsTr("No proof")
                onClicked: { screen.care.requestGrant(false); scan.forceActiveFocus() }
            }
        }
        BigButton {
            objectName: "grantPaid"
            main: true
            width: parent.width
            visible: screen.found && screen.grant.requested === true && !screen.grant.paid
            pictogram: "euro"
            text: qsTr("Grant paid")
            onClicked: { screen.care.grantPaid(); scan.forceActiveFocus() }
        }
    }
}
