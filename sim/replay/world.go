package replay

import (
	"strings"

	"asyncwithlab/sim"
)

// world is the mutable state Replay moves forward one event at a time.
// Its snapshot is kept without the parts that are pure functions of the
// step (resource states, the resources summary): those are filled in when
// a snapshot is handed out, so that checkpoints stay small.
type world struct {
	snap Snapshot
	// pending are frames done with (exited, or failed to enter) that stay
	// visible for the step that finished them and leave before the next.
	pending []frameRef
	// finals: some token is suppressed, caught or ended, and goes before
	// the next step.
	finals bool
}

type frameRef struct {
	lane    int
	manager string
}

// index is what world needs to know about the whole run: the lane of each
// task and the ledger entry of each manager instance.
type index struct {
	lanes  map[string]int
	ledger map[string]int
}

func newWorld() world {
	return world{snap: Snapshot{Index: -1}}
}

// clone copies the world deeply, so that a checkpoint and the world moved
// on from it never share a slice.
func (w *world) clone() world {
	c := *w
	c.snap = w.snap.clone()
	c.pending = append([]frameRef(nil), w.pending...)
	return c
}

func (s *Snapshot) clone() Snapshot {
	c := *s
	c.Lanes = make([]Lane, len(s.Lanes))
	for i, l := range s.Lanes {
		l.Frames = append([]Frame(nil), l.Frames...)
		c.Lanes[i] = l
	}
	c.Tokens = append([]Token(nil), s.Tokens...)
	c.Loop.Ready = append([]string(nil), s.Loop.Ready...)
	c.Loop.Sleeping = append([]Sleeper(nil), s.Loop.Sleeping...)
	c.Loop.Waiting = append([]string(nil), s.Loop.Waiting...)
	c.Loop.Threads = append([]Thread(nil), s.Loop.Threads...)
	c.Resources.Leaked = append([]string(nil), s.Resources.Leaked...)
	return c
}

// size is roughly how much memory a checkpoint of this world takes, in
// units of about one frame; it bounds how many checkpoints Replay keeps.
func (w *world) size() int {
	n := 1 + len(w.snap.Lanes) + len(w.snap.Tokens) + len(w.snap.Loop.Ready) + len(w.snap.Loop.Sleeping) + len(w.snap.Loop.Waiting)
	for _, l := range w.snap.Lanes {
		n += len(l.Frames)
	}
	return n
}

// apply moves the world past event i.
func (w *world) apply(i int, ev sim.Event, ix *index) {
	s := &w.snap
	prevTime := s.Time
	ln := -1
	if n, ok := ix.lanes[ev.Task]; ok && ev.Task != "" && (n < len(s.Lanes) || ev.Kind == sim.TaskCreated) {
		ln = n
	}
	w.sweep(ln, ev)
	s.Index, s.Event, s.Time = i, ev, ev.Time
	if ev.Line > 0 {
		s.Line = ev.Line
	}
	s.Loop.Time, s.Loop.Blocked, s.Loop.BlockedFor = ev.Time, false, 0
	if ev.Kind == sim.Printed {
		// A worker thread prints too, in no task's lane.
		s.Output += 1 + strings.Count(ev.Text, "\n")
	}
	if w.applyThread(ev) || ln < 0 {
		return
	}
	if ev.Kind == sim.TaskCreated {
		for len(s.Lanes) <= ln {
			s.Lanes = append(s.Lanes, Lane{})
		}
		s.Lanes[ln] = Lane{Task: ev.Task, State: TaskNotStarted}
		s.Loop.Ready = append(s.Loop.Ready, ev.Task)
		return
	}
	if w.applyTask(i, ln, ev) {
		return
	}
	w.applyWith(i, ln, ev, ix)
	w.applyExc(i, ln, ev)
	if ev.Kind == sim.Blocked {
		s.Loop.Blocked, s.Loop.BlockedFor = true, ev.Time-prevTime
	}
}

// sweep removes what was shown for the previous step only: frames done
// with and tokens whose journey ended. A frame stays while the events
// that finish its story (suppressed, propagated, replaced) follow it.
func (w *world) sweep(ln int, ev sim.Event) {
	if len(w.pending) > 0 {
		keep := w.pending[:0]
		for _, p := range w.pending {
			if p.lane == ln && p.manager == ev.Manager && (ev.Kind == sim.ExcSuppressed || ev.Kind == sim.ExcPropagated || ev.Kind == sim.ExcReplaced) {
				keep = append(keep, p)
				continue
			}
			w.pop(p)
		}
		w.pending = keep
	}
	if w.finals {
		toks := w.snap.Tokens[:0]
		for _, t := range w.snap.Tokens {
			if !t.final {
				toks = append(toks, t)
			}
		}
		w.snap.Tokens, w.finals = toks, false
	}
}

