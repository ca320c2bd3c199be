// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
// A labelled text field of the supervisor's screens: 12 mm high at least, its label said
// by assistive technologies and shown above it; Enter is `accepted`.
import QtQuick
import QtQuick.Templates as T
import QtQuick.Layouts
import Etabli.Ui

ColumnLayout {
    id: box
    property string label: ""
    property alias text: field.text
    property alias field: field
    property real fieldWidth: Theme.mm(40)
    signal accepted()
    spacing: Theme.spacingSmall

    Text {
        text: box.label
        color: Theme.text
        font.family: Theme.fontFamily
        font.pixelSize: Theme.textSize
        Accessible.ignored: true
    }
    T.TextField {
        id: field
        Layout.preferredWidth: Math.max(box.fieldWidth, contentWidth + leftPadding + rightPadding)
        implicitHeight: Math.max(Theme.targetSize, contentHeight + topPadding + bottomPadding)
        padding: Theme.spacing
        font.family: Theme.fontFamily
        font.pixelSize: Theme.textSize
        color: Theme.text
        selectionColor: Theme.primary
        selectedTextColor: Theme.onPrimary
        verticalAlignment: TextInput.AlignVCenter
        Accessible.role: Accessible.EditableText
        Accessible.name: box.label
        Accessible.ignored: !field.visible
        onAccepted: box.accepted()
        background: Rectangle {
            radius: Theme.radius
            color: Theme.surface
            border.color: field.activeFocus ? Theme.focusRing : Theme.border
            border.width: field.activeFocus ? Theme.focusWidth : Theme.borderWidth
        }
    }
}
