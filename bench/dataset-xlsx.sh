#!/usr/bin/env bash
# Benchmark: the XLSX form of a big dataset. Writes the dataset of bench/dataset-load.sh as one
# workbook (usage over several sheets, SXSSF), reads it back (SAX) and checks it is equal.
#
# Usage: bench/dataset-xlsx.sh DATASET_DIR [OUT.xlsx]    (DATASET_DIR e.g. from dataset-load.sh)
# Env:   JAVA_OPTS (default -Xmx1g)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="$1"
out="${2:-$(mktemp -d /tmp/padu-bench-xlsx.XXXXXX)/dataset.xlsx}"
cd "$here"
./mvnw -q -B -pl padu-app -am -DskipTests package >&2
cp_file="$(mktemp)"
./mvnw -q -B -pl padu-app dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile="$cp_file" >&2
cp="padu-app/target/classes:padu-core/target/classes:$(cat "$cp_file")"
rm -f "$cp_file"
/usr/bin/time -f '%e s wall, %U s user, %M KB peak RSS' \
  java ${JAVA_OPTS:--Xmx1g} -cp "$cp" bench/XlsxDatasetBench.java "$dir" "$out"
