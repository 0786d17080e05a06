// Package simrand generates random valid scenarios for the simulator:
// managers of every kind, with sleeps, prints and raises at random hook
// points, some with state (constructor arguments, an __init__ that may
// raise, generator parameters, generator managers decorating workers),
// run by several tasks under gather, TaskGroup or create_task, with
// cancellations and timeouts (rescheduled now and then), shared locks,
// semaphores and a condition, asyncio.wait, tasks asked about themselves,
// and exit stacks that use their whole API (stack.go). Every print names where it is, so the
// console output of a run records the order of events; the conformance
// check runs the same scenarios under CPython and compares.
package simrand

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"

	"asyncwithlab/sim"
)

// durations are few and repeat on purpose: equal deadlines test the timer
// heap's tie order, and 0 tests asyncio.sleep(0).
var durations = []float64{0, 0, 0.5, 1, 1, 0.25, 1.5, 0.1}

var excTypes = []string{"ValueError", "RuntimeError", "KeyError", "TypeError", "ConnectionError", "OSError"}

// handlerTypes are what an except clause catches; baseTypes, rarely,
// the exceptions except Exception lets through or catches unawares (main
// catches BaseException itself).
var (
	handlerTypes = []string{"Exception", "ValueError", "RuntimeError", "OSError"}
	baseTypes    = []string{"KeyboardInterrupt", "SystemExit", "GeneratorExit", "StopAsyncIteration"}
)

// localNames prefix the managers' names, now and then, in the scripts
// Python identifiers may use beyond ASCII.
var localNames = []string{"Conexão", "Σύνδεση", "Ресурс", "Año"}

type gen struct {
	r        *rand.Rand
	sc       *sim.Scenario
	managers []*sim.ManagerDef
	// attrs are the attributes the classes' constructors store.
	attrs   []string
	workers []string
	nprint  int
	helper  string
	// holding: the block being made runs inside an async with of a
	// shared lock or semaphore, so it takes no other (a task that waits
	// for one while holding another could deadlock, and CPython would
	// hang).
	holding bool
	// blocking are plain functions that toThread statements run in
	// worker threads.
	blocking []string
	// streams are async generator functions that async for iterates.
	streams []string
	// cond is the shared condition's name, or "" (waits.go).
	cond string
	// interrupts: some raises may be KeyboardInterrupt or SystemExit.
	interrupts bool
	// plain is the plain manager class that exit stacks enter with
	// enter_context (stack.go), once one is made.
	plain *sim.ManagerDef
}

// Scenario returns the random scenario for a seed (the same on every platform).
func Scenario(seed uint64) *sim.Scenario {
	threads, interrupts := true, true
	for {
		sc := generate(seed, threads, interrupts)
		err := runEachVersion(sc)
		switch {
		case errors.Is(err, sim.ErrLimit) && threads && usesThreads(sc):
			// More calls in worker threads at once than every machine's
			// default executor runs is refused: make the seed without.
			threads = false
		case errors.Is(err, sim.ErrNotReproducible) && interrupts:
			// An interrupt ended asyncio.run's cleanup with a task left
			// unfinished: make the seed without interrupts.
			interrupts = false
		default:
			return sc
		}
	}
}

