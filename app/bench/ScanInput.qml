// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
// The bench's one reader of scans (a badge, an asset label, a disk's serial): a barcode
// scanner is a keyboard that types the code and Enter. It keeps the focus of its screen and
// emits `scanned(text)`. The desk engineer's ScanField/ScanDetector (app/ui) replaces this
// component when it lands: it is used here and nowhere else.
import QtQuick

Item {
    id: scan
    signal scanned(string text)
    property string accessibleName: qsTr("Scanner")
    implicitWidth: 1
    implicitHeight: 1

    function take() { input.forceActiveFocus() }

    TextInput {
        id: input
        objectName: "scanInput"
        width: 1
        height: 1
        opacity: 0
        focus: true
        Accessible.role: Accessible.EditableText
        Accessible.name: scan.accessibleName
        onAccepted: {
            const code = text.trim()
            text = ""
            if (code !== "")
                scan.scanned(code)
        }
    }
}
