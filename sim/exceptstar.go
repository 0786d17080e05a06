package sim

import "slices"

// This file ports except* (PEP 654) as CPython 3.11, 3.12 and 3.13 run
// it; the three agree. The compiler turns
//
//	try: BODY
//	except* T1 as eg: H1
//	except* T2: H2
//
// into: the body's exception orig is pushed as the one being handled;
// each clause in turn (CHECK_EG_MATCH, _PyEval_ExceptionGroupMatch)
// splits what is left of it into the part matching its types and the
// rest, and runs its body once with that part (handled, and bound to
// eg) if there is one; what each body raises is collected. Then
// _PyExc_PrepReraiseStar combines the raised exceptions and the rest,
// and RERAISE raises the result with no new chaining. The versions
// differ in one point: a clause that matches nothing leaves a group as it
// was in 3.11, and puts split's rebuilt rest in its place from 3.12.

// seqRepr writes a group's exceptions (items, already joined) as the
// sequence it was made from: a list, or the tuple except* wraps a naked
// exception in.
func (e *Exc) seqRepr(items string) string {
	if !e.tupleArgs {
		return "[" + items + "]"
	}
	if len(e.Group) == 1 {
		return "(" + items + ",)"
	}
	return "(" + items + ")"
}

// traceback is the exception whose traceback object e has.
func (e *Exc) traceback() *Exc {
	if e.tbOf != nil {
		return e.tbOf
	}
	return e
}

// newGroup is BaseExceptionGroup(msg, excs): its __new__ makes an
// ExceptionGroup when every member is an Exception.
func (e *engine) newGroup(msg string, excs []*Exc) *Exc {
	class := ExceptionGroupClass
	for _, sub := range excs {
		if !sub.Class.IsSubclass(ExceptionClass) {
			class = BaseExceptionGroupClass
		}
	}
	g := e.newExc(class, true, msg)
	g.Group = excs
	return g
}

// subgroup is exceptiongroup_subset: orig.derive(excs) (a group with
// orig's message) carrying orig's traceback, __context__, __cause__ and
// a copy of its notes. Setting __cause__ sets __suppress_context__ too,
// even to None. No exceptions: no group.
func (e *engine) subgroup(orig *Exc, excs []*Exc) *Exc {
	if len(excs) == 0 {
		return nil
	}
	g := e.newGroup(orig.Msg, excs)
	g.tbOf = orig.traceback()
	g.Context, g.Cause, g.SuppressContext = orig.Context, orig.Cause, true
	if orig.Notes != nil {
		g.Notes = slices.Clone(orig.Notes)
	}
	return g
}

// split is exceptiongroup_split_recursive: the part of exc whose
// exceptions match, and (when withRest) the part whose exceptions do
// not, each rebuilt level by level; an exception or group that matches
// as a whole is kept as it is.
func (e *engine) split(exc *Exc, matches func(*Exc) bool, withRest bool) (match, rest *Exc) {
	if matches(exc) {
		return exc, nil
	}
	if exc.Group == nil {
		if withRest {
			return nil, exc
		}
		return nil, nil
	}
	var ms, rs []*Exc
	for _, sub := range exc.Group {
		m, r := e.split(sub, matches, withRest)
		if m != nil {
			ms = append(ms, m)
		}
		if r != nil {
			rs = append(rs, r)
		}
	}
	return e.subgroup(exc, ms), e.subgroup(exc, rs)
}

// starMatch is _PyEval_ExceptionGroupMatch: the part of exc an except*
// clause for types takes, and the rest for the next clauses. An
// exception that matches as a whole is taken whole; a naked one is
// wrapped in ExceptionGroup(”, (exc,)) first.
func (e *engine) starMatch(exc *Exc, types []string) (match, rest *Exc) {
	is := func(x *Exc) bool { return classMatches(x.Class, types) }
	switch {
	case is(exc) && exc.Group != nil:
		return exc, nil
	case is(exc):
		w := e.newGroup("", []*Exc{exc})
		w.tupleArgs = true
		return w, nil
	case exc.Group == nil:
		return nil, exc
	}
	return e.split(exc, is, true)
}