func generate(seed uint64, threads, interrupts bool) *sim.Scenario {
	g := &gen{r: rand.New(rand.NewPCG(seed, 0x5eed)), sc: &sim.Scenario{Version: sim.CurrentVersion,
		Title: fmt.Sprintf("random scenario %d", seed)}, interrupts: interrupts}
	if g.chance(0.3) && threads {
		for i, n := 0, 1+g.r.IntN(2); i < n; i++ {
			g.blockingFunc(fmt.Sprintf("blocking%d", i))
		}
	}
	prefix := "M"
	if g.chance(0.12) {
		// Python names need not be ASCII: the engine must render and
		// report them as CPython does.
		prefix = g.pick(localNames)
	}
	for i, n := 0, 1+g.r.IntN(4); i < n; i++ {
		g.manager(fmt.Sprintf("%s%d", prefix, i))
	}
	if g.chance(0.3) {
		g.stream("stream0")
	}
	if g.chance(0.5) {
		// Locks and semaphores the workers share.
		for i, n := 0, 1+g.r.IntN(2); i < n; i++ {
			d := &sim.SharedDef{Name: fmt.Sprintf("shared%d", i), Kind: []sim.SharedKind{sim.SharedLock, sim.SharedSemaphore, sim.SharedBoundedSemaphore}[g.r.IntN(3)]}
			if d.Kind != sim.SharedLock {
				v := 1 + g.r.IntN(2)
				d.Value = &v
			}
			g.sc.Shared = append(g.sc.Shared, d)
		}
	}
	g.condition()
	if g.r.IntN(4) == 0 {
		g.helper = "helper"
		g.sc.Functions = append(g.sc.Functions, &sim.FuncDef{Name: "helper", Body: g.body("helper", 1), Decorator: g.decorator()})
	}
	for i, n := 0, g.r.IntN(4); i < n; i++ {
		name := fmt.Sprintf("worker%d", i)
		g.workers = append(g.workers, name)
		g.sc.Functions = append(g.sc.Functions, &sim.FuncDef{Name: name, Body: g.workerBody(name), Decorator: g.decorator()})
	}
	g.sc.Functions = append(g.sc.Functions, &sim.FuncDef{Name: "main", Body: g.mainBody()})
	return g.sc
}

func (g *gen) chance(p float64) bool { return g.r.Float64() < p }

func (g *gen) pick(xs []string) string { return xs[g.r.IntN(len(xs))] }

func (g *gen) dur() float64 { return durations[g.r.IntN(len(durations))] }

func (g *gen) print(where string) *sim.Stmt {
	g.nprint++
	return &sim.Stmt{Kind: sim.SPrint, Text: fmt.Sprintf("%s %d", where, g.nprint)}
}

// raise is a raise statement of a random type: now and then
// StopAsyncIteration, which leaving a generator becomes a RuntimeError,
// or, in main's own code only, GeneratorExit. Anywhere else that could
// end a thread or a task, and a task awaiting such an outcome from
// inside a called coroutine has it thrown in, which CPython handles as
// close(): each inner coroutine gets a fresh GeneratorExit() and only
// the outermost the original. The engine passes the original along.
func (g *gen) raise(where string) *sim.Stmt {
	typ := g.pick(excTypes)
	switch {
	case g.chance(0.02):
		typ = "StopAsyncIteration"
	case g.chance(0.08) && strings.HasPrefix(where, "main"):
		typ = "GeneratorExit"
	}
	return g.maybeInterrupt(&sim.Stmt{Kind: sim.SRaise, Raise: &sim.ExcSpec{Type: typ, Message: where}})
}

// handlerType is the type an except clause names.
func (g *gen) handlerType() string {
	if g.chance(0.2) {
		return g.pick(baseTypes)
	}
	return g.pick(handlerTypes)
}

// steps is a short hook body: prints, sleeps and maybe a raise.
func (g *gen) steps(where string, raiseP float64) []*sim.Stmt {
	out := []*sim.Stmt{g.print(where)}
	if g.chance(0.6) {
		out = append(out, &sim.Stmt{Kind: sim.SSleep, Seconds: g.dur()})
		out = append(out, g.print(where+" after await"))
	}
	if g.chance(0.05) {
		out = append(out, &sim.Stmt{Kind: sim.SBlock, Seconds: 0.5})
	}
	if len(g.blocking) > 0 && g.chance(0.15) {
		out = append(out, g.toThread(where))
	}
	if g.chance(raiseP) {
		out = append(out, g.raise(where))
	}
	return out
}