// pop takes a finished frame off its lane's stack and moves the lane's
// token down with the frames above it.
func (w *world) pop(p frameRef) {
	l := &w.snap.Lanes[p.lane]
	k := -1
	for j := len(l.Frames) - 1; j >= 0; j-- {
		if f := &l.Frames[j]; f.Manager == p.manager && (f.Phase == PhaseExited || f.Phase == PhaseFailed) {
			k = j
			break
		}
	}
	if k < 0 {
		return
	}
	l.Frames = append(l.Frames[:k], l.Frames[k+1:]...)
	if t := w.token(p.lane); t != nil && t.Level >= k {
		t.Level--
	}
}

// applyTask handles the events that move a task with respect to the loop;
// it reports whether the event was one of them.
func (w *world) applyTask(i, ln int, ev sim.Event) bool {
	s := &w.snap
	l := &s.Lanes[ln]
	switch ev.Kind {
	case sim.TaskStarted, sim.TaskResumed:
		w.unqueue(ev.Task)
		l.State, l.CancelRequested = TaskRunning, false
		s.Loop.Running = ev.Task
	case sim.TaskSuspended:
		w.unqueue(ev.Task)
		if s.Loop.Running == ev.Task {
			s.Loop.Running = ""
		}
		l.Wake, l.Waits, l.Yielded, l.WaitsLock, l.WaitsThread = ev.Wake, "", false, false, false
		l.WaitsCondition, l.WaitsSet, l.SetTimed = false, false, false
		switch {
		case waitingOn(l, ev):
			s.Loop.Waiting = append(s.Loop.Waiting, ev.Task)
		case strings.HasPrefix(ev.Text, "waits for worker thread "):
			l.State, l.WaitsThread = TaskWaiting, true
			l.Waits = strings.TrimPrefix(ev.Text, "waits for worker thread ")
			s.Loop.Waiting = append(s.Loop.Waiting, ev.Task)
		case strings.HasPrefix(ev.Text, "waits to acquire "):
			l.State, l.WaitsLock = TaskWaiting, true
			l.Waits = strings.TrimPrefix(ev.Text, "waits to acquire ")
			s.Loop.Waiting = append(s.Loop.Waiting, ev.Task)
		case ev.Wake > 0:
			l.State = TaskSleeping
			w.sleep(ev.Task, ev.Wake)
		case strings.HasPrefix(ev.Text, "yields"):
			// sleep(0): the task goes straight back to the ready queue.
			l.State, l.Yielded = TaskReady, true
			s.Loop.Ready = append(s.Loop.Ready, ev.Task)
		default:
			l.State = TaskWaiting
			l.Waits = strings.TrimPrefix(ev.Text, "waits for ")
			s.Loop.Waiting = append(s.Loop.Waiting, ev.Task)
		}
	case sim.TaskReady:
		if !contains(s.Loop.Ready, ev.Task) {
			w.unqueue(ev.Task)
			s.Loop.Ready = append(s.Loop.Ready, ev.Task)
		}
		if !l.State.Ended() {
			l.State = TaskReady
		}
	case sim.TaskFinished, sim.TaskFailed, sim.TaskCancelled:
		w.unqueue(ev.Task)
		if s.Loop.Running == ev.Task {
			s.Loop.Running = ""
		}
		l.Outcome, l.Exc, l.CancelRequested = ev.Text, ev.Exc, false
		switch ev.Kind {
		case sim.TaskFinished:
			l.State = TaskDone
		case sim.TaskFailed:
			l.State = TaskFailed
		default:
			l.State = TaskCancelled
		}
		if ev.Kind != sim.TaskFinished {
			l.Outcome = ""
			w.setToken(i, ln, -1, "", ev.Exc, MoveEnded)
		}
	case sim.CancelRequest:
		l.CancelRequested = true
	default:
		return false
	}
	return true
}

// unqueue takes a task out of every queue of the loop.
func (w *world) unqueue(task string) {
	q := &w.snap.Loop
	q.Ready = remove(q.Ready, task)
	q.Waiting = remove(q.Waiting, task)
	for j, sl := range q.Sleeping {
		if sl.Task == task {
			q.Sleeping = append(q.Sleeping[:j], q.Sleeping[j+1:]...)
			break
		}
	}
}

// sleep puts a task on the timers, after every timer due no later: timers
// with the same deadline fire in the order they were set, as asyncio's
// heap of (deadline, sequence) does.
func (w *world) sleep(task string, wake float64) {
	q := &w.snap.Loop
	j := len(q.Sleeping)
	for j > 0 && q.Sleeping[j-1].Wake > wake {
		j--
	}
	q.Sleeping = append(q.Sleeping, Sleeper{})
	copy(q.Sleeping[j+1:], q.Sleeping[j:])
	q.Sleeping[j] = Sleeper{Task: task, Wake: wake}
}

func remove(q []string, task string) []string {
	for j, t := range q {
		if t == task {
			return append(q[:j], q[j+1:]...)
		}
	}
	return q
}

func contains(q []string, task string) bool {
	for _, t := range q {
		if t == task {
			return true
		}
	}
	return false
}
