package edit

import "asyncwithlab/sim"

// Design is what the editor's form holds: the tasks main runs and, for
// each, its stack of managers, its body and the faults injected at each
// hook. It is plain data with stable JSON names because share links carry
// it (see Encode and DecodeDesign).
type Design struct {
	Runner Runner       `json:"runner"`
	Tasks  []TaskDesign `json:"tasks"`
	// Places is n in the shared asyncio.Semaphore(n) that managers of
	// KindSemaphore enter: how many tasks may be inside it at once. It
	// belongs to the design, not to a manager, because every task shares
	// the one semaphore. 0 stands for DefaultPlaces (see SemaphoreValue).
	Places int `json:"places,omitempty"`
}

// TaskDesign is one task: the coroutine main starts, which enters its
// managers (outermost first), runs the body, and leaves them.
type TaskDesign struct {
	Managers []ManagerDesign `json:"managers,omitempty"`
	// BodySleep is the body's await asyncio.sleep (0: the body never awaits).
	BodySleep float64 `json:"bodySleep,omitempty"`
	// Body is the fault injected in the body: a raise comes after the
	// sleep; a cancellation or time-out lands during it.
	Body Fault `json:"body,omitzero"`
}

// ManagerDesign is one manager of a task's stack.
type ManagerDesign struct {
	Kind ManagerKind `json:"kind"`
	// EnterSleep and ExitSleep are the awaited sleeps in __aenter__ and
	// __aexit__ (0: none, so that hook never suspends).
	EnterSleep float64 `json:"enterSleep,omitempty"`
	ExitSleep  float64 `json:"exitSleep,omitempty"`
	// Blocking makes __aenter__ call time.sleep(EnterSleep) instead of
	// awaiting: the whole event loop, every task, stalls meanwhile.
	Blocking bool `json:"blocking,omitempty"`
	// Threaded makes __aenter__ run that time.sleep(EnterSleep) in a
	// worker thread, awaiting asyncio.to_thread: only the thread blocks,
	// the loop goes on (the fix for Blocking).
	Threaded bool `json:"threaded,omitempty"`
	// Finally (generators only) puts the teardown after the yield in a
	// finally block; without it, teardown is skipped when the body raises.
	Finally bool `json:"finally,omitempty"`
	// Timeout is d in asyncio.timeout(d) (KindTimeout only).
	Timeout float64 `json:"timeout,omitempty"`
	// EnterStart and EnterEnd are the faults before and after the sleep in
	// __aenter__; Exit is the fault in __aexit__ (a raise after its sleep,
	// a cancellation or time-out during it, or "returns True").
	EnterStart Fault `json:"enterStart,omitzero"`
	EnterEnd   Fault `json:"enterEnd,omitzero"`
	Exit       Fault `json:"exit,omitzero"`
}

// Fault is what happens at a hook point. Type is the exception class of a
// raise (one of ExcTypes; empty means ValueError) and is unused otherwise.
type Fault struct {
	Kind FaultKind `json:"kind"`
	Type string    `json:"type,omitempty"`
}

// Runner says how main runs the tasks.
type Runner string

const (
	// RunGather creates every task and awaits
	// asyncio.gather(..., return_exceptions=True): a failing task does not
	// disturb the others, and main prints every outcome.
	RunGather Runner = "gather"
	// RunTaskGroup creates the tasks in an asyncio.TaskGroup: the first
	// failure cancels the siblings and main catches an ExceptionGroup.
	RunTaskGroup Runner = "taskgroup"
)

// Runners lists the runner choices in the order the form cycles them.
var Runners = []Runner{RunGather, RunTaskGroup}

// ManagerKind says how one manager is written and entered.
type ManagerKind string

const (
	// KindClass is a class with async __aenter__ and __aexit__.
	KindClass ManagerKind = "class"
	// KindGenerator is an @asynccontextmanager generator function.
	KindGenerator ManagerKind = "generator"
	// KindStack is a class entered with
	// await stack.enter_async_context(...) on an AsyncExitStack.
	KindStack ManagerKind = "stack"
	// KindTimeout is asyncio.timeout(Timeout), a manager of the library.
	KindTimeout ManagerKind = "timeout"
	// KindLock is "async with lock:" on the one asyncio.Lock every task
	// of the program shares: a task finds it taken and queues for it.
	KindLock ManagerKind = "lock"
	// KindSemaphore is "async with semaphore:" on the one
	// asyncio.Semaphore(Design.Places) every task of the program shares:
	// up to Places tasks are inside at once, the others queue.
	KindSemaphore ManagerKind = "semaphore"
)

// ManagerKinds lists the manager kinds in the order the form cycles them.
var ManagerKinds = []ManagerKind{KindClass, KindGenerator, KindStack, KindTimeout, KindLock, KindSemaphore}

// LockName is the shared lock's name in the program the editor builds.
const LockName = "shared_lock"

// SemaphoreName is the shared semaphore's name in the program the editor
// builds.
const SemaphoreName = "shared_semaphore"

