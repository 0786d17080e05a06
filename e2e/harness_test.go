//go:build !js && !wasip1

package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
)

// Timeouts. The first frame must come within firstFrameTimeout (the
// brief's limit); a screen must react to an input within reactTimeout.
const (
	firstFrameTimeout = 60 * time.Second
	reactTimeout      = 10 * time.Second
)

// viewport is the size of the browser's page in CSS pixels and its device
// scale factor.
type viewport struct {
	w, h  int64
	scale float64
	// mobile emulates a phone (meta viewport, overlay scrollbars).
	mobile bool
}

var (
	desktop = viewport{w: 1024, h: 720, scale: 1}
	phone   = viewport{w: 360, h: 640, scale: 2, mobile: true}
	// wide is a large monitor: a question and its example side by side.
	wide = viewport{w: 1440, h: 900, scale: 1}
	// fast is for the long runs. Under SwiftShader (software WebGL) each
	// redraw of the app costs 0.3-0.8 s, mostly rasterizing, and a whole
	// quiz is a few hundred redraws; half a device pixel per CSS pixel
	// (as on a page zoomed out to 50%) makes a redraw about twice as fast.
	// The app lays out in CSS pixels either way (labItems are the same).
	fast = viewport{w: 800, h: 600, scale: 0.5}
)

// labItem is one entry of window.labItems: a clickable item of the screen
// in CSS pixels, relative to the page's top-left corner.
type labItem struct {
	ID   string  `json:"id"`
	Text string  `json:"text"`
	X    float64 `json:"x"`
	Y    float64 `json:"y"`
	W    float64 `json:"w"`
	H    float64 `json:"h"`
	// Area is the part that scrolls on its own the item is in (a
	// panel's list), nil for the page.
	Area *struct{ X, Y, W, H float64 } `json:"area"`
}

func (it labItem) center() (float64, float64) { return it.X + it.W/2, it.Y + it.H/2 }

// browserApp is one headless Chromium (fresh profile, so fresh
// localStorage) with one tab that runs the lab.
type browserApp struct {
	t   *testing.T
	ctx context.Context // the tab, bounded by the test's deadline
	vp  viewport

	mu      sync.Mutex
	console []consoleLine

	started time.Time
	steps   []string // what the test did, logged when it fails
	stop    func()   // stops the browser
}

// step notes what the test does next; the notes are logged if it fails.
func (b *browserApp) step(format string, args ...any) {
	b.steps = append(b.steps, fmt.Sprintf("%7.2fs ", time.Since(b.started).Seconds())+fmt.Sprintf(format, args...))
}

type consoleLine struct {
	typ, text string
}

// newBrowser starts Chromium for the test; it is closed when the test ends.
// timeout bounds everything the test does in it.
func newBrowser(t *testing.T, vp viewport, timeout time.Duration) *browserApp {
	t.Helper()
	needBrowser(t)
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromePath),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("use-angle", "swiftshader"),
		chromedp.Flag("enable-unsafe-swiftshader", true),
		chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("lang", "en-US"),
		chromedp.WindowSize(int(vp.w), int(vp.h)),
	)

	// A fresh user data dir: the allocator makes a temporary one and
	// removes it when the browser stops.
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	bctx, cancelBrowser := chromedp.NewContext(actx)
	// Start the browser with no deadline (its life is bound to this first
	// call's context), then bound the test's work.
	if err := chromedp.Do(bctx); err != nil {
		cancelBrowser()
		cancelAlloc()
		t.Fatalf("starting %s: %v", chromePath, err)
	}
	if d, ok := t.Deadline(); ok {
		timeout = min(timeout, time.Until(d)-5*time.Second)
	}
	ctx, cancelTimeout := context.WithTimeout(bctx, timeout)
	b := &browserApp{t: t, ctx: ctx, vp: vp, started: time.Now()}
	b.stop = func() {
		cancelTimeout()
		cancelBrowser()
		cancelAlloc()
	}
	t.Cleanup(func() {
		if t.Failed() && len(b.steps) > 0 {
			t.Logf("the last steps:\n%s", strings.Join(b.steps[max(0, len(b.steps)-15):], "\n"))
		}
		b.stop()
	})
	// Console messages, uncaught exceptions and browser log entries.
	msgs := chromedp.Console(ctx)
	go func() {
		for m, err := range msgs {
			if err != nil {
				return
			}
			b.mu.Lock()
			b.console = append(b.console, consoleLine{string(m.Type), m.Text})
			b.mu.Unlock()
		}
	}()
	b.setViewport(vp)
	return b
}

