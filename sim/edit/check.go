package edit

import (
	"slices"
	"strconv"
)

// This file holds Build's checks of how choices combine: settings a kind
// of manager has no use for, cancellations aimed where nothing awaits, and
// faults an earlier fault makes unreachable. They change the design in
// place and return a Problem for each thing they clear.

// combine refuses the choices that do not apply to a manager's kind or
// hook, and the cancellations that have no await to land at. It changes d
// in place.
func combine(d *Design) []Problem {
	c := &checker{d: d}
	for ti := range d.Tasks {
		t := &d.Tasks[ti]
		if t.Body.Kind == FaultSuppress {
			c.add(c.taskProblem(ti, HookBody, taskPath(ti, "body"), CodeSuppressNotExit))
			t.Body = Fault{}
		}
		if t.Body.timed() && t.BodySleep == 0 {
			p := c.taskProblem(ti, HookBody, taskPath(ti, "body"), CodeNoAwait)
			p.Arg = string(t.Body.Kind)
			c.add(p)
			t.Body = Fault{}
		}
		for mi := range t.Managers {
			c.applicable(ti, mi)
			c.awaitable(ti, mi)
		}
	}
	return c.probs
}

// applicable clears the settings a manager's kind has no use for.
func (c *checker) applicable(ti, mi int) {
	m := &c.d.Tasks[ti].Managers[mi]
	drop := func(set bool, field string, code Code, reset func()) {
		if set {
			p := c.managerProblem(ti, mi, "", field, code)
			if code == noCode[m.Kind] {
				p.Arg = field
			}
			c.add(p)
			reset()
		}
	}
	if m.Kind.library() {
		code := noCode[m.Kind]
		if m.Kind.shared() {
			drop(m.Timeout != 0, "timeout", CodeDeadlineNotTimer, func() { m.Timeout = 0 })
			c.reentered(ti, mi)
		}
		drop(m.EnterSleep != 0, "enterSleep", code, func() { m.EnterSleep = 0 })
		drop(m.ExitSleep != 0, "exitSleep", code, func() { m.ExitSleep = 0 })
		drop(m.Blocking, "blocking", code, func() { m.Blocking = false })
		drop(m.Threaded, "threaded", code, func() { m.Threaded = false })
		drop(m.Finally, "finally", code, func() { m.Finally = false })
		for _, h := range []Hook{HookEnterStart, HookEnterEnd, HookExit} {
			f := m.fault(h)
			drop(!f.IsNone(), string(h), code, func() { *f = Fault{} })
		}
		return
	}
	drop(m.Finally && m.Kind != KindGenerator, "finally", CodeFinallyNotGen, func() { m.Finally = false })
	drop(m.Timeout != 0, "timeout", CodeDeadlineNotTimer, func() { m.Timeout = 0 })
	drop(m.Blocking && m.EnterSleep == 0, "blocking", CodeBlockNoTime, func() { m.Blocking = false })
	drop(m.Threaded && m.EnterSleep == 0, "threaded", CodeBlockNoTime, func() { m.Threaded = false })
	drop(m.Threaded && m.Blocking, "threaded", CodeThreadedBlocking, func() { m.Threaded = false })
	if m.Threaded {
		c.threads++
		drop(c.threads > maxThreads, "threaded", CodeTooManyThreads, func() { m.Threaded = false })
	}
	for _, h := range []Hook{HookEnterStart, HookEnterEnd} {
		if f := m.fault(h); f.Kind == FaultSuppress {
			c.add(c.managerProblem(ti, mi, h, string(h), CodeSuppressNotExit))
			*f = Fault{}
		}
	}
	if m.Kind == KindGenerator && m.Exit.Kind == FaultSuppress {
		p := c.managerProblem(ti, mi, HookExit, "exit", CodeGeneratorSuppress)
		p.Dropped = false
		c.add(p)
	}
}

// noCode is the problem of a library manager given code of its own, by
// kind.
var noCode = map[ManagerKind]Code{KindTimeout: CodeTimeoutHasNoCode, KindLock: CodeLockHasNoCode, KindSemaphore: CodeSemaphoreHasNoCode}

// reentered explains an entry of a shared object that Build leaves out
// because the task already holds all of it (see enters).
func (c *checker) reentered(ti, mi int) {
	places := c.d.SemaphoreValue()
	if enters(c.d.Tasks[ti].Managers, mi, places) {
		return
	}
	if c.d.Tasks[ti].Managers[mi].Kind == KindLock {
		c.add(c.managerProblem(ti, mi, "", "kind", CodeLockTwice))
		return
	}
	p := c.managerProblem(ti, mi, "", "kind", CodeSemaphoreFull)
	p.Arg = strconv.Itoa(places)
	c.add(p)
}

// awaitable clears the cancellations and time-outs aimed at a hook that
// never awaits: Python delivers a cancellation only at an await.
func (c *checker) awaitable(ti, mi int) {
	m := &c.d.Tasks[ti].Managers[mi]
	refuse := func(h Hook, code Code) {
		f := m.fault(h)
		p := c.managerProblem(ti, mi, h, string(h), code)
		p.Arg = string(f.Kind)
		c.add(p)
		*f = Fault{}
	}
	if m.EnterStart.timed() {
		switch {
		case m.Blocking:
			refuse(HookEnterStart, CodeBlockingNoAwait)
		case m.EnterSleep == 0:
			refuse(HookEnterStart, CodeNoAwait)
		}
	}
	if m.EnterEnd.timed() {
		refuse(HookEnterEnd, CodeNoAwaitAfter)
	}
	if m.Exit.timed() && m.ExitSleep == 0 {
		refuse(HookExit, CodeNoAwait)
	}
}

