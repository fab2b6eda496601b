#!/usr/bin/env bash
# Handler benchmark: cold start, warm latency and jar size against local dynalite, printed as JSON.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -pl handler -DskipTests package test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
java -cp "handler/target/test-classes:$(cat handler/target/test-classpath.txt)" \
  dev.tap.handler.bench.HandlerBenchmark handler/target/tap-handler.jar
