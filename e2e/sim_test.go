//go:build !js && !wasip1

package e2e

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"asyncwithlab/i18n"
	"asyncwithlab/sim"
	"asyncwithlab/sim/edit"
	"asyncwithlab/sim/predict"
	"asyncwithlab/sim/replay"
	"asyncwithlab/sim/session"
)

// wideFast is a desktop-sized page at half a device pixel per CSS pixel:
// the simulator's wide layout, drawn about twice as fast under SwiftShader.
var wideFast = viewport{w: 1024, h: 720, scale: 0.5}

var (
	keyRight = key{key: "ArrowRight", code: "ArrowRight", vk: 39}
	keyLeft  = key{key: "ArrowLeft", code: "ArrowLeft", vk: 37}
)

// engineRun opens a preset in this process as the app does (sim/session):
// what the page shows must be exactly this run's events and captions.
func engineRun(t *testing.T, name string) (*sim.Scenario, *replay.Replay) {
	t.Helper()
	s, err := session.OpenPreset(name)
	require.NoError(t, err)
	require.NoError(t, s.Err)
	return s.Scenario, s.Replay
}

// eventLine is how the screen's text names event i of a run.
func eventLine(rp *replay.Replay, i int) string {
	ev := rp.Event(i)
	return fmt.Sprintf("Event %d of %d: %s task=%s manager=%s", i+1, rp.Len(), ev.Kind, ev.Task, ev.Manager)
}

var shownEvent = regexp.MustCompile(`Event (\d+) of \d+: `)

// shownIndex is the index of the event the screen shows (-1: none).
func shownIndex(aria string) int {
	m := shownEvent.FindStringSubmatch(aria)
	if m == nil {
		return -1
	}
	n, _ := strconv.Atoi(m[1])
	return n - 1
}

// waitEvent waits until the screen shows event i of the run, with the
// engine's caption for it.
func waitEvent(b *browserApp, rp *replay.Replay, i int) string {
	b.t.Helper()
	return b.waitText(eventLine(rp, i)+"\n", rp.Caption(i, i18n.English))
}

// openLink opens the app at a share link's fragment. The page is left
// first, so that a new fragment loads the app anew.
func (b *browserApp) openLink(fragment string) {
	b.t.Helper()
	b.must(chromedp.Do(b.ctx, chromedp.Navigate("about:blank")), "leaving the page")
	b.must(chromedp.Do(b.ctx, chromedp.Navigate(serverURL+"/#"+fragment)), "opening #%s", fragment)
	b.waitFirstFrame()
}

