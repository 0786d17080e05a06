# Async With Lab. `make test` is what CI runs (.ci/run); it installs what the
# tests need on a fresh Debian machine.

GO      ?= go
# Ebitengine 2.10 needs no cgo on Linux, macOS or Windows: every build,
# the desktop ones included, is pure Go and cross-compiles from here.
export CGO_ENABLED = 0
# The build's version: git describe's (v0.3.0, v0.3.0-4-g1a2b3c4), "dev"
# outside a git checkout. About shows it, -version prints it, codes carry
# it, the offline cache is named after it.
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
VERSION_FLAG = -X asyncwithlab/version.Version=$(VERSION)
N       ?= 500
FUZZN   ?= 200000x
FUZZNSLOW ?= 40000x

.PHONY: release release-check test check unit fuzz conformance bench bench-sim bench-quiz bench-replay bench-homework bench-ui deps deps-web deps-python run demo help bench-web

help:
	@echo "make test         vet, format check, unit + CPython conformance tests, a short fuzz run"
	@echo "make conformance  N random scenarios run by the engine and by CPython (N=$(N))"
	@echo "make bench        simulator benchmarks (with CPython timings), the replay model, quiz reading speed"
	@echo "make bench-ui     the simulator screen's frame work and its paused CPU, on the desktop under Xvfb"
	@echo "make serve        build the browser version and serve it on http://localhost:8080"
	@echo "make run          the desktop program"
	@echo "make dist         dist/ ready for any static host (.wasm with .gz and .br copies)"
	@echo "make release      every download (Windows, macOS, Linux; amd64, arm64; the web site) and SHA256SUMS in dist/release"
	@echo "make release-check  build the downloads twice, compare the bytes, run the Linux one under Xvfb"
	@echo "make demo         the command-line tool: presets and a trace"
	@echo "make serve        build the browser version into dist/ and serve it on http://localhost:8080"
	@echo "make dist         build dist/: index.html, wasm_exec.js, app.wasm (+ .gz, .br) for any static host"
	@echo "make wasm         only compile the app to dist/app.wasm"
	@echo "make wasm-exec    copy wasm_exec.js from the installed Go ($$($(GO) env GOVERSION))"
	@echo "make web-check    fail when wasm_exec.js differs from the installed Go's"
	@echo "make web-smoke    dist, then open it in headless Chromium until the first frame (needs node, chromium)"

test: deps deps-web deps-python check unit fuzz

check:
	@test -z "$$(gofmt -l .)" || { echo "gofmt needed:"; gofmt -l .; exit 1; }
	$(GO) vet ./...

# Importing Ebitengine opens a display on Linux, so the tests run under Xvfb.
unit:
	xvfb-run -a $(GO) test -count=1 ./...

# Fuzzing for a number of inputs rather than a duration: a duration's
# deadline can expire while a worker is busy, which fails the run spuriously.
# FuzzDecodeDesign builds and runs each design it decodes: fewer inputs.
fuzz:
	$(GO) test -run '^$$' -fuzz '^FuzzDecodeAndRun$$' -fuzztime $(FUZZN) ./sim
	$(GO) test -run '^$$' -fuzz '^FuzzRead$$' -fuzztime $(FUZZN) ./sim/catalog
	$(GO) test -run '^$$' -fuzz '^FuzzReadMessages$$' -fuzztime $(FUZZN) ./i18n
	$(GO) test -run '^$$' -fuzz '^FuzzParse$$' -fuzztime $(FUZZN) ./quiz
	$(GO) test -run '^$$' -fuzz '^FuzzDecodeAttempt$$' -fuzztime $(FUZZN) ./quiz
	$(GO) test -run '^$$' -fuzz '^FuzzDecodeLink$$' -fuzztime $(FUZZN) ./sim/share
	$(GO) test -run '^$$' -fuzz '^FuzzDecodeScores$$' -fuzztime $(FUZZN) ./sim/predict
	$(GO) test -run '^$$' -fuzz '^FuzzDecodeDesign$$' -fuzztime $(FUZZNSLOW) ./sim/edit
	$(GO) test -run '^$$' -fuzz '^FuzzDecodeLink$$' -fuzztime $(FUZZN) ./homework
	$(GO) test -run '^$$' -fuzz '^FuzzDecodeCode$$' -fuzztime $(FUZZN) ./homework
	$(GO) test -run '^$$' -fuzz '^FuzzDecodeProgress$$' -fuzztime $(FUZZN) ./homework

