package replay

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"asyncwithlab/i18n"
	"asyncwithlab/sim"
)

// allCaptions is every caption of the run in English, one per line.
func allCaptions(r *Replay) string {
	var b strings.Builder
	for i := 0; i < r.Len(); i++ {
		b.WriteString(r.Caption(i, i18n.English) + "\n")
	}
	return b.String()
}

// TestCaptionsOfAThreadThatOutlivesItsTask: a task waiting for a thread
// and woken by a cancel is told so (not that the thread finished); the
// thread's later result reaches no task; asyncio.run waits for it.
func TestCaptionsOfAThreadThatOutlivesItsTask(t *testing.T) {
	for _, name := range []string{"thread-outlives-cancel", "deadline-for-all-steps"} {
		t.Run(name, func(t *testing.T) {
			all := allCaptions(runPreset(t, name))
			assert.Contains(t, all, "is woken before its time because it was cancelled")
			assert.NotContains(t, all, "has finished in its worker thread")
			assert.Contains(t, all, "asyncio.run still waits for the worker threads at work")
			assert.Contains(t, all, "No task awaits it any more")
			assert.NotContains(t, all, "the awaiting task gets it")
		})
	}
	all := allCaptions(runPreset(t, "to-thread-fix"))
	assert.Contains(t, all, "has finished in its worker thread and the loop has its outcome")
	assert.Contains(t, all, "the awaiting task gets it")
	assert.NotContains(t, all, "No task awaits it any more")
}

// TestNestedNamesOnlyOpenManagers: an object made and kept for later
// (cm = M()) is no block the next async with is nested in.
func TestNestedNamesOnlyOpenManagers(t *testing.T) {
	sc, err := sim.Decode([]byte(`{"version":1,"managers":[{"name":"Kept","kind":"class"},{"name":"Used","kind":"class"}],
		"functions":[{"name":"main","body":[{"assign":{"name":"k","manager":"Kept"}},
		{"with":{"items":[{"manager":"Used"}],"body":[{"with":{"items":[{"use":"k"}],"body":[{"pass":true}]}}]}}]}]}`))
	require.NoError(t, err)
	res, err := sim.Run(sc)
	require.NoError(t, err)
	r := New(res)
	used := r.Caption(eventIndex(t, r, sim.AenterStarted, "Used", 0), i18n.English)
	assert.NotContains(t, used, "nested inside")
	kept := r.Caption(eventIndex(t, r, sim.AenterStarted, "Kept", 0), i18n.English)
	assert.Contains(t, kept, "nested inside Used")
}

// TestTimeoutRaisesFromTheCancel: asyncio.timeout raises its
// TimeoutError from the CancelledError, so that is its __cause__ too.
func TestTimeoutRaisesFromTheCancel(t *testing.T) {
	all := allCaptions(runPreset(t, "timeout"))
	assert.Contains(t, all, "the CancelledError becomes its __cause__ (and its __context__)")
	assert.Contains(t, all, "raised from it: the old exception is both its __cause__ and its __context__")
	all = allCaptions(runPreset(t, "aexit-replaces"))
	assert.Contains(t, all, "the old exception stays attached as its __context__")
}

// TestBreakAndContinueLeavingABody: the caption names what left the
// block, as it does for return.
func TestBreakAndContinueLeavingABody(t *testing.T) {
	all := allCaptions(runPreset(t, "poll-until-ready"))
	assert.Contains(t, all, "A continue leaves the body for the loop's next round: Probe#1.__aexit__ still runs first")
	assert.Contains(t, all, "A break leaves the body and the loop: Probe#3.__aexit__ still runs first")
}

// TestAcloseIsNotAexit: awaits inside await stack.aclose(), while the
// stack's block still runs, are captioned as aclose's.
func TestAcloseIsNotAexit(t *testing.T) {
	all := allCaptions(runPreset(t, "exit-stack-toolkit"))
	assert.Contains(t, all, "awaits inside await stack.aclose()")
	assert.Contains(t, all, "stack.aclose() goes on unwinding AsyncExitStack")
	assert.NotContains(t, all, "AsyncExitStack.__aexit__ awaits")
	all = allCaptions(runPreset(t, "exit-stack"))
	assert.Contains(t, all, "AsyncExitStack.__aexit__ awaits, so main is suspended in the middle of its cleanup")
	assert.NotContains(t, all, "stack.aclose()")
}

// TestThreadLabelsTranslated: "f() in thread 1" reads in the caption's
// language.
func TestThreadLabelsTranslated(t *testing.T) {
	assert.Equal(t, "crunch() na thread 1", ThreadLabel("crunch() in thread 1", i18n.Lang("pt")))
	assert.Equal(t, "crunch() en el hilo 2", ThreadLabel("crunch() in thread 2", i18n.Lang("es")))
	assert.Equal(t, "odd label", ThreadLabel("odd label", i18n.English))
	r := runPreset(t, "deadline-for-all-steps")
	assert.Contains(t, r.Caption(eventIndex(t, r, sim.ThreadStarted, "", 0), i18n.Lang("es")), "crunch() en el hilo 1")
}

// TestSuspendInAManagerSaysTheNextStepOnce: a sleep inside __aenter__
// makes two events; only the manager's tells what the loop does next.
func TestSuspendInAManagerSaysTheNextStepOnce(t *testing.T) {
	r := runPreset(t, "names-in-your-language")
	i := eventIndex(t, r, sim.AenterSuspend, "", 0)
	require.Equal(t, sim.TaskSuspended, r.Event(i-1).Kind)
	task := r.Caption(i-1, i18n.English)
	assert.Contains(t, task, "sleeps until 0.5 s")
	assert.NotContains(t, task, "The loop runs")
	assert.Contains(t, r.Caption(i, i18n.English), "The loop runs the next ready task")
}
