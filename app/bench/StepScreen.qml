// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
// One step of the flow on one screen: « Étape 3 sur 9 », a pictogram, one short sentence,
// what the step needs (pictures to touch, the disk to confirm, the progress of long work)
// and one main action. The step itself (which, in which order, done or not) is the
// Bench's flow model in C++; this file only binds.
pragma ComponentBehavior: Bound
import QtQuick
import Etabli.Ui
import Etabli.Station
import Etabli.Bench

Rectangle {
    id: page
    color: Theme.background
    signal logoutRequested()
    readonly property string step: Bench.flow.currentStep
    readonly property bool testStep: Bench.testScreen !== ""
    Accessible.role: Accessible.Pane
    Accessible.name: sentence.text

    BenchHeader {
        id: header
        anchors.left: parent.left
        anchors.right: parent.right
        onLogoutRequested: page.logoutRequested()
    }

    // The Station's own test screens are the screen, sound and input steps.
    Loader {
        id: test
        objectName: "testScreen"
        anchors.top: header.bottom
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        active: page.visible && page.testStep
        visible: active
        focus: active
        source: Bench.testScreen === "keyboard" ? "qrc:/Etabli/Station/KeyboardTest.qml"
              : Bench.testScreen === "screen" ? "qrc:/Etabli/Station/ScreenTest.qml"
              : Bench.testScreen === "audio" ? "qrc:/Etabli/Station/AudioTest.qml" : ""
    }

    Flickable {
        id: body
        visible: !page.testStep
        anchors.top: header.bottom
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: actions.top
        anchors.margins: Theme.spacingLarge
        contentHeight: column.implicitHeight
        clip: true
        // No gesture needed: « Plus haut » / « Plus bas » below scroll it (touch, mouse, switch).
        readonly property bool overflows: contentHeight > height + 1
        function page(direction) {
            contentY = Math.max(0, Math.min(contentHeight - height, contentY + direction * height * 0.8))
        }

        Column {
            id: column
            width: parent.width
            spacing: Theme.spacing

            Row {
                spacing: Theme.spacing
                width: parent.width
                Rectangle {
                    width: Theme.iconSize * 1.5 + Theme.spacing
                    height: width
                    radius: width / 2
                    color: Theme.pictogramBackdrop
                    Image {
                        anchors.centerIn: parent
                        source: Bench.stepPictogram(page.step)
                        width: Theme.iconSize * 1.5
                        height: width
                        sourceSize.width: width
                        sourceSize.height: height
                        Accessible.ignored: true
                    }
                }
                Column {
                    width: parent.width - Theme.iconSize * 1.5 - 2 * Theme.spacing
                    spacing: Theme.spacingSmall
                    anchors.verticalCenter: parent.verticalCenter
                    BenchText {
                        objectName: "stepTitle"
                        width: parent.width
                        title: true
                        text: Bench.flow.currentTitle
                    }
                    // benchui: the step's sentence, said on arrival (hidden in the test screens,
                    // which say their own).
                    SpokenHint { text: sentence.text }
                    BenchText {
                        id: sentence
                        objectName: "instruction"
                        width: parent.width
                        text: Bench.stepSentence(page.step)
                    }
                }
            }
            BenchText {
                objectName: "facts"
                // During the erase confirmation only the disk counts: nothing else pushes it down.
                visible: Bench.assetFacts.length > 0 && !Bench.confirming
                width: parent.width
                font.pixelSize: Theme.smallTextSize
                text: Bench.factsLine
            }
            // The disk to erase (model, size, serial, picture) comes right under the step's
            // sentence, before any message and the FROZEN fix's pictures: on a 1366×768 panel at
            // 100 % text it stays whole on screen whatever is said below it (below scrolls).
            // bench: made only when shown, as the fix below (its scan field was in the tree).
            Loader {
                objectName: "eraseConfirm"
                active: page.step === "erase_image" && !Bench.working
                visible: active
                width: parent.width
                source: "qrc:/Etabli/Bench/EraseConfirm.qml"
            }
            // bench: a long test found a fault: said in plain words, on the next screen.
            BenchText {
                objectName: "verdict"
                visible: Bench.verdict !== ""
                width: parent.width
                color: Theme.alertText
                font.bold: true
                text: Bench.verdict
                Accessible.role: Accessible.AlertMessage
                SpokenHint { text: Bench.verdict }
            }
            // bench: the other PC (meanwhile): its work goes on, or it ended and waits.
            BenchText {
                objectName: "notice"
                visible: Bench.notice !== ""
                width: parent.width
                text: Bench.notice
                Accessible.role: Accessible.AlertMessage
                // Said by the Bench itself (also when a Station test screen is shown).
            }
            BenchText {
                objectName: "message"
                visible: Bench.message !== ""
                width: parent.width
                color: Theme.alertText
                text: Bench.message
                Accessible.role: Accessible.AlertMessage
            }

            // benchui: what to do when the helper found the disk FROZEN. bench: made only when
            // shown (Qt 6.4 puts hidden items in the AT-SPI tree).
            Loader {
                active: page.step === "erase_image" && Bench.diskFrozen && !Bench.working
                visible: active
                width: parent.width
                // By URL: a bound inline component cannot be made by a Loader.
                source: "qrc:/Etabli/Ui/FrozenDriveFix.qml"
            }

            WorkProgress {
                visible: Bench.working
                width: parent.width
            }

            // bench (fourth shift): the pickers are made only on their own step. Made hidden on
            // every step screen, their 38 picture buttons (each an SVG decoded at once) were most
            // of the ~50 ms of UI-thread CPU that opening the step screen cost.
            Loader {
                objectName: "hsPicker"
                active: page.step === "hs" && !Bench.working
                visible: active
                width: parent.width
                source: "qrc:/Etabli/Bench/HsPicker.qml"
            }
            Loader {
                objectName: "partsPicker"
                active: page.step === "parts" && !Bench.working
                visible: active
                width: parent.width
                source: "qrc:/Etabli/Bench/PartsPicker.qml"
            }
            Loader {
                id: cleaning
                objectName: "cleaningChecklist"
                active: page.step === "cleaning"
                visible: active
                width: parent.width
                source: "qrc:/Etabli/Bench/CleaningChecklist.qml"
                readonly property bool allDone: item !== null && (item as CleaningChecklist).allDone
            }
        }
    }

    // The one main action, and « Passer » only when the step could not be done.
    Flow {
        id: actions
        visible: !page.testStep
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        anchors.margins: Theme.spacingLarge
        spacing: Theme.spacingLarge
        layoutDirection: Qt.RightToLeft

        HoldButton {
            objectName: "holdToErase"
            visible: Bench.confirming
            pictogram: "../../Bench/pictograms/erase"
            text: qsTr("Hold to erase")
            // The bench says « tu »: its own words, not the shared control's (the desk's « vous »).
            accessibleDescription: qsTr("Hold for %n second(s) to confirm", "", Math.round(holdMs / 1000))
            onConfirmed: Bench.confirmErase("")
        }
        BigButton {
            objectName: "cancelErase"
            visible: Bench.confirming
            tone: Theme.surface
            toneText: Theme.text
            pictogram: "arrow-left"
            text: qsTr("Do not erase")
            onClicked: Bench.cancelConfirm()
        }
        BigButton {
            id: mainButton
            objectName: "mainAction"
            visible: !Bench.confirming
            main: true
            enabled: !Bench.working && (page.step !== "cleaning" || cleaning.allDone)
            pictogram: page.step === "done" ? "done" : "next"
            text: page.step === "identify" ? qsTr("Look in the PC")
                : page.step === "ram" || page.step === "disk" ? qsTr("Start the test")
                : page.step === "hs" ? qsTr("Nothing else is broken")
                : page.step === "parts" ? qsTr("Parts are done")
                : page.step === "cleaning" ? qsTr("It is clean")
                : page.step === "erase_image" ? qsTr("Erase and install")
                : page.step === "label" ? qsTr("Print the label")
                : page.step === "packing" ? qsTr("It is packed")
                : qsTr("Finish")
            onClicked: Bench.mainAction()
        }
        // bench: while the long work runs, the worker may do another PC's steps by hand.
        BigButton {
            objectName: "workMeanwhile"
            visible: Bench.canWorkMeanwhile
            pictogram: "../../Bench/pictograms/pc"
            text: qsTr("Work on another PC meanwhile")
            onClicked: Bench.workOnAnother()
        }
        BigButton {
            objectName: "backToOther"
            visible: Bench.otherTag !== "" && Bench.otherTag !== Bench.assetTag
            tone: Bench.otherFinished ? Theme.primary : Theme.surface
            toneText: Bench.otherFinished ? Theme.onPrimary : Theme.text
            pictogram: "arrow-left"
            text: qsTr("Back to PC %1").arg(Bench.otherTag)
            onClicked: Bench.backToOther()
        }
        ListenButton {
            objectName: "listen"
            speech: sentence.text
        }
        BigButton {
            objectName: "skip"
            visible: Bench.message !== "" && !Bench.working
            tone: Theme.surface
            toneText: Theme.text
            pictogram: "arrow-right"
            text: qsTr("Skip this step")
            onClicked: Bench.skipStep()
        }
        BigButton {
            objectName: "scrollDown"
            visible: body.overflows && body.contentY < body.contentHeight - body.height - 1
            tone: Theme.surface
            toneText: Theme.text
            pictogram: "arrow-down"
            text: qsTr("Further down")
            onClicked: body.page(1)
        }
        BigButton {
            objectName: "scrollUp"
            visible: body.overflows && body.contentY > 1
            tone: Theme.surface
            toneText: Theme.text
            pictogram: "arrow-up"
            text: qsTr("Further up")
            onClicked: body.page(-1)
        }
    }
    onStepChanged: {
        body.contentY = 0
        if (visible && !testStep)
            mainButton.forceActiveFocus()
    }
    onVisibleChanged: if (visible && !testStep) mainButton.forceActiveFocus()
    Component.onCompleted: if (!testStep) mainButton.forceActiveFocus()
}
