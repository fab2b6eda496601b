#!/usr/bin/env bash
# Random lives, as long as you like: STEPS steps drawn from SEED (random when not given), in sequences of 50,
# on the real API server, with the invariants checked after every step (README, "Random lives").
# The build runs 200 steps of a fixed seed; this runs more. A failure prints the shortest failing sequence
# found and the command that replays it (with --keep, the steps it kept).
#
# Usage: test-support/random-lives.sh STEPS [SEED] [--keep I,J,...]
# The full log is kept in operator/target/random-lives.log; the last line reads
#   steps S, sequences Q, invariant checks C, violations V
set -euo pipefail
cd "$(dirname "$0")/.."

usage="usage: test-support/random-lives.sh STEPS [SEED] [--keep I,J,...]"
steps=${1:?$usage}
seed=${2:-$(od -An -N6 -tu8 /dev/urandom | tr -d ' ')}
keep=""
if [ "${3:-}" = "--keep" ]; then
  keep=${4:?--keep needs the indices of the steps to keep, such as 4,5}
fi
[[ $steps =~ ^[1-9][0-9]*$ ]] || { echo "STEPS must be a positive number, not '$steps'. $usage" >&2; exit 2; }
[[ $seed =~ ^-?[0-9]+$ ]] || { echo "SEED must be a whole number, not '$seed'. $usage" >&2; exit 2; }
[[ -z $keep || $keep =~ ^[0-9]+(,[0-9]+)*$ ]] || { echo "--keep takes indices such as 4,5 not '$keep'." >&2; exit 2; }

echo "random lives: $steps steps, seed $seed${keep:+, keeping steps $keep}"
bash test-support/kube-binaries.sh >/dev/null
mvn -B -q install -DskipTests
mkdir -p operator/target
rm -f operator/target/random-lives.txt
status=0
mvn -B -pl operator surefire:test -Dtest=RandomLivesTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dlives.steps="$steps" -Dlives.seed="$seed" -Dlives.keep="$keep" > operator/target/random-lives.log 2>&1 || status=$?
# Each sequence's verdict, and any shortest failing sequence with its replay command.
grep -E '^(sequence |shortest failing|  #|replay: )' operator/target/random-lives.log | grep -vE '^  #.*: ' || true
if [ ! -f operator/target/random-lives.txt ]; then
  tail -40 operator/target/random-lives.log
  echo "random lives did not run to the end (exit $status): see operator/target/random-lives.log" >&2
  exit 1
fi
cat operator/target/random-lives.txt
exit $status
