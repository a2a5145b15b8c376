#!/bin/sh
# Benchmark of the exact cutover scheduler (docs/BENCHMARKS.md).
# Usage: bench/migration.sh [SIZES...]   e.g. bench/migration.sh 10 25 50 100
set -e
cd "$(dirname "$0")/.."
./mvnw -q -B -o -pl padu-core test-compile >&2
exec java -cp padu-core/target/classes:padu-core/target/test-classes id.padu.migration.SchedulerBench "$@"
