package sim

// This file follows an @asynccontextmanager generator that caught the
// GeneratorExit of aclose() and yielded again. CPython raises
// RuntimeError("async generator ignored GeneratorExit") and leaves the
// generator suspended, marked closed; when its last reference dies it is
// not handed to the loop's finalizer again but closed at once
// (_PyGen_Finalize → gen_close), so its finally runs right there: at the
// end of the except block that held the error, or when the function
// holding the manager returns. The engine keeps no reference counts;
// where such a generator exists it asks, at the points where references
// go (an except block ends, a function returns), whether anything still
// reaches the manager, and closes the generator when nothing does. What
// is still reachable when asyncio.run returns is closed as the
// interpreter exits (shutdown_asyncgens' aclose() skips it: it is closed
// already).

// orphan records that generator g ignored aclose's GeneratorExit; keep
// are the exceptions whose tracebacks hold its manager's __aexit__ frame.
func (e *engine) orphan(g *genState, keep ...*Exc) {
	g.orphan = true
	e.orphans = append(e.orphans, g)
	for _, exc := range keep {
		exc.holds = append(exc.holds, g.inst)
	}
}

// holdFrame notes that exc, leaving frame f, keeps f alive in its
// traceback, and so the managers f's variables hold.
func (e *engine) holdFrame(exc *Exc, f *frame) {
	if len(e.orphans) == 0 || exc == nil {
		return
	}
	for _, v := range f.vars.vals {
		if inst, ok := v.(*instance); ok {
			exc.holds = append(exc.holds, inst)
		}
	}
	if f.inst != nil {
		exc.holds = append(exc.holds, f.inst)
	}
}

// reapOrphans closes the orphaned generators nothing reaches any more;
// inFlight is an exception on its way out of the code that just ended,
// and ret the value it returns.
func (x *exec) reapOrphans(inFlight *Exc, ret Value) {
	e := x.e
	if len(e.orphans) == 0 {
		return
	}
	seen := map[any]bool{}
	var visit func(v Value)
	visitExc := func(exc *Exc) {
		for exc != nil && !seen[exc] {
			seen[exc] = true
			for _, inst := range exc.holds {
				visit(inst)
			}
			for _, sub := range exc.Group {
				visit(sub)
			}
			if exc.Cause != nil {
				visit(exc.Cause)
			}
			exc = exc.Context
		}
	}
	visit = func(v Value) {
		switch v := v.(type) {
		case *instance:
			if !seen[v] {
				seen[v] = true
				for _, w := range v.refs() { // its attributes or arguments
					visit(w)
				}
			}
		case *Exc:
			visitExc(v)
		case []Value:
			for _, w := range v {
				visit(w)
			}
		case *task:
			if !seen[v] {
				seen[v] = true
				visitExc(v.fut.exc)
				visit(v.fut.result)
			}
		}
	}
	visitFrames := func(f *frame) {
		for ; f != nil; f = f.parent {
			for _, v := range f.vars.vals {
				visit(v)
			}
			for _, h := range f.handled {
				visitExc(h)
			}
			if f.inst != nil {
				visit(f.inst)
			}
		}
	}
	visitExc(inFlight)
	visit(ret)
	visitExc(e.threadExc)
	visitFrames(x.cur)
	for _, t := range e.tasks {
		// Every task's outcome counts as held: the loop, a variable or
		// gather keeps most of them, and an exception never retrieved
		// lives until the task is collected.
		visit(t)
		if t != x.t && !t.fut.done() && t.x != nil {
			visitFrames(t.x.cur)
		}
	}
	for _, g := range e.gens {
		// A suspended generator's locals live with it (an orphan's own
		// only with something else reaching it: a cycle is garbage).
		if !g.finished && !g.orphan && g.frame != nil {
			for _, v := range g.frame.vars.vals {
				visit(v)
			}
		}
	}
	kept := e.orphans[:0]
	var dead []*genState
	for _, g := range e.orphans {
		if seen[g.inst] {
			kept = append(kept, g)
		} else {
			dead = append(dead, g)
		}
	}
	e.orphans = kept
	for _, g := range dead {
		x.closeNow(g)
	}
}

// closeNow is gen_close on a generator whose last reference died: the
// GeneratorExit is thrown in at its yield and it runs, synchronously,
// until it ends; should it await or yield again, CPython reports an
// unraisable RuntimeError and the generator is never run again.
func (x *exec) closeNow(g *genState) {
	x.e.emit(evt{kind: Note, inst: g.inst, text: "nothing refers to the generator any more: CPython closes it at once"})
	ge := x.e.newExc(GeneratorExitClass, false, "")
	if x.cur == nil {
		// The task's coroutine has just returned: the generator runs
		// from the task's step itself.
		x.cur = &frame{name: "<finalizer>", runner: x.t.co}
		defer func() { x.cur = nil }()
	}
	keep := x.cur.handled
	x.cur.handled = nil // the generator's own exception state, not the caller's
	x.genResumeOnce(g, ge)
	x.cur.handled = keep
}
