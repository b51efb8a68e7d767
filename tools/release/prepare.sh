#!/usr/bin/env bash
# Prepares the release commit of errcodelint VERSION, once the catalog's
# tag catalog/VERSION is published (docs/delivery.md, "Releasing"): the
# linter then requires that catalog instead of the checkout's, so that
# `go install github.com/errcodelint/errcodelint/cmd/errcodelint@VERSION`
# works (go install refuses a module whose go.mod has replace directives).
#
#   tools/release/prepare.sh VERSION
#
# internal/release's TestReleaseInstall runs this script against a local
# module proxy and installs the result.
set -euo pipefail

version=${1:-}
if ! [[ $version =~ ^v[0-9]+\.[0-9]+\.[0-9]+$ ]]; then
	echo "usage: tools/release/prepare.sh vX.Y.Z" >&2
	exit 2
fi
cd "$(dirname "$0")/../.."
GO=${GO:-go}
catalog=github.com/errcodelint/errcodelint/catalog

# go get would first load the build list with the unpublished v0.0.0 the
# replace directive stood for: edit the requirement, then let tidy fetch
# the catalog and record its checksum in go.sum.
$GO mod edit -dropreplace="$catalog" -require="$catalog@$version"
$GO mod tidy
echo "go.mod requires $catalog $version: commit, tag $version, then restore the replace directive"
