package edit_test

import (
	"math"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"asyncwithlab/i18n"
	"asyncwithlab/sim"
	"asyncwithlab/sim/edit"
)

func tasks(n int, t edit.TaskDesign) []edit.TaskDesign {
	out := make([]edit.TaskDesign, n)
	for i := range out {
		out[i] = t
	}
	return out
}

// problemCases: each design holds one invalid or ineffective choice; Build
// must explain it at the right place and build the scenario without it
// (absent says what must not be in the program).
var problemCases = []struct {
	name    string
	d       edit.Design
	code    edit.Code
	where   string
	dropped bool
	absent  string
}{
	{"cancel after the sleep of __aenter__",
		design(edit.RunGather, 0.5, none, with(cls(1, 0), func(m *edit.ManagerDesign) { m.EnterEnd = cancel })),
		edit.CodeNoAwaitAfter, "tasks[0].managers[0].enterEnd", true, ".cancel"},
	{"cancel where __aenter__ never awaits",
		design(edit.RunGather, 0.5, none, with(cls(0, 0), func(m *edit.ManagerDesign) { m.EnterStart = cancel })),
		edit.CodeNoAwait, "tasks[0].managers[0].enterStart", true, ".cancel"},
	{"time-out during a blocking call",
		design(edit.RunGather, 0.5, none, with(cls(1, 0), func(m *edit.ManagerDesign) { m.Blocking = true; m.EnterStart = timeout })),
		edit.CodeBlockingNoAwait, "tasks[0].managers[0].enterStart", true, "asyncio.timeout"},
	{"time-out in a body that never awaits",
		design(edit.RunGather, 0, timeout, cls(0.5, 0)),
		edit.CodeNoAwait, "tasks[0].body", true, "asyncio.timeout"},
	{"cancel in an __aexit__ that never awaits",
		design(edit.RunGather, 0.5, none, with(cls(0.5, 0), func(m *edit.ManagerDesign) { m.Exit = cancel })),
		edit.CodeNoAwait, "tasks[0].managers[0].exit", true, ".cancel"},
	{"return True on a generator is built as a catch",
		design(edit.RunGather, 0.5, raiseV, with(gen(0, 0, true), func(m *edit.ManagerDesign) { m.Exit = suppress })),
		edit.CodeGeneratorSuppress, "tasks[0].managers[0].exit", false, "return True"},
	{"return True in the body",
		design(edit.RunGather, 0.5, suppress, cls(0, 0)),
		edit.CodeSuppressNotExit, "tasks[0].body", true, "return True"},
	{"return True in __aenter__",
		design(edit.RunGather, 0.5, raiseV, with(cls(0, 0), func(m *edit.ManagerDesign) { m.EnterStart = suppress })),
		edit.CodeSuppressNotExit, "tasks[0].managers[0].enterStart", true, "return True"},
	{"a fault in the __aexit__ of a manager whose __aenter__ fails",
		design(edit.RunGather, 0.5, none, with(cls(0.5, 0.5), func(m *edit.ManagerDesign) {
			m.EnterStart = raiseV
			m.Exit = edit.Fault{Kind: edit.FaultRaise, Type: "KeyError"}
		})),
		edit.CodeExitNotCalled, "tasks[0].managers[0].exit", true, "raise KeyError"},
	{"a fault in an inner manager after an outer one fails",
		design(edit.RunGather, 0.5, none, with(cls(0.5, 0), func(m *edit.ManagerDesign) { m.EnterEnd = raiseV }),
			with(cls(0.5, 0), func(m *edit.ManagerDesign) { m.EnterStart = edit.Fault{Kind: edit.FaultRaise, Type: "OSError"} })),
		edit.CodeUnreachable, "tasks[0].managers[1].enterStart", true, "raise OSError"},
	{"a body fault after a cancelled __aenter__",
		design(edit.RunGather, 0.5, raiseV, with(cls(0.5, 0), func(m *edit.ManagerDesign) { m.EnterStart = cancel })),
		edit.CodeUnreachable, "tasks[0].body", true, "raise ValueError"},
	{"a fault in the teardown after a bare yield while the body's error passes",
		design(edit.RunGather, 0.5, raiseV, with(gen(0.5, 0.5, false), func(m *edit.ManagerDesign) { m.Exit = edit.Fault{Kind: edit.FaultRaise, Type: "KeyError"} })),
		edit.CodeSkippedTeardown, "tasks[0].managers[0].exit", true, "raise KeyError"},
	{"sleeps on a timeout manager",
		design(edit.RunGather, 0.5, none, edit.ManagerDesign{Kind: edit.KindTimeout, Timeout: 1, EnterSleep: 2}),
		edit.CodeTimeoutHasNoCode, "tasks[0].managers[0].enterSleep", true, "asyncio.sleep(2)"},
	{"a timeout block where nothing awaits",
		design(edit.RunGather, 0, none, edit.ManagerDesign{Kind: edit.KindTimeout, Timeout: 1}, cls(0, 0)),
		edit.CodeTimeoutIdle, "tasks[0].managers[0].timeout", false, ""},
	{"try/finally on a class",
		design(edit.RunGather, 0.5, none, with(cls(0, 0), func(m *edit.ManagerDesign) { m.Finally = true })),
		edit.CodeFinallyNotGen, "tasks[0].managers[0].finally", true, "finally"},
	{"a deadline on a class",
		design(edit.RunGather, 0.5, none, with(cls(0, 0), func(m *edit.ManagerDesign) { m.Timeout = 2 })),
		edit.CodeDeadlineNotTimer, "tasks[0].managers[0].timeout", true, "asyncio.timeout"},
	{"a blocking call of no time",
		design(edit.RunGather, 0.5, none, with(cls(0, 0), func(m *edit.ManagerDesign) { m.Blocking = true })),
		edit.CodeBlockNoTime, "tasks[0].managers[0].blocking", true, "time.sleep"},
	{"sleeps on the semaphore",
		design(edit.RunGather, 0.5, none, with(sem, func(m *edit.ManagerDesign) { m.EnterSleep = 2 })),
		edit.CodeSemaphoreHasNoCode, "tasks[0].managers[0].enterSleep", true, "asyncio.sleep(2)"},
	{"a fault on the lock",
		design(edit.RunGather, 0.5, none, with(lock, func(m *edit.ManagerDesign) { m.Exit = raiseV })),
		edit.CodeLockHasNoCode, "tasks[0].managers[0].exit", true, "raise"},
	{"a deadline on the semaphore",
		design(edit.RunGather, 0.5, none, with(sem, func(m *edit.ManagerDesign) { m.Timeout = 1 })),
		edit.CodeDeadlineNotTimer, "tasks[0].managers[0].timeout", true, "asyncio.timeout"},
	{"the lock entered twice by one task",
		design(edit.RunGather, 0.5, none, lock, cls(0, 0), lock),
		edit.CodeLockTwice, "tasks[0].managers[2].kind", true, "Cache(), shared_lock"},
	{"a semaphore of 1 entered twice by one task",
		shared(1, 0.5, []edit.ManagerDesign{sem, cls(0, 0), sem}),
		edit.CodeSemaphoreFull, "tasks[0].managers[2].kind", true, "Cache(), shared_semaphore"},
	{"the default semaphore entered three times by one task",
		shared(0, 0.5, []edit.ManagerDesign{sem, sem, sem}),
		edit.CodeSemaphoreFull, "tasks[0].managers[2].kind", true, "async with shared_semaphore, shared_semaphore, shared_semaphore"},
	{"two tasks each holding a place and waiting for the other",
		shared(2, 0.5, []edit.ManagerDesign{sem, cls(0.5, 0), sem}, []edit.ManagerDesign{sem, cls(0.5, 0), sem}),
		edit.CodeDeadlock, "tasks[1].managers[2].kind", true, "Cache2(), shared_semaphore"},
	{"the lock and the semaphore taken in opposite orders",
		shared(1, 0.5, []edit.ManagerDesign{lock, cls(0.5, 0), sem}, []edit.ManagerDesign{sem, cls(0.5, 0), lock}),
		edit.CodeDeadlock, "tasks[1].managers[2].kind", true, "Cache2(), shared_lock"},
	{"places out of range", edit.Design{Runner: edit.RunGather, Places: -4, Tasks: tasks(1, edit.TaskDesign{Managers: []edit.ManagerDesign{sem}})},
		edit.CodeBadPlaces, "places", false, "Semaphore(-4)"},
	{"no tasks", edit.Design{Runner: edit.RunGather}, edit.CodeNoTasks, "tasks", false, ""},
	{"too many tasks", edit.Design{Runner: edit.RunGather, Tasks: tasks(edit.MaxTasks+3, edit.TaskDesign{})},
		edit.CodeTooManyTasks, "tasks", true, "worker21"},
	{"too many managers", design(edit.RunGather, 0, none, make([]edit.ManagerDesign, edit.MaxManagers+1)...),
		edit.CodeTooManyManagers, "tasks[0].managers", true, "Database11"},
	{"unknown runner", edit.Design{Runner: "trio", Tasks: tasks(1, edit.TaskDesign{})}, edit.CodeBadRunner, "runner", true, "trio"},
	{"unknown kind", design(edit.RunGather, 0, none, edit.ManagerDesign{Kind: "thread"}), edit.CodeBadKind, "tasks[0].managers[0].kind", false, "thread"},
	{"unknown fault", design(edit.RunGather, 0.5, edit.Fault{Kind: "explode"}), edit.CodeBadFault, "tasks[0].body", true, "raise"},
	{"unknown exception type", design(edit.RunGather, 0.5, edit.Fault{Kind: edit.FaultRaise, Type: "KeyboardInterrupt"}),
		edit.CodeBadType, "tasks[0].body", true, "KeyboardInterrupt"},
	{"negative sleep", design(edit.RunGather, -1, none), edit.CodeBadDuration, "tasks[0].bodySleep", false, "sleep(-1)"},
	{"NaN sleep", design(edit.RunGather, 0, none, cls(math.NaN(), 0)), edit.CodeBadDuration, "tasks[0].managers[0].enterSleep", false, "NaN"},
	{"a raise the TaskGroup prevents",
		edit.Design{Runner: edit.RunTaskGroup, Tasks: []edit.TaskDesign{
			{BodySleep: 0.1, Body: raiseV},
			{Managers: []edit.ManagerDesign{with(cls(2, 0), func(m *edit.ManagerDesign) { m.EnterEnd = raiseV })}},
		}},
		edit.CodeNotReached, "tasks[1].managers[0].enterEnd", false, ""},
	{"a cancel the TaskGroup prevents",
		edit.Design{Runner: edit.RunTaskGroup, Tasks: []edit.TaskDesign{
			{BodySleep: 0.1, Body: raiseV},
			{Managers: []edit.ManagerDesign{cls(2, 0)}, BodySleep: 1, Body: cancel},
		}},
		edit.CodeNotReached, "tasks[1].body", true, ".cancel"},
	{"return True with nothing to suppress",
		design(edit.RunGather, 0.5, none, with(cls(0, 0), func(m *edit.ManagerDesign) { m.Exit = suppress })),
		edit.CodeNothingToSuppress, "tasks[0].managers[0].exit", false, ""},
}

