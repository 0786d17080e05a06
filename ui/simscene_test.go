package ui

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"asyncwithlab/sim"
	"asyncwithlab/sim/edit"
	"asyncwithlab/sim/predict"
	"asyncwithlab/sim/replay"
	"asyncwithlab/sim/session"
)

// The simulator screen's wiring: what Config opens, the notices, the
// panels and their buttons, and what reaches the platform (the address,
// the clipboard, storage, files). What the session does with a scenario
// is tested in sim/session.

// newSimGame is a game in English (unless cfg says otherwise) on plat,
// with a 1280×800 screen.
func newSimGame(t *testing.T, cfg Config, plat *memPlatform) *Game {
	t.Helper()
	if cfg.Lang == "" {
		cfg.Lang = "en"
	}
	g, err := newGame(cfg, plat)
	require.NoError(t, err)
	g.w, g.h = 1280, 800
	return g
}

func simOf(t *testing.T, g *Game) *simScene {
	t.Helper()
	s, ok := g.scene.(*simScene)
	require.True(t, ok, "the simulator is shown (notice: %q)", g.noticeText)
	return s
}

// buildPage builds the scene's page as Draw does.
func buildPage(g *Game) *page {
	p := newPage(g.th, g.language, g.w)
	g.scene.build(g, p)
	g.page = p
	return p
}

// click builds the page and runs the action of the item id, as a click
// on it does.
func click(t *testing.T, g *Game, id string) {
	t.Helper()
	p := buildPage(g)
	for _, it := range p.items {
		if it.id == id && it.action != nil {
			it.action()
			return
		}
	}
	t.Fatalf("no item %q on the page:\n%s", id, strings.Join(p.text, "\n"))
}

// pageText is the screen's text, as a screen reader gets it.
func pageText(g *Game) string { return strings.Join(buildPage(g).text, "\n") }

func TestOpenLink(t *testing.T) {
	tests := []struct {
		link   string
		preset string // "" when the link must fail
		step   int
		notice string
	}{
		{"v1.p.gather-interleave.30", "gather-interleave", 30, ""},
		{"https://host/lab/#v1.p.aenter-fails.0", "aenter-fails", 0, ""},
		{"v1.p.aenter-fails.999999", "aenter-fails", -1, ""}, // past the end: the last event
		{"v1.p.no-such.0", "", 0, `This link could not be opened: the example "no-such" does not exist`},
		{"v2.p.aenter-fails.0", "", 0, "This link could not be opened: share link:"},
		{"garbage", "", 0, "This link could not be opened"},
		{"v1.p." + strings.Repeat("a", 40000) + ".0", "", 0, "is too long (at most 32768)"},
	}
	for _, tc := range tests {
		t.Run(tc.link[:min(len(tc.link), 40)], func(t *testing.T) {
			plat := newMemPlatform()
			plat.fragment = "stale"
			g := newSimGame(t, Config{Link: tc.link}, plat)
			if tc.preset == "" {
				_, home := g.scene.(*homeScene)
				assert.True(t, home, "a bad link falls back to Home")
				assert.Contains(t, g.noticeText, tc.notice)
				assert.Contains(t, pageText(g), tc.notice, "Home shows the notice")
				assert.Empty(t, plat.fragment, "the bad link leaves the address")
				return
			}
			s := simOf(t, g)
			assert.Equal(t, tc.preset, s.ses.Name)
			want := tc.step
			if want < 0 {
				want = s.ses.Replay.Stops()[len(s.ses.Replay.Stops())-1]
			}
			c := replay.NewCursor(s.ses.Replay.Stops())
			c.SeekEvent(want)
			assert.Equal(t, c.Event(), s.shown, "the screen shows the link's event")
			assert.Equal(t, 1.0, s.anim, "at once, without a transition")
			link, err := s.ses.Link()
			require.NoError(t, err)
			assert.Equal(t, link, plat.fragment, "the address is a link to what is shown")
		})
	}
}

// TestUnknownExampleSpeaksTheLanguage: the notice of a link or a button
// that asks for a missing example is in the game's language.
func TestUnknownExampleSpeaksTheLanguage(t *testing.T) {
	g := newSimGame(t, Config{Lang: "pt", Link: "v1.p.no-such.0"}, newMemPlatform())
	assert.Equal(t, `Este link não pôde ser aberto: o exemplo "no-such" não existe nesta versão do app`, g.noticeText)
	err := g.openSimPreset("no-such")
	require.Error(t, err)
	assert.Equal(t, `o exemplo "no-such" não existe nesta versão do app`, err.Error())
	_, home := g.scene.(*homeScene)
	assert.True(t, home)
}

