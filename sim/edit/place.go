package edit

import "asyncwithlab/sim"

// timedFault is a cancel or time-out of the design, with the region it
// must land in.
type timedFault struct {
	task, mgr int
	hook      Hook
	kind      FaultKind
	region    region
}

// timedFaults lists the design's cancellations and time-outs in the order
// their task reaches them: entering, body, leaving.
func (b *builder) timedFaults() []timedFault {
	var out []timedFault
	for ti, t := range b.d.Tasks {
		add := func(mi int, h Hook, f Fault) {
			if f.timed() {
				out = append(out, timedFault{task: ti, mgr: mi, hook: h, kind: f.Kind, region: b.regionOf(ti, mi, h)})
			}
		}
		for mi, m := range t.Managers {
			add(mi, HookEnterStart, m.EnterStart)
		}
		add(-1, HookBody, t.Body)
		for mi := len(t.Managers) - 1; mi >= 0; mi-- {
			add(mi, HookExit, t.Managers[mi].Exit)
		}
	}
	return out
}

// regionOf is the code a timed fault must land in: __aenter__ from its
// opening print, the body from its first print, __aexit__ (or the
// generator's teardown) from its closing print.
func (b *builder) regionOf(ti, mi int, h Hook) region {
	if h == HookBody {
		return region{opens: printed(workingText(taskName(ti, b.tasks()))), closer: bodyEnds}
	}
	name := managerName(b.d.Tasks[ti].Managers[mi].Kind, ti, mi, b.tasks())
	if h == HookExit {
		return region{opens: printed(closingText(name)), closer: hookEnds(name, sim.AexitReturned, sim.AexitRaised)}
	}
	return region{opens: printed(openingText(name)), closer: hookEnds(name, sim.AenterReturned, sim.AenterRaised)}
}

// placeTimed gives every timed fault its clock value. A task's faults are
// placed in the order the task reaches them, each timed in a run that
// holds the ones before it (a cancellation changes when the task gets
// further). Different tasks are placed side by side, one fault each per
// round, so that the number of runs follows the longest task's list
// rather than the whole design's. A fault that does not land is retried
// at an earlier moment, then dropped; a last check of all of them together
// drops any that another one displaced.
func (b *builder) placeTimed() []Problem {
	var probs []Problem
	queues := make([][]timedFault, b.tasks())
	total := 0
	for _, f := range b.timedFaults() {
		queues[f.task] = append(queues[f.task], f)
		total++
	}
	if total == 0 {
		return nil
	}
	b.regions = map[placement]region{}
	tries := map[placement]int{} // by fault, with at left zero
	type tentative struct {
		f  timedFault
		p  placement
		at float64
	}
	for round := 0; round < 4*total+1; round++ {
		res := run(b.scenario())
		if res == nil {
			break
		}
		var tent []tentative
		for ti, q := range queues {
			if len(q) == 0 {
				continue
			}
			f := q[0]
			key := placement{task: f.task, mgr: f.mgr, hook: f.hook, kind: f.kind}
			w, ok := firstWait(res.Trace, f.region)
			if !ok {
				probs = append(probs, b.dropTimed(f, CodeNotReached))
				queues[ti] = q[1:]
				continue
			}
			var ps []placement
			var ats []float64
			for _, at := range w.moments() {
				p := key
				p.at = round6(at - w.created)
				if f.kind == FaultTimeout {
					p.at = round6(at - w.started)
				}
				if p.at >= minSleep/10 {
					ps, ats = append(ps, p), append(ats, at)
				}
			}
			if tries[key] >= len(ps) {
				probs = append(probs, b.dropTimed(f, CodeCannotLand))
				queues[ti] = q[1:]
				continue
			}
			tent = append(tent, tentative{f, ps[tries[key]], ats[tries[key]]})
			b.placed = append(b.placed, ps[tries[key]])
		}
		if len(tent) == 0 {
			if allEmpty(queues) {
				break
			}
			continue
		}
		check := run(b.scenario())
		failed := map[placement]bool{}
		for _, tt := range tent {
			if check != nil && landed(check.Trace, tt.f.region, tt.at, triggerOf(tt.f.kind)) {
				b.regions[tt.p] = tt.f.region
				queues[tt.f.task] = queues[tt.f.task][1:]
				continue
			}
			failed[tt.p] = true
			key := tt.p
			key.at = 0
			tries[key]++
		}
		kept := b.placed[:0]
		for _, p := range b.placed {
			if !failed[p] {
				kept = append(kept, p)
			}
		}
		b.placed = kept
	}
	// Whatever is left could not be placed in the rounds allowed: it must
	// not vanish from the scenario without a word.
	for _, q := range queues {
		for _, f := range q {
			probs = append(probs, b.dropTimed(f, CodeCannotLand))
		}
	}
	return append(probs, b.checkPlaced()...)
}

// allEmpty reports whether every task's faults have been dealt with.
func allEmpty(queues [][]timedFault) bool {
	for _, q := range queues {
		if len(q) > 0 {
			return false
		}
	}
	return true
}

// checkPlaced runs every placed fault together and drops, one at a time,
// any that no longer lands: a fault placed later may have moved the task
// an earlier one was timed for (or a shared entry left out, see Build).
func (b *builder) checkPlaced() []Problem {
	var probs []Problem
	for len(b.placed) > 0 {
		res := run(b.scenario())
		if res == nil {
			break
		}
		bad := -1
		for i, p := range b.placed {
			if !landed(res.Trace, b.regions[p], p.at+b.origin(res, p), triggerOf(p.kind)) {
				bad = i
				break
			}
		}
		if bad < 0 {
			break
		}
		p := b.placed[bad]
		b.placed = append(b.placed[:bad], b.placed[bad+1:]...)
		probs = append(probs, b.dropTimed(timedFault{task: p.task, mgr: p.mgr, hook: p.hook, kind: p.kind}, CodeCannotLand))
	}
	return probs
}

// origin is the time a placement's value counts from: main creates every
// task at 0, and a time-out's deadline counts from when its task started.
func (b *builder) origin(res *sim.Result, p placement) float64 {
	if p.kind != FaultTimeout {
		return 0
	}
	name := taskName(p.task, b.tasks())
	for i := 0; i < res.Trace.Len(); i++ {
		if ev := res.Trace.At(i); ev.Kind == sim.TaskStarted && ev.Task == name {
			return ev.Time
		}
	}
	return 0
}

// dropTimed removes a timed fault from the design and explains why.
func (b *builder) dropTimed(f timedFault, code Code) Problem {
	c := &checker{d: &b.d}
	var p Problem
	if f.mgr < 0 {
		p = c.taskProblem(f.task, HookBody, taskPath(f.task, "body"), code)
		b.d.Tasks[f.task].Body = Fault{}
	} else {
		p = c.managerProblem(f.task, f.mgr, f.hook, string(f.hook), code)
		*b.d.Tasks[f.task].Managers[f.mgr].fault(f.hook) = Fault{}
	}
	p.Arg = string(f.kind)
	return p
}
