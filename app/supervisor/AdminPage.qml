// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
// The workshop's administration: workers, bench steps, settings (minimum PC, master,
// label) and the stations' keys. Every change is one event named after the supervisor
// logged in, through the same use-case as `etabli admin …`.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Etabli.Ui
import Etabli.Supervisor

ColumnLayout {
    id: page
    required property SupervisorBoard board
    /// workers, steps, settings or keys.
    property string section: "workers"
    /// The worker being edited (a copy of the row), or null.
    property var editing: null
    /// The workshop settings as the log last set them (a plain object for the bindings).
    readonly property var settings: board.workshop
    spacing: Theme.spacing

    component Words: Text {
        color: Theme.text
        font.family: Theme.fontFamily
        font.pixelSize: Theme.textSize
        wrapMode: Text.WordWrap
        Accessible.role: Accessible.StaticText
        Accessible.name: text
        Accessible.ignored: !visible
    }
    component Choice: BigButton {
        checkable: true
        tone: Theme.surface
        toneText: Theme.text
    }

    Flow {
        visible: page.editing === null
        spacing: Theme.spacing
        Layout.fillWidth: true
        Repeater {
            model: [{ key: "workers", text: qsTr("Workers") }, { key: "steps", text: qsTr("Bench steps") },
                    { key: "settings", text: qsTr("Settings") }, { key: "keys", text: qsTr("Bench keys") }]
            Choice {
                required property var modelData
                text: modelData.text
                checked: page.section === modelData.key
                onClicked: { page.section = modelData.key; page.editing = null }
            }
        }
    }
    Words {
        visible: page.board.message !== ""
        text: page.board.message
        font.bold: true
        Layout.fillWidth: true
    }

    // --- Workers: the list, or one worker's card being edited.
    Pager {
        id: workerList
        visible: page.section === "workers" && page.editing === null
        name: qsTr("Workers")
        Layout.fillWidth: true
        Layout.fillHeight: true
        model: page.board.workers
        delegate: BigButton {
            required property var modelData
            width: workerList.width
            height: workerList.rowHeight
            text: modelData.display_name + " — " + modelData.badge + " — " + modelData.role
                  + (modelData.active ? "" : " — " + qsTr("has left"))
            accessibleDescription: qsTr("Change this worker")
            tone: Theme.surface
            toneText: Theme.text
            onClicked: page.editing = Object.assign({}, modelData)
        }
    }
    BigButton {
        visible: page.section === "workers" && page.editing === null
        text: qsTr("New worker")
        onClicked: page.editing = { badge: "", display_name: "", role: "worker", guidance: 2, active: true, isNew: true }
    }
    // One worker's card, in two parts so that each fits at 200 % text: the card (badge,
    // name, role, still here) and the help (guidance level, photo, preferences).
    ColumnLayout {
        id: editor
        objectName: "editor"
        property string part: "card"
        visible: page.section === "workers" && page.editing !== null
        spacing: Theme.spacing
        Layout.fillWidth: true
        Layout.fillHeight: true
        Flow {
            spacing: Theme.spacing
            Layout.fillWidth: true
            BigButton {
                text: qsTr("Save")
                onClicked: page.saveWorker()
            }
            BigButton {
                text: qsTr("Cancel")
                tone: Theme.surface
                toneText: Theme.text
                onClicked: page.editing = null
            }
            Choice {
                text: qsTr("Card")
                checked: editor.part === "card"
                onClicked: editor.part = "card"
            }
            Choice {
                text: qsTr("Help and photo")
                checked: editor.part === "help"
                onClicked: editor.part = "help"
            }
        }
        Flow {
            visible: editor.part === "card"
            spacing: Theme.spacingLarge
            Layout.fillWidth: true
            Field {
                id: badgeField
                label: qsTr("Badge")
                text: page.editing ? page.editing.badge : ""
                field.readOnly: page.editing ? !page.editing.isNew : true
            }
            Field {
                id: nameField
                label: qsTr("Name shown on the screens")
                fieldWidth: Theme.mm(60)
                text: page.editing ? page.editing.display_name : ""
            }
            ColumnLayout {
                spacing: Theme.spacingSmall
                Words { text: qsTr("Role") }
                RowLayout {
                    spacing: Theme.spacing
                    Repeater {
                        model: [{ key: "worker", text: qsTr("Worker") }, { key: "supervisor", text: qsTr("Supervisor") },
                                { key: "desk", text: qsTr("Desk") }]
                        Choice {
                            required property var modelData
                            text: modelData.text
                            checked: page.editing !== null && page.editing.role === modelData.key
                            onClicked: page.editing = Object.assign({}, page.editing, { role: modelData.key })
                        }
                    }
                }
            }
            Choice {
                visible: page.editing !== null && !page.editing.isNew
                text: qsTr("Still works here")
                checked: page.editing !== null && page.editing.active
                onClicked: page.editing = Object.assign({}, page.editing, { active: !page.editing.active })
            }
        }
        Flow {
            visible: editor.part === "help"
            spacing: Theme.spacingLarge
            Layout.fillWidth: true
            ColumnLayout {
                spacing: Theme.spacingSmall
                Words { text: qsTr("Help on the screens") }
                RowLayout {
                    spacing: Theme.spacing
                    Repeater {
                        model: [{ key: 1, text: qsTr("Most help") }, { key: 2, text: qsTr("Some help") },
                                { key: 3, text: qsTr("Least help") }]
                        Choice {
                            required property var modelData
                            text: modelData.text
                            checked: page.editing !== null && page.editing.guidance === modelData.key
                            onClicked: page.editing = Object.assign({}, page.editing, { guidance: modelData.key })
                        }
                    }
                }
            }
            Field {
                id: photoField
                label: page.editing && page.editing.hasPhoto ? qsTr("New photo (file)") : qsTr("Photo (file)")
                fieldWidth: Theme.mm(60)
                text: ""
            }
            Field {
                id: preferencesField
                label: qsTr("Preferences")
                fieldWidth: Theme.mm(60)
                text: page.editing && page.editing.preferences && Object.keys(page.editing.preferences).length > 0
                      ? JSON.stringify(page.editing.preferences) : ""
            }
        }
        Item { Layout.fillHeight: true }
    }

    function saveWorker() {
        const fields = { display_name: nameField.text, role: page.editing.role,
                         guidance: page.editing.guidance, active: page.editing.active };
        if (photoField.text !== "")
            fields.photo = photoField.text;
        if (preferencesField.text !== "") {
            try {
                fields.preferences = JSON.parse(preferencesField.text);
            } catch (e) {
                page.board.say(qsTr("The preferences are not valid."));
                return;
            }
        }
        page.board.updateWorker(badgeField.text, fields);
        page.editing = null;
        editor.part = "card";
    }

    // --- Bench steps: their order (up, down) and whether each is on.
    Pager {
        id: stepList
        visible: page.section === "steps"
        name: qsTr("Bench steps")
        Layout.fillWidth: true
        Layout.fillHeight: true
        model: page.board.benchSteps
        delegate: RowLayout {
            id: stepRow
            required property var modelData
            required property int index
            readonly property int position: stepList.page * stepList.perPage + index
            readonly property bool last: position === page.board.benchSteps.length - 1
            width: stepList.width
            height: stepList.rowHeight
            spacing: Theme.spacing
            Words {
                text: (stepRow.position + 1) + ". " + page.stepName(stepRow.modelData.step)
                Layout.fillWidth: true
            }
            BigButton {
                text: qsTr("Up")
                pictogram: ""
                accessibleName: qsTr("Move %1 up").arg(page.stepName(stepRow.modelData.step))
                enabled: !stepRow.last && stepRow.position > 0
                onClicked: page.board.editStep(stepRow.position, -1)
            }
            BigButton {
                text: qsTr("Down")
                accessibleName: qsTr("Move %1 down").arg(page.stepName(stepRow.modelData.step))
                enabled: stepRow.position + 2 < page.board.benchSteps.length
                onClicked: page.board.editStep(stepRow.position, 1)
            }
            Choice {
                text: stepRow.modelData.on ? qsTr("On") : qsTr("Off")
                accessibleName: qsTr("%1 is used").arg(page.stepName(stepRow.modelData.step))
                checked: stepRow.modelData.on
                enabled: !stepRow.last
                onClicked: page.board.editStep(stepRow.position, 0)
            }
        }
    }

    // --- Settings: the minimum PC, the current master and the label.
    Flow {
        visible: page.section === "settings"
        spacing: Theme.spacingLarge
        Layout.fillWidth: true
        Layout.fillHeight: true
        Field {
            id: ramField
            label: qsTr("Minimum memory (GB)")
            text: page.settings.min_spec ? (page.settings.min_spec.ram_gb || "") : ""
        }
        Field {
            id: diskField
            label: qsTr("Minimum disk (GB)")
            text: page.settings.min_spec ? (page.settings.min_spec.disk_gb || "") : ""
        }
        BigButton {
            text: qsTr("Save the minimum PC")
            onClicked: {
                const spec = {};
                if (ramField.text !== "") spec.ram_gb = Number(ramField.text);
                if (diskField.text !== "") spec.disk_gb = Number(diskField.text);
                if (Object.values(spec).some(v => isNaN(v) || v < 0)) {
                    page.board.say(qsTr("Type a number."));
                    return;
                }
                page.board.configure("min_spec", spec);
            }
        }
        Field {
            id: masterNameField
            label: qsTr("System to install")
            fieldWidth: Theme.mm(50)
            text: page.settings.master_name || ""
        }
        Field {
            id: masterVersionField
            label: qsTr("Its version")
            text: page.settings.master_version || ""
        }
        BigButton {
            text: qsTr("Save the system")
            onClicked: {
                page.board.configure("master_name", masterNameField.text);
                page.board.configure("master_version", masterVersionField.text);
            }
        }
        Field {
            id: labelField
            label: qsTr("Label model")
            text: page.settings.label_template || ""
        }
        BigButton {
            text: qsTr("Save the label model")
            onClicked: page.board.configure("label_template", labelField.text)
        }
    }

    // --- The stations' keys (on the server only).
    Words {
        visible: page.section === "keys" && !page.board.tokensAvailable
        text: qsTr("Bench keys are kept on the server. This workshop has no server.")
        Layout.fillWidth: true
    }
    Pager {
        id: keyList
        visible: page.section === "keys" && page.board.tokensAvailable
        name: qsTr("Bench keys")
        Layout.fillWidth: true
        Layout.fillHeight: true
        model: page.board.tokens
        delegate: RowLayout {
            id: keyRow
            required property var modelData
            width: keyList.width
            height: keyList.rowHeight
            spacing: Theme.spacing
            Words {
                text: keyRow.modelData.name + " — " + keyRow.modelData.role
                      + (keyRow.modelData.revoked_at ? " — " + qsTr("revoked") : "")
                Layout.fillWidth: true
            }
            // Held to confirm: a revoked key (the supervisor's own too) cannot come back.
            HoldButton {
                visible: !keyRow.modelData.revoked_at
                main: false
                text: qsTr("Hold to revoke")
                accessibleName: qsTr("Revoke the key of %1").arg(keyRow.modelData.name)
                onConfirmed: page.board.revokeToken(keyRow.modelData.name)
            }
        }
    }
    Flow {
        visible: page.section === "keys" && page.board.tokensAvailable
        spacing: Theme.spacing
        Layout.fillWidth: true
        Field {
            id: keyName
            label: qsTr("Name of the new key")
        }
        Repeater {
            model: [{ key: "station", text: qsTr("For a bench") }, { key: "desk", text: qsTr("For the desk") }]
            BigButton {
                required property var modelData
                text: modelData.text
                enabled: keyName.text.trim() !== ""
                onClicked: { page.board.issueToken(keyName.text, modelData.key); keyName.text = "" }
            }
        }
    }

    function stepName(step) {
        const names = { identify: qsTr("Identify the PC"), ram: qsTr("Test the memory"), disk: qsTr("Test the disk"),
                        screen: qsTr("Test the screen"), audio: qsTr("Test the sound"),
                        input: qsTr("Test the keyboard and mouse"), hs: qsTr("Broken parts"),
                        parts: qsTr("Add or change parts"), cleaning: qsTr("Clean the PC"),
                        erase_image: qsTr("Erase the disk and install"), label: qsTr("Print the label"),
                        packing: qsTr("Pack the PC"), done: qsTr("Done") };
        return names[step] || step;
    }
}
