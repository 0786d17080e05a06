package sim

// EventKind names what happened at one step of a run.
type EventKind string

// The events a trace holds. Hook events (aenter.*, aexit.*) carry the
// manager instance; task events carry the task.
const (
	TaskCreated   EventKind = "task.created"
	TaskStarted   EventKind = "task.started"
	TaskSuspended EventKind = "task.suspended"
	TaskResumed   EventKind = "task.resumed"
	TaskFinished  EventKind = "task.finished"  // returned a value
	TaskFailed    EventKind = "task.failed"    // ended with an exception
	TaskCancelled EventKind = "task.cancelled" // ended cancelled
	CancelRequest EventKind = "task.cancel"    // t.cancel() was called

	ManagerCreated EventKind = "manager.created"
	AenterStarted  EventKind = "aenter.started"
	AenterSuspend  EventKind = "aenter.suspended"
	AenterResumed  EventKind = "aenter.resumed"
	AenterReturned EventKind = "aenter.returned"
	AenterRaised   EventKind = "aenter.raised"
	ProtocolError  EventKind = "manager.protocol-error" // lookup of __aenter__/__aexit__ failed
	TargetBound    EventKind = "target.bound"
	BodyStarted    EventKind = "body.started"
	BodyEnded      EventKind = "body.ended"
	AexitCalled    EventKind = "aexit.called"
	AexitSuspend   EventKind = "aexit.suspended"
	AexitResumed   EventKind = "aexit.resumed"
	AexitReturned  EventKind = "aexit.returned"
	AexitRaised    EventKind = "aexit.raised"
	GenYielded     EventKind = "generator.yielded"
	GenFinished    EventKind = "generator.finished"

	ExcRaised     EventKind = "exception.raised"
	ExcCaught     EventKind = "exception.caught"
	ExcSuppressed EventKind = "exception.suppressed"
	ExcPropagated EventKind = "exception.propagated"
	ExcReplaced   EventKind = "exception.replaced"

	Printed      EventKind = "print"
	Blocked      EventKind = "loop.blocked" // time.sleep stalled the whole loop
	TimeoutFired EventKind = "timeout.expired"
	Note         EventKind = "note" // an explanation worth showing (e.g. unspecified order)
)

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
	// Args is what __aexit__ received, as Python would print it.
	Args string `json:"args,omitempty"`

	node    int
	task    *task
	inst    *instance
	excLive *Exc
}

// ExcInfo is an exception as data: type, message and chain.
type ExcInfo struct {
	Type            string     `json:"type"`
	Message         string     `json:"message,omitempty"`
	Repr            string     `json:"repr"`
	Context         *ExcInfo   `json:"context,omitempty"`
	Cause           *ExcInfo   `json:"cause,omitempty"`
	SuppressContext bool       `json:"suppressContext,omitempty"`
	Exceptions      []*ExcInfo `json:"exceptions,omitempty"`
}

// Info snapshots an exception and its chain (depth-limited).
func (e *Exc) Info() *ExcInfo { return excInfo(e, 0) }

func excInfo(e *Exc, depth int) *ExcInfo {
	if e == nil || depth > 20 {
		return nil
	}
	in := &ExcInfo{Type: e.Class.Name, Message: e.Str(), Repr: e.Repr(),
		Context: excInfo(e.Context, depth+1), Cause: excInfo(e.Cause, depth+1),
		SuppressContext: e.SuppressContext}
	for _, s := range e.Group {
		in.Exceptions = append(in.Exceptions, excInfo(s, depth+1))
	}
	return in
}

// TaskOutcome is how one task ended.
type TaskOutcome struct {
	Name string `json:"name"`
	// State is "result", "exception", "cancelled" or "pending".
	State  string   `json:"state"`
	Result string   `json:"result,omitempty"` // repr of the returned value
	Exc    *ExcInfo `json:"exception,omitempty"`
}

// LedgerEntry is what happened to one manager instance's resource.
type LedgerEntry struct {
	Manager  string `json:"manager"`
	Acquired bool   `json:"acquired"`
	Released bool   `json:"released"`
	Leaked   bool   `json:"leaked"`
	// AcquiredAt and ReleasedAt are event sequence numbers (0: never).
	AcquiredAt int `json:"acquiredAt,omitempty"`
	ReleasedAt int `json:"releasedAt,omitempty"`
}

// Result is everything one run produced.
type Result struct {
	Events []Event       `json:"events"`
	Stdout string        `json:"stdout"`
	Tasks  []TaskOutcome `json:"tasks"`
	Ledger []LedgerEntry `json:"ledger"`
	// Uncaught is what asyncio.run(main()) raised, if anything.
	Uncaught *ExcInfo `json:"uncaught,omitempty"`
	// Time is the virtual clock when the program ended.
	Time float64 `json:"time"`
	// Unordered is set when CPython's own order is unspecified at some point
	// (asyncio cancels several leftover tasks, or a TaskGroup several
	// siblings, by iterating a set); the engine then uses creation order.
	Unordered bool `json:"unordered,omitempty"`
}