// TestSimulator opens a document example by link, plays it, steps back
// and forth, injects an error in an __aenter__ and copies a link that
// opens the same view. Everything the page says is checked against the
// engine run here.
func TestSimulator(t *testing.T) {
	b := newBrowser(t, wideFast, 5*time.Minute)
	sc, rp := engineRun(t, "nested-exit-order")
	stops := rp.Stops()
	require.Greater(t, len(stops), 8)

	b.step("open the example by link")
	b.openLink("v1.p.nested-exit-order.0")
	waitEvent(b, rp, stops[0])
	b.frames(20)
	b.screenshot("sim-1-opened")

	b.step("step forward with → and back with the button")
	for k := 1; k <= 3; k++ {
		b.press(keyRight)
		waitEvent(b, rp, stops[k])
	}
	b.clickItem("back")
	waitEvent(b, rp, stops[2])
	b.clickItem("step")
	waitEvent(b, rp, stops[3])
	// Paused, the address is a link to the step shown.
	assert.Equal(t, "#v1.p.nested-exit-order."+strconv.Itoa(stops[3])+".py311", evaluate[string](b, `location.hash`))

	b.step("play, then pause with Space")
	b.clickItem("play")
	aria := b.waitAria("playback moving on", func(s string) bool { return shownIndex(s) >= stops[6] })
	b.screenshot("sim-2-playing")
	b.press(keySpace)
	paused := shownIndex(b.aria())
	assert.GreaterOrEqual(t, paused, shownIndex(aria))
	b.frames(40)
	assert.Equal(t, paused, shownIndex(b.aria()), "paused playback stays put")
	assert.Contains(t, stops, paused, "playback stops only at stops")

	b.step("End and Home")
	b.press(keyEnd)
	waitEvent(b, rp, stops[len(stops)-1])
	b.press(keyHome)
	waitEvent(b, rp, stops[0])

	b.step("inject a ValueError at the start of B.__aenter__")
	var point edit.Point
	for _, p := range edit.Points(sc) {
		if p.Label("en") == "start of B.__aenter__" {
			point = p
		}
	}
	require.NotEmpty(t, point.Owner, "the example has no point at the start of B.__aenter__")
	broken, err := edit.Inject(sc, point, edit.Fault{Kind: edit.FaultRaise, Type: "ValueError"})
	require.NoError(t, err)
	res2, err := sim.Run(broken)
	require.NoError(t, err)
	rp2 := replay.New(res2)
	b.clickItem("editor")
	b.waitText("Where: ")
	for range len(edit.Points(sc)) {
		if strings.Contains(b.aria(), "Where: start of B.__aenter__\n") {
			break
		}
		before := b.aria()
		b.clickItem("inject-where-next")
		b.waitChange(before)
	}
	b.waitText("Where: start of B.__aenter__\n", "What: "+edit.FaultRaise.Label("en")+"\n", "Exception: ValueError\n")
	b.clickItem("inject-apply")
	// The animation restarts where the run changed.
	d := replay.FirstDifference(rp.Result(), res2)
	require.Positive(t, d)
	restart := replay.NewCursor(rp2.Stops())
	restart.SeekEvent(d - 1)
	waitEvent(b, rp2, restart.Event())
	b.screenshot("sim-3-injected")

	b.step("step to B.__aenter__ raising: the caption names B, and A.__aexit__ receives it")
	raised, received := -1, -1
	for i := 0; i < rp2.Len(); i++ {
		ev := rp2.Event(i)
		if ev.Kind == sim.AenterRaised && ev.Manager == "B" && raised < 0 {
			raised = i
		}
		if ev.Kind == sim.AexitCalled && ev.Manager == "A" && raised >= 0 && received < 0 {
			received = i
			assert.Contains(t, ev.Args, "ValueError")
		}
	}
	require.Positive(t, raised)
	require.Positive(t, received)
	b.press(keyEscape) // close the editor; the keys go to playback
	for shownIndex(b.aria()) < raised {
		before := shownIndex(b.aria())
		b.press(keyRight)
		b.waitAria("a step", func(s string) bool { return shownIndex(s) > before })
	}
	screen := waitEvent(b, rp2, raised)
	assert.Contains(t, rp2.Caption(raised, i18n.English), "B.__aenter__")
	assert.Contains(t, screen, "B.__aenter__")
	for shownIndex(b.aria()) < received {
		before := shownIndex(b.aria())
		b.press(keyRight)
		b.waitAria("a step", func(s string) bool { return shownIndex(s) > before })
	}
	screen = waitEvent(b, rp2, received)
	assert.Contains(t, screen, "A.__aexit__")
	b.screenshot("sim-4-aexit-receives")

	b.step("copy the link and open it: the same scenario at the same event")
	b.clickItem("link")
	b.waitAria("the link copied", func(string) bool { return evaluate[string](b, `window.labCopied || ""`) != "" })
	copied := evaluate[string](b, `window.labCopied`)
	require.True(t, strings.HasPrefix(copied, serverURL+"/#v1.s."), "a link to a changed scenario carries it: %s", copied)
	b.must(chromedp.Do(b.ctx, chromedp.Navigate("about:blank")), "leaving the page")
	b.must(chromedp.Do(b.ctx, chromedp.Navigate(copied)), "opening the copied link")
	b.waitFirstFrame()
	waitEvent(b, rp2, received)
	b.screenshot("sim-5-link-reopened")

	b.step("21 lanes do not fit: the last ones are reachable")
	b.openLink("v1.p.stress-20x10.999999")
	b.waitText("Tasks 1–")
	b.clickItem("lanes-down")
	b.waitText("Tasks 2–")
	b.screenshot("sim-6-lanes-scrolled")
	require.Empty(t, b.consoleProblems(), "console:\n%s", b.consoleText())
}

