//go:build !js && !wasip1

package e2e

import (
	"asyncwithlab/web"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// The suite's shared state, set up once by TestMain.
var (
	// siteDir is the packed site the tests serve.
	siteDir string
	// chromePath is the browser to start; empty when there is none.
	chromePath string
	// skipReason, when set, is why every test skips (no browser, not on CI).
	skipReason string
	// setupErr, when set, makes every test fail (the .wasm did not build...).
	setupErr error
	// serverURL is the test server's address, e.g. http://127.0.0.1:40123.
	serverURL string
	// repoRoot is the module's root directory (the parent of e2e/).
	repoRoot string
)

// Fixture quiz files served under /fixtures/ besides the app.
var fixtures = map[string]string{
	// Two questions, no shuffling: the Spanish results screen is two
	// answers away.
	"short.md": `---
shuffleAnswers: false
---

# ¿Qué método se espera al entrar en un async with?

1. [x] __aenter__
2. [ ] __enter__

# ¿Qué método se espera al salir?

1. [ ] __exit__
2. [x] __aexit__
`,
	// A single-choice question (an ordered task list) with two keys; the
	// parser reports the list's line, 12.
	"broken.md": `---
shuffleAnswers: false
---

# A fine question

1. [x] right
2. [ ] wrong

# Which one is right?

1. [x] this one
2. [x] and this one
3. [ ] not this one
`,
	// A bullet list without checkboxes, and a multiple-choice question
	// without a correct answer.
	"two-errors.md": `# First

- one
- two

# Second

- [ ] no
- [ ] nope
`,
}

func TestMain(m *testing.M) {
	code := func() int {
		dir, err := os.MkdirTemp("", "asyncwithlab-e2e-")
		if err != nil {
			fmt.Fprintln(os.Stderr, "e2e:", err)
			return 1
		}
		defer os.RemoveAll(dir)
		siteDir = dir
		run, err := setup(dir)
		setupErr = err
		if !run || err != nil {
			return m.Run() // every test skips or fails at once
		}
		srv := httptest.NewServer(handler(dir))
		defer srv.Close()
		serverURL = srv.URL
		return m.Run()
	}()
	os.Exit(code)
}

// setup finds the browser, builds app.wasm into dir and writes the page
// and the fixtures next to it. It reports whether the tests can run.
func setup(dir string) (bool, error) {
	root, err := filepath.Abs("..")
	if err != nil {
		return false, err
	}
	repoRoot = root
	chromePath = findChrome()
	if chromePath == "" {
		if os.Getenv("CI") == "" {
			skipReason = "no Chromium found (set CHROME_PATH); the browser tests run on CI"
			return false, nil
		}
		return false, fmt.Errorf("no Chromium found (CHROME_PATH=%q; /usr/bin/chromium, chromium or google-chrome in PATH); on CI (CI=%q) the browser tests must run", os.Getenv("CHROME_PATH"), os.Getenv("CI"))
	}
	goBin, err := exec.LookPath("go")
	if err != nil {
		return false, fmt.Errorf("the go command is needed to build app.wasm: %w", err)
	}
	start := time.Now()
	cmd := web.WasmBuild(root, ".", filepath.Join(dir, "app.wasm"), "")
	cmd.Path = goBin
	if out, err := cmd.CombinedOutput(); err != nil {
		return false, fmt.Errorf("building app.wasm: %v\n%s", err, out)
	}
	fmt.Fprintf(os.Stderr, "e2e: built app.wasm in %s\n", time.Since(start).Round(100*time.Millisecond))
	// The page, the loader, the manifest, the icons and the service
	// worker, as make serve writes them.
	if _, err := web.Pack(web.Options{Root: root, Wasm: filepath.Join(dir, web.WasmName), Out: dir, Quick: true, Version: "e2e"}); err != nil {
		return false, err
	}
	if err := os.MkdirAll(filepath.Join(dir, "fixtures"), 0o755); err != nil {
		return false, err
	}
	for name, text := range fixtures {
		if err := os.WriteFile(filepath.Join(dir, "fixtures", name), []byte(text), 0o644); err != nil {
			return false, err
		}
	}
	return true, nil
}

// findChrome returns the browser's path, or "": CHROME_PATH when it is
// set (and only it), else /usr/bin/chromium, else the first of the usual
// names in PATH.
func findChrome() string {
	if p, ok := os.LookupEnv("CHROME_PATH"); ok {
		if _, err := os.Stat(p); err != nil {
			return ""
		}
		return p
	}
	if _, err := os.Stat("/usr/bin/chromium"); err == nil {
		return "/usr/bin/chromium"
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "headless-shell"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// handler serves dir as a static site: .wasm as application/wasm, nothing
// cached (each test's browser is fresh anyway).
func handler(dir string) http.Handler {
	files := http.FileServer(http.Dir(dir))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case strings.HasSuffix(r.URL.Path, ".wasm"):
			w.Header().Set("Content-Type", "application/wasm")
		case strings.HasSuffix(r.URL.Path, ".md"):
			w.Header().Set("Content-Type", "text/markdown; charset=utf-8")
		}
		w.Header().Set("Cache-Control", "no-store")
		files.ServeHTTP(w, r)
	})
}

// needBrowser skips or fails the test when the suite cannot run.
func needBrowser(t *testing.T) {
	t.Helper()
	if setupErr != nil {
		t.Fatalf("e2e setup failed: %v", setupErr)
	}
	if skipReason != "" {
		t.Skip(skipReason)
	}
}
