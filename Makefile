# The README's commands. CI (.ci/run) calls the same targets.
GO ?= go
BIN := $(CURDIR)/bin

.PHONY: all build test lint generate demo clean ci

all: build

# Each delivery surface keeps its targets in mk/*.mk and adds its CI step to
# CI_TARGETS there.
CI_TARGETS := lint test
include $(wildcard mk/*.mk)

## ci: everything .ci/run runs
ci: $(CI_TARGETS)

build:
	$(GO) build -o $(BIN)/errcodelint ./cmd/errcodelint

## test: every test, with the race detector
test:
	$(GO) test -race -timeout 30m ./...

## generate: regenerate catalog/codes_gen.go and catalog/README.md from catalog/codes.tsv
generate:
	$(GO) generate ./catalog

## lint: go vet, gofmt and staticcheck (pinned in go.mod as a tool)
lint:
	$(GO) vet ./...
	@out=$$(gofmt -l $$(git ls-files '*.go' | grep -v '^testdata/')); \
	if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi
	$(GO) tool staticcheck ./...

clean:
	rm -rf $(BIN)
