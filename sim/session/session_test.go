package session_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"asyncwithlab/i18n"
	"asyncwithlab/sim"
	"asyncwithlab/sim/edit"
	"asyncwithlab/sim/predict"
	"asyncwithlab/sim/replay"
	"asyncwithlab/sim/session"
	"asyncwithlab/sim/share"
)

func TestOpenLink(t *testing.T) {
	tests := []struct {
		link   string
		preset string // "" when the link must fail
		step   int    // -1: the last event
		err    string
	}{
		{"v1.p.gather-interleave.30", "gather-interleave", 30, ""},
		{"https://host/lab/#v1.p.aenter-fails.0", "aenter-fails", 0, ""},
		{"v1.p.aenter-fails.999999", "aenter-fails", -1, ""}, // past the end: the last event
		{"v1.p.no-such.0", "", 0, `the example "no-such" does not exist`},
		{"v2.p.aenter-fails.0", "", 0, "share link:"},
		{"garbage", "", 0, "share link"},
		{"v1.p." + strings.Repeat("a", 40000) + ".0", "", 0, "is too long (at most 32768)"},
	}
	for _, tc := range tests {
		t.Run(tc.link[:min(len(tc.link), 40)], func(t *testing.T) {
			s, err := session.OpenLink(tc.link)
			if tc.preset == "" {
				require.Error(t, err)
				assert.Nil(t, s)
				assert.Contains(t, err.Error(), tc.err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.preset, s.Name)
			want := tc.step
			if want < 0 {
				want = s.Replay.Stops()[len(s.Replay.Stops())-1]
			}
			c := replay.NewCursor(s.Replay.Stops())
			c.SeekEvent(want)
			assert.Equal(t, c.Event(), s.Cursor.Event())
			assert.Nil(t, s.Predict)
		})
	}
}

func TestUnknownPresetSpeaksTheLanguage(t *testing.T) {
	_, err := session.OpenLink("v1.p.no-such.0")
	require.True(t, session.IsUnknownPreset(err))
	var u *session.UnknownPresetError
	require.ErrorAs(t, err, &u)
	assert.Contains(t, u.In(i18n.Lang("pt")), `o exemplo "no-such" não existe`)
	_, err = session.OpenPreset("no-such")
	assert.True(t, session.IsUnknownPreset(err))
	_, err = session.OpenLink("garbage")
	assert.False(t, session.IsUnknownPreset(err))
}

// TestLinkReopens: the link of what is shown opens the same scenario at
// the same event, for an example and for an edited scenario.
func TestLinkReopens(t *testing.T) {
	s, err := session.OpenPreset("nested-exit-order")
	require.NoError(t, err)
	s.Cursor.SeekEvent(12)
	link, err := s.Link()
	require.NoError(t, err)
	assert.Equal(t, "v1.p.nested-exit-order.12.py313", link, "the version travels in the link (the newest by default)")
	s.Sequence = true
	link, err = s.Link()
	require.NoError(t, err)
	assert.Equal(t, "v1.p.nested-exit-order.12.py313.sequence", link, "the view travels in the link")
	back, err := session.OpenLink(link)
	require.NoError(t, err)
	assert.True(t, back.Sequence)
	s.Sequence = false

	e := s.OpenEditor()
	e.SetBase(s.Name, s.Scenario)
	require.NotEmpty(t, e.Points)
	sc, err := e.Inject(i18n.English)
	require.NoError(t, err)
	s.Rerun("", sc)
	link, err = s.Link()
	require.NoError(t, err)
	s2, err := session.OpenLink(link)
	require.NoError(t, err)
	assert.Equal(t, sim.Render(sc), sim.Render(s2.Scenario), "the edited scenario travels in the link")
	assert.Equal(t, s.Cursor.Event(), s2.Cursor.Event())
	assert.Equal(t, "scenario.json", s2.SaveName())
}

// TestInjectIntoAnExample: a ValueError at the start of B.__aenter__ of
// the nested example: B's __aexit__ is never called, A's receives it; the
// run goes on from where it changed.
func TestInjectIntoAnExample(t *testing.T) {
	s, err := session.OpenPreset("nested-exit-order")
	require.NoError(t, err)
	base, oldRes := s.Scenario, s.Result
	e := s.OpenEditor()
	assert.Same(t, e, s.OpenEditor(), "the editor keeps its state")
	e.SetBase(s.Name, s.Scenario)
	for e.Points[e.Point].Label(i18n.English) != "start of B.__aenter__" {
		e.CyclePoint(1)
		require.NotZero(t, e.Point, "no such point")
	}
	assert.Equal(t, edit.Fault{Kind: edit.FaultRaise, Type: "ValueError"}, e.Fault)
	e.CycleExcType(1)
	e.CycleExcType(-1)
	s.Cursor.SeekEvent(s.Result.Trace.Len() - 1)
	sc, err := e.Inject(i18n.English)
	require.NoError(t, err)
	assert.Equal(t, "raise ValueError @ start of B.__aenter__", e.Injected)
	s.Rerun("", sc)
	assert.Equal(t, base, e.Base, "the example stays the base")
	var aexits []string
	for _, ev := range s.Result.Trace.All() {
		if ev.Kind == sim.AexitCalled {
			aexits = append(aexits, ev.Manager+" "+ev.Args)
		}
	}
	assert.Equal(t, []string{"A ValueError, ValueError('injected: start of B.__aenter__'), <traceback>"}, aexits)
	d := replay.FirstDifference(oldRes, s.Result)
	assert.LessOrEqual(t, s.Cursor.Event(), d, "goes on at or before the first change")
	assert.Greater(t, s.Cursor.Event(), 0)
	assert.Equal(t, "", s.Name, "an edited example is no longer the example")
}

func TestInjectWithoutPoints(t *testing.T) {
	s, err := session.OpenPreset("doc004-typo")
	require.NoError(t, err)
	e := s.OpenEditor()
	e.SetBase(s.Name, s.Scenario)
	require.Empty(t, e.Points)
	_, err = e.Inject(i18n.Lang("es"))
	require.Error(t, err)
	assert.Equal(t, i18n.Lang("es").T("ui.injectNone"), err.Error())
	assert.Empty(t, e.FaultKinds())
	e.CyclePoint(1)
	e.CycleFaultKind(1)
	assert.Zero(t, e.Point)
}

// TestBuildYourOwn: the design's changes re-run the engine; problems are
// kept for the panel; the design travels in the link.
func TestBuildYourOwn(t *testing.T) {
	s, err := session.OpenPreset("doc001-basic")
	require.NoError(t, err)
	e := s.OpenEditor()
	e.Building = true
	s.Rerun("", e.BuildScenario())
	assert.Equal(t, s.Scenario, e.Built)
	tasks := func() int {
		n := 0
		for _, tk := range s.Result.Tasks {
			if tk.Function != "main" {
				n++
			}
		}
		return n
	}
	assert.Equal(t, 2, tasks())
	e.Design.SetTasks(4)
	s.Rerun("", e.BuildScenario())
	assert.Equal(t, 4, tasks())
	// Cancelling in an __aenter__ that never awaits is explained, not done.
	m := &e.Design.Tasks[0].Managers[0]
	m.EnterSleep = 0
	e.Design.SetFault(0, 0, edit.HookEnterEnd, edit.Fault{Kind: edit.FaultCancel})
	s.Rerun("", e.BuildScenario())
	require.NotEmpty(t, e.Problems)
	assert.Contains(t, e.Problems[0].Message(i18n.English), "await")
	link, err := s.Link()
	require.NoError(t, err)
	s2, err := session.OpenLink(link)
	require.NoError(t, err)
	require.NotNil(t, s2.Editor, "the design comes back with the link")
	assert.True(t, s2.Editor.Building)
	assert.Equal(t, e.Design.Encode(), s2.Editor.Design.Encode())
	assert.Equal(t, s2.Scenario, s2.Editor.Built)
}

// TestSemaphoreDesignLink: a design with the shared semaphore and its
// places comes back with the link, and builds the same program.
func TestSemaphoreDesignLink(t *testing.T) {
	s, err := session.OpenPreset("doc001-basic")
	require.NoError(t, err)
	e := s.OpenEditor()
	e.Building = true
	e.Design.Tasks[0].Managers[1].SetKind(edit.KindSemaphore)
	e.Design.SetPlaces(3)
	s.Rerun("", e.BuildScenario())
	assert.Empty(t, e.Problems)
	assert.Contains(t, sim.Render(s.Scenario), "shared_semaphore = asyncio.Semaphore(3)")
	link, err := s.Link()
	require.NoError(t, err)
	s2, err := session.OpenLink(link)
	require.NoError(t, err)
	require.NotNil(t, s2.Editor)
	assert.Equal(t, 3, s2.Editor.Design.SemaphoreValue())
	assert.Equal(t, e.Design.Encode(), s2.Editor.Design.Encode())
	assert.Equal(t, sim.Render(s.Scenario), sim.Render(s2.Scenario))
}

func TestBadDesignInLinkIsExplained(t *testing.T) {
	for _, c := range []struct{ design, err string }{
		{`{"tasks": "many"}`, "tasks: expected an array"},
		{`{"runner":"gather","tasks":[{"managers":[{"kind":"semaphore"}]}],"places":0}`, "places: expected the semaphore's number of places, a whole number from 1 to 1000, got 0"},
	} {
		s, err := session.OpenPreset("doc001-basic")
		require.NoError(t, err)
		link, err := share.Encode(share.Link{Scenario: s.Scenario, Design: []byte(c.design)})
		require.NoError(t, err)
		s2, err := session.OpenLink(link)
		require.NoError(t, err, "the scenario still opens")
		require.NotNil(t, s2.Editor)
		assert.False(t, s2.Editor.Building)
		assert.Contains(t, s2.Editor.Err, c.err)
	}
}

// TestPredictGate: playback stops before a challenge's events, a right
// answer is marked right and counted, and Watch plays on.
func TestPredictGate(t *testing.T) {
	s, err := session.OpenLink("v1.p.aenter-fails.0.predict")
	require.NoError(t, err)
	require.NotNil(t, s.Predict)
	chs := predict.Find(s.Result, 1)
	require.NotEmpty(t, chs)
	s.Cursor.Play()
	pr := s.Predict
	for range 10000 {
		s.Cursor.Advance(0.1)
		if pr.Gate(s) {
			break
		}
	}
	require.NotNil(t, pr.Active, "a question is asked")
	assert.False(t, s.Cursor.Playing)
	assert.Less(t, s.Cursor.Event(), chs[0].At)
	ch := pr.Active
	assert.False(t, pr.Ready())
	if ch.Kind == predict.Order {
		for _, id := range ch.Answer.Order {
			pr.Pick(id, -1)
			pr.Pick(id, -1) // twice: once in the answer
		}
		assert.Equal(t, ch.Answer.Order, pr.Order)
	} else {
		pr.Pick("", ch.Answer.Option)
	}
	require.True(t, pr.Ready())
	m := pr.Check()
	assert.True(t, m.Right)
	assert.Equal(t, 1, pr.Scores.Entries["aenter-fails"].Right)
	pr.Pick("", 0) // a marked answer does not change
	assert.Equal(t, m, *pr.Mark)
	pr.Watch(s)
	assert.True(t, s.Cursor.Playing)
	assert.Nil(t, pr.Active)

	s.TogglePredict(nil)
	assert.Nil(t, s.Predict)
	saved := pr.Scores
	s.TogglePredict(&saved)
	assert.Equal(t, 1, s.Predict.Scores.Entries["aenter-fails"].Right, "saved scores carry over")
}

func TestOpenFile(t *testing.T) {
	s, err := session.OpenPreset("suppress")
	require.NoError(t, err)
	data, err := s.Encode()
	require.NoError(t, err)
	assert.True(t, strings.HasSuffix(string(data), "\n"))
	f, err := session.OpenFile("mine.json", data)
	require.NoError(t, err)
	assert.Equal(t, "", f.Name)
	assert.Equal(t, "mine.json", f.SaveName())
	assert.Equal(t, sim.Render(s.Scenario), sim.Render(f.Scenario))
	assert.Equal(t, "suppress.json", s.SaveName())

	_, err = session.OpenFile("bad.json", []byte(`{"version": 1, "functions": [{"name": "main", "body": [{"sleep": "x"}]}]}`))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "functions[0].body[0].sleep: expected a number")
}

