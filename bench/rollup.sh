#!/usr/bin/env bash
# Rollup benchmark: one day of closed minutes for 1,000 agencies (1.44 M minute records, one batch
# of 1,000 per minute as the server's collectors hand them over) through the real MeasurementStore
# and migrations into PostgreSQL 17.5 (embedded binaries) and H2 (file).
# Usage: bench/rollup.sh [agencies=1000] [minutes=1440] [pg|h2|both] [sources=1|2]
# Figures: docs/BENCHMARKS.md, "measurement rollup". Not run in CI.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -pl padu-app -am -DskipTests test-compile dependency:build-classpath \
  -Dmdep.outputFile="$PWD/padu-app/target/bench-classpath.txt" -Dmdep.includeScope=test >&2
cp="padu-app/target/classes:padu-app/target/test-classes:$(cat padu-app/target/bench-classpath.txt)"
exec java -Xmx1g -cp "$cp" id.padu.app.measurement.RollupBench "$@"
