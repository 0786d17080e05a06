package sim

import (
	"errors"
	"fmt"
	"iter"
)

// Limits bound a run so that any scenario, however large, ends quickly.
type Limits struct {
	MaxEvents   int
	MaxTasks    int
	MaxManagers int // class and generator manager instances
	MaxOutput   int // bytes of console output
	MaxIterate  int // event loop iterations
	MaxSteps    int // statements executed, over all tasks
	// MaxHeld bounds what a loop can pile up without events: the
	// callbacks one exit stack holds, the notes one exception carries.
	MaxHeld int
}

// DefaultLimits are the limits Run uses.
var DefaultLimits = Limits{MaxEvents: 1_000_000, MaxTasks: 1000, MaxManagers: 10_000, MaxOutput: 8 << 20, MaxIterate: 10_000_000, MaxSteps: 10_000_000,
	MaxHeld: 100_000}

// ErrLimit is wrapped by errors returned when a run exceeds its limits.
var ErrLimit = errors.New("limit exceeded")

// ErrUnshowable is wrapped by the error of a run that prints a value whose
// text CPython would make differ from run to run (an object's default
// repr, with its address) or that is too long to show.
var ErrUnshowable = errors.New("cannot show this value")

// ErrDeadlock is returned when every task waits and nothing is scheduled.
var ErrDeadlock = errors.New("deadlock: every task is waiting and nothing is scheduled")

// errAbort unwinds a coroutine's goroutine when a run is abandoned.
var errAbort = errors.New("abort")

// runError is a scenario-level failure raised inside the interpreter.
type runError struct{ err error }

type futState uint8

const (
	pending futState = iota
	cancelled
	finished
)

// future is asyncio.Future; a task's future is the task itself in Python,
// here it points back at it.
type future struct {
	state futState
	// hasFirst: first holds a callback (next to state, so that both fit
	// in one word).
	hasFirst  bool
	result    Value
	exc       *Exc
	callbacks []doneCallback
	// first holds the first callback, the only one most futures get, so
	// that adding it allocates nothing.
	first doneCallback
	// cancelMsg is the message of cancel(msg), nil for none.
	cancelMsg *string
	// cancelledExc is the CancelledError a task's coroutine ended with,
	// handed out once by makeCancelledError (as the C Future does).
	cancelledExc *Exc
	task         *task
	gather       *gathering
	// standsFor is the task a future of asyncio's own stands in for
	// (shield's outer future, wait_for's waiter), for the trace.
	standsFor *task
}

func (f *future) done() bool { return f.state != pending }

// doneCallback is a future's done callback: a waiting task's wakeup
// (waiter set), or any other function.
type doneCallback struct {
	waiter *task
	fn     func(*future)
	// key stands for fn's identity, for remove_done_callback: the future
	// of asyncio's code that added it (asyncio.wait's waiter); nil for none.
	key *future
}

// runHandle executes one loop callback.
func (e *engine) runHandle(h *handle) {
	switch h.op {
	case opStep:
		e.step(h.task, nil)
	case opWakeup:
		e.wakeup(h.task, h.fut)
	case opSleepDone:
		if h.fut.state != cancelled {
			e.setResult(h.fut, nil)
		}
	default:
		h.fn()
	}
}

// scheduleDone puts one done callback of f on the ready queue.
func (e *engine) scheduleDone(f *future, cb doneCallback) {
	if cb.waiter != nil {
		e.loop.callSoonOp(cb.waiter.handle(opWakeup, f))
		if !cb.waiter.internal {
			e.emit(evt{kind: TaskReady, task: cb.waiter})
		}
		return
	}
	fn := cb.fn
	e.loop.callSoon(func() { fn(f) })
}

// suspendKind says why a coroutine gave control back.
type suspendKind uint8

const (
	suspendFuture   suspendKind = iota // await on a pending future
	suspendBare                        // the bare yield of asyncio.sleep(0)
	suspendGenYield                    // an async generator's yield value
)

type suspendReq struct {
	kind  suspendKind
	fut   *future
	value Value
	wake  float64 // asyncio.sleep: when its timer fires (shown in the trace)
	// waitsFor names the shared lock or semaphore the task queues for.
	waitsFor string
	// thread names the call a worker thread runs for the task ("f()").
	thread string
	// text, when set, is what the trace says the task waits for, written
	// by asyncio's own code that suspends it (Condition.wait, asyncio.wait).
	text string
}

