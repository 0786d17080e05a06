package sim

import (
	"errors"
	"fmt"
	"strconv"
)

// Run validates a scenario and runs it as asyncio.run(main()) would, on a
// virtual clock. A run that deadlocks or exceeds the limits returns the
// partial result together with the error; a scenario that fails validation
// returns a nil result.
//
// Validation numbers the scenario's nodes, and the result's Trace reads
// the scenario again for line numbers: do not change a scenario, or run it
// from two goroutines, while its result is in use; copy it (Encode and
// Decode) to edit it.
func Run(sc *Scenario) (*Result, error) { return RunWithLimits(sc, DefaultLimits) }

// RunWithLimits is Run with explicit limits; a zero field takes its value
// from DefaultLimits.
func RunWithLimits(sc *Scenario, lim Limits) (*Result, error) {
	p, err := Compile(sc)
	if err != nil {
		return nil, err
	}
	return p.RunWithLimits(lim)
}

// Program is a validated scenario, ready to run any number of times. It
// refers to the scenario: do not change the scenario while the program or
// a result of it is in use.
type Program struct {
	sc    *Scenario
	funcs map[string]*FuncDef
	mgrs  map[string]*ManagerDef
}

// Compile validates a scenario (like Validate) and indexes it for running.
// Compiling once and running often is what a screen replaying a scenario,
// or a benchmark, does; it is to Run what compile() is to exec() in Python.
func Compile(sc *Scenario) (*Program, error) {
	if err := Validate(sc); err != nil {
		return nil, err
	}
	p := &Program{sc: sc, funcs: make(map[string]*FuncDef, len(sc.Functions)), mgrs: make(map[string]*ManagerDef, len(sc.Managers))}
	for _, f := range sc.Functions {
		p.funcs[f.Name] = f
	}
	for _, m := range sc.Managers {
		p.mgrs[m.Name] = m
	}
	return p, nil
}

// Run runs the program with the default limits.
func (p *Program) Run() (*Result, error) { return p.RunWithLimits(DefaultLimits) }

// RunWithLimits runs the program as asyncio.run(main()) would; see Run.
func (p *Program) RunWithLimits(lim Limits) (res *Result, err error) {
	lim = lim.withDefaults()
	e := &engine{sc: p.sc, limits: lim, res: &Result{Python: fmt.Sprintf("3.%d", pythonOf(p.sc))}, funcs: p.funcs, mgrs: p.mgrs, py: pythonOf(p.sc)}
	e.tab.texts, e.tab.vals = []string{""}, []Value{nil}
	e.loop.run = e.runHandle
	e.loop.nextThreadWake, e.loop.wakeThreads = e.nextThreadWake, e.wakeThreads
	defer func() {
		for _, t := range e.tasks {
			if t.co != nil && !t.co.done {
				t.co.stop()
			}
		}
		for _, g := range e.gens {
			if g.co != nil && !g.co.done {
				g.co.stop()
			}
		}
		for _, th := range e.threadList {
			if !th.co.done {
				th.co.stop()
			}
		}
	}()
	runErr := func() (err error) {
		defer func() {
			if r := recover(); r != nil {
				if re, ok := r.(runError); ok {
					err = re.err
					return
				}
				err = fmt.Errorf("internal error in the simulator: %v", r)
			}
		}()
		return e.runMain()
	}()
	res = e.finish()
	return res, runErr
}

// runMain is asyncio.run(main()): Runner.run, then Runner.close.
func (e *engine) runMain() error {
	// The module's top level makes the shared objects first.
	for _, d := range e.sc.Shared {
		if e.shared == nil {
			e.shared = map[string]*instance{}
		}
		e.shared[d.Name] = e.newInstance(d.Name, nil, newShared(d, e.shared))
	}
	mainTask := e.createTask(e.funcs["main"], false)
	stopped, err := e.runUntilComplete(mainTask.fut)
	if err != nil {
		return err
	}
	// Runner.run re-raises what main raised (future.result()), or the
	// KeyboardInterrupt or SystemExit that stopped the loop, and the with
	// statement of asyncio.run calls Runner.close while handling it:
	// everything from here on runs with that exception on the thread's
	// stack, so what the leftover tasks raise chains to it.
	switch {
	case stopped != nil:
		e.threadExc, e.raised = stopped, stopped
	case mainTask.fut.state == finished:
		e.threadExc = mainTask.fut.exc
	case mainTask.fut.state == cancelled:
		e.threadExc = e.makeCancelledError(mainTask.fut)
	}
	// An exception Runner.close raises ends it (its finally closes the
	// loop), and asyncio.run raises that one.
	if stopped, err = e.closeRunner(stopped != nil); err != nil || stopped == nil {
		return err
	}
	e.raised = stopped
	return e.abandoned(stopped)
}