// close stops the browser before the test ends (a teacher's visit that
// is over), so that it holds no memory while the next one runs.
func (b *browserApp) close() { b.stop() }

// setViewport emulates the viewport. The app (Ebitengine) reads the
// device pixel ratio once, when it starts: a new ratio takes effect at the
// next page load.
func (b *browserApp) setViewport(vp viewport) {
	b.t.Helper()
	_, err := chromedp.Call(b.ctx, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{
		Width: vp.w, Height: vp.h, DeviceScaleFactor: vp.scale, Mobile: vp.mobile,
	})
	b.must(err, "setting the viewport")
	b.vp = vp
}

// must fails the test at once when err is set.
func (b *browserApp) must(err error, what string, args ...any) {
	b.t.Helper()
	if err != nil {
		b.t.Fatalf("%s: %v\nscreen text:\n%s", fmt.Sprintf(what, args...), err, b.ariaNoFail())
	}
}

// pageURL is the page's address with a query string ("lang=en&seed=7").
func pageURL(query string) string {
	if query == "" {
		return serverURL + "/"
	}
	return serverURL + "/?" + query
}

// open loads the page and waits for the app's first frame; it returns how
// long that took (window.labFirstFrame, ms since navigation start).
func (b *browserApp) open(query string) time.Duration {
	b.t.Helper()
	b.must(chromedp.Do(b.ctx, chromedp.Navigate(pageURL(query))), "opening %s", pageURL(query))
	return b.waitFirstFrame()
}

// reload reloads the page and waits for the first frame again.
func (b *browserApp) reload() time.Duration {
	b.t.Helper()
	b.must(chromedp.Do(b.ctx, chromedp.Reload()), "reloading")
	return b.waitFirstFrame()
}

func (b *browserApp) waitFirstFrame() time.Duration {
	b.t.Helper()
	var ms float64
	var err error
	for range 3 {
		ms, err = chromedp.Run(b.ctx, chromedp.Poll[float64](`window.labFirstFrame`,
			chromedp.WithPollingTimeout(firstFrameTimeout), chromedp.WithPollingInterval(100*time.Millisecond)))
		// A poll that starts while the new document replaces the old one
		// loses its execution context; it is asked again in the new one.
		if err == nil || !strings.Contains(err.Error(), "Cannot find context") {
			break
		}
	}
	if err != nil {
		failed, _ := chromedp.Run(b.ctx, chromedp.Evaluate[string](`document.getElementById('lab-error-text').textContent`))
		b.t.Fatalf("no first frame within %s: %v\nloading screen says: %q\nconsole:\n%s", firstFrameTimeout, err, failed, b.consoleText())
	}
	return time.Duration(ms * float64(time.Millisecond))
}

// aria is the screen's text as the app mirrors it into #lab-aria.
func (b *browserApp) aria() string {
	b.t.Helper()
	s, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](`document.getElementById('lab-aria').textContent`))
	if err != nil {
		b.t.Fatalf("reading #lab-aria: %v", err)
	}
	return s
}

