package edit

import (
	"strconv"
	"strings"

	"asyncwithlab/i18n"
)

// Problem explains one part of a design that Build left out (Dropped) or
// built differently from what the form says, or that has no effect. The
// form highlights the control at Where and shows Message.
type Problem struct {
	// Where is the field path in the design, as DecodeDesign names
	// fields: "tasks[1].managers[0].exit".
	Where string `json:"where"`
	Code  Code   `json:"code"`
	// Task and Manager locate the problem (0-based; -1 when it concerns
	// the whole design or the whole task); Hook is the hook point, if any.
	Task    int  `json:"task"`
	Manager int  `json:"manager"`
	Hook    Hook `json:"hook,omitempty"`
	// TaskName is the task's coroutine function ("worker2"); Name is the
	// Python name of the manager, if the problem is about one.
	TaskName string `json:"taskName,omitempty"`
	Name     string `json:"name,omitempty"`
	// Arg is the value the message quotes: the bad value, the count, the
	// kind of fault ("cancel" or "timeout").
	Arg string `json:"arg,omitempty"`
	// CauseName and CauseHook locate the earlier fault that makes this
	// one unreachable.
	CauseName string `json:"causeName,omitempty"`
	CauseHook Hook   `json:"causeHook,omitempty"`
	// Dropped says the built scenario leaves the part out.
	Dropped bool `json:"dropped"`
}

// Code says which rule a Problem is about.
type Code string

// The problems Build explains.
const (
	CodeNoTasks            Code = "no-tasks"            // zero tasks: one empty task is built
	CodeTooManyTasks       Code = "too-many-tasks"      // more than MaxTasks
	CodeTooManyManagers    Code = "too-many-managers"   // more than MaxManagers in one task
	CodeBadRunner          Code = "bad-runner"          // not one of Runners
	CodeBadKind            Code = "bad-kind"            // not one of ManagerKinds
	CodeBadFault           Code = "bad-fault"           // not one of FaultKinds
	CodeBadType            Code = "bad-type"            // not one of ExcTypes
	CodeBadDuration        Code = "bad-duration"        // not 0 or minSleep..MaxSleep
	CodeTimeoutHasNoCode   Code = "timeout-no-code"     // sleeps, faults... on asyncio.timeout
	CodeLockHasNoCode      Code = "lock-no-code"        // sleeps, faults... on the shared lock
	CodeLockTwice          Code = "lock-twice"          // one task enters the lock inside itself: it would wait forever
	CodeSemaphoreHasNoCode Code = "semaphore-no-code"   // sleeps, faults... on the shared semaphore
	CodeSemaphoreFull      Code = "semaphore-full"      // one task enters the semaphore more times than it has places
	CodeBadPlaces          Code = "bad-places"          // the semaphore's places not 1..MaxPlaces
	CodeDeadlock           Code = "deadlock"            // in the run, tasks holding shared objects wait for each other
	CodeFinallyNotGen      Code = "finally-not-gen"     // try/finally on a non-generator
	CodeDeadlineNotTimer   Code = "deadline-not-timer"  // a deadline on a manager that is not a timeout
	CodeSuppressNotExit    Code = "suppress-not-exit"   // "return True" outside __aexit__
	CodeGeneratorSuppress  Code = "generator-suppress"  // "return True" on a generator: built as a catch
	CodeBlockNoTime        Code = "block-no-time"       // a blocking call of 0 seconds
	CodeThreadedBlocking   Code = "threaded-blocking"   // a call both blocking the loop and in a thread
	CodeTooManyThreads     Code = "too-many-threads"    // more worker threads than every machine runs at once
	CodeNoAwait            Code = "no-await"            // cancel/timeout where nothing awaits
	CodeNoAwaitAfter       Code = "no-await-after"      // cancel/timeout after the sleep of __aenter__
	CodeBlockingNoAwait    Code = "blocking-no-await"   // cancel/timeout during time.sleep
	CodeUnreachable        Code = "unreachable"         // an earlier fault stops the task first
	CodeExitNotCalled      Code = "exit-not-called"     // __aexit__ of a manager whose __aenter__ failed
	CodeSkippedTeardown    Code = "skipped-teardown"    // teardown after a bare yield, with an exception in flight
	CodeTimeoutIdle        Code = "timeout-idle"        // nothing awaits inside an asyncio.timeout
	CodeNotReached         Code = "not-reached"         // the run never got to the fault
	CodeCannotLand         Code = "cannot-land"         // no moment when the task waits there
	CodeNothingToSuppress  Code = "nothing-to-suppress" // returns True but never receives an exception
)

// nouns name a fault inside a sentence, by message ID.
var nouns = map[FaultKind]string{
	FaultCancel:  "edit.noun.cancel",
	FaultTimeout: "edit.noun.timeout",
	FaultRaise:   "edit.noun.raise",
}

// saysDropped are the codes whose message already says what is left out.
var saysDropped = map[Code]bool{CodeTooManyTasks: true, CodeTooManyManagers: true, CodeLockTwice: true, CodeSemaphoreFull: true, CodeDeadlock: true}

