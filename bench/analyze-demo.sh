#!/usr/bin/env bash
# Benchmark of `padu analyze` on the demo dataset folder, whole process (JVM start, reading
# the folder with a year of 5-minute usage of 51 agencies, analysis, JSON output). Target: 5 s.
# Usage: bench/analyze-demo.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
jar=padu-app/target/padu.jar
./mvnw -q -B -o -pl padu-app -am -DskipTests package 1>&2
dir="$(mktemp -d)/kotim"
java -jar "$jar" demo --export "$dir" 1>&2
echo "demo folder: $(du -sh "$dir" | cut -f1), $(cat "$dir"/usage*.csv "$dir"/usage/*.csv 2>/dev/null | wc -l) usage rows"
# GNU time: wall, CPU (user + system, all threads) and peak RSS of the whole process
for format in json table; do
  for i in $(seq "$runs"); do
    /usr/bin/time -f "analyze --format $format run $i: %e s wall, %U s user + %S s sys CPU, %M KB peak RSS" \
      java -jar "$jar" analyze "$dir" --format "$format" > /dev/null
  done
done 2>&1 | grep '^analyze'
/usr/bin/time -f "padu --version (JVM and jar start only): %e s wall, %U s user + %S s sys CPU" \
  java -jar "$jar" --version 2>&1 >/dev/null | tail -1
start=$(date +%s%N)
./padu analyze "$dir" --format json > /dev/null
end=$(date +%s%N)
echo "./padu analyze (launcher) --format json: $(( (end - start) / 1000000 )) ms"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg), cores: $(nproc)"
rm -rf "$(dirname "$dir")"
