package sim

import (
	"fmt"
	"sort"
)

// This file runs the plain functions that asyncio.to_thread and
// loop.run_in_executor(None, f) hand to the loop's default executor.
//
// Real threads run whenever the operating system lets them; the CPython
// harness (internal/pyrun/vrun.py) fixes one order, and the engine follows
// it: a worker thread runs its code at once when it is handed the work
// (the loop waits for it) until it finishes or calls time.sleep(d). That
// sleep parks the thread until the virtual clock reaches its end, which
// the loop treats like a timer it waits for: when nothing is ready and
// the earliest thread wakes no later than the earliest timer, the clock
// moves to it and the due threads run, one at a time in the order they
// parked. What a finished thread hands back (its result or exception)
// reaches the loop through call_soon_threadsafe, so it is queued before
// the timers that fall due at the same moment.

// maxWorkerThreads is how many calls may be in worker threads at once.
// The default executor has min(32, CPUs + 4) threads: at least 5 on any
// machine, more on bigger ones, so a sixth call would wait on one machine
// and run on another.
const maxWorkerThreads = 5

// workerThread is one call of a plain function in a worker thread.
type workerThread struct {
	fn  *FuncDef
	num int // the order it was handed out, from 1
	x   *exec
	co  *coro
	// fut is the asyncio future wrap_future made: the awaiting task's.
	fut   *future
	wake  float64
	seq   int // the order it parked in, for threads that wake together
	label string
}

// threadPool is the default executor's state for one run.
type threadPool struct {
	started int             // calls handed out so far
	running int             // calls not finished
	parked  []*workerThread // sleeping threads, earliest wake first
	seq     int
	// idle is the future asyncio.run's shutdown_default_executor awaits
	// while threads still run; deadline is when 3.12+ stops waiting.
	idle     *future
	deadline float64
}

// submit is run_in_executor(None, fn): it hands fn to a worker thread,
// which runs until it sleeps or finishes before the loop goes on, and
// returns the future the caller awaits.
func (e *engine) submitThread(fn *FuncDef, node int) *future {
	p := &e.threads
	if p.running >= maxWorkerThreads {
		e.fail(fmt.Errorf("%w: more than %d calls in worker threads at once; the default executor runs min(32, CPUs + 4) at a time, so one more would wait on one machine and run at once on another", ErrLimit, maxWorkerThreads))
	}
	p.started++
	p.running++
	th := &workerThread{fn: fn, num: p.started, fut: e.newFuture()}
	th.label = fmt.Sprintf("%s() in thread %d", fn.Name, th.num)
	th.x = &exec{e: e, thread: th}
	th.co = newCoro(func() { th.x.runThread(fn) })
	e.threadList = append(e.threadList, th)
	e.emit(evt{kind: ThreadStarted, text: th.label, node: int32(node)})
	e.resumeThread(th)
	return th.fut
}

// resumeThread runs a worker thread until it sleeps or finishes. Nothing
// on the loop runs meanwhile: its events belong to no task.
func (e *engine) resumeThread(th *workerThread) {
	cur := e.current
	e.current = nil
	defer func() { e.current = cur }()
	req, ok := th.co.resume(nil)
	p := &e.threads
	if ok {
		if p.deadline > 0 && req.wake > p.deadline {
			e.fail(fmt.Errorf("%w: %s still sleeps %s s after asyncio.run began to shut down; from Python 3.12 asyncio.run stops waiting for it then, and this tool does not follow what happens next", ErrLimit, th.label, pyFloat(shutdownWait)))
		}
		p.seq++
		th.wake, th.seq = req.wake, p.seq
		p.parked = append(p.parked, th)
		sort.SliceStable(p.parked, func(i, j int) bool { return p.parked[i].wake < p.parked[j].wake })
		e.loop.threadsParked = true
		return
	}
	p.running--
	if p.running == 0 && p.idle != nil {
		idle := p.idle
		e.loop.callSoon(func() { e.setResult(idle, nil) })
	}
	x := th.x
	fut := th.fut
	if x.retExc != nil {
		e.emit(evt{kind: ThreadFinished, text: th.label, exc: x.retExc})
	} else {
		e.emit(evt{kind: ThreadFinished, text: th.label, val: x.retVal})
	}
	// _call_set_state hands the outcome over with call_soon_threadsafe;
	// _set_state does nothing to a future cancelled meanwhile.
	exc, val := x.retExc, x.retVal
	e.loop.callSoon(func() {
		if fut.state == cancelled {
			return
		}
		if exc != nil {
			e.setException(fut, exc)
		} else {
			e.setResult(fut, val)
		}
	})
}

