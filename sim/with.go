package sim

import (
	"fmt"
)

// execWith runs "async with" (or "with") over items; several items nest
// exactly as CPython compiles them.
func (x *exec) execWith(s *Stmt, items []*WithItem, sync bool) flow {
	item := items[0]
	x.curSync = sync
	inst, fl := x.evalItem(item)
	if fl.kind == flowExc {
		return fl
	}
	if fl := x.checkProtocol(inst, sync, item.id); fl.kind == flowExc {
		return fl
	}
	val, fl := x.callEnter(inst, sync, item.id)
	if fl.kind == flowExc {
		return fl
	}
	if item.As != "" {
		x.cur.vars.set(item.As, val)
		x.e.emit(evt{kind: TargetBound, inst: inst, text: item.As, val: val, node: int32(item.id)})
	}
	var bfl flow
	if len(items) > 1 {
		bfl = x.execWith(s, items[1:], sync)
	} else {
		x.e.emit(evt{kind: BodyStarted, node: int32(s.id)})
		bfl = x.execBlock(s.Body)
		x.emitBodyEnded(bfl, s.id)
	}
	return x.exitWith(inst, bfl, sync, item.id)
}

// emitBodyEnded reports how the block of a with statement ended.
func (x *exec) emitBodyEnded(bfl flow, node int) {
	how := "normally"
	switch bfl.kind {
	case flowReturn:
		how = "by return"
	case flowBreak:
		how = "by break"
	case flowContinue:
		how = "by continue"
	case flowExc:
		how = "by an exception"
	}
	x.e.emit(evt{kind: BodyEnded, text: how, exc: bfl.exc, node: int32(node)})
}

// exitWith calls the manager's exit with what the block ended with.
func (x *exec) exitWith(inst *instance, bfl flow, sync bool, node int) flow {
	if bfl.kind != flowExc {
		if _, efl := x.callExit(inst, nil, sync, node); efl.kind == flowExc {
			return efl
		}
		return bfl
	}
	f := x.cur
	f.handled = append(f.handled, bfl.exc)
	ret, efl := x.callExit(inst, bfl.exc, sync, node)
	f.handled = f.handled[:len(f.handled)-1]
	if efl.kind == flowExc {
		if efl.exc != bfl.exc {
			x.e.emit(evt{kind: ExcReplaced, inst: inst, exc: efl.exc, val: bfl.exc, node: int32(node)})
		} else {
			x.e.emit(evt{kind: ExcPropagated, inst: inst, exc: efl.exc, node: int32(node)})
		}
		return efl
	}
	if truthy(ret) {
		x.e.emit(evt{kind: ExcSuppressed, inst: inst, exc: bfl.exc, node: int32(node)})
		return normal
	}
	x.e.emit(evt{kind: ExcPropagated, inst: inst, exc: bfl.exc, node: int32(node)})
	return bfl
}

// evalItem evaluates the with item's expression: usually a constructor call.
func (x *exec) evalItem(item *WithItem) (*instance, flow) {
	switch {
	case item.Manager != "":
		return x.construct(x.e.mgrs[item.Manager], item.Args, item.id)
	case item.Use != "":
		v, fl := x.lookup(item.Use, item.id)
		if fl.kind == flowExc {
			return nil, fl
		}
		inst, ok := v.(*instance)
		if !ok {
			// Not a manager at all: the protocol lookup fails on its type.
			return nil, x.notAManager(v, item.id)
		}
		return inst, normal
	}
	if k := item.libKind(); k != nil {
		inst := x.e.newInstance(k.label, nil, k.create(x, item))
		x.e.emit(evt{kind: ManagerCreated, inst: inst, node: int32(item.id)})
		return inst, normal
	}
	x.e.fail(fmt.Errorf("internal error: empty with item"))
	return nil, normal
}

// notAManager raises the TypeError of "async with v" for a value that is
// no manager (a task, a string, None...).
func (x *exec) notAManager(v Value, node int) flow {
	kind := "asynchronous context manager"
	if x.curSync {
		kind = "context manager"
	}
	return x.raiseNew(TypeErrorClass, fmt.Sprintf("'%s' object does not support the %s protocol", pyTypeName(v), kind), node)
}

