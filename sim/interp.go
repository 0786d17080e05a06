package sim

import (
	"fmt"
)

// hookKind marks frames that run a manager's __aenter__ or __aexit__ (or
// the library code standing for them), for the suspended/resumed events.
type hookKind uint8

const (
	hookNone hookKind = iota
	hookAenter
	hookAexit
)

// frame is one running Python function (coroutine) frame.
type frame struct {
	name    string
	parent  *frame // the frame awaiting this one
	vars    vars
	handled []*Exc // exceptions being handled (innermost last)
	runner  *coro  // the coroutine whose stack this frame runs on
	hook    hookKind
	inst    *instance
	gen     *genState // set on an async generator's own frame
}

type flowKind uint8

const (
	flowNormal flowKind = iota
	flowReturn
	flowExc
	flowBreak    // break: leaves the innermost async for
	flowContinue // continue: its next round
)

// flow is how a block ended: normally, by return (with val), or by an exception.
type flow struct {
	kind flowKind
	val  Value
	exc  *Exc
}

var normal = flow{}

func excFlow(e *Exc) flow { return flow{kind: flowExc, exc: e} }

// exec interprets one task's code.
type exec struct {
	e   *engine
	t   *task
	cur *frame
	// visRoot is the outermost frame whose handled exceptions are visible
	// to implicit chaining. CPython resumes a coroutine chain by send with
	// every frame's exception state on the thread's stack, but by throw
	// (cancellation) it resumes each level on its own: see awaitReq.
	visRoot *frame
	// node is the statement being executed, for task-level events.
	node int
	// curSync: the with statement being evaluated is a plain with.
	curSync bool
	free    []*frame
	retVal  Value
	retExc  *Exc
	// native, when set, is what an internal task of asyncio runs instead
	// of a body (shutdown_asyncgens).
	native func(x *exec)
	// nativeThrow, when set, is what such a task runs when an exception
	// is thrown in before its first step (an aclose() awaitable passes
	// it on to its generator; a coroutine would just end with it).
	nativeThrow func(x *exec, exc *Exc)
	// thread is set when this runs a plain function in a worker thread
	// rather than a task's coroutine.
	thread *workerThread
}

func (x *exec) runTask(fn *FuncDef) {
	in := x.t.co.in
	if in != nil && x.nativeThrow == nil {
		// Cancelled before its first step: the exception is thrown into a
		// coroutine that has not started, so none of its code runs.
		x.t.co.in = nil
		x.retExc = in
		return
	}
	f := &frame{name: fn.Name, runner: x.t.co}
	x.cur = f
	if in != nil {
		x.t.co.in = nil
		x.nativeThrow(x, in)
		x.cur = nil
		return
	}
	if x.native != nil {
		x.native(x)
		x.cur = nil
		return
	}
	fl := x.funcBody(fn)
	if fl.kind == flowExc {
		x.e.holdFrame(fl.exc, f)
	}
	x.cur = nil
	x.reapOrphans(fl.exc, fl.val) // the coroutine's locals are gone
	switch fl.kind {
	case flowExc:
		x.retExc = fl.exc
	case flowReturn:
		x.retVal = fl.val
	}
}

// newFrame takes a frame from the task's free list. Frames of functions,
// methods and library code are done when pop returns, so they are reused;
// generator frames outlive their calls and are allocated apart.
func (x *exec) newFrame(name string, hook hookKind, inst *instance, params []string, args ...Value) *frame {
	var f *frame
	if n := len(x.free); n > 0 {
		f = x.free[n-1]
		x.free = x.free[:n-1]
		*f = frame{handled: f.handled[:0]}
	} else {
		f = &frame{}
	}
	f.name, f.hook, f.inst = name, hook, inst
	if len(params) > 0 {
		// The parameters live in the frame itself: no allocation per call.
		n := copy(f.vars.inline[:], args)
		f.vars = vars{names: params[:len(params):len(params)], vals: f.vars.inline[:n:n], inline: f.vars.inline}
	}
	return f
}

// release returns a frame that has been popped to the free list.
func (x *exec) release(f *frame) {
	if f.gen == nil && len(x.free) < 64 {
		x.free = append(x.free, f)
	}
}

