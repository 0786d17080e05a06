package replay

import (
	"math"
	"strconv"
	"strings"

	"asyncwithlab/i18n"
	"asyncwithlab/sim"
)

// Caption says in plain words what event i did and why it matters, in
// the language lang (its catalogue's caption.* messages; English for a
// language without one). Where the meaning depends on what comes next
// (who receives an exception, whether it is suppressed), it looks ahead
// in the trace. i = -1 (before the first event) gets an invitation to
// start; an index outside the trace gets "".
func (r *Replay) Caption(i int, lang i18n.Lang) string {
	if i < -1 || i >= r.n {
		return ""
	}
	c := captioner{r: r, lang: lang}
	if i == -1 {
		return c.say("caption.start")
	}
	c.i, c.s = i, r.At(i)
	c.ev = c.s.Event
	c.lane = c.s.Lane(c.ev.Task)
	if c.lane != nil {
		c.frame = c.lane.Frame(c.ev.Manager)
	}
	return strings.TrimSpace(c.caption())
}

// captioner holds what one caption is made from.
type captioner struct {
	r     *Replay
	lang  i18n.Lang
	i     int
	s     *Snapshot
	ev    sim.Event
	lane  *Lane
	frame *Frame
}

// say is the message id in the caption's language, formatted with args.
func (c *captioner) say(id string, args ...any) string {
	return c.lang.T(id, args...)
}

// secs writes a virtual time or duration as the language writes numbers
// (its decimal mark and its unit, from the catalogue).
func (c *captioner) secs(t float64) string {
	n := strconv.FormatFloat(math.Round(t*1000)/1000, 'f', -1, 64)
	n = strings.Replace(n, ".", c.say("caption.decimalMark"), 1)
	return c.say("caption.seconds", n)
}

