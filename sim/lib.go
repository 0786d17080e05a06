package sim

import (
	"fmt"
	"strings"
)

// This file stands for the asyncio and contextlib code the scenarios use:
// asyncio.timeout, asyncio.TaskGroup, AsyncExitStack, gather, create_task.
// Each function follows CPython 3.11.7's source line for line where the
// order of effects is visible.

type tmState uint8

const (
	tmCreated tmState = iota
	tmEntered
	tmExpiring
	tmExpired
	tmExited
)

type timeoutState struct {
	state      tmState
	when       float64
	handler    *handle
	task       *task
	cancelling int
}

func (x *exec) timeoutEnter(inst *instance, node int) (Value, flow) {
	tm := inst.tm
	if tm.state != tmCreated {
		return nil, x.raiseNew(RuntimeErrorClass, "Timeout has already been entered", node)
	}
	tm.state = tmEntered
	tm.task = x.t
	tm.cancelling = x.t.numCancels
	onTimeout := func() {
		x.e.emit(evt{kind: TimeoutFired, inst: inst, task: tm.task,
			text: "the deadline passed: the task is cancelled"})
		x.e.taskCancel(tm.task)
		tm.state = tmExpiring
		tm.handler = nil
	}
	if tm.when <= x.e.loop.now {
		tm.handler = x.e.loop.callSoon(onTimeout)
	} else {
		tm.handler = x.e.loop.callAt(tm.when, onTimeout)
	}
	return inst, normal
}

func (x *exec) timeoutExit(inst *instance, exc *Exc, node int) (Value, flow) {
	tm := inst.tm
	if tm.handler != nil {
		x.e.loop.cancelHandle(tm.handler)
		tm.handler = nil
	}
	switch tm.state {
	case tmExpiring:
		tm.state = tmExpired
		if x.e.taskUncancel(tm.task) <= tm.cancelling && exc != nil && exc.Class == CancelledErrorClass {
			te := x.e.newExc(TimeoutErrorClass, false, "")
			te.Cause = exc
			te.SuppressContext = true
			f := x.newFrame("__aexit__", hookAexit, inst, nil)
			x.push(f)
			return nil, x.pop(f, x.raise(te, node))
		}
	case tmEntered:
		tm.state = tmExited
	}
	return nil, normal
}

type taskGroupState struct {
	entered, exiting, aborting bool
	parent                     *task
	parentCancelRequested      bool
	tasks                      []*task // a set in CPython; kept in insertion order
	errors                     []*Exc
	onCompleted                *future
}

func (tg *taskGroupState) repr() string {
	info := []string{""}
	if len(tg.tasks) > 0 {
		info = append(info, fmt.Sprintf("tasks=%d", len(tg.tasks)))
	}
	if len(tg.errors) > 0 {
		info = append(info, fmt.Sprintf("errors=%d", len(tg.errors)))
	}
	if tg.aborting {
		info = append(info, "cancelling")
	} else if tg.entered {
		info = append(info, "entered")
	}
	return "<TaskGroup" + strings.Join(info, " ") + ">"
}

func (x *exec) taskGroupEnter(inst *instance, node int) (Value, flow) {
	tg := inst.tg
	if tg.entered {
		return nil, x.raiseNew(RuntimeErrorClass, fmt.Sprintf("TaskGroup %s has already been entered", tg.repr()), node)
	}
	tg.parent = x.t
	tg.entered = true
	return inst, normal
}

func (e *engine) taskGroupAbort(tg *taskGroupState) {
	tg.aborting = true
	n := 0
	for _, t := range tg.tasks {
		if !t.fut.done() {
			n++
			e.taskCancel(t)
		}
	}
	if n > 1 {
		e.markUnordered("a TaskGroup cancels its remaining tasks by iterating a set; CPython's order is unspecified, shown here in creation order")
	}
}

func (e *engine) taskGroupOnTaskDone(tg *taskGroupState, t *task) {
	for i, u := range tg.tasks {
		if u == t {
			tg.tasks = append(tg.tasks[:i], tg.tasks[i+1:]...)
			break
		}
	}
	if tg.onCompleted != nil && len(tg.tasks) == 0 && !tg.onCompleted.done() {
		e.setResult(tg.onCompleted, true)
	}
	if t.fut.state == cancelled || t.fut.exc == nil {
		return
	}
	tg.errors = append(tg.errors, t.fut.exc)
	if tg.parent.fut.done() {
		return // CPython logs "has errored out but its parent task ... is already completed"
	}
	if !tg.aborting && !tg.parentCancelRequested {
		e.taskGroupAbort(tg)
		tg.parentCancelRequested = true
		e.taskCancel(tg.parent)
	}
}

