package replay

import (
	"strings"

	"asyncwithlab/sim"
)

// Replay steps through one run's trace. New reads the trace once and keeps
// checkpoints of the world along the way; At then rebuilds any step from
// the nearest checkpoint, and a step just after the last one asked for
// costs a single event. A Replay is not safe for concurrent use (it caches
// the step it is at).
type Replay struct {
	res *sim.Result
	n   int
	ix  index
	lg  *ledger
	// every is the spacing of the checkpoints: marks[k] is the world after
	// event k*every-1 (marks[0]: before the first event).
	every int
	marks []world
	cur   world
	cache [4]*Snapshot
	next  int // round-robin slot of cache
	stops []int
	lines []string
}

const (
	// minEvery is the closest spacing of checkpoints: replaying this many
	// events costs well under a millisecond.
	minEvery = 64
	// markBudget bounds the memory checkpoints take, in units of roughly
	// one frame (~150 bytes): about 10 MB whatever the trace's length.
	// When it is exceeded, every other checkpoint goes and the spacing
	// doubles.
	markBudget = 1 << 16
)

// New reads res once and prepares to step through it.
func New(res *sim.Result) *Replay { return newReplay(res, minEvery, markBudget) }

// newReplay takes the first spacing of checkpoints and their memory
// budget, so that tests can make them tiny.
func newReplay(res *sim.Result, every, budget int) *Replay {
	r := &Replay{res: res, n: res.Trace.Len(), every: every,
		ix: index{lanes: map[string]int{}, ledger: map[string]int{}}}
	for j, e := range res.Ledger {
		r.ix.ledger[e.Label()] = j
	}
	r.lg = newLedger(res.Ledger)
	if out := strings.TrimSuffix(res.Stdout, "\n"); out != "" {
		r.lines = strings.Split(out, "\n")
	}
	w := newWorld()
	r.marks = []world{w.clone()}
	used := w.size()
	var prev sim.Event
	for i := 0; i < r.n; i++ {
		ev := res.Trace.At(i)
		if ev.Kind == sim.TaskCreated {
			if _, ok := r.ix.lanes[ev.Task]; !ok {
				r.ix.lanes[ev.Task] = len(r.ix.lanes)
			}
		}
		w.apply(i, ev, &r.ix)
		r.lg.see(i, ev, &r.ix)
		if i > 0 && isStop(prev, ev) {
			r.stops = append(r.stops, i-1)
		}
		prev = ev
		if (i+1)%r.every == 0 {
			r.marks = append(r.marks, w.clone())
			used += w.size()
			for used > budget && len(r.marks) > 2 {
				used = r.thin()
			}
		}
	}
	if r.n > 0 {
		r.stops = append(r.stops, r.n-1)
	}
	r.lg.finish(r.n - 1)
	r.cur = r.marks[0].clone()
	return r
}

// thin drops every other checkpoint and doubles the spacing; it returns
// the size of what is left.
func (r *Replay) thin() int {
	kept := r.marks[:0]
	used := 0
	for k := 0; k < len(r.marks); k += 2 {
		kept = append(kept, r.marks[k])
		used += r.marks[k].size()
	}
	clear(r.marks[len(kept):])
	r.marks, r.every = kept, r.every*2
	return used
}

// Len is the number of events.
func (r *Replay) Len() int { return r.n }

// Result is the run being replayed.
func (r *Replay) Result() *sim.Result { return r.res }

// Lines is the console output, one line per element; Snapshot.Output says
// how many of them have been printed at a step.
func (r *Replay) Lines() []string { return r.lines }

// Event is event i of the trace.
func (r *Replay) Event(i int) sim.Event { return r.res.Trace.At(i) }

// At is the world after events 0..i have happened; i = -1 is before the
// first, and i is clamped to the trace. The snapshot is shared with later
// calls for the same step: read it, never change it.
func (r *Replay) At(i int) *Snapshot {
	i = max(-1, min(i, r.n-1))
	for _, s := range r.cache {
		if s != nil && s.Index == i {
			return s
		}
	}
	k := min((i+1)/r.every, len(r.marks)-1)
	if at := r.cur.snap.Index; at > i || at < k*r.every-1 {
		r.cur = r.marks[k].clone()
	}
	for r.cur.snap.Index < i {
		j := r.cur.snap.Index + 1
		r.cur.apply(j, r.res.Trace.At(j), &r.ix)
	}
	s := r.output()
	r.cache[r.next] = s
	r.next = (r.next + 1) % len(r.cache)
	return s
}

// output copies the current world into a snapshot, with the parts that
// depend only on the step filled in.
func (r *Replay) output() *Snapshot {
	s := r.cur.snap.clone()
	for li := range s.Lanes {
		for fi := range s.Lanes[li].Frames {
			f := &s.Lanes[li].Frames[fi]
			f.Resource = r.lg.state(f.ledger, s.Index, f.Phase)
		}
	}
	s.Resources = r.lg.summary(s.Index)
	return &s
}
