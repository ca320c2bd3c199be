// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
// Log in: scan your badge, or touch your photo. No password.
pragma ComponentBehavior: Bound
import QtQuick
import Etabli.Ui
import Etabli.Bench

Rectangle {
    id: login
    color: Theme.background
    Accessible.role: Accessible.Pane
    Accessible.name: title.text
    onVisibleChanged: if (visible) scan.forceActiveFocus()
    Component.onCompleted: scan.forceActiveFocus()

    SpokenHint { text: title.text }

    Flickable {
        anchors.fill: parent
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
                    source: Bench.pictogram("badge")
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
                    text: qsTr("Hello! Scan your badge or touch your photo.")
                }
            }
            Flow {
                width: parent.width
                spacing: Theme.spacingLarge
                // benchui: the shared scan field, so a scanner on the wrong keyboard is named.
                ScanField {
                    id: scan
                    objectName: "badgeScan"
                    // Wide enough for its label at any text size (the label is not clipped).
                    width: Math.min(Math.max(implicitWidth, labelMetrics.advanceWidth + leftPadding + rightPadding + Theme.spacing), column.width)
                    TextMetrics {
                        id: labelMetrics
                        font: scan.font
                        text: scan.label
                    }
                    label: qsTr("Scan your badge")
                    onScanned: (code) => Bench.loginWithBadge(code)
                    onTyped: (text) => Bench.loginWithBadge(text)
                    onGarbledScan: (raw, meant, message) => Bench.refuseScan(message)
                }
                ListenButton {
                    objectName: "listen"
                    speech: title.text
                }
            }
            BenchText {
                objectName: "message"
                visible: Bench.message !== ""
                width: parent.width
                color: Theme.alertText
                text: Bench.message
                Accessible.role: Accessible.AlertMessage
            }
            Flow {
                width: parent.width
                spacing: Theme.spacingLarge
                Repeater {
                    model: Bench.workers
                    BigButton {
                        id: tile
                        required property var modelData
                        objectName: "worker-" + modelData.badge
                        main: true
                        width: Math.max(Theme.mm(40), implicitWidth)
                        text: modelData.name
                        accessibleName: qsTr("I am %1").arg(modelData.name)
                        onClicked: Bench.loginWithBadge(modelData.badge)
                        contentItem: Column {
                            spacing: Theme.spacingSmall
                            Image {
                                anchors.horizontalCenter: parent.horizontalCenter
                                source: tile.modelData.photo ? tile.modelData.photo : Bench.pictogram("person")
                                width: Theme.mm(28)
                                height: width
                                sourceSize.width: width
                                sourceSize.height: height
                                fillMode: Image.PreserveAspectFit
                                Accessible.ignored: true
                            }
                            Text {
                                width: Math.max(implicitWidth, Theme.mm(28))
                                horizontalAlignment: Text.AlignHCenter
                                wrapMode: Text.WordWrap
                                text: tile.text
                                font: tile.font
                                color: tile.toneText
                                Accessible.ignored: true
                            }
                        }
                    }
                }
            }
        }
    }
}
