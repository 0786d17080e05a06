package web

import (
	"asyncwithlab/assets"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"image"
	"image/color"
	"image/png"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// repoRoot is where index.html and wasm_exec.js live.
const repoRoot = ".."

// TestWasmExecMatchesGo fails when the repository's wasm_exec.js is not
// the one of the Go that runs the tests (and builds app.wasm): Go's
// loader and the runtime it loads change together between releases.
func TestWasmExecMatchesGo(t *testing.T) {
	// go test puts its own Go's bin directory first in PATH.
	out, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		t.Skipf("no go command to ask for GOROOT: %v", err)
	}
	goroot := strings.TrimSpace(string(out))
	want, err := os.ReadFile(filepath.Join(goroot, "lib", "wasm", "wasm_exec.js"))
	if err != nil {
		t.Skipf("this Go has no lib/wasm/wasm_exec.js: %v", err)
	}
	got, err := os.ReadFile(filepath.Join(repoRoot, "wasm_exec.js"))
	require.NoError(t, err)
	if !bytes.Equal(got, want) {
		t.Fatalf("wasm_exec.js differs from %s/lib/wasm/wasm_exec.js; run `make wasm-exec` to copy it", goroot)
	}
}

func TestIndexHTML(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(repoRoot, "index.html"))
	require.NoError(t, err)
	page := string(data)

	// Nothing leaves the page's origin: no absolute or protocol-relative
	// URL in an attribute, a CSS url(), an @import or a fetch.
	remote := regexp.MustCompile(`(?i)(?:(?:src|href|action|poster|data)\s*=\s*["']?\s*(?:[a-z][a-z0-9+.-]*:)?//)|url\(\s*["']?\s*(?:[a-z]+:)?//|@import|fetch\(\s*["'\x60](?:[a-z]+:)?//`)
	assert.Empty(t, remote.FindAllString(page, -1), "index.html must load nothing from another origin")
	assert.NotRegexp(t, `(?i)https?://`, page, "index.html must name no remote address")

	for _, want := range []string{
		`<script src="wasm_exec.js"></script>`,
		`"` + WasmName + `"`,
		`id="lab-aria"`,
		`aria-live="polite"`,
		`"lab-ready"`,
		`X-Content-Length`,
		`getContext("webgl2") || probe.getContext("webgl")`,
		`WebAssembly.instantiate(`,
		`go.run(`,
		`getReader()`,
		`navigator.language`,
	} {
		assert.Contains(t, page, want)
	}
	// The aria region is hidden by the class that keeps it readable.
	assert.Regexp(t, `<div id="lab-aria" class="lab-visually-hidden" aria-live="polite"></div>`, page)
}

// fakeWasm is a compressible stand-in for a WebAssembly module.
func fakeWasm() []byte {
	return append([]byte("\x00asm\x01\x00\x00\x00"), bytes.Repeat([]byte("runtime.main "), 5000)...)
}

func newRoot(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(root, "index.html"), []byte("<!doctype html>page"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(root, "wasm_exec.js"), []byte("// loader"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(root, "manifest.webmanifest"), []byte(`{"name": "x"}`), 0o644))
	// The real service worker: its placeholders are what Pack fills in.
	sw, err := os.ReadFile(filepath.Join("..", ServiceWorker))
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(root, ServiceWorker), sw, 0o644))
	return root
}

