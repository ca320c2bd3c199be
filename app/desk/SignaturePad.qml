// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
// The signature on the touch screen, kept as strokes: [[[x, y, t_ms], …], …] in the pad's
// own units (its width and height go with them), drawn as the finger moves.
import QtQuick
import Etabli.Ui

Rectangle {
    id: pad
    property var strokes: []
    readonly property bool empty: strokes.length === 0
    property double started: 0

    function clear() { pad.strokes = []; canvas.requestPaint() }

    implicitWidth: Theme.mm(90)
    implicitHeight: Theme.mm(40)
    color: Theme.surface
    border.color: Theme.border
    border.width: Theme.borderWidth
    radius: Theme.radius
    Accessible.role: Accessible.Canvas
    Accessible.name: qsTr("Sign here")
    // deskui: Qt 6.4 exposes hidden items to AT-SPI: a hidden pad is not there.
    Accessible.ignored: !pad.visible

    Text {
        anchors.centerIn: parent
        visible: pad.empty
        text: qsTr("Sign here")
        color: Theme.text
        font.family: Theme.fontFamily
        font.pixelSize: Theme.textSize
    }

    Canvas {
        id: canvas
        anchors.fill: parent
        onPaint: {
            const ctx = getContext("2d")
            ctx.reset()
            ctx.strokeStyle = Theme.text
            ctx.lineWidth = Theme.mm(0.8)
            ctx.lineCap = "round"
            for (const stroke of pad.strokes) {
                ctx.beginPath()
                for (let i = 0; i < stroke.length; ++i) {
                    if (i === 0)
                        ctx.moveTo(stroke[i][0], stroke[i][1])
                    else
                        ctx.lineTo(stroke[i][0], stroke[i][1])
                }
                ctx.stroke()
            }
        }
    }

    MouseArea {
        anchors.fill: parent
        onPressed: (mouse) => {
            if (pad.started === 0)
                pad.started = Date.now()
            const s = pad.strokes.slice()
            s.push([[mouse.x, mouse.y, Date.now() - pad.started]])
            pad.strokes = s
        }
        onPositionChanged: (mouse) => {
            const s = pad.strokes.slice()
            s[s.length - 1].push([mouse.x, mouse.y, Date.now() - pad.started])
            pad.strokes = s
            canvas.requestPaint()
        }
    }
}
