#!/usr/bin/env bash
# Builds kube-apiserver, kubectl and etcd from their Go modules into the directory fabric8's
# kube-api-test reads (~/.kubeapitest/k8s/<version>-linux-amd64/, or $KUBE_API_TEST_DIR/k8s/...),
# so the real-API-server tests run on a machine that can reach only the Go module proxy.
# Does nothing when all three are there; with --check, only says by its exit code whether they are.
set -euo pipefail

KUBE_VERSION="${KUBE_VERSION:-1.36.3}"
# The etcd line this Kubernetes release is tested with (k8s.io/kubernetes v1.36 requires etcd client 3.6).
ETCD_VERSION="${ETCD_VERSION:-3.6.16}"

base="${KUBE_API_TEST_DIR:-$HOME/.kubeapitest}"
target="$base/k8s/$KUBE_VERSION-linux-amd64"
if [ -x "$target/kube-apiserver" ] && [ -x "$target/kubectl" ] && [ -x "$target/etcd" ]; then
  exit 0
fi
[ "${1:-}" != "--check" ] || exit 1
if ! command -v go >/dev/null 2>&1; then
  echo "kube-binaries: Go is missing (needed to build kube-apiserver $KUBE_VERSION, kubectl and etcd $ETCD_VERSION into $target)" >&2
  exit 1
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export GOTOOLCHAIN=local GOFLAGS=-buildvcs=false CGO_ENABLED=0
mkdir -p "$target"
started=$SECONDS

# k8s.io/kubernetes points its staging modules (k8s.io/api, k8s.io/client-go, ...) at v0.0.0 through
# replace directives, which only its own repository can satisfy; a wrapper module replaces each with
# its published release.
staging_version="0.${KUBE_VERSION#1.}"
# What `kube-apiserver --version`, /version and `kubectl version` report (a module build has no git tree to read).
version_flags=""
for package in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
  version_flags="$version_flags -X $package.gitVersion=v$KUBE_VERSION -X $package.gitMajor=1"
  version_flags="$version_flags -X $package.gitMinor=$(echo "$KUBE_VERSION" | cut -d. -f2) -X $package.gitTreeState=clean"
done
mkdir -p "$work/kube"
(
  cd "$work/kube"
  cat > go.mod <<MOD
module tap.local/kube-binaries

go 1.26.0

require k8s.io/kubernetes v$KUBE_VERSION
MOD
  curl -fsS "$(go env GOPROXY | cut -d, -f1)/k8s.io/kubernetes/@v/v$KUBE_VERSION.mod" \
    | sed -n 's#^[[:space:]]*\(k8s.io/[a-z0-9-]*\) => ./staging/.*#\1#p' \
    | while read -r module; do
        echo "replace $module => $module v$staging_version" >> go.mod
      done
  cat > tools.go <<'GO'
//go:build tools

package tools

import (
	_ "k8s.io/kubernetes/cmd/kube-apiserver"
	_ "k8s.io/kubernetes/cmd/kubectl"
)
GO
  # tools.go names both commands, so tidy records every module and checksum their builds need.
  go mod tidy >/dev/null
  go build -trimpath -ldflags="-s -w $version_flags" -o "$target/kube-apiserver" k8s.io/kubernetes/cmd/kube-apiserver
  go build -trimpath -ldflags="-s -w $version_flags" -o "$target/kubectl" k8s.io/kubernetes/cmd/kubectl
)

# etcd's own main package is not importable, so a wrapper main calls its entry point: every flag
# kube-api-test passes works as it does with the released binary.
mkdir -p "$work/etcd"
(
  cd "$work/etcd"
  cat > go.mod <<MOD
module tap.local/etcd

go 1.26.0
MOD
  cat > main.go <<'GO'
package main

import (
	"os"

	"go.etcd.io/etcd/server/v3/etcdmain"
)

func main() { etcdmain.Main(os.Args) }
GO
  go get "go.etcd.io/etcd/server/v3@v$ETCD_VERSION" >/dev/null
  go mod tidy >/dev/null
  go build -trimpath -ldflags="-s -w" -o "$target/etcd" .
)

echo "kube-binaries: built kube-apiserver and kubectl $KUBE_VERSION, etcd $ETCD_VERSION into $target in $((SECONDS - started)) s"
