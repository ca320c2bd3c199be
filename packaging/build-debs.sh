#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 Établi contributors
# Builds the Debian packages etabli, etabli-station, etabli-helper and etabli-server into
# build/debs/ (with lintian's report beside them, build/debs/lintian.txt).
# Run as root on Debian 12: installs its build dependencies with apt-get. The tree is copied
# to build/debs-work/ and packaging/debian/ becomes debian/ there, so the repository stays clean.
#   bash packaging/build-debs.sh [--no-lintian]
set -euo pipefail
# A build: at nice 15 on the shared machine (HELPERS.md), whoever starts it.
[ "$(nice)" -ge 15 ] || exec nice -n $((15 - $(nice))) bash "$0" "$@"

root=$(cd "$(dirname "$0")/.." && pwd)
out=$root/build/debs
work=$root/build/debs-work
version=$(sed -n '1s/^etabli (\([^)]*\)).*/\1/p' "$root/packaging/debian/changelog")
src=$work/etabli-$version
run_lintian=1
[ "${1:-}" = --no-lintian ] && run_lintian=0

if [ "$(id -u)" -ne 0 ]; then
  echo "build-debs: run as root (it installs the build dependencies with apt-get)" >&2
  exit 1
fi

echo "build-debs: copying the tree to $src"
rm -rf "$work"
mkdir -p "$src" "$out"
tar -C "$root" --exclude=./build --exclude=./.git --exclude=./.cache -cf - . | tar -C "$src" -xf -
cp -a "$root/packaging/debian" "$src/debian"

export DEBIAN_FRONTEND=noninteractive
echo "build-debs: installing the build dependencies"
apt-get install -y -qq --no-install-recommends dpkg-dev debhelper lintian >/dev/null
apt-get build-dep -y -qq "$src" >/dev/null

# debhelper 13 gives the build its own HOME: keep the machine's ccache.
export CCACHE_DIR=${CCACHE_DIR:-$(ccache -k cache_dir 2>/dev/null || echo "$HOME/.cache/ccache")}
export CCACHE_BASEDIR=$src CCACHE_NOHASHDIR=1
export DEB_BUILD_OPTIONS="${DEB_BUILD_OPTIONS:+$DEB_BUILD_OPTIONS }parallel=${JOBS:-2} noddebs"
echo "build-debs: dpkg-buildpackage (Release, tests off); log in $work/build.log"
(cd "$src" && dpkg-buildpackage -b -us -uc) >"$work/build.log" 2>&1 || {
  tail -40 "$work/build.log" >&2
  echo "build-debs: the package build failed (full log: $work/build.log)" >&2
  exit 1
}

rm -f "$out"/*.deb "$out"/*.changes "$out"/*.buildinfo
mv "$work"/*.deb "$work"/*.changes "$work"/*.buildinfo "$out"/
ls -l "$out"/*.deb

if ((run_lintian)); then
  echo "build-debs: lintian"
  # Errors fail the build; warnings are listed in packaging/README.md with their reasons.
  # (lintian says root is not recommended; it only reads the packages here.)
  lintian --fail-on error -I "$out"/*.changes 2>&1 | grep -v '^running with root privileges' | tee "$out/lintian.txt"
  [ "${PIPESTATUS[0]}" -eq 0 ] || { echo "build-debs: lintian reports errors" >&2; exit 1; }
fi
echo "build-debs: packages in $out"
