package sim

import "fmt"

// This file ports contextlib.AsyncExitStack: enter_async_context,
// push_async_exit, push_async_callback and __aexit__, following CPython
// 3.11.7's source line for line where the order of effects is visible.

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

// exitCallback is one entry of an AsyncExitStack.
type exitCallback struct {
	inst *instance // a manager entered with enter_async_context
	fn   *FuncDef  // push_async_exit (ExitParams) or push_async_callback
	node int
}

func (s *exitStackCM) typeName() string { return "AsyncExitStack" }

// aenter is AsyncExitStack.__aenter__: it returns the stack itself.
func (s *exitStackCM) aenter(x *exec, inst *instance, node int) (Value, flow) {
	return inst, normal
}

// stackOf looks up stack.attr, the method of an AsyncExitStack variable.
func (x *exec) stackOf(name, attr string, node int) (*exitStackCM, flow) {
	v, fl := x.lookup(name, node)
	if fl.kind == flowExc {
		return nil, fl
	}
	if inst, ok := v.(*instance); ok {
		if s, ok := inst.mgr.(*exitStackCM); ok {
			return s, normal
		}
	}
	return nil, x.raiseNew(AttributeErrorClass, noAttribute(v, attr), node)
}

// execEnterContext is x = await stack.enter_async_context(M()).
func (x *exec) execEnterContext(s *Stmt) flow {
	stack, fl := x.stackOf(s.Stack, "enter_async_context", s.id)
	if fl.kind == flowExc {
		return fl
	}
	inst, fl := x.construct(x.e.mgrs[s.Manager], s.Args, s.id)
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
	stack.callbacks = append(stack.callbacks, exitCallback{inst: inst, node: s.id})
	x.pop(f, normal)
	if s.As != "" {
		x.cur.vars.set(s.As, v)
		x.e.emit(evt{kind: TargetBound, inst: inst, text: s.As, val: v, node: int32(s.id)})
	}
	return normal
}

// execPushExit is stack.push_async_exit(f) or stack.push_async_callback(f).
func (x *exec) execPushExit(s *Stmt) flow {
	attr := "push_async_exit"
	if s.Kind == SPushCallback {
		attr = "push_async_callback"
	}
	stack, fl := x.stackOf(s.Stack, attr, s.id)
	if fl.kind == flowExc {
		return fl
	}
	stack.callbacks = append(stack.callbacks, exitCallback{fn: x.e.funcs[s.Func], node: s.id})
	return normal
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
		fl := x.pop(f, x.funcBody(cb.fn))
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
	fl := x.pop(f, x.funcBody(cb.fn))
	if fl.kind == flowExc {
		return nil, x.pop(w, fl)
	}
	x.pop(w, normal)
	return nil, normal
}