// TestOpenScenarioFile: -scenario opens a file, Save writes it back
// there; a broken file leaves a notice on Home that names it.
func TestOpenScenarioFile(t *testing.T) {
	ses, err := session.OpenPreset("suppress")
	require.NoError(t, err)
	data, err := ses.Encode()
	require.NoError(t, err)
	path := filepath.Join(t.TempDir(), "mine.json")
	require.NoError(t, os.WriteFile(path, data, 0o644))

	plat := newMemPlatform()
	g := newSimGame(t, Config{Scenario: path}, plat)
	s := simOf(t, g)
	assert.Equal(t, path, s.ses.File)
	click(t, g, "save")
	assert.Equal(t, data, plat.files[path], "saved back to its file")
	assert.Equal(t, "Saved to /saved/"+path, s.message)

	bad := filepath.Join(t.TempDir(), "bad.json")
	require.NoError(t, os.WriteFile(bad, []byte(`{"version": 1, "functions": [{"name": "main", "body": [{"sleep": -1}]}]}`), 0o644))
	g = newSimGame(t, Config{Scenario: bad}, newMemPlatform())
	_, home := g.scene.(*homeScene)
	assert.True(t, home)
	assert.Contains(t, g.noticeText, "The scenario could not be opened: "+bad+": ")
}

// TestOpenSimulator: Home's button shows the first example; a link can
// start it playing (the frame-time benchmark does).
func TestOpenSimulator(t *testing.T) {
	plat := newMemPlatform()
	g := newSimGame(t, Config{}, plat)
	click(t, g, "sim")
	s := simOf(t, g)
	assert.Equal(t, firstPreset, s.ses.Name)
	assert.Equal(t, "v1.p."+firstPreset+".0.py313", plat.fragment, "the newest Python until the learner chooses")
	assert.Contains(t, pageText(g), "Event 1 of ")

	g = newSimGame(t, Config{Link: "v1.p.aenter-fails.0", Autoplay: 2}, newMemPlatform())
	s = simOf(t, g)
	assert.True(t, s.ses.Cursor.Playing)
	assert.Equal(t, 2.0, s.ses.Cursor.Speed)
}

// TestPanels: the buttons open a panel and close it again; one panel at a
// time; Esc closes the panel, then goes Home and clears the address.
func TestPanels(t *testing.T) {
	plat := newMemPlatform()
	g := newSimGame(t, Config{Link: "v1.p.gather-interleave.30"}, plat)
	s := simOf(t, g)
	click(t, g, "presets")
	assert.Same(t, s.panels.examples, s.panel)
	assert.True(t, s.panel.wide(), "the examples take the wider area")
	assert.Equal(t, s.lay.wideSide, s.panelArea(s.panel))
	assert.Contains(t, pageText(g), "[Concurrency: gather, create_task, TaskGroup]")
	click(t, g, "topic-nesting")
	assert.Equal(t, "nesting", s.panels.examples.topic)
	click(t, g, "help")
	assert.Same(t, s.panels.help, s.panel, "another panel replaces it")
	assert.Contains(t, pageText(g), "Space play/pause")
	click(t, g, "help")
	assert.Nil(t, s.panel, "the same button closes it")
	click(t, g, "presets")
	assert.Equal(t, "nesting", s.panels.examples.topic, "the panel keeps its topic")
	click(t, g, "close")
	assert.Nil(t, s.panel)

	click(t, g, "editor")
	assert.Same(t, s.panels.editor, s.panel)
	assert.Contains(t, pageText(g), "[Break this example]")
	require.NotNil(t, s.ses.Editor, "the editor opens with its panel")
	s.back(g)
	assert.Nil(t, s.panel, "Esc closes the panel first")
	assert.Same(t, s, g.scene)
	s.back(g)
	_, home := g.scene.(*homeScene)
	assert.True(t, home, "then goes Home")
	assert.Empty(t, plat.fragment)
}

// TestPickExample: an example of the panel opens and plays; the panel
// closes and the address follows.
func TestPickExample(t *testing.T) {
	plat := newMemPlatform()
	g := newSimGame(t, Config{Link: "v1.p.gather-interleave.30"}, plat)
	s := simOf(t, g)
	click(t, g, "presets")
	click(t, g, "topic-doc001")
	click(t, g, "preset-"+firstPreset)
	assert.Nil(t, s.panel)
	assert.Equal(t, firstPreset, s.ses.Name)
	assert.True(t, s.ses.Cursor.Playing)
	assert.Equal(t, 0, s.shown)
	assert.Equal(t, "v1.p."+firstPreset+".0.py311", plat.fragment, "the version of the link it came from stays")
}

