#!/usr/bin/env bash
# Benchmark of the dashboard pages (issue 3): `padu demo` (Kotawaringin Timur, 51 agencies, a year
# of 5-minute usage) is started on a free local port, an admin logs in through the form, and wrk
# (Debian package `wrk`) sends 20 concurrent clients with that session to the dashboard, an agency
# page and the year chart of that agency. Target: p95 <= 150 ms. Server and wrk share this machine.
# Usage: bench/dashboard.sh [seconds per URL, default 30] [agency code, default DISKOMINFO]
set -euo pipefail
cd "$(dirname "$0")/.."
secs="${1:-30}"
agency="${2:-DISKOMINFO}"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
port="${BENCH_PORT:-18431}"
work="$(mktemp -d /tmp/padu-bench-dashboard.XXXXXX)"
password="bench-$(date +%s)"
base="http://127.0.0.1:$port"

server=""
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

PADU_ADMIN_PASSWORD="$password" ./padu demo --data-dir "$work/data" --server.port="$port" \
  > "$work/server.log" 2>&1 &
server=$!
echo "waiting for padu demo on port $port (log: $work/server.log) ..." >&2
for _ in $(seq 1 300); do
  grep -q "Padu siap / ready" "$work/server.log" && break
  kill -0 "$server" 2>/dev/null || { cat "$work/server.log" >&2; exit 1; }
  sleep 1
done
grep -q "Padu siap / ready" "$work/server.log" || { echo "server not ready after 300 s" >&2; exit 1; }

# Log in through the form: the login page's CSRF token, then the form post; keep JSESSIONID.
jar="$work/cookies"
token="$(curl -s -c "$jar" -b "$jar" "$base/login" | grep -o 'name="_csrf" value="[^"]*"' | sed 's/.*value="//;s/"$//')"
curl -s -c "$jar" -b "$jar" -o /dev/null --data-urlencode "username=admin" --data-urlencode "password=$password" \
  --data-urlencode "_csrf=$token" "$base/login"
session="$(awk '$6 == "JSESSIONID" {print $7}' "$jar")"
[ -n "$session" ] || { echo "login failed" >&2; exit 1; }
code="$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: JSESSIONID=$session" "$base/dashboard")"
[ "$code" = 200 ] || { echo "dashboard answered $code after login" >&2; exit 1; }

cat > "$work/report.lua" <<'LUA'
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("  requests %d (%.0f/s), p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms, errors %d, non-2xx %d\n",
    summary.requests, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    e.connect + e.read + e.write + e.timeout, e.status))
end
LUA

urls=("/dashboard" "/dashboard/agencies/$agency" "/dashboard/agencies/$agency/usage.json?range=year")
# Warm-up: the first request computes the analysis snapshot; then let the JIT settle.
for u in "${urls[@]}"; do
  curl -s -o /dev/null -H "Cookie: JSESSIONID=$session" "$base$u"
  wrk -t2 -c20 -d10s -H "Cookie: JSESSIONID=$session" "$base$u" > /dev/null
done
echo "# $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, wrk -t2 -c20 -d${secs}s (20 concurrent clients, one session)"
for u in "${urls[@]}"; do
  echo "$u"
  wrk -t2 -c20 -d"${secs}s" -s "$work/report.lua" -H "Cookie: JSESSIONID=$session" "$base$u" | grep "requests"
done
