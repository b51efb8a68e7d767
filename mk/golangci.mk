# golangci-lint v2 with the errcodelint module plugin (plugin/golangci),
# built from the module cache without git: see tools/golangci/build.sh.

GOLANGCI_LINT_VERSION ?= v2.15.0
GOLANGCI_LINT_ERRCODELINT := $(BIN)/golangci-lint-errcodelint

.PHONY: golangci golangci-test golangci-custom-test

## golangci: build bin/golangci-lint-errcodelint (golangci-lint $(GOLANGCI_LINT_VERSION) + errcodelint)
golangci:
	GO=$(GO) GOLANGCI_LINT_VERSION=$(GOLANGCI_LINT_VERSION) tools/golangci/build.sh $(GOLANGCI_LINT_ERRCODELINT)

## golangci-test: build it and run it on the fixture (integration/golangci_test.go)
golangci-test: golangci
	ERRCODELINT_GOLANGCI_LINT=$(GOLANGCI_LINT_ERRCODELINT) $(GO) test -count=1 -run 'TestGolangciLint' ./integration/

CI_TARGETS += golangci-test

## golangci-custom-test: run golangci-lint custom with .custom-gcl.yml (git faked from the module cache) and test its binary
golangci-custom-test: golangci
	ERRCODELINT_GOLANGCI_LINT=$(GOLANGCI_LINT_ERRCODELINT) ERRCODELINT_CUSTOM_GCL=1 $(GO) test -count=1 -timeout 20m -run 'TestCustomGcl' ./integration/

CI_TARGETS += golangci-custom-test