func (c *captioner) caption() string {
	ev := c.ev
	m := ev.Manager
	switch ev.Kind {
	case sim.TaskCreated, sim.TaskStarted, sim.TaskSuspended, sim.TaskReady, sim.TaskResumed,
		sim.TaskFinished, sim.TaskFailed, sim.TaskCancelled, sim.CancelRequest, sim.Blocked, sim.TimeoutFired:
		return c.taskCaption()
	case sim.Printed:
		if ev.Task == "" {
			return c.say("caption.print.thread", ev.Text)
		}
		return c.say("caption.print", ev.Task, ev.Text)
	case sim.ThreadStarted, sim.ThreadSlept, sim.ThreadWoke, sim.ThreadFinished:
		return c.threadCaption()
	case sim.Note:
		return c.note()
	case sim.ManagerCreated:
		if ev.Text != "" { // a class whose __init__ ran
			return c.say("caption.mgr.initialized", m)
		}
		return c.say("caption.mgr.created", m)
	case sim.InitStarted:
		return c.say("caption.init.started", m)
	case sim.InitRaised:
		return c.say("caption.init.raised", m, c.exc(ev.Exc)) + c.receiver(ev.Exc)
	case sim.AenterStarted:
		s := c.say("caption.aenter.started", m, ev.Task)
		if ev.Text != "" {
			s = c.say(plainEnterKey(ev.Text), m)
		}
		if outer := c.openOuter(m); outer != "" {
			s += c.say("caption.nested", outer)
		}
		return s
	case sim.AenterSuspend, sim.AexitSuspend:
		key := "caption.aenter.suspended"
		switch {
		case ev.Kind == sim.AexitSuspend && c.inAclose():
			key = "caption.aclose.suspended"
		case ev.Kind == sim.AexitSuspend:
			key = "caption.aexit.suspended"
		}
		s := c.say(key, m, ev.Task)
		if c.lane.State == TaskSleeping {
			s += c.say("caption.until", c.secs(c.lane.Wake))
		}
		return s + c.next()
	case sim.AenterResumed:
		return c.say("caption.aenter.resumed", m)
	case sim.AexitResumed:
		if c.inAclose() {
			return c.say("caption.aclose.resumed", m)
		}
		return c.say("caption.aexit.resumed", m)
	case sim.AenterReturned:
		s := c.say("caption.aenter.returned", m, ev.Text)
		if c.frame != nil && c.frame.Resource == ResOpen {
			s += c.say("caption.opened")
		}
		return s
	case sim.AenterRaised:
		key := "caption.aenter.raised"
		if ev.Exc != nil && ev.Exc.Type == "CancelledError" {
			key = "caption.aenter.cancelled"
		}
		return c.say(key, m, c.exc(ev.Exc)) + c.receiver(ev.Exc)
	case sim.ProtocolError:
		return c.say("caption.protocol", m, c.exc(ev.Exc)) + c.receiver(ev.Exc)
	case sim.TargetBound:
		return c.say("caption.bound", ev.Text)
	case sim.BodyStarted:
		if ev.Text != "" {
			return c.say("caption.body.decorated", c.top(), ev.Text)
		}
		return c.say("caption.body.started", c.top())
	case sim.BodyEnded:
		// The manager whose body ended is the next to exit: with an
		// AsyncExitStack that is the stack, not the innermost frame.
		m := c.r.nextAexit(c.i, ev.Task)
		switch {
		case ev.Exc != nil:
			return c.say("caption.body.exc", m, c.exc(ev.Exc))
		case ev.Text == "by return":
			return c.say("caption.body.return", m)
		case ev.Text == "by break":
			return c.say("caption.body.break", m)
		case ev.Text == "by continue":
			return c.say("caption.body.continue", m)
		}
		return c.say("caption.body.normal", m)
	case sim.AexitCalled:
		switch {
		case ev.Text != "":
			return c.say(plainExitKey(ev.Text), m, ev.Args)
		case ev.Exc != nil:
			return c.say("caption.aexit.exc", m, c.exc(ev.Exc))
		}
		return c.say("caption.aexit.none", m)
	case sim.AexitReturned:
		return c.aexitReturned()
	case sim.AexitRaised:
		s := c.say("caption.aexit.raised", m, c.exc(ev.Exc))
		switch {
		case c.frame != nil && c.frame.Received != nil && ev.Exc != nil && ev.Exc.CauseIsContext:
			s = c.say("caption.aexit.replaces.from", m, c.exc(ev.Exc), c.frame.Received.Type)
		case c.frame != nil && c.frame.Received != nil:
			s = c.say("caption.aexit.replaces", m, c.exc(ev.Exc), c.frame.Received.Type)
		}
		return s + c.leak()
	case sim.GenYielded:
		if c.frame == nil { // no manager on the lane: an async for's generator
			return c.say("caption.iter.yielded", m, ev.Text)
		}
		return c.say("caption.gen.yielded", ev.Text)
	case sim.GenResumed:
		if c.frame == nil {
			return c.say("caption.iter.resumed", m)
		}
		return c.say("caption.gen.resumed")
	case sim.GenThrown:
		return c.say("caption.gen.thrown", excType(ev.Exc))
	case sim.GenFinished:
		if ev.Exc != nil && ev.Exc.Type == "GeneratorExit" {
			return c.say("caption.gen.closed", m)
		}
		if ev.Exc != nil {
			return c.say("caption.gen.finished.exc", c.exc(ev.Exc))
		}
		if c.frame == nil {
			return c.say("caption.iter.finished", m)
		}
		return c.say("caption.gen.finished")
	}
	return c.excCaption()
}

// excCaption tells what happens to an exception at the event.
func (c *captioner) excCaption() string {
	ev := c.ev
	switch ev.Kind {
	case sim.ExcRaised:
		key := "caption.raised"
		switch ev.Text {
		case "re-raised":
			key = "caption.reraised"
		case "except*":
			return c.say("caption.star.left", c.exc(ev.Exc), c.where())
		}
		s := c.say(key, c.exc(ev.Exc), c.where())
		if ev.Exc != nil && ev.Exc.Context != nil && ev.Exc.Cause == nil && !ev.Exc.CauseIsContext {
			s += c.say("caption.context", ev.Exc.Context.Repr)
		}
		return s
	case sim.ExcCaught:
		if ev.Text == "except*" {
			return c.say("caption.caught.star", ev.Task, c.exc(ev.Exc))
		}
		return c.say("caption.caught", ev.Task, c.exc(ev.Exc))
	case sim.ExcSuppressed:
		return c.say("caption.suppressed", ev.Manager, c.exc(ev.Exc))
	case sim.ExcPropagated:
		return c.say("caption.propagated", ev.Manager, c.exc(ev.Exc)) + c.onward()
	case sim.ExcReplaced:
		old := "?"
		if t := c.s.Token(); t != nil && t.Old != nil {
			old = t.Old.Repr
		}
		if ev.Exc != nil && ev.Exc.CauseIsContext {
			// raise X from old, as asyncio.timeout raises its TimeoutError.
			return c.say("caption.replaced.from", c.exc(ev.Exc), old)
		}
		return c.say("caption.replaced", c.exc(ev.Exc), old)
	}
	return ev.Kind.String()
}