func (g *gen) manager(name string) {
	m := &sim.ManagerDef{Name: name}
	if g.chance(0.3) {
		m.Kind = sim.GeneratorManager
		if g.chance(0.4) {
			m.Params = []string{"tag"}
		}
		m.Body = g.generatorBody(name, m.Params)
	} else {
		m.Kind = sim.ClassManager
		g.ctor(m)
		m.Aenter = append(m.Aenter, g.steps(name+" aenter", 0.12)...)
		ret := []sim.Expr{{Kind: sim.EVar, Var: "self"}, {Kind: sim.EStr, Str: name + "-value"}, {}}[g.r.IntN(3)]
		m.Aenter = append(m.Aenter, &sim.Stmt{Kind: sim.SReturn, HasValue: true, Value: ret})
		m.Aexit = []*sim.Stmt{{Kind: sim.SPrint, Text: name + " aexit got {exc!r}"}}
		if g.chance(0.25) {
			// State kept on self: set by __aenter__, read and reset by
			// __aexit__ (which runs only after __aenter__ returned).
			m.Aenter = append([]*sim.Stmt{{Kind: sim.SSetAttr, Extra: &sim.StmtExtra{Attr: "state"}, Value: sim.Expr{Kind: sim.EStr, Str: name + " open"}}}, m.Aenter...)
			m.Aexit = append(m.Aexit, &sim.Stmt{Kind: sim.SPrint, Text: name + " state was {self.state!r}"},
				&sim.Stmt{Kind: sim.SSetAttr, Extra: &sim.StmtExtra{Attr: "state"}, Value: sim.Expr{Kind: sim.EStr, Str: name + " closed"}})
		}
		if g.chance(0.3) {
			m.Aexit = append(m.Aexit, &sim.Stmt{Kind: sim.SIfException,
				Body: []*sim.Stmt{g.print(name + " cleanup after error")}, Else: []*sim.Stmt{g.print(name + " clean exit")}})
		}
		m.Aexit = append(m.Aexit, g.steps(name+" aexit", 0.1)...)
		switch g.r.IntN(6) {
		case 0:
			m.Aexit = append(m.Aexit, &sim.Stmt{Kind: sim.SReturn, HasValue: true, Value: sim.Expr{Kind: sim.EBool, Bool: true}})
		case 1:
			m.Aexit = append(m.Aexit, &sim.Stmt{Kind: sim.SReturn, HasValue: true, Value: sim.Expr{Kind: sim.EBool, Bool: false}})
		}
		if g.chance(0.04) {
			m.Protocol = []sim.Protocol{sim.MissingAexit, sim.TypoProtocol, sim.MissingAenter}[g.r.IntN(3)]
			switch m.Protocol {
			case sim.MissingAexit:
				m.Aexit = nil
			case sim.MissingAenter:
				m.Aenter = nil
			}
		}
	}
	g.managers = append(g.managers, m)
	g.sc.Managers = append(g.sc.Managers, m)
}

func (g *gen) generatorBody(name string, params []string) []*sim.Stmt {
	body := g.steps(name+" setup", 0.08)
	yield := &sim.Stmt{Kind: sim.SYield, Value: sim.Expr{Kind: sim.EStr, Str: name + "-value"}}
	if len(params) > 0 {
		// The parameters are the body's locals.
		body = append([]*sim.Stmt{{Kind: sim.SPrint, Text: name + " setup for {tag!r}"}}, body...)
		if g.chance(0.5) {
			yield.Value = sim.Expr{Kind: sim.EVar, Var: "tag"}
		}
	}
	if g.chance(0.05) {
		body = append(body, &sim.Stmt{Kind: sim.SReturn}) // never yields
	}
	after := []*sim.Stmt{yield}
	if g.chance(0.06) {
		after = append(after, g.print(name+" between yields"), &sim.Stmt{Kind: sim.SYield})
	}
	teardown := g.steps(name+" teardown", 0.08)
	switch g.r.IntN(4) {
	case 0: // bare yield: teardown skipped when the body raises
		body = append(body, after...)
		body = append(body, teardown...)
	case 1:
		body = append(body, &sim.Stmt{Kind: sim.STry, Body: after, HasFinally: true, Finally: teardown})
	default:
		var handler []*sim.Stmt
		handler = append(handler, &sim.Stmt{Kind: sim.SPrint, Text: name + " caught {e!r}"})
		switch g.r.IntN(3) {
		case 0:
			handler = append(handler, &sim.Stmt{Kind: sim.SReraise})
		case 1:
			handler = append(handler, g.raise(name+" handler"))
		}
		types := []string{"Exception"}
		if g.chance(0.3) {
			types = []string{g.pick(excTypes)}
		}
		if g.chance(0.15) {
			types = []string{"BaseException"}
		}
		try := &sim.Stmt{Kind: sim.STry, Body: after, Handlers: []*sim.Handler{{Types: types, As: "e", Body: handler}}}
		if g.chance(0.5) {
			try.HasFinally, try.Finally = true, teardown
			body = append(body, try)
		} else {
			body = append(body, try)
			body = append(body, teardown...)
		}
	}
	return body
}

