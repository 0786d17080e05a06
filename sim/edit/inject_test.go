package edit_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"asyncwithlab/i18n"
	"asyncwithlab/sim"
	"asyncwithlab/sim/catalog"
	"asyncwithlab/sim/catalog/catalogtest"
	"asyncwithlab/sim/edit"
)

// presets is every built-in example.
func presets(t *testing.T) []catalog.Preset { return catalogtest.Presets(t) }

// preset is the built-in example name's scenario.
func preset(t *testing.T, name string) *sim.Scenario { return catalogtest.Scenario(t, name) }

func point(t *testing.T, sc *sim.Scenario, id string) edit.Point {
	t.Helper()
	for _, p := range edit.Points(sc) {
		if p.ID() == id {
			return p
		}
	}
	t.Fatalf("no point %s", id)
	return edit.Point{}
}

func encoded(t *testing.T, sc *sim.Scenario) string {
	t.Helper()
	data, err := sim.Encode(sc)
	require.NoError(t, err)
	return string(data)
}

func indent(line string) int { return len(line) - len(strings.TrimLeft(line, " ")) }

// parentLine is the nearest line above line i that is indented less,
// skipping those for which skip says so.
func parentLine(lines []string, i int, skip func(string) bool) int {
	want := indent(lines[i])
	for j := i - 1; j >= 0; j-- {
		l := lines[j]
		if strings.TrimSpace(l) == "" || indent(l) >= want {
			continue
		}
		if skip == nil || !skip(strings.TrimSpace(l)) {
			return j
		}
		want = indent(l)
	}
	return -1
}

func notDef(l string) bool {
	return !strings.HasPrefix(l, "def ") && !strings.HasPrefix(l, "async def ")
}

// TestInjectRaiseEverywhere: at every point of every preset, an injected
// ValueError gives a valid scenario whose run raises it exactly there: the
// trace's raise event points at the injected line, and that line sits in
// the right method, generator or with statement of the rendered program.
func TestInjectRaiseEverywhere(t *testing.T) {
	total := 0
	for _, ps := range presets(t) {
		t.Run(ps.Name, func(t *testing.T) {
			before := encoded(t, ps.Scenario)
			for _, p := range edit.Points(ps.Scenario) {
				total++
				out, err := edit.Inject(ps.Scenario, p, raiseV)
				require.NoError(t, err, p.ID())
				res, err := sim.Run(out)
				require.NotNil(t, res, "%s: %v", p.ID(), err)
				msg := "injected: " + p.Label(i18n.English)
				var ev *sim.Event
				for _, e := range res.Trace.All() {
					if e.Kind == sim.ExcRaised && e.Exc != nil && e.Exc.Message == msg {
						ev = &e
						break
					}
				}
				require.NotNil(t, ev, "%s: the run never raises %q", p.ID(), msg)
				lines := strings.Split(sim.Render(out), "\n")
				require.Greater(t, ev.Line, 0)
				line := lines[ev.Line-1]
				// The message is a Python string literal (a with item's own
				// arguments may hold quotes).
				lit := strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(msg)
				require.Equal(t, `raise ValueError("`+lit+`")`, strings.TrimSpace(line), p.ID())
				switch {
				case p.Hook == edit.HookBody:
					head := strings.TrimSpace(lines[parentLine(lines, ev.Line-1, nil)])
					text, _, _ := strings.Cut(p.Text, " (")
					assert.Equal(t, text+":", head, "%s: the raise must open the with body", p.ID())
				case p.Generator:
					def := strings.TrimSpace(lines[parentLine(lines, ev.Line-1, notDef)])
					assert.True(t, strings.HasPrefix(def, "async def "+p.Owner+"("), "%s: %s", p.ID(), def)
				default:
					d := parentLine(lines, ev.Line-1, notDef)
					method := strings.TrimPrefix(p.Text, p.Owner+".")
					assert.Contains(t, lines[d], "def "+method+"(", p.ID())
					assert.Equal(t, "class "+p.Owner+":", strings.TrimSpace(lines[parentLine(lines, d, nil)]), p.ID())
					if p.Hook == edit.HookEnterEnd {
						next := strings.TrimSpace(lines[ev.Line])
						assert.False(t, strings.HasPrefix(next, "print("), "%s: the end of %s comes after its prints", p.ID(), method)
					}
				}
			}
			assert.Equal(t, before, encoded(t, ps.Scenario), "Inject must not change the preset")
		})
	}
	assert.Greater(t, total, 100, "the presets hold many points")
}

