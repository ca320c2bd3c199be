// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
// Where every test ends: the verdict as a pictogram and a word, what was found, what
// to do next, and one button the worker presses to close. Nothing closes by itself.
import QtQuick
import Etabli.Ui

Rectangle {
    id: page
    /// "PASS", "FAIL" or "WARN" (the engines' TestVerdict names).
    property string verdict: ""
    property string detail: ""
    property string nextStep: ""
    /// Set when the inventory refused the result: shown in place of the next step.
    property string errorString: ""
    property string closeText: qsTr("Close")
    signal closed()

    readonly property bool passed: verdict === "PASS"
    readonly property bool failed: verdict === "FAIL"

    color: Theme.background
    Accessible.role: Accessible.Dialog
    Accessible.name: headline.text
    Accessible.ignored: !visible

    // Focus goes to the one action, so Enter or a switch closes it.
    onVisibleChanged: if (visible) closeButton.forceActiveFocus()
    Component.onCompleted: if (visible) closeButton.forceActiveFocus()

    // a11y: the verdict and what to do next are said when the page arrives.
    readonly property string spokenText: headline.text + ". " + nextStepText.text
    SpokenHint { text: page.spokenText }

    // The test screen below must not take the touches meant for this page.
    MouseArea {
        anchors.fill: parent
        acceptedButtons: Qt.AllButtons
        Accessible.ignored: true
    }

    Column {
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.spacingLarge, Theme.mm(220))
        spacing: Theme.spacing

        Rectangle {
            anchors.horizontalCenter: parent.horizontalCenter
            width: Theme.iconSize * 2 + 2 * Theme.spacing
            height: width
            radius: width / 2
            color: Theme.pictogramBackdrop
            Image {
                anchors.centerIn: parent
                source: "qrc:/Etabli/Ui/pictograms/" + (page.passed ? "pass" : page.failed ? "fail" : "warning") + ".svg"
                width: Theme.iconSize * 2
                height: Theme.iconSize * 2
                sourceSize.width: width
                sourceSize.height: height
                Accessible.ignored: true
            }
        }
        Text {
            id: headline
            objectName: "verdict"
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
            text: page.passed ? qsTr("Test passed") : page.failed ? qsTr("Test failed") : qsTr("Test to check again")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.titleSize
            font.bold: true
            color: Theme.text
            Accessible.role: Accessible.Heading
            Accessible.name: text
            Accessible.ignored: !visible
        }
        Text {
            objectName: "detail"
            width: parent.width
            visible: page.detail !== ""
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
            text: page.detail
            font.family: Theme.fontFamily
            font.pixelSize: Theme.textSize
            color: Theme.text
            Accessible.role: Accessible.StaticText
            Accessible.name: text
            Accessible.ignored: !visible
        }
        Text {
            id: nextStepText
            objectName: "next-step"
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
            text: page.errorString !== "" ? qsTr("Not saved: %1. Call the supervisor.").arg(page.errorString)
                                          : page.nextStep
            font.family: Theme.fontFamily
            font.pixelSize: Theme.textSize
            font.bold: page.errorString !== ""
            color: page.errorString !== "" ? Theme.alertText : Theme.text
            Accessible.role: Accessible.StaticText
            Accessible.name: text
            Accessible.ignored: !visible
        }
        Row {
            anchors.horizontalCenter: parent.horizontalCenter
            spacing: Theme.spacingLarge
            ListenButton {
                objectName: "listen"
                anchors.verticalCenter: parent.verticalCenter
                speech: page.spokenText
            }
            BigButton {
                id: closeButton
                objectName: "close"
                main: true
                pictogram: "done"
                text: page.closeText
                onClicked: page.closed()
            }
        }
    }
}
