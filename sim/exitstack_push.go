package sim

import "fmt"

// This file holds the statements that push onto an AsyncExitStack, each
// in its async form and, with "sync": true, its plain one:
//
//	{"pushExit": {"stack": "s", "function": "f"}}          s.push_async_exit(f)     (sync: s.push(f))
//	{"pushExit": {"stack": "s", "object": "cm"}}           s.push_async_exit(cm)    (sync: s.push(cm))
//	{"pushCallback": {"stack": "s", "function": "f",
//	                  "args": ["a", 1]}}                   s.push_async_callback(f, "a", 1)  (sync: s.callback(f, "a", 1))
//
// An exit function takes (exc_type, exc, tb) and may suppress by
// returning a true value; a callback takes its params and cannot. Pushing
// an object pushes its exit method (__aexit__, or __exit__ for push),
// looked up on its type; an object without one is pushed as if it were
// the callable, and calling it fails when the stack unwinds.

// pushMethods names the stack's methods: [async, sync] for each statement.
var pushMethods = map[StmtKind][2]string{
	SPushExit:     {"push_async_exit", "push"},
	SPushCallback: {"push_async_callback", "callback"},
}

// pushMethod is the method the statement calls.
func pushMethod(s *Stmt) string {
	if s.Sync {
		return pushMethods[s.Kind][1]
	}
	return pushMethods[s.Kind][0]
}

// push reads a pushExit or pushCallback statement's object.
func (d *decoder) push(p string, arg any, s *Stmt) {
	keys := []string{"stack", "function", "args", "sync"}
	if s.Kind == SPushExit {
		keys = []string{"stack", "function", "object", "sync"}
	}
	w := d.Object(p, arg, keys...)
	if w == nil {
		return
	}
	s.Stack = d.ReqStr(w, p, "stack")
	s.Sync = d.optBool(w, p, "sync")
	if s.Kind == SPushCallback {
		s.Func = d.ReqStr(w, p, "function")
		s.setExtra().Args = d.args(w, p)
		return
	}
	s.Func = d.OptStr(w, p, "function")
	s.setExtra().Use = d.OptStr(w, p, "object")
	if (s.Func == "") == (s.Ext().Use == "") {
		d.Errorf(p, "expected exactly one of function (an exit function taking exc_type, exc, tb) or object (a variable holding a manager, whose exit method is pushed)")
	}
}

// pushJSON is the statement's object, as push reads it.
func pushJSON(s *Stmt) obj {
	w := obj{"stack": s.Stack}
	putStr(w, "function", s.Func)
	putStr(w, "object", s.Ext().Use)
	putArgs(w, s.Ext().Args)
	if s.Sync {
		w["sync"] = true
	}
	return w
}

// pushSource is the statement's line of Python.
func pushSource(s *Stmt) string {
	what := s.Ext().Use
	if s.Func != "" {
		what = callArgs(s.Func, s.Ext().Args)
	}
	return s.Stack + "." + pushMethod(s) + "(" + what + ")"
}

// callArgs is "f" followed by its arguments, as a call passes them on:
// "f, 'a', 1".
func callArgs(f string, args []Expr) string {
	out := f
	for _, a := range args {
		out += ", " + pyExpr(a)
	}
	return out
}

