package replay

import (
	"math/rand"
	"testing"

	"asyncwithlab/i18n"
	"asyncwithlab/sim"
)

// The stress preset: 20 tasks under gather, each nesting 10 managers that
// sleep on entry and exit: about 2,700 events.
const stress = "stress-20x10"

// BenchmarkPlay is one frame of playback at 60 fps and 4×: the cursor
// advances, and the screen asks for the step it is on and the one it
// tweens towards, plus the caption.
func BenchmarkPlay(b *testing.B) {
	r := runPreset(b, stress)
	c := NewCursor(r.Stops())
	c.Speed = 4
	c.Play()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if !c.Advance(1.0 / 60) {
			c.Play()
		}
		_ = r.At(c.Event())
		_ = r.At(c.NextEvent())
		_ = r.Caption(c.Event(), i18n.English)
	}
	b.ReportMetric(float64(r.Len()), "events")
}

// BenchmarkStepEveryEvent is the worst case of playing: every frame is a
// new event.
func BenchmarkStepEveryEvent(b *testing.B) {
	r := runPreset(b, stress)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		_ = r.At(i % r.Len())
	}
}

// BenchmarkSeekRandom is scrubbing: every call a step far from the last.
func BenchmarkSeekRandom(b *testing.B) {
	r := runPreset(b, stress)
	rng := rand.New(rand.NewSource(1))
	idx := make([]int, 1024)
	for k := range idx {
		idx[k] = rng.Intn(r.Len())
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		_ = r.At(idx[i%len(idx)])
	}
}

// BenchmarkNew is the pass that prepares a replay after a run.
func BenchmarkNew(b *testing.B) {
	r := runPreset(b, stress)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		_ = New(r.Result())
	}
}

// bigRun is n tasks under gather, each nesting 10 managers that sleep on
// entry and exit and failing in the innermost body: tens of thousands of
// events for n = 100.
func bigRun(b *testing.B, n int) *Replay {
	m := &sim.ManagerDef{Name: "Conn", Kind: sim.ClassManager,
		Aenter: []*sim.Stmt{{Kind: sim.SSleep, Seconds: 0.01}},
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
	sc := &sim.Scenario{Version: 1, Managers: []*sim.ManagerDef{m},
		Functions: []*sim.FuncDef{worker, {Name: "main", Body: []*sim.Stmt{g}}}}
	res, err := sim.Run(sc)
	if err != nil {
		b.Fatal(err)
	}
	return New(res)
}

// BenchmarkSeekRandomLarge scrubs a trace of tens of thousands of events,
// where checkpoints are thinned to fit their memory budget.
func BenchmarkSeekRandomLarge(b *testing.B) {
	r := bigRun(b, 100)
	rng := rand.New(rand.NewSource(1))
	used := 0
	for _, m := range r.marks {
		used += m.size()
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		_ = r.At(rng.Intn(r.Len()))
	}
	b.ReportMetric(float64(r.Len()), "events")
	b.ReportMetric(float64(r.every), "spacing")
	b.ReportMetric(float64(used), "mark-units")
}
