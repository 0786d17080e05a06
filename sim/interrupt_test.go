package sim_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"asyncwithlab/sim"
)

// TestInterruptStopsTheLoop: a KeyboardInterrupt or SystemExit leaving a
// task's step stops the loop, and asyncio.run raises it after cancelling
// the rest (CPython's results are in the conformance scenarios
// keyboard-interrupt-* and system-exit-*).
func TestInterruptStopsTheLoop(t *testing.T) {
	sc, err := sim.Decode([]byte(`{"version":1,"functions":[
		{"name":"child","body":[{"raise":{"type":"SystemExit","message":"3"}}]},
		{"name":"main","body":[{"createTask":{"call":"child"}},{"sleep":1},{"print":"never"}]}]}`))
	require.NoError(t, err)
	res, err := sim.Run(sc)
	require.NoError(t, err)
	assert.Empty(t, res.Stdout)
	require.NotNil(t, res.Uncaught)
	assert.Equal(t, "SystemExit('3')", res.Uncaught.Repr)
	states := map[string]string{}
	for _, o := range res.Tasks {
		states[o.Name] = o.State
	}
	assert.Equal(t, map[string]string{"main": "cancelled", "child": "exception"}, states)
	var notes []string
	for _, ev := range res.Trace.All() {
		if ev.Kind == sim.Note {
			notes = append(notes, ev.Text)
		}
	}
	assert.Contains(t, notes, "the exception leaves Task.__step and stops the event loop at once")
	assert.Contains(t, notes, "the event loop has stopped: asyncio.run cancels the tasks still running (1)")
}

// TestInterruptDuringShutdownIsRefused: when asyncio.run's cleanup ends
// with a task still unfinished, CPython finishes it whenever the garbage
// collector frees it; the run says so rather than guess.
func TestInterruptDuringShutdownIsRefused(t *testing.T) {
	sc, err := sim.Decode([]byte(`{"version":1,"functions":[
		{"name":"stubborn","body":[{"try":{"body":[{"sleep":5}],"except":[{"types":["asyncio.CancelledError"],"body":[{"raise":"KeyboardInterrupt"}]}]}}]},
		{"name":"quiet","body":[{"try":{"body":[{"sleep":5}],"finally":[{"print":"quiet finally"}]}}]},
		{"name":"main","body":[{"createTask":{"call":"stubborn"}},{"createTask":{"call":"quiet"}},{"sleep":0}]}]}`))
	require.NoError(t, err)
	res, err := sim.Run(sc)
	require.ErrorIs(t, err, sim.ErrNotReproducible)
	assert.Contains(t, err.Error(), "the KeyboardInterrupt raised while asyncio.run shut down closed the event loop with task quiet unfinished")
	require.NotNil(t, res, "the partial result")
	assert.NotContains(t, res.Stdout, "quiet finally")
}
