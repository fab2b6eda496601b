#!/usr/bin/env bash
# Installs what the tests run against when it is missing: dynalite (npm, pinned by package-lock.json),
# kube-apiserver, etcd and kubectl (built from Go modules by kube-binaries.sh),
# moto's server (pip), Lua 5.1 (apt) and, when it can, promtool (apt). Maven runs it before any test; installers
# write to LOG, never to the console of a test JVM. Prints one clear line and fails when a needed tool cannot be had.
set -uo pipefail
root=$1
log=$2
mkdir -p "$(dirname "$log")"
: >"$log"

if [ ! -f "$root/node_modules/dynalite/cli.js" ]; then
  echo "installing dynalite with npm (log: $log)"
  if ! (cd "$root" && npm ci --no-audit --no-fund) >>"$log" 2>&1 || [ ! -f "$root/node_modules/dynalite/cli.js" ]; then
    echo "cannot install dynalite: 'npm ci' failed in $root (Node.js 20 and npm are needed; see $log)" >&2
    exit 1
  fi
fi

if ! python3 -c 'import moto.server' >>"$log" 2>&1; then
  echo "installing moto[server] with pip (log: $log)"
  if ! python3 -m pip install --quiet 'moto[server]>=5.0' >>"$log" 2>&1 || ! python3 -c 'import moto.server' >>"$log" 2>&1; then
    echo "cannot install moto: 'python3 -m pip install moto[server]' failed (Python 3 with pip is needed; see $log)" >&2
    exit 1
  fi
fi

# Argo CD runs health checks in Lua 5.1 (gopher-lua); the check in deploy/argocd is tested with it.
if ! command -v lua5.1 >/dev/null 2>&1; then
  echo "installing lua5.1 with apt-get (log: $log)"
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo -n"
  if ! ($sudo apt-get install -y -q lua5.1 || ($sudo apt-get update -q && $sudo apt-get install -y -q lua5.1)) >>"$log" 2>&1 \
      || ! command -v lua5.1 >/dev/null 2>&1; then
    echo "cannot install lua5.1: 'apt-get install lua5.1' failed (Debian's lua5.1 package is needed; see $log)" >&2
    exit 1
  fi
fi

# promtool checks deploy/monitoring's alert rules; optional: MonitoringRulesTest skips those checks without it.
# Debian ships it in the prometheus package; without recommends, no node exporter comes along.
if ! command -v promtool >/dev/null 2>&1; then
  echo "installing promtool (Debian's prometheus) with apt-get (log: $log)"
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo -n"
  apt_install="$sudo apt-get install -y -q --no-install-recommends prometheus"
  if ! ($apt_install || ($sudo apt-get update -q && $apt_install)) >>"$log" 2>&1 || ! command -v promtool >/dev/null 2>&1; then
    echo "promtool not installed ('apt-get install prometheus' failed; see $log): its checks of deploy/monitoring are skipped"
  fi
fi

# The real-API-server tests run kube-apiserver, etcd and kubectl through fabric8's kube-api-test, offline.
if ! bash "$root/test-support/kube-binaries.sh" --check >>"$log" 2>&1; then
  echo "building kube-apiserver, etcd and kubectl from their Go modules (once; about 4 minutes on 2 cores; log: $log)"
  if ! bash "$root/test-support/kube-binaries.sh" >>"$log" 2>&1; then
    echo "cannot build the Kubernetes binaries: $(tail -n 1 "$log")" >&2
    exit 1
  fi
fi
