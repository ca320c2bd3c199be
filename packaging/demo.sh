#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The demo: a fresh local inventory in a temporary folder (or $ETABLI_DEMO_DIR), a
# donor lot, a few assets taken through the workshop, everything printed.
set -euo pipefail
build=${1:-build/dev}
dir=${ETABLI_DEMO_DIR:-$(mktemp -d -t etabli-demo.XXXXXX)}
etabli() { "$build/app/etabli" --db "$dir/inventory.sqlite" --station bench-1 --worker demo "$@"; }

echo "== Établi demo: inventory in $dir/inventory.sqlite"
etabli config set tag.prefix BCL
etabli lot add LOT-2026-001 --donor "Banque Exemple" --expected 4 --notes "Lot de démonstration"
etabli asset add --kind pc --lot LOT-2026-001 --make Dell --model "OptiPlex 7010" --serial 4XK2Q5J
etabli asset add --kind pc --lot LOT-2026-001 --make HP --model "EliteDesk 800 G1" --serial CZC4071BX3
etabli asset add --kind screen --lot LOT-2026-001 --make Acer --model "V193" --serial ETLBW0D0079
etabli asset add --kind keyboard --lot LOT-2026-001 --make Logitech --model K120
pc=$(etabli asset list --json | sed -n 's/.*"tag": "\(BCL-000001-.\)".*/\1/p' | head -1)
echo "== $pc goes through the bench"
etabli asset move "$pc" TESTING
etabli asset record "$pc" test.recorded --payload '{"kind":"ram","verdict":"PASS","rule":"no error in 1 pass"}'
etabli asset record "$pc" test.recorded --payload '{"kind":"disk","verdict":"PASS","rule":"SMART passed"}'
echo "-- a move whose guard is unmet is refused, and says why:"
etabli asset move "$pc" IMAGED || true
etabli asset record "$pc" imaging.recorded --payload '{"master_name":"ecole","master_version":"2026.1","verified":true,"fill":"zeros","bytes":128035676160}'
etabli asset move "$pc" IMAGED
etabli asset record "$pc" label.printed --payload '{"template":"brother-62x29","printer":"demo"}'
etabli asset move "$pc" READY
echo "== Lot"
etabli lot show LOT-2026-001
echo "== Assets"
etabli asset list
echo "== Event log"
etabli events
