package simrand

import (
	"fmt"

	"asyncwithlab/sim"
)

// This file has random scenarios use while loops in the forms that end
// in CPython (a random program must end, or CPython would run it
// forever): while True left by a break after one round (or by what the
// round raises), while True polling until an asyncio.timeout ends it,
// and main polling a task with while not t.done().

// pollSleeps are the sleeps of a polling round: never 0, which would
// spin without the loop's clock moving.
var pollSleeps = []float64{0.1, 0.25, 0.5}

// whileLoop is a while True loop: one round that breaks at its end, or
// rounds that poll inside a timeout until it fires.
func (g *gen) whileLoop(owner string, depth int) *sim.Stmt {
	g.nprint++
	if g.chance(0.5) {
		body := append([]*sim.Stmt{g.print(owner + " loop round")}, g.body(owner, depth+1)...)
		loop := &sim.Stmt{Kind: sim.SWhile, Body: append(body, &sim.Stmt{Kind: sim.SBreak})}
		if g.chance(0.3) {
			loop.Else = []*sim.Stmt{g.print(owner + " never: a break ends the loop")}
		}
		return loop
	}
	d := g.dur() + 0.25
	loop := &sim.Stmt{Kind: sim.SWhile, Body: []*sim.Stmt{
		{Kind: sim.SPrint, Text: fmt.Sprintf("%s polls %d", owner, g.nprint)},
		{Kind: sim.SSleep, Seconds: g.pick64(pollSleeps)}}}
	if g.chance(0.4) {
		// continue goes back to the test; what follows it never runs.
		loop.Body = append(loop.Body, &sim.Stmt{Kind: sim.SContinue}, g.print(owner+" never after continue"))
	}
	return &sim.Stmt{Kind: sim.STry,
		Body: []*sim.Stmt{{Kind: sim.SWith, Items: []*sim.WithItem{{Timeout: &d}}, Body: []*sim.Stmt{loop}}},
		Handlers: []*sim.Handler{{Types: []string{"TimeoutError"}, As: "err",
			Body: []*sim.Stmt{{Kind: sim.SPrint, Text: owner + " stopped polling {err!r}"}}}}}
}

// pollTask is main waiting for task t with while not t.done(), a print
// and a sleep each round; the else block runs when the task is done.
func (g *gen) pollTask(t string) *sim.Stmt {
	g.nprint++
	return &sim.Stmt{Kind: sim.SWhile, Test: &sim.Test{Var: t + ".done()", Not: true},
		Body: []*sim.Stmt{
			{Kind: sim.SPrint, Text: fmt.Sprintf("main polls %s %d", t, g.nprint)},
			{Kind: sim.SSleep, Seconds: g.pick64(pollSleeps)}},
		Else: []*sim.Stmt{{Kind: sim.SPrint, Text: "main: " + t + " done {" + t + ".done()}"}}}
}

// pick64 is one of xs, at random.
func (g *gen) pick64(xs []float64) float64 { return xs[g.r.IntN(len(xs))] }