// DefaultPlaces is the shared semaphore's number of places until the
// learner changes it: 2, so that a third task visibly queues, which a
// semaphore of 1 (a lock) would not set apart.
const DefaultPlaces = 2

// MaxPlaces bounds the shared semaphore's places: the engine's bound.
const MaxPlaces = sim.MaxSemaphoreValue

// SemaphoreValue is the number of places of the shared semaphore:
// Places, or DefaultPlaces when it is 0.
func (d Design) SemaphoreValue() int {
	if d.Places == 0 {
		return DefaultPlaces
	}
	return d.Places
}

// library says whether the kind is a manager of the library, with no code
// of its own (no sleeps, faults or finally to choose).
func (k ManagerKind) library() bool { return k == KindTimeout || k.shared() }

// shared says whether the kind enters an object every task shares (the
// lock, the semaphore): a task may have to wait there for another.
func (k ManagerKind) shared() bool { return k == KindLock || k == KindSemaphore }

// HasCode says whether a manager of the kind is written in the program,
// with sleeps and faults to choose; the library's managers are not.
func (k ManagerKind) HasCode() bool { return !k.library() }

// FaultKind says what a fault does.
type FaultKind string

const (
	// FaultNone injects nothing (the zero value, so empty faults are left
	// out of the JSON).
	FaultNone FaultKind = ""
	// FaultRaise raises an exception of the fault's Type.
	FaultRaise FaultKind = "raise"
	// FaultCancel has main cancel the task while it waits at that point.
	FaultCancel FaultKind = "cancel"
	// FaultTimeout wraps the task in asyncio.timeout with a deadline that
	// falls while the task waits at that point.
	FaultTimeout FaultKind = "timeout"
	// FaultSuppress makes __aexit__ return True (exit points only).
	FaultSuppress FaultKind = "suppress"
)

// FaultKinds lists every fault kind in the order the form cycles them.
var FaultKinds = []FaultKind{FaultNone, FaultRaise, FaultCancel, FaultTimeout, FaultSuppress}

// Hook names a point of a task where a fault can be injected.
type Hook string

const (
	// HookEnterStart is __aenter__ before its sleep.
	HookEnterStart Hook = "enterStart"
	// HookEnterEnd is __aenter__ after its sleep.
	HookEnterEnd Hook = "enterEnd"
	// HookBody is the body of the async with statement.
	HookBody Hook = "body"
	// HookExit is __aexit__.
	HookExit Hook = "exit"
)

// Hooks lists the hook points in the order a task reaches them.
var Hooks = []Hook{HookEnterStart, HookEnterEnd, HookBody, HookExit}

// FaultKindsAt lists the fault kinds that make sense at a hook, so the
// form can offer only those: "returns True" belongs to __aexit__ alone.
func FaultKindsAt(h Hook) []FaultKind {
	var out []FaultKind
	for _, k := range FaultKinds {
		if k != FaultSuppress || h == HookExit {
			out = append(out, k)
		}
	}
	return out
}

// ExcTypes are the exception classes a raise fault can choose from: the
// ones a real resource typically raises, all plain Exceptions.
var ExcTypes = []string{"ValueError", "RuntimeError", "KeyError", "ConnectionError", "OSError", "TimeoutError", "TypeError"}

// Durations are the sleep lengths the form's steppers offer, in seconds.
// DecodeDesign and Build accept any value from 0 to MaxSleep.
var Durations = []float64{0, 0.1, 0.25, 0.5, 1, 1.5, 2, 3, 5}

// Limits of a design: the form's steppers stop there, and DecodeDesign
// refuses more.
const (
	// MinTasks and MaxTasks bound the number of tasks main runs.
	MinTasks = 1
	MaxTasks = 20
	// MaxManagers bounds one task's stack of managers.
	MaxManagers = 10
	// MaxSleep bounds every duration of a design, in seconds.
	MaxSleep = 10.0
	// minSleep is the shortest non-zero duration: sim refuses shorter
	// ones, and the form never offers them.
	minSleep = 0.01
)

// IsNone reports whether the fault injects nothing.
func (f Fault) IsNone() bool { return f.Kind == FaultNone }

// interrupts reports whether the fault stops the code after it: a raise,
// a cancellation or a time-out.
func (f Fault) interrupts() bool {
	return f.Kind == FaultRaise || f.Kind == FaultCancel || f.Kind == FaultTimeout
}

// timed reports whether the fault is placed by the clock rather than by a
// statement at the point.
func (f Fault) timed() bool { return f.Kind == FaultCancel || f.Kind == FaultTimeout }

// excType is the raised class, ValueError when none was chosen.
func (f Fault) excType() string {
	if f.Type == "" {
		return ExcTypes[0]
	}
	return f.Type
}

// fault returns the manager's fault at a hook (none for HookBody).
func (m *ManagerDesign) fault(h Hook) *Fault {
	switch h {
	case HookEnterStart:
		return &m.EnterStart
	case HookEnterEnd:
		return &m.EnterEnd
	case HookExit:
		return &m.Exit
	}
	return nil
}
