# The demo: errcodelint on examples/cosdemo, a COS v4 client that makes the
# usual mistakes (magic codes, a typo, a sign slip, a slice resent in a
# broken upload session). errcodelint exits with status 3 when it reports
# findings, which is what the demo wants.

## demo: build errcodelint and run it on examples/cosdemo
demo:
	$(GO) build -o $(BIN)/errcodelint ./cmd/errcodelint
	@echo '$$ errcodelint ./examples/cosdemo/'
	@status=0; $(BIN)/errcodelint ./examples/cosdemo/ 2>&1 || status=$$?; \
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