// flight is what a task carries out of its body and up through the
// __aexit__ calls, as far as the design alone can tell.
type flight uint8

const (
	flightNone    flight = iota // nothing: the block ended normally
	flightExc                   // an Exception (a raise, or TimeoutError)
	flightCancel                // a CancelledError
	flightUnknown               // depends on timing (an asyncio.timeout may have fired)
)

// point names a hook of a task, as the cause of a later problem.
type point struct {
	name string
	hook Hook
}

// reach clears the faults an earlier fault of the same task makes
// unreachable: after an interruption in __aenter__ nothing inner runs and
// that manager's __aexit__ is never called; the teardown after a bare
// yield is skipped while an exception is in flight. Only certain cases are
// cleared; what depends on timing is left to the run (see Build).
func reach(d *Design) []Problem {
	c := &checker{d: d}
	for ti := range d.Tasks {
		c.reachTask(ti)
		c.idleTimeouts(ti)
	}
	return c.probs
}

func (c *checker) reachTask(ti int) {
	t := &c.d.Tasks[ti]
	unreachable := func(mi int, h Hook, code Code, cause *point) {
		var p Problem
		if mi < 0 {
			p = c.taskProblem(ti, HookBody, taskPath(ti, "body"), code)
			t.Body = Fault{}
		} else {
			p = c.managerProblem(ti, mi, h, string(h), code)
			*t.Managers[mi].fault(h) = Fault{}
		}
		p.CauseName, p.CauseHook = cause.name, cause.hook
		c.add(p)
	}
	// Entering, outermost first.
	var stop *point
	var stopKind FaultKind
	entered := len(t.Managers)
	for mi := range t.Managers {
		m := &t.Managers[mi]
		name := managerName(m.Kind, ti, mi, len(c.d.Tasks))
		for _, h := range []Hook{HookEnterStart, HookEnterEnd, HookExit} {
			f := m.fault(h)
			switch {
			case f.IsNone():
			case stop != nil && h == HookExit && entered == mi:
				unreachable(mi, h, CodeExitNotCalled, stop)
			case stop != nil:
				unreachable(mi, h, CodeUnreachable, stop)
			case h != HookExit && f.interrupts():
				stop, stopKind, entered = &point{name, h}, f.Kind, mi
			}
		}
	}
	// The body.
	fl := flightNone
	cause := stop
	switch {
	case stop != nil:
		fl = flightOf(stopKind)
		if !t.Body.IsNone() {
			unreachable(-1, HookBody, CodeUnreachable, stop)
		}
	case t.Body.interrupts():
		fl = flightOf(t.Body.Kind)
		cause = &point{taskName(ti, len(c.d.Tasks)), HookBody}
	}
	// Leaving, innermost first.
	for mi := entered - 1; mi >= 0; mi-- {
		m := &t.Managers[mi]
		if m.Kind == KindTimeout {
			if fl == flightCancel {
				fl = flightUnknown // it may turn the cancellation into TimeoutError
			}
			continue
		}
		catches := m.Kind == KindGenerator && m.Exit.Kind == FaultSuppress && fl == flightExc
		skipped := m.Kind == KindGenerator && !m.Finally && !catches && (fl == flightExc || fl == flightCancel)
		switch f := m.Exit; {
		case skipped && f.interrupts():
			unreachable(mi, HookExit, CodeSkippedTeardown, cause)
		case f.interrupts():
			fl = flightOf(f.Kind)
			cause = &point{managerName(m.Kind, ti, mi, len(c.d.Tasks)), HookExit}
		case f.Kind == FaultSuppress && (m.Kind != KindGenerator || catches):
			fl = flightNone
		}
	}
}

func flightOf(k FaultKind) flight {
	if k == FaultRaise {
		return flightExc
	}
	return flightCancel // a cancellation, or the CancelledError of a time-out inside its block
}

// idleTimeouts notes the asyncio.timeout managers whose block never
// awaits: their deadline is only checked while the task waits. They stay
// in the scenario (they are harmless), with the explanation.
func (c *checker) idleTimeouts(ti int) {
	t := c.d.Tasks[ti]
	for mi, m := range t.Managers {
		if m.Kind != KindTimeout {
			continue
		}
		awaits := t.BodySleep > 0
		for _, in := range t.Managers[mi+1:] {
			if in.Kind != KindTimeout && ((in.EnterSleep > 0 && !in.Blocking) || in.ExitSleep > 0) {
				awaits = true
			}
			if in.Kind.shared() && c.usedElsewhere(ti, in.Kind) {
				awaits = true // the task may queue there behind another one
			}
		}
		if !awaits {
			p := c.managerProblem(ti, mi, "", "timeout", CodeTimeoutIdle)
			p.Dropped = false
			c.add(p)
		}
	}
}

// usedElsewhere says whether a task other than ti enters the shared
// object of kind k.
func (c *checker) usedElsewhere(ti int, k ManagerKind) bool {
	for oi, t := range c.d.Tasks {
		if oi != ti && slices.ContainsFunc(t.Managers, func(m ManagerDesign) bool { return m.Kind == k }) {
			return true
		}
	}
	return false
}
