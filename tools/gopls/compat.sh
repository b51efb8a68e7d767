#!/usr/bin/env bash
# Runs errcodelint's own tests against the golang.org/x/tools that gopls
# $GOPLS_VERSION requires (older than the one go.mod pins), the x/tools the
# gopls build compiles the analyzer with. The main go.mod is left alone:
# the tests use a copy (-modfile).
#
#   tools/gopls/compat.sh [PACKAGES...]   (default ./analyzer/...; the catalog
#   is a module of its own that does not use x/tools)
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
version=${GOPLS_VERSION:-v0.23.0}
GO=${GO:-go}
dir=$root/.cache/gopls-compat
cd "$root"

gomod=$(GOFLAGS=-mod=mod $GO mod download -json "golang.org/x/tools/gopls@$version" |
	sed -n 's/^[[:space:]]*"GoMod": "\(.*\)",$/\1/p')
tools=$(awk '$1 == "golang.org/x/tools" { print $2; exit }' "$gomod")
if [ -z "$tools" ]; then
	echo "compat.sh: no golang.org/x/tools requirement in $gomod" >&2
	exit 1
fi
echo "gopls $version requires golang.org/x/tools $tools"

mkdir -p "$dir"
cp go.mod "$dir/go.mod"
cp go.sum "$dir/go.sum"
$GO mod edit -replace="golang.org/x/tools=golang.org/x/tools@$tools" "$dir/go.mod"
[ $# -gt 0 ] || set -- ./analyzer/...
GOFLAGS=-mod=mod $GO test -count=1 -modfile="$dir/go.mod" "$@"
