package sim

import "asyncwithlab/sim/internal/jsonfield"

// This file runs functions decorated with an @asynccontextmanager
// function, @session("report") above async def f():, as CPython's
// AsyncContextDecorator does. The decorator line calls session("report")
// once, when the module runs; every call of f then runs
//
//	async def inner(*args, **kwds):    # functools.wraps: named f
//	    async with self._recreate_cm():
//	        return await func(*args, **kwds)
//
// where _recreate_cm makes a fresh _AsyncGeneratorContextManager with the
// same arguments. inner is a coroutine frame of its own, between the
// caller (or the task) and f: the with statement handles its exception
// there, which matters when a cancellation is thrown in level by level.
// The manager made at decoration time is never entered: its generator
// never starts, so no code of it runs, asyncio never sees it, and it
// changes nothing a program can observe; the engine does not make it.

// funcBody runs a function's body in the current frame, which the caller
// pushed for the call: through its decorator, if it has one.
func (x *exec) funcBody(fn *FuncDef) flow {
	if fn.Decorator == nil {
		return x.execBlock(fn.Body)
	}
	return x.runDecorated(fn)
}

// runDecorated is inner's code; the current frame is inner's. Its
// arguments (an exit callback's exc_type, exc, tb) pass on to fn's frame.
func (x *exec) runDecorated(fn *FuncDef) flow {
	d := fn.Decorator
	inner := x.cur
	// The arguments were evaluated once; evaluating literals and shared
	// names again gives the very same values.
	inst, fl := x.construct(x.e.mgrs[d.Manager], d.Args, d.id)
	if fl.kind == flowExc {
		return fl
	}
	if _, fl := x.callEnter(inst, false, d.id); fl.kind == flowExc {
		return fl
	}
	x.e.emit(evt{kind: BodyStarted, text: fn.Name, node: int32(d.id)}) // the decorated function's body
	f := x.newFrame(fn.Name, hookNone, nil, inner.vars.names, inner.vars.vals...)
	x.push(f)
	bfl := x.pop(f, x.execBlock(fn.Body))
	x.reapOrphans(bfl.exc, bfl.val) // fn's locals are gone
	if bfl.kind == flowNormal {
		bfl = flow{kind: flowReturn} // return await func(...): None
	}
	x.emitBodyEnded(bfl, d.id)
	// A suppressed exception ends the with normally: inner returns None.
	return x.exitWith(inst, bfl, false, d.id)
}

// decorator reads a function's "decorator": {"manager": M, "args": [...]}.
func (d *decoder) decorator(m map[string]any, path string) *Decorator {
	v, ok := m["decorator"]
	if !ok {
		return nil
	}
	p := jsonfield.Join(path, "decorator")
	dm := d.Object(p, v, "manager", "args")
	if dm == nil {
		return &Decorator{}
	}
	return &Decorator{Manager: d.ReqStr(dm, p, "manager"), Args: d.args(dm, p)}
}

// decorator checks a function's decorator: a generator manager, called
// with what exists when the module runs (literals and shared objects).
// The manager's code runs on the function's stack, each call.
func (v *validator) decorator(p string, f *FuncDef) {
	d := f.Decorator
	if d == nil {
		return
	}
	d.id = v.id()
	v.owner = f.Name
	v.ref(v.join(p, "manager"), d.Manager, "manager")
	v.sameStack(d.Manager)
	if m := v.mgrs[d.Manager]; m != nil && m.Kind != GeneratorManager {
		v.errorf(v.join(p, "manager"), "%q is a class; only an @asynccontextmanager function (a generator manager) decorates a function here", d.Manager)
	}
	ap := v.join(p, "args")
	for i, a := range d.Args {
		switch a.Kind {
		case EVar:
			if v.defs[a.Var] != "shared object" {
				v.errorf(v.idx(ap, i), "the decorator line runs when the module does, where only shared objects exist: %q is not one", a.Var)
			}
		case EStr:
			v.text(v.idx(ap, i), a.Str)
		}
	}
	v.argCount(ap, d.Manager, len(d.Args))
}
