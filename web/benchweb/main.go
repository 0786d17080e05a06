// Command benchweb measures the browser build (make bench-web): it builds
// the app and a minimal Ebitengine program that draws one line with
// text/v2, packs both as for a static host (gzip and brotli), and reports
// the .wasm sizes and their ratio, the time from navigation to the first
// drawn frame in headless Chromium, and the CPU the app uses over ten idle
// seconds on the quiz screen.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/performance"
	"github.com/chromedp/chromedp"

	"asyncwithlab/web"
)

func main() {
	runs := flag.Int("runs", 3, "page loads per program for the first-frame time (the median is reported)")
	idle := flag.Duration("idle", 10*time.Second, "how long to measure the idle app's CPU")
	flag.Parse()
	if err := run(*runs, *idle); err != nil {
		log.Fatal(err)
	}
}

type program struct {
	name, pkg, dir string
	sizes          web.Sizes
	firstFrame     time.Duration
	compiled       time.Duration // navigation to the .wasm downloaded and compiled
	mainStart      time.Duration // navigation to main's start
	url            string
}

func run(runs int, idle time.Duration) error {
	tmp, err := os.MkdirTemp("", "benchweb")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	cache, _ := os.UserCacheDir()
	progs := []*program{{name: "app", pkg: "."}, {name: "minimal", pkg: "./web/benchweb/minimal"}}
	for _, p := range progs {
		p.dir = filepath.Join(tmp, p.name)
		wasm := filepath.Join(tmp, p.name+".wasm")
		build := web.WasmBuild(".", p.pkg, wasm, "")
		if out, err := build.CombinedOutput(); err != nil {
			return fmt.Errorf("building %s: %v\n%s", p.name, err, out)
		}
		p.sizes, err = web.Pack(web.Options{Root: ".", Wasm: wasm, Out: p.dir, CacheDir: filepath.Join(cache, "asyncwithlab", "dist")})
		if err != nil {
			return err
		}
		url, stop, err := serve(p.dir)
		if err != nil {
			return err
		}
		defer stop()
		p.url = url
	}
	for _, p := range progs {
		var times, compiled, started []time.Duration
		for i := 0; i < runs; i++ {
			d, c, m, err := firstFrame(p.url + "?lang=en")
			if err != nil {
				return fmt.Errorf("%s: %w", p.name, err)
			}
			times, compiled, started = append(times, d), append(compiled, c), append(started, m)
		}
		median := func(ds []time.Duration) time.Duration { slices.Sort(ds); return ds[len(ds)/2] }
		p.firstFrame, p.compiled, p.mainStart = median(times), median(compiled), median(started)
	}
	cpu, err := idleCPU(progs[0].url+"?lang=en&seed=1", idle)
	if err != nil {
		return fmt.Errorf("idle CPU: %w", err)
	}
	app, min := progs[0], progs[1]
	fmt.Printf("%-8s %12s %12s %12s %12s\n", "", "raw", "gzip", "brotli", "first frame")
	for _, p := range progs {
		fmt.Printf("%-8s %12d %12d %12d %12s\n", p.name, p.sizes.Raw, p.sizes.Gzip, p.sizes.Brotli, p.firstFrame.Round(time.Millisecond))
	}
	fmt.Printf("%-8s %11.2fx %11.2fx %11.2fx %11.2fx\n", "ratio", ratio(app.sizes.Raw, min.sizes.Raw), ratio(app.sizes.Gzip, min.sizes.Gzip),
		ratio(app.sizes.Brotli, min.sizes.Brotli), float64(app.firstFrame)/float64(min.firstFrame))
	for _, p := range progs {
		fmt.Printf("%-8s navigation → .wasm downloaded and compiled %s → main (Go's runtime and package init) %s → first frame %s\n", p.name,
			p.compiled.Round(time.Millisecond), p.mainStart.Round(time.Millisecond), p.firstFrame.Round(time.Millisecond))
	}
	fmt.Printf("idle on the quiz screen: %.1f%% of one core (%s of main-thread work in %s)\n", 100*cpu.Seconds()/idle.Seconds(), cpu.Round(time.Millisecond), idle)
	return nil
}

