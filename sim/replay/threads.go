package replay

import (
	"slices"
	"strings"

	"asyncwithlab/i18n"
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
	label := ThreadLabel(ev.Text, c.lang)
	switch ev.Kind {
	case sim.ThreadStarted:
		return c.say("caption.thread.started", ev.Task, label)
	case sim.ThreadSlept:
		return c.say("caption.thread.sleeping", label, c.secs(ev.Wake))
	case sim.ThreadWoke:
		return c.say("caption.thread.resumed", label)
	}
	awaited := false
	for _, l := range c.s.Lanes {
		awaited = awaited || (l.State == TaskWaiting && l.WaitsThread && runsCall(ev.Text, l.Waits))
	}
	switch {
	case ev.Exc != nil && awaited:
		return c.say("caption.thread.raised", label, c.exc(ev.Exc))
	case ev.Exc != nil:
		return c.say("caption.thread.raised.unawaited", label, c.exc(ev.Exc))
	case awaited:
		return c.say("caption.thread.finished", label, ev.Args)
	}
	return c.say("caption.thread.finished.unawaited", label, ev.Args)
}

// threadRuns reports whether a worker thread running call (as a lane's
// Waits names it: "fetch()") is still at work.
func (c *captioner) threadRuns(call string) bool {
	return slices.ContainsFunc(c.s.Loop.Threads, func(th Thread) bool { return runsCall(th.Label, call) })
}

// threadSep joins a thread's call and number in its label, as the trace
// writes it: "fetch() in thread 1".
const threadSep = " in thread "

// runsCall: the thread labelled label runs call ("fetch()").
func runsCall(label, call string) bool { return strings.HasPrefix(label, call+threadSep) }

// ThreadLabel is a worker thread's label ("fetch() in thread 1", as the
// trace writes it) in the language l.
func ThreadLabel(label string, l i18n.Lang) string {
	call, n, ok := strings.Cut(label, threadSep)
	if !ok {
		return label
	}
	return l.T("caption.threadLabel", call, n)
}
