package replay

import "asyncwithlab/sim"

// Snapshot is the world after a number of events have happened. The screen
// draws one (or tweens between two); it never changes one it was given,
// because Replay may hand the same snapshot out again.
type Snapshot struct {
	// Index is the event that happened last (-1: before the first).
	Index int
	// Event is that event (the zero Event before the first).
	Event sim.Event
	// Time is the virtual clock, in seconds.
	Time float64
	// Line is the line of the rendered Python program to highlight: the
	// event's own, or the last one seen when the event has none (a task
	// ending has no line of its own).
	Line int
	// Lanes has one lane per task created so far, in creation order, so
	// main comes first and lanes never move.
	Lanes []Lane
	// Tokens are the exceptions in flight, at most one per lane, in lane
	// order (tasks raise independently, so several can be in flight).
	Tokens []Token
	// Loop is the event loop's side of the picture.
	Loop Loop
	// Output is how many lines of Replay.Lines() have been printed, so the
	// console shows Lines()[:Output] without copying anything.
	Output int
	// Resources sums up the ledger at this step.
	Resources Resources
}

// Lane is one task and the managers it is inside.
type Lane struct {
	Task  string
	State TaskState
	// Wake is when a sleeping task's timer fires. It is kept after the
	// timer fired (until the task suspends again) so that a caption can
	// say why the task became ready.
	Wake float64
	// Waits is what a waiting task awaits: a task's name, "gather", a
	// shared lock's or semaphore's name (WaitsLock), or "" when the trace
	// does not say; kept like Wake.
	Waits string
	// WaitsLock: Waits names a lock or semaphore the task queues for.
	WaitsLock bool
	// WaitsThread: Waits names the call ("f()") a worker thread runs for
	// the task (asyncio.to_thread, loop.run_in_executor).
	WaitsThread bool
	// WaitsCondition: Waits names a condition whose notify the task
	// awaits in wait().
	WaitsCondition bool
	// WaitsSet: the task is in asyncio.wait, and Waits is its
	// return_when (FIRST_COMPLETED...); SetTimed: it has a timeout, which
	// ends the wait at SetDeadline.
	WaitsSet, SetTimed bool
	SetDeadline        float64
	// Yielded: the task's last suspension was asyncio.sleep(0).
	Yielded bool
	// CancelRequested: cancel() was called and the CancelledError has not
	// been thrown in yet (it is, when the task next resumes).
	CancelRequested bool
	// Outcome is the repr of what a finished task returned.
	Outcome string
	// Exc is what a failed or cancelled task ended with.
	Exc *sim.ExcInfo
	// Frames are the managers the task is inside, outermost first.
	Frames []Frame
}

// Frame is one manager on a task's stack.
type Frame struct {
	// Manager is the instance label, as sim.Event.Manager gives it.
	Manager string
	Phase   Phase
	// Suspended: __aenter__ or __aexit__ is awaiting something.
	Suspended bool
	// Resource is the state of what the manager holds, from the ledger.
	Resource Resource
	// Value is the repr of what __aenter__ returned.
	Value string
	// Target is the binding made from it ("conn = 'c1'"), if any.
	Target string
	// Sync: entered with a plain with (__enter__/__exit__).
	Sync bool
	// Args is what __aexit__ received, as Python prints it; Received is
	// the exception among them (nil for None, None, None).
	Args     string
	Received *sim.ExcInfo
	// Returned is the repr of what __aexit__ returned ("" until it has).
	Returned string
	// Raised is what __aenter__ or __aexit__ raised.
	Raised *sim.ExcInfo
	// NoAexit: __init__ or __aenter__ raised, or the protocol lookup
	// failed, so this manager's __aexit__ is never called. The frame
	// stays visible for the step that says so, then leaves the stack.
	NoAexit bool

	ledger int // index into Result.Ledger, -1 for managers without a resource
}

// Token is an exception in flight: where it is and what just happened to it.
type Token struct {
	// Lane is the index in Snapshot.Lanes of the task it is in.
	Lane int
	Task string
	// Level is the index in the lane's Frames it sits at; -1 is the task's
	// own code, outside every manager.
	Level int
	// Manager is the manager it last met ("" when none).
	Manager string
	Exc     *sim.ExcInfo
	Move    Move
	// Old is the exception a MoveReplaced replaced (it is Exc's context).
	Old *sim.ExcInfo
	// At is the index of the event that moved it last; the token moved
	// at this very step when At equals Snapshot.Index.
	At int

	final bool // suppressed, caught or ended: gone after this step
}

// Loop is what the event loop holds at one step.
type Loop struct {
	Time float64
	// Running is the task whose code runs now ("" when the loop is between
	// steps, choosing what to run next).
	Running string
	// Ready is the ready queue, first to run first (FIFO).
	Ready []string
	// Sleeping are the tasks on timers, first to wake first.
	Sleeping []Sleeper
	// Waiting are the tasks waiting for another task, a gather, a group...
	// in the order they suspended.
	Waiting []string
	// Blocked: this step is a blocking call (time.sleep) that froze the
	// whole loop for BlockedFor seconds.
	Blocked    bool
	BlockedFor float64
	// Threads are the calls running in worker threads, in the order they
	// were handed out: off the loop, they go on while tasks run.
	Threads []Thread
}

// Thread is a call running in a worker thread.
type Thread struct {
	// Label is the call and its thread: "fetch() in thread 1".
	Label string
	// Wake is when its time.sleep ends, 0 while it runs.
	Wake float64
}

// Sleeper is a task on a timer.
type Sleeper struct {
	Task string
	Wake float64
}

// Resources sums up the ledger at one step.
type Resources struct {
	// Open counts resources acquired and not yet released (leaks excluded).
	Open int
	// Leaked lists the instances whose manager is done with them while
	// they were never released, in ledger order.
	Leaked []string
}

// Lane returns the lane of the named task, or nil.
func (s *Snapshot) Lane(task string) *Lane {
	for i := range s.Lanes {
		if s.Lanes[i].Task == task {
			return &s.Lanes[i]
		}
	}
	return nil
}

// Token returns the exception in flight in the event's own lane, or the
// only one in flight, or nil: the one the screen highlights.
func (s *Snapshot) Token() *Token {
	for i := range s.Tokens {
		if s.Tokens[i].Task == s.Event.Task && s.Event.Task != "" {
			return &s.Tokens[i]
		}
	}
	if len(s.Tokens) == 1 {
		return &s.Tokens[0]
	}
	return nil
}

// Frame returns the frame of the named manager instance in this lane, or nil.
func (l *Lane) Frame(manager string) *Frame {
	for i := len(l.Frames) - 1; i >= 0; i-- {
		if l.Frames[i].Manager == manager {
			return &l.Frames[i]
		}
	}
	return nil
}