// construct calls a manager definition with its arguments: a class
// instance (with a constructor, its __init__ runs: see ctor.go), or for a
// generator function the _AsyncGeneratorContextManager (no code runs yet).
func (x *exec) construct(def *ManagerDef, args []Expr, node int) (*instance, flow) {
	vals, fl := x.evalArgs(args, node)
	if fl.kind == flowExc {
		return nil, fl
	}
	var inst *instance
	switch {
	case def.Kind == GeneratorManager:
		acm := &asyncGenCM{gen: genState{def: def, args: vals}}
		inst = x.e.newInstance(def.Name, def, acm)
		acm.gen.inst = inst
	case def.Kind == AsyncGenFunction:
		inst = x.e.newGenObject(def) // async with on it fails: no protocol
	case def.hasCtor():
		return x.initInstance(def, vals, node)
	default:
		inst = x.e.newInstance(def.Name, def, classCM{def: def})
	}
	x.e.emit(evt{kind: ManagerCreated, inst: inst, node: int32(node)})
	return inst, normal
}

// checkProtocol is the lookup BEFORE_ASYNC_WITH (or BEFORE_WITH) does on
// the type, before __aenter__ runs.
func (x *exec) checkProtocol(inst *instance, sync bool, node int) flow {
	enter, exit := inst.hasMethods(sync)
	if enter && exit {
		return normal
	}
	kind := "asynchronous context manager"
	method := "__aexit__"
	if sync {
		kind, method = "context manager", "__exit__"
	}
	msg := fmt.Sprintf("'%s' object does not support the %s protocol", inst.typeName(), kind)
	if enter {
		msg += fmt.Sprintf(" (missed %s method)", method)
	}
	exc := x.e.newExc(TypeErrorClass, true, msg)
	setContext(exc, x.topHandled())
	x.e.emit(evt{kind: ProtocolError, inst: inst, exc: exc, node: int32(node)})
	return excFlow(exc)
}

// callEnter awaits __aenter__ (or calls __enter__) and returns its result.
func (x *exec) callEnter(inst *instance, sync bool, node int) (Value, flow) {
	var how string
	if sync {
		how = "__enter__ (a plain with)"
	}
	return x.callEnterAs(inst, how, node)
}

// callEnterAs is callEnter where how says which code calls __enter__
// ("" for __aenter__).
func (x *exec) callEnterAs(inst *instance, how string, node int) (Value, flow) {
	x.node = node
	x.e.emit(evt{kind: AenterStarted, inst: inst, text: how, node: int32(node)})
	v, fl := inst.mgr.aenter(x, inst, node)
	if fl.kind == flowExc {
		x.e.emit(evt{kind: AenterRaised, inst: inst, exc: fl.exc, node: int32(node)})
		return nil, fl
	}
	x.e.emit(evt{kind: AenterReturned, inst: inst, val: v, node: int32(node)})
	return v, normal
}

// callExit awaits __aexit__ (or calls __exit__) with the exception the
// block ended with, or with None, None, None.
func (x *exec) callExit(inst *instance, exc *Exc, sync bool, node int) (Value, flow) {
	var how string
	if sync {
		how = "__exit__ (a plain with)"
	}
	return x.callExitAs(inst, exc, how, node)
}

// callExitAs is callExit where how says which code calls __exit__ ("" for
// __aexit__).
func (x *exec) callExitAs(inst *instance, exc *Exc, how string, node int) (Value, flow) {
	x.node = node
	x.e.emit(evt{kind: AexitCalled, inst: inst, exc: exc, text: how, node: int32(node)})
	v, fl := inst.mgr.aexit(x, inst, exc, node)
	if fl.kind == flowExc {
		x.e.emit(evt{kind: AexitRaised, inst: inst, exc: fl.exc, node: int32(node)})
		return nil, fl
	}
	x.e.emit(evt{kind: AexitReturned, inst: inst, val: v, node: int32(node)})
	return v, normal
}

// emitHookEvent reports that the innermost running hook (an __aenter__ or
// __aexit__) was suspended or resumed with its task.
func (x *exec) emitHookEvent(resumed bool) {
	for f := x.cur; f != nil; f = f.parent {
		if f.hook == hookNone {
			continue
		}
		var k EventKind
		switch {
		case f.hook == hookAenter && resumed:
			k = AenterResumed
		case f.hook == hookAenter:
			k = AenterSuspend
		case resumed:
			k = AexitResumed
		default:
			k = AexitSuspend
		}
		x.e.emit(evt{kind: k, inst: f.inst, node: int32(x.node), task: x.t})
		return
	}
}