// push checks a pushExit or pushCallback statement.
func (v *validator) push(p string, s *Stmt) {
	k := string(s.Kind)
	v.varRef(v.join(p, k+".stack"), s.Stack)
	if s.Ext().Use != "" {
		v.varRef(v.join(p, k+".object"), s.Ext().Use)
		return
	}
	fp := v.join(p, k+".function")
	v.ref(fp, s.Func, "function")
	v.sameStack(s.Func)
	f := v.funcs[s.Func]
	if f == nil || v.defs[s.Func] != "function" {
		return
	}
	methods := pushMethods[s.Kind]
	exitFn := s.Kind == SPushExit
	switch {
	case f.Sync && !s.Sync:
		v.errorf(fp, "%q is a plain def: stack.%s would await what it returns; push it with \"sync\": true (stack.%s)", s.Func, methods[0], methods[1])
	case !f.Sync && s.Sync:
		v.errorf(fp, "%q is an async def: stack.%s would call it without awaiting it, so its code would never run; leave out \"sync\" (stack.%s)", s.Func, methods[1], methods[0])
	case f.ExitParams && !exitFn:
		v.errorf(fp, "%q takes (exc_type, exc, tb); it can only be pushed with pushExit", s.Func)
	case !f.ExitParams && exitFn:
		v.errorf(fp, "%q must take (exc_type, exc, tb): set exitParams", s.Func)
	case !exitFn:
		v.callbackArgs(v.join(p, k+".args"), f, s.Ext().Args)
	}
}

// execPush runs a pushExit or pushCallback statement: the method is
// looked up on the stack, then its arguments are evaluated.
func (x *exec) execPush(s *Stmt) flow {
	method := pushMethod(s)
	_, stack, fl := x.stackOf(s.Stack, method, s.id)
	if fl.kind == flowExc {
		return fl
	}
	cb := exitCallback{sync: s.Sync, node: int32(s.id)}
	switch {
	case s.Ext().Use != "":
		v, fl := x.lookup(s.Ext().Use, s.id)
		if fl.kind == flowExc {
			return fl
		}
		cb.call = &pushedCall{obj: v}
		if c, ok := v.(*ExcClass); ok {
			// A class is callable: the stack would make an exception of
			// it and await it, or take it (a true value) as suppressing.
			x.e.fail(fmt.Errorf("%w: stack.%s(%s) pushes the class %s as if it were an exit function; this tool does not follow what calling it does", ErrLimit, method, s.Ext().Use, c.Name))
		}
		if inst, ok := v.(*instance); ok {
			if _, exit := inst.hasMethods(s.Sync); exit {
				x.checkPushable(inst, method)
				cb.inst, cb.call = inst, nil
			}
		}
	default:
		args, fl := x.evalArgs(s.Ext().Args, s.id)
		if fl.kind == flowExc {
			return fl
		}
		cb.call = &pushedCall{fn: x.e.funcs[s.Func], args: args}
	}
	if len(stack.callbacks) >= x.e.limits.MaxHeld {
		x.e.fail(fmt.Errorf("%w: more than %d callbacks on one exit stack (a loop that never ends?)", ErrLimit, x.e.limits.MaxHeld))
	}
	stack.callbacks = append(stack.callbacks, cb)
	return normal
}

// checkPushable refuses to follow a pushed exit method that depends on
// how its object was entered (asyncio's Timeout and TaskGroup assert or
// misbehave when exited by another way; a lock's or semaphore's exit
// releases it for whoever holds it): the tool follows the exits of the
// learner's classes and generator managers, exit stacks, nullcontext and
// aclosing, which any code may call at any time.
func (x *exec) checkPushable(inst *instance, method string) {
	switch inst.mgr.(type) {
	case classCM, *stateCM, *asyncGenCM, *exitStackCM, *nullContextCM, *aclosingCM:
		return
	}
	x.e.fail(fmt.Errorf("%w: stack.%s() pushes the exit method of %s, an asyncio object whose exit depends on how it was entered; this tool follows pushing the exits of classes, generator managers, exit stacks, nullcontext and aclosing", ErrLimit, method, inst.typeName()))
}

// callFails is the TypeError of calling v as an exit function, with
// (exc_type, exc, tb): no value here is callable but an
// @asynccontextmanager object, an AsyncContextDecorator whose __call__
// takes one function.
func callFails(v Value) string {
	if inst, ok := v.(*instance); ok {
		if _, ok := inst.mgr.(*asyncGenCM); ok {
			return "AsyncContextDecorator.__call__() takes 2 positional arguments but 4 were given"
		}
	}
	return fmt.Sprintf("'%s' object is not callable", pyTypeName(v))
}
