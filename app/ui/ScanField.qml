// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
// The field a barcode scanner types into, which is also the manual entry field for a
// damaged label. Every key goes through a ScanDetector: a fast burst ending with Enter
// is `scanned(code)`, slower typing ended with Enter is `typed(text)`, and a scanner on
// the wrong keyboard layout is `garbledScan(...)` (never taken for a code). The field
// clears itself after each line. Keep it focused on a scan-first screen.
import QtQuick
import QtQuick.Templates as T
import Etabli.Ui

T.TextField {
    id: field
    /// A short word said by assistive technologies and shown when the field is empty.
    property string label: qsTr("Scan or type the label")
    /// The detector, for tests and for screens that tune maxGapMs.
    readonly property ScanDetector detector: scanDetector

    signal scanned(string code)
    signal typed(string text)
    signal garbledScan(string raw, string meant, string message)

    implicitWidth: Math.max(Theme.mm(80), contentWidth + leftPadding + rightPadding)
    implicitHeight: Math.max(Theme.targetSize, contentHeight + topPadding + bottomPadding)
    padding: Theme.spacing
    // deskui: room for the barcode pictogram, so the field says "scan here" without words.
    leftPadding: Theme.targetSize + Theme.spacingSmall
    font.family: Theme.fontFamily
    font.pixelSize: Theme.textSize
    color: Theme.text
    placeholderText: field.label
    placeholderTextColor: Theme.text
    selectionColor: Theme.primary
    selectedTextColor: Theme.onPrimary
    verticalAlignment: TextInput.AlignVCenter
    inputMethodHints: Qt.ImhNoPredictiveText | Qt.ImhPreferUppercase
    focus: true

    Accessible.role: Accessible.EditableText
    Accessible.name: field.label

    ScanDetector {
        id: scanDetector
        onScanned: (code) => { field.clear(); field.scanned(code) }
        onTyped: () => {
            // The field's text is the truth for manual entry (the person may have moved
            // the cursor or deleted a character).
            const text = field.text.trim()
            field.clear()
            if (text !== "")
                field.typed(text)
        }
        onGarbledScan: (raw, meant, layout, message) => { field.clear(); field.garbledScan(raw, meant, message) }
    }

    // Before the TextInput handles the key, so the detector sees every key's time.
    Keys.priority: Keys.BeforeItem
    Keys.onPressed: (event) => {
        if (event.isAutoRepeat)
            return
        if (scanDetector.feedKey(event.key, event.text))
            event.accepted = true
    }
    onActiveFocusChanged: if (!activeFocus) scanDetector.reset()

    // deskui: the barcode pictogram at the start of the field (noted missing at the last review).
    Rectangle {
        objectName: "scanPictogram"
        // The field's own height less a margin: it never makes the field taller.
        x: Theme.spacingSmall
        anchors.verticalCenter: parent.verticalCenter
        width: Theme.targetSize - 2 * Theme.spacingSmall
        height: width
        radius: Theme.radius
        color: Theme.pictogramBackdrop
        Image {
            anchors.centerIn: parent
            source: "qrc:/Etabli/Ui/pictograms/barcode.svg"
            sourceSize.width: parent.width - 2 * Theme.spacingSmall
            sourceSize.height: parent.width - 2 * Theme.spacingSmall
        }
    }

    // QtQuick.Templates draws no placeholder: the label shows while the field is empty.
    Text {
        x: field.leftPadding
        anchors.verticalCenter: parent.verticalCenter
        visible: field.text === ""
        text: field.label
        color: Theme.text
        font: field.font
    }

    background: Rectangle {
        implicitWidth: Theme.mm(80)
        implicitHeight: Theme.targetSize
        radius: Theme.radius
        color: Theme.surface
        border.color: field.activeFocus ? Theme.focusRing : Theme.border
        border.width: field.activeFocus ? Theme.focusWidth : Theme.borderWidth
    }
}
