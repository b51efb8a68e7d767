# gopls with errcodelint in its analyzer list, patched from the module
# cache without git: see tools/gopls/build.sh and tools/gopls/errcodelint.patch.

GOPLS_VERSION ?= v0.23.0
GOPLS_ERRCODELINT := $(BIN)/gopls-errcodelint

.PHONY: gopls gopls-test gopls-compat

## gopls: build bin/gopls-errcodelint (gopls $(GOPLS_VERSION) + errcodelint, on gopls's own x/tools)
gopls:
	GO=$(GO) GOPLS_VERSION=$(GOPLS_VERSION) tools/gopls/build.sh $(GOPLS_ERRCODELINT)

## gopls-test: build it and run gopls check, codeaction and an LSP session with checks turned off on the fixture (integration/gopls_test.go, lsp_test.go)
gopls-test: gopls
	ERRCODELINT_GOPLS=$(GOPLS_ERRCODELINT) $(GO) test -count=1 -run 'TestGopls' ./integration/

CI_TARGETS += gopls-test

## gopls-compat: run the analyzer's tests against the x/tools gopls $(GOPLS_VERSION) requires
gopls-compat:
	GO=$(GO) GOPLS_VERSION=$(GOPLS_VERSION) tools/gopls/compat.sh

CI_TARGETS += gopls-compat
