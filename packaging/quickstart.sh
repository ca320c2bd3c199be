#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The README's two quick-start commands:
#   bash packaging/quickstart.sh demo   set up, build, run the station demo on embedded defaults
#   bash packaging/quickstart.sh test   set up, build, run every test (CTest)
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-demo}
# ccache hits across checkouts in different folders (CI clones afresh each time).
export CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=1

bash packaging/setup-debian.sh
cmake --preset dev >/dev/null
cmake --build --preset dev

case "$what" in
demo)
  exec bash packaging/demo.sh build/dev
  ;;
test)
  ctest --preset dev
  ;;
*)
  echo "usage: $0 demo|test" >&2
  exit 2
  ;;
esac
