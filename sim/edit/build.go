package edit

import (
	"strings"

	"asyncwithlab/sim"
)

// Build writes the design as a scenario that sim accepts, together with
// the problems found: each explains a choice that was left out (or built
// differently, or has no effect) and where it is. The scenario never holds
// what a problem with Dropped set refers to.
//
// Cancellations and time-outs are placed with trial runs (see place.go):
// a few runs for each one a task holds, the tasks being placed side by
// side. A design without them costs one run, which checks that every
// raise happens and every "returns True" has something to suppress; one
// where a task enters shared objects twice costs a run more, or more if
// it deadlocks (see shared.go).
func (d Design) Build() (*sim.Scenario, []Problem) {
	c, probs := sanitize(d)
	probs = append(probs, combine(&c)...)
	probs = append(probs, reach(&c)...)
	b := &builder{d: c}
	probs = append(probs, b.untangle()...)
	probs = append(probs, b.placeTimed()...)
	// A cancellation changes when its task lets go of what it holds, so
	// the faults' runs may deadlock where the first did not; what untangle
	// leaves out then may move a placed fault.
	for more := b.untangle(); len(more) > 0; more = b.untangle() {
		probs = append(probs, more...)
		probs = append(probs, b.checkPlaced()...)
	}
	sc := b.scenario()
	if res := run(b.scenario()); res != nil {
		probs = append(probs, b.checkRun(res)...)
	}
	return sc, probs
}

// checkRun explains the faults that stay in the scenario but, in the run,
// never happen (the task stopped first) or change nothing (a "returns
// True" that never receives an exception).
func (b *builder) checkRun(res *sim.Result) []Problem {
	c := &checker{d: &b.d}
	var probs []Problem
	evs := res.Trace.All()
	raised := func(msg string) bool {
		for _, ev := range evs {
			if ev.Kind == sim.ExcRaised && ev.Exc != nil && strings.Contains(ev.Exc.Message, msg) {
				return true
			}
		}
		return false
	}
	for ti, t := range b.d.Tasks {
		if t.Body.Kind == FaultRaise && !raised(raiseMessage(taskName(ti, b.tasks()), HookBody)) {
			p := c.taskProblem(ti, HookBody, taskPath(ti, "body"), CodeNotReached)
			p.Dropped = false
			probs = append(probs, p)
		}
		for mi, m := range t.Managers {
			name := managerName(m.Kind, ti, mi, b.tasks())
			for _, h := range []Hook{HookEnterStart, HookEnterEnd, HookExit} {
				if m.fault(h).Kind == FaultRaise && !raised(raiseMessage(name, h)) {
					p := c.managerProblem(ti, mi, h, string(h), CodeNotReached)
					p.Dropped = false
					probs = append(probs, p)
				}
			}
			if m.Exit.Kind == FaultSuppress {
				if code, ok := suppressEffect(evs, name); !ok {
					p := c.managerProblem(ti, mi, HookExit, "exit", code)
					p.Dropped = false
					probs = append(probs, p)
				}
			}
		}
	}
	return probs
}

// suppressEffect tells whether a manager that returns True ever had an
// exception to suppress: its __aexit__ must be called, once at least with
// an exception.
func suppressEffect(evs []sim.Event, name string) (Code, bool) {
	called := false
	for _, ev := range evs {
		if ev.Kind == sim.AexitCalled && managerBase(ev.Manager) == name {
			called = true
			if ev.Exc != nil {
				return "", true
			}
		}
	}
	if !called {
		return CodeNotReached, false
	}
	return CodeNothingToSuppress, false
}
