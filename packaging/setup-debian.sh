#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs every Debian 12 package Établi needs to build, test and run its demo.
# Idempotent: packages already present are skipped by apt-get. Run as root.
set -euo pipefail

packages=(
  # build
  cmake ninja-build ccache g++ pkg-config clang-format clang libclang-rt-14-dev
  qt6-base-dev qt6-declarative-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  # Qt Quick runtime
  qml6-module-qtquick qml6-module-qtquick-controls qml6-module-qtquick-layouts
  qml6-module-qtquick-window qml6-module-qtquick-templates qml6-module-qtqml-workerscript
  qml6-module-qttest
  # the OpenMoji pictograms (SVG) of Etabli.Ui; the QtQml type descriptions qmllint reads
  libqt6svg6 qml6-module-qtqml qml6-module-qtqml-models
  # server, store
  qt6-httpserver-dev qt6-websockets-dev libqt6sql6-sqlite libqt6sql6-psql postgresql
  libsqlite3-dev libpq-dev postgresql-client
  qt6-multimedia-dev qml6-module-qtmultimedia
  # supervisor (issue 13): the figures' charts (Qt Charts, C++ and QML)
  qt6-charts-dev qml6-module-qtcharts
  # hardware
  libusb-1.0-0-dev libatasmart-dev libatasmart-bin smartmontools hwdata
  # imaging, crypto
  zlib1g-dev libdeflate-dev libsodium-dev libssl-dev qemu-utils pigz bmap-tools
  # erasure: reference tools (hdparm, nvme, sg_*) and the peer the benchmark compares with
  hdparm nvme-cli sg3-utils nwipe
  # masters over the network (issue 19): namespaces, tc and packet loss for tests/imaging/netmasters,
  # and udpcast, the peer tests/bench/masters compares with
  iproute2 nftables udpcast
  # labels
  libzint-dev zbar-tools dmtx-utils poppler-utils
  # reference tools for tests
  edid-decode dmidecode memtester stressapptest umockdev sox util-linux
  # UI tests
  xvfb xauth imagemagick python3
  # validators used by tests
  python3-jsonschema
  # erasure: the donor's independent certificate check (tests/imaging/verify_certificate.py)
  python3-cryptography
  # a11y: spoken hints (Qt TextToSpeech over speech-dispatcher and espeak-ng, French voice)
  qt6-speech-dev libqt6texttospeech6 qt6-speech-speechd-plugin speech-dispatcher
  speech-dispatcher-espeak-ng espeak-ng
  # a11y: the AT-SPI walk under Xvfb (bus launcher, registry, python bindings)
  at-spi2-core dbus dbus-x11 python3-pyatspi python3-gi gir1.2-atspi-2.0
  # desk (engineer "deskserver"): receipts printed through CUPS; tst_deskprint starts a private cupsd
  cups-daemon cups-client cups-bsd
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if ((${#missing[@]})); then
  echo "setup: installing ${#missing[@]} package(s): ${missing[*]}"
  if [ "$(id -u)" -ne 0 ]; then
    echo "setup: need root to install packages (run with sudo)" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "setup: all packages present"
fi