func (g *gen) withItem(owner string, used *[]string) *sim.WithItem {
	switch {
	case len(g.sc.Shared) > 0 && !g.holding && strings.HasPrefix(owner, "worker") && g.chance(0.7):
		g.holding = true
		return &sim.WithItem{Use: g.sc.Shared[g.r.IntN(len(g.sc.Shared))].Name}
	case g.chance(0.08):
		return g.timeoutItem()
	case g.chance(0.05):
		// contextlib.nullcontext, standing in for a manager.
		v := fmt.Sprintf("v%d", len(*used))
		*used = append(*used, v)
		return &sim.WithItem{NullContext: &sim.Expr{Kind: sim.EStr, Str: owner + " placeholder"}, As: v}
	default:
		m := g.managers[g.r.IntN(len(g.managers))]
		it := &sim.WithItem{Manager: m.Name, Args: g.args(owner, m, *used)}
		if g.chance(0.5) {
			v := fmt.Sprintf("v%d", len(*used))
			*used = append(*used, v)
			it.As = v
		}
		return it
	}
}

// body is a random block for a function.
func (g *gen) body(owner string, depth int) []*sim.Stmt {
	var out []*sim.Stmt
	var used []string
	for i, n := 0, 1+g.r.IntN(3); i < n; i++ {
		if len(g.streams) > 0 && depth < 3 && g.chance(0.15) {
			out = append(out, g.asyncFor(owner, depth))
			continue
		}
		if depth < 3 && g.chance(0.06) {
			out = append(out, g.retry(owner, depth))
			continue
		}
		if depth < 3 && g.chance(0.04) {
			out = append(out, g.whileLoop(owner, depth))
			continue
		}
		if g.cond != "" && !g.holding && strings.HasPrefix(owner, "worker") && g.chance(0.3) {
			out = append(out, g.condUse(owner))
			continue
		}
		switch k := g.r.IntN(10); {
		case k < 4 && depth < 3:
			w := &sim.Stmt{Kind: sim.SWith}
			held := g.holding
			for j, m := 0, 1+g.r.IntN(2); j < m; j++ {
				w.Items = append(w.Items, g.withItem(owner, &used))
			}
			w.Body = append(w.Body, g.print(owner+" body"))
			for _, v := range used {
				if g.chance(0.3) {
					w.Body = append(w.Body, &sim.Stmt{Kind: sim.SPrint, Text: owner + " sees {" + v + "}"})
					break
				}
				if len(g.attrs) > 0 && g.chance(0.1) {
					// An attribute: the instance's, or an AttributeError.
					w.Body = append(w.Body, &sim.Stmt{Kind: sim.SPrint, Text: owner + " reads {" + v + "." + g.pick(g.attrs) + "!r}"})
					break
				}
			}
			w.Body = append(w.Body, g.body(owner, depth+1)...)
			g.reschedules(w)
			g.holding = held // past this statement, as before it
			out = append(out, w)
		case k == 4 && depth < 3:
			out = append(out, g.exitStack(owner))
		case k == 5 && depth < 3:
			handler := []*sim.Stmt{{Kind: sim.SPrint, Text: owner + " handled {err!r}"}}
			if g.chance(0.3) {
				handler = append(handler, &sim.Stmt{Kind: sim.SPrint, Text: owner + " sees {type(err).__name__}, context {err.__context__!r}, cause {err.__cause__!r}"})
			}
			if g.chance(0.2) {
				// Translate it: raise ... from err, or from None.
				r := g.raise(owner + " handler")
				r.Raise.HasFrom = true
				if g.chance(0.6) {
					r.Raise.From = "err"
				}
				handler = append(handler, r)
			}
			handler = append(handler, g.handlerExtras(owner)...)
			if g.chance(0.25) {
				out = append(out, g.exceptStar(owner, g.body(owner, depth+1)))
				continue
			}
			out = append(out, &sim.Stmt{Kind: sim.STry, Body: g.body(owner, depth+1),
				Handlers: []*sim.Handler{{Types: []string{g.handlerType()}, As: "err",
					Body: handler}}})
		case k == 6:
			out = append(out, g.raise(owner))
			return out
		case k == 7 && g.helper != "" && owner != "helper":
			out = append(out, &sim.Stmt{Kind: sim.SCall, Func: g.helper})
		case k == 8 && len(g.blocking) > 0:
			out = append(out, g.toThread(owner))
		case k == 9 && g.helper != "" && owner != "helper":
			out = append(out, g.waitOrShield(sim.Stmt{Func: g.helper}), g.print(owner+" after helper"))
		default:
			out = append(out, &sim.Stmt{Kind: sim.SSleep, Seconds: g.dur()}, g.print(owner+" step"))
		}
	}
	return out
}

