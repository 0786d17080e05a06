package edit

import (
	"fmt"
	"strings"

	"asyncwithlab/i18n"
	"asyncwithlab/sim"
)

// builder writes a checked design as a sim.Scenario. Timed faults (a
// cancel or a time-out) are written only once placed, with the delay
// the clock gave them (see place.go); every other choice is a statement.
type builder struct {
	d      Design
	placed []placement
	// regions are where each placed fault must land (see placeTimed).
	regions map[placement]region
	// leftOut are the entries of shared objects at which the run
	// deadlocked (see untangle).
	leftOut map[entry]bool
}

// placement is a timed fault with its clock value: for a cancel, the delay
// of main's call_later(delay, t.cancel); for a time-out, the deadline of
// the asyncio.timeout wrapped around the task's managers.
type placement struct {
	task, mgr int // mgr is -1 for the body
	hook      Hook
	kind      FaultKind
	at        float64
}

// The statements the builder writes.

func printS(text string) *sim.Stmt { return &sim.Stmt{Kind: sim.SPrint, Text: text} }

func sleepS(d float64) *sim.Stmt { return &sim.Stmt{Kind: sim.SSleep, Seconds: d} }

func raiseS(typ, msg string) *sim.Stmt {
	return &sim.Stmt{Kind: sim.SRaise, Raise: &sim.ExcSpec{Type: typ, Message: msg}}
}

func returnS(e sim.Expr) *sim.Stmt { return &sim.Stmt{Kind: sim.SReturn, HasValue: true, Value: e} }

func withS(items []*sim.WithItem, body []*sim.Stmt) *sim.Stmt {
	return &sim.Stmt{Kind: sim.SWith, Items: items, Body: body}
}

func timeoutItem(d float64) *sim.WithItem { return &sim.WithItem{Timeout: &d} }

// raiseMessage is the text of the exception a raise fault creates: it says
// where it comes from, so the console tells the story, and it is unique,
// so the trace can be searched for it.
func raiseMessage(name string, h Hook) string {
	switch h {
	case HookEnterStart:
		return name + " failed to open"
	case HookEnterEnd:
		return name + " failed after opening"
	case HookBody:
		return name + " failed in the body"
	}
	return name + " failed to close"
}

// raiseAt returns the raise statement of a hook's fault, or nothing.
func raiseAt(f Fault, name string, h Hook) []*sim.Stmt {
	if f.Kind != FaultRaise {
		return nil
	}
	return []*sim.Stmt{raiseS(f.excType(), raiseMessage(name, h))}
}

// Markers: the print statements that open a hook. The trace finds a
// hook by them (see regionOf), so they must be unique in the program.
func openingText(name string) string { return name + ": opening" }
func closingText(name string) string { return name + ": closing" }
func workingText(task string) string { return task + ": working" }

func (b *builder) tasks() int { return len(b.d.Tasks) }

// scenario writes the whole program.
func (b *builder) scenario() *sim.Scenario {
	sc := &sim.Scenario{Version: sim.CurrentVersion, Title: "Designed in the editor",
		Description: fmt.Sprintf("%d task(s) run by %s, built from the editor's choices.", b.tasks(), b.d.Runner.Label(i18n.English))}
	for ti, t := range b.d.Tasks {
		for mi, m := range t.Managers {
			if def := b.managerDef(ti, mi, m); def != nil {
				sc.Managers = append(sc.Managers, def)
			}
		}
	}
	sc.Shared = b.sharedDefs()
	for ti, t := range b.d.Tasks {
		for mi, m := range t.Managers {
			if m.Threaded && m.EnterSleep > 0 && !m.Kind.library() {
				name := managerName(m.Kind, ti, mi, b.tasks())
				sc.Functions = append(sc.Functions, &sim.FuncDef{Name: threadFunc(name), Sync: true,
					Body: []*sim.Stmt{printS(name + ": blocking call in a worker thread"), {Kind: sim.SBlock, Seconds: m.EnterSleep}}})
			}
		}
	}
	for ti := range b.d.Tasks {
		sc.Functions = append(sc.Functions, b.worker(ti))
	}
	sc.Functions = append(sc.Functions, b.main())
	return sc
}

