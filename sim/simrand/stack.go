package simrand

import (
	"fmt"

	"asyncwithlab/sim"
)

// This file adds the rest of the library managers' API to random
// scenarios: an exit stack's plain methods (enter_context, push, callback)
// with plain defs and plain manager classes, callbacks with arguments,
// manager objects pushed whole, pop_all and aclose; asyncio.timeout_at,
// and timeouts rescheduled from inside (or after) their blocks.

// plainManager returns the plain manager class (sync protocol) that
// enter_context and push take, making it on first use.
func (g *gen) plainManager() *sim.ManagerDef {
	if g.plain != nil {
		return g.plain
	}
	name := "Plain"
	m := &sim.ManagerDef{Name: name, Kind: sim.ClassManager, Protocol: sim.SyncProtocol}
	m.Aenter = []*sim.Stmt{g.print(name + " __enter__")}
	if g.chance(0.2) {
		m.Aenter = append(m.Aenter, &sim.Stmt{Kind: sim.SBlock, Seconds: 0.25})
	}
	if g.chance(0.1) {
		m.Aenter = append(m.Aenter, g.raise(name+" __enter__"))
	}
	m.Aenter = append(m.Aenter, &sim.Stmt{Kind: sim.SReturn, HasValue: true, Value: sim.Expr{Kind: sim.EStr, Str: name + "-value"}})
	m.Aexit = []*sim.Stmt{{Kind: sim.SPrint, Text: name + " __exit__ got {exc!r}"}}
	switch g.r.IntN(5) {
	case 0:
		m.Aexit = append(m.Aexit, &sim.Stmt{Kind: sim.SReturn, HasValue: true, Value: sim.Expr{Kind: sim.EBool, Bool: true}})
	case 1:
		m.Aexit = append(m.Aexit, g.raise(name+" __exit__"))
	}
	g.plain = m
	g.sc.Managers = append(g.sc.Managers, m)
	return m
}

// plainFunc adds a plain def for an exit stack to call: an exit function
// taking (exc_type, exc, tb), which may suppress, or a callback with
// parameters. Either may block the loop or raise.
func (g *gen) plainFunc(exitParams bool) *sim.FuncDef {
	g.nprint++
	name := fmt.Sprintf("plain%d", g.nprint)
	f := &sim.FuncDef{Name: name, Sync: true, ExitParams: exitParams}
	if exitParams {
		f.Body = []*sim.Stmt{{Kind: sim.SIfException,
			Body: []*sim.Stmt{{Kind: sim.SPrint, Text: name + " sees {exc!r}"}},
			Else: []*sim.Stmt{g.print(name + " sees no exception")}}}
	} else {
		f.Params = []string{"what"}
		f.Body = []*sim.Stmt{{Kind: sim.SPrint, Text: name + " called with {what!r}"}}
	}
	if g.chance(0.15) {
		f.Body = append(f.Body, &sim.Stmt{Kind: sim.SBlock, Seconds: 0.25})
	}
	switch g.r.IntN(6) {
	case 0:
		f.Body = append(f.Body, g.raise(name))
	case 1, 2:
		if exitParams {
			f.Body = append(f.Body, &sim.Stmt{Kind: sim.SReturn, HasValue: true, Value: sim.Expr{Kind: sim.EBool, Bool: true}})
		}
	}
	g.sc.Functions = append(g.sc.Functions, f)
	return f
}

// asyncCallback adds an async callback taking parameters, for
// push_async_callback with arguments.
func (g *gen) asyncCallback() *sim.FuncDef {
	g.nprint++
	name := fmt.Sprintf("cb%d", g.nprint)
	f := &sim.FuncDef{Name: name, Params: []string{"what", "n"}, Decorator: g.decorator(),
		Body: []*sim.Stmt{{Kind: sim.SPrint, Text: name + " called with {what!r} and {n!r}"}}}
	f.Body = append(f.Body, g.steps(name, 0.1)...)
	g.sc.Functions = append(g.sc.Functions, f)
	return f
}