func (x *exec) taskGroupExit(inst *instance, exc *Exc, node int) (Value, flow) {
	tg := inst.tg
	e := x.e
	f := x.newFrame("__aexit__", hookAexit, inst, nil)
	x.push(f)
	tg.exiting = true
	var propagate *Exc
	if exc != nil && exc.Class == CancelledErrorClass {
		propagate = exc
	}
	if tg.parentCancelRequested {
		if e.taskUncancel(tg.parent) == 0 {
			propagate = nil
		}
	}
	if exc != nil && !tg.aborting {
		e.taskGroupAbort(tg)
	}
	for len(tg.tasks) > 0 {
		if tg.onCompleted == nil {
			tg.onCompleted = e.newFuture()
		}
		if got := x.awaitReq(suspendReq{kind: suspendFuture, fut: tg.onCompleted}); got != nil {
			if !got.Class.IsSubclass(CancelledErrorClass) {
				return nil, x.pop(f, excFlow(got))
			}
			if !tg.aborting {
				propagate = got
				e.taskGroupAbort(tg)
			}
		}
		tg.onCompleted = nil
	}
	if propagate != nil && len(tg.errors) == 0 {
		return nil, x.pop(f, x.raise(propagate, node))
	}
	if exc != nil && exc.Class != CancelledErrorClass {
		tg.errors = append(tg.errors, exc)
	}
	if len(tg.errors) > 0 {
		class := ExceptionGroupClass
		for _, sub := range tg.errors {
			if !sub.Class.IsSubclass(ExceptionClass) {
				class = BaseExceptionGroupClass
			}
		}
		me := e.newExc(class, true, "unhandled errors in a TaskGroup")
		me.Group = tg.errors
		me.SuppressContext = true
		tg.errors = nil
		return nil, x.pop(f, x.raise(me, node))
	}
	x.pop(f, normal)
	return nil, normal
}

// exitCallback is one entry of an AsyncExitStack.
type exitCallback struct {
	inst *instance // a manager entered with enter_async_context
	fn   *FuncDef  // push_async_exit (ExitParams) or push_async_callback
	node int
}

// stackOf looks up stack.attr, the method of an AsyncExitStack variable.
func (x *exec) stackOf(name, attr string, node int) (*instance, flow) {
	v, fl := x.lookup(name, node)
	if fl.kind == flowExc {
		return nil, fl
	}
	inst, ok := v.(*instance)
	if !ok || inst.kind != instExitStack {
		return nil, x.raiseNew(AttributeErrorClass, noAttribute(v, attr), node)
	}
	return inst, normal
}

// noAttribute is CPython's AttributeError message for v.attr.
func noAttribute(v Value, attr string) string {
	if c, ok := v.(*ExcClass); ok {
		return fmt.Sprintf("type object '%s' has no attribute '%s'", c.Name, attr)
	}
	return fmt.Sprintf("'%s' object has no attribute '%s'", pyTypeName(v), attr)
}

// pyTypeName is type(v)'s name as CPython's error messages write it.
func pyTypeName(v Value) string {
	switch v := v.(type) {
	case nil:
		return "NoneType"
	case string:
		return "str"
	case bool:
		return "bool"
	case []Value:
		return "list"
	case *Exc:
		return v.Class.Name
	case *ExcClass:
		return "type"
	case *task:
		return "_asyncio.Task"
	case *instance:
		return v.typeName()
	case tracebackValue:
		return "traceback"
	}
	return "object"
}