func TestPoints(t *testing.T) {
	assert.Empty(t, edit.Points(preset(t, "doc004-typo")), "a class whose methods are misspelt never runs them")
	ids := func(sc *sim.Scenario) []string {
		var out []string
		for _, p := range edit.Points(sc) {
			out = append(out, p.ID())
		}
		return out
	}
	assert.Equal(t, []string{"First:enterStart", "First:enterEnd", "First:exit", "Second:enterStart", "Second:enterEnd"},
		ids(preset(t, "aenter-fails")), "Second fails in __aenter__: Python calls neither its __aexit__ nor the body")
	assert.Equal(t, []string{"open_file:enterStart", "open_file:enterEnd", "main:body[0].try.body[0]:body"}, ids(preset(t, "generator-leak")),
		"the teardown after a bare yield never runs when the body raises")
	assert.Contains(t, ids(preset(t, "retry-loop")), "main:body[0].for.body[1].try.body[0]:body", "a with inside a loop has its points")
	assert.Nil(t, edit.Points(&sim.Scenario{Version: 1}), "an invalid scenario has no points")
	assert.Nil(t, edit.Points(nil))
	_, err := edit.Inject(nil, edit.Point{Owner: "main", Hook: edit.HookBody}, raiseV)
	var ie *edit.InjectError
	require.ErrorAs(t, err, &ie)
	assert.Equal(t, edit.CodeInvalid, ie.Code)

	for _, ps := range presets(t) {
		seen := map[string]bool{}
		for _, p := range edit.Points(ps.Scenario) {
			assert.False(t, seen[p.ID()], "%s: duplicate point %s", ps.Name, p.ID())
			seen[p.ID()] = true
			en, pt := p.Label(i18n.English), p.Label(i18n.Lang("pt"))
			assert.NotEqual(t, en, pt)
			assert.Contains(t, pt, strings.TrimSuffix(p.Text, " (2)"))
			assert.Contains(t, p.FaultKinds(), edit.FaultRaise)
		}
	}
	p := point(t, preset(t, "generator-leak"), "open_file:enterEnd")
	assert.Equal(t, "just before the yield of open_file()", p.Label(i18n.English))
	assert.Equal(t, "logo antes do yield de open_file()", p.Label(i18n.Lang("pt")))
	assert.Equal(t, []edit.FaultKind{edit.FaultNone, edit.FaultRaise}, p.FaultKinds())
	q := point(t, preset(t, "suppress"), "Forgiving:exit")
	assert.Contains(t, q.FaultKinds(), edit.FaultSuppress)
}

func TestInjectErrors(t *testing.T) {
	cases := []struct {
		preset string
		point  string
		p      *edit.Point // instead of point
		f      edit.Fault
		code   edit.Code
	}{
		{"doc002-database", "AsyncDatabaseConnection:enterStart", nil, suppress, edit.CodeSuppressClass},
		{"generator-leak", "open_file:enterStart", nil, suppress, edit.CodeSuppressClass},
		{"generator-finally", "", &edit.Point{Owner: "open_file", InManager: true, Hook: edit.HookExit, Generator: true}, suppress, edit.CodeGenReturn},
		{"doc002-database", "", &edit.Point{Owner: "Nope", InManager: true, Hook: edit.HookEnterStart}, raiseV, edit.CodeUnknownPoint},
		{"aenter-fails", "", &edit.Point{Owner: "Second", InManager: true, Hook: edit.HookExit}, raiseV, edit.CodePointUnrun},
		{"doc000-commit", "Connection:enterStart", nil, cancel, edit.CodeMainTask},
		{"doc000-sync-with", "TextFile:enterStart", nil, timeout, edit.CodeSyncCode},
		{"doc001-basic", "AsyncContextManager:enterStart", nil, timeout, edit.CodeNoAwait},
		{"doc002-database", "AsyncDatabaseConnection:enterEnd", nil, cancel, edit.CodeNoAwait},
		{"blocking-call", "connector:body[0]:body", nil, cancel, edit.CodeNoTaskHandle},
		{"sleep-zero", "PoliteA:enterStart", nil, timeout, edit.CodeCannotLand},
		{"doc002-database", "AsyncDatabaseConnection:enterStart", nil, edit.Fault{Kind: "explode"}, edit.CodeBadFault},
		{"doc002-database", "AsyncDatabaseConnection:enterStart", nil, edit.Fault{Kind: edit.FaultRaise, Type: "SystemExit"}, edit.CodeBadType},
	}
	for _, c := range cases {
		t.Run(c.preset+" "+c.point+" "+string(c.f.Kind), func(t *testing.T) {
			sc := preset(t, c.preset)
			var p edit.Point
			if c.p != nil {
				p = *c.p
			} else {
				p = point(t, sc, c.point)
			}
			out, err := edit.Inject(sc, p, c.f)
			require.Error(t, err)
			assert.Nil(t, out)
			var ie *edit.InjectError
			require.True(t, errors.As(err, &ie))
			assert.Equal(t, c.code, ie.Code)
			en, pt := ie.Message(i18n.English), ie.Message(i18n.Lang("pt"))
			assert.NotEqual(t, en, pt)
			assert.Equal(t, en, err.Error())
			for _, m := range []string{en, pt} {
				assert.NotContains(t, m, "{")
				assert.Contains(t, m, p.Owner)
			}
		})
	}
}

