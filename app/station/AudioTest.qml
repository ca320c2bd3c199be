// SPDX-License-Identifier: GPL-3.0-or-later
// Audio: play the tone on the left, then on the right; say for each side if you heard it.
import QtQuick
import Etabli.Station

Rectangle {
    id: root
    property alias model: audio
    width: 1280
    height: 800
    color: "#fafafa"

    AudioTestModel { id: audio }

    Text {
        id: title
        anchors.horizontalCenter: parent.horizontalCenter
        y: 24
        text: qsTr("Play each sound. Did you hear it?")
        font.pixelSize: 36; font.bold: true
        color: "#212121"
    }
    Text {
        anchors.horizontalCenter: parent.horizontalCenter
        anchors.top: title.bottom; anchors.topMargin: 12
        visible: audio.playbackError !== ""
        text: "⚠ " + audio.playbackError
        font.pixelSize: 24
        color: "#c62828"
    }

    Row {
        anchors.centerIn: parent
        spacing: 120
        Repeater {
            model: [
                { side: "left", icon: "◀ ♪", text: qsTr("Left sound") },
                { side: "right", icon: "♪ ▶", text: qsTr("Right sound") }
            ]
            Column {
                id: side
                required property var modelData
                readonly property int answer: modelData.side === "left" ? audio.leftAnswer : audio.rightAnswer
                spacing: 16
                BigButton {
                    objectName: "play-" + side.modelData.side
                    width: 336
                    icon: side.modelData.icon
                    text: side.modelData.text
                    checked: audio.playing === side.modelData.side
                    onClicked: audio.play(side.modelData.side)
                }
                Row {
                    spacing: 16
                    BigButton {
                        objectName: "heard-" + side.modelData.side
                        icon: "✔"; text: qsTr("Heard")
                        width: 160
                        color: side.answer === 1 ? "#2e7d32" : "#1565c0"
                        onClicked: audio.answer(side.modelData.side, true)
                    }
                    BigButton {
                        objectName: "silent-" + side.modelData.side
                        icon: "✘"; text: qsTr("Nothing")
                        width: 160
                        color: side.answer === 0 ? "#c62828" : "#1565c0"
                        onClicked: audio.answer(side.modelData.side, false)
                    }
                }
            }
        }
    }

    // With a microphone or a loopback cable the engine listens for both tones itself.
    BigButton {
        objectName: "loopback"
        anchors.left: parent.left; anchors.bottom: parent.bottom; anchors.margins: 24
        visible: audio.loopbackAvailable
        enabled: !audio.recording
        icon: "◉"; text: qsTr("Microphone")
        onClicked: audio.checkLoopback()
    }

    BigButton {
        objectName: "finish"
        anchors.right: parent.right; anchors.bottom: parent.bottom; anchors.margins: 24
        icon: "✔"; text: qsTr("Finished")
        enabled: audio.canFinish
        onClicked: audio.finish()
    }
}