// execEnterContext is x = await stack.enter_async_context(M()).
func (x *exec) execEnterContext(s *Stmt) flow {
	stack, fl := x.stackOf(s.Stack, "enter_async_context", s.id)
	if fl.kind == flowExc {
		return fl
	}
	inst, fl := x.construct(x.e.mgrs[s.Manager], s.id)
	if fl.kind == flowExc {
		return fl
	}
	f := x.newFrame("enter_async_context", hookNone, nil, nil)
	x.push(f)
	if enter, exit := inst.hasMethods(false); !enter || !exit {
		missing := "__aenter__"
		if enter {
			missing = "__aexit__"
		}
		attr := x.e.newExc(AttributeErrorClass, true, fmt.Sprintf("type object '%s' has no attribute '%s'", inst.typeName(), missing))
		setContext(attr, x.topHandled())
		f.handled = append(f.handled, attr)
		te := x.e.newExc(TypeErrorClass, true, fmt.Sprintf("'__main__.%s' object does not support the asynchronous context manager protocol", inst.typeName()))
		te.SuppressContext = true
		fl := x.raise(te, s.id)
		f.handled = f.handled[:len(f.handled)-1]
		x.e.emit(evt{kind: ProtocolError, inst: inst, exc: te, node: int32(s.id)})
		return x.pop(f, fl)
	}
	v, fl := x.callEnter(inst, false, s.id)
	if fl.kind == flowExc {
		return x.pop(f, fl)
	}
	stack.stack = append(stack.stack, exitCallback{inst: inst, node: s.id})
	x.pop(f, normal)
	if s.As != "" {
		x.cur.vars.set(s.As, v)
		x.e.emit(evt{kind: TargetBound, inst: inst, text: s.As, val: v, node: int32(s.id)})
	}
	return normal
}

func (x *exec) execPushExit(s *Stmt) flow {
	attr := "push_async_exit"
	if s.Kind == SPushCallback {
		attr = "push_async_callback"
	}
	stack, fl := x.stackOf(s.Stack, attr, s.id)
	if fl.kind == flowExc {
		return fl
	}
	stack.stack = append(stack.stack, exitCallback{fn: x.e.funcs[s.Func], node: s.id})
	return normal
}

// exitStackExit is AsyncExitStack.__aexit__.
func (x *exec) exitStackExit(inst *instance, exc *Exc, node int) (Value, flow) {
	f := x.newFrame("__aexit__", hookAexit, inst, nil)
	x.push(f)
	received := exc != nil
	frameExc := x.topHandled()
	fixContext := func(newExc, oldExc *Exc) {
		for {
			ctx := newExc.Context
			if ctx == nil || ctx == oldExc {
				return
			}
			if ctx == frameExc {
				break
			}
			newExc = ctx
		}
		newExc.Context = oldExc
	}
	suppressed, pendingRaise := false, false
	details := exc
	for len(inst.stack) > 0 {
		cb := inst.stack[len(inst.stack)-1]
		inst.stack = inst.stack[:len(inst.stack)-1]
		ret, cfl := x.callExitCallback(cb, details)
		if cfl.kind != flowExc {
			if truthy(ret) {
				suppressed, pendingRaise, details = true, false, nil
			}
			continue
		}
		fixContext(cfl.exc, details)
		pendingRaise = true
		details = cfl.exc
	}
	if pendingRaise {
		fixed := details.Context
		setContext(details, x.topHandled())
		details.Context = fixed
		return nil, x.pop(f, excFlow(details))
	}
	x.pop(f, normal)
	return received && suppressed, normal
}

func (x *exec) callExitCallback(cb exitCallback, exc *Exc) (Value, flow) {
	if cb.inst != nil {
		return x.callExit(cb.inst, exc, false, cb.node)
	}
	var et, ev, tb Value
	if exc != nil {
		et, ev, tb = exc.Class, exc, tracebackValue{}
	}
	if cb.fn.ExitParams {
		f := x.newFrame(cb.fn.Name, hookNone, nil, exitParams, et, ev, tb)
		x.push(f)
		fl := x.pop(f, x.execBlock(cb.fn.Body))
		if fl.kind == flowExc {
			return nil, fl
		}
		return fl.val, normal
	}
	// push_async_callback: _exit_wrapper awaits the callback, returns None.
	w := x.newFrame("_exit_wrapper", hookNone, nil, nil)
	x.push(w)
	f := x.newFrame(cb.fn.Name, hookNone, nil, nil)
	x.push(f)
	fl := x.pop(f, x.execBlock(cb.fn.Body))
	if fl.kind == flowExc {
		return nil, x.pop(w, fl)
	}
	x.pop(w, normal)
	return nil, normal
}