func (g *gen) exitStack(owner string) *sim.Stmt {
	g.nprint++
	stack := fmt.Sprintf("stack%d", g.nprint)
	w := &sim.Stmt{Kind: sim.SWith, Items: []*sim.WithItem{{ExitStack: true, As: stack}}}
	for i, n := 0, 1+g.r.IntN(3); i < n; i++ {
		switch g.r.IntN(6) {
		case 0:
			w.Body = append(w.Body, &sim.Stmt{Kind: sim.SPushCallback, Stack: stack, Func: g.callback(false)})
		case 1:
			w.Body = append(w.Body, &sim.Stmt{Kind: sim.SPushExit, Stack: stack, Func: g.callback(true)})
		case 2, 3:
			w.Body = append(w.Body, g.stackEntry(owner, stack)...)
		default:
			m := g.managers[g.r.IntN(len(g.managers))]
			w.Body = append(w.Body, &sim.Stmt{Kind: sim.SEnterContext, Stack: stack, Manager: m.Name, Extra: &sim.StmtExtra{Args: g.args(owner, m, nil)}})
		}
	}
	w.Body = append(w.Body, g.print(owner+" stack body"))
	w.Body = append(w.Body, g.stackEnd(owner, stack)...)
	if g.chance(0.4) {
		w.Body = append(w.Body, g.raise(owner+" stack body"))
	}
	return w
}

func (g *gen) callback(exitParams bool) string {
	g.nprint++
	name := fmt.Sprintf("cb%d", g.nprint)
	f := &sim.FuncDef{Name: name, ExitParams: exitParams, Decorator: g.decorator()}
	if exitParams {
		f.Body = []*sim.Stmt{{Kind: sim.SPrint, Text: name + " got {exc!r}"}}
		f.Body = append(f.Body, g.steps(name, 0.1)...)
		if g.chance(0.3) {
			f.Body = append(f.Body, &sim.Stmt{Kind: sim.SReturn, HasValue: true, Value: sim.Expr{Kind: sim.EBool, Bool: true}})
		}
	} else {
		f.Body = g.steps(name, 0.1)
	}
	g.sc.Functions = append(g.sc.Functions, f)
	return name
}

