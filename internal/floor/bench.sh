#!/usr/bin/env bash
# bench.sh OUTDIR measures errcodelint against its cost floors
# (internal/floor/nop and internal/floor/nopfacts) in both loading regimes,
# standalone and under go vet -vettool, on std and on a small module with
# large dependencies. Each run is timed by hyperfine and wrapped in
# /usr/bin/time for its peak RSS. go vet runs get a cold vet cache: a fresh
# GOCACHE per run, hard-linked from one that holds every compiled package
# (so each run compiles nothing and analyzes everything). Results go to
# OUTDIR; internal/floor/bench turns them into the tables of
# docs/performance.md.
#
# Environment: RUNS (runs per command, default 3), TARGETS (default
# "small std"; "corpus" adds the COS client corpus, where the analysis does
# run), MODES (default "standalone vet").
set -euo pipefail

out=$(mkdir -p "${1:?usage: bench.sh OUTDIR}" && cd "$1" && pwd)
runs=${RUNS:-3}
targets=${TARGETS:-small std}
modes=${MODES:-standalone vet}
repo=$(cd "$(dirname "$0")/../.." && pwd)
bin=$out/bin
mkdir -p "$bin"

(
	cd "$repo"
	go build -o "$bin/errcodelint" ./cmd/errcodelint
	go build -o "$bin/nop" ./internal/floor/nop
	go build -o "$bin/nopfacts" ./internal/floor/nopfacts
	# A tool none of the measured ones shares a vet cache key with, to
	# compile everything into the base cache.
	go build -o "$bin/warm" -ldflags=-buildid=bench-warm ./internal/floor/nop
)

# The small module: one package importing golang.org/x/tools/go/packages,
# at the x/tools version errcodelint is built with.
small=$out/small
mkdir -p "$small"
cat >"$small/go.mod" <<GOMOD
module example.com/small

go 1.26

require golang.org/x/tools v0.52.0
GOMOD
cat >"$small/main.go" <<'GO'
// Command small lists the packages named on its command line.
package main

import (
	"fmt"
	"os"

	"golang.org/x/tools/go/packages"
)

func main() {
	pkgs, err := packages.Load(&packages.Config{Mode: packages.NeedName}, os.Args[1:]...)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	for _, p := range pkgs {
		fmt.Println(p.PkgPath)
	}
}
GO
(cd "$small" && go mod tidy)

# Each tool in each regime: NAME=COMMAND-PREFIX.
tools=(
	"nop=$bin/nop"
	"errcodelint-nofacts=$bin/errcodelint -facts=false"
	"nopfacts=$bin/nopfacts"
	"errcodelint=$bin/errcodelint"
)

for target in $targets; do
	ignore=()
	case $target in
	std) dir=$repo pattern=std ;;
	small) dir=$small pattern=./... ;;
	# COS clients: the analysis runs, and reports (exit status 3, or 1
	# under go vet).
	corpus) dir=$repo/testdata/corpus pattern=./... ignore=(--ignore-failure) ;;
	*) echo "unknown target $target" >&2; exit 2 ;;
	esac
	for mode in $modes; do
		env=()
		prepare=()
		if [ "$mode" = vet ]; then
			base=$out/gocache-$target
			if [ ! -d "$base" ]; then
				(cd "$dir" && GOCACHE=$base go vet -vettool="$bin/warm" $pattern)
			fi
			env=(env "GOCACHE=$out/gocache")
			prepare=(--prepare "rm -rf '$out/gocache' && cp -al '$base' '$out/gocache'")
		else
			(cd "$dir" && "$bin/nop" $pattern) || true # warm the build cache's export data
		fi
		for tool in "${tools[@]}"; do
			name=${tool%%=*}
			cmd=${tool#*=}
			if [ "$mode" = vet ]; then
				toolbin=${cmd%% *}
				cmd="go vet -vettool=$toolbin${cmd#"$toolbin"}"
			fi
			id=$target.$mode.$name
			rm -f "$out/$id.rss"
			(cd "$dir" && hyperfine --runs "$runs" --shell=bash "${prepare[@]}" "${ignore[@]}" \
				--export-json "$out/$id.json" --command-name "$id" \
				"${env[*]} /usr/bin/time -a -o '$out/$id.rss' -f %M $cmd $pattern")
		done
	done
done
rm -rf "$out/gocache"
go run "$repo/internal/floor/bench" "$out"
