package sim

import (
	"fmt"

	"asyncwithlab/sim/internal/jsonfield"
)

// This file holds the AsyncExitStack methods that move or unwind a whole
// stack (contextlib.py, the same in 3.11-3.13):
//
//	{"popAll": {"stack": "stack", "as": "new"}}   new = stack.pop_all()
//	{"aclose": "stack"}                           await stack.aclose()
//
// pop_all hands every callback to a new stack and leaves the old one
// empty, the way a function opens several resources and returns them to
// its caller only once all opened; aclose unwinds a stack then and there,
// as its __aexit__(None, None, None) would, and leaves it empty for more.

// stackMethod reads a popAll object or an aclose variable.
func (d *decoder) stackMethod(p string, arg any, s *Stmt) {
	if s.Kind == SAclose {
		name, ok := arg.(string)
		if !ok || name == "" {
			d.Errorf(p, "expected the name of a variable holding an AsyncExitStack, got %s", jsonfield.TypeOf(arg))
		}
		s.Stack = name
		return
	}
	if w := d.Object(p, arg, "stack", "as"); w != nil {
		s.Stack = d.ReqStr(w, p, "stack")
		s.As = d.OptStr(w, p, "as")
	}
}

// stackMethodJSON is the statement's argument, as stackMethod reads it.
func stackMethodJSON(s *Stmt) any {
	if s.Kind == SAclose {
		return s.Stack
	}
	w := obj{"stack": s.Stack}
	putStr(w, "as", s.As)
	return w
}

// stackMethod checks the stack variable and the target.
func (v *validator) stackMethod(p string, s *Stmt) {
	if s.Kind == SAclose {
		v.varRef(v.join(p, "aclose"), s.Stack)
		return
	}
	v.varRef(v.join(p, "popAll.stack"), s.Stack)
	v.target(v.join(p, "popAll.as"), s.As)
}

// stackMethodSource is the statement's line of Python.
func stackMethodSource(s *Stmt) string {
	if s.Kind == SAclose {
		return "await " + s.Stack + ".aclose()"
	}
	return assignPrefix(s.As) + s.Stack + ".pop_all()"
}

// execPopAll is [new =] stack.pop_all(): a new AsyncExitStack takes the
// callbacks (the very deque) and the stack gets an empty one, so its own
// exit, or an unwinding under way, finds nothing more to run.
func (x *exec) execPopAll(s *Stmt) flow {
	_, stack, fl := x.stackOf(s.Stack, "pop_all", s.id)
	if fl.kind == flowExc {
		return fl
	}
	n := len(stack.callbacks)
	inst := x.e.newInstance(exitStackKind.label, nil, &exitStackCM{callbacks: stack.callbacks})
	stack.callbacks = nil
	x.e.emit(evt{kind: Note, inst: inst, node: int32(s.id),
		text: fmt.Sprintf("pop_all() moves the stack's %d callbacks to a new AsyncExitStack", n)})
	if s.As != "" {
		x.cur.vars.set(s.As, inst)
	}
	return normal
}

// execAclose is await stack.aclose(): "await self.__aexit__(None, None,
// None)", one frame above the unwinding.
func (x *exec) execAclose(s *Stmt) flow {
	inst, stack, fl := x.stackOf(s.Stack, "aclose", s.id)
	if fl.kind == flowExc {
		return fl
	}
	x.e.emit(evt{kind: Note, inst: inst, node: int32(s.id),
		text: fmt.Sprintf("aclose() unwinds the stack's %d callbacks now", len(stack.callbacks))})
	f := x.newFrame("aclose", hookNone, nil, nil)
	x.push(f)
	_, fl = stack.aexit(x, inst, nil, s.id)
	return x.pop(f, fl)
}

// stacksLeftHolding refuses a run that ends with an exit stack never
// unwound (popped and forgotten, or pushed to after it closed) that holds
// a generator manager suspended at its yield. CPython closes such a
// generator when the last reference to the stack goes (through the
// loop's finalizer hook, in a task of its own), at a moment set by
// reference counts, which the engine does not keep.
func (e *engine) stacksLeftHolding() error {
	for _, in := range e.insts {
		s, ok := in.mgr.(*exitStackCM)
		if !ok {
			continue
		}
		for _, cb := range s.callbacks {
			if cb.inst == nil {
				continue
			}
			if g, ok := cb.inst.mgr.(*asyncGenCM); ok && g.gen.co != nil && !g.gen.finished && !g.gen.orphan {
				return fmt.Errorf("%w: the program ends with the generator manager %s entered and never exited, held by an AsyncExitStack that was never closed; CPython closes its generator when the last reference to the stack goes, which this tool does not follow: close the stack (await stack.aclose(), or async with it)", ErrLimit, cb.inst.name)
			}
		}
	}
	return nil
}
