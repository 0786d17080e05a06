package sim_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"asyncwithlab/sim"
)

// TestWhileLoopsThatNeverEndHitALimit: CPython would run these forever;
// the engine stops each at the limit that bounds what it spins on, with
// what ran so far kept.
func TestWhileLoopsThatNeverEndHitALimit(t *testing.T) {
	lim := sim.Limits{MaxEvents: 5_000, MaxTasks: 10, MaxManagers: 100, MaxOutput: 1 << 20, MaxIterate: 100_000, MaxSteps: 20_000, MaxHeld: 1_000}
	tests := []struct {
		name, body, want string
	}{
		{"an empty body (pass)", `{"while":{"body":[{"pass":true}]}}`, "more than 20000 statements executed"},
		{"continue at once", `{"while":{"body":[{"continue":true}]}}`, "more than 20000 statements executed"},
		{"a test that stays true", `{"for":{"var":"x","range":1,"body":[]}},{"while":{"var":"x","equals":0,"body":[{"pass":true}]}}`, "more than 20000 statements executed"},
		{"printing", `{"while":{"body":[{"print":"again"}]}}`, "more than 5000 trace events"},
		{"sleeping", `{"while":{"body":[{"sleep":1}]}}`, "more than 5000 trace events"},
		{"nested for loops with empty bodies", `{"while":{"body":[{"for":{"var":"i","range":1000,"body":[]}}]}}`, "more than 20000 statements executed"},
		// What piles up without events is bounded on its own, long before
		// the step limit.
		{"notes piling up", `{"try":{"body":[{"raise":"ValueError"}],"except":[{"types":["ValueError"],"as":"e","body":[{"while":{"body":[{"addNote":{"to":"e","note":"again"}}]}}]}]}}`, "more than 1000 notes on one exception"},
		{"callbacks piling up", `{"with":{"items":[{"exitStack":true,"as":"st"}],"body":[{"while":{"body":[{"pushCallback":{"stack":"st","function":"cb","sync":true}}]}}]}}`, "more than 1000 callbacks on one exit stack"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := `{"version":1,"functions":[{"name":"cb","sync":true,"body":[{"pass":true}]},{"name":"main","body":[` + tt.body + `]}]}`
			sc, err := sim.Decode([]byte(src))
			require.NoError(t, err)
			res, err := sim.RunWithLimits(sc, lim)
			require.Error(t, err)
			assert.True(t, sim.IsLimit(err))
			assert.Contains(t, err.Error(), tt.want)
			require.NotNil(t, res)
		})
	}
}

// TestWhileRunsAsPython: the test before each round, else only when the
// test ends the loop, and the forms of test an if takes.
func TestWhileRunsAsPython(t *testing.T) {
	tests := []struct {
		name, body, want string
	}{
		{"false at once runs else", `{"for":{"var":"x","range":1,"body":[]}},{"while":{"var":"x","body":[{"print":"never"}],"else":[{"print":"else"}]}}`, "else\n"},
		{"break skips else", `{"while":{"body":[{"print":"once"},{"break":true}],"else":[{"print":"never"}]}}`, "once\n"},
		{"a task's done() polled", `{"createTask":{"call":"w","as":"t"}},{"while":{"var":"t.done()","not":true,"body":[{"print":"wait"},{"sleep":0.4}],"else":[{"print":"done"}]}}`, "wait\nwait\nw\ndone\n"},
		// Lists compare item by item (True == 1 inside them too), sets of
		// tasks by their members; Go's == would panic on either.
		{"two gathers' lists", `{"gather":{"awaitables":[{"call":"one"}],"as":"a"}},{"gather":{"awaitables":[{"call":"yes"}],"as":"b"}},{"while":{"var":"a","equals":{"var":"b"},"body":[{"print":"equal lists"},{"break":true}],"else":[{"print":"unequal"}]}}`, "equal lists\n"},
		{"lists of different lengths", `{"gather":{"awaitables":[{"call":"one"}],"as":"a"}},{"gather":{"awaitables":[{"call":"one"},{"call":"one"}],"as":"b"}},{"if":{"var":"a","equals":{"var":"b"},"then":[{"print":"equal"}],"else":[{"print":"unequal"}]}}`, "unequal\n"},
		{"asyncio.wait's sets", `{"createTask":{"call":"one","as":"t"}},{"wait":{"tasks":["t"],"done":"d1","pending":"p1"}},{"wait":{"tasks":["t"],"done":"d2","pending":"p2"}},{"if":{"var":"d1","equals":{"var":"d2"},"then":[{"print":"same sets"}]}},{"if":{"var":"d1","equals":{"var":"p2"},"not":true,"then":[{"print":"done != pending"}]}}`, "same sets\ndone != pending\n"},
		{"not equal", `{"for":{"var":"i","range":3,"body":[]}},{"while":{"var":"i","equals":2,"not":true,"body":[{"print":"never"}],"else":[{"print":"i is 2"}]}}`, "i is 2\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := `{"version":1,"functions":[{"name":"w","body":[{"sleep":0.5},{"print":"w"}]},{"name":"one","body":[{"return":1}]},{"name":"yes","body":[{"return":true}]},{"name":"main","body":[` + tt.body + `]}]}`
			sc, err := sim.Decode([]byte(src))
			require.NoError(t, err)
			res, err := sim.Run(sc)
			require.NoError(t, err)
			assert.Equal(t, tt.want, res.Stdout)
		})
	}
}

// TestWhileRoundTrips: what the encoder writes decodes to the same loop,
// and the renderer writes each form as Python does.
func TestWhileRoundTrips(t *testing.T) {
	tests := []struct{ body, python string }{
		{`{"while":{"body":[{"break":true}]}}`, "    while True:\n        break\n"},
		{`{"createTask":{"call":"main2","as":"t"}},{"while":{"var":"t.done()","not":true,"body":[{"sleep":1}],"else":[{"pass":true}]}}`, "    while not t.done():\n        await asyncio.sleep(1)\n    else:\n        pass\n"},
		{`{"createTask":{"call":"main2","as":"t"}},{"while":{"var":"t","equals":null,"not":true,"body":[{"break":true}]}}`, "    while t is not None:\n"},
	}
	for _, tt := range tests {
		src := `{"version":1,"functions":[{"name":"main2","body":[]},{"name":"main","body":[` + tt.body + `]}]}`
		sc, err := sim.Decode([]byte(src))
		require.NoError(t, err, tt.body)
		assert.Contains(t, sim.Render(sc), tt.python)
		data, err := sim.Encode(sc)
		require.NoError(t, err)
		again, err := sim.Decode(data)
		require.NoError(t, err)
		assert.Equal(t, sim.Render(sc), sim.Render(again))
	}
}