// Message explains the problem in language l, starting with where it is.
func (p Problem) Message(l i18n.Lang) string {
	text := p.explain(l)
	if p.Dropped && !saysDropped[p.Code] {
		text += " " + l.T("edit.problem.dropped")
	}
	if where := p.place(l); where != "" {
		return where + ": " + text
	}
	return upperFirst(text)
}

// explain is the message of the problem's code, with the arguments it
// quotes: the Arg, the fault's noun, the earlier fault that is the cause.
func (p Problem) explain(l i18n.Lang) string {
	noun := func() string { return labelOf(nouns, FaultKind(p.Arg), l) }
	cause := func() string { return placeText(l, p.CauseName, p.CauseHook) }
	switch p.Code {
	case CodeNoTasks:
		return l.T("edit.problem.noTasks")
	case CodeTooManyTasks:
		return l.T("edit.problem.tooManyTasks", MaxTasks, p.Arg)
	case CodeTooManyManagers:
		return l.T("edit.problem.tooManyManagers", MaxManagers, p.Arg)
	case CodeBadRunner:
		return l.T("edit.problem.badRunner", p.Arg)
	case CodeBadKind:
		return l.T("edit.problem.badKind", p.Arg)
	case CodeBadFault:
		return l.T("edit.problem.badFault", p.Arg)
	case CodeBadType:
		return l.T("edit.problem.badType", p.Arg, strings.Join(ExcTypes, ", "))
	case CodeBadDuration:
		return l.T("edit.problem.badDuration", p.Arg, minSleep, MaxSleep)
	case CodeTimeoutHasNoCode:
		return l.T("edit.problem.timeoutHasNoCode", p.Arg)
	case CodeLockHasNoCode:
		return l.T("edit.problem.lockHasNoCode", p.Arg)
	case CodeLockTwice:
		return l.T("edit.problem.lockTwice")
	case CodeSemaphoreHasNoCode:
		return l.T("edit.problem.semaphoreHasNoCode", p.Arg)
	case CodeSemaphoreFull:
		n, _ := strconv.Atoi(p.Arg)
		return l.N("edit.problem.semaphoreFull", n, n)
	case CodeBadPlaces:
		return l.T("edit.problem.badPlaces", p.Arg, MaxPlaces, DefaultPlaces)
	case CodeDeadlock:
		return l.T("edit.problem.deadlock", p.Name, p.Arg)
	case CodeFinallyNotGen:
		return l.T("edit.problem.finallyNotGen")
	case CodeDeadlineNotTimer:
		return l.T("edit.problem.deadlineNotTimer")
	case CodeSuppressNotExit:
		return l.T("edit.problem.suppressNotExit")
	case CodeGeneratorSuppress:
		return l.T("edit.problem.generatorSuppress")
	case CodeBlockNoTime:
		return l.T("edit.problem.blockNoTime")
	case CodeThreadedBlocking:
		return l.T("edit.problem.threadedBlocking")
	case CodeTooManyThreads:
		return l.T("edit.problem.tooManyThreads", maxThreads)
	case CodeNoAwait:
		return l.T("edit.problem.noAwait", noun())
	case CodeNoAwaitAfter:
		return l.T("edit.problem.noAwaitAfter", noun())
	case CodeBlockingNoAwait:
		return l.T("edit.problem.blockingNoAwait", noun())
	case CodeUnreachable:
		return l.T("edit.problem.unreachable", cause())
	case CodeExitNotCalled:
		return l.T("edit.problem.exitNotCalled", cause())
	case CodeSkippedTeardown:
		return l.T("edit.problem.skippedTeardown", cause())
	case CodeTimeoutIdle:
		return l.T("edit.problem.timeoutIdle")
	case CodeNotReached:
		return l.T("edit.problem.notReached")
	case CodeCannotLand:
		return l.T("edit.problem.cannotLand", noun())
	case CodeNothingToSuppress:
		return l.T("edit.problem.nothingToSuppress")
	}
	return l.T("edit.problem.unknown", p.Arg)
}

// place says where the problem is: "Task 2 (worker2), Cache2, __aexit__".
func (p Problem) place(l i18n.Lang) string {
	if p.Task < 0 {
		return ""
	}
	s := l.T("edit.place.task", p.Task+1)
	if p.TaskName != "" {
		s += " (" + p.TaskName + ")"
	}
	if p.Manager < 0 {
		if p.Hook != "" {
			s += ", " + p.Hook.Label(l)
		}
		return s
	}
	if p.Name != "" {
		s += ", " + p.Name
	} else {
		s += ", " + l.T("edit.place.manager", p.Manager+1)
	}
	if p.Hook != "" {
		s += ", " + p.Hook.Label(l)
	}
	return s
}

// placeText names a hook of a manager (or a task's body) in a sentence:
// "the fault in Cache2.__aenter__, before the sleep".
func placeText(l i18n.Lang, name string, h Hook) string {
	switch h {
	case "":
		return name
	case HookBody:
		return l.T("edit.cause.body", name)
	}
	return l.T("edit.cause.hook", name, h.Label(l))
}

func upperFirst(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
