#!/usr/bin/env bash
# Storage benchmark: one year of 5-minute usage for 1,000 agencies (105 M samples) into
# PostgreSQL 17.5 (embedded binaries) and H2 (file) through the real UsageStore and migrations.
# Usage: bench/storage.sh [agencies=1000] [days=365] [pg|h2|both]
# Needs about 3 GB free in the temp folder. Figures: docs/BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
# In one reactor run, so padu-core resolves to its fresh classes (the last module writes the file).
./mvnw -q -B -pl padu-app -am -DskipTests test-compile dependency:build-classpath \
  -Dmdep.outputFile="$PWD/padu-app/target/bench-classpath.txt" -Dmdep.includeScope=test >&2
cp="padu-app/target/classes:padu-app/target/test-classes:$(cat padu-app/target/bench-classpath.txt)"
exec java -Xmx2g -cp "$cp" id.padu.app.usage.StorageBench "$@"