func ratio(a, b int64) float64 { return float64(a) / float64(b) }

// serve serves dir on 127.0.0.1 until stop is called.
func serve(dir string) (string, func(), error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, err
	}
	srv := &http.Server{Handler: http.FileServer(http.Dir(dir)), ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(ln)
	return "http://" + ln.Addr().String() + "/", func() { srv.Close() }, nil
}

func browser(ctx context.Context, w, h int) (context.Context, context.CancelFunc) {
	dir, _ := os.MkdirTemp("", "benchweb-chrome")
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath("/usr/bin/chromium"), chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.Flag("use-angle", "swiftshader"), chromedp.Flag("enable-unsafe-swiftshader", true),
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.Flag("no-first-run", true),
		chromedp.UserDataDir(dir), chromedp.WindowSize(w, h))
	actx, cancelA := chromedp.NewExecAllocator(ctx, opts...)
	bctx, cancelB := chromedp.NewContext(actx)
	return bctx, func() { cancelB(); cancelA(); os.RemoveAll(dir) }
}

// firstFrame is the time from navigation to the first drawn frame (the
// page's performance.now() when the program reports its first frame),
// to the end of downloading and compiling the .wasm (the page's
// labCompiled) and to the start of main (labMainStart).
func firstFrame(url string) (frame, compiled, mainStart time.Duration, err error) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	bctx, stop := browser(ctx, 1024, 720)
	defer stop()
	if err := chromedp.Do(bctx, chromedp.Navigate(url)); err != nil {
		return 0, 0, 0, err
	}
	ms, err := chromedp.Run(bctx, chromedp.Poll[float64](`window.labFirstFrame`, chromedp.WithPollingTimeout(90*time.Second)))
	if err != nil {
		return 0, 0, 0, err
	}
	marks, err := chromedp.Run(bctx, chromedp.Evaluate[[]float64](`[window.labCompiled, window.labMainStart]`))
	if err != nil || len(marks) != 2 {
		return 0, 0, 0, fmt.Errorf("reading the page's marks: %v", err)
	}
	ms2d := func(ms float64) time.Duration { return time.Duration(ms * float64(time.Millisecond)) }
	return ms2d(ms), ms2d(marks[0]), ms2d(marks[1]), nil
}

// idleCPU opens the quiz and measures the main thread's busy time while
// nobody touches the page.
func idleCPU(url string, idle time.Duration) (time.Duration, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute+idle)
	defer cancel()
	bctx, stop := browser(ctx, 1024, 720)
	defer stop()
	if err := chromedp.Do(bctx, chromedp.Navigate(url)); err != nil {
		return 0, err
	}
	if _, err := chromedp.Run(bctx, chromedp.Poll[bool](`window.labFirstFrame !== undefined`, chromedp.WithPollingTimeout(90*time.Second))); err != nil {
		return 0, err
	}
	// Tab to "Take the quiz", Enter: the quiz screen.
	if err := chromedp.Do(bctx, chromedp.KeyEvent("\t"), chromedp.KeyEvent("\r"), chromedp.Sleep(2*time.Second)); err != nil {
		return 0, err
	}
	if _, err := chromedp.Call(bctx, performance.Enable, performance.EnableParams{}); err != nil {
		return 0, err
	}
	before, err := taskDuration(bctx)
	if err != nil {
		return 0, err
	}
	time.Sleep(idle)
	after, err := taskDuration(bctx)
	if err != nil {
		return 0, err
	}
	return after - before, nil
}

func taskDuration(ctx context.Context) (time.Duration, error) {
	res, err := chromedp.Call(ctx, performance.GetMetrics, cdp.Empty{})
	if err != nil {
		return 0, err
	}
	for _, m := range res.Metrics {
		if m.Name == "TaskDuration" {
			return time.Duration(m.Value * float64(time.Second)), nil
		}
	}
	return 0, errors.New("no TaskDuration metric")
}