// TestSimulatorBadLinks: a malformed or unknown link says what is wrong
// on the home screen, and the app goes on working.
func TestSimulatorBadLinks(t *testing.T) {
	b := newBrowser(t, wideFast, 2*time.Minute)
	tests := []struct{ fragment, want string }{
		{"v1.s.@@@.0", "This link could not be opened: share link:"},
		{"v9.p.doc001-basic.0", `version "v9"`},
		{"v1.p.no-such-example.0", `the example "no-such-example" does not exist`},
	}
	for _, tc := range tests {
		b.step("open %.40s", tc.fragment)
		b.openLink(tc.fragment)
		b.waitText(tc.want, "[Take the quiz]", "[Open the simulator]")
		assert.Equal(t, "", evaluate[string](b, `location.hash`), "the bad link is cleared from the address")
	}
	b.screenshot("sim-bad-link")
	b.clickItem("sim")
	_, rp := engineRun(t, "doc001-basic")
	waitEvent(b, rp, rp.Stops()[0])
	require.Empty(t, b.consoleProblems(), "console:\n%s", b.consoleText())
}

// TestSimulatorPredict: in predict mode playback stops before the events
// a challenge is about; the right answer is marked right and the score is
// saved with the quiz progress.
func TestSimulatorPredict(t *testing.T) {
	b := newBrowser(t, wideFast, 3*time.Minute)
	_, rp := engineRun(t, "aenter-fails")
	chs := predict.Find(rp.Result(), 1)
	require.NotEmpty(t, chs)
	ch := chs[0]
	b.openLink("v1.p.aenter-fails.0.predict")
	b.press(keySpace)
	b.waitText(ch.Prompt("en"))
	assert.LessOrEqual(t, shownIndex(b.aria()), ch.At-1, "playback waits before the challenge's events")
	b.screenshot("sim-predict-asked")
	switch ch.Kind {
	case predict.Aexit:
		b.clickItem("option-" + strconv.Itoa(ch.Answer.Option))
	case predict.Order:
		for _, id := range ch.Answer.Order {
			before := b.aria()
			b.clickItem("item-" + id)
			b.waitChange(before)
		}
	}
	b.clickItem("predict-check")
	b.waitText("Correct!")
	b.screenshot("sim-predict-marked")
	saved := evaluate[string](b, `localStorage.getItem("asyncwithlab.predict.scores") || ""`)
	scores, err := predict.DecodeScores(saved)
	require.NoError(t, err, "saved scores %q", saved)
	assert.Equal(t, 1, scores.Entries["aenter-fails"].Right)
	b.clickItem("predict-watch")
	b.waitAria("playback through the challenge", func(s string) bool { return shownIndex(s) >= ch.At })
	require.Empty(t, b.consoleProblems(), "console:\n%s", b.consoleText())
}

