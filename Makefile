# Async With Lab. `make test` is what CI runs (.ci/run); it installs what the
# tests need on a fresh Debian machine.

GO      ?= go
N       ?= 500
FUZZTIME ?= 20s

.PHONY: test check unit fuzz conformance bench bench-sim bench-quiz deps-python run help

help:
	@echo "make test         vet, format check, unit + CPython conformance tests, a short fuzz run"
	@echo "make conformance  N random scenarios run by the engine and by CPython (N=$(N))"
	@echo "make bench        simulator benchmarks (with CPython timings) and quiz reading speed"
	@echo "make run          list the simulator's presets and trace one"

test: deps-python check unit fuzz

check:
	@test -z "$$(gofmt -l .)" || { echo "gofmt needed:"; gofmt -l .; exit 1; }
	$(GO) vet ./...

unit:
	$(GO) test -count=1 ./...

fuzz:
	$(GO) test -run '^$$' -fuzz FuzzDecodeAndRun -fuzztime $(FUZZTIME) ./sim
	$(GO) test -run '^$$' -fuzz FuzzParse -fuzztime $(FUZZTIME) ./quiz
	$(GO) test -run '^$$' -fuzz FuzzDecodeAttempt -fuzztime 10s ./quiz

conformance: deps-python
	$(GO) test -count=1 -run TestRandomConformance -v ./sim/simrand -args -scenarios=$(N) | grep -E '^(conformance|---|ok|FAIL)|disagree'

bench: bench-sim bench-quiz

bench-quiz:
	$(GO) test -run '^$$' -bench . -benchmem ./quiz | grep -E '^(Benchmark|ok)'

bench-sim: deps-python
	$(GO) test -run '^$$' -bench . -benchmem -benchtime 5x -v ./sim | grep -E '^(Benchmark|ok|goos|cpu)'

# The conformance tests run CPython 3.11 or newer. Debian's python3 is
# installed when the machine has none that is recent enough.
deps-python:
	@if python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then :; \
	else echo "installing python3 (3.11+) from Debian"; \
		apt-get update && apt-get install -y python3; fi

run:
	$(GO) run ./cmd/lab presets
	$(GO) run ./cmd/lab trace -preset doc003-class
