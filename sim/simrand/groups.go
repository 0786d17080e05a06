package simrand

import (
	"errors"

	"asyncwithlab/sim"
)

// This file makes random scenarios handle exception groups and notes:
// try statements with except* clauses (around a TaskGroup, or around
// any code, whose naked exceptions they wrap), handlers that add notes
// and print an exception's notes, members and arguments, and the rare
// KeyboardInterrupt or SystemExit that stops the event loop.

// starTypes are the types except* clauses name.
var starTypes = []string{"ValueError", "RuntimeError", "OSError", "LookupError", "TypeError", "Exception"}

// exceptStar wraps body in a try statement with one to three except*
// clauses, each printing its part and maybe raising, re-raising or
// annotating it.
func (g *gen) exceptStar(owner string, body []*sim.Stmt) *sim.Stmt {
	s := &sim.Stmt{Kind: sim.STry, Star: true, Body: body}
	for i, n := 0, 1+g.r.IntN(3); i < n; i++ {
		types := []string{g.pick(starTypes)}
		if g.chance(0.2) {
			types = append(types, g.pick(excTypes))
		}
		h := &sim.Handler{Types: types, As: "eg", Body: []*sim.Stmt{{Kind: sim.SPrint, Text: owner + " except* took {eg!r}"}}}
		if g.chance(0.3) {
			h.Body = append(h.Body, &sim.Stmt{Kind: sim.SPrint, Text: owner + " part of {len(eg.exceptions)}: {eg.exceptions}, {eg.__suppress_context__}, context {eg.__context__!r}"})
		}
		switch g.r.IntN(5) {
		case 0:
			h.Body = append(h.Body, &sim.Stmt{Kind: sim.SReraise})
		case 1:
			h.Body = append(h.Body, g.raise(owner+" except*"))
		case 2:
			h.Body = append(h.Body, &sim.Stmt{Kind: sim.SAddNote, Extra: &sim.StmtExtra{Use: "eg"}, Text: owner + " saw it"}, &sim.Stmt{Kind: sim.SReraise})
		}
		s.Handlers = append(s.Handlers, h)
	}
	if g.chance(0.2) {
		s.HasFinally, s.Finally = true, []*sim.Stmt{g.print(owner + " after except*")}
	}
	return s
}

// handlerExtras may make an except block read its exception (err) more:
// its arguments and repr, a note added and printed, then re-raised.
func (g *gen) handlerExtras(owner string) []*sim.Stmt {
	var out []*sim.Stmt
	if g.chance(0.15) {
		out = append(out, &sim.Stmt{Kind: sim.SPrint, Text: owner + " args {err.args} ({len(err.args)}), {repr(err)}"})
	}
	if g.chance(0.12) {
		out = append(out, &sim.Stmt{Kind: sim.SAddNote, Extra: &sim.StmtExtra{Use: "err"}, Text: "noted by " + owner},
			&sim.Stmt{Kind: sim.SPrint, Text: owner + " notes {err.__notes__}"}, &sim.Stmt{Kind: sim.SReraise})
	}
	return out
}

// interruptTypes are the exceptions that stop the event loop.
var interruptTypes = []string{"KeyboardInterrupt", "SystemExit"}

// maybeInterrupt turns a raise, rarely, into a KeyboardInterrupt or
// SystemExit (in a scenario made with interrupts).
func (g *gen) maybeInterrupt(s *sim.Stmt) *sim.Stmt {
	if g.chance(0.04) && g.interrupts {
		s.Raise.Type = g.pick(interruptTypes)
	}
	return s
}

// runEachVersion runs sc as every CPython version and returns the first
// error a run ends with that makes the seed one to make again: a limit
// (too many threads at once) or a run the engine cannot reproduce (see
// sim.ErrNotReproducible).
func runEachVersion(sc *sim.Scenario) error {
	for _, v := range sim.PythonVersions {
		c := *sc
		c.Python = v
		if _, err := sim.Run(&c); errors.Is(err, sim.ErrLimit) || errors.Is(err, sim.ErrNotReproducible) {
			return err
		}
	}
	return nil
}
