#!/usr/bin/env bash
# Flow collector benchmark (not run in CI): one NetFlow v9 stream replayed on loopback at
# rising rates into Padu's collector, pmacct's nfacctd (memory plugin, aggregated by network)
# and nfdump's nfcapd. Per trial a fresh collector, a 2 s warm-up at 100k records/s, then the
# trial rate for TRIAL_SECONDS. A trial is exact when the collector accounted for every
# record sent (warm-up included), lossless when it missed at most 1 in 10,000. CPU time is the collector's user+system time during the trial
# (all its processes), per million records sent.
#
#   bench/flows.sh [RATE ...]        rates in records/s (default 250k 500k 1M 1.5M 2M 3M)
# Needs root (raises net.core.rmem_max), gcc, java 17, nfdump, pmacct.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
TRIAL_SECONDS=${TRIAL_SECONDS:-5}
rates=("$@")
[ ${#rates[@]} -eq 0 ] && rates=(250000 500000 1000000 1500000 2000000 3000000)
collectors=${COLLECTORS:-"padu nfacctd nfcapd"}

work=$(mktemp -d /tmp/padu-bench-flows.XXXXXX)
echo "work dir: $work" >&2
gcc -O2 -Wall -o "$work/replay" "$here/replay-v9.c"
jar="$root/padu-app/target/padu.jar"
if [ ! -f "$jar" ]; then
  (cd "$root" && ./mvnw -q -B -DskipTests package -pl padu-app -am) >&2
fi
# Every collector gets the same socket buffer (RCVBUF bytes, default 32 MiB).
RCVBUF=${RCVBUF:-33554432}
sysctl -qw net.core.rmem_max="$RCVBUF"
{ echo "code,name,prefixes"; for i in $(seq 1 100); do echo "A$i,Agency $i,10.$i.0.0/16"; done; } > "$work/agencies.csv"
for i in $(seq 1 100); do echo "10.$i.0.0/16"; done > "$work/networks.lst"
tck=$(getconf CLK_TCK)
port=19000

# CPU ticks (user+system) of a process and its direct children.
ticks() {
  local total=0 p
  for p in "$1" $(pgrep -P "$1" || true); do
    [ -r "/proc/$p/stat" ] || continue
    total=$(( total + $(awk '{print $14 + $15}' "/proc/$p/stat") ))
  done
  echo "$total"
}

# SIGINT is what pmacct and nfdump daemons take as "finish and exit"; KILL if they linger.
stop() {
  local kids
  kids=$(pgrep -P "$1" || true)
  kill -INT "$1" 2>/dev/null
  for _ in $(seq 50); do kill -0 "$1" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$1" $kids 2>/dev/null
  wait "$1" 2>/dev/null
}

send() { "$work/replay" 127.0.0.1 "$port" "$1" "$2"; }
field() { sed -n "s/.*$1=\([0-9]*\).*/\1/p"; }

run_trial() {
  local collector=$1 rate=$2 pid out warm sent got c0 c1
  port=$((port + 1))
  out="$work/$collector-$rate"
  mkdir -p "$out"
  case $collector in
    padu)
      java -jar "$jar" collect flows --listen "127.0.0.1:$port" --agencies "$work/agencies.csv" \
        --duration "$((TRIAL_SECONDS + 10))s" --receive-buffer "$RCVBUF" --out "$out/usage.csv" --lang en > "$out/log" 2>&1 &
      pid=$!
      for _ in $(seq 100); do grep -q listening "$out/log" && break; sleep 0.2; done ;;
    nfacctd)
      cat > "$out/nfacctd.conf" <<CONF
daemonize: false
nfacctd_ip: 127.0.0.1
nfacctd_port: $port
nfacctd_pipe_size: $RCVBUF
plugins: memory
aggregate: src_net, dst_net
nfacctd_net: file
networks_file: $work/networks.lst
imt_path: $out/pipe
plugin_pipe_size: 102400000
plugin_buffer_size: 10240
CONF
      nfacctd -f "$out/nfacctd.conf" > "$out/log" 2>&1 &
      pid=$!
      sleep 2 ;;
    nfcapd)
      nfcapd -b 127.0.0.1 -p "$port" -w "$out" -B "$RCVBUF" -t 3600 > "$out/log" 2>&1 &
      pid=$!
      sleep 2 ;;
  esac
  warm=$(send 100000 2 | field records)
  sleep 1
  c0=$(ticks "$pid")
  sent=$(send "$rate" "$TRIAL_SECONDS" | field records)
  sleep 2
  c1=$(ticks "$pid")
  case $collector in
    padu)
      wait "$pid" || true
      got=$(sed -n 's/^packets [0-9,]*, records \([0-9,]*\),.*/\1/p' "$out/log" | head -1 | tr -d ,) ;;
    nfacctd)
      # Every record carries 1000 bytes: the byte total counts the records.
      pmacct -p "$out/pipe" -s -O csv > "$out/table.csv" 2>&1
      got=$(awk -F, 'NR>1 && $NF ~ /^[0-9]+$/ {s += $NF} END {printf "%d", s / 1000}' "$out/table.csv")
      stop "$pid" ;;
    nfcapd)
      stop "$pid"
      # nfcapd reports what it stored when it terminates.
      got=$(sed -n 's/.*Flows: \([0-9]*\),.*/\1/p' "$out/log" | tail -1) ;;
  esac
  got=${got:-0}
  local total=$((warm + sent))
  local cpu_ms=$(( (c1 - c0) * 1000 / tck ))
  # pmacct's memory plugin can hold back the last partly filled buffer (a few records) when
  # queried, so "lossless" allows 1 in 10,000; "exact" says whether every record was there.
  local lossless=no exact=no
  [ "$got" -ge $(( total - total / 10000 )) ] && lossless=yes
  [ "$got" -ge "$total" ] && exact=yes
  local achieved=$(( sent / TRIAL_SECONDS ))
  local per_million="-"
  [ "$sent" -gt 0 ] && per_million=$(( cpu_ms * 1000000 / sent ))
  printf '%-8s rate=%-8s achieved=%-8s sent=%-9s got=%-9s lossless=%-3s exact=%-3s cpu_ms=%-6s cpu_ms_per_million=%s\n' \
    "$collector" "$rate" "$achieved" "$total" "$got" "$lossless" "$exact" "$cpu_ms" "$per_million"
}

echo "# $(date -u +%FT%TZ) $(nproc) cores, $(uname -r), trial ${TRIAL_SECONDS}s, socket buffer $RCVBUF, load $(cut -d' ' -f1-3 /proc/loadavg)"
# Rates outer, collectors inner: the machine's background load drifts, and neighbouring trials
# of different collectors then see about the same.
for r in "${rates[@]}"; do
  for c in $collectors; do
    run_trial "$c" "$r"
  done
done