func (g *gen) workerBody(name string) []*sim.Stmt {
	body := g.body(name, 0)
	if g.chance(0.15) {
		body = g.selfAware(name, body)
	}
	if g.chance(0.5) {
		body = append(body, &sim.Stmt{Kind: sim.SReturn, HasValue: true, Value: sim.Expr{Kind: sim.EStr, Str: name + " done"}})
	}
	return body
}

func (g *gen) mainBody() []*sim.Stmt {
	var run []*sim.Stmt
	if len(g.workers) == 0 {
		run = g.body("main", 0)
	} else {
		switch g.r.IntN(3) {
		case 0:
			s := &sim.Stmt{Kind: sim.SGather, ReturnExceptions: g.chance(0.5), As: "results", Extra: &sim.StmtExtra{}}
			for _, w := range g.workers {
				s.Extra.Awaitables = append(s.Extra.Awaitables, sim.Awaitable{Call: w})
			}
			run = append(run, s, &sim.Stmt{Kind: sim.SPrint, Text: "main results {results!r}"})
		case 1:
			tg := &sim.Stmt{Kind: sim.SWith, Items: []*sim.WithItem{{TaskGroup: true, As: "tg"}}}
			for i, w := range g.workers {
				tg.Body = append(tg.Body, &sim.Stmt{Kind: sim.SCreateTask, Func: w, Extra: &sim.StmtExtra{Group: "tg"}, As: fmt.Sprintf("t%d", i)})
			}
			if g.chance(0.3) {
				tg.Body = append(tg.Body, &sim.Stmt{Kind: sim.SCancel, Task: "t0", Delayed: true, Seconds: g.dur() + 0.25, HasMessage: g.chance(0.3), Text: "stop"})
			}
			tg.Body = append(tg.Body, g.print("main in group"))
			if g.chance(0.3) {
				tg.Body = append(tg.Body, &sim.Stmt{Kind: sim.SSleep, Seconds: g.dur()})
			}
			run = append(run, tg)
		default:
			for i, w := range g.workers {
				run = append(run, &sim.Stmt{Kind: sim.SCreateTask, Func: w, As: fmt.Sprintf("t%d", i)})
			}
			if g.chance(0.5) {
				run = append(run, &sim.Stmt{Kind: sim.SCancel, Task: "t0", Delayed: g.chance(0.8), Seconds: g.dur() + 0.25, HasMessage: g.chance(0.3), Text: "stop"})
				if g.chance(0.2) {
					run = append(run, g.uncancel()...)
				}
			}
			run = append(run, g.print("main created tasks"))
			if g.cond != "" && g.chance(0.7) {
				run = append(run, g.mainNotifies()...)
			}
			if g.chance(0.35) {
				run = append(run, g.asyncioWait()...)
			}
			if g.chance(0.4) {
				run = append(run, g.pollTask(fmt.Sprintf("t%d", g.r.IntN(len(g.workers)))))
			}
			for i := range g.workers {
				v := fmt.Sprintf("r%d", i)
				await := &sim.Stmt{Kind: sim.SAwait, Task: fmt.Sprintf("t%d", i), As: v}
				if g.chance(0.25) {
					await = g.waitOrShield(sim.Stmt{Task: await.Task, As: v})
				}
				run = append(run, &sim.Stmt{Kind: sim.STry,
					Body:     []*sim.Stmt{await, {Kind: sim.SPrint, Text: "main got {" + v + "!r}"}},
					Handlers: []*sim.Handler{{Types: []string{"BaseException"}, As: "e", Body: []*sim.Stmt{{Kind: sim.SPrint, Text: "main: task failed with {e!r}"}}}}})
			}
			if g.chance(0.3) {
				run = append(run, g.outcomes()...)
			}
		}
	}
	if g.chance(0.15) {
		d := g.dur() + 0.5
		run = []*sim.Stmt{{Kind: sim.SWith, Items: []*sim.WithItem{{Timeout: &d}}, Body: run}}
	}
	if g.chance(0.25) {
		run = []*sim.Stmt{g.exceptStar("main", run)}
	}
	if g.chance(0.7) {
		return []*sim.Stmt{{Kind: sim.STry, Body: run, Handlers: []*sim.Handler{{Types: []string{"BaseException"}, As: "e",
			Body: []*sim.Stmt{{Kind: sim.SPrint, Text: "main caught {e!r}"}}}}}}
	}
	return run
}