// TestPythonVersionOfASession: a session follows one CPython version in
// every run: the newest by default, the one a link names, 3.11 for a
// link from before versions, and a new one on SetPython, which reruns
// and keeps it in the link and in a saved file.
func TestPythonVersionOfASession(t *testing.T) {
	s, err := session.OpenPreset("timeout")
	require.NoError(t, err)
	assert.Equal(t, sim.DefaultPython, s.Result.Python, "the newest by default")

	old, err := session.OpenLink("v1.p.timeout.3")
	require.NoError(t, err)
	assert.Equal(t, "3.11", old.Python, "a link from before versions showed 3.11")
	assert.Equal(t, "3.11", old.Result.Python)

	gen := s.Gen
	s.SetPython("3.12")
	assert.Greater(t, s.Gen, gen, "a new version reruns")
	assert.Equal(t, "3.12", s.Result.Python)
	link, err := s.Link()
	require.NoError(t, err)
	assert.Contains(t, link, ".py312")
	back, err := session.OpenLink(link)
	require.NoError(t, err)
	assert.Equal(t, "3.12", back.Python)

	data, err := s.Encode()
	require.NoError(t, err)
	assert.Contains(t, string(data), `"python": "3.12"`, "a saved file keeps its version")
	f, err := session.OpenFile("saved.json", data)
	require.NoError(t, err)
	assert.Equal(t, "3.12", f.Python)

	cat, err := session.OpenPreset("timeout")
	require.NoError(t, err)
	assert.Equal(t, sim.DefaultPython, cat.Result.Python, "the catalogue's scenario is not changed by a session's version")
}
