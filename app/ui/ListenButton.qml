// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
// « Écouter »: says `speech` aloud again (the screen's sentence). Hidden when there is no
// voice on this station or the worker turned the voice off, so it never does nothing.
import QtQuick
import Etabli.Ui

BigButton {
    id: control
    /// What is said when the button is pressed.
    property string speech: ""

    text: qsTr("Listen")
    pictogram: "speaker"
    accessibleName: qsTr("Listen to the instructions")
    visible: Speech.available && Speech.enabled && speech !== ""
    onClicked: Speech.say(control.speech)
}
