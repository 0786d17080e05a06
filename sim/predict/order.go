package predict

import (
	"sort"

	"asyncwithlab/sim"
)

// Order challenges hold between minOrder and maxOrder events: fewer is
// no puzzle, more is tedious to sort on a small screen.
const (
	minOrder = 3
	maxOrder = 6
)

// orderChallenges cuts the hook events that no Aexit challenge in taken
// covers into Order challenges. A stretch ends where an Aexit challenge
// starts and where every manager entered so far has left again, so a
// challenge never mixes unrelated blocks; a long stretch is cut into
// nearly equal chunks. Chunks about a single manager are skipped: its own
// hooks can only come in one order.
func orderChallenges(s *scan, taken []Challenge) []Challenge {
	var out []Challenge
	var seg []int
	flush := func() {
		out = append(out, s.chunks(seg)...)
		seg = seg[:0]
	}
	open := 0
	for i, e := range s.evs {
		if !isHook(e.Kind) {
			continue
		}
		if covered(taken, i) {
			flush()
		} else {
			seg = append(seg, i)
		}
		switch e.Kind {
		case sim.AenterStarted:
			open++
		case sim.AenterRaised, sim.AexitReturned, sim.AexitRaised:
			open--
		}
		if open <= 0 {
			open = 0
			flush()
		}
	}
	flush()
	return out
}

// covered says whether event i lies inside one of taken (sorted by At).
func covered(taken []Challenge, i int) bool {
	k := sort.Search(len(taken), func(k int) bool { return taken[k].At > i })
	return k > 0 && taken[k-1].Until >= i
}

// chunks cuts a stretch of hook events into Order challenges.
func (s *scan) chunks(seg []int) []Challenge {
	n := len(seg)
	if n < minOrder {
		return nil
	}
	parts := (n + maxOrder - 1) / maxOrder
	var out []Challenge
	from := 0
	for p := range parts {
		size := n / parts
		if p < n%parts {
			size++
		}
		if c, ok := s.orderChallenge(seg[from : from+size]); ok {
			out = append(out, c)
		}
		from += size
	}
	return out
}

// orderChallenge makes the challenge about the hook events idx, in trace
// order; ok is false when it is not worth asking.
func (s *scan) orderChallenge(idx []int) (c Challenge, ok bool) {
	managers := map[string]bool{}
	ids := map[string]bool{}
	c = Challenge{Kind: Order, At: idx[0], Until: idx[len(idx)-1], Task: s.evs[idx[0]].Task}
	for _, i := range idx {
		e := s.evs[i]
		it := Item{ID: e.Manager + "/" + e.Kind.String(), Manager: e.Manager, Event: e.Kind,
			Task: e.Task, sync: s.sync[instKey(e)]}
		if ids[it.ID] {
			// The same instance's same hook twice (a manager object
			// entered again): the two would be indistinguishable.
			return c, false
		}
		ids[it.ID] = true
		managers[e.Manager] = true
		if e.Task != c.Task {
			c.Task = ""
		}
		c.Items = append(c.Items, it)
		c.Answer.Order = append(c.Answer.Order, it.ID)
	}
	if len(managers) < 2 {
		return c, false
	}
	c.why = s.orderWhy(idx, c.Items)
	return c, true
}

// orderWhy lists what happened and names the rules behind it.
func (s *scan) orderWhy(idx []int, items []Item) text {
	happened := make(numbered, len(items))
	for k, it := range items {
		happened[k] = it.text()
	}
	parts := []text{say("predict.why.happened", happened)}
	tasks := map[string]bool{}
	var lifo, entered text
	for k, i := range idx {
		e := s.evs[i]
		tasks[e.Task] = true
		enter, exit := hookNames(items[k].sync)
		switch e.Kind {
		case sim.AenterRaised:
			parts = append(parts, say("predict.why.aenterRaised", e.Manager, enter, exit))
		case sim.AexitCalled:
			for _, j := range idx[:k] {
				p := s.evs[j]
				if lifo == nil && p.Kind == sim.AexitCalled && p.Task == e.Task && s.enter[i] >= 0 && s.enter[i] < s.enter[j] {
					lifo = say("predict.why.lifo", p.Manager, e.Manager)
				}
			}
		case sim.AenterStarted:
			for jk, j := range idx[:k] {
				p := s.evs[j]
				if entered == nil && p.Kind == sim.AenterReturned && p.Task == e.Task && p.Manager != e.Manager {
					penter, _ := hookNames(items[jk].sync)
					entered = say("predict.why.entered", e.Manager, p.Manager, penter)
				}
			}
		}
	}
	parts = append(parts, lifo, entered)
	if len(tasks) > 1 {
		parts = append(parts, say("predict.why.tasks"))
	}
	return join(parts...)
}
