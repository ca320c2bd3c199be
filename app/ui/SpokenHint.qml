// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
// Says a page's sentence when the page arrives: when it is created visible, when it becomes
// visible, and when its text changes while it is shown (the next step of the same page).
// Put it inside the page; it draws nothing. Honours the worker's voice on/off (Speech.enabled).
import QtQuick
import Etabli.Ui

Item {
    id: hint
    /// The sentence to say on arrival.
    property string text: ""
    /// Said after `text` when the worker's guidance level is full (Theme.guidance 2).
    property string detail: ""
    readonly property string spoken: Theme.guidance >= 2 && detail !== "" ? text + " " + detail : text
    width: 0
    height: 0
    Accessible.ignored: true

    // Once the page's bindings have settled (one turn of the event loop), not mid-update.
    Timer {
        id: soon
        interval: 0
        onTriggered: if (hint.visible && hint.text !== "") Speech.say(hint.spoken)
    }
    Component.onCompleted: soon.restart()
    onVisibleChanged: if (visible) soon.restart()
    onTextChanged: soon.restart()
}