// coro is a suspended Python coroutine or async generator, run as a Go
// coroutine (iter.Pull) so the interpreter can be written in direct style.
type coro struct {
	next  func() (suspendReq, bool)
	stop  func()
	yield func(suspendReq) bool
	in    *Exc // what to throw in at the next resumption; nil sends None
	done  bool
	// panicked holds a value the body panicked with, re-raised by resume.
	panicked any
}

func newCoro(body func()) *coro {
	c := &coro{}
	seq := func(yield func(suspendReq) bool) {
		c.yield = yield
		defer func() {
			if r := recover(); r != nil && r != errAbort {
				c.panicked = r
			}
		}()
		body()
	}
	c.next, c.stop = iter.Pull(seq)
	return c
}

// resume runs the coroutine until it suspends or ends.
func (c *coro) resume(in *Exc) (suspendReq, bool) {
	c.in = in
	req, ok := c.next()
	if c.panicked != nil {
		p := c.panicked
		c.panicked = nil
		panic(p)
	}
	if !ok {
		c.done = true
	}
	return req, ok
}

// suspend is called from inside the coroutine.
func (c *coro) suspend(req suspendReq) *Exc {
	if !c.yield(req) {
		panic(errAbort)
	}
	in := c.in
	c.in = nil
	return in
}

// task is asyncio.Task.
type task struct {
	fut        *future
	name       string
	fn         *FuncDef
	num        int // creation order, 1-based (Task-N in CPython)
	co         *coro
	x          *exec
	futWaiter  *future
	mustCancel bool
	numCancels int
	started    bool
	internal   bool // asyncio.run's own shutdown tasks: not reported
	// own is the handle for the task's next step or wakeup: a task has at
	// most one of them scheduled at a time, so one is reused.
	own handle
}

// handle returns a ready-queue handle running op for t.
func (t *task) handle(op handleOp, fut *future) *handle {
	h := &t.own
	if h.queued {
		h = &handle{} // never expected; stay correct if it happens
	}
	*h = handle{op: op, task: t, fut: fut}
	return h
}

// engine holds one run.
type engine struct {
	sc       *Scenario
	limits   Limits
	loop     loop
	tasks    []*task
	current  *task
	res      *Result
	out      []byte
	excCount int
	insts    []*instance
	recs     [][]rec
	tab      recTables
	nrecs    int
	gens     []*genState
	managers int
	steps    int
	failure  error
	funcs    map[string]*FuncDef
	mgrs     map[string]*ManagerDef
	// py is the CPython version the run follows.
	py pyVersion
	// orphans are generators that ignored aclose's GeneratorExit and are
	// still reachable (see orphans.go).
	orphans []*genState
	// shared are the program's module-level objects, by name.
	shared map[string]*instance
	// threads are the default executor's worker threads (threads.go);
	// threadList holds every one handed out, to stop them all at the end.
	threads    threadPool
	threadList []*workerThread
	// threadExc is the exception the thread itself is handling, below
	// every task's frames: main's, while asyncio.run shuts down after
	// main raised (see runMain); nil otherwise.
	threadExc *Exc
	// escaping is the KeyboardInterrupt or SystemExit that stopped the
	// loop (interrupt.go); raised, the exception asyncio.run raises when
	// it is not main's own: such an exception, or one Runner.close raised.
	escaping, raised *Exc
}

func (e *engine) fail(err error) {
	if e.failure == nil {
		e.failure = err
	}
	panic(runError{err})
}

func (e *engine) newFuture() *future { return &future{} }

func (e *engine) addDoneCallback(f *future, fn func(*future)) {
	e.addDone(f, doneCallback{fn: fn})
}

func (e *engine) addDone(f *future, cb doneCallback) {
	switch {
	case f.done():
		e.scheduleDone(f, cb)
	case !f.hasFirst:
		f.first, f.hasFirst = cb, true
	default:
		f.callbacks = append(f.callbacks, cb)
	}
}

// removeDone is f.remove_done_callback(fn) for the callbacks added with
// key: the others keep their order (the C Future's first callback, when
// removed, leaves the list's order as it was).
func (e *engine) removeDone(f *future, key *future) {
	keep := f.callbacks[:0]
	for _, cb := range f.callbacks {
		if cb.key != key {
			keep = append(keep, cb)
		}
	}
	f.callbacks = keep
	if f.hasFirst && f.first.key == key {
		f.first, f.hasFirst = doneCallback{}, false
		if len(f.callbacks) > 0 {
			f.first, f.hasFirst, f.callbacks = f.callbacks[0], true, f.callbacks[1:]
		}
	}
}

