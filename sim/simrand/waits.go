package simrand

import (
	"fmt"

	"asyncwithlab/sim"
)

// This file has random scenarios use an asyncio.Condition (workers wait
// on it inside a timeout, so that none waits forever; workers and main
// notify it, now and then without holding its lock), asyncio.wait over
// main's tasks, and what tasks tell of themselves: done(), cancelled(),
// cancelling(), result(), exception(), uncancel() and current_task().

// returnWhens are asyncio.wait's return_when values ("" leaves it out).
var returnWhens = []string{"", sim.FirstCompleted, sim.FirstException, sim.AllCompleted}

// condition may add the shared condition cond, over a shared lock or a
// lock of its own.
func (g *gen) condition() {
	if !g.chance(0.35) {
		return
	}
	d := &sim.SharedDef{Name: "cond", Kind: sim.SharedCondition}
	for _, s := range g.sc.Shared {
		if s.Kind == sim.SharedLock && g.chance(0.6) {
			d.Lock = s.Name
			break
		}
	}
	g.sc.Shared = append(g.sc.Shared, d)
	g.cond = d.Name
}

// condUse is a worker's use of the condition: a wait inside a timeout,
// or a notify.
func (g *gen) condUse(owner string) *sim.Stmt {
	if g.chance(0.55) {
		d := g.dur() + 0.5
		wait := &sim.Stmt{Kind: sim.SWith, Items: []*sim.WithItem{{Use: g.cond}}, Body: []*sim.Stmt{
			g.print(owner + " waits on cond"), {Kind: sim.SCondWait, Extra: &sim.StmtExtra{Cond: g.cond}}, g.print(owner + " woken")}}
		timed := &sim.Stmt{Kind: sim.SWith, Items: []*sim.WithItem{{Timeout: &d}}, Body: []*sim.Stmt{wait}}
		return &sim.Stmt{Kind: sim.STry, Body: []*sim.Stmt{timed},
			Handlers: []*sim.Handler{{Types: []string{"TimeoutError"}, As: "err", Body: []*sim.Stmt{g.print(owner + " gave up waiting")}}}}
	}
	return g.notify(owner)
}

// notify wakes one, some or all of the condition's waiters, usually
// holding its lock (without it, CPython's RuntimeError).
func (g *gen) notify(owner string) *sim.Stmt {
	n := &sim.Stmt{Kind: sim.SNotifyAll, Extra: &sim.StmtExtra{Cond: g.cond}}
	switch g.r.IntN(4) {
	case 0:
		n.Kind = sim.SNotify
	case 1:
		k := g.r.IntN(3)
		n.Kind, n.Extra.NotifyN = sim.SNotify, &k
	}
	if g.chance(0.1) {
		return n
	}
	return &sim.Stmt{Kind: sim.SWith, Items: []*sim.WithItem{{Use: g.cond}}, Body: []*sim.Stmt{n, g.print(owner + " notified")}}
}

// mainNotifies are main's notifies at random moments after it made its
// tasks.
func (g *gen) mainNotifies() []*sim.Stmt {
	var out []*sim.Stmt
	for i, n := 0, 1+g.r.IntN(2); i < n; i++ {
		out = append(out, &sim.Stmt{Kind: sim.SSleep, Seconds: g.dur()}, g.notify("main"))
	}
	return out
}

// asyncioWait waits for some of main's tasks t0... with asyncio.wait and
// prints what it can know of each.
func (g *gen) asyncioWait() []*sim.Stmt {
	w := &sim.WaitSpec{ReturnWhen: returnWhens[g.r.IntN(len(returnWhens))]}
	for i := range g.workers {
		if len(w.Tasks) == 0 || g.chance(0.7) {
			w.Tasks = append(w.Tasks, fmt.Sprintf("t%d", i))
		}
	}
	if g.chance(0.4) {
		d := g.dur() + 0.25
		w.Timeout = &d
	}
	out := []*sim.Stmt{{Kind: sim.SWait, Extra: &sim.StmtExtra{Wait: w}}}
	if g.chance(0.7) {
		w.Done, w.Pending = "done", "pending"
		out = append(out, &sim.Stmt{Kind: sim.SPrint, Text: "main: {len(done)} done, {len(pending)} pending"})
	}
	for _, t := range w.Tasks {
		out = append(out, &sim.Stmt{Kind: sim.SPrint, Text: fmt.Sprintf("main: %[1]s done {%[1]s.done()} cancelled {%[1]s.cancelled()} cancelling {%[1]s.cancelling()}", t)})
	}
	return out
}

// uncancel takes back a cancellation of t0 and prints how many are left.
func (g *gen) uncancel() []*sim.Stmt {
	return []*sim.Stmt{{Kind: sim.SUncancel, Task: "t0", As: "left"}, {Kind: sim.SPrint, Text: "main: t0 has {left} cancellations left"}}
}

// outcomes asks each of main's tasks for its result and its exception.
func (g *gen) outcomes() []*sim.Stmt {
	var out []*sim.Stmt
	for i := range g.workers {
		for _, m := range []string{"result", "exception"} {
			out = append(out, &sim.Stmt{Kind: sim.STry,
				Body: []*sim.Stmt{{Kind: sim.SPrint, Text: fmt.Sprintf("main: t%d.%s() is {t%d.%s()!r}", i, m, i, m)}},
				Handlers: []*sim.Handler{{Types: []string{"BaseException"}, As: "e", Body: []*sim.Stmt{
					{Kind: sim.SPrint, Text: fmt.Sprintf("main: t%d.%s() raised {e!r}", i, m)}}}}})
		}
	}
	return out
}

// selfAware wraps a worker's body: it names its own task, and when
// cancelled says how many cancellations it has, and may take one back
// and carry on.
func (g *gen) selfAware(name string, body []*sim.Stmt) []*sim.Stmt {
	handler := []*sim.Stmt{{Kind: sim.SPrint, Text: name + " cancelled, cancelling {me.cancelling()}"}}
	if g.chance(0.5) {
		handler = append(handler, &sim.Stmt{Kind: sim.SUncancel, Task: "me", As: "left"},
			&sim.Stmt{Kind: sim.SPrint, Text: name + " took one back: {left} left"})
	}
	if g.chance(0.6) {
		handler = append(handler, &sim.Stmt{Kind: sim.SReraise})
	}
	return []*sim.Stmt{{Kind: sim.SCurrentTask, As: "me"}, {Kind: sim.STry, Body: body,
		Handlers: []*sim.Handler{{Types: []string{"CancelledError"}, Body: handler}}}}
}