func TestProblems(t *testing.T) {
	for _, c := range problemCases {
		t.Run(c.name, func(t *testing.T) {
			r := build(t, c.d)
			var found *edit.Problem
			for i, p := range r.probs {
				if p.Code == c.code {
					found = &r.probs[i]
				}
			}
			require.NotNil(t, found, "want %s, got %v", c.code, codes(r.probs))
			assert.Equal(t, c.where, found.Where)
			assert.Equal(t, c.dropped, found.Dropped)
			if c.absent != "" {
				assert.NotContains(t, sim.Render(r.sc), c.absent)
			}
			for _, lang := range i18n.Langs() {
				msg := found.Message(lang)
				assert.NotContains(t, msg, "{", lang)
				assert.NotContains(t, msg, "%!", lang)
				assert.Contains(t, msg, found.Name)
				assert.Contains(t, msg, found.TaskName)
			}
			assert.NotEqual(t, found.Message(i18n.English), found.Message(i18n.Lang("pt")))
		})
	}
}

// TestProblemsAreWorthShowing: a problem's place and cause are spelled
// out, and a left-out part says so.
func TestProblemMessages(t *testing.T) {
	r := build(t, design(edit.RunGather, 0.5, none, with(cls(0.5, 0), func(m *edit.ManagerDesign) { m.EnterEnd = raiseV }),
		with(cls(0.5, 0), func(m *edit.ManagerDesign) { m.EnterStart = raiseV })))
	require.Len(t, r.probs, 1)
	p := r.probs[0]
	assert.Equal(t, edit.Problem{Where: "tasks[0].managers[1].enterStart", Code: edit.CodeUnreachable, Task: 0, Manager: 1,
		Hook: edit.HookEnterStart, TaskName: "worker", Name: "Cache", CauseName: "Database", CauseHook: edit.HookEnterEnd, Dropped: true}, p)
	assert.Equal(t, "Task 1 (worker), Cache, __aenter__, before the sleep: never reached: the fault in Database.__aenter__, after the sleep already interrupts the task before this point. This choice is left out of the scenario.", p.Message(i18n.English))
	assert.True(t, strings.HasPrefix(p.Message(i18n.Lang("pt")), "Tarefa 1 (worker), Cache, __aenter__, antes do sleep: nunca alcançado"), p.Message(i18n.Lang("pt")))
	whole := edit.Problem{Code: edit.CodeNoTasks, Task: -1, Manager: -1}
	assert.Equal(t, "A design needs at least one task; an empty task is built in its place.", whole.Message(i18n.English))
	assert.Equal(t, whole.Message(i18n.English), whole.Message(i18n.Lang("xx")), "other languages get English")
}