// TestEditorPanel: the editor's buttons inject an error (the screen goes
// on from where the run changed, the title and the address follow), undo
// it, and build a scenario of one's own.
func TestEditorPanel(t *testing.T) {
	plat := newMemPlatform()
	g := newSimGame(t, Config{Link: "v1.p.nested-exit-order.0"}, plat)
	s := simOf(t, g)
	click(t, g, "editor")
	for i := 0; !strings.Contains(pageText(g), "Where: start of B.__aenter__\n"); i++ {
		require.Less(t, i, 50, "no such point")
		click(t, g, "inject-where-next")
	}
	assert.Contains(t, pageText(g), "Exception: ValueError\n")
	click(t, g, "inject-apply")
	assert.Equal(t, "", s.ses.Name, "an edited example is no longer the example")
	assert.Equal(t, "Injected: raise ValueError @ start of B.__aenter__", s.message)
	assert.Equal(t, s.ses.Cursor.Event(), s.shown)
	assert.Positive(t, s.shown, "goes on from where the run changed")
	assert.Equal(t, "(with an injected error) "+English.T("example.nested-exit-order.title"), s.title(g.language))
	assert.Equal(t, "(com um erro injetado) "+Lang("pt").T("example.nested-exit-order.title"), s.title("pt"),
		"the example's title in the learner's language")
	assert.True(t, strings.HasPrefix(plat.fragment, "v1.s."), "the address carries the edited scenario: %s", plat.fragment)

	click(t, g, "inject-reset")
	assert.Equal(t, "nested-exit-order", s.ses.Name)
	assert.Empty(t, s.message)

	click(t, g, "tab-build")
	e := s.ses.Editor
	assert.True(t, e.Building)
	assert.Same(t, e.Built, s.ses.Scenario, "the design runs")
	assert.Contains(t, pageText(g), "Tasks: 2\n")
	click(t, g, "tasks-next")
	assert.Contains(t, pageText(g), "Tasks: 3\n")
	assert.Len(t, e.Design.Tasks, 3)
	assert.Same(t, e.Built, s.ses.Scenario)
	assert.Equal(t, "Designed in the editor", s.title(g.language))
	assert.Equal(t, "Creado en el editor", s.title("es"))
}

// TestCopyLink: the link goes on the clipboard; without a clipboard a
// panel shows it to copy by hand.
func TestCopyLink(t *testing.T) {
	plat := newMemPlatform()
	g := newSimGame(t, Config{Link: "v1.p.aenter-fails.0"}, plat)
	s := simOf(t, g)
	s.ses.Cursor.SeekEvent(5)
	click(t, g, "link")
	link, err := s.ses.Link()
	require.NoError(t, err)
	assert.Equal(t, plat.ShareURL(link), plat.copied)
	assert.Equal(t, link, plat.fragment)
	assert.Equal(t, "Link copied to the clipboard.", s.message)
	assert.Nil(t, s.panel)

	plat.copyErr = errors.New("no clipboard")
	click(t, g, "link")
	assert.Same(t, s.panels.link, s.panel)
	assert.Contains(t, pageText(g), plat.ShareURL(link))
}

// TestPredictGate: in predict mode the screen's tick stops playback
// before a challenge's events and the question's panel replaces any
// other; the answer is marked through its buttons and the scores saved
// to the platform; Watch plays on.
func TestPredictGate(t *testing.T) {
	plat := newMemPlatform()
	g := newSimGame(t, Config{Link: "v1.p.aenter-fails.0.predict"}, plat)
	s := simOf(t, g)
	require.NotNil(t, s.ses.Predict)
	assert.True(t, strings.HasSuffix(plat.fragment, ".predict"), "the address keeps predict mode: %s", plat.fragment)
	chs := predict.Find(s.ses.Result, 1)
	require.NotEmpty(t, chs)
	click(t, g, "help")
	s.ses.Cursor.Play()
	g.dirty = false
	for range 10000 {
		s.tick(g)
		if s.asking() {
			break
		}
		s.lastTick = s.lastTick.Add(-100e6) // 0.1 s per tick
	}
	require.True(t, s.asking(), "a question is asked")
	assert.True(t, g.dirty, "the page is built again for the question")
	assert.False(t, s.ses.Cursor.Playing)
	assert.Less(t, s.ses.Cursor.Event(), chs[0].At)
	ch := s.ses.Predict.Active
	assert.Contains(t, pageText(g), ch.Prompt(g.language))
	assert.Nil(t, s.panel, "the question closes the panel that was open")
	assert.Same(t, s.panels.predict, s.shownPanel())

	switch ch.Kind {
	case predict.Order:
		for _, id := range ch.Answer.Order {
			click(t, g, "item-"+id)
		}
	case predict.Aexit:
		click(t, g, "option-"+strconv.Itoa(ch.Answer.Option))
	}
	click(t, g, "predict-check")
	require.NotNil(t, s.ses.Predict.Mark)
	assert.True(t, s.ses.Predict.Mark.Right)
	assert.Contains(t, pageText(g), "Correct!")
	saved, err := predict.DecodeScores(plat.store[scoresKey])
	require.NoError(t, err)
	assert.Equal(t, 1, saved.Entries["aenter-fails"].Right)
	click(t, g, "predict-watch")
	assert.True(t, s.ses.Cursor.Playing)
	assert.False(t, s.asking())

	click(t, g, "predict")
	assert.Nil(t, s.ses.Predict, "the button turns predict mode off")
	assert.False(t, strings.HasSuffix(plat.fragment, ".predict"))
	click(t, g, "predict")
	require.NotNil(t, s.ses.Predict)
	assert.Equal(t, 1, s.ses.Predict.Scores.Entries["aenter-fails"].Right, "the saved scores carry over")
}