// blockingFunc adds a plain function for worker threads: prints, blocking
// sleeps (which park only its thread), maybe an error it handles or lets
// out, and a value.
func (g *gen) blockingFunc(name string) {
	body := []*sim.Stmt{g.print(name + " in thread"), {Kind: sim.SBlock, Seconds: g.dur()}}
	if g.chance(0.3) {
		body = append(body, g.print(name+" after sleep"), &sim.Stmt{Kind: sim.SBlock, Seconds: g.dur()})
	}
	if g.chance(0.2) {
		body = append(body, &sim.Stmt{Kind: sim.STry, Body: []*sim.Stmt{g.raise(name)},
			Handlers: []*sim.Handler{{Types: []string{"Exception"}, As: "err", Body: []*sim.Stmt{
				{Kind: sim.SPrint, Text: name + " handled {err!r}"}, {Kind: sim.SBlock, Seconds: g.dur()}}}}})
	}
	if g.chance(0.25) {
		body = append(body, g.raise(name))
	} else {
		body = append(body, &sim.Stmt{Kind: sim.SReturn, HasValue: true, Value: sim.Expr{Kind: sim.EStr, Str: name + "-result"}})
	}
	g.blocking = append(g.blocking, name)
	g.sc.Functions = append(g.sc.Functions, &sim.FuncDef{Name: name, Sync: true, Body: body})
}

// toThread awaits one of the blocking functions in a worker thread and
// prints what it returned.
func (g *gen) toThread(where string) *sim.Stmt {
	g.nprint++
	v := fmt.Sprintf("r%d", g.nprint)
	return &sim.Stmt{Kind: sim.SToThread, Func: g.pick(g.blocking), As: v, Executor: g.chance(0.3)}
}

func usesThreads(sc *sim.Scenario) bool {
	for _, f := range sc.Functions {
		if f.Sync {
			return true
		}
	}
	return false
}

// waitOrShield awaits a call or a task (as s names it) through
// asyncio.wait_for, with a timeout that may fire or None, or through
// asyncio.shield.
func (g *gen) waitOrShield(s sim.Stmt) *sim.Stmt {
	if g.chance(0.3) {
		s.Kind = sim.SShield
		return &s
	}
	s.Kind = sim.SWaitFor
	switch g.r.IntN(4) {
	case 0:
		s.NoTimeout = true
	default:
		s.Seconds = g.dur() + 0.25
	}
	return &s
}

// stream adds an async generator function: yields with prints and awaits
// between them, a finally that may await, maybe a handler that sees the
// GeneratorExit of aclose().
func (g *gen) stream(name string) {
	var try []*sim.Stmt
	for i, n := 0, 1+g.r.IntN(3); i < n; i++ {
		try = append(try, g.print(name+" yields"), &sim.Stmt{Kind: sim.SYield, Value: sim.Expr{Kind: sim.EStr, Str: fmt.Sprintf("%s-item%d", name, i)}})
		if g.chance(0.4) {
			try = append(try, &sim.Stmt{Kind: sim.SSleep, Seconds: g.dur()})
		}
	}
	fin := []*sim.Stmt{g.print(name + " finally")}
	if g.chance(0.4) {
		fin = append(fin, &sim.Stmt{Kind: sim.SSleep, Seconds: g.dur()}, g.print(name+" finally after await"))
	}
	if g.chance(0.1) {
		fin = append(fin, g.raise(name+" finally"))
	}
	st := &sim.Stmt{Kind: sim.STry, Body: try, HasFinally: true, Finally: fin}
	if g.chance(0.3) {
		st.Handlers = []*sim.Handler{{Types: []string{"GeneratorExit"}, As: "ge", Body: []*sim.Stmt{
			{Kind: sim.SPrint, Text: name + " told to close {ge!r}"}, {Kind: sim.SReraise}}}}
	}
	g.streams = append(g.streams, name)
	m := &sim.ManagerDef{Name: name, Kind: sim.AsyncGenFunction, Body: []*sim.Stmt{g.print(name + " starts"), st}}
	g.sc.Managers = append(g.sc.Managers, m)
}