func TestInjectNoneCopies(t *testing.T) {
	sc := preset(t, "suppress")
	out, err := edit.Inject(sc, point(t, sc, "Forgiving:exit"), none)
	require.NoError(t, err)
	assert.NotSame(t, sc, out)
	assert.Equal(t, encoded(t, sc), encoded(t, out))
}

// injected runs a preset with a fault at a point.
func injected(t *testing.T, name, id string, f edit.Fault) run {
	t.Helper()
	sc := preset(t, name)
	out, err := edit.Inject(sc, point(t, sc, id), f)
	require.NoError(t, err)
	res, err := sim.Run(out)
	require.NoError(t, err)
	return run{sc: out, res: res, evs: res.Trace.All()}
}

func TestInjectTimedLands(t *testing.T) {
	t.Run("cancel in __aenter__", func(t *testing.T) {
		r := injected(t, "cancel-in-body", "Connection:enterStart", cancel)
		raised := r.of(sim.AenterRaised, "Connection")
		require.Len(t, raised, 1)
		assert.Equal(t, "CancelledError", excType(raised[0]))
		assert.Empty(t, r.of(sim.AexitCalled, "Connection"))
	})
	t.Run("time-out in __aenter__", func(t *testing.T) {
		r := injected(t, "doc002-database", "AsyncDatabaseConnection:enterStart", timeout)
		raised := r.of(sim.AenterRaised, "AsyncDatabaseConnection")
		require.Len(t, raised, 1)
		assert.Equal(t, "TimeoutError", excType(raised[0]), "the time-out block inside __aenter__ turns the cancellation into TimeoutError")
		assert.Len(t, r.of(sim.TimeoutFired, ""), 1)
		assert.Contains(t, sim.Render(r.sc), "async with asyncio.timeout(")
	})
	t.Run("time-out in __aexit__", func(t *testing.T) {
		r := injected(t, "doc002-database", "AsyncDatabaseConnection:exit", timeout)
		raised := r.of(sim.AexitRaised, "AsyncDatabaseConnection")
		require.Len(t, raised, 1)
		assert.Equal(t, "TimeoutError", excType(raised[0]))
	})
	t.Run("cancel in a task's body", func(t *testing.T) {
		r := injected(t, "cancel-in-aexit", "worker:body[0]:body", cancel)
		ended := r.of(sim.BodyEnded, "")
		require.NotEmpty(t, ended)
		assert.Equal(t, "CancelledError", excType(ended[0]))
	})
	t.Run("cancel in a with around a while True loop", func(t *testing.T) {
		// The loop awaits in every round: a cancellation can land there.
		r := injected(t, "heartbeat-loop", "heartbeat:body[0]:body", cancel)
		assert.NotEmpty(t, r.of(sim.CancelRequest, ""))
		called := r.of(sim.AexitCalled, "Connection")
		require.NotEmpty(t, called)
	})
	t.Run("return True suppresses", func(t *testing.T) {
		r := injected(t, "doc002-exception", "AsyncDatabaseConnection:exit", suppress)
		assert.Len(t, r.of(sim.ExcSuppressed, "AsyncDatabaseConnection"), 1)
		assert.Nil(t, r.res.Uncaught)
	})
	// Wherever Inject accepts a cancel or a time-out, the run has it.
	for _, ps := range presets(t) {
		for _, p := range edit.Points(ps.Scenario) {
			for _, f := range []edit.Fault{cancel, timeout} {
				out, err := edit.Inject(ps.Scenario, p, f)
				if err != nil {
					continue
				}
				res, err := sim.Run(out)
				require.NotNil(t, res, "%s %s: %v", ps.Name, p.ID(), err)
				kind := sim.TimeoutFired
				if f.Kind == edit.FaultCancel {
					kind = sim.CancelRequest
				}
				fired := 0
				for _, ev := range res.Trace.All() {
					if ev.Kind == kind {
						fired++
					}
				}
				assert.Positive(t, fired, "%s %s %s", ps.Name, p.ID(), f.Kind)
			}
		}
	}
}
