package sim

// This file ports asyncio.shield (asyncio/tasks.py, the same in 3.11-3.13).

// execShield is [x =] await asyncio.shield(f()) or asyncio.shield(t).
// shield wraps the inner task in an outer future: cancelling the awaiting
// task cancels only the outer one, and the inner task runs on.
func (x *exec) execShield(s *Stmt) flow {
	inner, fl := x.innerTask(s.Func, s.Task, s.id)
	if fl.kind == flowExc {
		return fl
	}
	var v Value
	if inner.fut.done() {
		// The shortcut: shield returns the finished task itself.
		v, fl = x.awaitFuture(inner.fut, s.id)
	} else {
		outer := x.e.newFuture()
		outer.standsFor = inner
		x.e.addDoneCallback(inner.fut, func(in *future) { // _inner_done_callback
			switch {
			case outer.state == cancelled:
				// Nobody waits any more; inner's outcome is only retrieved.
			case in.state == cancelled:
				x.e.futureCancel(outer, nil)
			case in.exc != nil:
				x.e.setException(outer, in.exc)
			default:
				x.e.setResult(outer, in.result)
			}
		})
		v, fl = x.awaitFuture(outer, s.id)
	}
	if fl.kind == flowExc {
		return fl
	}
	if s.As != "" {
		x.cur.vars.set(s.As, v)
	}
	return normal
}

// innerTask is ensure_future(arg) for shield and wait_for: a fresh call
// of fn becomes a new task; the variable v must hold a task.
func (x *exec) innerTask(fn, v string, node int) (*task, flow) {
	if fn != "" {
		return x.e.createTask(x.e.funcs[fn], false), normal
	}
	val, fl := x.lookup(v, node)
	if fl.kind == flowExc {
		return nil, fl
	}
	t, ok := val.(*task)
	if !ok {
		return nil, x.raiseNew(TypeErrorClass, "An asyncio.Future, a coroutine or an awaitable is required", node)
	}
	return t, normal
}
