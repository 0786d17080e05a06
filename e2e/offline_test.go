//go:build !js && !wasip1

package e2e

import (
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"asyncwithlab/i18n"
	"asyncwithlab/web"
)

// subPathSite serves a packed site under /lab/ on a fixed local address,
// and can be stopped and started again on it (the same origin: the
// service worker and the saved progress belong to it).
type subPathSite struct {
	t    *testing.T
	addr string
	srv  *http.Server
}

func (s *subPathSite) start(dir string) {
	s.t.Helper()
	ln, err := net.Listen("tcp", s.addr)
	require.NoError(s.t, err)
	s.addr = ln.Addr().String()
	mux := http.NewServeMux()
	mux.Handle("/lab/", http.StripPrefix("/lab", handler(dir)))
	s.srv = &http.Server{Handler: mux}
	go s.srv.Serve(ln)
	s.t.Cleanup(func() { s.srv.Close() })
}

func (s *subPathSite) stop() { s.srv.Close() }

func (s *subPathSite) url() string { return "http://" + s.addr + "/lab/" }

// navigate opens an address and waits for the app's first frame.
func (b *browserApp) navigate(url string) {
	b.t.Helper()
	b.must(chromedp.Do(b.ctx, chromedp.Navigate(url)), "opening %s", url)
	b.waitFirstFrame()
}

// waitJS waits until expr is true in the page.
func (b *browserApp) waitJS(expr, what string) {
	b.t.Helper()
	deadline := time.Now().Add(reactTimeout * 3)
	for time.Now().Before(deadline) {
		v, err := chromedp.Run(b.ctx, chromedp.Evaluate[bool](expr))
		if err == nil && v {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	b.t.Fatalf("waited %s for %s (%s)\nscreen text:\n%s", reactTimeout*3, what, expr, b.ariaNoFail())
}

// packSite packs the e2e build of the app as version v into a new
// directory.
func packSite(t *testing.T, v string) string {
	out := t.TempDir()
	wasm := filepath.Join(out, web.WasmName)
	data, err := os.ReadFile(filepath.Join(siteDir, web.WasmName))
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(wasm, data, 0o644))
	_, err = web.Pack(web.Options{Root: repoRoot, Wasm: wasm, Out: out, Quick: true, Version: v})
	require.NoError(t, err)
	return out
}

// TestOfflineAndUpdate: the site served from a sub-path (/lab/) works
// offline after the first visit, keeping the learner's choice; a new
// version published later is fetched in the background, announced, and
// loaded when the learner asks.
func TestOfflineAndUpdate(t *testing.T) {
	needBrowser(t)
	site := &subPathSite{t: t, addr: "127.0.0.1:0"}
	site.start(packSite(t, "v-test-1"))
	b := newBrowser(t, desktop, 4*time.Minute)

	b.step("first visit, from /lab/")
	b.navigate(site.url())
	b.waitText("[Teacher: assign and grade homework]")
	b.clickItem("lang-pt")
	b.waitText("[Português] (escolhida)")
	b.waitJS("window.labOffline === true", "the service worker is ready")
	keys := evaluate[[]string](b, "caches.keys()")
	assert.Equal(t, []string{"awl-v-test-1"}, keys)
	assert.True(t, evaluate[bool](b, `navigator.serviceWorker.getRegistration().then(r => r.scope.endsWith("/lab/"))`), "the worker's scope is the sub-path")
	b.screenshot("offline-1-first")

	b.step("the server stops; reload")
	site.stop()
	// A navigation, as a learner's return: DevTools' reload skips the
	// service worker.
	b.navigate(site.url())
	b.waitText("[Português] (escolhida)")
	b.screenshot("offline-2-offline")
	// What the .wasm fetches instead of embedding (assets.Later) comes
	// from the worker's cache: the Portuguese question bank and messages,
	// and the monospaced font of the code panels.
	pt := i18n.Lang("pt")
	b.clickItem("quiz")
	b.waitText(strings.SplitN(pt.T("ui.questionOf", 1, 2), "1", 2)[0] + "1 ")
	b.screenshot("offline-2-quiz")
	b.navigate(site.url())
	b.clickItem("sim")
	_, rp := engineRun(t, "doc001-basic")
	b.waitText(rp.Caption(rp.Stops()[0], pt))
	b.screenshot("offline-2-sim")
	assert.NotContains(t, b.consoleText(), "using the regular font", "the monospaced font was read")
	b.navigate(site.url())
	b.waitText("[Português] (escolhida)")

	b.step("a new version is published; reload")
	site.start(packSite(t, "v-test-2"))
	b.navigate(site.url())
	b.waitJS("window.labUpdateReady === true", "the update notice")
	assert.Equal(t, "Uma nova versão está pronta.", evaluate[string](b, `document.getElementById("lab-update-text").textContent`))
	assert.True(t, evaluate[bool](b, `getComputedStyle(document.getElementById("lab-update")).display === "flex"`), "the notice is shown")
	b.screenshot("offline-3-update")
	assert.ElementsMatch(t, []string{"awl-v-test-1", "awl-v-test-2"}, evaluate[[]string](b, "caches.keys()"), "the old version still runs meanwhile")

	b.step("apply it")
	evaluate[bool](b, `document.getElementById("lab-update-apply").click(), true`)
	b.waitJS(`window.labFirstFrame > 0 && !window.labUpdateReady`, "the reloaded page")
	b.waitText("[Português] (escolhida)")
	b.waitJS(`window.labOffline === true`, "the new worker")
	assert.Equal(t, []string{"awl-v-test-2"}, evaluate[[]string](b, "caches.keys()"), "only the new version's cache is left")
	assert.True(t, evaluate[bool](b, `navigator.serviceWorker.controller !== null`), "the page runs under the new worker")
	assert.Empty(t, b.consoleProblems(), "console:\n%s", b.consoleText())
}