conformance: deps-python
	$(GO) test -count=1 -run TestRandomConformance -v ./sim/simrand -args -scenarios=$(N) | grep -E '^(conformance|---|    ---|ok|FAIL)|disagree'

bench: bench-sim bench-quiz bench-replay bench-homework

# Grading a class: 500 submission codes re-graded from the keys.
bench-homework:
	$(GO) test -run '^$$' -bench . -benchmem ./homework | grep -E '^(Benchmark|ok)'

# The simulator screen's model: one frame of playback, seeking, on the
# 20 tasks × 10 managers example.
bench-replay:
	$(GO) test -run '^$$' -bench . -benchmem ./sim/replay | grep -E '^(Benchmark|ok)'

# The simulator screen on the desktop under Xvfb: Update+Draw per frame
# while the heaviest example plays at 4×, and the paused screen's CPU.
bench-ui: deps
	$(GO) build -o /tmp/asyncwithlab-benchui ./ui/benchui
	xvfb-run -a -s "-screen 0 1400x900x24" /tmp/asyncwithlab-benchui
	xvfb-run -a -s "-screen 0 1400x900x24" /tmp/asyncwithlab-benchui -link v1.p.stress-20x10.0.sequence

# The browser build against a minimal Ebitengine program: .wasm sizes, time
# to the first frame in headless Chromium, idle CPU on the quiz screen.
bench-web: deps-web
	$(GO) run ./web/benchweb

bench-quiz:
	$(GO) test -run '^$$' -bench . -benchmem ./quiz | grep -E '^(Benchmark|ok)'

bench-sim: deps-python
	$(GO) test -run '^$$' -bench . -benchmem -benchtime 5x -v ./sim | grep -E '^(Benchmark|ok|goos|cpu)'

# The desktop program needs no headers and no C compiler: it loads the
# X11 and GL libraries a Linux desktop has when it starts. Its tests need
# those libraries, Xvfb, and xdotool to click in its window; installed
# from Debian when missing.
DEBS = libgl1 libegl1 libx11-6 libxrandr2 libxcursor1 libxi6 libxinerama1 libxext6 libxrender1 libxxf86vm1 xvfb xauth xdotool
X11LIBS = libGL.so.1 libX11.so.6 libXrandr.so.2 libXcursor.so.1 libXi.so.6 libXinerama.so.1
deps-web:
	@command -v chromium >/dev/null || { echo "installing Chromium from Debian"; \
		apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium; }

deps:
	@if command -v xvfb-run >/dev/null && command -v xdotool >/dev/null && \
		for l in $(X11LIBS); do ldconfig -p | grep -q "$$l" || exit 1; done; then :; \
	else echo "installing the X11/GL libraries, Xvfb and xdotool from Debian"; \
		apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y $(DEBS); fi

# The conformance tests run each CPython the engine reproduces (3.11, 3.12,
# 3.13; sim.PythonVersions). Each is looked for as LAB_PYTHON_3_X, then
# python3.X on PATH, then pyenv's $(PYENV_VERSIONS)/3.X.*; Debian's python3
# (3.11) is installed when there is no 3.11. Outside CI a missing version
# only skips its tests; in CI they fail.
PYTHON_MINORS = 3.11 3.12 3.13
PYENV_VERSIONS = /root/.pyenv/versions
deps-python:
	@if python3 -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' 2>/dev/null || \
		command -v python3.11 >/dev/null || ls $(PYENV_VERSIONS)/3.11.*/bin/python3.11 >/dev/null 2>&1; then :; \
	else echo "installing python3 (3.11) from Debian"; \
		apt-get update && apt-get install -y python3; fi
	@for v in $(PYTHON_MINORS); do \
		env=LAB_PYTHON_$$(echo $$v | tr . _); \
		if [ -n "$$(printenv $$env)" ] || command -v python$$v >/dev/null || \
			ls $(PYENV_VERSIONS)/$$v.*/bin/python$$v >/dev/null 2>&1 || \
			python3 -c "import sys; sys.exit(sys.version_info[:2] != (3, $${v#*.}))" 2>/dev/null; then :; \
		else echo "CPython $$v not found (pyenv install $$v, or set $$env): its conformance tests will not run"; fi; \
	done

