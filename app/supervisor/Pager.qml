// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
// A list shown a page at a time: as many rows as fit (at 200 % text too), and "Previous"
// and "Next" buttons. No row is ever cut in half, and every row is reachable by touch,
// Tab and a screen reader (a scrolled list hides rows from all three).
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Etabli.Ui

ColumnLayout {
    id: pager
    property var model: []
    property Component delegate
    /// The height of one row (the delegate sets its own height to it).
    property real rowHeight: Math.max(Theme.targetSize, Theme.textSize * 1.5 + 2 * Theme.spacing)
    property string name: ""
    property int page: 0
    /// Rows side by side (each delegate's width: cellWidth).
    property int columns: 1
    readonly property real cellWidth: (width - (columns - 1) * Theme.spacing) / columns
    readonly property int perPage: columns * Math.max(1, Math.floor((rows.height + Theme.spacing) / (rowHeight + Theme.spacing)))
    readonly property int pages: Math.max(1, Math.ceil(model.length / perPage))
    spacing: Theme.spacing
    onModelChanged: page = 0
    onPagesChanged: if (page >= pages) page = pages - 1

    Item {
        id: rows
        Layout.fillWidth: true
        Layout.fillHeight: true
        Accessible.role: Accessible.List
        Accessible.name: pager.name
        Accessible.ignored: !pager.visible
        Grid {
            width: parent.width
            columns: pager.columns
            spacing: Theme.spacing
            Repeater {
                model: pager.model.slice(pager.page * pager.perPage, (pager.page + 1) * pager.perPage)
                delegate: pager.delegate
            }
        }
    }
    RowLayout {
        visible: pager.pages > 1
        spacing: Theme.spacing
        Layout.fillWidth: true
        BigButton {
            text: qsTr("Previous")
            enabled: pager.page > 0
            tone: Theme.surface
            toneText: Theme.text
            onClicked: pager.page -= 1
        }
        Text {
            text: qsTr("Page %1 of %2").arg(pager.page + 1).arg(pager.pages)
            color: Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: Theme.textSize
            Accessible.role: Accessible.StaticText
            Accessible.name: text
            Accessible.ignored: !visible
        }
        BigButton {
            text: qsTr("Next")
            enabled: pager.page + 1 < pager.pages
            tone: Theme.surface
            toneText: Theme.text
            onClicked: pager.page += 1
        }
        Item { Layout.fillWidth: true }
    }
}
