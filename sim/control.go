package sim

import (
	"fmt"

	"asyncwithlab/sim/internal/jsonfield"
)

// This file holds the plain control flow a retry loop needs:
//
//	{"if": {"var": "x", "equals": VALUE, "not": false, "then": [...], "else": [...]}}
//	{"for": {"var": "attempt", "range": 3, "body": [...], "else": [...]}}
//
// "equals" is optional (if x: tests truthiness); "not" negates the test
// (if not x:, if x != VALUE:). A for loop counts from 0 to range-1 (at
// most MaxRange rounds); break and continue work in it as in an async
// for, and its else block runs when no break ended it.

// MaxRange bounds a for statement's range(n).
const MaxRange = 1000

// decodeIf reads an if statement's fields.
func (d *decoder) decodeIf(p string, arg any, s *Stmt) {
	w := d.Object(p, arg, "var", "equals", "not", "then", "else")
	if w == nil {
		return
	}
	t := &Test{Var: d.ReqStr(w, p, "var"), Not: d.optBool(w, p, "not")}
	if ev, ok := w["equals"]; ok {
		e := Expr{Kind: ENone}
		if ev != nil {
			e = d.expr(jsonfield.Join(p, "equals"), ev)
		}
		t.Equals = &e
	}
	s.Test = t
	s.Body = d.block(w, p, "then")
	s.Else = d.block(w, p, "else")
}

// decodeFor reads a for statement's fields.
func (d *decoder) decodeFor(p string, arg any, s *Stmt) {
	w := d.Object(p, arg, "var", "range", "body", "else")
	if w == nil {
		return
	}
	s.As = d.ReqStr(w, p, "var")
	if rv, ok := w["range"]; !ok {
		d.Errorf(jsonfield.Join(p, "range"), "required field is missing (how many rounds: range(n))")
	} else {
		n := d.number(jsonfield.Join(p, "range"), rv)
		if n != float64(int(n)) || n < 0 || n > MaxRange {
			d.Errorf(jsonfield.Join(p, "range"), "expected a whole number from 0 to %d, got %v", MaxRange, rv)
		}
		s.Count = int(n)
	}
	s.Body = d.block(w, p, "body")
	s.Else = d.block(w, p, "else")
}

// controlJSON writes an if or a for statement's fields.
func controlJSON(s *Stmt) obj {
	if s.Kind == SFor {
		o := obj{"var": s.As, "range": s.Count, "body": blockJSON(s.Body)}
		putBlock(o, "else", s.Else)
		return o
	}
	o := obj{"var": s.Test.Var, "then": blockJSON(s.Body)}
	if s.Test.Equals != nil {
		o["equals"] = exprJSON(*s.Test.Equals)
	}
	if s.Test.Not {
		o["not"] = true
	}
	putBlock(o, "else", s.Else)
	return o
}

// validateControl checks an if or a for statement and its blocks.
func (v *validator) validateControl(p string, s *Stmt, depth int, inExcept bool) {
	k := string(s.Kind)
	if depth+1 > maxBlockNesting {
		v.errorf(v.join(p, k), "blocks nested too deep; CPython compiles at most %d", maxBlockNesting)
		return
	}
	if s.Kind == SIf {
		if s.Test == nil {
			v.errorf(v.join(p, "if"), "expected a test")
			return
		}
		v.varRef(v.join(p, "if.var"), s.Test.Var)
		if s.Test.Equals != nil {
			v.expr(v.join(p, "if.equals"), *s.Test.Equals)
		}
		v.block(v.join(p, "if.then"), s.Body, depth+1, inExcept)
		v.block(v.join(p, "if.else"), s.Else, depth+1, inExcept)
		return
	}
	v.target(v.join(p, "for.var"), s.As)
	if s.As == "" {
		v.errorf(v.join(p, "for.var"), "required field is missing")
	}
	if s.Count < 0 || s.Count > MaxRange {
		v.errorf(v.join(p, "for.range"), "expected a whole number from 0 to %d, got %d", MaxRange, s.Count)
	}
	v.loops++
	v.block(v.join(p, "for.body"), s.Body, depth+1, inExcept)
	v.loops--
	v.block(v.join(p, "for.else"), s.Else, depth+1, inExcept)
}

// renderControl writes an if or a for statement.
func (r *renderer) renderControl(ind int, s *Stmt) {
	if s.Kind == SFor {
		r.emit(ind, fmt.Sprintf("for %s in range(%d):", s.As, s.Count))
	} else {
		r.emit(ind, "if "+s.Test.source()+":")
	}
	r.block(ind+1, s.Body)
	if len(s.Else) > 0 {
		r.emit(ind, "else:")
		r.block(ind+1, s.Else)
	}
}

// source is the test as Python writes it.
func (t *Test) source() string {
	switch {
	case t.Equals == nil && t.Not:
		return "not " + t.Var
	case t.Equals == nil:
		return t.Var
	case t.Equals.Kind == ENone && t.Not:
		return t.Var + " is not None"
	case t.Equals.Kind == ENone:
		return t.Var + " is None"
	case t.Not:
		return t.Var + " != " + pyExpr(*t.Equals)
	}
	return t.Var + " == " + pyExpr(*t.Equals)
}

// execIf runs an if statement.
func (x *exec) execIf(s *Stmt) flow {
	v, fl := x.lookup(s.Test.Var, s.id)
	if fl.kind == flowExc {
		return fl
	}
	var ok bool
	if s.Test.Equals != nil {
		want, fl := x.eval(*s.Test.Equals, s.id)
		if fl.kind == flowExc {
			return fl
		}
		ok = pyEqual(v, want)
	} else {
		ok = truthy(v)
	}
	if ok != s.Test.Not {
		return x.execBlock(s.Body)
	}
	return x.execBlock(s.Else)
}

// execFor runs a for statement over range(n).
func (x *exec) execFor(s *Stmt) flow {
	for i := 0; i < s.Count; i++ {
		x.cur.vars.set(s.As, int64(i))
		fl := x.execBlock(s.Body)
		switch fl.kind {
		case flowNormal, flowContinue:
			continue
		case flowBreak:
			return normal // no else after a break
		}
		return fl
	}
	return x.execBlock(s.Else)
}

// pyEqual is == between the values a test compares (and is, for None):
// a bool equals the int it stands for, as in Python; values of other
// kinds are equal only to themselves.
func pyEqual(a, b Value) bool {
	num := func(v Value) (int64, bool) {
		switch v := v.(type) {
		case int64:
			return v, true
		case bool:
			if v {
				return 1, true
			}
			return 0, true
		}
		return 0, false
	}
	if na, ok := num(a); ok {
		nb, ok := num(b)
		return ok && na == nb
	}
	switch a := a.(type) {
	case nil:
		return b == nil
	case string:
		bs, ok := b.(string)
		return ok && a == bs
	}
	return a == b
}
