package sim

import "fmt"

// This file runs plain async generators: "async for" over one, the
// contextlib.aclosing manager that closes one, and what CPython does with
// one that is dropped before it finished. Such a generator, once started,
// is known to the loop (sys.set_asyncgen_hooks); when its last reference
// goes while it is suspended at a yield (an async for left by break or by
// an exception), the loop's finalizer hook schedules its aclose() with
// call_soon_threadsafe(create_task, ...), so its finally block runs later,
// in a task of its own, after the code that dropped it has gone on.

// asyncGenObj is an async generator object: what calling an async
// generator function returns. It is no context manager.
type asyncGenObj struct{ gen genState }

func (a *asyncGenObj) typeName() string { return "async_generator" }

// hasMethods: an async generator has neither __aenter__ nor __aexit__.
func (a *asyncGenObj) hasMethods(bool) (enter, exit bool) { return false, false }

func (a *asyncGenObj) aenter(*exec, *instance, int) (Value, flow) { return nil, normal }

func (a *asyncGenObj) aexit(*exec, *instance, *Exc, int) (Value, flow) { return nil, normal }

// newGenObject calls an async generator function: no code runs yet.
func (e *engine) newGenObject(def *ManagerDef) *instance {
	obj := &asyncGenObj{gen: genState{def: def}}
	inst := e.newInstance(def.Name, def, obj)
	obj.gen.inst = inst
	return inst
}

// genOf is the generator an async for may iterate, if v is one.
func genOf(v Value) (*genState, bool) {
	if inst, ok := v.(*instance); ok {
		if obj, ok := inst.mgr.(*asyncGenObj); ok {
			return &obj.gen, true
		}
	}
	return nil, false
}

// execAsyncFor is "async for x in gen():" or "async for x in it:".
func (x *exec) execAsyncFor(s *Stmt) flow {
	var g *genState
	fresh := s.Manager != ""
	if fresh {
		g, _ = genOf(x.e.newGenObject(x.e.mgrs[s.Manager]))
	} else {
		v, fl := x.lookup(s.Ext().Use, s.id)
		if fl.kind == flowExc {
			return fl
		}
		var ok bool
		if g, ok = genOf(v); !ok {
			return x.raiseNew(TypeErrorClass, fmt.Sprintf("'async for' requires an object with __aiter__ method, got %s", pyTypeName(v)), s.id)
		}
	}
	fl := normal
	for {
		x.node = s.id
		out := x.genResume(g, nil) // await it.__anext__()
		if out.exc != nil {
			fl = excFlow(out.exc)
			break
		}
		if !out.yielded {
			break // StopAsyncIteration ends the loop
		}
		if s.As != "" {
			x.cur.vars.set(s.As, out.value)
		}
		bfl := x.execBlock(s.Body)
		if bfl.kind == flowContinue {
			continue
		}
		if bfl.kind != flowBreak {
			fl = bfl
		}
		if bfl.kind != flowNormal {
			break
		}
	}
	if fresh {
		// The loop held the only reference to the generator.
		x.e.dropGen(g)
	}
	return fl
}

// dropGen is what happens when a generator's last reference goes: one
// suspended at a yield is handed to the loop's finalizer hook, which
// schedules a task running its aclose().
func (e *engine) dropGen(g *genState) {
	if g.co == nil || g.finished || g.orphan {
		return
	}
	e.loop.callSoon(func() { // call_soon_threadsafe(self.create_task, agen.aclose())
		t := e.createTask(acloseTask, false)
		t.x.native = func(x *exec) {
			if fl := x.genClose(g, 0); fl.kind == flowExc {
				x.retExc = fl.exc
			}
		}
		// Cancelled before it starts (asyncio.run cancelling what is
		// left), the aclose() awaitable throws the CancelledError into
		// the generator instead of GeneratorExit.
		t.x.nativeThrow = func(x *exec, exc *Exc) {
			g.closeOnSend = !x.e.py.atLeast(13)
			out := x.genResume(g, exc)
			g.closeOnSend = false
			switch {
			case out.yielded:
				fl := x.raiseNew(RuntimeErrorClass, "async generator ignored GeneratorExit", 0)
				x.e.orphan(g, fl.exc)
				x.retExc = fl.exc
			case out.exc != nil && out.exc.Class != StopAsyncIterationClass && out.exc.Class != GeneratorExitClass:
				x.retExc = out.exc
			}
		}
	})
}

// acloseTask is the coroutine of the task the finalizer hook creates: an
// async generator's aclose() awaitable, which CPython names by its type.
var acloseTask = &FuncDef{Name: "async_generator_athrow"}

// aclosingKind is the with item {"aclosing": "gen"}:
// contextlib.aclosing(gen()), whose __aexit__ awaits the generator's
// aclose(), so that its finally runs right there, however the block ends.
var aclosingKind = libKind{
	field:      "aclosing",
	label:      "aclosing",
	contextlib: "aclosing",
	in:         func(it *WithItem) bool { return it.Aclosing != "" },
	decode: func(d *decoder, path string, v any, it *WithItem) {
		it.Aclosing = d.Str(path, v)
		if it.Aclosing == "" {
			d.Errorf(path, "expected the name of an async generator function")
		}
	},
	encode: func(it *WithItem) any { return it.Aclosing },
	validate: func(v *validator, path string, it *WithItem) {
		v.asyncGenRef(path, it.Aclosing)
	},
	source: func(it *WithItem) string { return "aclosing(" + it.Aclosing + "())" },
	create: func(x *exec, it *WithItem) contextManager {
		return &aclosingCM{thing: x.e.newGenObject(x.e.mgrs[it.Aclosing])}
	},
}

// aclosingCM is a contextlib.aclosing object.
type aclosingCM struct{ thing *instance }

func (a *aclosingCM) typeName() string { return "aclosing" }

// aenter is aclosing.__aenter__: the generator itself.
func (a *aclosingCM) aenter(x *exec, inst *instance, node int) (Value, flow) {
	return a.thing, normal
}

// aexit is aclosing.__aexit__: await self.thing.aclose(); it suppresses
// nothing.
func (a *aclosingCM) aexit(x *exec, inst *instance, exc *Exc, node int) (Value, flow) {
	g, _ := genOf(a.thing)
	f := x.newFrame("__aexit__", hookAexit, inst, nil)
	x.push(f)
	return nil, x.pop(f, x.genClose(g, node))
}
