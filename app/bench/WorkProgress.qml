// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
// Long work (memory test, disk test, erase and install): a big bar, the time left and a
// calm, slow animation so the worker sees the bench is busy. No time limit for the worker.
// « Work on another PC meanwhile » (StepScreen) leaves it running: the worker does another
// PC's steps by hand and comes back; the end is shown and said then.
import QtQuick
import Etabli.Ui
import Etabli.Bench

Column {
    id: work
    spacing: Theme.spacing

    Item {
        width: parent.width
        height: Theme.iconSize * 1.6
        Image {
            id: hourglass
            anchors.centerIn: parent
            source: Bench.pictogram("hourglass")
            width: Theme.iconSize * 1.4
            height: width
            sourceSize.width: width
            sourceSize.height: height
            Accessible.ignored: true
            SequentialAnimation on opacity {
                running: work.visible
                loops: Animation.Infinite
                NumberAnimation { to: 0.45; duration: 1600; easing.type: Easing.InOutSine }
                NumberAnimation { to: 1.0; duration: 1600; easing.type: Easing.InOutSine }
            }
        }
    }
    Rectangle {
        objectName: "progressBar"
        width: parent.width
        height: Theme.mm(12)
        radius: Theme.radius
        color: Theme.surface
        border.color: Theme.border
        border.width: Theme.borderWidth
        Accessible.role: Accessible.ProgressBar
        Accessible.name: percent.text
        // bench: Qt 6.4 puts hidden items in the AT-SPI tree: not there when not shown.
        Accessible.ignored: !visible
        Rectangle {
            x: Theme.borderWidth
            y: Theme.borderWidth
            height: parent.height - 2 * Theme.borderWidth
            width: Math.max(0, (parent.width - 2 * Theme.borderWidth) * Bench.progress)
            radius: Theme.radius
            color: Theme.primary
            Behavior on width { NumberAnimation { duration: 400 } }
        }
    }
    BenchText {
        id: percent
        objectName: "timeLeft"
        width: parent.width
        horizontalAlignment: Text.AlignHCenter
        text: Bench.secondsLeft > 90 ? qsTr("About %n minute(s) left.", "", Math.round(Bench.secondsLeft / 60))
            : Bench.secondsLeft >= 0 ? qsTr("Less than two minutes left.")
            : qsTr("The bench is working.")
    }
}
