# Long hardening runs, kept out of `make test` (included from the Makefile).
FUZZ_EXAMPLES ?= 3000

.PHONY: fuzz hardening

# Thousands of generated GraphQL documents, bodies and GET requests: no 5xx, no unhandled error.
fuzz: $(STAMP)
	TRELLOQL_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(BIN)/python -m pytest -q -p no:cacheprovider tests/hardening/test_fuzz.py

# The whole hardening suite alone (bursts, Redis, faults, abuse, fuzz, SIGTERM).
hardening: $(STAMP)
	$(BIN)/python -m pytest -q tests/hardening