// asyncFor iterates a stream, afresh or through aclosing, with a body
// that may break, continue, await or raise.
func (g *gen) asyncFor(owner string, depth int) *sim.Stmt {
	g.nprint++
	v := fmt.Sprintf("item%d", g.nprint)
	body := []*sim.Stmt{{Kind: sim.SPrint, Text: owner + " got {" + v + "}"}}
	switch g.r.IntN(5) {
	case 0:
		body = append(body, &sim.Stmt{Kind: sim.SBreak})
	case 1:
		body = append(body, &sim.Stmt{Kind: sim.SSleep, Seconds: g.dur()}, &sim.Stmt{Kind: sim.SContinue})
	case 2:
		body = append(body, g.raise(owner+" loop"))
	case 3:
		body = append(body, g.body(owner, depth+1)...)
	}
	name := g.pick(g.streams)
	if g.chance(0.5) {
		return &sim.Stmt{Kind: sim.SAsyncFor, Manager: name, As: v, Body: body}
	}
	closer := fmt.Sprintf("closer%d", g.nprint)
	return &sim.Stmt{Kind: sim.SWith, Items: []*sim.WithItem{{Aclosing: name, As: closer}},
		Body: []*sim.Stmt{{Kind: sim.SAsyncFor, Extra: &sim.StmtExtra{Use: closer}, As: v, Body: body}, g.print(owner + " after loop")}}
}

// retry is a for loop that tries a block a few times: a round that gets
// through breaks out, one that raises is caught and printed; a test on
// the round's number may raise on purpose or skip a round.
func (g *gen) retry(owner string, depth int) *sim.Stmt {
	g.nprint++
	v := fmt.Sprintf("round%d", g.nprint)
	try := []*sim.Stmt{{Kind: sim.SPrint, Text: owner + " round {" + v + "}"}}
	n := int64(g.r.IntN(2))
	switch g.r.IntN(3) {
	case 0:
		try = append(try, &sim.Stmt{Kind: sim.SIf, Test: &sim.Test{Var: v, Equals: &sim.Expr{Kind: sim.EInt, Int: n}, Not: g.chance(0.5)},
			Body: []*sim.Stmt{g.raise(owner + " round")}})
	case 1:
		try = append(try, &sim.Stmt{Kind: sim.SIf, Test: &sim.Test{Var: v, Not: true},
			Body: []*sim.Stmt{g.print(owner + " first round"), {Kind: sim.SContinue}}, Else: []*sim.Stmt{g.print(owner + " later round")}})
	}
	try = append(try, g.body(owner, depth+1)...)
	try = append(try, &sim.Stmt{Kind: sim.SBreak})
	loop := &sim.Stmt{Kind: sim.SFor, As: v, Count: 1 + g.r.IntN(3), Body: []*sim.Stmt{{Kind: sim.STry, Body: try,
		Handlers: []*sim.Handler{{Types: []string{"Exception"}, As: "err", Body: []*sim.Stmt{{Kind: sim.SPrint, Text: owner + " round failed {err!r}"}}}}}}}
	if g.chance(0.5) {
		loop.Else = []*sim.Stmt{g.print(owner + " no round got through")}
	}
	return loop
}
