package edit_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"asyncwithlab/sim"
	"asyncwithlab/sim/edit"
)

// buildCases are designs whose run must show what the form promises. They
// also feed the CPython conformance test.
var buildCases = []struct {
	name  string
	d     edit.Design
	check func(t *testing.T, r run)
}{
	{"default interleaves two tasks", edit.Default(), func(t *testing.T, r run) {
		assert.Empty(t, r.probs)
		// Both tasks open their first manager before either finishes it.
		assert.Less(t, r.printedAt("Database2: opening"), r.lineAt("Database1: open"))
		assert.Less(t, r.printedAt("Database2: opening"), r.printedAt("Cache1: opening"))
		assert.Contains(t, r.res.Stdout, "main: results ['worker1 finished', 'worker2 finished']")
	}},
	{"raise in B.__aenter__ skips B's __aexit__, A's sees the error",
		design(edit.RunGather, 1, none, cls(0.5, 0.5), with(cls(0.5, 0.5), func(m *edit.ManagerDesign) { m.EnterEnd = raiseV })),
		func(t *testing.T, r run) {
			assert.Empty(t, r.of(sim.AexitCalled, "Cache"), "B's __aexit__ must not be called")
			calls := r.of(sim.AexitCalled, "Database")
			require.Len(t, calls, 1)
			assert.Equal(t, "ValueError, ValueError('Cache failed after opening'), <traceback>", calls[0].Args)
			assert.Empty(t, r.of(sim.BodyStarted, ""), "the body must not run")
			assert.Equal(t, "exception", r.task("worker").State)
		}},
	{"generator without finally leaks when the body raises",
		design(edit.RunGather, 0.5, raiseV, gen(0.5, 0.5, false)),
		func(t *testing.T, r run) {
			require.Len(t, r.res.Ledger, 1)
			assert.True(t, r.res.Ledger[0].Leaked, "the teardown after a bare yield must be skipped")
			assert.NotContains(t, r.res.Stdout, "database: closing")
			assert.Len(t, r.of(sim.GenThrown, "database"), 1)
		}},
	{"generator with finally releases when the body raises",
		design(edit.RunGather, 0.5, raiseV, gen(0.5, 0.5, true)),
		func(t *testing.T, r run) {
			require.Len(t, r.res.Ledger, 1)
			assert.False(t, r.res.Ledger[0].Leaked)
			assert.True(t, r.res.Ledger[0].Released)
			assert.Contains(t, r.res.Stdout, "database: closed")
		}},
	{"a blocking call freezes the other task",
		edit.Design{Runner: edit.RunGather, Tasks: []edit.TaskDesign{
			{Managers: []edit.ManagerDesign{with(cls(2, 0), func(m *edit.ManagerDesign) { m.Blocking = true })}},
			{Managers: []edit.ManagerDesign{cls(0.5, 0)}, BodySleep: 0.5},
		}},
		func(t *testing.T, r run) {
			blocked := r.of(sim.Blocked, "")
			require.Len(t, blocked, 1)
			assert.Equal(t, "worker1", blocked[0].Task)
			// Database2's 0.5 s sleep cannot end before the 2 s block does.
			open := r.lineAt("Database2: open")
			require.GreaterOrEqual(t, open, 0)
			assert.GreaterOrEqual(t, r.evs[open].Time, 2.0)
		}},
	{"TaskGroup: a failing task cancels its sibling, whose manager sees CancelledError",
		edit.Design{Runner: edit.RunTaskGroup, Tasks: []edit.TaskDesign{
			{Managers: []edit.ManagerDesign{cls(0.1, 0)}, BodySleep: 0.25, Body: raiseV},
			{Managers: []edit.ManagerDesign{cls(0.1, 0.1)}, BodySleep: 2},
		}},
		func(t *testing.T, r run) {
			calls := r.of(sim.AexitCalled, "Database2")
			require.Len(t, calls, 1)
			assert.Equal(t, "CancelledError", excType(calls[0]))
			assert.Equal(t, "cancelled", r.task("worker2").State)
			assert.Contains(t, r.res.Stdout, "main caught ExceptionGroup('unhandled errors in a TaskGroup', [ValueError('worker1 failed in the body')])")
		}},
	{"gather: a failing task does not disturb its sibling",
		edit.Design{Runner: edit.RunGather, Tasks: []edit.TaskDesign{
			{Managers: []edit.ManagerDesign{cls(0.1, 0)}, BodySleep: 0.25, Body: raiseV},
			{Managers: []edit.ManagerDesign{cls(0.1, 0.1)}, BodySleep: 2},
		}},
		func(t *testing.T, r run) {
			calls := r.of(sim.AexitCalled, "Database2")
			require.Len(t, calls, 1)
			assert.Equal(t, "None, None, None", calls[0].Args)
			assert.Contains(t, r.res.Stdout, "main: results [ValueError('worker1 failed in the body'), 'worker2 finished']")
		}},
	{"time-out in the body: inner managers see CancelledError, the task ends with TimeoutError",
		design(edit.RunGather, 2, timeout, cls(0.5, 0.25), gen(0.5, 0.25, true)),
		func(t *testing.T, r run) {
			require.Len(t, r.of(sim.TimeoutFired, ""), 1)
			for _, m := range []string{"Database", "cache"} {
				calls := r.of(sim.AexitCalled, m)
				require.Len(t, calls, 1, m)
				assert.Equal(t, "CancelledError", excType(calls[0]), m)
			}
			ended := r.of(sim.BodyEnded, "")
			require.NotEmpty(t, ended)
			assert.Equal(t, "CancelledError", excType(ended[0]), "the time-out must land in the body")
			o := r.task("worker")
			require.Equal(t, "exception", o.State)
			assert.Equal(t, "TimeoutError", o.Exc.Type)
		}},
	{"cancel in __aenter__: that manager's __aexit__ is not called, the outer one sees CancelledError",
		design(edit.RunGather, 1, none, cls(0.5, 0.5), with(cls(1, 0.5), func(m *edit.ManagerDesign) { m.EnterStart = cancel })),
		func(t *testing.T, r run) {
			raised := r.of(sim.AenterRaised, "Cache")
			require.Len(t, raised, 1, "the cancellation must land in Cache.__aenter__")
			assert.Equal(t, "CancelledError", excType(raised[0]))
			assert.Empty(t, r.of(sim.AexitCalled, "Cache"))
			calls := r.of(sim.AexitCalled, "Database")
			require.Len(t, calls, 1)
			assert.Equal(t, "CancelledError", excType(calls[0]))
			assert.Equal(t, "cancelled", r.task("worker").State)
			assert.Contains(t, sim.Render(r.sc), "call_later(1, t.cancel)", "half-way through the 1 s sleep that starts at 0.5 s")
		}},
	{"cancel in __aexit__ interrupts the teardown",
		design(edit.RunGather, 0.5, none, cls(0.5, 0.5), with(cls(0.5, 1), func(m *edit.ManagerDesign) { m.Exit = cancel })),
		func(t *testing.T, r run) {
			raised := r.of(sim.AexitRaised, "Cache")
			require.Len(t, raised, 1)
			assert.Equal(t, "CancelledError", excType(raised[0]))
			assert.NotContains(t, r.res.Stdout, "Cache: closed")
			calls := r.of(sim.AexitCalled, "Database")
			require.Len(t, calls, 1)
			assert.Equal(t, "CancelledError", excType(calls[0]))
		}},
	{"a time-out in __aenter__ of a stacked manager",
		design(edit.RunTaskGroup, 1, none, cls(0.5, 0), with(cls(1, 0), func(m *edit.ManagerDesign) { m.Kind = edit.KindStack; m.EnterStart = timeout })),
		func(t *testing.T, r run) {
			raised := r.of(sim.AenterRaised, "Cache")
			require.Len(t, raised, 1)
			assert.Equal(t, "CancelledError", excType(raised[0]))
			assert.Contains(t, r.res.Stdout, "TimeoutError()")
		}},
	{"__aexit__ returning True suppresses, the task carries on",
		design(edit.RunGather, 0.5, raiseV, cls(0.25, 0), with(cls(0.25, 0), func(m *edit.ManagerDesign) { m.Exit = suppress })),
		func(t *testing.T, r run) {
			assert.Len(t, r.of(sim.ExcSuppressed, "Cache"), 1)
			calls := r.of(sim.AexitCalled, "Database")
			require.Len(t, calls, 1)
			assert.Equal(t, "None, None, None", calls[0].Args)
			assert.Contains(t, r.res.Stdout, "worker: after the async with")
			assert.Equal(t, "result", r.task("worker").State)
		}},
	{"a generator suppresses by catching",
		design(edit.RunGather, 0.5, raiseV, with(gen(0.25, 0, false), func(m *edit.ManagerDesign) { m.Exit = suppress })),
		func(t *testing.T, r run) {
			assert.Contains(t, r.res.Stdout, "database: swallows ValueError('worker failed in the body')")
			assert.Len(t, r.of(sim.ExcSuppressed, "database"), 1)
			assert.False(t, r.res.Ledger[0].Leaked)
			assert.Equal(t, []edit.Code{edit.CodeGeneratorSuppress}, codes(r.probs))
		}},
	{"a raise in __aexit__ replaces the body's error",
		design(edit.RunGather, 0.5, raiseV, cls(0, 0), with(cls(0, 0), func(m *edit.ManagerDesign) { m.Exit = edit.Fault{Kind: edit.FaultRaise, Type: "KeyError"} })),
		func(t *testing.T, r run) {
			calls := r.of(sim.AexitCalled, "Database")
			require.Len(t, calls, 1)
			require.Equal(t, "KeyError", excType(calls[0]))
			require.NotNil(t, calls[0].Exc.Context)
			assert.Equal(t, "ValueError", calls[0].Exc.Context.Type)
			assert.Len(t, r.of(sim.ExcReplaced, "Cache"), 1)
		}},
	{"an AsyncExitStack unwinds last in, first out",
		design(edit.RunGather, 0.25, none, cls(0, 0), with(cls(0.1, 0.1), func(m *edit.ManagerDesign) { m.Kind = edit.KindStack }),
			with(cls(0.1, 0.1), func(m *edit.ManagerDesign) { m.Kind = edit.KindStack }), cls(0, 0)),
		func(t *testing.T, r run) {
			src := sim.Render(r.sc)
			assert.Contains(t, src, "AsyncExitStack() as stack")
			assert.Contains(t, src, "await stack.enter_async_context(Cache())")
			order := []int{r.printedAt("Socket: closing"), r.printedAt("Lock: closing"), r.printedAt("Cache: closing"), r.printedAt("Database: closing")}
			for i := 1; i < len(order); i++ {
				assert.Less(t, order[i-1], order[i])
			}
		}},
	{"an asyncio.timeout manager expires during a long body",
		design(edit.RunGather, 3, none, edit.ManagerDesign{Kind: edit.KindTimeout, Timeout: 1}, cls(0.25, 0.25)),
		func(t *testing.T, r run) {
			assert.Empty(t, r.probs)
			require.Len(t, r.of(sim.TimeoutFired, ""), 1)
			assert.Equal(t, 1.0, r.of(sim.TimeoutFired, "")[0].Time)
			assert.Equal(t, "TimeoutError", r.task("worker").Exc.Type)
		}},
	{"a cancel in the body and a time-out in the outer __aexit__ both land",
		design(edit.RunGather, 1, cancel, with(cls(0.25, 1), func(m *edit.ManagerDesign) { m.Exit = timeout }), cls(0.25, 0)),
		func(t *testing.T, r run) {
			assert.Empty(t, r.probs)
			ended := r.of(sim.BodyEnded, "")
			require.NotEmpty(t, ended)
			assert.Equal(t, "CancelledError", excType(ended[0]))
			raised := r.of(sim.AexitRaised, "Database")
			require.Len(t, raised, 1)
			assert.Equal(t, "CancelledError", excType(raised[0]))
			fired := r.of(sim.TimeoutFired, "")
			require.Len(t, fired, 1)
			assert.Greater(t, fired[0].Time, r.of(sim.AexitCalled, "Database")[0].Time)
		}},
	{"a semaphore of 2 lets two tasks in while the third queues",
		shared(0, 1, []edit.ManagerDesign{sem, cls(0.5, 0)}, []edit.ManagerDesign{sem, cls(0.5, 0)}, []edit.ManagerDesign{sem, cls(0.5, 0)}),
		func(t *testing.T, r run) {
			assert.Empty(t, r.probs)
			assert.Contains(t, sim.Render(r.sc), "shared_semaphore = asyncio.Semaphore(2)\n")
			assert.Contains(t, sim.Render(r.sc), "async with shared_semaphore, Cache3():")
			waits := r.of(sim.AenterSuspend, edit.SemaphoreName)
			require.Len(t, waits, 1, "only the third task waits for a place")
			assert.Equal(t, "worker3", waits[0].Task)
			assert.Less(t, r.lineAt("worker1: done"), r.printedAt("Cache3: opening"), "it gets in when the first one leaves")
			assert.Less(t, r.printedAt("Cache2: opening"), r.lineAt("worker1: done"))
		}},
	{"one task may enter the semaphore as often as it has places",
		shared(3, 0.5, []edit.ManagerDesign{sem, cls(0, 0), sem, sem}),
		func(t *testing.T, r run) {
			assert.Empty(t, r.probs)
			assert.Len(t, r.of(sim.AenterReturned, edit.SemaphoreName), 3)
			assert.Empty(t, r.of(sim.AenterSuspend, edit.SemaphoreName))
		}},
	{"an asyncio.timeout expires while its task queues for the semaphore",
		edit.Design{Runner: edit.RunGather, Places: 1, Tasks: []edit.TaskDesign{
			{Managers: []edit.ManagerDesign{sem}, BodySleep: 2},
			{Managers: []edit.ManagerDesign{{Kind: edit.KindTimeout, Timeout: 1}, sem}},
		}},
		func(t *testing.T, r run) {
			assert.Empty(t, r.probs, "the timeout block awaits: it queues for the semaphore")
			raised := r.of(sim.AenterRaised, edit.SemaphoreName)
			require.Len(t, raised, 1)
			assert.Equal(t, "CancelledError", excType(raised[0]))
			assert.Equal(t, 1.0, raised[0].Time)
			assert.Equal(t, "TimeoutError", r.task("worker2").Exc.Type)
			assert.Contains(t, r.res.Stdout, "main: results ['worker1 finished', TimeoutError()]")
		}},
	{"each deadlock's last entry left out, every task finishes",
		// worker1 holds the lock, worker2 the semaphore, each waits for
		// the other's; once worker2 is untangled, worker3 (queued for the
		// semaphore) gets it and waits for worker1's lock in turn.
		shared(1, 0.5, []edit.ManagerDesign{lock, cls(0.5, 0), sem}, []edit.ManagerDesign{sem, cls(0.5, 0), lock}, []edit.ManagerDesign{sem, lock}),
		func(t *testing.T, r run) {
			require.Equal(t, []edit.Code{edit.CodeDeadlock, edit.CodeDeadlock}, codes(r.probs))
			assert.Equal(t, "tasks[1].managers[2].kind", r.probs[0].Where)
			assert.Equal(t, "async with shared_semaphore", r.probs[0].Arg)
			assert.Equal(t, "tasks[2].managers[1].kind", r.probs[1].Where)
			assert.Contains(t, r.res.Stdout, "main: results ['worker1 finished', 'worker2 finished', 'worker3 finished']")
		}},
	{"cancels across twenty tasks each land in their own hook",
		func() edit.Design {
			d := edit.Design{Runner: edit.RunGather}
			for i := 0; i < edit.MaxTasks; i++ {
				d.Tasks = append(d.Tasks, edit.TaskDesign{Managers: []edit.ManagerDesign{
					with(cls(edit.Durations[1+i%8], 0.5), func(m *edit.ManagerDesign) { m.EnterStart = cancel })}})
			}
			return d
		}(),
		func(t *testing.T, r run) {
			assert.Empty(t, r.probs)
			raised := r.of(sim.AenterRaised, "")
			assert.Len(t, raised, edit.MaxTasks)
			for _, ev := range raised {
				assert.Equal(t, "CancelledError", excType(ev), ev.Manager)
			}
		}},
}

