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
		case strings.HasPrefix(ev.Task, "async_generator_athrow"):
			return c.say("caption.created.athrow", ev.Task)
		case c.i == 0:
			return c.say("caption.created.main", ev.Task)
		case c.s.Loop.Running != "":
			return c.say("caption.created.by", ev.Task, c.s.Loop.Running)
		}
		return c.say("caption.created", ev.Task)
	case sim.TaskStarted:
		return c.say("caption.started", ev.Task)
	case sim.TaskSuspended:
		var s string
		switch {
		case l.State == TaskSleeping:
			s = c.say("caption.suspended.sleep", ev.Task, c.secs(l.Wake))
		case l.Yielded:
			return c.say("caption.suspended.yield", ev.Task) + c.next()
		case l.WaitsLock:
			s = c.say("caption.suspended.lock", ev.Task, l.Waits)
		case l.WaitsThread:
			s = c.say("caption.suspended.thread", ev.Task, l.Waits)
		case l.WaitsCondition || l.WaitsSet:
			s = c.waitSuspended()
		case l.Waits == "gather":
			s = c.say("caption.suspended.gather", ev.Task)
		case l.Waits != "":
			s = c.say("caption.suspended.task", ev.Task, l.Waits)
		default:
			s = c.say("caption.suspended", ev.Task)
		}
		if c.managerSuspendsNext() {
			return s // the manager's own step says what the loop does next
		}
		return s + c.next()
	case sim.TaskReady:
		switch {
		case l.Wake > 0 && ev.Time < l.Wake-1e-9:
			return c.say("caption.ready.cancel", ev.Task)
		case l.Wake > 0:
			return c.say("caption.ready.timer", ev.Task, c.secs(l.Wake))
		case l.WaitsLock:
			return c.say("caption.ready.lock", ev.Task, l.Waits)
		case l.WaitsThread && c.threadRuns(l.Waits):
			// Its thread works on: a cancel or a timeout woke it.
			return c.say("caption.ready.cancel", ev.Task)
		case l.WaitsThread:
			return c.say("caption.ready.thread", ev.Task, l.Waits)
		case l.WaitsCondition || l.WaitsSet:
			return c.waitReady()
		case l.Waits != "" && l.Waits != "gather":
			return c.say("caption.ready.task", ev.Task, l.Waits)
		}
		return c.say("caption.ready", ev.Task)
	case sim.TaskResumed:
		if strings.Contains(ev.Text, "thrown in") {
			return c.say("caption.resumed.cancel", ev.Task)
		}
		return c.say("caption.resumed", ev.Task)
	case sim.TaskFinished:
		if c.s.Lanes[0].Task == ev.Task {
			if len(c.s.Loop.Threads) > 0 {
				return c.say("caption.finished.main.threads", ev.Task, ev.Text)
			}
			return c.say("caption.finished.main", ev.Task, ev.Text)
		}
		return c.say("caption.finished", ev.Task, ev.Text)
	case sim.TaskFailed:
		return c.say("caption.failed", ev.Task, c.exc(ev.Exc))
	case sim.TaskCancelled:
		return c.say("caption.cancelled", ev.Task)
	case sim.CancelRequest:
		return c.say("caption.cancel", ev.Task)
	case sim.Blocked:
		d := c.s.Loop.BlockedFor
		s := c.say("caption.blocked", strconv.FormatFloat(math.Round(d*1000)/1000, 'f', -1, 64), c.secs(d))
		var stuck []string
		stuck = append(stuck, c.s.Loop.Ready...)
		for _, sl := range c.s.Loop.Sleeping {
			stuck = append(stuck, sl.Task)
		}
		if len(stuck) > 0 {
			s += c.say("caption.blocked.stuck", strings.Join(stuck, ", "))
		}
		return s
	}
	return c.say("caption.timeout", ev.Task, c.secs(ev.Time))
}

// next says what the loop does once the current task has suspended.
func (c *captioner) next() string {
	q := c.s.Loop
	switch {
	case len(q.Ready) > 0:
		return c.say("caption.next.ready", q.Ready[0])
	case len(q.Sleeping) == 0:
		return ""
	}
	first := q.Sleeping[0]
	if first.Wake <= c.ev.Time {
		return c.say("caption.next.overdue", first.Task, c.secs(first.Wake))
	}
	// Something else may fall due before the first sleeper wakes: a
	// timeout's deadline, a cancel() scheduled for later, a thread's
	// work ending. The next event's time says when the clock stops.
	if c.i+1 < c.r.n {
		if nx := c.r.Event(c.i + 1); nx.Time > c.ev.Time && nx.Time < first.Wake {
			switch nx.Kind {
			case sim.TimeoutFired:
				return c.say("caption.next.deadline", c.secs(nx.Time), first.Task, c.secs(first.Wake))
			case sim.CancelRequest:
				return c.say("caption.next.cancel", c.secs(nx.Time), first.Task, c.secs(first.Wake))
			}
			return c.say("caption.next.earlier", c.secs(nx.Time), first.Task, c.secs(first.Wake))
		}
	}
	switch {
	case first.Task == c.ev.Task:
		return c.say("caption.next.self", c.secs(first.Wake))
	}
	return c.say("caption.next.timer", first.Task, c.secs(first.Wake))
}

// note translates the notes the engine writes in English.
func (c *captioner) note() string {
	t := c.ev.Text
	n := ""
	if a, b := strings.LastIndex(t, "("), strings.LastIndex(t, ")"); a >= 0 && b > a {
		n = t[a+1 : b]
	}
	switch {
	case strings.HasPrefix(t, "main() has returned"):
		return c.say("caption.note.leftover", n)
	case strings.HasPrefix(t, "the event loop has stopped"):
		return c.say("caption.note.leftover.stopped", n)
	case strings.HasPrefix(t, "the exception leaves Task.__step"):
		return c.say("caption.note.escape", c.exc(c.ev.Exc))
	case strings.HasPrefix(t, "a stop callback queued"):
		return c.say("caption.note.stopped.early", c.exc(c.ev.Exc))
	case strings.HasPrefix(t, "asyncio.run cancels"):
		return c.say("caption.note.unordered.run")
	case strings.HasPrefix(t, "a TaskGroup cancels"):
		return c.say("caption.note.unordered.group")
	case strings.HasPrefix(t, "asyncio.wait adds its callbacks"):
		return c.say("caption.note.unordered.wait")
	case strings.HasPrefix(t, "nothing refers to the generator"):
		return c.say("caption.note.collected", c.ev.Manager)
	}
	if s, ok := c.libraryNote(); ok {
		return s
	}
	return t
}

// managerSuspendsNext: the next event is the same task's __aenter__ or
// __aexit__ suspending, whose caption tells what the loop does next.
func (c *captioner) managerSuspendsNext() bool {
	if c.i+1 >= c.r.n {
		return false
	}
	nx := c.r.Event(c.i + 1)
	return nx.Task == c.ev.Task && (nx.Kind == sim.AenterSuspend || nx.Kind == sim.AexitSuspend)
}
