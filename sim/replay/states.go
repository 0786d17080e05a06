package replay

// TaskState is where a task stands with the event loop.
type TaskState uint8

// The states a lane shows.
const (
	// TaskNotStarted: created, its first step waits in the ready queue.
	TaskNotStarted TaskState = iota
	// TaskReady: its next step waits in the ready queue.
	TaskReady
	// TaskRunning: its code runs now (only one task at a time).
	TaskRunning
	// TaskSleeping: on a timer until Lane.Wake.
	TaskSleeping
	// TaskWaiting: waiting for Lane.Waits (a task, a gather, a group).
	TaskWaiting
	// TaskDone: returned Lane.Outcome.
	TaskDone
	// TaskFailed: ended with the exception Lane.Exc.
	TaskFailed
	// TaskCancelled: ended cancelled.
	TaskCancelled
)

var taskStateNames = [...]string{"not started", "ready", "running", "sleeping", "waiting", "done", "failed", "cancelled"}

// String names the state in English, for logs and test messages.
func (s TaskState) String() string { return name(taskStateNames[:], int(s)) }

// Ended reports whether the task is over.
func (s TaskState) Ended() bool { return s >= TaskDone }

// Phase is where a manager is in the async with statement.
type Phase uint8

// The phases of a frame.
const (
	// PhaseCreated: the manager object exists; __aenter__ has not started.
	PhaseCreated Phase = iota
	// PhaseEntering: __aenter__ runs.
	PhaseEntering
	// PhaseBody: __aenter__ returned; the block (or a manager nested in
	// it) runs.
	PhaseBody
	// PhaseExiting: __aexit__ runs.
	PhaseExiting
	// PhaseExited: __aexit__ returned or raised; the frame leaves the
	// stack after this step.
	PhaseExited
	// PhaseFailed: __init__ or __aenter__ raised, or the manager does not
	// support the protocol, so __aexit__ is never called; the frame
	// leaves the stack after this step.
	PhaseFailed
	// PhaseInit: the class's __init__ runs; the object is no manager yet
	// (PhaseCreated once it returns, PhaseFailed if it raises).
	PhaseInit
)

var phaseNames = [...]string{"created", "entering", "in body", "exiting", "exited", "failed", "initializing"}

// String names the phase in English.
func (p Phase) String() string { return name(phaseNames[:], int(p)) }

// Resource is the state of what a manager holds, as the ledger tells it.
type Resource uint8

// The states of a resource.
const (
	// ResNone: the manager holds no resource the ledger tracks
	// (asyncio.timeout, TaskGroup, AsyncExitStack).
	ResNone Resource = iota
	// ResClosed: not acquired (yet, or ever: __aenter__ failed).
	ResClosed
	// ResOpening: __aenter__ runs and has not acquired it yet.
	ResOpening
	// ResOpen: acquired.
	ResOpen
	// ResClosing: __aexit__ runs and has not released it yet.
	ResClosing
	// ResReleased: released: closed again.
	ResReleased
	// ResLeaked: the manager is done and the resource was never released.
	ResLeaked
)

var resourceNames = [...]string{"none", "closed", "opening", "open", "closing", "released", "leaked"}

// String names the resource state in English.
func (r Resource) String() string { return name(resourceNames[:], int(r)) }

// Move is what just happened to an exception in flight.
type Move uint8

// The moves of a token.
const (
	// MoveRaised: raised by code (in the body, __aenter__ or __aexit__).
	MoveRaised Move = iota
	// MoveCarried: still in flight (the body ended with it, a generator
	// let it out).
	MoveCarried
	// MoveReceived: passed to Token.Manager's __aexit__.
	MoveReceived
	// MoveThrown: thrown into a generator manager at its yield.
	MoveThrown
	// MoveSuppressed: Token.Manager's __aexit__ returned a true value.
	MoveSuppressed
	// MovePropagated: Token.Manager did not suppress it; it goes on outward.
	MovePropagated
	// MoveReplaced: __aexit__ raised Exc instead of Old (Old is Exc's
	// __context__).
	MoveReplaced
	// MoveCaught: an except clause caught it.
	MoveCaught
	// MoveEnded: the task ended with it.
	MoveEnded
)

var moveNames = [...]string{"raised", "carried", "received", "thrown", "suppressed", "propagated", "replaced", "caught", "ended"}

// String names the move in English.
func (m Move) String() string { return name(moveNames[:], int(m)) }

func name(names []string, i int) string {
	if i < len(names) {
		return names[i]
	}
	return "unknown"
}