// nextThreadWake is when the earliest parked thread wakes.
func (e *engine) nextThreadWake() (float64, bool) {
	if len(e.threads.parked) == 0 {
		return 0, false
	}
	return e.threads.parked[0].wake, true
}

// wakeThreads runs, one at a time, every parked thread whose sleep has
// ended by now, in the order of (wake, parked).
func (e *engine) wakeThreads() {
	p := &e.threads
	for len(p.parked) > 0 && p.parked[0].wake <= e.loop.now {
		th := p.parked[0]
		p.parked = p.parked[1:]
		e.emit(evt{kind: ThreadWoke, text: th.label})
		e.resumeThread(th)
	}
	e.loop.threadsParked = len(p.parked) > 0
}

// runThread is the worker thread calling the function.
func (x *exec) runThread(fn *FuncDef) {
	f := &frame{name: fn.Name, runner: x.thread.co}
	x.cur = f
	fl := x.execBlock(fn.Body)
	x.cur = nil
	switch fl.kind {
	case flowExc:
		x.retExc = fl.exc
	case flowReturn:
		x.retVal = fl.val
	}
}

// threadSleep is time.sleep(d) in a worker thread: it parks the thread.
func (x *exec) threadSleep(s *Stmt) flow {
	wake := x.e.loop.now + s.Seconds
	x.e.emit(evt{kind: ThreadSlept, text: x.thread.label, node: int32(s.id)})
	x.e.lastRec().wake = wake
	x.thread.co.suspend(suspendReq{kind: suspendFuture, wake: wake})
	return normal
}

// execToThread is [x =] await asyncio.to_thread(f), or await
// loop.run_in_executor(None, f), which has no coroutine of its own.
func (x *exec) execToThread(s *Stmt) flow {
	fn := x.e.funcs[s.Func]
	var f *frame
	if !s.Executor {
		// to_thread is an async def: one more frame on the task's stack.
		f = x.newFrame("to_thread", hookNone, nil, nil)
		x.push(f)
	}
	fut := x.e.submitThread(fn, s.id)
	// The thread's exception, if it raised, is thrown in where the
	// future is awaited.
	fl := excFlow(x.awaitReq(suspendReq{kind: suspendFuture, fut: fut, thread: fn.Name + "()"}))
	if fl.exc == nil {
		fl = flow{kind: flowReturn, val: fut.result}
	}
	if f != nil {
		fl = x.pop(f, fl)
	}
	if fl.kind == flowExc {
		return fl
	}
	if s.As != "" {
		x.cur.vars.set(s.As, fl.val)
	}
	return normal
}

// shutdownWait is how long asyncio.run waits for the default executor's
// threads from Python 3.12 (THREAD_JOIN_TIMEOUT).
const shutdownWait = 300

// shutdownExecutor is loop.shutdown_default_executor(), run by asyncio.run
// as it closes: it waits for the worker threads still running.
func (e *engine) shutdownExecutor(x *exec) {
	p := &e.threads
	if p.running == 0 {
		return
	}
	p.idle = e.newFuture()
	if e.py.atLeast(12) {
		p.deadline = e.loop.now + shutdownWait
		if last := p.parked[len(p.parked)-1]; last.wake > p.deadline {
			e.fail(fmt.Errorf("%w: %s still sleeps %s s after asyncio.run began to shut down; from Python 3.12 asyncio.run stops waiting for it then, and this tool does not follow what happens next", ErrLimit, last.label, pyFloat(shutdownWait)))
		}
	}
	x.awaitReq(suspendReq{kind: suspendFuture, fut: p.idle})
}
