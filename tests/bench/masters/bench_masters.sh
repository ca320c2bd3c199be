#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 Établi contributors
#
# Benchmark (not in CI): masters over 1 Gbit/s links in network namespaces (a server, four
# benches, a bridge), one run of each, printed as times and ratios.
#   A  etabli unicast, one bench          (incompressible master: the link is the limit)
#   B  etabli unicast, four benches at once (the server's link is shared: ≈ 4 × A)
#   C  udp-sender → one udp-receiver | pigz -dc | dd
#   D  udp-sender → four udp-receivers | pigz -dc | dd
#   E  etabli multicast (serve-multicast + write multicast://), one bench
#   F  etabli multicast, four benches at once (goal: ≤ 1.3 × E)
# usage (root): ETABLI=build/dev/app/etabli SERVER=build/dev/inventory/server/etabli-server \
#               SIZE_MIB=512 nice tests/bench/masters/bench_masters.sh
set -euo pipefail
ETABLI=$(readlink -f "${ETABLI:-build/dev/app/etabli}")
SERVER=$(readlink -f "${SERVER:-build/dev/inventory/server/etabli-server}")
SIZE_MIB=${SIZE_MIB:-512}
RATE=${RATE:-1gbit}
[ "$(id -u)" -eq 0 ] || { echo "needs root" >&2; exit 1; }
for t in udp-sender udp-receiver pigz qemu-img; do command -v $t >/dev/null || { echo "$t missing" >&2; exit 1; }; done

P=etb$$
W=$(mktemp -d /var/tmp/bench-masters.XXXXXX)
PIDS=()
NAMESPACES=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill -9 "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true; done
  for ns in "${NAMESPACES[@]}"; do ip netns del "$ns" 2>/dev/null || true; done
  rm -rf "$W"
}
trap cleanup EXIT INT TERM
in_ns() { local n=$1; shift; ip netns exec "${P}$n" "$@"; }
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.2f", b - a }'; }

for n in sw srv b1 b2 b3 b4; do
  ip netns add "${P}$n"
  NAMESPACES+=("${P}$n")
  in_ns $n ip link set lo up
done
in_ns sw ip link add br0 type bridge mcast_snooping 0
in_ns sw ip link set br0 up
i=0
for n in srv b1 b2 b3 b4; do
  i=$((i + 1))
  ip link add eth0 netns "${P}$n" type veth peer name "p$n" netns "${P}sw"
  in_ns sw ip link set "p$n" master br0 up
  if [ $n = srv ]; then addr=10.20.0.1; else addr=10.20.0.1$i; fi
  in_ns $n ip addr add $addr/24 dev eth0
  in_ns $n ip link set eth0 up
  in_ns $n ip route add 224.0.0.0/4 dev eth0
  in_ns $n tc qdisc add dev eth0 root tbf rate "$RATE" burst 256kb latency 50ms
  in_ns sw tc qdisc add dev "p$n" root tbf rate "$RATE" burst 256kb latency 50ms
done
sleep 1

# An incompressible master (random data: qcow2 stores the clusters raw) and its gzip.
mkdir -p "$W/masters"
head -c $((SIZE_MIB << 20)) /dev/urandom >"$W/disk.raw"
"$ETABLI" image keygen "$W/ws" >/dev/null
"$ETABLI" image build "$W/disk.raw" -o "$W/masters/ecole.qcow2" --key "$W/ws.key" --name ecole --version b >/dev/null
pigz -c -1 "$W/disk.raw" >"$W/disk.raw.gz"
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$W/key.pem" -out "$W/cert.pem" -days 2 \
  -subj /CN=10.20.0.1 -addext subjectAltName=IP:10.20.0.1 2>/dev/null
DB="sqlite:$W/server.sqlite"
TOKEN=$("$SERVER" --db "$DB" token create --role station --name bench | tail -1)
in_ns srv "$SERVER" --db "$DB" --listen 10.20.0.1:8443 --tls-cert "$W/cert.pem" --tls-key "$W/key.pem" \
  --masters "$W/masters" >"$W/server.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 50); do grep -q "listening on" "$W/server.log" && break; sleep 0.1; done
URL=https://10.20.0.1:8443/api/v1/masters/ecole.qcow2

