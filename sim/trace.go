package sim

import (
	"fmt"
	"slices"
)

// EventKind names what happened at one step of a run. It marshals to
// its name, e.g. "aenter.started".
type EventKind uint8

// The events a trace holds. Hook events (aenter.*, aexit.*) carry the
// manager instance; task events carry the task.
const (
	_ EventKind = iota
	TaskCreated
	TaskStarted
	TaskSuspended
	TaskResumed
	TaskFinished  // returned a value
	TaskFailed    // ended with an exception
	TaskCancelled // ended cancelled
	CancelRequest // t.cancel() was called
	ManagerCreated
	AenterStarted
	AenterSuspend
	AenterResumed
	AenterReturned
	AenterRaised
	ProtocolError // lookup of __aenter__/__aexit__ failed
	TargetBound
	BodyStarted // Text: the decorated function, for a decorator's implicit with
	BodyEnded
	AexitCalled
	AexitSuspend
	AexitResumed
	AexitReturned
	AexitRaised
	GenYielded
	GenResumed // after its yield, for teardown
	GenThrown  // the body's exception is thrown in at the yield
	GenFinished
	ExcRaised
	ExcCaught
	ExcSuppressed
	ExcPropagated
	ExcReplaced
	Printed
	Blocked // time.sleep stalled the whole loop
	TimeoutFired
	Note // an explanation worth showing (e.g. unspecified order)
	// TaskReady: the task's next step joined the ready queue (its timer
	// fired, what it awaited completed, or it yielded with sleep(0)).
	// Creating a task queues its first step too, shown as task.created.
	TaskReady
	// ThreadStarted: a task handed a plain function to a worker thread
	// (asyncio.to_thread, loop.run_in_executor); Text labels the call.
	ThreadStarted
	// ThreadSlept: the worker thread called time.sleep, which blocks only
	// it; Wake is when it wakes.
	ThreadSlept
	// ThreadWoke: the worker thread's sleep ended; it runs on.
	ThreadWoke
	// ThreadFinished: the function returned (Args is the value's repr)
	// or raised Exc; the loop gets the outcome next.
	ThreadFinished
	// InitStarted: a manager class's __init__ runs its Init body: the
	// object exists (self), it is no manager yet. manager.created
	// follows when __init__ returns, manager.init-raised when it raises.
	InitStarted
	// InitRaised: a manager class's __init__ raised, so the with item's
	// expression failed and no manager exists (manager.created is only
	// for an object that was made). The event names the object that
	// was being made; __aenter__ is never looked up, __aexit__ never runs.
	InitRaised
)

var eventKindNames = [...]string{
	TaskCreated:    "task.created",
	TaskStarted:    "task.started",
	TaskSuspended:  "task.suspended",
	TaskResumed:    "task.resumed",
	TaskFinished:   "task.finished",
	TaskFailed:     "task.failed",
	TaskCancelled:  "task.cancelled",
	CancelRequest:  "task.cancel",
	ManagerCreated: "manager.created",
	AenterStarted:  "aenter.started",
	AenterSuspend:  "aenter.suspended",
	AenterResumed:  "aenter.resumed",
	AenterReturned: "aenter.returned",
	AenterRaised:   "aenter.raised",
	ProtocolError:  "manager.protocol-error",
	TargetBound:    "target.bound",
	BodyStarted:    "body.started",
	BodyEnded:      "body.ended",
	AexitCalled:    "aexit.called",
	AexitSuspend:   "aexit.suspended",
	AexitResumed:   "aexit.resumed",
	AexitReturned:  "aexit.returned",
	AexitRaised:    "aexit.raised",
	GenYielded:     "generator.yielded",
	GenResumed:     "generator.resumed",
	GenThrown:      "generator.thrown",
	GenFinished:    "generator.finished",
	ExcRaised:      "exception.raised",
	ExcCaught:      "exception.caught",
	ExcSuppressed:  "exception.suppressed",
	ExcPropagated:  "exception.propagated",
	ExcReplaced:    "exception.replaced",
	Printed:        "print",
	Blocked:        "loop.blocked",
	TimeoutFired:   "timeout.expired",
	Note:           "note",
	TaskReady:      "task.ready",
	ThreadStarted:  "thread.started",
	ThreadSlept:    "thread.sleeping",
	ThreadWoke:     "thread.resumed",
	ThreadFinished: "thread.finished",
	InitStarted:    "manager.init",
	InitRaised:     "manager.init-raised",
}

// String is the event's name.
func (k EventKind) String() string {
	if int(k) < len(eventKindNames) {
		return eventKindNames[k]
	}
	return "unknown"
}

