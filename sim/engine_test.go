package sim_test

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"asyncwithlab/sim"
	"asyncwithlab/sim/catalog/catalogtest"
)

func preset(t *testing.T, name string) *sim.Scenario {
	t.Helper()
	return catalogtest.Scenario(t, name)
}

// kinds lists "kind manager" for the events of the given kinds.
func kinds(res *sim.Result, want ...sim.EventKind) []string {
	var out []string
	for _, ev := range res.Trace.All() {
		for _, k := range want {
			if ev.Kind == k {
				out = append(out, ev.Kind.String()+" "+ev.Manager)
			}
		}
	}
	return out
}

func TestExitOrderIsLIFO(t *testing.T) {
	res, err := sim.Run(preset(t, "nested-exit-order"))
	require.NoError(t, err)
	got := kinds(res, sim.AenterReturned, sim.AexitCalled)
	require.Len(t, got, 6)
	assert.Equal(t, []string{"aenter.returned A", "aenter.returned B", "aenter.returned C",
		"aexit.called C", "aexit.called B", "aexit.called A"}, got)
}

func TestLedger(t *testing.T) {
	tests := []struct {
		preset string
		leaked bool
	}{
		{"generator-leak", true},
		{"generator-finally", false},
		{"doc003-class", false},
		{"doc003-decorator", false},
	}
	for _, tc := range tests {
		t.Run(tc.preset, func(t *testing.T) {
			res, err := sim.Run(preset(t, tc.preset))
			require.NoError(t, err)
			require.NotEmpty(t, res.Ledger)
			entry := res.Ledger[0]
			assert.True(t, entry.Acquired)
			assert.Equal(t, tc.leaked, entry.Leaked)
			assert.Equal(t, !tc.leaked, entry.Released)
		})
	}
}

func TestFailingAenterSkipsItsAexit(t *testing.T) {
	res, err := sim.Run(preset(t, "aenter-fails"))
	require.NoError(t, err)
	raised := kinds(res, sim.AenterRaised)
	require.Len(t, raised, 1)
	failing := strings.TrimPrefix(raised[0], "aenter.raised ")
	for _, k := range kinds(res, sim.AexitCalled) {
		assert.NotEqual(t, "aexit.called "+failing, k, "a manager whose __aenter__ raised must not be exited")
	}
	assert.Empty(t, kinds(res, sim.BodyStarted))
}

func TestEventsPointAtTheirLines(t *testing.T) {
	for _, s := range loadPresets(t) {
		res, err := sim.Run(s.sc)
		require.NoError(t, err)
		lines := strings.Split(sim.Render(s.sc), "\n")
		for _, ev := range res.Trace.All() {
			if ev.Kind != sim.Printed {
				continue
			}
			require.Positive(t, ev.Line, "%s: print event without a line", s.name)
			assert.Contains(t, lines[ev.Line-1], "print(", "%s: event %d", s.name, ev.Seq)
		}
	}
}

func TestLimitsStopARunWithAPartialResult(t *testing.T) {
	res, err := sim.RunWithLimits(tasksScenario(20), sim.Limits{MaxEvents: 1_000_000, MaxTasks: 5, MaxManagers: 10_000, MaxOutput: 1 << 20, MaxIterate: 1_000_000})
	require.Error(t, err)
	assert.True(t, sim.IsLimit(err))
	assert.Contains(t, err.Error(), "more than 5 tasks")
	require.NotNil(t, res)

	res, err = sim.RunWithLimits(nestedScenario(100), sim.Limits{MaxEvents: 50, MaxTasks: 10, MaxManagers: 10_000, MaxOutput: 1 << 20, MaxIterate: 1_000_000})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "more than 50 trace events")
	assert.Equal(t, 50, res.Trace.Len())
}

func TestRunIsDeterministic(t *testing.T) {
	sc := tasksScenario(30)
	a, err := sim.Run(sc)
	require.NoError(t, err)
	b, err := sim.Run(sc)
	require.NoError(t, err)
	assert.Equal(t, a.Stdout, b.Stdout)
	assert.Equal(t, a.Trace.All(), b.Trace.All())
}