func (x *exec) push(f *frame) {
	f.parent = x.cur
	if f.runner == nil {
		f.runner = x.cur.runner
	}
	x.cur = f
}

// pop leaves frame f. If f was running as the resumption root of a throw,
// its caller is resumed "with an exception" (gen_send_ex with exc=1),
// which chains the exception to what the caller itself is handling.
func (x *exec) pop(f *frame, fl flow) flow {
	if fl.kind == flowExc {
		x.e.holdFrame(fl.exc, f) // its traceback keeps the frame
	}
	x.cur = f.parent
	if x.visRoot == f {
		x.visRoot = f.parent
		if fl.kind == flowExc && f.parent != nil {
			chainOwn(f.parent, fl.exc)
		}
	}
	x.release(f)
	return fl
}

// chainOwn is _PyErr_ChainStackItem: the exception is chained to the
// exception frame f itself is handling, if any.
func chainOwn(f *frame, exc *Exc) {
	if n := len(f.handled); n > 0 {
		setContext(exc, f.handled[n-1])
	}
}

// topHandled is the exception implicit chaining uses at a raise: the
// innermost one being handled among the visible frames, else the one the
// thread is handling below them (engine.threadExc).
func (x *exec) topHandled() *Exc {
	for f := x.cur; f != nil; f = f.parent {
		if n := len(f.handled); n > 0 {
			return f.handled[n-1]
		}
		if f == x.visRoot {
			break
		}
	}
	if x.thread != nil {
		return nil // a worker thread has its own exception state
	}
	return x.e.threadExc
}

// raise raises exc from the current frame, with implicit chaining.
func (x *exec) raise(exc *Exc, node int) flow {
	setContext(exc, x.topHandled())
	x.e.emit(evt{kind: ExcRaised, exc: exc, node: int32(node)})
	return excFlow(exc)
}

// raiseNew raises a new exception of class c.
func (x *exec) raiseNew(c *ExcClass, msg string, node int) flow {
	return x.raise(x.e.newExc(c, true, msg), node)
}

// awaitReq suspends the task at an await on a future (or a bare yield) and
// returns the exception thrown in on resumption, or nil.
func (x *exec) awaitReq(req suspendReq) *Exc {
	f := x.cur
	exc := f.runner.suspend(req)
	x.cur = f
	if exc != nil {
		// The exception enters at the awaited future (task_wakeup
		// chained it to the thread's own exception if it raised it);
		// the coroutines' exceptions are pushed level by level as it
		// comes up.
		chainOwn(f, exc)
		x.visRoot = f
	} else {
		x.visRoot = nil
	}
	return exc
}

func (x *exec) execBlock(stmts []*Stmt) flow {
	for _, s := range stmts {
		if fl := x.execStmt(s); fl.kind != flowNormal {
			return fl
		}
	}
	return normal
}

// step counts one statement executed (or one test of a while loop,
// whose body may be empty), failing the run past Limits.MaxSteps. Calls
// can fan out (a function calling another twenty times, twelve levels
// deep) and loops can spin without any event or loop turn.
func (x *exec) step() {
	if x.e.steps++; x.e.steps > x.e.limits.MaxSteps {
		x.tooManySteps() // out of line, so that step inlines
	}
}

// tooManySteps fails the run past Limits.MaxSteps.
func (x *exec) tooManySteps() {
	x.e.fail(fmt.Errorf("%w: more than %d statements executed (a loop that never ends, or too much work for one run)", ErrLimit, x.e.limits.MaxSteps))
}

