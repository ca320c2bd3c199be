// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
// The big button of every screen: a pictogram over a short word, at least 12 mm (20 mm
// for the screen's main action) on the configured panel. On QtQuick.Templates, so it
// takes keyboard focus (Tab), Space and Enter press it (switch access), the focus is
// a thick ring, and assistive technologies see a named, stateful push button.
import QtQuick
import QtQuick.Templates as T
import Etabli.Ui

T.AbstractButton {
    id: control
    /// An OpenMoji pictogram name (app/ui/pictograms/NAME.svg), or empty.
    property string pictogram: ""
    /// The screen's main action: 20 mm instead of 12 mm.
    property bool main: false
    /// Fill when enabled and not checked: Theme.primary unless the screen says otherwise.
    property color tone: Theme.primary
    property color toneText: Theme.onPrimary
    /// The text said by assistive technologies when the visible word is not enough.
    property string accessibleName: text
    property string accessibleDescription: ""
    /// Enter/Return held down (Space is handled by AbstractButton itself).
    property bool keyDown: false
    readonly property bool active: control.down || control.keyDown
    readonly property real minimum: main ? Theme.mainTargetSize : Theme.targetSize

    focusPolicy: Qt.StrongFocus
    padding: Theme.spacing
    spacing: Theme.spacingSmall
    implicitWidth: Math.max(minimum, implicitContentWidth + leftPadding + rightPadding)
    implicitHeight: Math.max(minimum, implicitContentHeight + topPadding + bottomPadding)
    font.family: Theme.fontFamily
    font.pixelSize: Theme.textSize
    font.bold: true

    Accessible.role: Accessible.Button
    Accessible.name: control.accessibleName
    Accessible.description: control.accessibleDescription
    // Qt 6.4 exposes hidden items to AT-SPI: a button on a hidden page is not there.
    Accessible.ignored: !control.visible
    Accessible.checkable: control.checkable
    Accessible.checked: control.checked

    Keys.onPressed: (event) => {
        if ((event.key === Qt.Key_Return || event.key === Qt.Key_Enter) && !event.isAutoRepeat) {
            control.keyDown = true
            event.accepted = true
        }
    }
    Keys.onReleased: (event) => {
        if ((event.key === Qt.Key_Return || event.key === Qt.Key_Enter) && !event.isAutoRepeat && control.keyDown) {
            control.keyDown = false
            event.accepted = true
            control.keyActivated()
        }
    }
    onActiveFocusChanged: if (!activeFocus) keyDown = false
    /// Enter released: a click, unless a variant (HoldButton) decides otherwise.
    function keyActivated() { control.clicked() }

    background: Rectangle {
        implicitWidth: control.minimum
        implicitHeight: control.minimum
        radius: Theme.radius
        color: !control.enabled ? Theme.disabled
             : control.checked ? Theme.pass
             : control.active ? Theme.primaryDown : control.tone
        border.color: Theme.border
        border.width: Theme.borderWidth
        // The focus ring, outside the button so it never hides the label.
        Rectangle {
            anchors.fill: parent
            anchors.margins: -(Theme.focusWidth + Theme.borderWidth)
            radius: Theme.radius + Theme.focusWidth
            color: "transparent"
            visible: control.activeFocus
            border.color: Theme.focusRing
            border.width: Theme.focusWidth
        }
    }

    contentItem: ButtonLabel {
        pictogram: control.pictogram
        text: control.text
        font: control.font
        spacing: control.spacing
        dimmed: !control.enabled
        color: !control.enabled ? Theme.onDisabled : control.checked ? Theme.onPass : control.toneText
    }
}
