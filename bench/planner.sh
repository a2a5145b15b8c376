#!/usr/bin/env bash
# Planner and simulation benchmarks (docs/BENCHMARKS.md). Usage: bench/planner.sh [35|1000|all|demo]
# demo: 40-agency cuts of the Kotawaringin Timur demo and the whole demo (id.padu.bench.DemoSubsetBench;
# -Dsubsets=N random cuts per offer set, default 6)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
./mvnw -q -B -o -pl padu-core test-compile 1>&2
if [ "${1:-all}" = demo ]; then
    exec java -Xmx4g -cp padu-core/target/classes:padu-core/target/test-classes id.padu.bench.DemoSubsetBench
fi
exec java -Xmx12g -cp padu-core/target/classes:padu-core/target/test-classes id.padu.bench.PlannerBench "${1:-all}"