# The desktop program (the X11/GL libraries: see deps).
run: deps
	$(GO) run -ldflags="$(VERSION_FLAG)" .

# The command-line tool on a document example.
demo:
	$(GO) run ./cmd/lab presets
	$(GO) run ./cmd/lab trace -preset doc003-class

# The browser version: the app compiled to WebAssembly, index.html and Go's
# wasm_exec.js, with gzip and brotli copies of the .wasm (cmd/dist), served
# by cmd/serve. wasm_exec.js must be the one of the Go that compiles the
# .wasm; web-check (and a test in ./web) say when it is not.
WASM_EXEC_GO = $$($(GO) env GOROOT)/lib/wasm/wasm_exec.js

# cmd/dist -build compiles with web.WasmBuild, the one browser build.
wasm:
	$(GO) run ./cmd/dist -build-only -wasm dist/app.wasm -version $(VERSION)

dist: web-check
	$(GO) run ./cmd/dist -build -root . -wasm dist/app.wasm -out dist -version $(VERSION)

# make serve skips brotli (a minute or more): cmd/serve gzips on the fly.
serve: web-check
	$(GO) run ./cmd/dist -build -root . -wasm dist/app.wasm -out dist -quick -version $(VERSION)
	$(GO) run ./cmd/serve -dir dist

wasm-exec:
	cp "$(WASM_EXEC_GO)" wasm_exec.js
	@echo "wasm_exec.js now is $(WASM_EXEC_GO)"

web-check:
	@cmp -s "$(WASM_EXEC_GO)" wasm_exec.js || { \
		echo "wasm_exec.js differs from $(WASM_EXEC_GO) ($$($(GO) env GOVERSION));"; \
		echo "the page would run app.wasm with another Go's loader. Run: make wasm-exec"; exit 1; }

# Every download, from this Linux machine (cmd/release): Windows and macOS
# and Linux programs for amd64 and arm64, the web site as a zip, and
# SHA256SUMS, in dist/release. The archives' time is the commit's.
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 0)
release: web-check
	$(GO) run ./cmd/release -out dist/release -version $(VERSION) -time $(SOURCE_DATE_EPOCH)

# Builds every download twice and compares the bytes (reproducible
# builds), then runs the Linux program: -version, and a first frame under
# Xvfb on each screen.
release-check: web-check deps
	rm -rf dist/release-a dist/release-b
	$(GO) run ./cmd/release -out dist/release-a -version $(VERSION) -time $(SOURCE_DATE_EPOCH)
	$(GO) clean -cache
	$(GO) run ./cmd/release -out dist/release-b -version $(VERSION) -time $(SOURCE_DATE_EPOCH)
	cmp dist/release-a/SHA256SUMS dist/release-b/SHA256SUMS && echo "reproducible: both builds give the same bytes"
	rm -rf dist/release-run && mkdir -p dist/release-run
	tar -xzf dist/release-a/asyncwithlab-$(VERSION)-linux-amd64.tar.gz -C dist/release-run
	dist/release-run/asyncwithlab-$(VERSION)/asyncwithlab -version | grep -qx "Async With Lab $(VERSION)"
	for s in home quiz sim about; do \
		xvfb-run -a dist/release-run/asyncwithlab-$(VERSION)/asyncwithlab -open $$s -screenshot dist/release-run/$$s.png || exit 1; done
	@echo "the Linux download runs: dist/release-run/*.png"

# Not part of `make test`: it needs node and chromium. The picture lands in
# bin/smoke.png; QUERY='?lang=pt' opens the page with a query.
web-smoke: dist
	$(GO) build -o bin/serve ./cmd/serve
	node web/smoke.mjs -serve bin/serve -dir dist -out bin/smoke.png -query '$(QUERY)'
