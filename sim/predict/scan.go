package predict

import (
	"sort"
	"strings"

	"asyncwithlab/sim"
)

// scan is a run's trace read once, with the links the challenges need:
// which aexit.returned/raised ends each aexit.called, and which
// aenter.started opened the manager being exited.
type scan struct {
	evs []sim.Event
	// end[i] is, for an aexit.called at i, the index of the event that
	// ends that call (-1: it never ends, as in a task left pending).
	end []int
	// enter[i] is, for an aexit.called at i, the index of the same
	// instance's latest aenter.started in the same task (-1: none).
	enter []int
	// sync holds the instances entered by a plain with (their hooks are
	// __enter__ and __exit__), by instKey.
	sync map[string]bool
	// byTask lists each task's event indices, in order, so that reading
	// back through one task never walks the other tasks' events.
	byTask map[string][]int
	// excs are the exception types the run raised, in order of first
	// appearance: the pool distractors are drawn from.
	excs []string
}

// instKey tells apart the same instance used in two tasks.
func instKey(e sim.Event) string { return e.Task + "\x00" + e.Manager }

func newScan(res *sim.Result) *scan {
	n := res.Trace.Len()
	s := &scan{evs: make([]sim.Event, n), end: make([]int, n), enter: make([]int, n), sync: map[string]bool{},
		byTask: map[string][]int{}}
	lastStart := map[string]int{}
	open := map[string][]int{}
	seen := map[string]bool{}
	for i := range n {
		e := res.Trace.At(i)
		s.evs[i], s.end[i], s.enter[i] = e, -1, -1
		s.byTask[e.Task] = append(s.byTask[e.Task], i)
		if e.Exc != nil && e.Exc.Type != "" && !seen[e.Exc.Type] {
			seen[e.Exc.Type] = true
			s.excs = append(s.excs, e.Exc.Type)
		}
		k := instKey(e)
		switch e.Kind {
		case sim.AenterStarted:
			lastStart[k] = i
			if strings.HasPrefix(e.Text, "__enter__") {
				s.sync[k] = true
			}
		case sim.AexitCalled:
			// Calls of one instance nest (a class re-entered inside its own
			// block), so the latest open call is the one that ends first.
			open[k] = append(open[k], i)
			if st, ok := lastStart[k]; ok {
				s.enter[i] = st
			}
		case sim.AexitReturned, sim.AexitRaised:
			if st := open[k]; len(st) > 0 {
				s.end[st[len(st)-1]] = i
				open[k] = st[:len(st)-1]
			}
		}
	}
	return s
}

// taskEvents returns the indices of task's events strictly between from
// and to.
func (s *scan) taskEvents(task string, from, to int) []int {
	list := s.byTask[task]
	lo := sort.SearchInts(list, from+1)
	hi := sort.SearchInts(list, to)
	return list[lo:hi]
}

// isHook says whether an event is one an Order challenge puts in order.
func isHook(k sim.EventKind) bool {
	switch k {
	case sim.AenterStarted, sim.AenterReturned, sim.AenterRaised,
		sim.AexitCalled, sim.AexitReturned, sim.AexitRaised:
		return true
	}
	return false
}

// excType is the type name of an exception, or "" for none.
func excType(x *sim.ExcInfo) string {
	if x == nil {
		return ""
	}
	return x.Type
}
