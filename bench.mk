# The benchmark (docs/benchmarks.md). Included by the Makefile; uses its BIN and STAMP.
# Pass options through BENCH_ARGS, e.g. make bench BENCH_ARGS="--only kanban_board --latency-ms 50"
BENCH_ARGS ?=

.PHONY: bench bench-levers

bench: $(STAMP)
	$(BIN)/python -m bench $(BENCH_ARGS)

# What each engine lever saves on the 1,000-card board (in-process, about 15 s).
bench-levers: $(STAMP)
	$(BIN)/python -m bench.levers
