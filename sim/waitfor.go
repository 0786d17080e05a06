package sim

// This file ports asyncio.wait_for, which changed in 3.12: 3.11 runs the
// awaitable as a task of its own and races it against a timer, cancelling
// it when the timer wins (and returning its value if it finishes anyway);
// from 3.12 it awaits the awaitable inside asyncio.timeout, in the
// caller's own task.

// execWaitFor is [x =] await asyncio.wait_for(aw, timeout).
func (x *exec) execWaitFor(s *Stmt) flow {
	// The argument is evaluated by the caller: a task variable is read
	// there; a call only makes a coroutine object, which runs nothing.
	var arg Value
	if s.Task != "" {
		var fl flow
		if arg, fl = x.lookup(s.Task, s.id); fl.kind == flowExc {
			return fl
		}
	}
	f := x.newFrame("wait_for", hookNone, nil, nil)
	x.push(f)
	if s.Task != "" {
		f.vars.set("fut", arg)
	}
	var v Value
	var fl flow
	switch {
	case x.e.py.atLeast(12):
		v, fl = x.waitForInTimeout(s)
	case s.NoTimeout:
		v, fl = x.awaitHere(s) // return await fut
	default:
		v, fl = x.waitForRace(s)
	}
	if fl.kind != flowExc {
		fl = normal
	}
	if fl = x.pop(f, fl); fl.kind == flowExc {
		return fl
	}
	if s.As != "" {
		x.cur.vars.set(s.As, v)
	}
	return normal
}

// awaitStmt is "result = await fut" in wait_for's frame: a coroutine runs
// right there, in the caller's task; a task is awaited.
func awaitStmt(s *Stmt) *Stmt {
	if s.Task != "" {
		return &Stmt{Kind: SAwait, Task: "fut", As: "result", id: s.id}
	}
	return &Stmt{Kind: SCall, Func: s.Func, As: "result", id: s.id}
}

// awaitHere runs awaitStmt and returns what it bound.
func (x *exec) awaitHere(s *Stmt) (Value, flow) {
	if fl := x.execStmt(awaitStmt(s)); fl.kind == flowExc {
		return nil, fl
	}
	v, _ := x.cur.vars.get("result")
	return v, normal
}

// waitForInTimeout is 3.12's "async with timeouts.timeout(timeout):
// return await fut", run through the interpreter's own with statement so
// that the Timeout behaves, and shows, as one written out would.
func (x *exec) waitForInTimeout(s *Stmt) (Value, flow) {
	it := &WithItem{NoDeadline: s.NoTimeout, id: s.id}
	if !s.NoTimeout {
		d := s.Seconds
		it.Timeout = &d
	}
	with := &Stmt{Kind: SWith, Items: []*WithItem{it}, Body: []*Stmt{awaitStmt(s)}, id: s.id}
	if fl := x.execWith(with, with.Items, false); fl.kind == flowExc {
		return nil, fl
	}
	v, _ := x.cur.vars.get("result")
	return v, normal
}

// waitForRace is 3.11's wait_for with a timeout: a waiter future that
// either the timer or the task's completion releases.
func (x *exec) waitForRace(s *Stmt) (Value, flow) {
	e := x.e
	waiter := e.newFuture()
	release := func(*future) { e.setResult(waiter, nil) } // _release_waiter
	timer := e.loop.callLater(s.Seconds, func() { release(nil) })
	defer e.loop.cancelHandle(timer) // finally: timeout_handle.cancel()
	inner, fl := x.innerTask(s.Func, "fut", s.id)
	if fl.kind == flowExc {
		return nil, fl
	}
	waiter.standsFor = inner
	e.addDoneCallback(inner.fut, release)
	f := x.cur
	if exc := x.awaitReq(suspendReq{kind: suspendFuture, fut: waiter}); exc != nil {
		if !exc.Class.IsSubclass(CancelledErrorClass) {
			return nil, excFlow(exc)
		}
		// except exceptions.CancelledError:
		f.handled = append(f.handled, exc)
		defer func() { f.handled = f.handled[:len(f.handled)-1] }()
		if inner.fut.done() {
			return x.futureResult(inner.fut, s.id)
		}
		if fl := x.cancelAndWait(inner, s.id); fl.kind == flowExc {
			return nil, fl
		}
		return nil, excFlow(exc) // raise
	}
	if inner.fut.done() {
		return x.futureResult(inner.fut, s.id)
	}
	if fl := x.cancelAndWait(inner, s.id); fl.kind == flowExc {
		return nil, fl
	}
	v, fl := x.futureResult(inner.fut, s.id)
	if fl.kind != flowExc || !fl.exc.Class.IsSubclass(CancelledErrorClass) {
		return v, fl
	}
	// except exceptions.CancelledError as exc:
	//     raise exceptions.TimeoutError() from exc
	f.handled = append(f.handled, fl.exc)
	te := e.newExc(TimeoutErrorClass, false, "")
	te.Cause, te.SuppressContext = fl.exc, true
	rfl := x.raise(te, s.id)
	f.handled = f.handled[:len(f.handled)-1]
	return nil, rfl
}

// cancelAndWait is tasks._cancel_and_wait(fut): cancel the task and wait,
// in a coroutine of its own, until it is done.
func (x *exec) cancelAndWait(t *task, node int) flow {
	e := x.e
	f := x.newFrame("_cancel_and_wait", hookNone, nil, nil)
	x.push(f)
	waiter := e.newFuture()
	waiter.standsFor = t
	e.addDoneCallback(t.fut, func(*future) { e.setResult(waiter, nil) })
	e.emit(evt{kind: CancelRequest, task: t, node: int32(node), text: "cancel() requested by wait_for"})
	e.taskCancel(t, nil)
	fl := normal
	if exc := x.awaitReq(suspendReq{kind: suspendFuture, fut: waiter}); exc != nil {
		fl = excFlow(exc)
	}
	return x.pop(f, fl)
}
