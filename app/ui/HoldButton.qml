// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
// The deliberate confirmation of a destructive step: keep the button pressed (touch,
// mouse, Space or Enter) for `holdMs`; a bar fills while it is held and `confirmed()`
// fires once it is full. Letting go earlier does nothing and empties the bar.
import QtQuick
import Etabli.Ui

BigButton {
    id: control
    property int holdMs: 2000
    /// 0..1 while held.
    property real progress: 0
    signal confirmed()

    main: true
    tone: Theme.fail
    toneText: Theme.onFail
    accessibleDescription: qsTr("Hold for %n second(s) to confirm", "", Math.round(holdMs / 1000))

    function keyActivated() { }
    onActiveChanged: {
        if (active) {
            fill.restart()
        } else {
            fill.stop()
            progress = 0
        }
    }

    NumberAnimation {
        id: fill
        target: control
        property: "progress"
        from: 0
        to: 1
        duration: control.holdMs
        onFinished: {
            if (control.active && control.progress >= 1)
                control.confirmed()
        }
    }

    Rectangle {
        anchors.left: parent.left
        anchors.bottom: parent.bottom
        anchors.margins: Theme.borderWidth
        height: Theme.spacingSmall * 2
        width: (parent.width - 2 * Theme.borderWidth) * control.progress
        radius: Theme.spacingSmall
        color: Theme.onFail
        visible: control.progress > 0
        Accessible.role: Accessible.ProgressBar
        Accessible.name: qsTr("Hold progress")
        Accessible.ignored: !visible
    }
}