etabli_write() { # BENCH: writes to /dev/null (the network and the decoder are measured, not a disk)
  # /usr/bin/time: the CPU the bench spent (user + system), to show CPU contention.
  in_ns "$1" env HOME="$W/$1" ETABLI_DB="$W/$1.sqlite" /usr/bin/time -f "%e %U %S" -o "$W/$1.time" \
    "$ETABLI" image write "$URL" /dev/null --token "$TOKEN" \
    --ca "$W/cert.pem" --pubkey "$W/ws.pub" --no-journal --quiet --json >"$W/$1.out" 2>"$W/$1.err"
}
cpu() { awk '{ printf "%.2f", $2 + $3 }' "$1"; } # FILE written by /usr/bin/time
# The writing time etabli reports (the transfer, without process start, TLS and manifest).
writing() { python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); t=d[0] if isinstance(d, list) else d; print("%.2f" % t.get("seconds",0))' "$1" 2>/dev/null || echo 0; }
udp_run() { # N: one sender, N receivers piping pigz -dc into dd
  local n=$1 pids=() b
  for b in $(seq 1 "$n"); do
    in_ns b$b sh -c "udp-receiver --interface eth0 --nokbd --mcast-rdv-address 239.1.2.3 2>/dev/null | pigz -dc | dd of=/dev/null bs=1M 2>/dev/null" &
    pids+=($!)
  done
  sleep 0.5
  in_ns srv udp-sender --interface eth0 --nokbd --min-receivers "$n" --mcast-rdv-address 239.1.2.3 \
    --max-bitrate 950m --file "$W/disk.raw.gz" 2>"$W/udp-sender.err"
  for p in "${pids[@]}"; do wait "$p"; done
}

t=$(now); etabli_write b1; A=$(since "$t")
A_CPU=$(cpu "$W/b1.time"); A_WRITE=$(writing "$W/b1.out")
# ONLY_MC=1: A, E and F only (quicker, while working on the multicast path).
if [ -z "${ONLY_MC:-}" ]; then
  t=$(now)
  for b in b1 b2 b3 b4; do etabli_write $b & PIDS+=($!); done
  for _ in 1 2 3 4; do wait "${PIDS[-1]}"; unset 'PIDS[-1]'; done
  B=$(since "$t")
  t=$(now); udp_run 1; C=$(since "$t")
  t=$(now); udp_run 4; D=$(since "$t")
else
  B=0 C=1 D=1
