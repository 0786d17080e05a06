package sim_test

import (
	"context"
	"fmt"
	"runtime"
	"testing"
	"time"

	"asyncwithlab/internal/pyrun"
	"asyncwithlab/sim"
)

// nestedScenario is one task entering n managers, nested, through an
// AsyncExitStack (static nesting is limited to 20 blocks in CPython).
func nestedScenario(n int) *sim.Scenario {
	m := &sim.ManagerDef{Name: "Resource", Kind: sim.ClassManager,
		Aenter: []*sim.Stmt{{Kind: sim.SPrint, Text: "enter"}},
		Aexit:  []*sim.Stmt{{Kind: sim.SPrint, Text: "exit"}}}
	body := make([]*sim.Stmt, 0, n+1)
	for i := 0; i < n; i++ {
		body = append(body, &sim.Stmt{Kind: sim.SEnterContext, Stack: "stack", Manager: "Resource"})
	}
	body = append(body, &sim.Stmt{Kind: sim.SPrint, Text: "innermost body"})
	main := &sim.FuncDef{Name: "main", Body: []*sim.Stmt{{Kind: sim.SWith,
		Items: []*sim.WithItem{{ExitStack: true, As: "stack"}}, Body: body}}}
	return &sim.Scenario{Version: 1, Managers: []*sim.ManagerDef{m}, Functions: []*sim.FuncDef{main}}
}

// tasksScenario is n tasks under gather, each nesting 10 managers that
// sleep on entry and exit, and failing in the innermost body.
func tasksScenario(n int) *sim.Scenario {
	m := &sim.ManagerDef{Name: "Conn", Kind: sim.ClassManager,
		Aenter: []*sim.Stmt{{Kind: sim.SSleep, Seconds: 0.01}, {Kind: sim.SReturn, HasValue: true, Value: sim.Expr{Kind: sim.EVar, Var: "self"}}},
		Aexit:  []*sim.Stmt{{Kind: sim.SSleep, Seconds: 0.01}}}
	items := make([]*sim.WithItem, 10)
	for i := range items {
		items[i] = &sim.WithItem{Manager: "Conn"}
	}
	worker := &sim.FuncDef{Name: "worker", Body: []*sim.Stmt{{Kind: sim.SWith, Items: items, Body: []*sim.Stmt{
		{Kind: sim.SSleep, Seconds: 0.1},
		{Kind: sim.SRaise, Raise: &sim.ExcSpec{Type: "ValueError", Message: "one failure"}}}}}}
	g := &sim.Stmt{Kind: sim.SGather, ReturnExceptions: true, As: "results", Extra: &sim.StmtExtra{}}
	for i := 0; i < n; i++ {
		g.Extra.Awaitables = append(g.Extra.Awaitables, sim.Awaitable{Call: "worker"})
	}
	main := &sim.FuncDef{Name: "main", Body: []*sim.Stmt{g}}
	return &sim.Scenario{Version: 1, Managers: []*sim.ManagerDef{m}, Functions: []*sim.FuncDef{worker, main}}
}

// benchScenario times the run of a compiled scenario, as CPython's timing
// covers asyncio.run and not the compilation of the program.
func benchScenario(b *testing.B, sc *sim.Scenario) {
	prog, err := sim.Compile(sc)
	if err != nil {
		b.Fatal(err)
	}
	var events int
	var before, after runtime.MemStats
	b.ReportAllocs()
	runtime.ReadMemStats(&before)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		res, err := prog.Run()
		if err != nil {
			b.Fatal(err)
		}
		events = res.Trace.Len()
	}
	b.StopTimer()
	runtime.ReadMemStats(&after)
	perRun := float64(b.Elapsed().Nanoseconds()) / float64(b.N)
	b.ReportMetric(perRun/float64(events), "ns/event")
	b.ReportMetric(float64(after.Mallocs-before.Mallocs)/float64(b.N)/float64(events), "allocs/event")
	b.ReportMetric(float64(events), "events")
	if py, _, err := pyrun.FindPython(); err == nil && testing.Verbose() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
		defer cancel()
		d, err := pyrun.Time(ctx, py, sim.Render(sc), 3)
		if err != nil {
			b.Fatalf("CPython: %v", err)
		}
		b.ReportMetric(float64(d.Nanoseconds()), "cpython-ns/op")
		b.ReportMetric(float64(d.Nanoseconds())/perRun, "x-faster-than-cpython")
	}
}

func BenchmarkNestedManagers(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprintf("managers=%d", n), func(b *testing.B) { benchScenario(b, nestedScenario(n)) })
	}
}

func BenchmarkTasks(b *testing.B) {
	for _, n := range []int{100, 1000} {
		b.Run(fmt.Sprintf("tasks=%dx10", n), func(b *testing.B) { benchScenario(b, tasksScenario(n)) })
	}
}
