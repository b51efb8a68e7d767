# Precision on code that does not talk to COS (issue 6): errcodelint must
# report nothing on it. Two checks on the standard library with its tests:
# the command as users run it, and the analysis without its relevance gate
# (analyzer/precision_test.go), so that every heuristic sees every package.
# precision-modules does the same on large modules fetched through the
# module proxy; it is not part of CI (it downloads them).
PRECISION_PATTERNS ?= std
PRECISION_MODULES ?= golang.org/x/tools@v0.52.0 github.com/silenceper/wechat/v2@v2.1.10 github.com/minio/minio-go/v7@v7.4.1
PRECISION_DIR ?= $(CURDIR)/.cache/precision

.PHONY: precision precision-modules

## precision: errcodelint reports nothing on std, with and without its relevance gate
precision:
	$(GO) build -o $(BIN)/errcodelint ./cmd/errcodelint
	@echo '$$ errcodelint $(PRECISION_PATTERNS)'
	@status=0; out=$$($(BIN)/errcodelint $(PRECISION_PATTERNS) 2>&1) || status=$$?; \
	if [ -n "$$out" ] || [ $$status -ne 0 ]; then \
		echo "$$out"; echo "errcodelint reported on $(PRECISION_PATTERNS) (exit $$status): false positives" >&2; exit 1; \
	fi
	ERRCODELINT_PRECISION='$(PRECISION_PATTERNS)' $(GO) test ./analyzer -run '^TestSilentOnForeignCode$$' -count=1

## precision-modules: errcodelint (and its ungated analysis) reports nothing on large foreign modules
precision-modules:
	$(GO) build -o $(BIN)/errcodelint ./cmd/errcodelint
	@set -e; mkdir -p $(PRECISION_DIR); for m in $(PRECISION_MODULES); do \
		dir=$(PRECISION_DIR)/$$(echo $$m | tr '/@' '__'); \
		if [ ! -d $$dir ]; then \
			src=$$($(GO) mod download -json $$m | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$$/\1/p'); \
			cp -r $$src $$dir; chmod -R u+w $$dir; (cd $$dir && $(GO) mod download); \
		fi; \
		echo "$$ errcodelint ./... # in $$m"; \
		status=0; out=$$(cd $$dir && $(BIN)/errcodelint ./... 2>&1) || status=$$?; \
		if [ -n "$$out" ] || [ $$status -ne 0 ]; then echo "$$out"; echo "errcodelint reported on $$m (exit $$status)" >&2; exit 1; fi; \
		ERRCODELINT_PRECISION=./... ERRCODELINT_PRECISION_DIR=$$dir $(GO) test ./analyzer -run '^TestSilentOnForeignCode$$' -count=1; \
	done

CI_TARGETS += precision
