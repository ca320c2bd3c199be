// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
// What the station ships from others, with its licence (app/ui/LICENSES.md): the font
// and the pictograms. One button closes it.
pragma ComponentBehavior: Bound
import QtQuick
import Etabli.Ui

Rectangle {
    id: page
    signal closed()

    color: Theme.background
    Accessible.role: Accessible.Dialog
    Accessible.name: title.text
    Accessible.ignored: !visible

    onVisibleChanged: if (visible) closeButton.forceActiveFocus()

    MouseArea {
        anchors.fill: parent
        acceptedButtons: Qt.AllButtons
        Accessible.ignored: true
    }

    Column {
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.spacingLarge, Theme.mm(240))
        spacing: Theme.spacing

        Text {
            id: title
            width: parent.width
            wrapMode: Text.WordWrap
            text: qsTr("About Établi")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.titleSize
            font.bold: true
            color: Theme.text
            Accessible.role: Accessible.Heading
            Accessible.name: text
            Accessible.ignored: !page.visible
        }
        Repeater {
            model: [
                { name: "Établi", what: qsTr("The station software of the workshop."),
                  licence: qsTr("GNU GPL version 3 or later") },
                { name: "Atkinson Hyperlegible", what: qsTr("The font, by the Braille Institute of America."),
                  licence: qsTr("SIL Open Font License 1.1") },
                { name: "OpenMoji", what: qsTr("The pictograms, by OpenMoji (openmoji.org)."),
                  licence: qsTr("Creative Commons BY-SA 4.0") },
                { name: "Qt", what: qsTr("The toolkit, by The Qt Company and the Qt Project."),
                  licence: qsTr("GNU LGPL version 3") }
            ]
            Text {
                required property var modelData
                width: parent.width
                wrapMode: Text.WordWrap
                text: "<b>" + modelData.name + "</b> — " + modelData.what + " " + qsTr("Licence: %1.").arg(modelData.licence)
                textFormat: Text.StyledText
                font.family: Theme.fontFamily
                font.pixelSize: Theme.textSize
                color: Theme.text
                Accessible.role: Accessible.StaticText
                Accessible.name: modelData.name + ": " + modelData.what + " " + qsTr("Licence: %1.").arg(modelData.licence)
                Accessible.ignored: !page.visible
            }
        }
        BigButton {
            id: closeButton
            objectName: "about-close"
            anchors.horizontalCenter: parent.horizontalCenter
            main: true
            pictogram: "done"
            text: qsTr("Close")
            onClicked: page.closed()
        }
    }
}
