package edit

import (
	"errors"
	"fmt"
	"sort"

	"asyncwithlab/sim"
)

// Helpers over a scenario's statement tree, for Points and Inject.

// clone deep-copies a scenario through its JSON form, which is also a
// check that it is valid: Inject never edits the caller's scenario.
func clone(sc *sim.Scenario) (*sim.Scenario, error) {
	if sc == nil {
		return nil, errors.New("no scenario")
	}
	data, err := sim.Encode(sc)
	if err != nil {
		return nil, err
	}
	return sim.Decode(data)
}

// block is a statement list that can be edited in place.
type block = *[]*sim.Stmt

// blockVisitor is called for every statement of a tree with its block,
// index and path ("body[0].try.body[2]").
type blockVisitor func(b block, i int, path string)

// walk visits the statements of b and of every block nested in them.
func walk(b block, path string, visit blockVisitor) {
	for i, s := range *b {
		p := fmt.Sprintf("%s[%d]", path, i)
		visit(b, i, p)
		switch s.Kind {
		case sim.SWith:
			walk(&s.Body, p+".with.body", visit)
		case sim.STry:
			walk(&s.Body, p+".try.body", visit)
			key := "except"
			if s.Star {
				key = "exceptStar"
			}
			for j, h := range s.Handlers {
				walk(&h.Body, fmt.Sprintf("%s.try.%s[%d].body", p, key, j), visit)
			}
			walk(&s.Finally, p+".try.finally", visit)
		case sim.SIfException:
			walk(&s.Body, p+".ifException.then", visit)
			walk(&s.Else, p+".ifException.else", visit)
		case sim.SIf:
			walk(&s.Body, p+".if.then", visit)
			walk(&s.Else, p+".if.else", visit)
		case sim.SFor, sim.SWhile:
			walk(&s.Body, p+"."+string(s.Kind)+".body", visit)
			walk(&s.Else, p+"."+string(s.Kind)+".else", visit)
		case sim.SAsyncFor:
			walk(&s.Body, p+".asyncFor.body", visit)
		}
	}
}

// walkAll visits every statement of the scenario: functions' bodies,
// managers' aenter, aexit and generator bodies.
func walkAll(sc *sim.Scenario, visit func(owner string, inManager bool, b block, i int, path string)) {
	for _, m := range sc.Managers {
		for _, part := range []struct {
			b    block
			name string
		}{{&m.Aenter, "aenter"}, {&m.Aexit, "aexit"}, {&m.Body, "body"}} {
			walk(part.b, part.name, func(b block, i int, p string) { visit(m.Name, true, b, i, p) })
		}
	}
	for _, f := range sc.Functions {
		walk(&f.Body, "body", func(b block, i int, p string) { visit(f.Name, false, b, i, p) })
	}
}

// firstYield finds a generator's first yield in source order: the block
// holding it, its index there, and the index of the top-level statement
// that contains it.
func firstYield(body block) (block, int, int, bool) {
	for top, s := range *body {
		var yb block
		yi := -1
		walk(&[]*sim.Stmt{s}, "", func(b block, i int, _ string) {
			if yi < 0 && (*b)[i].Kind == sim.SYield {
				yb, yi = b, i
			}
		})
		if yi >= 0 {
			if yb != body && (*yb)[yi] == s { // the yield is the top-level statement itself
				return body, top, top, true
			}
			return yb, yi, top, true
		}
	}
	return nil, 0, 0, false
}

// awaits reports whether any of the statements can suspend the task,
// which is where a cancellation can land.
func awaits(stmts []*sim.Stmt) bool {
	for _, s := range stmts {
		switch s.Kind {
		case sim.SSleep, sim.SGather, sim.SAwait, sim.SCall, sim.SEnterContext, sim.SToThread, sim.SShield,
			sim.SWaitFor, sim.SCondWait, sim.SWait, sim.SAclose, sim.SAsyncFor:
			return true
		case sim.SIf, sim.SFor, sim.SWhile:
			if awaits(s.Body) || awaits(s.Else) {
				return true
			}
		case sim.SWith:
			if !s.Sync || awaits(s.Body) {
				return true
			}
		case sim.STry:
			if awaits(s.Body) || awaits(s.Finally) {
				return true
			}
			for _, h := range s.Handlers {
				if awaits(h.Body) {
					return true
				}
			}
		case sim.SIfException:
			if awaits(s.Body) || awaits(s.Else) {
				return true
			}
		}
	}
	return false
}

// insertion is a statement to put at index at of a block.
type insertion struct {
	b     block
	at    int
	order int // among insertions at the same place, the lower goes first
	stmt  *sim.Stmt
}

// insertAll makes several insertions whose indices all refer to the
// blocks as they were before any of them.
func insertAll(ins []insertion) {
	sort.SliceStable(ins, func(i, j int) bool {
		if ins[i].at != ins[j].at {
			return ins[i].at > ins[j].at
		}
		return ins[i].order > ins[j].order
	})
	for _, in := range ins {
		insert(in.b, in.at, in.stmt)
	}
}

// insert puts s at index at of b.
func insert(b block, at int, s *sim.Stmt) {
	*b = append(*b, nil)
	copy((*b)[at+1:], (*b)[at:])
	(*b)[at] = s
}

// names lists every name a scenario defines or assigns, so that a new
// variable can be given one that clashes with nothing.
func names(sc *sim.Scenario) map[string]bool {
	out := map[string]bool{}
	for _, m := range sc.Managers {
		out[m.Name] = true
	}
	for _, f := range sc.Functions {
		out[f.Name] = true
	}
	walkAll(sc, func(_ string, _ bool, b block, i int, _ string) {
		s := (*b)[i]
		out[s.As] = true
		for _, it := range s.Items {
			out[it.As] = true
		}
		for _, h := range s.Handlers {
			out[h.As] = true
		}
	})
	return out
}

// freshName is base, or base2, base3... whichever the scenario does not use.
func freshName(sc *sim.Scenario, base string) string {
	used := names(sc)
	name := base
	for n := 2; used[name]; n++ {
		name = fmt.Sprintf("%s%d", base, n)
	}
	return name
}