func TestBuild(t *testing.T) {
	for _, c := range buildCases {
		t.Run(c.name, func(t *testing.T) {
			c.check(t, build(t, c.d))
		})
	}
}

// TestBuildDoesNotChangeTheDesign: the form keeps its design; Build works
// on a copy.
func TestBuildDoesNotChangeTheDesign(t *testing.T) {
	d := design(edit.RunGather, 0, cancel, with(cls(0, 0), func(m *edit.ManagerDesign) { m.EnterEnd = cancel; m.Finally = true }))
	before := string(d.Encode())
	_, probs := d.Build()
	require.NotEmpty(t, probs)
	assert.Equal(t, before, string(d.Encode()))
}

// TestBuildNames: every manager gets a distinct Python name, and the
// console names each one as it opens.
func TestBuildNames(t *testing.T) {
	d := edit.Design{Runner: edit.RunGather}
	for i := 0; i < 3; i++ {
		var ms []edit.ManagerDesign
		for j := 0; j < edit.MaxManagers; j++ {
			ms = append(ms, edit.ManagerDesign{Kind: edit.ManagerKinds[j%3]})
		}
		d.Tasks = append(d.Tasks, edit.TaskDesign{Managers: ms})
	}
	r := build(t, d)
	seen := map[string]bool{}
	for ti := range d.Tasks {
		for mi := range d.Tasks[ti].Managers {
			name := d.ManagerName(ti, mi)
			require.NotEmpty(t, name)
			assert.False(t, seen[name], "duplicate name %s", name)
			seen[name] = true
			assert.Contains(t, r.res.Stdout, name+": opening\n")
		}
	}
	assert.Len(t, r.sc.Managers, len(seen))
	assert.True(t, strings.HasPrefix(d.TaskName(2), "worker3"))
}
