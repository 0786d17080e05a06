package replay

import (
	"strings"

	"asyncwithlab/sim"
)

// applyThread follows the calls running in worker threads; it reports
// whether the event was one of theirs. A thread's events belong to no
// lane (but thread.started, which the handing task makes).
func (w *world) applyThread(ev sim.Event) bool {
	q := &w.snap.Loop
	switch ev.Kind {
	case sim.ThreadStarted:
		q.Threads = append(q.Threads, Thread{Label: ev.Text})
	case sim.ThreadSlept, sim.ThreadWoke:
		for j := range q.Threads {
			if q.Threads[j].Label == ev.Text {
				q.Threads[j].Wake = ev.Wake // 0 once it wakes
			}
		}
	case sim.ThreadFinished:
		for j, th := range q.Threads {
			if th.Label == ev.Text {
				q.Threads = append(q.Threads[:j], q.Threads[j+1:]...)
				break
			}
		}
	default:
		return false
	}
	return true
}

// threadCaption tells what a worker thread did.
func (c *captioner) threadCaption() string {
	ev := c.ev
	switch ev.Kind {
	case sim.ThreadStarted:
		return c.say("caption.thread.started", ev.Task, ev.Text)
	case sim.ThreadSlept:
		return c.say("caption.thread.sleeping", ev.Text, c.secs(ev.Wake))
	case sim.ThreadWoke:
		return c.say("caption.thread.resumed", ev.Text)
	}
	awaited := false
	for _, l := range c.s.Lanes {
		awaited = awaited || (l.State == TaskWaiting && l.WaitsThread && strings.HasPrefix(ev.Text, l.Waits+" in thread "))
	}
	switch {
	case ev.Exc != nil && awaited:
		return c.say("caption.thread.raised", ev.Text, c.exc(ev.Exc))
	case ev.Exc != nil:
		return c.say("caption.thread.raised.unawaited", ev.Text, c.exc(ev.Exc))
	case awaited:
		return c.say("caption.thread.finished", ev.Text, ev.Args)
	}
	return c.say("caption.thread.finished.unawaited", ev.Text, ev.Args)
}

// threadRuns reports whether a worker thread running call (as a lane's
// Waits names it: "fetch()") is still at work.
func (c *captioner) threadRuns(call string) bool {
	for _, th := range c.s.Loop.Threads {
		if strings.HasPrefix(th.Label, call+" in thread ") {
			return true
		}
	}
	return false
}