// TestSimulatorPanels opens each panel of the simulator at full
// resolution (the screenshots are for people to look at), builds a
// scenario in the editor and checks that a change re-runs it.
func TestSimulatorPanels(t *testing.T) {
	b := newBrowser(t, desktop, 4*time.Minute)
	_, rp := engineRun(t, "gather-interleave")
	b.openLink("v1.p.gather-interleave.30")
	at := replay.NewCursor(rp.Stops())
	at.SeekEvent(30)
	waitEvent(b, rp, at.Event())
	b.frames(20)
	b.screenshot("sim-panels-1-lanes")

	b.step("the examples, by topic")
	b.clickItem("presets")
	b.waitText("[Concurrency: gather, create_task, TaskGroup]", "Watch for: ")
	b.frames(5)
	b.screenshot("sim-panels-2-examples")

	b.step("the keys")
	b.clickItem("help")
	b.waitText("Space play/pause")
	b.frames(5)
	b.screenshot("sim-panels-3-keys")

	b.step("build your own: two tasks by default, then three")
	b.clickItem("editor")
	b.clickItem("tab-build")
	b.waitText("Tasks: 2\n", "task=")
	b.frames(5)
	b.screenshot("sim-panels-4-build")
	b.clickItem("tasks-next")
	b.waitText("Tasks: 3\n")
	design := edit.Default()
	design.SetTasks(3)
	sc, probs := design.Build()
	require.Empty(t, probs)
	res, err := sim.Run(sc)
	require.NoError(t, err)
	rp3 := replay.New(res)
	b.press(keyEscape)
	b.press(keyEnd)
	waitEvent(b, rp3, rp3.Stops()[len(rp3.Stops())-1])
	b.frames(5)
	b.screenshot("sim-panels-5-built")

	b.step("build your own: worker1's first manager becomes the shared semaphore, then it gets three places")
	b.clickItem("editor")
	toSemaphore := func() { // from a class, the kind the form starts with
		for _, k := range edit.ManagerKinds[1:] {
			b.clickItem("kind-next")
			b.waitText("Kind: " + k.Label(i18n.English) + "\n")
			if k == edit.KindSemaphore {
				return
			}
		}
	}
	toSemaphore()
	b.waitText("Places: 2\n")
	b.clickItem("places-next")
	b.waitText("Places: 3\n")
	b.frames(5)
	b.screenshot("sim-panels-6-semaphore")

	b.step("one place, and worker1 enters the semaphore a second time: the editor explains why it leaves that out")
	b.clickItem("places-prev")
	b.waitText("Places: 2\n")
	b.clickItem("places-prev")
	b.waitText("Places: 1\n")
	b.clickItem("manager-add")
	toSemaphore()
	b.waitText("the semaphore has only 1 place")
	b.frames(5)
	b.screenshot("sim-panels-7-semaphore-full")
	require.Empty(t, b.consoleProblems(), "console:\n%s", b.consoleText())
}

// openExampleAt opens the link to a built-in example at an event, in a
// language, and waits until the screen shows the engine's caption of that
// event (as sim/session computes it here).
func openExampleAt(b *browserApp, lang i18n.Lang, preset string, step int) {
	b.t.Helper()
	_, rp := engineRun(b.t, preset)
	link := fmt.Sprintf("%s/?lang=%s#v1.p.%s.%d", serverURL, lang, preset, step)
	b.must(chromedp.Do(b.ctx, chromedp.Navigate(link)), "opening %s", link)
	b.waitFirstFrame()
	c := replay.NewCursor(rp.Stops())
	c.SeekEvent(step)
	b.waitText(rp.Caption(c.Event(), lang))
}

// TestSimulatorPhone: on a phone the simulator stacks its parts, the code
// gets a view of its own, and Portuguese captions are the engine's.
func TestSimulatorPhone(t *testing.T) {
	b := newBrowser(t, phone, 3*time.Minute)
	openExampleAt(b, i18n.Lang("pt"), "aenter-fails", 20)
	b.frames(10)
	b.screenshot("sim-phone-lanes")
	b.clickItem("code")
	b.waitText("[Python]")
	b.frames(10)
	b.screenshot("sim-phone-code")

	// The examples panel's list is longer than a phone: it scrolls in the
	// panel, and its last example can be reached and opened.
	pt := i18n.Lang("pt")
	b.clickItem("presets")
	b.waitText("[× " + pt.T("ui.close") + "]")
	b.screenshot("sim-phone-examples")
	var lastID string
	for _, it := range b.items() {
		if strings.HasPrefix(it.ID, "preset-") {
			lastID = it.ID
		}
	}
	require.NotEmpty(t, lastID, "the panel lists examples")
	last := b.item(lastID)
	require.NotNil(t, last.Area, "the list scrolls inside the panel")
	require.Greater(t, last.Y+last.H, last.Area.Y+last.Area.H, "the last example starts out of view")
	b.reveal(lastID) // the harness wheels over the panel to reach it
	b.screenshot("sim-phone-examples-scrolled")
	b.clickItem(lastID)
	b.waitAria("the example opened, the panel closed", func(s string) bool { return !strings.Contains(s, "[× "+pt.T("ui.close")+"]") })

	// Predicting on a phone: the question under the code.
	b.openLink("v1.p.aenter-fails.0.predict")
	b.press(keySpace)
	b.waitText("[" + i18n.English.T("ui.skip") + "]")
	b.frames(10)
	b.screenshot("sim-phone-predict")
	require.Empty(t, b.consoleProblems(), "console:\n%s", b.consoleText())
}