// MarshalText writes the name.
func (k EventKind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// UnmarshalText reads a name.
func (k *EventKind) UnmarshalText(b []byte) error {
	for i, n := range eventKindNames {
		if n == string(b) && i > 0 {
			*k = EventKind(i)
			return nil
		}
	}
	return fmt.Errorf("unknown event kind %q", b)
}

// Event is one step of a run. Time is virtual seconds.
type Event struct {
	Seq  int       `json:"seq"`
	Time float64   `json:"time"`
	Kind EventKind `json:"kind"`
	// Task is the name of the task the event happened in ("" for loop-level events).
	Task string `json:"task,omitempty"`
	// Manager is the instance label ("Connection", "Connection#2").
	Manager string `json:"manager,omitempty"`
	// Line is the line of the rendered Python program (see Render).
	Line int `json:"line,omitempty"`
	// Text is the printed line, the bound value's repr, the returned value...
	Text string `json:"text,omitempty"`
	// Exc is the exception involved, with its chain.
	Exc *ExcInfo `json:"exc,omitempty"`
	// Args is what __aexit__ received, as Python would print it, or
	// the repr of what a worker thread's function returned.
	Args string `json:"args,omitempty"`
	// Wake is when a task that suspended on asyncio.sleep wakes up
	// (task.suspended; 0 when it waits for something else), or when a
	// worker thread's time.sleep ends (thread.sleeping), or a rescheduled
	// timeout's new deadline (a note).
	Wake float64 `json:"wake,omitempty"`
}

// ExcInfo is an exception as data: type, message and chain.
type ExcInfo struct {
	Type    string   `json:"type"`
	Message string   `json:"message,omitempty"`
	Repr    string   `json:"repr"`
	Context *ExcInfo `json:"context,omitempty"`
	Cause   *ExcInfo `json:"cause,omitempty"`
	// CauseIsContext: __cause__ is the very object __context__ is (as after
	// "raise X from exc" inside "except ... as exc"); Cause is then nil, so
	// that long chains stay linear rather than doubling at every level.
	CauseIsContext  bool       `json:"causeIsContext,omitempty"`
	SuppressContext bool       `json:"suppressContext,omitempty"`
	Exceptions      []*ExcInfo `json:"exceptions,omitempty"`
	// Notes are its __notes__, what add_note gave it: a traceback shows
	// them under the exception's line; its repr does not.
	Notes []string `json:"notes,omitempty"`
}

// Info snapshots an exception and its chain. The same exception can sit in
// a chain more than once (a TaskGroup's body error is both the group's
// context and one of its members), so a chain can double at every level:
// the snapshot stops at 20 levels and at maxInfoNodes exceptions.
func (e *Exc) Info() *ExcInfo {
	budget := maxInfoNodes
	return excInfo(e, 0, &budget)
}

const maxInfoNodes = 200

func excInfo(e *Exc, depth int, budget *int) *ExcInfo {
	if e == nil || depth > 20 || *budget <= 0 {
		return nil
	}
	*budget--
	in := &ExcInfo{Type: e.Class.Name, Message: e.Str(), Repr: e.Repr(), SuppressContext: e.SuppressContext, Notes: slices.Clone(e.Notes)}
	in.Context = excInfo(e.Context, depth+1, budget)
	if e.Cause != nil && e.Cause == e.Context {
		in.CauseIsContext = true
	} else {
		in.Cause = excInfo(e.Cause, depth+1, budget)
	}
	for _, s := range e.Group {
		in.Exceptions = append(in.Exceptions, excInfo(s, depth+1, budget))
	}
	return in
}

// TaskOutcome is how one task ended.
type TaskOutcome struct {
	// Name labels the task ("worker#2" when several run worker).
	Name string `json:"name"`
	// Function is the coroutine function the task runs.
	Function string `json:"function"`
	// State is "result", "exception", "cancelled" or "pending".
	State  string   `json:"state"`
	Result string   `json:"result,omitempty"` // repr of the returned value
	Exc    *ExcInfo `json:"exception,omitempty"`
}

// LedgerEntry is what happened to one manager instance's resource.
type LedgerEntry struct {
	// Manager is the definition's name; Instance numbers its instances
	// (1-based) when it has several, and is 0 when it has one.
	Manager  string `json:"manager"`
	Instance int    `json:"instance,omitempty"`
	Acquired bool   `json:"acquired"`
	Released bool   `json:"released"`
	Leaked   bool   `json:"leaked"`
	// AcquiredAt and ReleasedAt are event sequence numbers (0: never).
	AcquiredAt int `json:"acquiredAt,omitempty"`
	ReleasedAt int `json:"releasedAt,omitempty"`
}

// Result is everything one run produced.
type Result struct {
	// Trace is the ordered list of events the screen steps through (it
	// must stay the first field: WriteJSON streams it first).
	Trace  *Trace        `json:"events"`
	Stdout string        `json:"stdout"`
	Tasks  []TaskOutcome `json:"tasks"`
	Ledger []LedgerEntry `json:"ledger"`
	// Python is the CPython version the run followed ("3.13").
	Python string `json:"python"`
	// Uncaught is what asyncio.run(main()) raised, if anything.
	Uncaught *ExcInfo `json:"uncaught,omitempty"`
	// Time is the virtual clock when the program ended.
	Time float64 `json:"time"`
	// Unordered is set when CPython's own order is unspecified at some point
	// (asyncio cancels several leftover tasks, or a TaskGroup several
	// siblings, by iterating a set); the engine then uses creation order.
	Unordered bool `json:"unordered,omitempty"`
}

// Label names the instance as the trace does: "Conn" or "Conn#2".
func (l LedgerEntry) Label() string {
	if l.Instance == 0 {
		return l.Manager
	}
	return fmt.Sprintf("%s#%d", l.Manager, l.Instance)
}
