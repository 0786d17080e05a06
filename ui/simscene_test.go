package ui

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"asyncwithlab/sim"
	"asyncwithlab/sim/edit"
	"asyncwithlab/sim/predict"
	"asyncwithlab/sim/replay"
)

// newTestGame is a game whose saved data goes to a fresh folder.
func newTestGame(t *testing.T, cfg Config) *Game {
	t.Helper()
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	t.Setenv("HOME", t.TempDir())
	cfg.Lang = "en"
	g, err := NewGame(cfg)
	require.NoError(t, err)
	return g
}

func simOf(t *testing.T, g *Game) *simScene {
	t.Helper()
	s, ok := g.scene.(*simScene)
	require.True(t, ok, "the simulator is shown (notice: %q)", g.notice)
	return s
}

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
		{"v1.p.no-such.0", "", 0, `the example "no-such" does not exist`},
		{"v2.p.aenter-fails.0", "", 0, "This link could not be opened: share link:"},
		{"garbage", "", 0, "This link could not be opened"},
		{"v1.p." + strings.Repeat("a", 40000) + ".0", "", 0, "is too long (at most 32768)"},
	}
	for _, tc := range tests {
		t.Run(tc.link[:min(len(tc.link), 40)], func(t *testing.T) {
			g := newTestGame(t, Config{Link: tc.link})
			if tc.preset == "" {
				_, home := g.scene.(*homeScene)
				assert.True(t, home, "a bad link falls back to Home")
				assert.Contains(t, g.notice, tc.notice)
				return
			}
			s := simOf(t, g)
			assert.Equal(t, tc.preset, s.name)
			want := tc.step
			if want < 0 {
				want = s.rp.Stops()[len(s.rp.Stops())-1]
			}
			c := replay.NewCursor(s.rp.Stops())
			c.SeekEvent(want)
			assert.Equal(t, c.Event(), s.shown)
		})
	}
}

// TestShareLinkReopens: the link of what is shown opens the same
// scenario at the same event, for a preset and for an edited scenario.
func TestShareLinkReopens(t *testing.T) {
	g := newTestGame(t, Config{Link: "v1.p.nested-exit-order.0"})
	s := simOf(t, g)
	s.cur.SeekEvent(12)
	link, err := s.shareLink()
	require.NoError(t, err)
	assert.Equal(t, "v1.p.nested-exit-order.12", link)

	s.edit = newSimEditor()
	s.edit.setBase(s.name, s.sc)
	require.NotEmpty(t, s.edit.points)
	sc, err := s.edit.inject("en")
	require.NoError(t, err)
	s.rerun(g, "", sc)
	link, err = s.shareLink()
	require.NoError(t, err)
	g2 := newTestGame(t, Config{Link: link})
	s2 := simOf(t, g2)
	assert.Equal(t, sim.Render(sc), sim.Render(s2.sc), "the edited scenario travels in the link")
	assert.Equal(t, s.shown, s2.shown)
}

// TestInjectIntoAnExample: a ValueError at the start of B.__aenter__ of
// the nested example: B's __aexit__ is never called, A's receives it;
// the animation restarts where the run changed; Reset brings it back.
func TestInjectIntoAnExample(t *testing.T) {
	g := newTestGame(t, Config{Link: "v1.p.nested-exit-order.0"})
	s := simOf(t, g)
	base, oldRes := s.sc, s.res
	s.togglePanel(panelEditor)
	e := s.edit
	e.setBase(s.name, s.sc)
	for e.points[e.point].Label("en") != "start of B.__aenter__" {
		e.cyclePoint(1)
		require.NotZero(t, e.point, "no such point")
	}
	assert.Equal(t, edit.Fault{Kind: edit.FaultRaise, Type: "ValueError"}, e.fault)
	e.cycleExcType(1)
	e.cycleExcType(-1)
	sc, err := e.inject("en")
	require.NoError(t, err)
	s.rerun(g, "", sc)
	assert.Equal(t, base, e.base, "the example stays the base")
	var aexits []string
	for i := 0; i < s.res.Trace.Len(); i++ {
		ev := s.res.Trace.At(i)
		if ev.Kind == sim.AexitCalled {
			aexits = append(aexits, ev.Manager+" "+ev.Args)
		}
	}
	assert.Equal(t, []string{"A ValueError, ValueError('injected: start of B.__aenter__'), <traceback>"}, aexits)
	d := replay.FirstDifference(oldRes, s.res)
	assert.LessOrEqual(t, s.shown, d, "restarts at or before the first change")
	assert.Greater(t, s.shown, 0)
}

