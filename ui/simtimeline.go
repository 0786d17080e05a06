package ui

import "asyncwithlab/sim"

// segKind is what a task does during a stretch of virtual time.
type segKind uint8

const (
	segSleep   segKind = iota // on a timer (await asyncio.sleep)
	segWait                   // awaiting another task, a gather, a group
	segBlocked                // the loop was frozen by a blocking call
)

// segment is a stretch of a lane's history, in virtual seconds.
type segment struct {
	t0, t1 float64
	kind   segKind
	at     int // index of the event that began it
}

// timeline is every lane's history along the virtual-time axis, computed
// once per run; the screen draws the part before the playhead.
type timeline struct {
	lanes   map[string][]segment
	blocked []segment // the whole loop frozen (drawn across every lane)
	end     float64   // the run's last virtual time
}

// buildTimeline reads a trace: a task is asleep or waiting from its
// suspension to its resumption (or the end), and a loop.blocked event
// froze everything since the event before it.
func buildTimeline(tr *sim.Trace) timeline {
	tl := timeline{lanes: map[string][]segment{}}
	open := map[string]int{} // task → index of its open segment
	prevTime := 0.0
	n := tr.Len()
	for i := 0; i < n; i++ {
		ev := tr.At(i)
		switch ev.Kind {
		case sim.TaskSuspended:
			k := segWait
			if ev.Wake > 0 {
				k = segSleep
			}
			tl.lanes[ev.Task] = append(tl.lanes[ev.Task], segment{t0: ev.Time, t1: -1, kind: k, at: i})
			open[ev.Task] = len(tl.lanes[ev.Task]) - 1
		case sim.TaskResumed, sim.TaskReady, sim.TaskFinished, sim.TaskFailed, sim.TaskCancelled:
			if j, ok := open[ev.Task]; ok {
				tl.lanes[ev.Task][j].t1 = ev.Time
				delete(open, ev.Task)
			}
		case sim.Blocked:
			tl.blocked = append(tl.blocked, segment{t0: prevTime, t1: ev.Time, kind: segBlocked, at: i})
		}
		prevTime = ev.Time
		tl.end = max(tl.end, ev.Time)
	}
	for task, j := range open {
		tl.lanes[task][j].t1 = tl.end
	}
	return tl
}

// upTo clips segments to what has happened by event index i at time now.
func upTo(segs []segment, i int, now float64) []segment {
	var out []segment
	for _, sg := range segs {
		if sg.at > i {
			break
		}
		sg.t1 = min(sg.t1, now)
		out = append(out, sg)
	}
	return out
}
