package sim

// This file ports asyncio.gather and its _GatheringFuture
// (asyncio/tasks.py), following CPython's source line for line where the
// order of effects is visible (3.11.7, and 3.12's eager count of children
// already done).

// gathering is the state of a _GatheringFuture.
type gathering struct {
	children        []*future
	cancelRequested bool
}

// gatherCancel is _GatheringFuture.cancel: it cancels the children.
func (e *engine) gatherCancel(outer *future, msg *string) bool {
	if outer.done() {
		return false
	}
	ret := false
	for _, c := range outer.gather.children {
		if e.cancel(c, msg) {
			ret = true
		}
	}
	if ret {
		outer.gather.cancelRequested = true
	}
	return ret
}

// gather is asyncio.gather(*args, return_exceptions=...).
func (e *engine) gather(args []*future, returnExceptions bool) *future {
	outer := &future{gather: &gathering{}}
	seen := map[*future]bool{}
	nfuts, nfinished := 0, 0
	var doneFuts []*future
	var children []*future
	var doneCb func(*future)
	doneCb = func(fut *future) {
		nfinished++
		if outer.done() {
			return
		}
		if !returnExceptions {
			if fut.state == cancelled {
				e.setException(outer, e.makeCancelledError(fut))
				return
			}
			if fut.exc != nil {
				e.setException(outer, fut.exc)
				return
			}
		}
		if nfinished == nfuts {
			results := make([]Value, len(children))
			for i, c := range children {
				switch {
				case c.state == cancelled && c.cancelMsg != nil:
					results[i] = e.newExc(CancelledErrorClass, true, *c.cancelMsg)
				case c.state == cancelled:
					results[i] = e.newExc(CancelledErrorClass, true, "")
				case c.exc != nil:
					results[i] = c.exc
				default:
					results[i] = c.result
				}
			}
			if outer.gather.cancelRequested {
				// "exc = fut._make_cancelled_error()" after "for fut in
				// children": fut is the last child now, not the one that
				// just finished (which may not be cancelled at all).
				e.setException(outer, e.makeCancelledError(children[len(children)-1]))
			} else {
				e.setResult(outer, results)
			}
		}
	}
	for _, a := range args {
		if !seen[a] {
			seen[a] = true
			nfuts++
			if a.done() && e.py.atLeast(12) {
				// 3.12+: a child already done is counted once outer
				// exists, at once; 3.11 schedules its callback.
				doneFuts = append(doneFuts, a)
			} else {
				e.addDoneCallback(a, doneCb)
			}
		}
		children = append(children, a)
	}
	outer.gather.children = children
	for _, f := range doneFuts {
		doneCb(f)
	}
	return outer
}

// execGather is [x =] await asyncio.gather(...).
func (x *exec) execGather(s *Stmt) flow {
	// Python evaluates every argument first (reading the variables,
	// making coroutine objects), then gather wraps them one by one: tasks
	// made before a bad argument still exist, and run.
	vals := make([]Value, len(s.Ext().Awaitables))
	for i, a := range s.Ext().Awaitables {
		if a.Task != "" {
			v, fl := x.lookup(a.Task, s.id)
			if fl.kind == flowExc {
				return fl
			}
			vals[i] = v
		}
	}
	args := make([]*future, 0, len(s.Ext().Awaitables))
	for i, a := range s.Ext().Awaitables {
		if a.Call != "" {
			args = append(args, x.e.createTask(x.e.funcs[a.Call], false).fut)
			continue
		}
		t, ok := vals[i].(*task)
		if !ok {
			if unhashable(vals[i]) {
				return x.raiseNew(TypeErrorClass, "unhashable type: '"+pyTypeName(vals[i])+"'", s.id)
			}
			return x.raiseNew(TypeErrorClass, "An asyncio.Future, a coroutine or an awaitable is required", s.id)
		}
		args = append(args, t.fut)
	}
	outer := x.e.gather(args, s.ReturnExceptions)
	v, fl := x.awaitFuture(outer, s.id)
	if fl.kind == flowExc {
		return fl
	}
	if s.As != "" {
		x.cur.vars.set(s.As, v)
	}
	return normal
}
