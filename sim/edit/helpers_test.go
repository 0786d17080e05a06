package edit_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"asyncwithlab/sim"
	"asyncwithlab/sim/edit"
)

// run is what the screen does after every change: build, then run. The
// scenario must always be one sim accepts.
type run struct {
	sc    *sim.Scenario
	res   *sim.Result
	evs   []sim.Event
	probs []edit.Problem
}

func build(t *testing.T, d edit.Design) run {
	t.Helper()
	sc, probs := d.Build()
	_, err := sim.Compile(sc)
	require.NoError(t, err, "Build must give a valid scenario:\n%s", sim.Render(sc))
	res, err := sim.Run(sc)
	require.NoError(t, err, sim.Render(sc))
	return run{sc: sc, res: res, evs: res.Trace.All(), probs: probs}
}

// of returns the events of one kind for one manager definition (any
// instance), in order.
func (r run) of(kind sim.EventKind, manager string) []sim.Event {
	var out []sim.Event
	for _, ev := range r.evs {
		if ev.Kind == kind && (manager == "" || strings.SplitN(ev.Manager, "#", 2)[0] == manager) {
			out = append(out, ev)
		}
	}
	return out
}

// excType is the type of the event's exception, "" if none.
func excType(ev sim.Event) string {
	if ev.Exc == nil {
		return ""
	}
	return ev.Exc.Type
}

// printedAt is the index of the first event printing a line with prefix, -1 if none.
func (r run) printedAt(prefix string) int {
	for i, ev := range r.evs {
		if ev.Kind == sim.Printed && strings.HasPrefix(ev.Text, prefix) {
			return i
		}
	}
	return -1
}

// lineAt is the index of the first event printing exactly text, -1 if none.
func (r run) lineAt(text string) int {
	for i, ev := range r.evs {
		if ev.Kind == sim.Printed && ev.Text == text {
			return i
		}
	}
	return -1
}

func (r run) task(name string) sim.TaskOutcome {
	for _, o := range r.res.Tasks {
		if o.Name == name {
			return o
		}
	}
	return sim.TaskOutcome{}
}

func codes(probs []edit.Problem) []edit.Code {
	var out []edit.Code
	for _, p := range probs {
		out = append(out, p.Code)
	}
	return out
}

// design is a one-task design with the given managers and body.
func design(runner edit.Runner, bodySleep float64, body edit.Fault, ms ...edit.ManagerDesign) edit.Design {
	return edit.Design{Runner: runner, Tasks: []edit.TaskDesign{{Managers: ms, BodySleep: bodySleep, Body: body}}}
}

func cls(enter, exit float64) edit.ManagerDesign {
	return edit.ManagerDesign{Kind: edit.KindClass, EnterSleep: enter, ExitSleep: exit}
}

func gen(enter, exit float64, finally bool) edit.ManagerDesign {
	return edit.ManagerDesign{Kind: edit.KindGenerator, EnterSleep: enter, ExitSleep: exit, Finally: finally}
}

var (
	lock = edit.ManagerDesign{Kind: edit.KindLock}
	sem  = edit.ManagerDesign{Kind: edit.KindSemaphore}
)

// shared is a design of several tasks, one per stack of managers, under
// gather, with a semaphore of places places (0: the default).
func shared(places int, bodySleep float64, stacks ...[]edit.ManagerDesign) edit.Design {
	d := edit.Design{Runner: edit.RunGather, Places: places}
	for _, ms := range stacks {
		d.Tasks = append(d.Tasks, edit.TaskDesign{Managers: ms, BodySleep: bodySleep})
	}
	return d
}

func with(m edit.ManagerDesign, f func(*edit.ManagerDesign)) edit.ManagerDesign {
	f(&m)
	return m
}

var (
	raiseV   = edit.Fault{Kind: edit.FaultRaise, Type: "ValueError"}
	cancel   = edit.Fault{Kind: edit.FaultCancel}
	timeout  = edit.Fault{Kind: edit.FaultTimeout}
	suppress = edit.Fault{Kind: edit.FaultSuppress}
	none     = edit.Fault{}
)