// closeRunner is Runner.close: _cancel_all_tasks, shutdown_asyncgens()
// and shutdown_default_executor(), each run with run_until_complete;
// it returns the exception one of them raised. interrupted: the loop was
// stopped by a KeyboardInterrupt or SystemExit, not by main's end.
func (e *engine) closeRunner(interrupted bool) (*Exc, error) {
	// _cancel_all_tasks: leftover tasks are cancelled, then gathered.
	var left []*future
	for _, t := range e.tasks {
		if !t.fut.done() {
			left = append(left, t.fut)
		}
	}
	if len(left) > 0 {
		if len(left) > 1 {
			e.markUnordered("asyncio.run cancels the tasks still running when main returns by iterating a set; CPython's order is unspecified, shown here in creation order")
		}
		note := "main() has returned: asyncio.run cancels the tasks still running (%d)"
		if interrupted {
			note = leftoverStoppedNote
		}
		e.emit(evt{kind: Note, text: fmt.Sprintf(note, len(left))})
		for _, f := range left {
			e.taskCancel(f.task, nil)
		}
		if exc, err := e.runUntilComplete(e.gather(left, true)); exc != nil || err != nil {
			return exc, err
		}
	}
	// shutdown_asyncgens() and shutdown_default_executor(): each is a task
	// that finishes in one step, but each still turns the loop.
	// shutdown_asyncgens' aclose() does nothing to a generator that
	// ignored GeneratorExit once (it is closed already); such a generator
	// still alive is closed when the interpreter exits, after asyncio.run,
	// shown here at the end of the last step (see orphans.go).
	idle := &FuncDef{Name: "shutdown"}
	if exc, err := e.runUntilComplete(e.createTask(idle, true).fut); exc != nil || err != nil {
		return exc, err
	}
	last := e.createTask(idle, true)
	last.x.native = func(x *exec) {
		e.shutdownExecutor(x)
		for _, g := range e.orphans {
			x.closeNow(g)
		}
		e.orphans = nil
	}
	if exc, err := e.runUntilComplete(last.fut); exc != nil || err != nil {
		return exc, err
	}
	return nil, e.stacksLeftHolding()
}

// leftoverStoppedNote is the note of closeRunner after the loop stopped.
const leftoverStoppedNote = "the event loop has stopped: asyncio.run cancels the tasks still running (%d)"

func (l Limits) withDefaults() Limits {
	d := DefaultLimits
	pick := func(v, def int) int {
		if v <= 0 {
			return def
		}
		return v
	}
	return Limits{MaxEvents: pick(l.MaxEvents, d.MaxEvents), MaxTasks: pick(l.MaxTasks, d.MaxTasks),
		MaxManagers: pick(l.MaxManagers, d.MaxManagers), MaxOutput: pick(l.MaxOutput, d.MaxOutput),
		MaxIterate: pick(l.MaxIterate, d.MaxIterate), MaxSteps: pick(l.MaxSteps, d.MaxSteps), MaxHeld: pick(l.MaxHeld, d.MaxHeld)}
}

func (e *engine) markUnordered(why string) {
	if !e.res.Unordered {
		e.res.Unordered = true
		e.emit(evt{kind: Note, text: why})
	}
}

func (e *engine) nextSeq() int { return e.nrecs + 1 }

func (e *engine) newRec() *rec {
	if e.nrecs >= e.limits.MaxEvents {
		e.fail(fmt.Errorf("%w: more than %d trace events (a loop that never ends, or too much work for one run)", ErrLimit, e.limits.MaxEvents))
	}
	i := e.nrecs % recChunk
	if i == 0 {
		e.recs = append(e.recs, make([]rec, recChunk))
	}
	e.nrecs++
	return &e.recs[len(e.recs)-1][i]
}

// lastRec is the record emit made last, for fields only some kinds have.
func (e *engine) lastRec() *rec {
	return &e.recs[len(e.recs)-1][(e.nrecs-1)%recChunk]
}

// emit records an event at the current virtual time, in the current task
// unless ev names one.
func (e *engine) emit(ev evt) {
	t := ev.task
	if t == nil {
		t = e.current
	}
	r := e.newRec()
	*r = rec{time: e.loop.now, node: ev.node, kind: ev.kind}
	if t != nil {
		r.task = int32(t.num)
	}
	if ev.inst != nil {
		r.inst = int32(ev.inst.seq + 1)
	}
	if ev.exc != nil {
		r.exc = int32(e.excIndex(ev.exc))
	}
	if ev.text != "" {
		e.tab.texts = append(e.tab.texts, ev.text)
		r.text = int32(len(e.tab.texts) - 1)
	}
	if ev.val != nil {
		if inst, ok := ev.val.(*instance); ok && inst.def == nil {
			if r, can := inst.mgr.(customRepr); can {
				// A library manager's repr tells its state (a Timeout
				// expires, a TaskGroup exits): show it as it was then.
				s, _ := r.pyRepr()
				ev.val = shownRepr(s)
			}
		}
		e.tab.vals = append(e.tab.vals, ev.val)
		r.val = int32(len(e.tab.vals) - 1)
	}
}

