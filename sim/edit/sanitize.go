package edit

import (
	"fmt"
	"math"
	"slices"
	"strconv"
)

// This file holds Build's first check: the values (counts, enums,
// durations) that a design made in Go, or read from an old link, may get
// wrong. Like the checks of check.go, each clears what it refuses, so that
// the scenario is built without it, and records a Problem saying why.

// checker accumulates the problems of one design.
type checker struct {
	d     *Design
	probs []Problem
	// threads counts the managers kept running their call in a worker
	// thread, up to maxThreads.
	threads int
}

// maxThreads is how many managers may run their call in a worker thread:
// the default executor runs min(32, CPUs + 4) threads at once, at least 5
// on any machine, and a program that needs more would run in an order
// that depends on the machine.
const maxThreads = 5

func (c *checker) add(p Problem) { c.probs = append(c.probs, p) }

// taskProblem is a problem about task ti as a whole, or its body (h).
func (c *checker) taskProblem(ti int, h Hook, where string, code Code) Problem {
	return Problem{Where: where, Code: code, Task: ti, Manager: -1, Hook: h, TaskName: taskName(ti, len(c.d.Tasks)), Dropped: true}
}

// managerProblem is a problem about manager mi of task ti, at hook h if set.
func (c *checker) managerProblem(ti, mi int, h Hook, field string, code Code) Problem {
	m := c.d.Tasks[ti].Managers[mi]
	name := managerName(m.Kind, ti, mi, len(c.d.Tasks))
	if name == "" {
		name = "asyncio.timeout"
	}
	return Problem{Where: managerPath(ti, mi, field), Code: code, Task: ti, Manager: mi, Hook: h,
		TaskName: taskName(ti, len(c.d.Tasks)), Name: name, Dropped: true}
}

func managerPath(ti, mi int, field string) string {
	return fmt.Sprintf("tasks[%d].managers[%d].%s", ti, mi, field)
}

func taskPath(ti int, field string) string { return fmt.Sprintf("tasks[%d].%s", ti, field) }

// sanitize returns a copy of d whose values are all valid: known runner
// and kinds, counts, places and durations in range, faults of known kinds and
// types. It does not look at how choices combine.
func sanitize(d Design) (Design, []Problem) {
	out := d.Clone()
	c := &checker{d: &out}
	if !slices.Contains(Runners, out.Runner) {
		c.add(Problem{Where: "runner", Code: CodeBadRunner, Task: -1, Manager: -1, Arg: string(out.Runner), Dropped: true})
		out.Runner = RunGather
	}
	if out.Places < 0 || out.Places > MaxPlaces {
		c.add(Problem{Where: "places", Code: CodeBadPlaces, Task: -1, Manager: -1, Arg: strconv.Itoa(out.Places)})
		out.Places = 0
	}
	switch n := len(out.Tasks); {
	case n < MinTasks:
		c.add(Problem{Where: "tasks", Code: CodeNoTasks, Task: -1, Manager: -1})
		out.Tasks = []TaskDesign{{}}
	case n > MaxTasks:
		c.add(Problem{Where: "tasks", Code: CodeTooManyTasks, Task: -1, Manager: -1, Arg: strconv.Itoa(n), Dropped: true})
		out.Tasks = out.Tasks[:MaxTasks]
	}
	for ti := range out.Tasks {
		t := &out.Tasks[ti]
		if n := len(t.Managers); n > MaxManagers {
			p := c.taskProblem(ti, "", taskPath(ti, "managers"), CodeTooManyManagers)
			p.Arg = strconv.Itoa(n)
			c.add(p)
			t.Managers = t.Managers[:MaxManagers]
		}
		c.duration(&t.BodySleep, func() Problem { return c.taskProblem(ti, HookBody, taskPath(ti, "bodySleep"), CodeBadDuration) })
		c.fault(&t.Body, func(code Code) Problem { return c.taskProblem(ti, HookBody, taskPath(ti, "body"), code) })
		for mi := range t.Managers {
			m := &t.Managers[mi]
			if !slices.Contains(ManagerKinds, m.Kind) {
				p := c.managerProblem(ti, mi, "", "kind", CodeBadKind)
				p.Arg, p.Dropped = string(m.Kind), false
				c.add(p)
				m.Kind = KindClass
			}
			for _, f := range []struct {
				v    *float64
				name string
			}{{&m.EnterSleep, "enterSleep"}, {&m.ExitSleep, "exitSleep"}, {&m.Timeout, "timeout"}} {
				c.duration(f.v, func() Problem { return c.managerProblem(ti, mi, "", f.name, CodeBadDuration) })
			}
			for _, h := range []Hook{HookEnterStart, HookEnterEnd, HookExit} {
				c.fault(m.fault(h), func(code Code) Problem { return c.managerProblem(ti, mi, h, string(h), code) })
			}
		}
	}
	return out, c.probs
}

// duration resets an invalid duration to 0.
func (c *checker) duration(v *float64, prob func() Problem) {
	if validDuration(*v) {
		return
	}
	p := prob()
	p.Arg = strconv.FormatFloat(*v, 'g', -1, 64)
	if math.IsNaN(*v) {
		p.Arg = "NaN"
	}
	p.Dropped = false
	c.add(p)
	*v = 0
}

// fault clears a fault of unknown kind or exception type.
func (c *checker) fault(f *Fault, prob func(Code) Problem) {
	switch {
	case !slices.Contains(FaultKinds, f.Kind):
		p := prob(CodeBadFault)
		p.Arg = string(f.Kind)
		c.add(p)
		*f = Fault{}
	case f.Kind == FaultRaise && f.Type != "" && !slices.Contains(ExcTypes, f.Type):
		p := prob(CodeBadType)
		p.Arg = f.Type
		c.add(p)
		*f = Fault{}
	case f.Kind != FaultRaise:
		f.Type = ""
	}
}
