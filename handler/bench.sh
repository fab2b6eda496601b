#!/usr/bin/env bash
# Handler benchmark against local dynalite, printed as JSON: cold start beside a Node 20 + AWS SDK v3 peer
# (median of 9 alternating runs each, and the ratio), the first request after the SnapStart hooks,
# warm latency and jar size.
set -euo pipefail
cd "$(dirname "$0")/.."
bash test-support/install-test-tools.sh "$PWD" target/install-test-tools.log
if [ ! -d handler/bench-node-peer/node_modules/@aws-sdk/client-dynamodb ]; then
  npm ci --prefix handler/bench-node-peer --no-audit --no-fund --silent
fi
mvn -B -q -pl handler -am -DskipTests package test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
java -cp "handler/target/test-classes:$(cat handler/target/test-classpath.txt)" \
  dev.tap.handler.bench.HandlerBenchmark handler/target/tap-handler.jar handler/bench-node-peer/get-item.mjs