func (e *engine) scheduleCallbacks(f *future) {
	if !f.hasFirst {
		return
	}
	first, cbs := f.first, f.callbacks
	f.first, f.hasFirst, f.callbacks = doneCallback{}, false, nil
	e.scheduleDone(f, first)
	for _, cb := range cbs {
		e.scheduleDone(f, cb)
	}
}

func (e *engine) setResult(f *future, v Value) {
	if f.done() {
		return
	}
	f.result = v
	f.state = finished
	e.scheduleCallbacks(f)
}

func (e *engine) setException(f *future, exc *Exc) {
	if f.done() {
		return
	}
	f.exc = exc
	f.state = finished
	e.scheduleCallbacks(f)
}

// futureCancel is Future.cancel(msg) (not a task's or a gather's
// override); msg is nil for no message.
func (e *engine) futureCancel(f *future, msg *string) bool {
	if f.state != pending {
		return false
	}
	f.state = cancelled
	f.cancelMsg = msg
	e.scheduleCallbacks(f)
	return true
}

// cancel dispatches to Task.cancel, _GatheringFuture.cancel or Future.cancel.
func (e *engine) cancel(f *future, msg *string) bool {
	switch {
	case f.task != nil:
		return e.taskCancel(f.task, msg)
	case f.gather != nil:
		return e.gatherCancel(f, msg)
	}
	return e.futureCancel(f, msg)
}

// makeCancelledError is Future._make_cancelled_error in C: the stored
// exception is transferred once, later calls make a new CancelledError().
func (e *engine) makeCancelledError(f *future) *Exc {
	if f.cancelledExc != nil {
		exc := f.cancelledExc
		f.cancelledExc = nil
		return exc
	}
	if f.cancelMsg != nil {
		return e.newExc(CancelledErrorClass, true, *f.cancelMsg)
	}
	return e.newExc(CancelledErrorClass, false, "")
}

func (e *engine) newExc(c *ExcClass, hasArg bool, msg string) *Exc {
	e.excCount++
	x := &Exc{Class: c, HasArg: hasArg, Msg: msg, id: e.excCount}
	e.tab.excs = append(e.tab.excs, x)
	return x
}

// createTask is loop.create_task(coro): the task's first step is only
// scheduled; it runs when its creator yields to the loop.
func (e *engine) createTask(fn *FuncDef, internal bool) *task {
	if !internal && len(e.tasks) > e.limits.MaxTasks { // main is not counted
		e.fail(fmt.Errorf("%w: more than %d tasks", ErrLimit, e.limits.MaxTasks))
	}
	t := &task{name: fn.Name, fn: fn, num: len(e.tasks) + 1, internal: internal}
	t.fut = &future{task: t}
	t.x = &exec{e: e, t: t}
	t.co = newCoro(func() { t.x.runTask(fn) })
	e.tasks = append(e.tasks, t)
	if !internal {
		e.emit(evt{kind: TaskCreated, task: t, node: int32(fn.id)})
	}
	e.loop.callSoonOp(t.handle(opStep, nil))
	return t
}

