// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
// The end of the flow: the PC's state and one button for the next PC.
import QtQuick
import Etabli.Ui
import Etabli.Bench

Rectangle {
    id: page
    color: Theme.background
    signal logoutRequested()
    Accessible.role: Accessible.Pane
    Accessible.name: title.text
    onVisibleChanged: if (visible) next.forceActiveFocus()
    Component.onCompleted: next.forceActiveFocus()

    BenchHeader {
        id: header
        anchors.left: parent.left
        anchors.right: parent.right
        onLogoutRequested: page.logoutRequested()
    }
    Column {
        anchors.top: header.bottom
        anchors.topMargin: Theme.spacing
        anchors.horizontalCenter: parent.horizontalCenter
        width: Math.min(parent.width - 2 * Theme.spacingLarge, Theme.mm(240))
        // bench: tighter, so « Un autre PC » stays on a 1366×768 panel at 200 % text when the
        // header takes two lines (the sync indicator also says when it last sent).
        spacing: Theme.spacing
        Image {
            anchors.horizontalCenter: parent.horizontalCenter
            source: Bench.pictogram(Bench.assetState === "READY" ? "done" : "wrench")
            width: Theme.iconSize * 1.5
            height: width
            sourceSize.width: width
            sourceSize.height: height
            Accessible.ignored: true
        }
        BenchText {
            id: title
            objectName: "instruction"
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            title: true
            text: Bench.assetState === "READY" ? qsTr("The PC is ready. Well done!")
                                               : qsTr("The PC is not ready. Give it to the supervisor.")
        }
        BenchText {
            objectName: "facts"
            visible: text !== "" // bench: no empty, unnamed label in the accessibility tree
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            text: Bench.factsLine
        }
        // benchui: the sentence said on arrival, and again by « Écouter ».
        SpokenHint { text: title.text }
        Row {
            anchors.horizontalCenter: parent.horizontalCenter
            spacing: Theme.spacingLarge
            ListenButton {
                objectName: "listen"
                anchors.verticalCenter: parent.verticalCenter
                speech: title.text
            }
            BigButton {
                id: next
                objectName: "nextAsset"
                main: true
                pictogram: "next"
                text: qsTr("Another PC")
                onClicked: Bench.nextAsset()
            }
        }
    }
}
