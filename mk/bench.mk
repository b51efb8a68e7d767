# Cost (issue 6, docs/performance.md): the pass's Go benchmarks, then
# whole-process runs of errcodelint against its floors (internal/floor) in
# both loading regimes, standalone and under go vet, on std and on a small
# module with large dependencies. Not part of CI: it takes a while and
# wants a quiet machine. BENCH_RUNS runs per command; BENCH_TARGETS
# (small std) and BENCH_MODES (standalone vet) narrow it down.
BENCH_OUT ?= $(CURDIR)/.cache/bench
BENCH_RUNS ?= 5
BENCH_TARGETS ?= small std
BENCH_MODES ?= standalone vet

.PHONY: bench bench-go bench-floors

## bench: the pass's benchmarks and errcodelint against its cost floors
bench: bench-go bench-floors

bench-go:
	$(GO) test ./analyzer -run '^$$' -bench '^(BenchmarkPass|BenchmarkTypeCheck|BenchmarkFunctionSize)$$' -benchmem -count=1

bench-floors:
	@command -v hyperfine >/dev/null || { apt-get update -qq && apt-get install -y -qq hyperfine; }
	RUNS=$(BENCH_RUNS) TARGETS='$(BENCH_TARGETS)' MODES='$(BENCH_MODES)' bash internal/floor/bench.sh $(BENCH_OUT)