// step is Task.__step (the C implementation's semantics).
func (e *engine) step(t *task, exc *Exc) {
	if t.fut.done() {
		return
	}
	if t.mustCancel {
		if exc == nil || !exc.Class.IsSubclass(CancelledErrorClass) {
			exc = e.makeCancelledError(t.fut)
		}
		t.mustCancel = false
	}
	t.futWaiter = nil
	e.current = t
	if !t.started {
		t.started = true
		if !t.internal {
			e.emit(evt{kind: TaskStarted, task: t, node: int32(t.fn.id)})
		}
	} else if !t.internal {
		e.emit(evt{kind: TaskResumed, task: t, text: resumeText(exc), node: int32(t.x.node)})
		t.x.emitHookEvent(true)
	}
	req, ok := t.co.resume(exc)
	e.current = nil
	if !ok {
		x := t.x
		switch {
		case x.retExc == nil:
			if t.mustCancel {
				t.mustCancel = false
				e.futureCancel(t.fut, nil)
				e.emit(evt{kind: TaskCancelled, task: t})
			} else {
				e.setResult(t.fut, x.retVal)
				if !t.internal {
					e.emit(evt{kind: TaskFinished, task: t, val: x.retVal})
				}
			}
		case x.retExc.Class.IsSubclass(CancelledErrorClass):
			t.fut.cancelledExc = x.retExc
			e.futureCancel(t.fut, nil)
			e.emit(evt{kind: TaskCancelled, task: t, exc: x.retExc})
		default:
			e.setException(t.fut, x.retExc)
			e.emit(evt{kind: TaskFailed, task: t, exc: x.retExc})
			if stopsLoop(x.retExc) {
				e.escape(t, x.retExc)
			}
		}
		return
	}
	if !t.internal {
		e.emitSuspended(t, req)
		t.x.emitHookEvent(false)
	}
	switch req.kind {
	case suspendFuture:
		e.addDone(req.fut, doneCallback{waiter: t})
		t.futWaiter = req.fut
		if t.mustCancel {
			// The C task passes its _cancel_message on to what it awaits.
			if e.cancel(t.futWaiter, t.fut.cancelMsg) {
				t.mustCancel = false
			}
		}
	case suspendBare:
		e.loop.callSoonOp(t.handle(opStep, nil))
		if !t.internal {
			e.emit(evt{kind: TaskReady, task: t})
		}
	default:
		e.fail(fmt.Errorf("internal error: task %s yielded a generator value", t.name))
	}
}

func resumeText(exc *Exc) string {
	if exc != nil {
		return "resumed with " + exc.Repr() + " thrown in"
	}
	return ""
}

// emitSuspended records why a task gave control back: a sleep's wake-up
// time, the task it awaits, or a bare yield; the screen shows the loop's
// sleeping and waiting tasks from it.
func (e *engine) emitSuspended(t *task, req suspendReq) {
	text := ""
	switch {
	case req.kind == suspendBare:
		text = "yields to the loop once (sleep(0))"
	case req.fut != nil && req.fut.gather != nil:
		text = "waits for gather"
	case req.waitsFor != "":
		text = "waits to acquire " + req.waitsFor
	case req.thread != "":
		text = "waits for worker thread " + req.thread
	case req.text != "":
		text = req.text
	}
	e.emit(evt{kind: TaskSuspended, task: t, text: text, node: int32(t.x.node)})
	r := e.lastRec()
	r.wake = req.wake
	if req.fut != nil && req.fut.task != nil && !req.fut.task.internal {
		r.outFrom = int32(req.fut.task.num)
	}
	if req.fut != nil && req.fut.standsFor != nil {
		r.outFrom = int32(req.fut.standsFor.num)
	}
}

// wakeup is Task.__wakeup (task_wakeup in C). The C code reads a
// future's exception as a value, but raises the CancelledError of a
// cancelled one (future_set_cancelled_error), and calls result() on a
// gather's future (a Python subclass), which raises what it holds:
// raised, an exception chains to the one the thread is handling.
func (e *engine) wakeup(t *task, f *future) {
	switch f.state {
	case cancelled:
		e.step(t, e.raisedAtWakeup(e.makeCancelledError(f)))
	case finished:
		if f.exc != nil && f.gather != nil {
			e.step(t, e.raisedAtWakeup(f.exc))
			return
		}
		e.step(t, f.exc)
	}
}

// raisedAtWakeup chains exc, raised by task_wakeup, to the exception the
// thread is handling.
func (e *engine) raisedAtWakeup(exc *Exc) *Exc {
	if e.threadExc != nil {
		setContext(exc, e.threadExc)
	}
	return exc
}

// taskCancel is Task.cancel(msg); msg is nil for no message.
func (e *engine) taskCancel(t *task, msg *string) bool {
	if t.fut.done() {
		return false
	}
	t.numCancels++
	if t.futWaiter != nil {
		if e.cancel(t.futWaiter, msg) {
			return true
		}
	}
	t.mustCancel = true
	t.fut.cancelMsg = msg // the task's _cancel_message
	return true
}

// taskUncancel is Task.uncancel; from 3.13 it also drops a cancellation
// not yet delivered once no request is left.
func (e *engine) taskUncancel(t *task) int {
	if t.numCancels > 0 {
		t.numCancels--
		if t.numCancels == 0 && e.py.atLeast(13) {
			t.mustCancel = false
		}
	}
	return t.numCancels
}
