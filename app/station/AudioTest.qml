// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
// Audio: play the sound on the left, then on the right; say for each side if you heard
// it. "Heard" works only once that side's sound was played. Finished shows the result.
pragma ComponentBehavior: Bound
import QtQuick
import Etabli.Ui
import Etabli.Station

Rectangle {
    id: root
    property alias model: audio
    color: Theme.background
    /// The worker asked for the About page (Main.qml shows it).
    signal aboutRequested()

    AudioTestModel { id: audio }

    Column {
        id: header
        anchors.horizontalCenter: parent.horizontalCenter
        y: Theme.spacing
        width: parent.width - 2 * (Math.max(about.width, listen.visible ? listen.width : 0) + 2 * Theme.spacing)
        spacing: Theme.spacingSmall
        Text {
            id: instruction
            objectName: "instruction"
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
            text: qsTr("Play each sound. Did you hear it?")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.titleSize
            font.bold: true
            color: Theme.text
            Accessible.role: Accessible.StaticText
            Accessible.name: text
        }
        Text {
            objectName: "playback-error"
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
            visible: audio.playbackError !== ""
            text: "⚠ " + audio.playbackError
            font.family: Theme.fontFamily
            font.pixelSize: Theme.textSize
            font.bold: true
            color: Theme.alertText
            Accessible.role: Accessible.AlertMessage
            Accessible.name: audio.playbackError
            Accessible.ignored: !visible
        }
    }

    Row {
        anchors.centerIn: parent
        spacing: Theme.spacingLarge * 2
        Repeater {
            model: [
                { side: "left", text: qsTr("Left sound"), heard: qsTr("I heard the left sound"),
                  nothing: qsTr("I heard nothing on the left") },
                { side: "right", text: qsTr("Right sound"), heard: qsTr("I heard the right sound"),
                  nothing: qsTr("I heard nothing on the right") }
            ]
            Column {
                id: side
                required property var modelData
                readonly property bool isLeft: modelData.side === "left"
                readonly property int answer: isLeft ? audio.leftAnswer : audio.rightAnswer
                readonly property bool played: isLeft ? audio.leftPlayed : audio.rightPlayed
                spacing: Theme.spacing
                BigButton {
                    objectName: "play-" + side.modelData.side
                    anchors.horizontalCenter: parent.horizontalCenter
                    width: answers.width
                    main: true
                    pictogram: "speaker"
                    text: side.modelData.text
                    accessibleName: qsTr("Play the %1").arg(side.modelData.text)
                    checked: audio.playing === side.modelData.side
                    enabled: !audio.done
                    onClicked: audio.play(side.modelData.side)
                }
                Row {
                    id: answers
                    spacing: Theme.spacing
                    BigButton {
                        objectName: "heard-" + side.modelData.side
                        main: true
                        pictogram: "ear"
                        text: qsTr("Heard")
                        accessibleName: side.modelData.heard
                        enabled: side.played && !audio.done
                        checked: side.answer === 1
                        onClicked: audio.answer(side.modelData.side, true)
                    }
                    BigButton {
                        objectName: "silent-" + side.modelData.side
                        main: true
                        pictogram: "speaker-muted"
                        text: qsTr("Nothing")
                        accessibleName: side.modelData.nothing
                        enabled: !audio.done
                        tone: side.answer === 0 ? Theme.fail : Theme.primary
                        toneText: side.answer === 0 ? Theme.onFail : Theme.onPrimary
                        onClicked: audio.answer(side.modelData.side, false)
                    }
                }
            }
        }
    }

    // With a microphone or a loopback cable the engine listens for both tones itself.
    BigButton {
        objectName: "loopback"
        anchors.left: parent.left
        anchors.bottom: parent.bottom
        anchors.margins: Theme.spacing
        visible: audio.loopbackAvailable
        Accessible.ignored: !visible
        enabled: !audio.recording && !audio.done
        pictogram: "microphone"
        text: qsTr("Microphone")
        accessibleName: qsTr("Let the microphone listen")
        onClicked: audio.checkLoopback()
    }

    BigButton {
        objectName: "finish"
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        anchors.margins: Theme.spacing
        main: true
        pictogram: "done"
        text: qsTr("Finished")
        enabled: audio.canFinish
        onClicked: audio.finish()
    }

    BigButton {
        id: about
        objectName: "about"
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.margins: Theme.spacing
        pictogram: "info"
        tone: Theme.surface
        toneText: Theme.text
        text: qsTr("About")
        accessibleName: qsTr("About Établi and its licences")
        focusPolicy: Qt.NoFocus
        onClicked: root.aboutRequested()
    }

    // a11y: the instruction is said on arrival; « Écouter » says it again.
    SpokenHint { text: instruction.text }
    ListenButton {
        id: listen
        objectName: "listen"
        anchors.left: parent.left
        anchors.top: parent.top
        anchors.margins: Theme.spacing
        speech: instruction.text
        focusPolicy: Qt.NoFocus
    }

    ResultPage {
        objectName: "result"
        anchors.fill: parent
        visible: audio.done
        verdict: audio.verdict
        detail: audio.detail
        nextStep: audio.verdict === "PASS" ? qsTr("Go on to the next test.")
                                           : qsTr("Put the HS label on the sound part.")
        errorString: Station.errorString
        onClosed: Station.quit()
    }
}
