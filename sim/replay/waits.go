package replay

import (
	"strconv"
	"strings"

	"asyncwithlab/sim"
)

// This file reads the suspensions of asyncio's waiting calls that say in
// the trace what they wait for — a condition's notify (Condition.wait)
// and asyncio.wait — into a lane, and captions them.

// waitingOn reads the suspension ev into l when it is in Condition.wait
// ("waits for cond.notify()") or asyncio.wait ("waits for
// asyncio.wait(FIRST_COMPLETED, timeout=2)"), and reports whether it was.
func waitingOn(l *Lane, ev sim.Event) bool {
	rest, ok := strings.CutPrefix(ev.Text, "waits for ")
	if !ok {
		return false
	}
	if cond, ok := strings.CutSuffix(rest, ".notify()"); ok {
		l.State, l.WaitsCondition, l.Waits = TaskWaiting, true, cond
		return true
	}
	args, ok := strings.CutPrefix(rest, "asyncio.wait(")
	if !ok {
		return false
	}
	args = strings.TrimSuffix(args, ")")
	mode, timeout, timed := strings.Cut(args, ", timeout=")
	l.State, l.WaitsSet, l.Waits = TaskWaiting, true, mode
	if d, err := strconv.ParseFloat(timeout, 64); timed && err == nil {
		l.SetDeadline, l.SetTimed = ev.Time+d, true
	}
	return true
}

// waitSuspended tells what a task waiting on a condition or in
// asyncio.wait waits for.
func (c *captioner) waitSuspended() string {
	l := c.lane
	if l.WaitsCondition {
		return c.say("caption.suspended.condition", c.ev.Task, l.Waits)
	}
	var s string
	switch l.Waits {
	case sim.FirstCompleted:
		s = c.say("caption.suspended.waitFirst", c.ev.Task)
	case sim.FirstException:
		s = c.say("caption.suspended.waitException", c.ev.Task)
	default:
		s = c.say("caption.suspended.waitAll", c.ev.Task)
	}
	if l.SetTimed {
		s += c.say("caption.wait.deadline", c.secs(l.SetDeadline))
	}
	return s
}

// waitReady tells why a task waiting on a condition or in asyncio.wait
// became ready.
func (c *captioner) waitReady() string {
	switch l := c.lane; {
	case l.CancelRequested:
		return c.say("caption.ready.cancel", c.ev.Task)
	case l.WaitsCondition:
		return c.say("caption.ready.condition", c.ev.Task, l.Waits)
	}
	return c.say("caption.ready.wait", c.ev.Task)
}
