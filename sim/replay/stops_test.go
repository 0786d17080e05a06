package replay

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"asyncwithlab/sim"
	"asyncwithlab/sim/catalog/catalogtest"
)

func TestStopsSkipOnlyBookkeeping(t *testing.T) {
	for _, p := range catalogtest.Presets(t) {
		res, err := sim.Run(p.Scenario)
		require.NoError(t, err)
		r := New(res)
		stops := r.Stops()
		require.NotEmpty(t, stops, p.Name)
		assert.Equal(t, r.Len()-1, stops[len(stops)-1], "%s: the last event is a stop", p.Name)
		isStop := map[int]bool{}
		for k, i := range stops {
			isStop[i] = true
			if k > 0 {
				assert.Less(t, stops[k-1], i, p.Name)
			}
		}
		for i := 0; i < r.Len()-1; i++ {
			ev, next := r.Event(i), r.Event(i+1)
			repeated := (ev.Kind == sim.TaskSuspended && next.Kind == sim.AenterSuspend || ev.Kind == sim.TaskSuspended && next.Kind == sim.AexitSuspend ||
				ev.Kind == sim.TaskResumed && next.Kind == sim.AenterResumed || ev.Kind == sim.TaskResumed && next.Kind == sim.AexitResumed) && ev.Task == next.Task
			skip := ev.Kind == sim.TaskReady || repeated
			assert.Equal(t, !skip, isStop[i], "%s: event %d %s then %s", p.Name, i, ev.Kind, next.Kind)
		}
	}
}

// reencode copies a scenario through JSON, for editing.
func reencode(t *testing.T, sc *sim.Scenario) *sim.Scenario {
	data, err := sim.Encode(sc)
	require.NoError(t, err)
	c, err := sim.Decode(data)
	require.NoError(t, err)
	return c
}

func TestFirstDifference(t *testing.T) {
	sc := catalogtest.Scenario(t, "gather-interleave")
	base, err := sim.Run(sc)
	require.NoError(t, err)

	slower := reencode(t, sc) // the scanner warms up for 0.75 s, not 0.5 s
	for _, m := range slower.Managers {
		if m.Name == "Scanner" {
			for _, st := range m.Aenter {
				if st.Kind == sim.SSleep {
					st.Seconds = 0.75
				}
			}
		}
	}
	longer := reencode(t, sc) // main prints once more at its end
	for _, f := range longer.Functions {
		if f.Name == "main" {
			f.Body = append(f.Body, &sim.Stmt{Kind: sim.SPrint, Text: "one more line"})
		}
	}
	shifted := reencode(t, sc) // an unused manager: every line moves, nothing else
	shifted.Managers = append([]*sim.ManagerDef{{Name: "Unused", Kind: sim.ClassManager,
		Aenter: []*sim.Stmt{{Kind: sim.SPrint, Text: "a"}, {Kind: sim.SPrint, Text: "b"}}}}, shifted.Managers...)

	run := func(sc *sim.Scenario) *sim.Result {
		res, err := sim.Run(sc)
		require.NoError(t, err)
		return res
	}
	tests := []struct {
		name string
		b    *sim.Result
		want func(t *testing.T, d int)
	}{
		{"same run", run(sc), func(t *testing.T, d int) { assert.Equal(t, -1, d) }},
		{"lines moved only", run(shifted), func(t *testing.T, d int) { assert.Equal(t, -1, d) }},
		{"nothing to compare with", nil, func(t *testing.T, d int) { assert.Equal(t, 0, d) }},
		{"a sleep changed", run(slower), func(t *testing.T, d int) {
			ev := base.Trace.At(d)
			assert.Equal(t, sim.TaskSuspended, ev.Kind)
			assert.Equal(t, "scan_job", ev.Task, "where the scanner's sleep is set")
		}},
		{"a print added at the end", run(longer), func(t *testing.T, d int) {
			assert.Equal(t, base.Trace.Len()-1, d, "main's last event changes")
			assert.Equal(t, sim.TaskFinished, base.Trace.At(d).Kind)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := FirstDifference(base, tt.b)
			tt.want(t, d)
			assert.Equal(t, d, FirstDifference(tt.b, base), "symmetric")
		})
	}
}
