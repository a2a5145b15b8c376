#!/usr/bin/env bash
# Benchmark of the spend analysis (issue 3): 1,000 agencies x one year of 5-minute samples
# (105 M samples per direction) with a 2 GB heap. The data alone is 1.68 GB of long[]; G1's
# default region size for a 2 GB heap (1 MB) would make every 840 KB series "humongous" and
# waste a whole region each, so the region size is raised to 2 MB.
# Usage: bench/analysis.sh [agencies] [rounds]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -o -pl padu-core test-compile 1>&2
java ${BENCH_JAVA_OPTS:-} -Xms2g -Xmx2g -XX:G1HeapRegionSize=2m -cp padu-core/target/classes:padu-core/target/test-classes \
  id.padu.analysis.SpendAnalysisBench "${1:-1000}" "${2:-7}"