// enterBody is what __aenter__ does (or a generator before its yield).
func enterBody(name string, m ManagerDesign) []*sim.Stmt {
	out := []*sim.Stmt{printS(openingText(name))}
	out = append(out, raiseAt(m.EnterStart, name, HookEnterStart)...)
	switch {
	case m.EnterSleep > 0 && m.Blocking:
		out = append(out, &sim.Stmt{Kind: sim.SBlock, Seconds: m.EnterSleep})
	case m.EnterSleep > 0 && m.Threaded:
		out = append(out, &sim.Stmt{Kind: sim.SToThread, Func: threadFunc(name)})
	case m.EnterSleep > 0:
		out = append(out, sleepS(m.EnterSleep))
	}
	out = append(out, raiseAt(m.EnterEnd, name, HookEnterEnd)...)
	return append(out, printS(name+": open"))
}

// teardown is what __aexit__ does (or a generator after its yield).
func teardown(name, closing string, m ManagerDesign) []*sim.Stmt {
	out := []*sim.Stmt{printS(closing)}
	if m.ExitSleep > 0 {
		out = append(out, sleepS(m.ExitSleep))
	}
	out = append(out, raiseAt(m.Exit, name, HookExit)...)
	return append(out, printS(name+": closed"))
}

func (b *builder) managerDef(ti, mi int, m ManagerDesign) *sim.ManagerDef {
	name := managerName(m.Kind, ti, mi, b.tasks())
	switch {
	case m.Kind.library():
		return nil
	case m.Kind == KindGenerator:
		return &sim.ManagerDef{Name: name, Kind: sim.GeneratorManager, Body: generatorBody(name, m)}
	}
	aexit := teardown(name, closingText(name)+", sees {exc!r}", m)
	if m.Exit.Kind == FaultSuppress {
		aexit = append(aexit, returnS(sim.Expr{Kind: sim.EBool, Bool: true}))
	}
	return &sim.ManagerDef{Name: name, Kind: sim.ClassManager, Aenter: enterBody(name, m), Aexit: aexit}
}

// generatorBody is an @asynccontextmanager function: set-up, yield,
// teardown, with the teardown in a finally block if chosen, and "returns
// True" written the way a generator suppresses: by catching at the yield.
func generatorBody(name string, m ManagerDesign) []*sim.Stmt {
	body := enterBody(name, m)
	down := teardown(name, closingText(name), m)
	yield := &sim.Stmt{Kind: sim.SYield}
	if m.Exit.Kind != FaultSuppress && !m.Finally {
		return append(append(body, yield), down...)
	}
	try := &sim.Stmt{Kind: sim.STry, Body: []*sim.Stmt{yield}}
	if m.Exit.Kind == FaultSuppress {
		try.Handlers = []*sim.Handler{{Types: []string{"Exception"}, As: "e",
			Body: []*sim.Stmt{printS(name + ": swallows {e!r}")}}}
	}
	if m.Finally {
		try.HasFinally, try.Finally = true, down
		return append(body, try)
	}
	return append(append(body, try), down...)
}

// worker is task ti's coroutine: its managers around the body.
func (b *builder) worker(ti int) *sim.FuncDef {
	t := b.d.Tasks[ti]
	name := taskName(ti, b.tasks())
	body := []*sim.Stmt{printS(workingText(name))}
	if t.BodySleep > 0 {
		body = append(body, sleepS(t.BodySleep))
	}
	body = append(body, raiseAt(t.Body, name, HookBody)...)
	body = append(body, printS(name+": done"))
	stmts := b.nest(ti, 0, body)
	var timeouts []*sim.WithItem
	for _, p := range b.placed {
		if p.task == ti && p.kind == FaultTimeout {
			// A later one goes outside the earlier ones, so that each
			// deadline counts from the same moment: the task's start.
			timeouts = append([]*sim.WithItem{timeoutItem(p.at)}, timeouts...)
		}
	}
	switch {
	case len(timeouts) > 0 && len(t.Managers) > 0:
		stmts[0].Items = append(timeouts, stmts[0].Items...)
	case len(timeouts) > 0:
		stmts = []*sim.Stmt{withS(timeouts, stmts)}
	}
	if len(timeouts)+len(t.Managers) > 0 {
		stmts = append(stmts, printS(name+": after the async with"))
	}
	stmts = append(stmts, returnS(sim.Expr{Kind: sim.EStr, Str: name + " finished"}))
	return &sim.FuncDef{Name: name, Body: stmts}
}