// excIndex is the exception's id, giving one to exceptions made outside newExc.
func (e *engine) excIndex(x *Exc) int {
	if x.id == 0 {
		e.excCount++
		x.id = e.excCount
		e.tab.excs = append(e.tab.excs, x)
	}
	return x.id
}

// emitPrint records a print event whose text is the output's last line.
func (e *engine) emitPrint(node, from, to int) {
	r := e.newRec()
	*r = rec{time: e.loop.now, node: int32(node), kind: Printed, outFrom: int32(from), outTo: int32(to)}
	if e.current != nil {
		r.task = int32(e.current.num)
	}
}

// finish resolves names, lines and exception chains into the result.
func (e *engine) finish() *Result {
	res := e.res
	res.Stdout = string(e.out)
	res.Time = e.loop.now
	taskLabels := labelTasks(e.tasks)
	numberInstances(e.insts)
	res.Trace = &Trace{recs: e.recs, n: e.nrecs, tab: &e.tab, tasks: taskLabels, insts: e.insts,
		sc: e.sc, stdout: res.Stdout}
	for _, t := range e.tasks {
		if t.internal {
			continue
		}
		o := TaskOutcome{Name: taskLabels[t.num-1], Function: t.name}
		switch {
		case t.fut.state == pending:
			o.State = "pending"
		case t.fut.state == cancelled:
			o.State = "cancelled"
		case t.fut.exc != nil:
			o.State = "exception"
			o.Exc = t.fut.exc.Info()
		default:
			o.State = "result"
			o.Result = repr(t.fut.result)
		}
		res.Tasks = append(res.Tasks, o)
		if t.num == 1 && t.fut.exc != nil {
			res.Uncaught = t.fut.exc.Info()
		}
		if t.num == 1 && t.fut.state == cancelled {
			// run_until_complete's future.result() hands out the
			// CancelledError main ended with (a new one if none):
			// runMain has called it already when it got that far.
			exc := e.threadExc
			if exc == nil {
				exc = t.fut.cancelledExc
			}
			if exc == nil {
				exc = &Exc{Class: CancelledErrorClass}
			}
			res.Uncaught = exc.Info()
		}
	}
	if e.raised != nil {
		res.Uncaught = e.raised.Info()
	}
	for _, in := range e.insts {
		if in.def == nil {
			continue // a library manager: no resource of the learner's
		}
		if in.unmade() {
			continue // its __init__ raised: no manager was made
		}
		le := LedgerEntry{Manager: in.def.Name, Instance: in.ordinal, AcquiredAt: in.acquired, ReleasedAt: in.released,
			Acquired: in.acquired != 0, Released: in.released != 0}
		le.Leaked = le.Acquired && !le.Released
		res.Ledger = append(res.Ledger, le)
	}
	return res
}

// labelTasks names tasks by their function, numbered when a function runs
// in several tasks ("worker#2"); indexed by creation order.
func labelTasks(tasks []*task) []string {
	names := make([]string, len(tasks))
	for i, t := range tasks {
		names[i] = t.name
	}
	return numberDuplicates(names)
}

// numberInstances numbers the instances of each definition (1, 2, ...)
// when there are several, leaving 0 when a definition has one instance.
// Library managers (no definition) keep 0: the trace names each one by
// its kind alone ("timeout", "TaskGroup").
func numberInstances(insts []*instance) {
	count := map[*ManagerDef]int{}
	for _, in := range insts {
		count[in.def]++
	}
	seen := map[*ManagerDef]int{}
	for _, in := range insts {
		if in.def != nil && count[in.def] > 1 {
			seen[in.def]++
			in.ordinal = seen[in.def]
		}
	}
}

// label is how the trace names an instance: "Conn", or "Conn#3".
func (in *instance) label() string {
	if in.ordinal == 0 {
		return in.name
	}
	return in.name + "#" + strconv.Itoa(in.ordinal)
}

func numberDuplicates(names []string) []string {
	count := map[string]int{}
	for _, n := range names {
		count[n]++
	}
	seen := map[string]int{}
	out := make([]string, len(names))
	for i, n := range names {
		if count[n] > 1 {
			seen[n]++
			out[i] = n + "#" + strconv.Itoa(seen[n])
		} else {
			out[i] = n
		}
	}
	return out
}

// IsLimit reports whether err is a limit error.
func IsLimit(err error) bool { return errors.Is(err, ErrLimit) }
