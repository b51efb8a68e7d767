# The demo: errcodelint on examples/cosdemo, a module of its own with a COS
# v4 client that makes the usual mistakes (magic codes, a typo, a sign slip,
# a slice resent in a broken upload session). errcodelint exits with status
# 3 when it reports findings, which is what the demo wants.
#
# demo-fix follows the README on a copy of that module, as a user would on
# theirs: depend on the catalog (a replace directive to this checkout until
# the catalog is published), apply the fixes, then build, vet and test.
DEMO_FIX_DIR ?= $(CURDIR)/.cache/demo-fix
CATALOG_MODULE := github.com/errcodelint/errcodelint/catalog

.PHONY: demo-fix

## demo: build errcodelint and run it on examples/cosdemo
demo: build
	@echo '$$ cd examples/cosdemo && errcodelint ./...'
	@status=0; cd examples/cosdemo && $(BIN)/errcodelint ./... 2>&1 || status=$$?; \
	if [ $$status -eq 3 ]; then \
		echo "(exit status 3: findings reported, as the demo expects)"; \
	elif [ $$status -eq 0 ]; then \
		echo "errcodelint found nothing in examples/cosdemo: the demo expects findings" >&2; exit 1; \
	else \
		echo "errcodelint failed (exit status $$status)" >&2; exit $$status; \
	fi
	@echo
	@echo '$$ errcodelint explain -4019'
	@$(BIN)/errcodelint explain -4019
CI_TARGETS += demo

## demo-fix: on a copy of examples/cosdemo, the README's steps: require the catalog, errcodelint -fix, go build, go vet, go test
demo-fix: build
	rm -rf $(DEMO_FIX_DIR)
	mkdir -p $(dir $(DEMO_FIX_DIR))
	cp -R examples/cosdemo $(DEMO_FIX_DIR)
	cd $(DEMO_FIX_DIR) && $(GO) mod edit -require=$(CATALOG_MODULE)@v0.0.0 -replace=$(CATALOG_MODULE)=$(CURDIR)/catalog
	cd $(DEMO_FIX_DIR) && $(BIN)/errcodelint -fix -diff ./...
	cd $(DEMO_FIX_DIR) && $(BIN)/errcodelint -fix ./...
	cd $(DEMO_FIX_DIR) && $(GO) build ./... && $(GO) vet ./... && $(GO) test ./...
	@echo '$$ errcodelint ./...   # what -fix leaves to a human: codes it cannot name for you, and the reupload design'
	@status=0; cd $(DEMO_FIX_DIR) && $(BIN)/errcodelint ./... 2>&1 || status=$$?; \
	if [ $$status -ne 3 ] && [ $$status -ne 0 ]; then echo "errcodelint failed (exit status $$status)" >&2; exit $$status; fi
CI_TARGETS += demo-fix
