package sim

// This file ports asyncio.timeout (asyncio/timeouts.py, class Timeout),
// following CPython 3.11.7's source line for line where the order of
// effects is visible.

// timeoutKind is the with item {"timeout": d}: asyncio.timeout(d).
var timeoutKind = libKind{
	field: "timeout",
	label: "timeout",
	in:    func(it *WithItem) bool { return it.Timeout != nil || it.NoDeadline },
	decode: func(d *decoder, path string, v any, it *WithItem) {
		if v == nil {
			it.NoDeadline = true // timeout(None)
			return
		}
		f := d.number(path, v)
		it.Timeout = &f
	},
	encode: func(it *WithItem) any {
		if it.NoDeadline {
			return nil
		}
		return *it.Timeout
	},
	validate: func(v *validator, path string, it *WithItem) {
		if !it.NoDeadline {
			v.duration(path, *it.Timeout)
		}
	},
	source: func(it *WithItem) string {
		if it.NoDeadline {
			return "asyncio.timeout(None)"
		}
		return "asyncio.timeout(" + pyFloat(*it.Timeout) + ")"
	},
	create: func(x *exec, it *WithItem) contextManager {
		if it.NoDeadline {
			return &timeoutCM{never: true}
		}
		// timeout(delay) turns the delay into a deadline when it is called.
		return &timeoutCM{when: x.e.loop.now + *it.Timeout}
	},
}

// tmState is Timeout's _State.
type tmState uint8

const (
	tmCreated tmState = iota
	tmEntered
	tmExpiring
	tmExpired
	tmExited
)

// timeoutCM is an asyncio.Timeout object.
type timeoutCM struct {
	state      tmState
	when       float64
	handler    *handle
	task       *task
	cancelling int
	// never: timeout(None), whose deadline is None: it never expires.
	never bool
}

func (tm *timeoutCM) typeName() string { return "Timeout" }

// tmStateValues are _State's values, which Timeout.__repr__ shows.
var tmStateValues = [...]string{tmCreated: "created", tmEntered: "active", tmExpiring: "expiring", tmExpired: "expired", tmExited: "finished"}

// pyRepr is Timeout.__repr__. While the timeout is active it shows its
// deadline, a reading of the loop's clock (time.monotonic(), different on
// every run), which no trace can reproduce: has is then false.
func (tm *timeoutCM) pyRepr() (string, bool) {
	if tm.state == tmEntered {
		if tm.never {
			return "<Timeout [active] when=None>", true
		}
		return "<Timeout [active] when=…>", false
	}
	return "<Timeout [" + tmStateValues[tm.state] + "]>", true
}

// unshowable says why a print cannot show an active timeout.
func (tm *timeoutCM) unshowable() string {
	return "whose text holds its deadline, a reading of the event loop's clock that differs on every run (print it before or after the async with)"
}

// aenter is Timeout.__aenter__, which ends with reschedule(self._when).
func (tm *timeoutCM) aenter(x *exec, inst *instance, node int) (Value, flow) {
	if tm.state != tmCreated {
		return nil, x.raiseNew(RuntimeErrorClass, "Timeout has already been entered", node)
	}
	tm.state = tmEntered
	tm.task = x.t
	tm.cancelling = x.t.numCancels
	tm.schedule(x.e, inst)
	return inst, normal
}

// schedule is the end of Timeout.reschedule, once the state allows it:
// the old handler is cancelled, and a deadline that has passed already
// fires at the loop's next turn (call_soon), a later one at its time
// (call_at); None has no handler.
func (tm *timeoutCM) schedule(e *engine, inst *instance) {
	if tm.handler != nil {
		e.loop.cancelHandle(tm.handler)
		tm.handler = nil
	}
	if tm.never {
		return
	}
	onTimeout := func() { // _on_timeout
		e.emit(evt{kind: TimeoutFired, inst: inst, task: tm.task,
			text: "the deadline passed: the task is cancelled"})
		e.taskCancel(tm.task, nil)
		tm.state = tmExpiring
		tm.handler = nil
	}
	if tm.when <= e.loop.now {
		tm.handler = e.loop.callSoon(onTimeout)
	} else {
		tm.handler = e.loop.callAt(tm.when, onTimeout)
	}
}

// aexit is Timeout.__aexit__: a cancellation it caused itself becomes
// TimeoutError, with the CancelledError as its __cause__.
func (tm *timeoutCM) aexit(x *exec, inst *instance, exc *Exc, node int) (Value, flow) {
	if tm.handler != nil {
		x.e.loop.cancelHandle(tm.handler)
		tm.handler = nil
	}
	switch tm.state {
	case tmExpiring:
		tm.state = tmExpired
		if x.e.taskUncancel(tm.task) <= tm.cancelling && exc != nil {
			if exc.Class.IsSubclass(CancelledErrorClass) {
				te := x.e.newExc(TimeoutErrorClass, false, "")
				te.Cause = exc
				te.SuppressContext = true
				f := x.newFrame("__aexit__", hookAexit, inst, nil)
				x.push(f)
				return nil, x.pop(f, x.raise(te, node))
			}
			if x.e.py.atLeast(13) {
				// The cancellation was replaced by another exception:
				// 3.13 still says it timed out, in the chain.
				insertTimeoutError(x.e, exc)
				if exc.Class.IsSubclass(ExceptionGroupClass) {
					for _, sub := range exc.Group {
						insertTimeoutError(x.e, sub)
					}
				}
			}
		}
	case tmEntered:
		tm.state = tmExited
	}
	return nil, normal
}

// insertTimeoutError is Timeout._insert_timeout_error (3.13): in exc's
// __context__ chain, a TimeoutError goes in front of the first
// CancelledError, with it as both __context__ and __cause__.
func insertTimeoutError(e *engine, exc *Exc) {
	for ; exc.Context != nil; exc = exc.Context {
		if exc.Context.Class.IsSubclass(CancelledErrorClass) {
			te := e.newExc(TimeoutErrorClass, false, "")
			te.Context, te.Cause = exc.Context, exc.Context
			te.SuppressContext = true // setting __cause__ sets it
			exc.Context = te
			return
		}
	}
}
