package sim

import (
	"fmt"
	"strings"

	"asyncwithlab/sim/internal/jsonfield"
)

// This file adds Timeout.reschedule (asyncio/timeouts.py, the same in
// 3.11-3.13): a statement on a variable that an "async with
// asyncio.timeout(...) as cm" bound, which moves the block's deadline or
// removes it. Only an active timeout can move: before it is entered, or
// once it has fired (expiring, then expired) or exited (finished), it
// raises RuntimeError.
//
//	{"reschedule": {"timeout": "cm", "after": 3}}     cm.reschedule(asyncio.get_running_loop().time() + 3)
//	{"reschedule": {"timeout": "cm", "after": null}}  cm.reschedule(None)
//	{"reschedule": {"timeout": "cm", "extend": 1.5}}  cm.reschedule(cm.when() + 1.5)

// reschedule reads the statement's object.
func (d *decoder) reschedule(p string, arg any, s *Stmt) {
	w := d.Object(p, arg, "timeout", "after", "extend")
	if w == nil {
		return
	}
	s.setExtra().Use = d.ReqStr(w, p, "timeout")
	after, hasAfter := w["after"]
	extend, hasExtend := w["extend"]
	switch {
	case hasAfter == hasExtend:
		d.Errorf(p, "expected exactly one of after (seconds from now, or null for None) or extend (seconds added to the timeout's own deadline, cm.when())")
	case hasAfter && after == nil:
		s.NoTimeout = true
	case hasAfter:
		s.Seconds = d.number(jsonfield.Join(p, "after"), after)
	default:
		s.Extend = true
		s.Seconds = d.number(jsonfield.Join(p, "extend"), extend)
	}
}

// rescheduleJSON is the statement's object, as reschedule reads it.
func rescheduleJSON(s *Stmt) obj {
	w := obj{"timeout": s.Ext().Use}
	switch {
	case s.NoTimeout:
		w["after"] = nil
	case s.Extend:
		w["extend"] = s.Seconds
	default:
		w["after"] = s.Seconds
	}
	return w
}

// reschedule checks the variable and the number of seconds.
func (v *validator) reschedule(p string, s *Stmt) {
	v.varRef(v.join(p, "reschedule.timeout"), s.Ext().Use)
	switch {
	case s.Extend:
		v.duration(v.join(p, "reschedule.extend"), s.Seconds)
	case !s.NoTimeout:
		v.duration(v.join(p, "reschedule.after"), s.Seconds)
	}
}

// rescheduleSource is the statement's line of Python.
func rescheduleSource(s *Stmt) string {
	arg := "None"
	switch {
	case s.Extend:
		arg = s.Ext().Use + ".when() + " + pyFloat(s.Seconds)
	case !s.NoTimeout:
		arg = loopTimePlus(s.Seconds)
	}
	return s.Ext().Use + ".reschedule(" + arg + ")"
}

// execReschedule runs cm.reschedule(...): the method is looked up before
// its argument is evaluated, so a variable holding no Timeout is an
// AttributeError even where cm.when() would fail too.
func (x *exec) execReschedule(s *Stmt) flow {
	v, fl := x.lookup(s.Ext().Use, s.id)
	if fl.kind == flowExc {
		return fl
	}
	inst, _ := v.(*instance)
	var tm *timeoutCM
	if inst != nil {
		tm, _ = inst.mgr.(*timeoutCM)
	}
	if tm == nil {
		return x.raiseNew(AttributeErrorClass, noAttribute(v, "reschedule"), s.id)
	}
	when := x.e.loop.now + s.Seconds
	if s.Extend {
		if tm.never { // cm.when() is None
			return x.raiseNew(TypeErrorClass, "unsupported operand type(s) for +: 'NoneType' and '"+numberType(s.Seconds)+"'", s.id)
		}
		when = tm.when + s.Seconds
	}
	f := x.newFrame("reschedule", hookNone, nil, nil)
	x.push(f)
	if fl := x.pop(f, tm.reschedule(x, inst, s.NoTimeout, when, s.id)); fl.kind == flowExc {
		return fl
	}
	if s.NoTimeout {
		x.e.emit(evt{kind: Note, inst: inst, text: "reschedule(None): the timeout has no deadline now; it never expires", node: int32(s.id)})
		return normal
	}
	x.e.emit(evt{kind: Note, inst: inst, text: "reschedule: the timeout's deadline is now " + pyFloat(when), node: int32(s.id)})
	x.e.lastRec().wake = when
	return normal
}

// reschedule is Timeout.reschedule(when), when None if never.
func (tm *timeoutCM) reschedule(x *exec, inst *instance, never bool, when float64, node int) flow {
	switch tm.state {
	case tmEntered:
	case tmCreated:
		return x.raiseNew(RuntimeErrorClass, "Timeout has not been entered", node)
	default:
		return x.raiseNew(RuntimeErrorClass, fmt.Sprintf("Cannot change state of %s Timeout", tmStateValues[tm.state]), node)
	}
	tm.never, tm.when = never, when
	tm.schedule(x.e, inst)
	return normal
}

// numberType is the type of the literal pyFloat writes for d.
func numberType(d float64) string {
	if strings.Contains(pyFloat(d), ".") {
		return "float"
	}
	return "int"
}