// TestBuildYourOwn: the design's changes re-run the engine; problems are
// kept for the panel.
func TestBuildYourOwn(t *testing.T) {
	g := newTestGame(t, Config{Link: "v1.p.doc001-basic.0"})
	s := simOf(t, g)
	s.togglePanel(panelEditor)
	e := s.edit
	s.rerun(g, "", e.buildScenario())
	assert.Equal(t, s.sc, e.built)
	tasks := func() int {
		n := 0
		for _, tk := range s.res.Tasks {
			if tk.Function != "main" {
				n++
			}
		}
		return n
	}
	assert.Equal(t, 2, tasks())
	e.design.SetTasks(4)
	s.rerun(g, "", e.buildScenario())
	assert.Equal(t, 4, tasks())
	// Cancelling in an __aenter__ that never awaits is explained, not done.
	m := &e.design.Tasks[0].Managers[0]
	m.EnterSleep = 0
	e.design.SetFault(0, 0, edit.HookEnterEnd, edit.Fault{Kind: edit.FaultCancel})
	s.rerun(g, "", e.buildScenario())
	require.NotEmpty(t, e.problems)
	assert.Contains(t, e.problems[0].Message("en"), "await")
	link, err := s.shareLink()
	require.NoError(t, err)
	g2 := newTestGame(t, Config{Link: link})
	s2 := simOf(t, g2)
	require.NotNil(t, s2.edit, "the design comes back with the link")
	assert.Equal(t, e.design.Encode(), s2.edit.design.Encode())
	assert.Equal(t, s2.sc, s2.edit.built)
}

// TestPredictGate: playback stops before a challenge's events, a right
// answer is marked right and saved, and Watch plays on.
func TestPredictGate(t *testing.T) {
	g := newTestGame(t, Config{Link: "v1.p.aenter-fails.0.predict"})
	s := simOf(t, g)
	require.NotNil(t, s.predict)
	chs := predict.Find(s.res, 1)
	require.NotEmpty(t, chs)
	s.cur.Play()
	for range 10000 {
		s.tick(g)
		if s.predict.active != nil {
			break
		}
		s.lastTick = s.lastTick.Add(-100e6) // 0.1 s per tick
	}
	require.NotNil(t, s.predict.active, "a question is asked")
	assert.False(t, s.cur.Playing)
	assert.Less(t, s.cur.Event(), chs[0].At)
	pr := s.predict
	ch := pr.active
	if ch.Kind == predict.Order {
		pr.order = ch.Answer.Order
	} else {
		pr.option = ch.Answer.Option
	}
	pr.check(g)
	require.NotNil(t, pr.mark)
	assert.True(t, pr.mark.Right)
	saved, err := predict.DecodeScores(g.plat.Load(scoresKey))
	require.NoError(t, err)
	assert.Equal(t, 1, saved.Entries["aenter-fails"].Right)
	pr.watch(s)
	assert.True(t, s.cur.Playing)
	assert.Nil(t, pr.active)
}

// TestCorruptScoresAreKept: unreadable saved scores are set aside, not
// overwritten, and the learner is told.
func TestCorruptScoresAreKept(t *testing.T) {
	g := newTestGame(t, Config{Link: "v1.p.aenter-fails.0"})
	require.NoError(t, g.plat.Save(scoresKey, "p9;garbage"))
	s := simOf(t, g)
	s.togglePredict(g)
	assert.Equal(t, "p9;garbage", g.plat.Load(scoresKey+".unreadable"))
	assert.NotEmpty(t, s.predict.notice)
}
