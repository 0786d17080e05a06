package sim

import ()

// This file ports what a program asks a task about itself, as the C Task
// (_asyncio.Task) answers: done(), cancelled(), cancelling(), result()
// and exception() as print fields ({t.cancelling()}), t.uncancel() and
// asyncio.current_task() as statements; and len() as a print field, for
// the sets asyncio.wait returns.

// taskMethods are the task methods a print field may call. They take no
// argument and change nothing a program can see.
var taskMethods = map[string]bool{"done": true, "cancelled": true, "cancelling": true, "result": true, "exception": true}

// callTaskMethod is v.method() in a print field.
func (x *exec) callTaskMethod(v Value, method string, node int) (Value, flow) {
	t, ok := v.(*task)
	if !ok {
		return nil, x.raiseNew(AttributeErrorClass, noAttribute(v, method), node)
	}
	f := t.fut
	switch method {
	case "done":
		return f.done(), normal
	case "cancelled":
		return f.state == cancelled, normal
	case "cancelling":
		return int64(t.numCancels), normal
	case "result":
		if f.state == pending {
			return nil, x.raiseNew(InvalidStateErrorClass, "Result is not set.", node)
		}
		return x.futureResult(f, node)
	}
	// exception()
	switch {
	case f.state == cancelled:
		return nil, x.raise(x.e.makeCancelledError(f), node)
	case f.state == pending:
		return nil, x.raiseNew(InvalidStateErrorClass, "Exception is not set.", node)
	case f.exc != nil:
		return f.exc, normal
	}
	return nil, normal
}

// execUncancel is [n =] t.uncancel(): the number of cancellation requests
// left.
func (x *exec) execUncancel(s *Stmt) flow {
	t, fl := x.taskVar(s.Task, "uncancel", s.id)
	if fl.kind == flowExc {
		return fl
	}
	n := x.e.taskUncancel(t)
	if s.As != "" {
		x.cur.vars.set(s.As, int64(n))
	}
	return normal
}

// execCurrentTask is me = asyncio.current_task(). The task's repr holds
// a memory address, so printing me is refused; its methods answer.
func (x *exec) execCurrentTask(s *Stmt) flow {
	x.cur.vars.set(s.As, x.t)
	return normal
}

// taskStmt checks uncancel and currentTask.
func (v *validator) taskStmt(p string, s *Stmt) {
	if s.Kind == SUncancel {
		v.varRef(v.join(p, "uncancel.task"), s.Task)
		v.target(v.join(p, "uncancel.as"), s.As)
		return
	}
	if s.As == "" {
		v.errorf(v.join(p, "currentTask"), "expected the name of the variable that holds the task")
	}
	v.target(v.join(p, "currentTask"), s.As)
}

// taskStmtSource is the Python line of uncancel and currentTask.
func taskStmtSource(s *Stmt) string {
	if s.Kind == SUncancel {
		return assignPrefix(s.As) + s.Task + ".uncancel()"
	}
	return s.As + " = asyncio.current_task()"
}