// TestPackOffline: Pack writes the icons and a service worker with the
// version and the site's files, and the manifest names the icons drawn.
func TestPackOffline(t *testing.T) {
	root := newRoot(t)
	out := t.TempDir()
	wasm := filepath.Join(t.TempDir(), "in.wasm")
	require.NoError(t, os.WriteFile(wasm, fakeWasm(), 0o644))
	_, err := Pack(Options{Root: root, Wasm: wasm, Out: out, Quick: true, Version: "v1.2.3"})
	require.NoError(t, err)
	sw, err := os.ReadFile(filepath.Join(out, ServiceWorker))
	require.NoError(t, err)
	assert.Contains(t, string(sw), `const VERSION = "v1.2.3";`)
	assert.Contains(t, string(sw), `const FILES = ["app.wasm","./","wasm_exec.js","manifest.webmanifest","icon-192.png","icon-512.png","assets/fonts/go-mono.ttf","assets/quiz/en.md",`)
	assert.NotContains(t, string(sw), "__")
	for _, f := range SiteFiles() {
		if f == "./" {
			f = "index.html"
		}
		assert.FileExists(t, filepath.Join(out, f), "every file the worker keeps is on the site")
	}
	// The files the browser build fetches are the embedded ones, byte
	// for byte.
	for _, name := range assets.Later {
		want, err := readAsset(name)
		require.NoError(t, err)
		got, err := os.ReadFile(filepath.Join(out, "assets", filepath.FromSlash(name)))
		require.NoError(t, err)
		assert.True(t, bytes.Equal(want, got), name)
	}
	for _, n := range IconSizes {
		data, err := os.ReadFile(filepath.Join(out, iconName(n)))
		require.NoError(t, err)
		img, err := png.Decode(bytes.NewReader(data))
		require.NoError(t, err)
		assert.Equal(t, image.Rect(0, 0, n, n), img.Bounds())
		// The app's blue at the corner, the page colour on a frame.
		assert.Equal(t, iconBlue, color.NRGBAModel.Convert(img.At(1, 1)))
		assert.Equal(t, iconPaper, color.NRGBAModel.Convert(img.At(n/2, int(float64(n)*(0.5-0.33)))))
	}
	assert.Equal(t, IconPNG(192), IconPNG(192), "the same bytes every time (reproducible)")

	// The manifest in the repository lists exactly the icons drawn.
	var m struct {
		StartURL string `json:"start_url"`
		Display  string `json:"display"`
		Icons    []struct {
			Src, Sizes string
		} `json:"icons"`
	}
	data, err := os.ReadFile(filepath.Join("..", "manifest.webmanifest"))
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(data, &m))
	assert.Equal(t, ".", m.StartURL, "relative: the site works from a sub-path")
	assert.Equal(t, "standalone", m.Display)
	for _, ic := range m.Icons {
		assert.FileExists(t, filepath.Join(out, ic.Src))
		assert.Contains(t, ic.Src, strings.Split(ic.Sizes, "x")[0])
	}
}

func unbrotli(t *testing.T, data []byte) []byte {
	t.Helper()
	out, err := io.ReadAll(brotli.NewReader(bytes.NewReader(data)))
	require.NoError(t, err)
	return out
}

func gunzip(t *testing.T, data []byte) []byte {
	t.Helper()
	zr, err := gzip.NewReader(bytes.NewReader(data))
	require.NoError(t, err)
	out, err := io.ReadAll(zr)
	require.NoError(t, err)
	return out
}

func TestPack(t *testing.T) {
	root := newRoot(t)
	wasm := fakeWasm()
	src := filepath.Join(t.TempDir(), "built.wasm")
	require.NoError(t, os.WriteFile(src, wasm, 0o755))
	cache := filepath.Join(t.TempDir(), "cache")

	tests := []struct {
		name       string
		out        string
		wantCached bool
	}{
		{"first", filepath.Join(t.TempDir(), "dist"), false},
		{"same wasm again", filepath.Join(t.TempDir(), "dist"), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sizes, err := Pack(Options{Root: root, Wasm: src, Out: tt.out, CacheDir: cache})
			require.NoError(t, err)
			assert.Equal(t, tt.wantCached, sizes.Cached)

			for _, name := range PageFiles {
				want, _ := os.ReadFile(filepath.Join(root, name))
				got, err := os.ReadFile(filepath.Join(tt.out, name))
				require.NoError(t, err)
				assert.Equal(t, want, got, name)
			}
			raw, err := os.ReadFile(filepath.Join(tt.out, WasmName))
			require.NoError(t, err)
			assert.Equal(t, wasm, raw)
			gz, err := os.ReadFile(filepath.Join(tt.out, WasmName+".gz"))
			require.NoError(t, err)
			assert.Equal(t, wasm, gunzip(t, gz))
			br, err := os.ReadFile(filepath.Join(tt.out, WasmName+".br"))
			require.NoError(t, err)
			assert.Equal(t, wasm, unbrotli(t, br))

			assert.Equal(t, Sizes{Raw: int64(len(wasm)), Gzip: int64(len(gz)), Brotli: int64(len(br)), Cached: tt.wantCached}, sizes)
			assert.Less(t, sizes.Brotli, sizes.Raw)
			assert.Less(t, sizes.Gzip, sizes.Raw)

			// No temporary files are left behind.
			entries, err := os.ReadDir(tt.out)
			require.NoError(t, err)
			var names []string
			for _, e := range entries {
				names = append(names, e.Name())
			}
			assert.ElementsMatch(t, append(PageFiles, WasmName, "icon-192.png", "icon-512.png", ServiceWorker, "app.wasm.gz", "app.wasm.br", "assets"), names)
		})
	}
}

