#!/usr/bin/env bash
# Builds gopls with errcodelint in its analyzer list. gopls cannot load
# third-party analyzers (golang/go#59869), so this compiles them in:
#
#   1. copy gopls's module source from the Go module cache (downloaded
#      through the proxy when missing; no git);
#   2. apply tools/gopls/errcodelint.patch (one import, one list entry in
#      internal/settings/analysis.go);
#   3. require errcodelint, replaced by this checkout (and its catalog
#      module, which errcodelint's own replace directive names only for
#      builds inside errcodelint's module);
#   4. pin every module gopls already depends on (golang.org/x/tools above
#      all) to the version gopls itself selects, so errcodelint's newer
#      requirements do not upgrade gopls's dependencies: the analyzer is
#      compiled against gopls's x/tools;
#   5. build.
#
#   tools/gopls/build.sh [OUTPUT]
#
# Environment: GOPLS_VERSION (default v0.23.0), WORK (the build directory,
# default .cache/gopls-$VERSION), GO (default go).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
version=${GOPLS_VERSION:-v0.23.0}
out=${1:-$root/bin/gopls-errcodelint}
work=${WORK:-$root/.cache/gopls-$version}
GO=${GO:-go}
module=github.com/errcodelint/errcodelint

src=$(cd "$root" && GOFLAGS=-mod=mod $GO mod download -json "golang.org/x/tools/gopls@$version" |
	sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
if [ -z "$src" ] || [ ! -d "$src" ]; then
	echo "build.sh: cannot find gopls $version in the module cache" >&2
	exit 1
fi
rm -rf "$work"
mkdir -p "$(dirname "$work")"
cp -R "$src" "$work"
chmod -R u+w "$work"
cd "$work"

patch -p1 --forward --batch --no-backup-if-mismatch <"$here/errcodelint.patch"

# The module versions gopls selects on its own.
$GO list -m -f '{{.Path}} {{.Version}}' all | sort >.modules.gopls

$GO mod edit -require="$module@v0.0.0" -replace="$module=$root" -replace="$module/catalog=$root/catalog"
GOFLAGS=-mod=mod $GO list -m -f '{{.Path}} {{.Version}}' all | sort >.modules.new

# Pin back every module whose version errcodelint's requirements raised.
pins=()
while read -r path old; do
	new=$(awk -v p="$path" '$1 == p { print $2 }' .modules.new)
	if [ -n "$old" ] && [ -n "$new" ] && [ "$new" != "$old" ]; then
		echo "pin $path $old (errcodelint asks for $new)"
		pins+=("-replace=$path=$path@$old")
	fi
done <.modules.gopls
if [ ${#pins[@]} -gt 0 ]; then
	$GO mod edit "${pins[@]}"
fi
$GO mod tidy

tools=$($GO list -m -f '{{.Version}}{{with .Replace}} => {{.Version}}{{end}}' golang.org/x/tools)
echo "golang.org/x/tools: $tools"

mkdir -p "$(dirname "$out")"
# gopls reports its version from the build info, "(devel)" for a local
# build: name it after the release it is made from.
$GO build -trimpath \
	-ldflags "-X 'main.version=$version+errcodelint'" \
	-o "$out" .
echo "built $out"
