package sim

// This file lets a class manager's methods keep state on self, as course
// documents do in __aenter__: "self.conn = await connect(...)" is
//
//	{"call": {"function": "connect", "as": "c"}}, {"setAttr": {"name": "conn", "value": {"var": "c"}}}
//
// A constructor's parameter is set again in place (the rendered __repr__
// reads it); any other name becomes an attribute of that instance. A
// print field reading an attribute not set yet gets CPython's
// AttributeError.

// decodeSetAttr reads a setAttr statement.
func (d *decoder) decodeSetAttr(p string, arg any, s *Stmt) {
	w := d.Object(p, arg, "name", "value")
	if w == nil {
		return
	}
	s.setExtra().Attr = d.ReqStr(w, p, "name")
	if v, ok := w["value"]; !ok {
		d.Errorf(p+".value", "required field is missing (null for None)")
	} else if v != nil {
		s.Value = d.expr(p+".value", v)
	}
}

// setAttrJSON writes a setAttr statement's fields.
func setAttrJSON(s *Stmt) obj {
	return obj{"name": s.Ext().Attr, "value": exprJSON(s.Value)}
}

// validateSetAttr checks a setAttr statement: only a class manager's own
// code has self, and the name follows the rules of a parameter's.
func (v *validator) validateSetAttr(p string, s *Stmt) {
	if !v.vars["self"] || v.inGen {
		v.errorf(p, "setAttr assigns self.NAME: it belongs in a class manager's aenter, aexit or init")
	}
	v.attrName(v.join(p, "setAttr.name"), s.Ext().Attr)
	v.expr(v.join(p, "setAttr.value"), s.Value)
}

// setAttrNames adds the attributes the classes' setAttr statements
// assign to the attributes print fields may read.
func (v *validator) setAttrNames() {
	for _, m := range v.sc.Managers {
		if m.Kind != ClassManager {
			continue
		}
		for _, body := range [][]*Stmt{m.Aenter, m.Aexit, m.Init} {
			anyStmt(body, func(s *Stmt) bool {
				if s.Kind == SSetAttr && s.Ext().Attr != "" {
					v.attrs[s.Ext().Attr] = true
				}
				return false
			})
		}
	}
}

// execSetAttr is self.NAME = VALUE.
func (x *exec) execSetAttr(s *Stmt) flow {
	val, fl := x.eval(s.Value, s.id)
	if fl.kind == flowExc {
		return fl
	}
	self, fl := x.lookup("self", s.id)
	if fl.kind == flowExc {
		return fl
	}
	inst := self.(*instance) // validated: self is the class's instance
	if st, ok := inst.mgr.(*stateCM); ok {
		for i, p := range st.def.Params {
			if p == s.Ext().Attr {
				st.attrs[i] = val
				return normal
			}
		}
	}
	if inst.set == nil {
		inst.set = map[string]Value{}
	}
	inst.set[s.Ext().Attr] = val
	return normal
}
