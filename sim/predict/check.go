package predict

// Check marks an answer against what the trace did. A malformed answer
// (an order that is not the items, each once; an option out of range)
// scores 0 and says so; it never panics.
func (c Challenge) Check(a Answer) Mark {
	if c.Kind == Aexit {
		return c.checkOption(a.Option)
	}
	return c.checkOrder(a.Order)
}

// checkOrder scores the fraction of item pairs in the right relative order.
func (c Challenge) checkOrder(order []string) Mark {
	pos := make(map[string]int, len(c.Answer.Order))
	for i, id := range c.Answer.Order {
		pos[id] = i
	}
	seen := map[string]bool{}
	valid := len(order) == len(pos)
	for _, id := range order {
		if _, ok := pos[id]; !ok || seen[id] {
			valid = false
			break
		}
		seen[id] = true
	}
	if !valid || len(order) == 0 {
		return Mark{why: join(say("predict.mark.badOrder", len(pos)), c.why)}
	}
	total, right := 0, 0
	for i := range order {
		for j := i + 1; j < len(order); j++ {
			total++
			if pos[order[i]] < pos[order[j]] {
				right++
			}
		}
	}
	m := Mark{Right: right == total, Score: 1}
	if total > 0 {
		m.Score = float64(right) / float64(total)
	}
	verdict := say("predict.mark.allRight")
	if !m.Right {
		verdict = say("predict.mark.pairs", right, total)
	}
	m.why = join(verdict, c.why)
	return m
}

// checkOption scores a choice: 1 when right, 0.5 when it gets either what
// __aexit__ receives or how the block ends, else 0.
func (c Challenge) checkOption(i int) Mark {
	if i < 0 || i >= len(c.Options) || c.Answer.Option < 0 || c.Answer.Option >= len(c.Options) {
		return Mark{why: join(say("predict.mark.badOption", len(c.Options)), c.why)}
	}
	got, want := c.Options[i], c.Options[c.Answer.Option]
	args := got.Exc == want.Exc
	end := got.Outcome == want.Outcome && got.New == want.New
	m := Mark{Right: args && end, why: c.why}
	switch {
	case m.Right:
		m.Score = 1
	case args || end:
		m.Score = 0.5
	}
	if !m.Right {
		m.why = join(say("predict.mark.answer", want.text()), c.why)
	}
	return m
}