func TestPackInPlace(t *testing.T) {
	// make dist builds dist/app.wasm first and packs around it.
	root := newRoot(t)
	out := filepath.Join(t.TempDir(), "dist")
	require.NoError(t, os.MkdirAll(out, 0o755))
	wasm := fakeWasm()
	require.NoError(t, os.WriteFile(filepath.Join(out, WasmName), wasm, 0o755))

	sizes, err := Pack(Options{Root: root, Wasm: filepath.Join(out, WasmName), Out: out})
	require.NoError(t, err)
	assert.False(t, sizes.Cached)
	raw, err := os.ReadFile(filepath.Join(out, WasmName))
	require.NoError(t, err)
	assert.Equal(t, wasm, raw)
	br, err := os.ReadFile(filepath.Join(out, WasmName+".br"))
	require.NoError(t, err)
	assert.Equal(t, wasm, unbrotli(t, br))
}

func TestPackQuick(t *testing.T) {
	// make serve: no compressed copies, and none left from a make dist,
	// which the server would otherwise serve for a newer .wasm.
	root := newRoot(t)
	out := t.TempDir()
	wasm := filepath.Join(t.TempDir(), "in.wasm")
	require.NoError(t, os.WriteFile(wasm, fakeWasm(), 0o644))
	_, err := Pack(Options{Root: root, Wasm: wasm, Out: out})
	require.NoError(t, err)
	require.FileExists(t, filepath.Join(out, WasmName+".br"))

	sizes, err := Pack(Options{Root: root, Wasm: wasm, Out: out, Quick: true})
	require.NoError(t, err)
	assert.Equal(t, Sizes{Raw: int64(len(fakeWasm()))}, sizes)
	assert.FileExists(t, filepath.Join(out, WasmName))
	assert.NoFileExists(t, filepath.Join(out, WasmName+".br"))
	assert.NoFileExists(t, filepath.Join(out, WasmName+".gz"))
	for _, name := range PageFiles {
		assert.FileExists(t, filepath.Join(out, name))
	}
}

func TestPackRefuses(t *testing.T) {
	root := newRoot(t)
	dir := t.TempDir()
	notWasm := filepath.Join(dir, "app")
	require.NoError(t, os.WriteFile(notWasm, []byte("\x7fELF a linux binary"), 0o755))

	tests := []struct {
		name    string
		opts    Options
		wantErr string
	}{
		{"not wasm", Options{Root: root, Wasm: notWasm, Out: filepath.Join(dir, "a")}, "not a WebAssembly module"},
		{"no wasm", Options{Root: root, Wasm: filepath.Join(dir, "missing.wasm"), Out: filepath.Join(dir, "b")}, "missing.wasm"},
		{"no page", Options{Root: dir, Wasm: notWasm, Out: filepath.Join(dir, "c")}, "index.html"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Pack(tt.opts)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.wantErr)
		})
	}
}

func TestPruneCache(t *testing.T) {
	root := newRoot(t)
	cache := t.TempDir()
	out := t.TempDir()
	// Four different modules: the cache keeps the newest cacheKeep files.
	for i := range 4 {
		src := filepath.Join(t.TempDir(), "app.wasm")
		require.NoError(t, os.WriteFile(src, append(fakeWasm(), byte(i)), 0o644))
		_, err := Pack(Options{Root: root, Wasm: src, Out: out, CacheDir: cache})
		require.NoError(t, err)
	}
	entries, err := os.ReadDir(cache)
	require.NoError(t, err)
	assert.Len(t, entries, cacheKeep)
}
