#!/usr/bin/env bash
# Planner and simulation benchmarks (docs/BENCHMARKS.md). Usage: bench/planner.sh [35|1000|all]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
./mvnw -q -B -o -pl padu-core test-compile 1>&2
exec java -Xmx12g -cp padu-core/target/classes:padu-core/target/test-classes id.padu.bench.PlannerBench "${1:-all}"