// gathering is the state of a _GatheringFuture.
type gathering struct {
	children        []*future
	cancelRequested bool
}

func (e *engine) gatherCancel(outer *future) bool {
	if outer.done() {
		return false
	}
	ret := false
	for _, c := range outer.gather.children {
		if e.cancel(c) {
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
				case c.state == cancelled:
					results[i] = e.newExc(CancelledErrorClass, true, "")
				case c.exc != nil:
					results[i] = c.exc
				default:
					results[i] = c.result
				}
			}
			if outer.gather.cancelRequested {
				e.setException(outer, e.makeCancelledError(fut))
			} else {
				e.setResult(outer, results)
			}
		}
	}
	for _, a := range args {
		if !seen[a] {
			seen[a] = true
			nfuts++
			if a.done() {
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

func (x *exec) execGather(s *Stmt) flow {
	// Python evaluates every argument first (reading the variables,
	// making coroutine objects), then gather wraps them one by one: tasks
	// made before a bad argument still exist, and run.
	vals := make([]Value, len(s.Awaitables))
	for i, a := range s.Awaitables {
		if a.Task != "" {
			v, fl := x.lookup(a.Task, s.id)
			if fl.kind == flowExc {
				return fl
			}
			vals[i] = v
		}
	}
	args := make([]*future, 0, len(s.Awaitables))
	for i, a := range s.Awaitables {
		if a.Call != "" {
			args = append(args, x.e.createTask(x.e.funcs[a.Call], false).fut)
			continue
		}
		t, ok := vals[i].(*task)
		if !ok {
			if _, isList := vals[i].([]Value); isList {
				return x.raiseNew(TypeErrorClass, "unhashable type: 'list'", s.id)
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

// awaitFuture is "await fut".
func (x *exec) awaitFuture(f *future, node int) (Value, flow) {
	if !f.done() {
		if exc := x.awaitReq(suspendReq{kind: suspendFuture, fut: f}); exc != nil {
			return nil, excFlow(exc)
		}
	}
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
// it raises what CPython raises for the use: "await" (await v) or
// "cancel" (v.cancel).
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
	case "cancel":
		return nil, x.raiseNew(AttributeErrorClass, noAttribute(v, "cancel"), node)
	}
	x.e.fail(fmt.Errorf("internal error: unknown use %q of a task variable", use))
	return nil, normal
}

func (x *exec) execCreateTask(s *Stmt) flow {
	fn := x.e.funcs[s.Func]
	var t *task
	if s.Group != "" {
		v, fl := x.lookup(s.Group, s.id)
		if fl.kind == flowExc {
			return fl
		}
		inst, ok := v.(*instance)
		if !ok || inst.kind != instTaskGroup {
			return x.raiseNew(AttributeErrorClass, noAttribute(v, "create_task"), s.id)
		}
		tg := inst.tg
		switch {
		case !tg.entered:
			return x.raiseNew(RuntimeErrorClass, fmt.Sprintf("TaskGroup %s has not been entered", tg.repr()), s.id)
		case tg.exiting && len(tg.tasks) == 0:
			return x.raiseNew(RuntimeErrorClass, fmt.Sprintf("TaskGroup %s is finished", tg.repr()), s.id)
		case tg.aborting:
			return x.raiseNew(RuntimeErrorClass, fmt.Sprintf("TaskGroup %s is shutting down", tg.repr()), s.id)
		}
		t = x.e.createTask(fn, false)
		x.e.addDoneCallback(t.fut, func(*future) { x.e.taskGroupOnTaskDone(tg, t) })
		tg.tasks = append(tg.tasks, t)
	} else {
		t = x.e.createTask(fn, false)
	}
	if s.As != "" {
		x.cur.vars.set(s.As, t)
	}
	return normal
}

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

func (x *exec) execCancel(s *Stmt) flow {
	t, fl := x.taskVar(s.Task, "cancel", s.id)
	if fl.kind == flowExc {
		return fl
	}
	do := func() {
		x.e.emit(evt{kind: CancelRequest, task: t, node: int32(s.id), text: "cancel() requested"})
		x.e.taskCancel(t)
	}
	if s.Delayed {
		x.e.loop.callLater(s.Seconds, do)
	} else {
		do()
	}
	return normal
}