// TestCorruptScoresAreKept: unreadable saved scores are set aside, not
// overwritten, and the question's panel says so.
func TestCorruptScoresAreKept(t *testing.T) {
	plat := newMemPlatform()
	plat.store[scoresKey] = "p9;garbage"
	g := newSimGame(t, Config{Link: "v1.p.aenter-fails.0.predict"}, plat)
	s := simOf(t, g)
	assert.Equal(t, "p9;garbage", plat.store[scoresKey+".unreadable"])
	assert.Equal(t, "p9;garbage", plat.store[scoresKey], "not overwritten before an answer")
	assert.Equal(t, g.language.T("ui.corruptScores"), s.predictNotice)
	require.NotNil(t, s.ses.Predict)
	assert.Empty(t, s.ses.Predict.Scores.Entries)
	s.ses.Cursor.SeekEvent(s.ses.Predict.Challenges[0].At)
	s.ses.Predict.Gate(s.ses)
	require.True(t, s.asking())
	assert.Contains(t, pageText(g), s.predictNotice)
}

// TestEventTextIsLast: the page's last two lines are the event and its
// caption (the screen reader and the browser tests read them), and the
// repaint of a playing screen updates them.
func TestEventTextIsLast(t *testing.T) {
	g := newSimGame(t, Config{Link: "v1.p.aenter-fails.20"}, newMemPlatform())
	s := simOf(t, g)
	text := buildPage(g).text
	n := len(text)
	assert.True(t, strings.HasPrefix(text[n-2], "Event "+strconv.Itoa(s.shown+1)+" of "), text[n-2])
	assert.Equal(t, s.ses.Replay.Caption(s.shown, g.language), text[n-1])
	s.shown = 0
	mirrored := s.mirror(g, text)
	assert.Equal(t, text[:n-2], mirrored[:n-2])
	assert.True(t, strings.HasPrefix(mirrored[n-2], "Event 1 of "))
}

// TestEditorSemaphore: the kind stepper reaches the shared semaphore,
// whose row shows its places instead of code to choose; the places
// stepper changes the program the design builds.
func TestEditorSemaphore(t *testing.T) {
	g := newSimGame(t, Config{Link: "v1.p.nested-exit-order.0"}, newMemPlatform())
	s := simOf(t, g)
	click(t, g, "editor")
	click(t, g, "tab-build")
	e := s.ses.Editor
	for i := 0; !strings.Contains(pageText(g), "Kind: asyncio.Semaphore\n"); i++ {
		require.Less(t, i, len(edit.ManagerKinds), "no semaphore among the kinds")
		click(t, g, "kind-next")
	}
	assert.Equal(t, edit.KindSemaphore, e.Design.Tasks[0].Managers[0].Kind)
	text := pageText(g)
	assert.Contains(t, text, "Places: 2\n")
	assert.NotContains(t, text, "sleep in __aenter__", "the library's semaphore has no code of its own")
	for _, c := range []struct {
		id   string
		want int
	}{{"places-next", 3}, {"places-next", 4}, {"places-prev", 3}} {
		click(t, g, c.id)
		assert.Equal(t, c.want, e.Design.SemaphoreValue())
		assert.Contains(t, pageText(g), fmt.Sprintf("Places: %d\n", c.want))
		assert.Contains(t, sim.Render(s.ses.Scenario), fmt.Sprintf("shared_semaphore = asyncio.Semaphore(%d)\n", c.want))
	}
	assert.Same(t, e.Built, s.ses.Scenario, "each change runs again")
	assert.Empty(t, e.Problems)
}
