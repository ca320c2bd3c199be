// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
// One fix of FrozenDriveFix: big pictures in a row joined by arrows, then its one sentence.
import QtQuick
import Etabli.Ui

Rectangle {
    id: card
    /// [{ "pictogram": NAME, "name": accessible name }, …]
    property var pictures: []
    property string sentence: ""
    property real pictureSize: Theme.mm(30)
    property real arrowSize: pictureSize * 0.45
    readonly property real contentHeight: cardColumn.implicitHeight
    color: Theme.surface
    border.color: Theme.border
    border.width: Theme.borderWidth
    radius: Theme.radius
    Accessible.role: Accessible.Grouping
    Accessible.name: sentence

    Column {
        id: cardColumn
        // From the top: side by side, both cards' pictures are on one line.
        anchors.top: parent.top
        anchors.topMargin: Theme.spacing
        anchors.horizontalCenter: parent.horizontalCenter
        width: parent.width - 2 * Theme.spacing
        spacing: Theme.spacing

        Row {
            anchors.horizontalCenter: parent.horizontalCenter
            spacing: Theme.spacingSmall
            Repeater {
                // The sizes ride along in the model: qmllint 6.4 resolves no outer id inside a delegate.
                model: card.pictures.map(p => ({
                            "pictogram": p.pictogram,
                            "name": p.name,
                            "size": card.pictureSize,
                            "arrow": card.arrowSize
                        }))
                Row {
                    id: step
                    required property var modelData
                    required property int index
                    spacing: Theme.spacingSmall
                    // On its own white disc: OpenMoji's black outline shows in high contrast too.
                    Rectangle {
                        visible: step.index > 0
                        anchors.verticalCenter: parent.verticalCenter
                        width: step.modelData.arrow
                        height: step.modelData.arrow
                        radius: width / 2
                        color: Theme.pictogramBackdrop
                        Accessible.ignored: true
                        Image {
                            anchors.centerIn: parent
                            source: "qrc:/Etabli/Ui/pictograms/arrow-right.svg"
                            width: parent.width * 0.86
                            height: width
                            sourceSize.width: width
                            sourceSize.height: height
                            Accessible.ignored: true
                        }
                    }
                    Rectangle {
                        objectName: "picture-" + step.modelData.pictogram
                        width: step.modelData.size
                        height: step.modelData.size
                        radius: width / 2
                        color: Theme.pictogramBackdrop
                        Accessible.role: Accessible.Graphic
                        Accessible.name: step.modelData.name
                        Image {
                            anchors.centerIn: parent
                            source: "qrc:/Etabli/Ui/pictograms/" + step.modelData.pictogram + ".svg"
                            width: parent.width * 0.86
                            height: width
                            sourceSize.width: width
                            sourceSize.height: height
                            Accessible.ignored: true
                        }
                    }
                }
            }
        }
        Text {
            objectName: "sentence"
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
            text: card.sentence
            font.family: Theme.fontFamily
            font.pixelSize: Theme.textSize
            font.bold: true
            color: Theme.text
            Accessible.role: Accessible.StaticText
            Accessible.name: text
        }
    }
}
