#!/usr/bin/env bash
# Handler benchmark: cold start, warm latency and jar size against local dynalite, printed as JSON.
set -euo pipefail
cd "$(dirname "$0")/.."
bash test-support/install-test-tools.sh "$PWD" target/install-test-tools.log
mvn -B -q -pl handler -am -DskipTests package test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
java -cp "handler/target/test-classes:$(cat handler/target/test-classpath.txt)" \
  dev.tap.handler.bench.HandlerBenchmark handler/target/tap-handler.jar
