package sim

import (
	"fmt"
	"slices"

	"asyncwithlab/sim/internal/jsonfield"
)

// This file holds the plain control flow a retry loop needs:
//
//	{"if": {"var": "x", "equals": VALUE, "not": false, "then": [...], "else": [...]}}
//	{"for": {"var": "attempt", "range": 3, "body": [...], "else": [...]}}
//	{"while": {"var": "x", "equals": VALUE, "not": false, "body": [...], "else": [...]}}
//
// "equals" is optional (if x: tests truthiness); "not" negates the test
// (if not x:, if x != VALUE:). "var" is a variable or what a print field
// reads of one (c.state, t.done(), e.__cause__). A for loop counts from
// 0 to range-1 (at most MaxRange rounds); a while loop tests before each
// round, and one without "var" is while True. break and continue work in
// both as in an async for, and a loop's else block runs when no break
// ended it. A while loop that never ends is stopped by the run's limits
// (Limits.MaxSteps, MaxEvents), as CPython would run it forever.

// MaxRange bounds a for statement's range(n).
const MaxRange = 1000

// decodeIf reads an if statement's fields.
func (d *decoder) decodeIf(p string, arg any, s *Stmt) {
	w := d.Object(p, arg, "var", "equals", "not", "then", "else")
	if w == nil {
		return
	}
	s.Test = d.test(p, w, d.ReqStr(w, p, "var"))
	s.Body = d.block(w, p, "then")
	s.Else = d.block(w, p, "else")
}

// decodeWhile reads a while statement's fields: without "var" it is
// while True, which takes no "equals" or "not".
func (d *decoder) decodeWhile(p string, arg any, s *Stmt) {
	w := d.Object(p, arg, "var", "equals", "not", "body", "else")
	if w == nil {
		return
	}
	if _, ok := w["var"]; ok {
		s.Test = d.test(p, w, d.ReqStr(w, p, "var"))
	} else {
		for _, k := range []string{"equals", "not"} {
			if _, ok := w[k]; ok {
				d.Errorf(jsonfield.Join(p, k), "a while without var is while True: give var to test something")
			}
		}
	}
	s.Body = d.block(w, p, "body")
	s.Else = d.block(w, p, "else")
}

