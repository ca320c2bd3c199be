// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
// The desk's home screen: four big pictures, one for each thing the desk does.
pragma ComponentBehavior: Bound
import QtQuick
import Etabli.Ui

Rectangle {
    id: home
    /// "handover", "grant", "training" or "return".
    signal open(string page)
    color: Theme.background

    Grid {
        id: grid
        anchors.centerIn: parent
        columns: 2
        spacing: Theme.spacingLarge
        readonly property real cell: Math.min((home.width - 3 * Theme.spacingLarge) / 2,
                                              (home.height - 3 * Theme.spacingLarge) / 2)
        Repeater {
            model: [
                { page: "handover", pictogram: "gift", text: qsTr("Give a kit") },
                { page: "grant", pictogram: "euro", text: qsTr("Internet grant") },
                { page: "training", pictogram: "training", text: qsTr("Parents' lessons") },
                { page: "return", pictogram: "repair", text: qsTr("Return for repair") }
            ]
            delegate: BigButton {
                required property var modelData
                objectName: "home-" + modelData.page
                main: true
                width: (home.width - 3 * Theme.spacingLarge) / 2
                height: (home.height - 3 * Theme.spacingLarge) / 2
                pictogram: modelData.pictogram
                text: modelData.text
                font.pixelSize: Theme.titleSize
                onClicked: home.open(modelData.page)
            }
        }
    }
}
