#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 Établi contributors
"""Walk the real AT-SPI tree of etabli-station screens (issue 12).

Run inside an X server and a D-Bus session (run.sh does: xvfb-run + dbus-run-session). For
each line of screens.txt it starts the AT-SPI bus launcher once, then etabli-station with
QT_QPA_PLATFORM=xcb and QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1, waits for its window in the tree
and checks: every node has a role, every node but the application has a name, no hidden node
is in the tree, the expected names are there, the expected ones are disabled, the others
enabled, the absent ones absent. Exit 1 on any failure (never skips).
"""
import argparse
import os
import subprocess
import sys
import tempfile
import time

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi  # noqa: E402

INTERACTIVE = {"push button", "toggle button", "check box", "radio button", "menu item", "link", "slider",
               "spin button", "combo box", "entry", "text", "canvas", "list item", "page tab"}
UNNAMED_OK = {"application", "filler"}


def parse_screens(path):
    screens = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            parts = [p.strip() for p in line.split("|")]
            parts += [""] * (5 - len(parts))
            lists = [[n.strip() for n in p.split(";") if n.strip()] for p in parts[2:5]]
            screens.append({"name": parts[0], "args": parts[1].split(), "present": lists[0], "disabled": lists[1],
                            "absent": lists[2]})
    return screens


def find_app(pid, timeout):
    deadline = time.time() + timeout
    while time.time() < deadline:
        desktop = Atspi.get_desktop(0)
        for i in range(desktop.get_child_count()):
            app = desktop.get_child_at_index(i)
            if app is None:
                continue
            try:
                app.set_cache_mask(Atspi.Cache.NONE)
                if app.get_process_id() == pid and app.get_child_count() > 0:
                    return app
            except gi.repository.GLib.Error:
                continue
        time.sleep(0.2)
    return None


def walk(node, out, depth=0):
    if node is None or depth > 60:
        return
    states = node.get_state_set()
    out.append({
        "role": node.get_role_name(),
        "name": node.get_name() or "",
        "visible": states.contains(Atspi.StateType.VISIBLE) and states.contains(Atspi.StateType.SHOWING),
        "enabled": states.contains(Atspi.StateType.ENABLED) or states.contains(Atspi.StateType.SENSITIVE),
        "depth": depth,
    })
    for i in range(node.get_child_count()):
        walk(node.get_child_at_index(i), out, depth + 1)


def check(screen, nodes):
    failures = []
    for n in nodes:
        what = f"{n['role']} {n['name']!r}"
        if n["role"] in ("unknown", "invalid", "redundant object"):
            failures.append(f"a node without a role: {what}")
        if not n["name"].strip() and n["role"] not in UNNAMED_OK:
            failures.append(f"a {n['role']} without a name" + (" (a control)" if n["role"] in INTERACTIVE else ""))
        if not n["visible"] and n["role"] != "application":
            failures.append(f"hidden node in the tree: {what}")
    by_name = {}
    for n in nodes:
        by_name.setdefault(n["name"], []).append(n)
    for name in screen["present"]:
        if name not in by_name:
            failures.append(f"missing: {name!r}")
    for name in screen["disabled"]:
        if name in by_name and any(n["enabled"] for n in by_name[name]):
            failures.append(f"reported enabled, should be disabled: {name!r}")
    for name in screen["present"]:
        if name in by_name and name not in screen["disabled"]:
            if by_name[name][0]["role"] in INTERACTIVE and not by_name[name][0]["enabled"]:
                failures.append(f"reported disabled, should be enabled: {name!r}")
    for name in screen["absent"]:
        if name in by_name:
            failures.append(f"should be absent: {name!r} ({by_name[name][0]['role']})")
    return failures


def wait_for_display(timeout):
    """Whether the X server of $DISPLAY accepts connections within `timeout` seconds: on a
    loaded machine xvfb-run may hand over before Xvfb listens, and the first screen failed."""
    import socket
    number = os.environ.get("DISPLAY", "").lstrip(":").split(".")[0]
    path = f"/tmp/.X11-unix/X{number}"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
                s.connect(path)
                return True
        except OSError:
            time.sleep(0.1)
    return False


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--station", required=True, help="the etabli-station binary")
    ap.add_argument("--screens", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "screens.txt"))
    ap.add_argument("--only", help="walk only this screen name")
    ap.add_argument("--dump", action="store_true", help="print every node")
    args = ap.parse_args()

    if not os.environ.get("DISPLAY"):
        print("atspi walk: no X display (run it through run.sh: xvfb-run)", file=sys.stderr)
        return 1
    if not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        print("atspi walk: no D-Bus session (run it through run.sh: dbus-run-session)", file=sys.stderr)
        return 1
    if not wait_for_display(15):
        print(f"atspi walk: the X display {os.environ['DISPLAY']} does not answer", file=sys.stderr)
        return 1
    launcher = subprocess.Popen(["/usr/libexec/at-spi-bus-launcher", "--launch-immediately"])
    time.sleep(0.5)
    total = []
    try:
        if launcher.poll() is not None:
            print("atspi walk: the AT-SPI bus launcher did not start", file=sys.stderr)
            return 1
        with tempfile.TemporaryDirectory() as tmp:
            env = dict(os.environ, QT_QPA_PLATFORM="xcb", QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1", ETABLI_VOICE="off",
                       ETABLI_DB=os.path.join(tmp, "inventory.sqlite"), LANG="C.UTF-8", LC_ALL="C.UTF-8")
            env.pop("ETABLI_LANG", None)
            for screen in parse_screens(args.screens):
                if args.only and screen["name"] != args.only:
                    continue
                station = subprocess.Popen([args.station] + screen["args"], env=env, stdout=subprocess.DEVNULL,
                                           stderr=subprocess.PIPE)
                try:
                    app = find_app(station.pid, 20)
                    if app is None:
                        err = ""
                        if station.poll() is not None:
                            err = station.stderr.read().decode(errors="replace")
                        failures = [f"no window of etabli-station in the AT-SPI tree within 20 s {err.strip()}"]
                        nodes = []
                    else:
                        time.sleep(0.5)  # the screen's bindings settle
                        nodes = []
                        walk(app, nodes)
                        failures = check(screen, nodes)
                finally:
                    station.terminate()
                    try:
                        station.wait(5)
                    except subprocess.TimeoutExpired:
                        station.kill()
                        station.wait()
                if args.dump:
                    for n in nodes:
                        flags = ("" if n["enabled"] else " disabled") + ("" if n["visible"] else " hidden")
                        print("  " * n["depth"] + f"{n['role']} | {n['name']}{flags}")
                print(f"{screen['name']}: {len(nodes)} nodes, {len(failures)} failure(s)")
                for f in failures:
                    print(f"  FAIL {screen['name']}: {f}")
                total += failures
    finally:
        launcher.terminate()
        try:
            launcher.wait(5)
        except subprocess.TimeoutExpired:
            launcher.kill()
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main())
