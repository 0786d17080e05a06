package predict

import (
	"math/rand/v2"
	"slices"
	"sort"

	"asyncwithlab/sim"
)

// Find returns every challenge worth asking during res's playback, in
// trace order and never overlapping (each one's Until comes before the
// next one's At). Every __aexit__ that receives an exception gets an Aexit
// challenge, unless it happens inside another such challenge (an
// AsyncExitStack's members, concurrent tasks) where the shortest ones are
// kept; an __aexit__ that receives None gets one where that is a lesson.
// The hook events left over become Order challenges of 3 to 6 events
// about at least two managers. A run with a single manager and no error
// yields none.
//
// seed shuffles the items and options, the same way on every platform.
func Find(res *sim.Result, seed uint64) []Challenge {
	if res == nil || res.Trace.Len() == 0 {
		return nil
	}
	s := newScan(res)
	must, may := aexitChallenges(s)
	picked := pick(nil, must)
	picked = pick(picked, may)
	picked = append(picked, orderChallenges(s, picked)...)
	sort.SliceStable(picked, func(i, j int) bool { return picked[i].At < picked[j].At })
	for i := range picked {
		shuffle(&picked[i], seed)
	}
	return picked
}

// pick adds the candidates that overlap nothing picked so far, earliest
// end first: that keeps the most challenges when calls overlap. picked
// stays sorted by At.
func pick(picked, cands []Challenge) []Challenge {
	cands = slices.Clone(cands)
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].Until < cands[j].Until })
	for _, c := range cands {
		k := sort.Search(len(picked), func(k int) bool { return picked[k].At > c.At })
		if k > 0 && picked[k-1].Until >= c.At || k < len(picked) && picked[k].At <= c.Until {
			continue
		}
		picked = slices.Insert(picked, k, c)
	}
	return picked
}

// shuffle puts c's items or options in an order drawn from seed and the
// challenge's position. The items never come out in the right order, which
// would give the answer away.
func shuffle(c *Challenge, seed uint64) {
	r := rand.New(rand.NewPCG(seed, uint64(c.At)<<1|uint64(c.Kind)))
	switch c.Kind {
	case Order:
		for try := 0; ; try++ {
			r.Shuffle(len(c.Items), func(i, j int) { c.Items[i], c.Items[j] = c.Items[j], c.Items[i] })
			if !inOrder(c.Items, c.Answer.Order) || len(c.Items) < 2 {
				return
			}
			if try == 8 {
				// Practically unreachable; a rotation is never the identity.
				c.Items = append(c.Items[1:], c.Items[0])
				return
			}
		}
	case Aexit:
		right := c.Options[c.Answer.Option]
		r.Shuffle(len(c.Options), func(i, j int) { c.Options[i], c.Options[j] = c.Options[j], c.Options[i] })
		for i, o := range c.Options {
			if o.key() == right.key() {
				c.Answer.Option = i
			}
		}
	}
}

// inOrder says whether items are listed in the order of ids.
func inOrder(items []Item, ids []string) bool {
	for i, it := range items {
		if it.ID != ids[i] {
			return false
		}
	}
	return true
}
