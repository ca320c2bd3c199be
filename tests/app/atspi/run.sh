#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The AT-SPI walk (walk.py) under Xvfb and a private D-Bus session: run.sh ETABLI_STATION [walk.py options].
# Fails (never skips) when a tool is missing: bash packaging/setup-debian.sh installs them.
set -euo pipefail
station=${1:?usage: run.sh PATH/TO/etabli-station [--only NAME] [--dump]}
shift
here=$(cd "$(dirname "$0")" && pwd)
missing=()
for tool in xvfb-run dbus-run-session /usr/libexec/at-spi-bus-launcher /usr/bin/python3; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
/usr/bin/python3 -c 'import gi; gi.require_version("Atspi", "2.0"); from gi.repository import Atspi' 2>/dev/null \
  || missing+=("gir1.2-atspi-2.0/python3-gi")
if ((${#missing[@]})); then
  echo "atspi walk: missing ${missing[*]} (bash packaging/setup-debian.sh)" >&2
  exit 1
fi
unset DBUS_SESSION_BUS_ADDRESS AT_SPI_BUS_ADDRESS
# -noreset: Xvfb resets when its last client leaves (the bus launcher, a station that quit), and
# a station starting during that reset cannot connect.
# The demo stations keep their folders (etabli-station --demo says where): a private TMPDIR,
# removed at the end, so the walk's 20 stations leave nothing in /tmp.
tmp=$(mktemp -d "${TMPDIR:-/tmp}/etabli-atspi.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
TMPDIR=$tmp xvfb-run -a -s "-screen 0 1366x768x24 -noreset" dbus-run-session -- /usr/bin/python3 "$here/walk.py" \
  --station "$station" "$@"
