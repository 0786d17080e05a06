package replay

import (
	"reflect"

	"asyncwithlab/sim"
)

// Stops are the event indices playback stops at when stepping, in order;
// the last event is always one. Two kinds of events are bookkeeping that
// the next stop shows anyway, and are skipped:
//
//   - task.ready: a task joining the ready queue changes only the queue,
//     and the step that runs it follows;
//   - task.suspended or task.resumed directly followed by the same task's
//     aenter/aexit suspended or resumed: the hook event says the same
//     thing more precisely (the snapshot of the hook event still holds
//     everything the task event changed, such as the wake-up time).
//
// The slice is shared: do not change it.
func (r *Replay) Stops() []int { return r.stops }

// isStop reports whether ev, followed by next, is a step worth stopping at.
func isStop(ev, next sim.Event) bool {
	switch ev.Kind {
	case sim.TaskReady:
		return false
	case sim.TaskSuspended:
		return !(next.Task == ev.Task && (next.Kind == sim.AenterSuspend || next.Kind == sim.AexitSuspend))
	case sim.TaskResumed:
		return !(next.Task == ev.Task && (next.Kind == sim.AenterResumed || next.Kind == sim.AexitResumed))
	}
	return true
}

// FirstDifference is the index of the first event where two runs differ,
// so that after an edit the animation can restart from the changed point
// rather than from the beginning. Line numbers are not compared: an edit
// shifts the lines of the rendered program without changing what runs.
// It is the shorter length when one run is the beginning of the other,
// and -1 when they are the same.
func FirstDifference(a, b *sim.Result) int {
	na, nb := traceLen(a), traceLen(b)
	for i := 0; i < min(na, nb); i++ {
		ea, eb := a.Trace.At(i), b.Trace.At(i)
		ea.Line, eb.Line = 0, 0
		if !reflect.DeepEqual(ea, eb) {
			return i
		}
	}
	if na != nb {
		return min(na, nb)
	}
	return -1
}

func traceLen(r *sim.Result) int {
	if r == nil {
		return 0
	}
	return r.Trace.Len()
}