// classMatches reports whether isinstance(x, (types...)) holds for an
// exception of class c.
func classMatches(c *ExcClass, types []string) bool {
	for _, name := range types {
		if t, ok := LookupExcClass(name); ok && catchesClass(t, c) {
			return true
		}
	}
	return false
}

// prepReraiseStar is _PyExc_PrepReraiseStar: what leaves a try statement
// whose except* clauses raised excs (in order, then the rest; nil for
// none). A part re-raised unchanged (same traceback, __context__ and
// __cause__ as orig) goes back into orig's shape; exceptions the clauses
// raised come first, in a new ExceptionGroup(”, [...]) when there are
// several. A naked orig had one clause at most: what it raised is the
// result.
func (e *engine) prepReraiseStar(orig *Exc, excs []*Exc) *Exc {
	if orig.Group == nil {
		return excs[0]
	}
	var raised []*Exc
	keep := map[*Exc]bool{}
	for _, x := range excs {
		switch {
		case x == nil:
		case x.Group != nil && x.traceback() == orig.traceback() && x.Context == orig.Context && x.Cause == orig.Cause:
			leaves(x, keep)
		default:
			raised = append(raised, x)
		}
	}
	reraised, _ := e.split(orig, func(x *Exc) bool { return x.Group == nil && keep[x] }, false)
	if len(raised) == 0 {
		return reraised
	}
	if reraised != nil {
		raised = append(raised, reraised)
	}
	if len(raised) == 1 {
		return raised[0]
	}
	return e.newGroup("", raised)
}

// leaves adds the exceptions in group g, at any depth, to set.
func leaves(g *Exc, set map[*Exc]bool) {
	for _, sub := range g.Group {
		if sub.Group == nil {
			set[sub] = true
		} else {
			leaves(sub, set)
		}
	}
}

// exceptStar runs the except* clauses of try statement s for orig, the
// exception its body raised, and returns how the statement goes on.
func (x *exec) exceptStar(s *Stmt, orig *Exc) flow {
	f := x.cur
	var raised []*Exc
	rest := orig
	for _, h := range s.Handlers {
		if rest == nil {
			break // everything is handled: no later clause runs
		}
		match, r := x.e.starMatch(rest, h.Types)
		if match == nil {
			// 3.12's CHECK_EG_MATCH puts the rest in the exception's
			// place even when nothing matched: a group comes back
			// rebuilt. 3.11's keeps the exception as it was.
			if x.e.py.atLeast(12) {
				rest = r
			}
			continue
		}
		rest = r
		x.e.emit(evt{kind: ExcCaught, exc: match, node: int32(h.id), text: starText})
		f.handled = append(f.handled, match)
		if h.As != "" {
			f.vars.set(h.As, match)
		}
		hfl := x.execBlock(h.Body)
		f.handled = f.handled[:len(f.handled)-1]
		if h.As != "" {
			f.vars.del(h.As)
		}
		x.reapOrphans(hfl.exc, hfl.val)
		if hfl.kind == flowExc {
			raised = append(raised, hfl.exc)
		}
	}
	// Even when no clause matched, a group leaves rebuilt: the parts
	// re-raised unchanged go back into a copy of its shape.
	res := x.e.prepReraiseStar(orig, append(raised, rest))
	switch {
	case res == nil:
		return normal
	case res != orig:
		x.e.emit(evt{kind: ExcRaised, exc: res, node: int32(s.id), text: starText})
	}
	return excFlow(res)
}

// starText marks the events of except*: a clause taking its part of a
// group (exception.caught), and what the clauses leave, raised again
// from the try statement (exception.raised).
const starText = "except*"
