package sim

// classCM is an instance of a class the scenario defines ("kind": "class"):
// its __aenter__ and __aexit__ run the definition's bodies, and it may be
// broken on purpose (see Protocol). It is used by value: a struct of one
// pointer fits in an interface without an allocation of its own.
type classCM struct {
	def *ManagerDef
}

func (c classCM) typeName() string { return c.def.Name }

// hasMethods says which protocol methods the class defines: BEFORE_WITH
// and BEFORE_ASYNC_WITH look them up on the type before anything runs.
func (c classCM) hasMethods(sync bool) (enter, exit bool) {
	switch c.def.Protocol {
	case SyncProtocol:
		return sync, sync
	case MissingAexit:
		return !sync, false
	case MissingAenter:
		return false, !sync
	case TypoProtocol:
		return false, false
	}
	return !sync, !sync
}

// pyRepr is the __repr__ the renderer gives a class whose instances can
// reach a print (ManagerDef.withRepr).
func (c classCM) pyRepr() (string, bool) {
	if c.def.withRepr {
		return c.def.Name + "()", true
	}
	return "", false
}

// aenter runs the __aenter__ body (or __enter__ of a plain with); the
// resource counts as acquired once it returns.
func (c classCM) aenter(x *exec, inst *instance, node int) (Value, flow) {
	f := x.newFrame("__aenter__", hookAenter, inst, selfParams, inst)
	x.push(f)
	fl := x.pop(f, x.execBlock(c.def.Aenter))
	if fl.kind == flowExc {
		return nil, fl
	}
	if inst.acquired == 0 {
		inst.acquired = x.e.nextSeq()
	}
	return fl.val, normal
}

// aexit runs the __aexit__ body with exc_type, exc and tb bound; the
// resource counts as released once it returns without raising.
func (c classCM) aexit(x *exec, inst *instance, exc *Exc, node int) (Value, flow) {
	var et, ev, tb Value
	if exc != nil {
		et, ev, tb = exc.Class, exc, tracebackValue{}
	}
	f := x.newFrame("__aexit__", hookAexit, inst, aexitParam, inst, et, ev, tb)
	x.push(f)
	fl := x.pop(f, x.execBlock(c.def.Aexit))
	if fl.kind == flowExc {
		return nil, fl
	}
	if inst.released == 0 && inst.acquired != 0 {
		inst.released = x.e.nextSeq()
	}
	return fl.val, normal
}
