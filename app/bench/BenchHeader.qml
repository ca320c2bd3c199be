// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
// The top of every bench screen: « Étape 3 sur 9 », which PC, who is working, the small
// sync indicator (changes not sent yet and the last send; the bench works offline) and « Changer de
// personne ». It wraps onto a second line when the text is large.
import QtQuick
import Etabli.Ui
import Etabli.Bench

Rectangle {
    id: header
    property bool showStep: true
    signal logoutRequested()
    // The texts are centred on the button's line by padding, not by a height bound to their own
    // implicitHeight (a binding loop with wrapped text).
    function padFor(textHeight: real): real {
        return logout.visible ? Math.max(0, (logout.height - textHeight) / 2) : 0
    }
    color: Theme.surface
    implicitHeight: flow.implicitHeight + 2 * Theme.spacingSmall
    border.color: Theme.border
    border.width: Theme.hairline

    Flow {
        id: flow
        x: Theme.spacing
        y: Theme.spacingSmall
        width: parent.width - 2 * Theme.spacing
        spacing: Theme.spacingLarge

        BenchText {
            objectName: "stepNumber"
            visible: header.showStep && Bench.flow.total > 0
            topPadding: header.padFor(contentHeight)
            bottomPadding: topPadding
            title: true
            text: qsTr("Step %1 of %2").arg(Bench.flow.number).arg(Bench.flow.total)
        }
        BenchText {
            objectName: "who"
            topPadding: header.padFor(contentHeight)
            bottomPadding: topPadding
            font.pixelSize: Theme.smallTextSize
            text: Bench.assetTag !== "" ? qsTr("PC %1").arg(Bench.assetTag) : Bench.workerName
        }
        BenchText {
            objectName: "sync"
            topPadding: header.padFor(contentHeight)
            bottomPadding: topPadding
            font.pixelSize: Theme.smallTextSize
            // bench: what is still to send and when the bench last sent (« Envoyé il y a 5 minutes »).
            text: Bench.syncText
            Accessible.role: Accessible.StaticText
            Accessible.name: text
        }
        BigButton {
            id: logout
            objectName: "logout"
            visible: Bench.workerName !== ""
            // No pictogram: the header stays one line high, even with large text.
            font.pixelSize: Theme.smallTextSize
            text: qsTr("Change person")
            onClicked: header.logoutRequested()
        }
    }
}