// test reads a test's "equals" and "not" around its variable.
func (d *decoder) test(p string, w map[string]any, name string) *Test {
	t := &Test{Var: name, Not: d.optBool(w, p, "not")}
	if ev, ok := w["equals"]; ok {
		e := Expr{Kind: ENone}
		if ev != nil {
			e = d.expr(jsonfield.Join(p, "equals"), ev)
		}
		t.Equals = &e
	}
	return t
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

// controlJSON writes an if, a for or a while statement's fields.
func controlJSON(s *Stmt) obj {
	var o obj
	switch s.Kind {
	case SFor:
		o = obj{"var": s.As, "range": s.Count, "body": blockJSON(s.Body)}
	case SWhile:
		o = obj{"body": blockJSON(s.Body)}
	default:
		o = obj{"then": blockJSON(s.Body)}
	}
	if s.Kind != SFor && s.Test != nil {
		o["var"] = s.Test.Var
		if s.Test.Equals != nil {
			o["equals"] = exprJSON(*s.Test.Equals)
		}
		if s.Test.Not {
			o["not"] = true
		}
	}
	putBlock(o, "else", s.Else)
	return o
}

// validateControl checks an if, a for or a while statement and its blocks.
func (v *validator) validateControl(p string, s *Stmt, depth int, inExcept bool) {
	k := string(s.Kind)
	if depth+1 > maxBlockNesting {
		v.errorf(v.join(p, k), "blocks nested too deep; CPython compiles at most %d", maxBlockNesting)
		return
	}
	switch s.Kind {
	case SIf:
		if s.Test == nil {
			v.errorf(v.join(p, "if"), "expected a test")
			return
		}
		v.test(v.join(p, "if"), s.Test)
		v.block(v.join(p, "if.then"), s.Body, depth+1, inExcept)
		v.block(v.join(p, "if.else"), s.Else, depth+1, inExcept)
		return
	case SWhile:
		if s.Test != nil {
			v.test(v.join(p, "while"), s.Test)
		}
		v.loops++
		v.block(v.join(p, "while.body"), s.Body, depth+1, inExcept)
		v.loops--
		v.block(v.join(p, "while.else"), s.Else, depth+1, inExcept)
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

// renderControl writes an if, a for or a while statement.
func (r *renderer) renderControl(ind int, s *Stmt) {
	switch {
	case s.Kind == SFor:
		r.emit(ind, fmt.Sprintf("for %s in range(%d):", s.As, s.Count))
	case s.Kind == SWhile && s.Test == nil:
		r.emit(ind, "while True:")
	case s.Kind == SWhile:
		r.emit(ind, "while "+s.Test.source()+":")
	default:
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
	ok, fl := x.test(s.Test, s.id)
	if fl.kind == flowExc {
		return fl
	}
	if ok {
		return x.execBlock(s.Body)
	}
	return x.execBlock(s.Else)
}

// test evaluates an if's or a while's test; nil is while True.
func (x *exec) test(t *Test, node int) (bool, flow) {
	if t == nil {
		return true, normal
	}
	v, fl := x.lookup(t.field.field, node)
	if fl.kind == flowExc {
		return false, fl
	}
	if v, fl = x.fieldValue(t.field, v, node); fl.kind == flowExc {
		return false, fl
	}
	var ok bool
	if t.Equals != nil {
		want, fl := x.eval(*t.Equals, node)
		if fl.kind == flowExc {
			return false, fl
		}
		ok = pyEqual(v, want)
	} else {
		ok = truthy(v)
	}
	return ok != t.Not, normal
}

// execWhile runs a while statement: the test before each round, the
// else block when the test ends the loop rather than a break. A loop
// that never ends runs into the run's step or event limit.
func (x *exec) execWhile(s *Stmt) flow {
	for first := true; ; first = false {
		if !first {
			x.node = s.id // back on the while line for its test
			x.step()      // the first test was counted with the statement
		}
		ok, fl := x.test(s.Test, s.id)
		if fl.kind == flowExc {
			return fl
		}
		if !ok {
			return x.execBlock(s.Else)
		}
		switch fl := x.execBlock(s.Body); fl.kind {
		case flowNormal, flowContinue:
		case flowBreak:
			return normal // no else after a break
		default:
			return fl
		}
	}
}

// execFor runs a for statement over range(n). Each round after the
// first counts a step, as a while's test does: nested loops with empty
// bodies would otherwise spin a billion rounds on a few counted steps.
func (x *exec) execFor(s *Stmt) flow {
	for i := 0; i < s.Count; i++ {
		if i > 0 {
			x.step()
		}
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
// a bool equals the int it stands for, as in Python; lists and tuples
// are equal item by item, sets of tasks when they hold the same tasks;
// objects (exceptions, tasks, managers) are equal only to themselves.
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
	case []Value:
		bl, ok := b.([]Value)
		return ok && itemsEqual(a, bl)
	case pyTuple:
		bt, ok := b.(pyTuple)
		return ok && itemsEqual(a, bt)
	case taskSet:
		bs, ok := b.(taskSet)
		return ok && len(a) == len(bs) && sameTasks(a, bs)
	}
	// What is left compares by identity or plain value; a list, tuple or
	// set on b's side only is of another type, which == tells apart
	// without panicking.
	return a == b
}

// itemsEqual is == between two lists (or two tuples).
func itemsEqual(a, b []Value) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !pyEqual(a[i], b[i]) {
			return false
		}
	}
	return true
}

// sameTasks: every task of a is in b (sets hold each task once).
func sameTasks(a, b taskSet) bool {
	for _, t := range a {
		if !slices.Contains(b, t) {
			return false
		}
	}
	return true
}

// test checks an if's or a while's test: its variable, what it reads of
// it (parsed here for the run), and the value it is compared with.
func (v *validator) test(p string, t *Test) {
	part, ok := parseField(t.Var)
	switch {
	case !ok:
		v.errorf(v.join(p, "var"), "expected a variable name, or what a print field may read of one (NAME.ATTRIBUTE, NAME.__cause__, type(NAME).__name__, a task's NAME.done() ...), got %q", t.Var)
		return
	case part.reprCall:
		v.errorf(v.join(p, "var"), "repr(...) cannot be tested; test the value itself, got %q", t.Var)
		return
	}
	t.field = part
	v.varRef(v.join(p, "var"), part.field)
	v.attrsOf(v.join(p, "var"), t.Var, part)
	if t.Equals != nil {
		v.expr(v.join(p, "equals"), *t.Equals)
	}
}
