#!/usr/bin/env bash
# Benchmark: `padu validate` on a dataset with one year of 5-minute usage for 50 agencies
# (50 x 105,120 = 5,256,000 usage rows, about 300 MB of CSV). Reports wall time and peak RSS.
#
# Usage: bench/dataset-load.sh [AGENCIES] [DAYS]      (defaults 50 and 365)
# Env:   PADU_BENCH_DIR  where the generated dataset goes (default: a fresh temporary folder)
#        PADU_JAVA_OPTS  JVM options passed by ./padu (e.g. -Xmx1g)
#        PADU_BENCH_ORDER=time  rows interleaved by time (every agency at 00:00, then 00:05 ...),
#                        as a collector exporting all agencies at once writes them; default: by agency
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
agencies="${1:-50}"
days="${2:-365}"
dir="${PADU_BENCH_DIR:-$(mktemp -d /tmp/padu-bench-dataset.XXXXXX)}"
mkdir -p "$dir"

echo "== generating $agencies agencies x $days days of 5-minute usage in $dir" >&2
{
  echo "code,name,kind"
  for ((a = 1; a <= agencies; a++)); do printf 'OPD%03d,Perangkat Daerah %d,dinas\n' "$a" "$a"; done
} > "$dir/agencies.csv"
{
  echo "agency,provider,product,kind,down_mbps,up_mbps,monthly_cost_idr"
  for ((a = 1; a <= agencies; a++)); do printf 'OPD%03d,Telkom,IndiHome 50,broadband,50,10,560000\n' "$a"; done
} > "$dir/subscriptions.csv"
# Rows grouped by agency, times in WIB from 2025-01-01 00:00+07:00; a daily curve plus noise,
# and about one sample in 500 left out (a gap, as a collector writes it).
mawk -v agencies="$agencies" -v days="$days" 'BEGIN {
  print "agency,time,down_bps,up_bps"
  srand(42)
  split("31 28 31 30 31 30 31 31 30 31 30 31", mdays, " ")
  steps = days * 288
  for (a = 1; a <= agencies; a++) {
    code = sprintf("OPD%03d", a)
    y = 2025; m = 1; d = 1
    for (i = 0; i < steps; i++) {
      sod = (i % 288) * 300
      if (i > 0 && sod == 0) { d++; if (d > mdays[m]) { d = 1; m++; if (m > 12) { m = 1; y++ } } }
      if (rand() < 0.002) continue
      h = int(sod / 3600); mi = int(sod % 3600 / 60)
      busy = (h >= 7 && h < 16) ? 1 : 0.15
      down = int((2000000 + busy * 18000000) * (0.5 + rand()))
      up = int(down / 5)
      printf "%s,%04d-%02d-%02dT%02d:%02d:00+07:00,%d,%d\n", code, y, m, d, h, mi, down, up
    }
  }
}' > "$dir/usage.csv"
if [ "${PADU_BENCH_ORDER:-agency}" = time ]; then
  { head -1 "$dir/usage.csv"; tail -n +2 "$dir/usage.csv" | LC_ALL=C sort -t, -k2,2 -S 512M; } > "$dir/usage.sorted"
  mv "$dir/usage.sorted" "$dir/usage.csv"
fi
rows=$(($(wc -l < "$dir/usage.csv") - 1))
size=$(du -m "$dir/usage.csv" | cut -f1)
echo "== usage.csv: $rows rows, $size MB" >&2

# Build first (./padu builds when needed), so that the timing is the load only.
"$here/padu" --version >/dev/null

echo "== padu validate" >&2
/usr/bin/time -f '%e s wall, %M KB peak RSS' -o "$dir/time.txt" \
  "$here/padu" validate "$dir" --lang en > "$dir/summary.txt"
cat "$dir/summary.txt"
echo "rows=$rows size_mb=$size $(cat "$dir/time.txt")"