// stackEntry is one more thing pushed onto stack: through a plain method,
// a callback with arguments, or a manager object pushed whole.
func (g *gen) stackEntry(owner, stack string) []*sim.Stmt {
	arg := func() sim.Expr {
		if g.chance(0.5) {
			return sim.Expr{Kind: sim.EInt, Int: ints[g.r.IntN(len(ints))]}
		}
		return sim.Expr{Kind: sim.EStr, Str: owner + " arg"}
	}
	switch g.r.IntN(6) {
	case 0:
		return []*sim.Stmt{{Kind: sim.SEnterContext, Stack: stack, Manager: g.plainManager().Name, Sync: true}}
	case 1:
		return []*sim.Stmt{{Kind: sim.SPushExit, Stack: stack, Func: g.plainFunc(true).Name, Sync: true}}
	case 2:
		return []*sim.Stmt{{Kind: sim.SPushCallback, Stack: stack, Func: g.plainFunc(false).Name, Sync: true, Extra: &sim.StmtExtra{Args: []sim.Expr{arg()}}}}
	case 3:
		return []*sim.Stmt{{Kind: sim.SPushCallback, Stack: stack, Func: g.asyncCallback().Name, Extra: &sim.StmtExtra{Args: []sim.Expr{arg(), arg()}}}}
	}
	// A manager object pushed whole, never entered: its __aexit__ (or,
	// pushed with push, its __exit__ when it has one) runs as the stack
	// unwinds; an object without one fails there, not being callable.
	g.nprint++
	obj := fmt.Sprintf("obj%d", g.nprint)
	m := g.managers[g.r.IntN(len(g.managers))]
	sync := g.chance(0.3)
	if sync && g.chance(0.7) {
		m = g.plainManager()
	}
	return []*sim.Stmt{
		{Kind: sim.SAssign, As: obj, Manager: m.Name, Extra: &sim.StmtExtra{Args: g.args(owner, m, nil)}},
		{Kind: sim.SPushExit, Stack: stack, Extra: &sim.StmtExtra{Use: obj}, Sync: sync},
	}
}

// stackEnd may unwind the stack before its block ends (aclose), or hand
// its callbacks to a new stack that is entered or closed at once, so that
// no generator manager is left in a stack nobody closes.
func (g *gen) stackEnd(owner, stack string) []*sim.Stmt {
	switch g.r.IntN(6) {
	case 0:
		return []*sim.Stmt{{Kind: sim.SAclose, Stack: stack}, g.print(owner + " after aclose")}
	case 1:
		rest := "rest" + stack
		return []*sim.Stmt{{Kind: sim.SPopAll, Stack: stack, As: rest}, {Kind: sim.SAclose, Stack: rest}}
	case 2:
		rest := "rest" + stack
		body := []*sim.Stmt{g.print(owner + " holds the popped stack")}
		if g.chance(0.3) {
			body = append(body, g.raise(owner+" popped stack body"))
		}
		return []*sim.Stmt{{Kind: sim.SPopAll, Stack: stack, As: rest},
			{Kind: sim.SWith, Items: []*sim.WithItem{{Use: rest}}, Body: body}}
	}
	return nil
}

// timeoutItem is asyncio.timeout or timeout_at, now and then with no
// deadline, bound to a name that reschedule statements use.
func (g *gen) timeoutItem() *sim.WithItem {
	d := g.dur() + 0.5
	it := &sim.WithItem{Timeout: &d}
	switch g.r.IntN(6) {
	case 0:
		it = &sim.WithItem{TimeoutAt: &sim.Deadline{After: d}}
	case 1:
		it = &sim.WithItem{NoDeadline: true}
	case 2:
		it = &sim.WithItem{TimeoutAt: &sim.Deadline{None: true}}
	}
	if g.chance(0.5) {
		g.nprint++
		it.As = fmt.Sprintf("tm%d", g.nprint)
	}
	return it
}

// reschedules adds reschedule statements to a with statement's body for
// the timeouts its items bind: at its start or its end.
func (g *gen) reschedules(w *sim.Stmt) {
	for _, it := range w.Items {
		if it.As == "" || (it.Timeout == nil && it.TimeoutAt == nil && !it.NoDeadline) || !g.chance(0.7) {
			continue
		}
		r := &sim.Stmt{Kind: sim.SReschedule, Extra: &sim.StmtExtra{Use: it.As}, Seconds: g.dur()}
		switch g.r.IntN(3) { // None, extend, or a deadline from now
		case 0:
			r.NoTimeout = true
		case 1:
			r.Extend = true
		}
		if g.chance(0.5) {
			w.Body = append([]*sim.Stmt{r}, w.Body...)
		} else {
			w.Body = append(w.Body, r, g.print(it.As+" rescheduled"))
		}
	}
}