// TestRenderGolden keeps each preset's Python program under
// testdata/render; go test ./sim -run TestRenderGolden -update rewrites them.
func TestRenderGolden(t *testing.T) {
	for _, s := range loadPresets(t) {
		path := filepath.Join("testdata", "render", strings.TrimPrefix(s.name, "preset-")+".py")
		got := sim.Render(s.sc)
		if *update {
			require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
			require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
		}
		want, err := os.ReadFile(path)
		require.NoError(t, err, "missing golden file: run go test ./sim -run TestRenderGolden -update")
		assert.Equal(t, string(want), got, path)
	}
}

// TestLoopQueueEvents checks what the screen's event loop panel is drawn
// from: why each task suspended (with a sleep's wake-up time) and when it
// joined the ready queue again.
func TestLoopQueueEvents(t *testing.T) {
	tests := []struct {
		preset string
		want   []string // "kind task text wake" of task.suspended and task.ready, in order
	}{
		{"gather-interleave", []string{
			"task.suspended main waits for gather 0",
			"task.suspended print_job sleeps until 1 1",
			"task.suspended scan_job sleeps until 0.5 0.5",
			"task.ready scan_job  0",
			"task.suspended scan_job sleeps until 2.5 2.5",
			"task.ready print_job  0",
			"task.suspended print_job sleeps until 2 2",
			"task.ready print_job  0",
			"task.suspended print_job sleeps until 3 3",
			"task.ready scan_job  0",
			"task.suspended scan_job sleeps until 2.75 2.75",
			"task.ready scan_job  0",
			"task.ready print_job  0",
			"task.ready main  0",
		}},
		{"sleep-zero", nil},
	}
	for _, tc := range tests {
		t.Run(tc.preset, func(t *testing.T) {
			res, err := sim.Run(preset(t, tc.preset))
			require.NoError(t, err)
			var got []string
			readyAfterYield := 0
			all := res.Trace.All()
			for i, ev := range all {
				if ev.Kind != sim.TaskSuspended && ev.Kind != sim.TaskReady {
					continue
				}
				got = append(got, strings.Join([]string{ev.Kind.String(), ev.Task, ev.Text, strconv.FormatFloat(ev.Wake, 'g', -1, 64)}, " "))
				if ev.Kind == sim.TaskSuspended && strings.HasPrefix(ev.Text, "yields") {
					require.Less(t, i+2, len(all))
					// aenter.suspended may sit between them when a hook yields.
					for _, next := range all[i+1 : i+3] {
						if next.Kind == sim.TaskReady && next.Task == ev.Task {
							readyAfterYield++
							break
						}
					}
				}
			}
			if tc.want != nil {
				assert.Equal(t, tc.want, got)
				return
			}
			// sleep(0): the task is back on the ready queue at once.
			assert.Positive(t, readyAfterYield)
		})
	}
}

// TestUnshowablePrintsSayWhy: a print that would show text no run can
// reproduce stops the run, saying what in the text makes it so.
func TestUnshowablePrintsSayWhy(t *testing.T) {
	tests := []struct {
		name, body, why string
	}{
		{"an active timeout shows the loop's clock",
			`{"with":{"items":[{"timeout":5,"as":"tm"}],"body":[{"print":"{tm!r}"}]}}`,
			"the print on line 10 shows {tm}, whose text holds its deadline, a reading of the event loop's clock"},
		{"an exit stack shows its address",
			`{"with":{"items":[{"exitStack":true,"as":"st"}],"body":[{"print":"{st}"}]}}`,
			"the print on line 11 shows {st}, whose text holds a memory address"},
		{"a task shows its address",
			`{"createTask":{"call":"w","as":"t"}},{"print":"{t!r}"}`,
			"shows {t}, whose text holds a memory address"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sc, err := sim.Decode([]byte(`{"version":1,"functions":[{"name":"w","body":[]},{"name":"main","body":[` + tc.body + `]}]}`))
			require.NoError(t, err)
			_, err = sim.Run(sc)
			require.ErrorIs(t, err, sim.ErrUnshowable)
			assert.Contains(t, err.Error(), tc.why)
		})
	}
}