func (x *exec) execStmt(s *Stmt) flow {
	x.node = s.id
	x.step()
	switch s.Kind {
	case SPass:
		return normal
	case SPrint:
		return x.execPrint(s)
	case SSleep:
		return x.sleep(s.Seconds, s.id)
	case SBlock:
		if x.thread != nil {
			return x.threadSleep(s)
		}
		x.e.loop.now = x.e.loop.now + s.Seconds
		x.e.emit(evt{kind: Blocked, text: fmt.Sprintf("time.sleep(%s) blocks the event loop: no other task runs", pyFloat(s.Seconds)), node: int32(s.id)})
		return normal
	case SRaise:
		c, _ := LookupExcClass(s.Raise.Type)
		exc := x.e.newExc(c, !s.Raise.NoMessage, s.Raise.Message)
		if s.Raise.HasFrom {
			// raise X from Y: Y is __cause__ (None too), and the
			// context is no longer shown.
			if s.Raise.From != "" {
				v, fl := x.lookup(s.Raise.From, s.id)
				if fl.kind == flowExc {
					return fl
				}
				cause, ok := v.(*Exc)
				if c, isClass := v.(*ExcClass); isClass {
					cause, ok = x.e.newExc(c, false, ""), true // from SomeError: it is called
				}
				if !ok && v != nil {
					return x.raiseNew(TypeErrorClass, "exception causes must derive from BaseException", s.id)
				}
				exc.Cause = cause
			}
			exc.SuppressContext = true
		}
		return x.raise(exc, s.id)
	case SReraise:
		f := x.cur
		if n := len(f.handled); n > 0 {
			exc := f.handled[n-1]
			x.e.emit(evt{kind: ExcRaised, exc: exc, node: int32(s.id), text: "re-raised"})
			return excFlow(exc)
		}
		return x.raiseNew(RuntimeErrorClass, "No active exception to reraise", s.id)
	case SReturn:
		v, fl := x.eval(s.Value, s.id)
		if fl.kind == flowExc {
			return fl
		}
		return flow{kind: flowReturn, val: v}
	case SYield:
		return x.genYield(s)
	case SWith:
		return x.execWith(s, s.Items, s.Sync)
	case STry:
		return x.execTry(s)
	case SGather:
		return x.execGather(s)
	case SCreateTask:
		return x.execCreateTask(s)
	case SAwait:
		return x.execAwaitTask(s)
	case SCancel:
		return x.execCancel(s)
	case SCall:
		fn := x.e.funcs[s.Func]
		f := x.newFrame(fn.Name, hookNone, nil, nil)
		x.push(f)
		fl := x.pop(f, x.funcBody(fn))
		x.reapOrphans(fl.exc, fl.val) // its locals are gone
		if fl.kind == flowExc {
			return fl
		}
		if s.As != "" {
			x.cur.vars.set(s.As, fl.val)
		}
		return normal
	case SAssign:
		inst, fl := x.construct(x.e.mgrs[s.Manager], s.Ext().Args, s.id)
		if fl.kind == flowExc {
			return fl
		}
		x.cur.vars.set(s.As, inst)
		return normal
	case SEnterContext:
		return x.execEnterContext(s)
	case SToThread:
		return x.execToThread(s)
	case SShield:
		return x.execShield(s)
	case SAsyncFor:
		return x.execAsyncFor(s)
	case SSetAttr:
		return x.execSetAttr(s)
	case SIf:
		return x.execIf(s)
	case SFor:
		return x.execFor(s)
	case SWhile:
		return x.execWhile(s)
	case SBreak:
		return flow{kind: flowBreak}
	case SContinue:
		return flow{kind: flowContinue}
	case SWaitFor:
		return x.execWaitFor(s)
	case SCondWait:
		return x.execCondWait(s)
	case SNotify, SNotifyAll:
		return x.execNotify(s)
	case SWait:
		return x.execWait(s)
	case SUncancel:
		return x.execUncancel(s)
	case SCurrentTask:
		return x.execCurrentTask(s)
	case SAddNote:
		return x.execAddNote(s)
	case SReschedule:
		return x.execReschedule(s)
	case SPopAll:
		return x.execPopAll(s)
	case SAclose:
		return x.execAclose(s)
	case SPushExit, SPushCallback:
		return x.execPush(s)
	case SIfException:
		v, fl := x.lookup("exc_type", s.id)
		if fl.kind == flowExc {
			return fl
		}
		if v != nil {
			return x.execBlock(s.Body)
		}
		return x.execBlock(s.Else)
	}
	x.e.fail(fmt.Errorf("internal error: unknown statement %q", s.Kind))
	return normal
}

// lookup reads a local variable of the current frame (scenario functions
// have no globals or closures to read).
func (x *exec) lookup(name string, node int) (Value, flow) {
	if v, ok := x.cur.vars.get(name); ok {
		return v, normal
	}
	if inst, ok := x.e.shared[name]; ok { // a module-level name
		return inst, normal
	}
	return nil, x.raiseNew(unboundLocalErrorClass,
		fmt.Sprintf("cannot access local variable '%s' where it is not associated with a value", name), node)
}

