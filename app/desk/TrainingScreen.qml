// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
// The parents' lessons (12 hours: six lessons of 2 hours): one line per family enrolled,
// six numbered buttons to touch when the parent came, a check mark when all 12 hours are
// done. Scanning a family's voucher or PC finds it, "Join" enrols it.
pragma ComponentBehavior: Bound
import QtQuick
import Etabli.Ui
import Etabli.Desk

Rectangle {
    id: screen
    /// Set by DeskMain when the page is loaded (until then an empty one, never null).
    property DeskCare care: DeskCare {}
    color: Theme.background
    onVisibleChanged: if (visible) scan.forceActiveFocus()
    Component.onCompleted: scan.forceActiveFocus()

    Column {
        id: top
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.margins: Theme.spacing
        spacing: Theme.spacing

        Row {
            width: parent.width
            spacing: Theme.spacing
            ScanField {
                id: scan
                objectName: "trainingScanField"
                width: parent.width - (join.visible ? join.width + Theme.spacing : 0)
                label: qsTr("Scan the voucher or the PC")
                onScanned: (code) => screen.care.findFamily(code)
                onTyped: (text) => screen.care.findFamily(text)
                onGarbledScan: (raw, meant, message) => screen.care.garbled(message)
            }
            BigButton {
                id: join
                objectName: "joinButton"
                visible: screen.care.family !== ""
                pictogram: "family"
                text: qsTr("Join")
                accessibleName: qsTr("Put %1 on the lessons list").arg(screen.care.familyName)
                onClicked: { screen.care.enrol(); scan.forceActiveFocus() }
            }
        }
        AnswerBanner {
            width: parent.width
            tone: screen.care.tone
            message: screen.care.message
            pictogram: screen.care.pictogram
        }
        Text {
            width: parent.width
            wrapMode: Text.WordWrap
            font.family: Theme.fontFamily
            font.pixelSize: Theme.textSize
            color: Theme.text
            text: qsTr("The parent came? Touch the number of the lesson.")
        }
    }
    ListView {
        id: list
        objectName: "trainees"
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: top.bottom
        anchors.bottom: parent.bottom
        anchors.margins: Theme.spacing
        spacing: Theme.spacing
        clip: true
        model: screen.care.trainees
        Accessible.role: Accessible.List
        Accessible.name: qsTr("Parents' lessons")
        delegate: Rectangle {
            id: line
            required property var modelData
            width: list.width
            height: row.implicitHeight + 2 * Theme.spacingSmall
            radius: Theme.radius
            color: Theme.surface
            border.color: Theme.border
            border.width: Theme.borderWidth
            Row {
                id: row
                x: Theme.spacingSmall
                y: Theme.spacingSmall
                spacing: Theme.spacing
                Column {
                    anchors.verticalCenter: parent.verticalCenter
                    width: list.width - sessions.width - 2 * Theme.spacing - Theme.spacingSmall
                    Text {
                        width: parent.width
                        wrapMode: Text.WordWrap
                        text: line.modelData.name
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.textSize
                        font.bold: true
                        color: Theme.text
                    }
                    Row {
                        spacing: Theme.spacingSmall
                        Rectangle {
                            visible: line.modelData.completed
                            width: Theme.iconSize * 0.6 + 2 * Theme.spacingSmall
                            height: width
                            radius: Theme.radius
                            color: Theme.pictogramBackdrop
                            Image {
                                anchors.centerIn: parent
                                source: "qrc:/Etabli/Ui/pictograms/done.svg"
                                sourceSize.width: Theme.iconSize * 0.6
                                sourceSize.height: Theme.iconSize * 0.6
                            }
                        }
                        Text {
                            objectName: "hours-" + line.modelData.reference
                            Accessible.role: Accessible.StaticText
                            Accessible.name: line.modelData.name + ": " + text
                            anchors.verticalCenter: parent.verticalCenter
                            text: line.modelData.completed ? qsTr("12 hours done")
                                                           : qsTr("%1 of 12 hours").arg(line.modelData.hours)
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.textSize
                            color: Theme.text
                        }
                    }
                }
                Grid {
                    id: sessions
                    anchors.verticalCenter: parent.verticalCenter
                    columns: list.width > 6 * (Theme.targetSize + Theme.spacing) * 2.2 ? 6 : 3
                    spacing: Theme.spacing
                    Repeater {
                        model: 6
                        delegate: BigButton {
                            required property int index
                            objectName: "lesson-" + line.modelData.reference + "-" + (index + 1)
                            text: String(index + 1)
                            checked: line.modelData.sessions[index] === true
                            // Not by colour alone: a check mark on the lessons the parent came to.
                            pictogram: checked ? "pass" : ""
                            accessibleName: checked ? qsTr("%1, lesson %2: came").arg(line.modelData.name).arg(index + 1)
                                                    : qsTr("%1, lesson %2: not yet").arg(line.modelData.name).arg(index + 1)
                            onClicked: { screen.care.attend(line.modelData.reference, index + 1); scan.forceActiveFocus() }
                        }
                    }
                }
            }
        }
    }
}
