// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
// Before the disk is erased: which disk, in big text and with a picture (model, size,
// serial), then a deliberate confirmation: hold the red button 2 seconds, or scan the
// serial on the disk's own label.
import QtQuick
import Etabli.Ui
import Etabli.Bench

Column {
    id: confirm
    spacing: Theme.spacing
    onVisibleChanged: if (visible && Bench.confirming) scan.forceActiveFocus()

    Row {
        spacing: Theme.spacing
        width: parent.width
        Image {
            objectName: "diskPicture"
            source: Bench.pictogram("disk")
            width: Theme.iconSize * 2
            height: width
            sourceSize.width: width
            sourceSize.height: height
            Accessible.ignored: true
        }
        Column {
            width: parent.width - Theme.iconSize * 2 - Theme.spacing
            BenchText {
                objectName: "diskModel"
                width: parent.width
                title: true
                text: Bench.diskModel !== "" ? Bench.diskModel : qsTr("No disk found")
            }
            BenchText {
                objectName: "diskSize"
                width: parent.width
                title: true
                text: Bench.diskSize
            }
            BenchText {
                objectName: "diskSerial"
                width: parent.width
                title: true
                text: Bench.diskSerial !== "" ? qsTr("Number: %1").arg(Bench.diskSerial) : ""
            }
        }
    }
    BenchText {
        visible: Bench.confirming
        width: parent.width
        color: Theme.alertText
        text: qsTr("Everything on this disk will be erased. Hold the red button, or scan the number on the disk.")
    }
    // benchui: the shared scan field; a scanner on the wrong keyboard is named, never taken.
    ScanField {
        id: scan
        objectName: "serialScan"
        visible: Bench.confirming
        // bench: Qt 6.4 puts hidden items in the AT-SPI tree: not there before the confirmation.
        Accessible.ignored: !visible
        // Wide enough for its label at any text size (the label is not clipped).
        width: Math.min(Math.max(implicitWidth, labelMetrics.advanceWidth + leftPadding + rightPadding + Theme.spacing), parent.width)
        TextMetrics {
            id: labelMetrics
            font: scan.font
            text: scan.label
        }
        label: qsTr("Scan the number on the disk")
        onScanned: (code) => Bench.confirmErase(code)
        onTyped: (text) => Bench.confirmErase(text)
        onGarbledScan: (raw, meant, message) => Bench.refuseScan(message)
    }
}