// nest writes managers mi.. of task ti around body. Consecutive managers of
// KindStack share one AsyncExitStack, entered as one more item of the
// statement; the managers after them get a statement of their own inside
// it, after the enter_async_context calls.
func (b *builder) nest(ti, mi int, body []*sim.Stmt) []*sim.Stmt {
	ms := b.d.Tasks[ti].Managers
	if mi == len(ms) {
		return body
	}
	var items []*sim.WithItem
	j := mi
	for ; j < len(ms) && ms[j].Kind != KindStack; j++ {
		m := ms[j]
		switch {
		case m.Kind == KindTimeout:
			items = append(items, timeoutItem(m.Timeout))
		case m.Kind.shared():
			if b.written(ti, j) {
				items = append(items, &sim.WithItem{Use: sharedName[m.Kind]})
			}
		default:
			items = append(items, &sim.WithItem{Manager: managerName(m.Kind, ti, j, b.tasks())})
		}
	}
	if j == len(ms) {
		if len(items) == 0 {
			return body // only shared entries left out
		}
		return []*sim.Stmt{withS(items, body)}
	}
	stack := "stack"
	if n := stacksBefore(ms, j); n > 0 {
		stack = fmt.Sprintf("stack%d", n+1)
	}
	items = append(items, &sim.WithItem{ExitStack: true, As: stack})
	var inner []*sim.Stmt
	for ; j < len(ms) && ms[j].Kind == KindStack; j++ {
		inner = append(inner, &sim.Stmt{Kind: sim.SEnterContext, Stack: stack, Manager: managerName(KindStack, ti, j, b.tasks())})
	}
	return []*sim.Stmt{withS(items, append(inner, b.nest(ti, j, body)...))}
}

// stacksBefore counts the AsyncExitStacks opened for managers before j.
func stacksBefore(ms []ManagerDesign, j int) int {
	n := 0
	for i := 0; i < j; i++ {
		if ms[i].Kind == KindStack && (i == 0 || ms[i-1].Kind != KindStack) {
			n++
		}
	}
	return n
}

// main creates the tasks (and schedules the placed cancellations right
// after each), then awaits them as the runner says.
func (b *builder) main() *sim.FuncDef {
	group := ""
	if b.d.Runner == RunTaskGroup {
		group = "tg"
	}
	var start []*sim.Stmt
	var awaitables []sim.Awaitable
	for ti := range b.d.Tasks {
		v := taskVar(ti, b.tasks())
		start = append(start, &sim.Stmt{Kind: sim.SCreateTask, Func: taskName(ti, b.tasks()), As: v, Extra: &sim.StmtExtra{Group: group}})
		for _, p := range b.placed {
			if p.task == ti && p.kind == FaultCancel {
				start = append(start, &sim.Stmt{Kind: sim.SCancel, Task: v, Delayed: true, Seconds: p.at})
			}
		}
		awaitables = append(awaitables, sim.Awaitable{Task: v})
	}
	if group == "" {
		body := append(start,
			&sim.Stmt{Kind: sim.SGather, Extra: &sim.StmtExtra{Awaitables: awaitables}, ReturnExceptions: true, As: "results"},
			printS("main: results {results}"))
		return &sim.FuncDef{Name: "main", Body: body}
	}
	tg := withS([]*sim.WithItem{{TaskGroup: true, As: group}}, start)
	try := &sim.Stmt{Kind: sim.STry, Body: []*sim.Stmt{tg, printS("main: every task finished")},
		Handlers: []*sim.Handler{{Types: []string{"ExceptionGroup"}, As: "eg", Body: []*sim.Stmt{printS("main caught {eg!r}")}}}}
	return &sim.FuncDef{Name: "main", Body: []*sim.Stmt{try}}
}

// threadFunc names the plain function a threaded manager's __aenter__
// runs in a worker thread.
func threadFunc(manager string) string { return "blocking_" + strings.ToLower(manager) }