func (c *captioner) aexitReturned() string {
	m, f := c.ev.Manager, c.frame
	if f != nil && f.Received != nil {
		if truthy(c.ev.Text) {
			return c.say("caption.aexit.suppress", m, c.ev.Text, f.Received.Type)
		}
		return c.say("caption.aexit.keep", m, c.ev.Text, f.Received.Type)
	}
	s := c.say("caption.aexit.returned", m, c.ev.Text)
	if f != nil && f.Resource == ResReleased {
		s += c.say("caption.closed")
	}
	return s + c.leak()
}

func (c *captioner) leak() string {
	if c.frame != nil && c.frame.Resource == ResLeaked {
		return c.say("caption.leaks")
	}
	return ""
}

// receiver completes "X.__aenter__ raised E, so X.__aexit__ is never
// called;" with who gets E next.
func (c *captioner) receiver(e *sim.ExcInfo) string {
	kind, who := c.r.receiver(c.i, c.ev.Task)
	switch kind {
	case sim.AexitCalled:
		return c.say("caption.to.aexit", who, excType(e))
	case sim.ExcCaught:
		return c.say("caption.to.caught", c.ev.Task)
	case sim.TaskFailed, sim.TaskCancelled:
		return c.say("caption.to.task", c.ev.Task)
	}
	return c.say("caption.to.out")
}

// onward completes "it propagates" with where to.
func (c *captioner) onward() string {
	kind, who := c.r.receiver(c.i, c.ev.Task)
	switch kind {
	case sim.AexitCalled:
		return c.say("caption.out.aexit", who)
	case sim.ExcCaught:
		return c.say("caption.out.caught", c.ev.Task)
	case sim.TaskFailed, sim.TaskCancelled:
		return c.say("caption.out.task", c.ev.Task)
	}
	return c.say("caption.out")
}

// top is the innermost manager the lane's code is in.
func (c *captioner) top() string {
	if c.lane == nil {
		return "?"
	}
	if k := topLive(c.lane); k >= 0 {
		return c.lane.Frames[k].Manager
	}
	return "?"
}

// where names the code an exception is raised in: a manager's method, or
// the task.
func (c *captioner) where() string {
	if c.lane != nil {
		if k := topLive(c.lane); k >= 0 {
			switch f := c.lane.Frames[k]; f.Phase {
			case PhaseInit:
				return f.Manager + ".__init__"
			case PhaseEntering:
				return f.Manager + ".__aenter__"
			case PhaseExiting:
				return f.Manager + ".__aexit__"
			default:
				return c.say("caption.in.body", c.ev.Task, f.Manager)
			}
		}
	}
	return c.ev.Task
}

func (c *captioner) exc(e *sim.ExcInfo) string {
	if e == nil {
		return "?"
	}
	return e.Repr
}

func excType(e *sim.ExcInfo) string {
	if e == nil {
		return "exception"
	}
	return e.Type
}

// truthy reports whether a Python value, given by its repr, is true.
func truthy(repr string) bool {
	switch repr {
	case "", "None", "False", "0", "0.0", "''", `""`, "[]", "{}", "()", "set()":
		return false
	}
	return true
}

// openOuter is the manager whose block the lane's frame m is entered
// in: the innermost other frame that is open (entering, in its body or
// exiting), "" if none. An object only created (cm = M(), kept for
// later, so below the blocks opened since) or already gone is no outer
// block.
func (c *captioner) openOuter(m string) string {
	self := frameIndex(c.lane, m)
	for k := len(c.lane.Frames) - 1; k >= 0; k-- {
		switch f := c.lane.Frames[k]; {
		case k == self:
		case f.Phase == PhaseEntering || f.Phase == PhaseBody || f.Phase == PhaseExiting:
			return f.Manager
		}
	}
	return ""
}

// inAclose: the frame unwinding is an exit stack whose block still runs,
// so what unwinds it is await stack.aclose(), not its __aexit__.
func (c *captioner) inAclose() bool {
	return c.frame != nil && c.frame.Phase == PhaseBody
}
