# The README's commands. CI (.ci/run) calls the same targets.
GO ?= go
BIN := $(CURDIR)/bin

.PHONY: all build test lint generate demo clean ci

all: build

# The modules of this repository: the linter (.), the catalog it ships for
# the code it checks (a module of its own, without dependencies), and the
# demo client (a user's module). test and lint cover all three.
MODULES := . catalog examples/cosdemo

# Each delivery surface keeps its targets in mk/*.mk and adds its CI step to
# CI_TARGETS there.
CI_TARGETS := lint test
include $(wildcard mk/*.mk)

## ci: everything .ci/run runs
ci: $(CI_TARGETS)

build:
	$(GO) build -o $(BIN)/errcodelint ./cmd/errcodelint

## test: every test of every module, with the race detector
test:
	@set -e; for m in $(MODULES); do echo "$$ (cd $$m && go test -race ./...)"; (cd $$m && $(GO) test -race -timeout 30m ./...); done

## generate: regenerate catalog/codes_gen.go and catalog/README.md from catalog/codes.tsv
generate:
	cd catalog && $(GO) generate .

## lint: go vet, gofmt and staticcheck (pinned in go.mod as a tool) on every module
lint:
	@out=$$(gofmt -l $$(git ls-files '*.go' | grep -v '^testdata/')); \
	if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi
	@set -e; staticcheck=$$($(GO) tool -n staticcheck); for m in $(MODULES); do \
		echo "$$ (cd $$m && go vet ./... && staticcheck ./...)"; \
		(cd $$m && $(GO) vet ./... && $$staticcheck ./...); \
	done

clean:
	rm -rf $(BIN)
