package sim

import "fmt"

// This file ports what scenarios do with tasks: asyncio.create_task,
// await on a task (or any future) and Task.cancel, immediate or through
// loop.call_later, following CPython 3.11.7's source line for line where
// the order of effects is visible. The Task itself (Task.__step,
// __wakeup, cancel and uncancel) is in engine.go; tg.create_task is in
// taskgroup.go.

// awaitFuture is "await fut".
func (x *exec) awaitFuture(f *future, node int) (Value, flow) {
	if !f.done() {
		if exc := x.awaitReq(suspendReq{kind: suspendFuture, fut: f}); exc != nil {
			return nil, excFlow(exc)
		}
	}
	return x.futureResult(f, node)
}

// futureResult is f.result(): the value, or the exception raised here.
func (x *exec) futureResult(f *future, node int) (Value, flow) {
	switch {
	case f.state == cancelled:
		return nil, x.raise(x.e.makeCancelledError(f), node)
	case f.exc != nil:
		return nil, x.raise(f.exc, node)
	case f.state == pending:
		return nil, x.raiseNew(RuntimeErrorClass, "await wasn't used with future", node)
	}
	return f.result, normal
}

// taskVar looks up a variable that should hold a task; for anything else
// it raises what CPython raises for the use: "await" (await v), "cancel"
// (v.cancel) or "uncancel" (v.uncancel).
func (x *exec) taskVar(name, use string, node int) (*task, flow) {
	v, fl := x.lookup(name, node)
	if fl.kind == flowExc {
		return nil, fl
	}
	if t, ok := v.(*task); ok {
		return t, normal
	}
	switch use {
	case "await":
		return nil, x.raiseNew(TypeErrorClass, fmt.Sprintf("object %s can't be used in 'await' expression", pyTypeName(v)), node)
	case "cancel", "uncancel":
		return nil, x.raiseNew(AttributeErrorClass, noAttribute(v, use), node)
	}
	x.e.fail(fmt.Errorf("internal error: unknown use %q of a task variable", use))
	return nil, normal
}

// execCreateTask is t = asyncio.create_task(f()) or t = tg.create_task(f()).
func (x *exec) execCreateTask(s *Stmt) flow {
	fn := x.e.funcs[s.Func]
	var t *task
	if s.Ext().Group != "" {
		var fl flow
		if t, fl = x.taskGroupCreateTask(s.Ext().Group, fn, s.id); fl.kind == flowExc {
			return fl
		}
	} else {
		t = x.e.createTask(fn, false)
	}
	if s.As != "" {
		x.cur.vars.set(s.As, t)
	}
	return normal
}

// execAwaitTask is [x =] await t.
func (x *exec) execAwaitTask(s *Stmt) flow {
	t, fl := x.taskVar(s.Task, "await", s.id)
	if fl.kind == flowExc {
		return fl
	}
	if t == x.t {
		return x.raiseNew(RuntimeErrorClass, "Task cannot await on itself", s.id)
	}
	v, fl := x.awaitFuture(t.fut, s.id)
	if fl.kind == flowExc {
		return fl
	}
	if s.As != "" {
		x.cur.vars.set(s.As, v)
	}
	return normal
}

// execCancel is t.cancel(), or loop.call_later(d, t.cancel).
func (x *exec) execCancel(s *Stmt) flow {
	t, fl := x.taskVar(s.Task, "cancel", s.id)
	if fl.kind == flowExc {
		return fl
	}
	var msg *string
	if s.HasMessage {
		msg = &s.Text
	}
	do := func() {
		x.e.emit(evt{kind: CancelRequest, task: t, node: int32(s.id), text: "cancel() requested"})
		x.e.taskCancel(t, msg)
	}
	if s.Delayed {
		x.e.loop.callLater(s.Seconds, do)
	} else {
		do()
	}
	return normal
}