func (x *exec) eval(ex Expr, node int) (Value, flow) {
	switch ex.Kind {
	case EStr:
		return ex.Str, normal
	case EBool:
		return ex.Bool, normal
	case EVar:
		return x.lookup(ex.Var, node)
	case EInt:
		return ex.Int, normal
	}
	return nil, normal
}

func (x *exec) execPrint(s *Stmt) flow {
	// The line is written straight into the console output; its event
	// refers to that slice of it.
	e := x.e
	from := len(e.out)
	for _, p := range s.tmpl {
		if p.field == "" {
			e.out = append(e.out, p.lit...)
			continue
		}
		v, fl := x.lookup(p.field, s.id)
		if fl.kind == flowExc {
			e.out = e.out[:from]
			return fl
		}
		if v, fl = x.fieldValue(p, v, s.id); fl.kind == flowExc {
			e.out = e.out[:from]
			return fl
		}
		var txt string
		var ok bool
		if p.repr {
			txt, ok = reprOK(v)
		} else {
			txt, ok = strOK(v)
		}
		if !ok {
			line := lineNumbers(e.sc)[s.id]
			why := unshowableWhy(v)
			if txt == tooLongRepr {
				why = "whose text is longer than 64 KiB"
			}
			e.fail(fmt.Errorf("%w: the print on line %d shows {%s}, %s; print something else", ErrUnshowable, line, p.src, why))
		}
		e.out = append(e.out, txt...)
	}
	if len(e.out)+1 > e.limits.MaxOutput {
		e.fail(fmt.Errorf("%w: more than %d bytes of output", ErrLimit, e.limits.MaxOutput))
	}
	e.out = append(e.out, '\n')
	e.emitPrint(s.id, from, len(e.out)-1)
	return normal
}

// sleep is asyncio.sleep(d).
func (x *exec) sleep(d float64, node int) flow {
	if d <= 0 {
		if exc := x.awaitReq(suspendReq{kind: suspendBare}); exc != nil {
			return excFlow(exc)
		}
		return normal
	}
	// One allocation holds the sleep's future and its timer handle.
	st := &struct {
		fut future
		h   handle
	}{}
	fut := &st.fut
	st.h.op, st.h.fut = opSleepDone, fut
	h := x.e.loop.callAtOp(x.e.loop.now+d, &st.h)
	exc := x.awaitReq(suspendReq{kind: suspendFuture, fut: fut, wake: x.e.loop.now + d})
	x.e.loop.cancelHandle(h)
	if exc != nil {
		return excFlow(exc)
	}
	return normal
}

func (x *exec) execTry(s *Stmt) flow {
	fl := x.execBlock(s.Body)
	f := x.cur
	if fl.kind == flowExc && s.Star {
		fl = x.exceptStar(s, fl.exc)
	} else if fl.kind == flowExc {
		for _, h := range s.Handlers {
			if !handlerMatches(h, fl.exc) {
				continue
			}
			x.e.emit(evt{kind: ExcCaught, exc: fl.exc, node: int32(h.id)})
			f.handled = append(f.handled, fl.exc)
			if h.As != "" {
				f.vars.set(h.As, fl.exc)
			}
			hfl := x.execBlock(h.Body)
			f.handled = f.handled[:len(f.handled)-1]
			if h.As != "" {
				f.vars.del(h.As)
			}
			fl = hfl
			x.reapOrphans(fl.exc, fl.val) // the handled exception may be gone
			break
		}
	}
	if s.HasFinally {
		if fl.kind == flowExc {
			f.handled = append(f.handled, fl.exc)
		}
		ffl := x.execBlock(s.Finally)
		if fl.kind == flowExc {
			f.handled = f.handled[:len(f.handled)-1]
		}
		if ffl.kind != flowNormal {
			return ffl
		}
		if g := f.gen; g != nil && g.yielded && fl.kind == flowExc {
			g.teardownRan = true
		}
	}
	return fl
}

func handlerMatches(h *Handler, exc *Exc) bool {
	if len(h.Types) == 0 {
		return true
	}
	for _, name := range h.Types {
		if c, ok := LookupExcClass(name); ok && catchesClass(c, exc.Class) {
			return true
		}
	}
	return false
}