func (b *browserApp) ariaNoFail() string {
	ctx, cancel := context.WithTimeout(b.ctx, 2*time.Second)
	defer cancel()
	s, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.getElementById('lab-aria').textContent`))
	if err != nil {
		return "(unreadable: " + err.Error() + ")"
	}
	return s
}

// waitAria waits until the screen's text satisfies ok, and returns it.
func (b *browserApp) waitAria(what string, ok func(string) bool) string {
	b.t.Helper()
	deadline := time.Now().Add(reactTimeout)
	for {
		s := b.aria()
		if ok(s) {
			return s
		}
		if time.Now().After(deadline) || b.ctx.Err() != nil {
			b.t.Fatalf("waited %s for the screen to show %s; it shows:\n%s", reactTimeout, what, s)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// waitText waits until the screen's text contains every one of want.
func (b *browserApp) waitText(want ...string) string {
	b.t.Helper()
	return b.waitAria(fmt.Sprintf("%q", want), func(s string) bool {
		for _, w := range want {
			if !strings.Contains(s, w) {
				return false
			}
		}
		return true
	})
}

// waitChange waits until the screen's text differs from before.
func (b *browserApp) waitChange(before string) string {
	b.t.Helper()
	return b.waitAria("a change", func(s string) bool { return s != before })
}

// items reads window.labItems.
func (b *browserApp) items() []labItem {
	b.t.Helper()
	s, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](`window.labItems || "[]"`))
	b.must(err, "reading window.labItems")
	var out []labItem
	if err := json.Unmarshal([]byte(s), &out); err != nil {
		b.t.Fatalf("window.labItems is not the expected JSON: %v\n%s", err, s)
	}
	return out
}

// item returns the clickable item with that id; the test fails without it.
func (b *browserApp) item(id string) labItem {
	b.t.Helper()
	its := b.items()
	for _, it := range its {
		if it.ID == id {
			return it
		}
	}
	b.t.Fatalf("no item %q on screen; items: %v\nscreen text:\n%s", id, itemIDs(its), b.aria())
	return labItem{}
}

func itemIDs(its []labItem) []string {
	var ids []string
	for _, it := range its {
		ids = append(ids, it.ID)
	}
	return ids
}

// frames waits for n animation frames of the page and, once the app
// runs, for n of its updates (window.labTick): the app's game loop runs
// in requestAnimationFrame but may run no update in a frame, so only the
// tick count says that an input sent before has been seen.
func (b *browserApp) frames(n int) {
	b.t.Helper()
	_, err := chromedp.Run(b.ctx, chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`new Promise(r => {
		const tick = () => (typeof window.labTick === "function" ? window.labTick() : Infinity);
		const start = tick(); let n = %d;
		const f = () => (--n <= 0 && !(tick() - start < %d) ? r() : requestAnimationFrame(f));
		requestAnimationFrame(f);
	})`, n, n),
		chromedp.EvalAwaitPromise))
	b.must(err, "waiting for %d frames", n)
}

// key is a key of the keyboard as Input.dispatchKeyEvent wants it.
type key struct {
	key, code string
	vk        int64
	text      string
	location  int64
}

var (
	keyEnter  = key{key: "Enter", code: "Enter", vk: 13, text: "\r"}
	keyTab    = key{key: "Tab", code: "Tab", vk: 9}
	keyUp     = key{key: "ArrowUp", code: "ArrowUp", vk: 38}
	keyDown   = key{key: "ArrowDown", code: "ArrowDown", vk: 40}
	keyEscape = key{key: "Escape", code: "Escape", vk: 27}
	keyEnd    = key{key: "End", code: "End", vk: 35}
	keyHome   = key{key: "Home", code: "Home", vk: 36}
	keyShift  = key{key: "Shift", code: "ShiftLeft", vk: 16, location: 1}
	keySpace  = key{key: " ", code: "Space", vk: 32, text: " "}
	modShift  = int64(chromedp.ModifierShift)
	modNone   = int64(0)
)

// keyDownFrames is how many frames a key stays down: the app's focus keys
// act on the first tick a key is down (a press and release within one
// tick is seen as a press of no duration), and a key held for 30 ticks
// repeats.
const keyDownFrames = 2

// digit is the key of the digit n (1-9) on the main row.
func digit(n int) key {
	s := fmt.Sprint(n)
	return key{key: s, code: "Digit" + s, vk: int64('0' + n), text: s}
}

func (b *browserApp) sendKey(k key, typ input.DispatchKeyEventType, mods int64) {
	b.t.Helper()
	p := input.DispatchKeyEventParams{Type: typ, Key: k.key, Code: k.code,
		WindowsVirtualKeyCode: k.vk, NativeVirtualKeyCode: k.vk, Modifiers: mods, Location: k.location}
	if typ == input.DispatchKeyEventTypeKeyDown {
		p.Text, p.UnmodifiedText = k.text, k.text
	}
	_, err := chromedp.Call(b.ctx, input.DispatchKeyEvent, p)
	b.must(err, "sending %s %s", typ, k.key)
}

// press presses and releases a key; the key stays down for a few frames
// and a frame passes after it, as with a person's keyboard.
func (b *browserApp) press(k key) {
	b.t.Helper()
	b.pressMod(k, modNone)
}

func (b *browserApp) pressMod(k key, mods int64) {
	b.t.Helper()
	down := input.DispatchKeyEventTypeRawKeyDown
	if k.text != "" {
		down = input.DispatchKeyEventTypeKeyDown
	}
	b.sendKey(k, down, mods)
	b.frames(keyDownFrames)
	b.sendKey(k, input.DispatchKeyEventTypeKeyUp, mods)
	b.frames(1)
}

// shiftPress presses k with Shift held (Shift goes down first).
func (b *browserApp) shiftPress(k key) {
	b.t.Helper()
	b.sendKey(keyShift, input.DispatchKeyEventTypeRawKeyDown, modShift)
	b.frames(1)
	b.pressMod(k, modShift)
	b.sendKey(keyShift, input.DispatchKeyEventTypeKeyUp, modNone)
	b.frames(1)
}

// mouse sends one mouse event at x, y (CSS pixels of the viewport).
func (b *browserApp) mouse(typ input.DispatchMouseEventType, x, y float64, buttons int64) {
	b.t.Helper()
	p := input.DispatchMouseEventParams{Type: typ, X: x, Y: y, Buttons: buttons}
	switch typ {
	case input.DispatchMouseEventTypeMousePressed, input.DispatchMouseEventTypeMouseReleased:
		p.Button, p.ClickCount = input.MouseButtonLeft, 1
	}
	_, err := chromedp.Call(b.ctx, input.DispatchMouseEvent, p)
	b.must(err, "sending %s at %.0f,%.0f", typ, x, y)
}

// click moves the mouse to x, y and clicks there.
func (b *browserApp) click(x, y float64) {
	b.t.Helper()
	b.mouse(input.DispatchMouseEventTypeMouseMoved, x, y, 0)
	b.frames(1)
	b.mouse(input.DispatchMouseEventTypeMousePressed, x, y, 1)
	b.frames(2)
	b.mouse(input.DispatchMouseEventTypeMouseReleased, x, y, 0)
	b.frames(1)
}

// drag presses at (x0, y0), moves to (x1, y1) in steps and releases.
func (b *browserApp) drag(x0, y0, x1, y1 float64, steps int) {
	b.t.Helper()
	b.mouse(input.DispatchMouseEventTypeMouseMoved, x0, y0, 0)
	b.frames(1)
	b.mouse(input.DispatchMouseEventTypeMousePressed, x0, y0, 1)
	b.frames(2)
	for i := 1; i <= steps; i++ {
		f := float64(i) / float64(steps)
		b.mouse(input.DispatchMouseEventTypeMouseMoved, x0+(x1-x0)*f, y0+(y1-y0)*f, 1)
		b.frames(1)
	}
	b.frames(1)
	b.mouse(input.DispatchMouseEventTypeMouseReleased, x1, y1, 0)
	b.frames(2)
}

// wheel turns the mouse wheel at the centre of the page by dy CSS pixels
// (positive: down).
func (b *browserApp) wheel(dy float64) {
	b.t.Helper()
	b.wheelAt(float64(b.vp.w)/2, float64(b.vp.h)/2, dy)
}

// wheelAt turns the wheel with the pointer at x, y.
func (b *browserApp) wheelAt(x, y, dy float64) {
	b.t.Helper()
	// The pointer goes there first, as a hand's does: the app scrolls
	// what is under the pointer, which it knows from mouse moves.
	b.mouse(input.DispatchMouseEventTypeMouseMoved, x, y, 0)
	b.frames(1)
	p := wheelParams{Type: input.DispatchMouseEventTypeMouseWheel, X: x, Y: y, DeltaY: dy}
	_, err := chromedp.Call(b.ctx, dispatchWheel, p)
	b.must(err, "turning the wheel")
	b.frames(2)
}

// wheelParams are Input.dispatchMouseEvent's parameters for a wheel event.
// The browser wants both deltas, and input.DispatchMouseEventParams drops
// a zero deltaX (omitzero), so this sends its own.
type wheelParams struct {
	Type   input.DispatchMouseEventType `json:"type"`
	X      float64                      `json:"x"`
	Y      float64                      `json:"y"`
	DeltaX float64                      `json:"deltaX"`
	DeltaY float64                      `json:"deltaY"`
}

var dispatchWheel = cdp.Command[wheelParams, cdp.Empty]{Method: input.CommandDispatchMouseEvent}

// wheelPerPixel converts CSS pixels to a wheel delta: the app scrolls 48
// CSS pixels per unit of Ebitengine's wheel, which is the event's deltaY.
const wheelPerPixel = 1.0 / 48

// visible reports whether the item is wholly inside the viewport.
func (b *browserApp) visible(it labItem) bool {
	if a := it.Area; a != nil {
		return it.Y >= a.Y && it.Y+it.H <= a.Y+a.H
	}
	return it.Y >= 0 && it.Y+it.H <= float64(b.vp.h) && it.X >= 0 && it.X+it.W <= float64(b.vp.w)
}

// reveal scrolls with the mouse wheel until the item is wholly on screen
// (or, when it is taller than the page, until its top is), and returns it.
func (b *browserApp) reveal(id string) labItem {
	b.t.Helper()
	for range 20 {
		it := b.item(id)
		if b.visible(it) || (it.H > float64(b.vp.h) && math.Abs(it.Y) < 1) {
			return it
		}
		// Bring its centre to the middle of the page, or of its area,
		// with the pointer over its column (beside the simulator, the
		// question scrolls only under the pointer).
		cx, cy := it.center()
		wx, wy := min(max(cx, 1), float64(b.vp.w)-1), float64(b.vp.h)/2
		if a := it.Area; a != nil {
			wx, wy = a.X+a.W/2, a.Y+a.H/2
		}
		want := cy - wy
		b.step("wheel %.0fpx to reveal %s at y=%.0f", want, id, it.Y)
		b.wheelAt(wx, wy, want*wheelPerPixel)
		after := b.item(id)
		if after.Y == it.Y {
			b.t.Fatalf("item %q at y=%.0f..%.0f is not on the %dpx page and the wheel does not move it", id, it.Y, it.Y+it.H, b.vp.h)
		}
	}
	b.t.Fatalf("item %q could not be scrolled into view", id)
	return labItem{}
}

// clickItem scrolls the item into view and clicks its centre.
func (b *browserApp) clickItem(id string) {
	b.t.Helper()
	it := b.reveal(id)
	x, y := it.center()
	b.step("click %s at %.0f,%.0f", id, x, y)
	b.click(x, y)
}

// screenshot writes the page as SCREENSHOT_DIR/name.png and returns it.
func (b *browserApp) screenshot(name string) image.Image {
	b.t.Helper()
	data, err := chromedp.Run(b.ctx, chromedp.CaptureScreenshot())
	b.must(err, "taking screenshot %s", name)
	path := filepath.Join(screenshotDir(b.t), name+".png")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		b.t.Fatalf("writing %s: %v", path, err)
	}
	b.t.Logf("screenshot: %s", path)
	img, err := png.Decode(bytes.NewReader(data))
	b.must(err, "decoding screenshot %s", name)
	return img
}

// panelContrast finds the largest coloured panel of img below the row top
// (the most common colour that is not the page's, the page's being the
// bottom-left pixel's) and returns the WCAG contrast ratio between its
// fill and the pixel inside it that stands out most: its text.
func panelContrast(img image.Image, top int) (ratio float64, fill, ink color.RGBA) {
	r := img.Bounds()
	page := rgba(img.At(r.Min.X+1, r.Max.Y-2))
	count := map[color.RGBA]int{}
	for y := max(top, r.Min.Y); y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if c := rgba(img.At(x, y)); c != page {
				count[c]++
			}
		}
	}
	for c, n := range count {
		if n > count[fill] {
			fill = c
		}
	}
	box := image.Rectangle{Min: r.Max, Max: r.Min}
	for y := max(top, r.Min.Y); y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if rgba(img.At(x, y)) == fill {
				box = box.Union(image.Rect(x, y, x+1, y+1))
			}
		}
	}
	box = box.Inset(6) // not the border
	ratio = 1
	for y := box.Min.Y; y < box.Max.Y; y++ {
		for x := box.Min.X; x < box.Max.X; x++ {
			c := rgba(img.At(x, y))
			if cr := contrast(c, fill); cr > ratio {
				ratio, ink = cr, c
			}
		}
	}
	return ratio, fill, ink
}

func rgba(c color.Color) color.RGBA {
	r, g, b, a := c.RGBA()
	return color.RGBA{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8), uint8(a >> 8)}
}

// contrast is the WCAG 2 contrast ratio of two colours.
func contrast(a, b color.RGBA) float64 {
	lum := func(c color.RGBA) float64 {
		ch := func(v uint8) float64 {
			s := float64(v) / 255
			if s <= 0.03928 {
				return s / 12.92
			}
			return math.Pow((s+0.055)/1.055, 2.4)
		}
		return 0.2126*ch(c.R) + 0.7152*ch(c.G) + 0.0722*ch(c.B)
	}
	la, lb := lum(a), lum(b)
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}

var (
	shotDirOnce sync.Once
	shotDir     string
	shotDirErr  error
)

// screenshotDir is SCREENSHOT_DIR, or a temporary directory of the test.
func screenshotDir(t *testing.T) string {
	t.Helper()
	if d := os.Getenv("SCREENSHOT_DIR"); d != "" {
		shotDirOnce.Do(func() { shotDirErr = os.MkdirAll(d, 0o755); shotDir = d })
		if shotDirErr != nil {
			t.Fatalf("SCREENSHOT_DIR: %v", shotDirErr)
		}
		return shotDir
	}
	return t.TempDir()
}

// Console messages that are not the app's fault.
var ignoredConsole = []*regexp.Regexp{
	// SwiftShader's performance note: the browser reads the WebGL canvas
	// back to composite the page (the app itself never calls readPixels).
	regexp.MustCompile(`GL Driver Message .*GPU stall due to ReadPixels`),
	regexp.MustCompile(`(?i)favicon\.ico.*404|404.*favicon`),
}

// consoleProblems lists the errors and exceptions the page reported, except
// the known harmless ones and those matching allow.
func (b *browserApp) consoleProblems(allow ...*regexp.Regexp) []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	var out []string
next:
	for _, m := range b.console {
		bad := m.typ == string(chromedp.ConsoleError) || m.typ == string(chromedp.ConsoleException) ||
			// Go writes a panic to the console with console.log.
			strings.HasPrefix(m.text, "panic:") || strings.HasPrefix(m.text, "fatal error:")
		if !bad {
			continue
		}
		for _, re := range slices.Concat(ignoredConsole, allow) {
			if re.MatchString(m.text) {
				continue next
			}
		}
		out = append(out, m.typ+": "+m.text)
	}
	return out
}

func (b *browserApp) consoleText() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	var lines []string
	for _, m := range b.console {
		lines = append(lines, m.typ+": "+m.text)
	}
	return strings.Join(lines, "\n")
}

// evaluate runs JavaScript and decodes its value.
func evaluate[T any](b *browserApp, expr string) T {
	b.t.Helper()
	v, err := chromedp.Run(b.ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil && !errors.Is(err, chromedp.ErrJSUndefined) {
		b.t.Fatalf("evaluating %s: %v", expr, err)
	}
	return v
}
