package replay

import (
	"math"
	"strconv"
	"strings"

	"asyncwithlab/sim"
)

// taskCaption tells what a task or the loop did.
func (c *captioner) taskCaption() string {
	ev, l := c.ev, c.lane
	switch ev.Kind {
	case sim.TaskCreated:
		switch {
		case c.i == 0:
			return c.say("created.main", ev.Task)
		case c.s.Loop.Running != "":
			return c.say("created.by", ev.Task, c.s.Loop.Running)
		}
		return c.say("created", ev.Task)
	case sim.TaskStarted:
		return c.say("started", ev.Task)
	case sim.TaskSuspended:
		var s string
		switch {
		case l.State == TaskSleeping:
			s = c.say("suspended.sleep", ev.Task, c.secs(l.Wake))
		case l.Yielded:
			return c.say("suspended.yield", ev.Task) + c.next()
		case l.Waits == "gather":
			s = c.say("suspended.gather", ev.Task)
		case l.Waits != "":
			s = c.say("suspended.task", ev.Task, l.Waits)
		default:
			s = c.say("suspended", ev.Task)
		}
		return s + c.next()
	case sim.TaskReady:
		switch {
		case l.Wake > 0 && ev.Time < l.Wake-1e-9:
			return c.say("ready.cancel", ev.Task)
		case l.Wake > 0:
			return c.say("ready.timer", ev.Task, c.secs(l.Wake))
		case l.Waits != "" && l.Waits != "gather":
			return c.say("ready.task", ev.Task, l.Waits)
		}
		return c.say("ready", ev.Task)
	case sim.TaskResumed:
		if strings.Contains(ev.Text, "thrown in") {
			return c.say("resumed.cancel", ev.Task)
		}
		return c.say("resumed", ev.Task)
	case sim.TaskFinished:
		if c.s.Lanes[0].Task == ev.Task {
			return c.say("finished.main", ev.Task, ev.Text)
		}
		return c.say("finished", ev.Task, ev.Text)
	case sim.TaskFailed:
		return c.say("failed", ev.Task, c.exc(ev.Exc))
	case sim.TaskCancelled:
		return c.say("cancelled", ev.Task)
	case sim.CancelRequest:
		return c.say("cancel", ev.Task)
	case sim.Blocked:
		d := c.s.Loop.BlockedFor
		s := c.say("blocked", strconv.FormatFloat(math.Round(d*1000)/1000, 'f', -1, 64), c.secs(d))
		var stuck []string
		stuck = append(stuck, c.s.Loop.Ready...)
		for _, sl := range c.s.Loop.Sleeping {
			stuck = append(stuck, sl.Task)
		}
		if len(stuck) > 0 {
			s += c.say("blocked.stuck", strings.Join(stuck, ", "))
		}
		return s
	}
	return c.say("timeout", ev.Task, c.secs(ev.Time))
}

// next says what the loop does once the current task has suspended.
func (c *captioner) next() string {
	q := c.s.Loop
	switch {
	case len(q.Ready) > 0:
		return c.say("next.ready", q.Ready[0])
	case len(q.Sleeping) == 0:
		return ""
	}
	first := q.Sleeping[0]
	switch {
	case first.Wake <= c.ev.Time:
		return c.say("next.overdue", first.Task, c.secs(first.Wake))
	case first.Task == c.ev.Task:
		return c.say("next.self", c.secs(first.Wake))
	}
	return c.say("next.timer", first.Task, c.secs(first.Wake))
}

// note translates the notes the engine writes in English.
func (c *captioner) note() string {
	t := c.ev.Text
	switch {
	case strings.HasPrefix(t, "main() has returned"):
		n := ""
		if a, b := strings.LastIndex(t, "("), strings.LastIndex(t, ")"); a >= 0 && b > a {
			n = t[a+1 : b]
		}
		return c.say("note.leftover", n)
	case strings.HasPrefix(t, "asyncio.run cancels"):
		return c.say("note.unordered.run")
	case strings.HasPrefix(t, "a TaskGroup cancels"):
		return c.say("note.unordered.group")
	}
	return t
}
