package sim

import "fmt"

// This file ports contextlib.AsyncExitStack: enter_async_context and
// enter_context, __aexit__ and the calls of what was pushed, following
// CPython's source line for line where the order of effects is visible
// (3.13 rebuilds exc_details from the exception at each callback where
// 3.11 and 3.12 keep the tuple, which nothing here can tell apart). The
// push statements are in exitstack_push.go.

// exitStackKind is the with item {"exitStack": true}: AsyncExitStack().
var exitStackKind = libKind{
	field:      "exitStack",
	label:      "AsyncExitStack",
	contextlib: "AsyncExitStack",
	in:         func(it *WithItem) bool { return it.ExitStack },
	decode: func(d *decoder, path string, v any, it *WithItem) {
		it.ExitStack = d.Bool(path, v)
	},
	encode: func(*WithItem) any { return true },
	source: func(*WithItem) string { return "AsyncExitStack()" },
	create: func(*exec, *WithItem) contextManager { return &exitStackCM{} },
}

// exitStackCM is a contextlib.AsyncExitStack object.
type exitStackCM struct {
	callbacks []exitCallback // _exit_callbacks, unwound from the end
}

// exitCallback is one entry of an AsyncExitStack: (is_sync, callback).
// It stays small (a stack may hold thousands): what only the push
// statements need lives behind call.
type exitCallback struct {
	// inst is a manager whose exit method was pushed: by
	// enter_async_context or enter_context, or by push_async_exit or push
	// of the object itself.
	inst *instance
	// call, when inst is nil, is what a push statement pushed.
	call *pushedCall
	node int32 // the statement that pushed it
	// sync is is_sync: the stack calls the callback rather than awaiting
	// what it returns.
	sync bool
}

// pushedCall is a function pushed by push_async_exit or push (ExitParams)
// or by push_async_callback or callback, with args; or, when fn is nil,
// an object pushed without the exit method push looked for, which push
// takes for the callable itself: calling it with the exit arguments
// fails (callFails).
type pushedCall struct {
	fn   *FuncDef
	args []Value
	obj  Value
}

func (s *exitStackCM) typeName() string { return "AsyncExitStack" }

// aenter is AsyncExitStack.__aenter__: it returns the stack itself.
func (s *exitStackCM) aenter(x *exec, inst *instance, node int) (Value, flow) {
	return inst, normal
}

// stackOf looks up stack.attr, the method of an AsyncExitStack variable:
// the stack object and its state.
func (x *exec) stackOf(name, attr string, node int) (*instance, *exitStackCM, flow) {
	v, fl := x.lookup(name, node)
	if fl.kind == flowExc {
		return nil, nil, fl
	}
	if inst, ok := v.(*instance); ok {
		if s, ok := inst.mgr.(*exitStackCM); ok {
			return inst, s, normal
		}
	}
	return nil, nil, x.raiseNew(AttributeErrorClass, noAttribute(v, attr), node)
}

// execEnterContext is x = await stack.enter_async_context(M()), or
// x = stack.enter_context(M()) when the statement is sync.
func (x *exec) execEnterContext(s *Stmt) flow {
	method, kind, enterName, exitName := "enter_async_context", "asynchronous context manager", "__aenter__", "__aexit__"
	if s.Sync {
		method, kind, enterName, exitName = "enter_context", "context manager", "__enter__", "__exit__"
	}
	_, stack, fl := x.stackOf(s.Stack, method, s.id)
	if fl.kind == flowExc {
		return fl
	}
	inst, fl := x.construct(x.e.mgrs[s.Manager], s.Ext().Args, s.id)
	if fl.kind == flowExc {
		return fl
	}
	f := x.newFrame(method, hookNone, nil, nil)
	x.push(f)
	if enter, exit := inst.hasMethods(s.Sync); !enter || !exit {
		missing := enterName
		if enter {
			missing = exitName
		}
		attr := x.e.newExc(AttributeErrorClass, true, fmt.Sprintf("type object '%s' has no attribute '%s'", inst.typeName(), missing))
		setContext(attr, x.topHandled())
		f.handled = append(f.handled, attr)
		te := x.e.newExc(TypeErrorClass, true, fmt.Sprintf("'%s' object does not support the %s protocol", inst.qualTypeName(), kind))
		te.SuppressContext = true
		fl := x.raise(te, s.id)
		f.handled = f.handled[:len(f.handled)-1]
		x.e.emit(evt{kind: ProtocolError, inst: inst, exc: te, node: int32(s.id)})
		return x.pop(f, fl)
	}
	how := ""
	if s.Sync {
		how = "__enter__ (enter_context)"
	}
	v, fl := x.callEnterAs(inst, how, s.id)
	if fl.kind == flowExc {
		return x.pop(f, fl)
	}
	stack.callbacks = append(stack.callbacks, exitCallback{inst: inst, sync: s.Sync, node: int32(s.id)})
	x.pop(f, normal)
	if s.As != "" {
		x.cur.vars.set(s.As, v)
		x.e.emit(evt{kind: TargetBound, inst: inst, text: s.As, val: v, node: int32(s.id)})
	}
	return normal
}

// qualTypeName is type(obj)'s module and name, as contextlib's messages
// write them.
func (inst *instance) qualTypeName() string {
	switch inst.mgr.(type) {
	case *asyncGenCM:
		return "contextlib._AsyncGeneratorContextManager"
	case *asyncGenObj:
		return "builtins.async_generator"
	}
	return "__main__." + inst.typeName()
}

// aexit is AsyncExitStack.__aexit__: the callbacks unwind last in, first
// out, each seeing what the previous one left, with _fix_exception_context
// making the chaining identical to nested with statements.
func (s *exitStackCM) aexit(x *exec, inst *instance, exc *Exc, node int) (Value, flow) {
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
	for len(s.callbacks) > 0 {
		cb := s.callbacks[len(s.callbacks)-1]
		s.callbacks = s.callbacks[:len(s.callbacks)-1]
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

// callExitCallback calls one entry of the stack with the exception passing
// through (nil: None, None, None) and returns what it returned.
func (x *exec) callExitCallback(cb exitCallback, exc *Exc) (Value, flow) {
	switch {
	case cb.inst != nil:
		how := ""
		if cb.sync {
			how = "__exit__ (an exit stack)"
		}
		return x.callExitAs(cb.inst, exc, how, int(cb.node))
	case cb.call.fn == nil:
		return nil, x.raiseNew(TypeErrorClass, callFails(cb.call.obj), int(cb.node))
	}
	fn := cb.call.fn
	var et, ev, tb Value
	if exc != nil {
		et, ev, tb = exc.Class, exc, tracebackValue{}
	}
	if fn.ExitParams {
		f := x.newFrame(fn.Name, hookNone, nil, exitParams, et, ev, tb)
		x.push(f)
		fl := x.pop(f, x.funcBody(fn))
		if fl.kind == flowExc {
			return nil, fl
		}
		return fl.val, normal
	}
	// push_async_callback and callback: _exit_wrapper calls the callback
	// with its arguments (and awaits it, unless sync); it returns None.
	w := x.newFrame("_exit_wrapper", hookNone, nil, nil)
	x.push(w)
	f := x.callFrame(fn, cb.call.args)
	x.push(f)
	fl := x.pop(f, x.funcBody(fn))
	if fl.kind == flowExc {
		return nil, x.pop(w, fl)
	}
	x.pop(w, normal)
	return nil, normal
}
