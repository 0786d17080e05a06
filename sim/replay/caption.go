package replay

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"asyncwithlab/sim"
)

// Caption says in plain words what event i did and why it matters, in
// English ("en", the default) or Brazilian Portuguese ("pt"). Where the
// meaning depends on what comes next (who receives an exception, whether
// it is suppressed), it looks ahead in the trace. i = -1 (before the first
// event) gets an invitation to start; an index outside the trace gets "".
func (r *Replay) Caption(i int, lang string) string {
	if i < -1 || i >= r.n {
		return ""
	}
	c := captioner{r: r, pt: lang == "pt"}
	if i == -1 {
		return c.say("start")
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
	pt    bool
	i     int
	s     *Snapshot
	ev    sim.Event
	lane  *Lane
	frame *Frame
}

func (c *captioner) say(key string, args ...any) string {
	p, ok := phrases[key]
	if !ok {
		panic("replay: no phrase " + key)
	}
	f := p[0]
	if c.pt {
		f = p[1]
	}
	return fmt.Sprintf(f, args...)
}

// secs writes a virtual time or duration as the language writes numbers.
func (c *captioner) secs(t float64) string {
	s := strconv.FormatFloat(math.Round(t*1000)/1000, 'f', -1, 64) + " s"
	if c.pt {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

func (c *captioner) caption() string {
	ev := c.ev
	m := ev.Manager
	switch ev.Kind {
	case sim.TaskCreated, sim.TaskStarted, sim.TaskSuspended, sim.TaskReady, sim.TaskResumed,
		sim.TaskFinished, sim.TaskFailed, sim.TaskCancelled, sim.CancelRequest, sim.Blocked, sim.TimeoutFired:
		return c.taskCaption()
	case sim.Printed:
		return c.say("print", ev.Task, ev.Text)
	case sim.Note:
		return c.note()
	case sim.ManagerCreated:
		return c.say("mgr.created", m)
	case sim.AenterStarted:
		s := c.say("aenter.started", m, ev.Task)
		if ev.Text != "" {
			s = c.say("enter.started", m)
		}
		if k := frameIndex(c.lane, m); k > 0 {
			s += c.say("nested", c.lane.Frames[k-1].Manager)
		}
		return s
	case sim.AenterSuspend, sim.AexitSuspend:
		key := "aenter.suspended"
		if ev.Kind == sim.AexitSuspend {
			key = "aexit.suspended"
		}
		s := c.say(key, m, ev.Task)
		if c.lane.State == TaskSleeping {
			s += c.say("until", c.secs(c.lane.Wake))
		}
		return s + c.next()
	case sim.AenterResumed:
		return c.say("aenter.resumed", m)
	case sim.AexitResumed:
		return c.say("aexit.resumed", m)
	case sim.AenterReturned:
		s := c.say("aenter.returned", m, ev.Text)
		if c.frame != nil && c.frame.Resource == ResOpen {
			s += c.say("opened")
		}
		return s
	case sim.AenterRaised:
		key := "aenter.raised"
		if ev.Exc != nil && ev.Exc.Type == "CancelledError" {
			key = "aenter.cancelled"
		}
		return c.say(key, m, c.exc(ev.Exc)) + c.receiver(ev.Exc)
	case sim.ProtocolError:
		return c.say("protocol", m, c.exc(ev.Exc)) + c.receiver(ev.Exc)
	case sim.TargetBound:
		return c.say("bound", ev.Text)
	case sim.BodyStarted:
		return c.say("body.started", c.top())
	case sim.BodyEnded:
		// The manager whose body ended is the next to exit: with an
		// AsyncExitStack that is the stack, not the innermost frame.
		m := c.r.nextAexit(c.i, ev.Task)
		switch {
		case ev.Exc != nil:
			return c.say("body.exc", m, c.exc(ev.Exc))
		case ev.Text == "by return":
			return c.say("body.return", m)
		}
		return c.say("body.normal", m)
	case sim.AexitCalled:
		switch {
		case ev.Text != "":
			return c.say("exit.called", m, ev.Args)
		case ev.Exc != nil:
			return c.say("aexit.exc", m, c.exc(ev.Exc))
		}
		return c.say("aexit.none", m)
	case sim.AexitReturned:
		return c.aexitReturned()
	case sim.AexitRaised:
		s := c.say("aexit.raised", m, c.exc(ev.Exc))
		if c.frame != nil && c.frame.Received != nil {
			s = c.say("aexit.replaces", m, c.exc(ev.Exc), c.frame.Received.Type)
		}
		return s + c.leak()
	case sim.GenYielded:
		return c.say("gen.yielded", ev.Text)
	case sim.GenResumed:
		return c.say("gen.resumed")
	case sim.GenThrown:
		return c.say("gen.thrown", excType(ev.Exc))
	case sim.GenFinished:
		if ev.Exc != nil {
			return c.say("gen.finished.exc", c.exc(ev.Exc))
		}
		return c.say("gen.finished")
	}
	return c.excCaption()
}

// excCaption tells what happens to an exception at the event.
func (c *captioner) excCaption() string {
	ev := c.ev
	switch ev.Kind {
	case sim.ExcRaised:
		key := "raised"
		if ev.Text == "re-raised" {
			key = "reraised"
		}
		s := c.say(key, c.exc(ev.Exc), c.where())
		if ev.Exc != nil && ev.Exc.Context != nil && ev.Exc.Cause == nil && !ev.Exc.CauseIsContext {
			s += c.say("context", ev.Exc.Context.Repr)
		}
		return s
	case sim.ExcCaught:
		return c.say("caught", ev.Task, c.exc(ev.Exc))
	case sim.ExcSuppressed:
		return c.say("suppressed", ev.Manager, c.exc(ev.Exc))
	case sim.ExcPropagated:
		return c.say("propagated", ev.Manager, c.exc(ev.Exc)) + c.onward()
	case sim.ExcReplaced:
		old := "?"
		if t := c.s.Token(); t != nil && t.Old != nil {
			old = t.Old.Repr
		}
		return c.say("replaced", c.exc(ev.Exc), old)
	}
	return ev.Kind.String()
}

func (c *captioner) aexitReturned() string {
	m, f := c.ev.Manager, c.frame
	if f != nil && f.Received != nil {
		if truthy(c.ev.Text) {
			return c.say("aexit.suppress", m, c.ev.Text, f.Received.Type)
		}
		return c.say("aexit.keep", m, c.ev.Text, f.Received.Type)
	}
	s := c.say("aexit.returned", m, c.ev.Text)
	if f != nil && f.Resource == ResReleased {
		s += c.say("closed")
	}
	return s + c.leak()
}

func (c *captioner) leak() string {
	if c.frame != nil && c.frame.Resource == ResLeaked {
		return c.say("leaks")
	}
	return ""
}

// receiver completes "X.__aenter__ raised E, so X.__aexit__ is never
// called;" with who gets E next.
func (c *captioner) receiver(e *sim.ExcInfo) string {
	kind, who := c.r.receiver(c.i, c.ev.Task)
	switch kind {
	case sim.AexitCalled:
		return c.say("to.aexit", who, excType(e))
	case sim.ExcCaught:
		return c.say("to.caught", c.ev.Task)
	case sim.TaskFailed, sim.TaskCancelled:
		return c.say("to.task", c.ev.Task)
	}
	return c.say("to.out")
}

// onward completes "it propagates" with where to.
func (c *captioner) onward() string {
	kind, who := c.r.receiver(c.i, c.ev.Task)
	switch kind {
	case sim.AexitCalled:
		return c.say("out.aexit", who)
	case sim.ExcCaught:
		return c.say("out.caught", c.ev.Task)
	case sim.TaskFailed, sim.TaskCancelled:
		return c.say("out.task", c.ev.Task)
	}
	return c.say("out")
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
			case PhaseEntering:
				return f.Manager + ".__aenter__"
			case PhaseExiting:
				return f.Manager + ".__aexit__"
			default:
				return c.say("in.body", c.ev.Task, f.Manager)
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
