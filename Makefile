# Async With Lab. `make test` is what CI runs (.ci/run); it installs what the
# tests need on a fresh Debian machine.

GO      ?= go
N       ?= 500
FUZZTIME ?= 20s

.PHONY: test check unit fuzz conformance bench bench-sim bench-quiz deps deps-python run help

help:
	@echo "make test         vet, format check, unit + CPython conformance tests, a short fuzz run"
	@echo "make conformance  N random scenarios run by the engine and by CPython (N=$(N))"
	@echo "make bench        simulator benchmarks (with CPython timings) and quiz reading speed"
	@echo "make run          list the simulator's presets and trace one"

test: deps deps-python check unit fuzz

check:
	@test -z "$$(gofmt -l .)" || { echo "gofmt needed:"; gofmt -l .; exit 1; }
	$(GO) vet ./...

# Importing Ebitengine opens a display on Linux, so the tests run under Xvfb.
unit:
	xvfb-run -a $(GO) test -count=1 ./...

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

# The desktop build needs cgo and the X11/GL headers; its tests need Xvfb.
# Installed from Debian when missing.
DEBS = libgl1-mesa-dev libxcursor-dev libxi-dev libxinerama-dev libxrandr-dev libxxf86vm-dev libasound2-dev pkg-config xvfb xauth
deps:
	@if pkg-config --exists gl x11 xcursor xi xinerama xrandr xxf86vm alsa 2>/dev/null && command -v xvfb-run >/dev/null; then :; \
	else echo "installing the X11/GL headers and Xvfb from Debian"; \
		apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y $(DEBS); fi

# The conformance tests run CPython 3.11 or newer. Debian's python3 is
# installed when the machine has none that is recent enough.
deps-python:
	@if python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then :; \
	else echo "installing python3 (3.11+) from Debian"; \
		apt-get update && apt-get install -y python3; fi

run:
	$(GO) run ./cmd/lab presets
	$(GO) run ./cmd/lab trace -preset doc003-class
