package sim

// The except* clauses of a try statement in the scenario format, the
// program's text and Validate: {"try": {"body": [...], "exceptStar":
// [{"types": ["ValueError"], "as": "eg", "body": [...]}]}}, written
// except* ValueError as eg:. What CPython's compiler refuses is refused
// here: a clause without types, except and except* in one statement,
// and return, break or continue leaving an except* clause's body. A
// clause for ExceptionGroup or BaseExceptionGroup compiles, but raises
// TypeError when an exception reaches it; it is refused as well.

// handlersKey reads which clauses a try statement has, "except" or
// "exceptStar", setting s.Star for the latter.
func (d *decoder) handlersKey(p string, w map[string]any, s *Stmt) string {
	_, plain := w["except"]
	_, star := w["exceptStar"]
	if plain && star {
		d.Errorf(p, "expected except or exceptStar, not both (a try statement with both 'except' and 'except*' is a SyntaxError)")
	}
	s.Star = star && !plain
	return handlersKey(s)
}

// handlersKey is the JSON field of a try statement's clauses.
func handlersKey(s *Stmt) string {
	if s.Star {
		return "exceptStar"
	}
	return "except"
}

// exceptKeyword is how the program writes a clause of s.
func exceptKeyword(s *Stmt) string {
	if s.Star {
		return "except*"
	}
	return "except"
}

// enterHandler checks the types of clause h of try statement s and
// prepares the check of its body; the function it returns ends it.
func (v *validator) enterHandler(p string, s *Stmt, h *Handler) (leave func()) {
	if !s.Star {
		return func() {}
	}
	if len(h.Types) == 0 {
		v.errorf(v.join(p, "types"), "expected one or more exception types (a bare except* is a SyntaxError)")
	}
	for j, t := range h.Types {
		if c, ok := LookupExcClass(t); ok && (c == ExceptionGroupClass || c == BaseExceptionGroupClass) {
			v.errorf(v.idx(v.join(p, "types"), j), "except* cannot catch %s: CPython raises TypeError (\"catching ExceptionGroup with except* is not allowed. Use except instead.\") when an exception reaches the clause; use except %s", t, t)
		}
	}
	star, loops := v.star, v.starLoops
	v.star, v.starLoops = v.star+1, v.loops
	return func() { v.star, v.starLoops = star, loops }
}

// leavesExceptStar refuses a return, break or continue that would leave
// the body of an except* clause: CPython's compiler does.
func (v *validator) leavesExceptStar(p string, s *Stmt) {
	if v.star > 0 && (s.Kind == SReturn || v.loops == v.starLoops) {
		v.errorf(p, "%s cannot leave an except* clause ('break', 'continue' and 'return' cannot appear in an except* block: a SyntaxError)", s.Kind)
	}
}

// starPath is the JSON path of clause i of try statement s at p.
func (v *validator) starPath(p string, s *Stmt, i int) string {
	return v.idx(v.join(p, "try."+handlersKey(s)), i)
}
