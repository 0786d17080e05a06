package edit

import (
	"math"
	"strings"

	"asyncwithlab/sim"
)

// This file reads runs to time cancellations and time-outs by the virtual
// clock, for Build (place.go) and Inject alike. A region is a stretch of
// code (a hook, a body) recognised in a run's trace by the event that
// opens it and the events that close it. A trial run shows the first
// moment a task waits inside the region (firstWait); the fault is timed to
// strike then; a second run checks that it did (landed).

// region is a stretch of code as the trace shows it.
type region struct {
	// opens matches the event that starts the region (its Task is the
	// task that runs it); closer makes, for each time the region opens, a
	// matcher of the task's later event that ends it (a fresh one, as it
	// may count nested blocks).
	opens  func(ev sim.Event) bool
	closer func() func(ev sim.Event) bool
}

// wait is a task's first suspension inside a region, in a trial run.
type wait struct {
	task    string
	entered float64 // when the task entered the region
	from    float64 // when it suspended there
	until   float64 // when it resumed (+Inf if it never did)
	created float64 // when the task was created
	started float64 // when it first ran
}

// firstWait finds the first time a task waits inside the region for a
// positive time. A suspension that resumes at the same instant (sleep(0))
// is no place for a timer to strike, so the search goes on past it.
func firstWait(tr *sim.Trace, rg region) (wait, bool) {
	created := map[string]float64{}
	started := map[string]float64{}
	n := tr.Len()
	for i := 0; i < n; i++ {
		ev := tr.At(i)
		switch ev.Kind {
		case sim.TaskCreated:
			created[ev.Task] = ev.Time
		case sim.TaskStarted:
			started[ev.Task] = ev.Time
		}
		if ev.Task == "" || !rg.opens(ev) {
			continue
		}
		w := wait{task: ev.Task, entered: ev.Time, created: created[ev.Task], started: started[ev.Task]}
		closes := rg.closer()
		for j := i + 1; j < n; j++ {
			e := tr.At(j)
			if e.Task != w.task {
				continue
			}
			if closes(e) {
				return wait{}, false
			}
			if e.Kind != sim.TaskSuspended {
				continue
			}
			w.from, w.until = e.Time, math.Inf(1)
			for k := j + 1; k < n; k++ {
				if r := tr.At(k); r.Task == w.task && r.Kind == sim.TaskResumed {
					w.until = r.Time
					break
				}
			}
			if w.until > w.from {
				return w, true
			}
		}
		return wait{}, false
	}
	return wait{}, false
}

// moments are the times a timer may strike during the wait, best first:
// half-way (a round number in the program), then early ones, which still
// win when a blocking call made the loop late for the task's own timer.
func (w wait) moments() []float64 {
	span := w.until - w.from
	if math.IsInf(span, 1) {
		span = 1
	}
	var out []float64
	for _, at := range []float64{w.from + span/2, w.from + span/10, w.from + minSleep/10} {
		at = round6(at)
		if at > w.from && at < w.until && (len(out) == 0 || at < out[len(out)-1]) {
			out = append(out, at)
		}
	}
	return out
}

// landed reports whether, in a run, a trigger for the task (its cancel()
// call or its deadline, at or after the time at) happens while the task is
// inside the region: then the CancelledError is thrown in there.
func landed(tr *sim.Trace, rg region, at float64, trigger sim.EventKind) bool {
	n := tr.Len()
	for i := 0; i < n; i++ {
		ev := tr.At(i)
		if ev.Task == "" || !rg.opens(ev) {
			continue
		}
		closes := rg.closer()
		for j := i + 1; j < n; j++ {
			e := tr.At(j)
			if e.Task != ev.Task {
				continue
			}
			if e.Kind == trigger && e.Time >= at-timeSlack {
				return true
			}
			if closes(e) {
				break
			}
		}
	}
	return false
}

// round6 rounds a time to the microsecond, so that the program shows
// call_later(1.25, ...) rather than a float's rounding noise.
func round6(t float64) float64 { return math.Round(t*1e6) / 1e6 }

// timeSlack absorbs that rounding when a run's times are compared with a
// planned one.
const timeSlack = 1e-6

// triggerOf is the event that starts a timed fault's cancellation.
func triggerOf(k FaultKind) sim.EventKind {
	if k == FaultTimeout {
		return sim.TimeoutFired
	}
	return sim.CancelRequest
}

// managerBase is a manager instance's definition: "Conn#2" is a Conn.
func managerBase(label string) string {
	if i := strings.LastIndexByte(label, '#'); i >= 0 {
		return label[:i]
	}
	return label
}

// printed matches a print of the task whose line starts with text.
func printed(text string) func(sim.Event) bool {
	return func(ev sim.Event) bool { return ev.Kind == sim.Printed && strings.HasPrefix(ev.Text, text) }
}

// hookEnds matches the events that end one of a manager's hooks.
func hookEnds(name string, kinds ...sim.EventKind) func() func(sim.Event) bool {
	return func() func(sim.Event) bool {
		return func(ev sim.Event) bool {
			for _, k := range kinds {
				if ev.Kind == k && managerBase(ev.Manager) == name {
					return true
				}
			}
			return false
		}
	}
}

// bodyEnds matches the end of the with body the region opened in, by
// counting the with statements nested inside it.
func bodyEnds() func(sim.Event) bool {
	depth := 0
	return func(ev sim.Event) bool {
		switch ev.Kind {
		case sim.BodyStarted:
			depth++
		case sim.BodyEnded:
			if depth == 0 {
				return true
			}
			depth--
		}
		return false
	}
}

// run runs a scenario the package built or copied. Its error is not
// needed: such a scenario is valid, and a run stopped by a limit or a
// deadlock still has a trace to read. A nil result means nothing ran.
func run(sc *sim.Scenario) *sim.Result {
	res, _ := sim.Run(sc)
	if res == nil || res.Trace == nil {
		return nil
	}
	return res
}
