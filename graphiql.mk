# GraphiQL assets, the browser test and the schema contract; included by the Makefile.

.PHONY: graphiql-assets browser-test schema schema-diff schema-release

# Pinned GraphiQL/React builds into trelloql/static/graphiql/vendor/ (skips without npm).
graphiql-assets:
	@scripts/fetch-graphiql

# Headless Debian chromium against GraphiQL on a sandbox-backed service; skips without it.
browser-test: $(STAMP) graphiql-assets
	TRELLOQL_BROWSER_TEST=1 $(BIN)/python -m pytest -q -rs tests/graphiql/test_browser.py

# Regenerates schema.graphql, the committed snapshot of the schema clients see.
schema: $(STAMP)
	$(BIN)/python scripts/schema-snapshot

# Breaking and dangerous changes since the last released schema (schema/released.graphql).
schema-diff: $(STAMP)
	$(BIN)/python scripts/schema-diff

# Makes the current snapshot the released one; run when a version is released.
schema-release: $(STAMP)
	$(BIN)/python scripts/schema-snapshot --check
	cp schema.graphql schema/released.graphql
