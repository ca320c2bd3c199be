// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
// The inside of a BigButton: a pictogram over a word. The word wraps when the button
// is given less width than it needs; the implicit size always fits the unwrapped word.
// (Its own file: ids inside a Templates contentItem would defeat its deferred creation.)
import QtQuick
import Etabli.Ui

Item {
    id: box
    property string pictogram: ""
    property string text: ""
    property font font
    property real spacing: 0
    property bool dimmed: false
    property color color: Theme.onPrimary

    implicitWidth: Math.max(icon.visible ? icon.width : 0, label.implicitWidth)
    implicitHeight: column.implicitHeight

    Column {
        id: column
        anchors.verticalCenter: parent.verticalCenter
        width: parent.width
        spacing: box.spacing
        Rectangle {
            id: icon
            anchors.horizontalCenter: parent.horizontalCenter
            visible: box.pictogram !== ""
            width: Theme.iconSize + 2 * Theme.spacingSmall
            height: width
            radius: Theme.radius
            color: Theme.pictogramBackdrop
            opacity: box.dimmed ? 0.5 : 1
            Image {
                anchors.centerIn: parent
                source: box.pictogram !== "" ? "qrc:/Etabli/Ui/pictograms/" + box.pictogram + ".svg" : ""
                width: Theme.iconSize
                height: Theme.iconSize
                sourceSize.width: Theme.iconSize
                sourceSize.height: Theme.iconSize
                Accessible.ignored: true
            }
        }
        Text {
            id: label
            width: parent.width
            text: box.text
            font: box.font
            wrapMode: Text.WordWrap
            horizontalAlignment: Text.AlignHCenter
            color: box.color
            Accessible.ignored: true
        }
    }
}