fi
MC_RATE=${MC_RATE:-900}
# The sender follows the slowest bench down to this floor; here, on 2 shared cores, the
# kernel itself drops datagrams (softnet backlog) well below the link rate.
MC_FLOOR=${MC_FLOOR:-50}
drops() { # backlog drops, all CPUs (second column, hexadecimal)
  local s=0 d
  while read -r _ d _; do s=$((s + 16#$d)); done </proc/net/softnet_stat
  echo "$s"
}
mc_run() { # N benches by multicast; the sender runs until they are done
  local n=$1 pids=() b
  # Without the in_ns function (a subshell): $! is the sender itself, so that the kill below
  # stops it (before, E's sender kept streaming into F: two senders on one group).
  ip netns exec "${P}srv" "$ETABLI" image serve-multicast "$W/masters/ecole.qcow2" --group 239.20.0.1:5020 \
    --rate-mbit "$MC_RATE" --floor-mbit "$MC_FLOOR" --min-receivers "$n" >"$W/sender$n.log" 2>&1 &
  local sender=$!
  for b in $(seq 1 "$n"); do
    in_ns b$b env HOME="$W/b$b" ETABLI_DB="$W/b$b.sqlite" /usr/bin/time -f "%e %U %S" -o "$W/mc$n-$b.time" \
      "$ETABLI" image write \
      "multicast://239.20.0.1:5020?master=$URL" /dev/null --token "$TOKEN" --ca "$W/cert.pem" \
      --pubkey "$W/ws.pub" --no-journal --quiet >"$W/mc$b.out" 2>"$W/mc$b.err" &
    pids+=($!)
  done
  for p in "${pids[@]}"; do wait "$p"; done
  # The sender's CPU (user + system, clock ticks in /proc/PID/stat), before it is stopped.
  awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / hz }' "/proc/$sender/stat" >"$W/sender$n.cpu" 2>/dev/null || true
  kill "$sender"; wait "$sender" 2>/dev/null || true
}
d0=$(drops); t=$(now); mc_run 1; E=$(since "$t"); d1=$(drops)
# PERF=FILE: a system-wide profile (perf record -a -g) of F, to see where the CPU goes.
if [ -n "${PERF:-}" ]; then perf record -a -g -o "$PERF" >/dev/null 2>&1 & PERF_PID=$!; sleep 0.2; fi
t=$(now); mc_run 4; F=$(since "$t"); d2=$(drops)
if [ -n "${PERF:-}" ]; then kill -INT "$PERF_PID"; wait "$PERF_PID" 2>/dev/null || true; fi

bytes=$(stat -c %s "$W/masters/ecole.qcow2")
linkA=$(awk -v b="$bytes" -v s="$A" 'BEGIN { printf "%.0f", b * 8 / s / 1e6 }')
echo "date: $(date -u +%FT%TZ)  load average: $(cut -d' ' -f1-3 /proc/loadavg)  size: $SIZE_MIB MiB  links: $RATE"
printf 'A etabli unicast, 1 bench   %6.2f s  (%s Mbit/s of the qcow2 on the wire)\n' "$A" "$linkA"
printf '  A writing time %s s (%s Mbit/s, %s x the link), bench CPU %s s (%s ms per MiB)\n' "$A_WRITE" \
  "$(awk -v b="$bytes" -v s="$A_WRITE" 'BEGIN { printf "%.0f", (s > 0 ? b * 8 / s / 1e6 : 0) }')" \
  "$(awk -v b="$bytes" -v s="$A_WRITE" -v r="$RATE" 'BEGIN { sub(/gbit/, "000", r); sub(/mbit/, "", r); printf "%.2f", (s > 0 ? b * 8 / s / 1e6 / r : 0) }')" \
  "$A_CPU" "$(awk -v c="$A_CPU" -v b="$bytes" 'BEGIN { printf "%.1f", c * 1000 / (b / 1048576) }')"
printf 'B etabli unicast, 4 benches %6.2f s  (%.2f x A)\n' "$B" "$(awk -v b="$B" -v a="$A" 'BEGIN { print b / a }')"
printf 'C udpcast, 1 receiver       %6.2f s  (A / C = %.2f)\n' "$C" "$(awk -v a="$A" -v c="$C" 'BEGIN { print a / c }')"
printf 'D udpcast, 4 receivers      %6.2f s  (%.2f x C; B / D = %.2f)\n' "$D" \
  "$(awk -v d="$D" -v c="$C" 'BEGIN { print d / c }')" "$(awk -v b="$B" -v d="$D" 'BEGIN { print b / d }')"
printf 'E etabli multicast, 1 bench  %6.2f s  (E / A = %.2f)\n' "$E" "$(awk -v e="$E" -v a="$A" 'BEGIN { print e / a }')"
printf 'F etabli multicast, 4 benches %5.2f s  (%.2f x E; F / D = %.2f)\n' "$F" \
  "$(awk -v f="$F" -v e="$E" 'BEGIN { print f / e }')" "$(awk -v f="$F" -v d="$D" 'BEGIN { print f / d }')"
for b in 1 2 3 4; do
  echo "bench $b: $(grep -o 'multicast: .*' "$W/mc$b.err" | tail -1); CPU $(cpu "$W/mc4-$b.time") s"
  echo "  $(grep -o 'multicast catch-up: .*' "$W/mc$b.err" | tail -1)"
done
echo "offload: sender $(grep -o 'UDP segmentation offload.*' "$W/sender4.log" | head -1); bench 1 $(grep -o 'multicast offload: .*' "$W/mc1.err" | tail -1)"
echo "sender CPU: E $(cat "$W/sender1.cpu" 2>/dev/null) s, F $(cat "$W/sender4.cpu" 2>/dev/null) s"
echo "E bench CPU $(cpu "$W/mc1-1.time") s; sender (E): $(grep -o 'rate .*' "$W/sender1.log" | tail -1)"
echo "sender (F), every 2 s: $(grep -oE '^rate [0-9]+' "$W/sender4.log" | tr '\n' ' ')"
echo "kernel backlog drops (/proc/net/softnet_stat): E $((d1 - d0)), F $((d2 - d1)) packets; MC_RATE $MC_RATE, MC_FLOOR $MC_FLOOR Mbit/s"
echo "uptime: $(uptime)"
