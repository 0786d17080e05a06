package sim

import (
	"fmt"
	"strings"
)

// This file ports asyncio.TaskGroup (asyncio/taskgroups.py), following
// CPython 3.11.7's source line for line where the order of effects is
// visible.

// taskGroupKind is the with item {"taskGroup": true}: asyncio.TaskGroup().
var taskGroupKind = libKind{
	field: "taskGroup",
	label: "TaskGroup",
	in:    func(it *WithItem) bool { return it.TaskGroup },
	decode: func(d *decoder, path string, v any, it *WithItem) {
		it.TaskGroup = d.Bool(path, v)
	},
	encode: func(*WithItem) any { return true },
	source: func(*WithItem) string { return "asyncio.TaskGroup()" },
	create: func(*exec, *WithItem) contextManager { return &taskGroupCM{} },
}

// taskGroupCM is an asyncio.TaskGroup object.
type taskGroupCM struct {
	entered, exiting, aborting bool
	parent                     *task
	parentCancelRequested      bool
	tasks                      []*task // a set in CPython; kept in insertion order
	errors                     []*Exc
	onCompleted                *future
	// baseError is the first KeyboardInterrupt or SystemExit the body
	// or a task raised (_base_error): __aexit__ raises it alone.
	baseError *Exc
}

func (tg *taskGroupCM) typeName() string { return "TaskGroup" }

// repr is TaskGroup.__repr__, which its error messages show.
func (tg *taskGroupCM) repr() string {
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

// pyRepr is repr(tg): TaskGroup defines __repr__, and it holds no address.
func (tg *taskGroupCM) pyRepr() (string, bool) { return tg.repr(), true }

// aenter is TaskGroup.__aenter__.
func (tg *taskGroupCM) aenter(x *exec, inst *instance, node int) (Value, flow) {
	if tg.entered {
		return nil, x.raiseNew(RuntimeErrorClass, fmt.Sprintf("TaskGroup %s has already been entered", tg.repr()), node)
	}
	tg.parent = x.t
	tg.entered = true
	return inst, normal
}

// taskGroupAbort is TaskGroup._abort.
func (e *engine) taskGroupAbort(tg *taskGroupCM) {
	tg.aborting = true
	n := 0
	for _, t := range tg.tasks {
		if !t.fut.done() {
			n++
			e.taskCancel(t, nil)
		}
	}
	if n > 1 {
		e.markUnordered("a TaskGroup cancels its remaining tasks by iterating a set; CPython's order is unspecified, shown here in creation order")
	}
}

// taskGroupOnTaskDone is TaskGroup._on_task_done, a done callback of
// every task the group created.
func (e *engine) taskGroupOnTaskDone(tg *taskGroupCM, t *task) {
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
	tg.noteBaseError(t.fut.exc)
	if tg.parent.fut.done() {
		return // CPython logs "has errored out but its parent task ... is already completed"
	}
	if !tg.aborting && !tg.parentCancelRequested {
		e.taskGroupAbort(tg)
		tg.parentCancelRequested = true
		e.taskCancel(tg.parent, nil)
	}
}

// aexit is TaskGroup.__aexit__: it waits for every task, then raises
// their errors (and the body's) as an ExceptionGroup.
func (tg *taskGroupCM) aexit(x *exec, inst *instance, exc *Exc, node int) (Value, flow) {
	e := x.e
	f := x.newFrame("__aexit__", hookAexit, inst, nil)
	x.push(f)
	tg.exiting = true
	tg.noteBaseError(exc)
	var propagate *Exc
	if exc != nil && exc.Class == CancelledErrorClass {
		propagate = exc
	}
	// 3.11 and 3.12 uncancel the parent before waiting; 3.13 after.
	uncancelParent := func() {
		if tg.parentCancelRequested && e.taskUncancel(tg.parent) == 0 {
			propagate = nil
		}
	}
	if !e.py.atLeast(13) {
		uncancelParent()
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
	if tg.baseError != nil {
		return nil, x.pop(f, x.raise(tg.baseError, node))
	}
	if e.py.atLeast(13) {
		uncancelParent()
	}
	if propagate != nil && len(tg.errors) == 0 {
		return nil, x.pop(f, x.raise(propagate, node))
	}
	if exc != nil && exc.Class != CancelledErrorClass {
		tg.errors = append(tg.errors, exc)
	}
	if len(tg.errors) > 0 {
		if e.py.atLeast(13) && tg.parent.numCancels > 0 {
			// The parent is being cancelled from outside the group:
			// uncancel and cancel it again, keeping the count stable.
			e.taskUncancel(tg.parent)
			e.taskCancel(tg.parent, nil)
		}
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

// noteBaseError keeps exc as the group's _base_error if it is the first
// KeyboardInterrupt or SystemExit (_is_base_error).
func (tg *taskGroupCM) noteBaseError(exc *Exc) {
	if exc != nil && tg.baseError == nil && stopsLoop(exc) {
		tg.baseError = exc
	}
}

// taskGroupCreateTask is tg.create_task(fn()) for the variable group: an
// AttributeError when it holds no TaskGroup, a RuntimeError when the group
// is not running.
func (x *exec) taskGroupCreateTask(group string, fn *FuncDef, node int) (*task, flow) {
	v, fl := x.lookup(group, node)
	if fl.kind == flowExc {
		return nil, fl
	}
	inst, ok := v.(*instance)
	var tg *taskGroupCM
	if ok {
		tg, ok = inst.mgr.(*taskGroupCM)
	}
	if !ok {
		return nil, x.raiseNew(AttributeErrorClass, noAttribute(v, "create_task"), node)
	}
	switch {
	case !tg.entered:
		return nil, x.raiseNew(RuntimeErrorClass, fmt.Sprintf("TaskGroup %s has not been entered", tg.repr()), node)
	case tg.exiting && len(tg.tasks) == 0:
		return nil, x.raiseNew(RuntimeErrorClass, fmt.Sprintf("TaskGroup %s is finished", tg.repr()), node)
	case tg.aborting:
		return nil, x.raiseNew(RuntimeErrorClass, fmt.Sprintf("TaskGroup %s is shutting down", tg.repr()), node)
	}
	t := x.e.createTask(fn, false)
	x.e.addDoneCallback(t.fut, func(*future) { x.e.taskGroupOnTaskDone(tg, t) })
	tg.tasks = append(tg.tasks, t)
	return t, normal
}
