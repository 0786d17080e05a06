package edit_test

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"asyncwithlab/i18n"
	"asyncwithlab/sim"
	"asyncwithlab/sim/edit"
)

// randomDesigns draws designs from the form's own choices, so that every
// combination the screen can produce gets exercised, with a fixed seed so
// that a failure can be replayed.
func randomDesigns(n int, seed uint64, maxTasks, maxManagers int) []edit.Design {
	return randomDesignsOf(edit.ManagerKinds, n, seed, maxTasks, maxManagers)
}

// sharedKinds draw designs where tasks take the lock and the semaphore
// often, between managers that take time: the ones that can deadlock.
var sharedKinds = []edit.ManagerKind{edit.KindLock, edit.KindSemaphore, edit.KindSemaphore, edit.KindClass}

// randomDesignsOf is randomDesigns with the managers' kinds drawn from kinds.
func randomDesignsOf(kinds []edit.ManagerKind, n int, seed uint64, maxTasks, maxManagers int) []edit.Design {
	r := rand.New(rand.NewPCG(seed, 7))
	pick := func(fs []edit.FaultKind) edit.Fault {
		f := edit.Fault{Kind: fs[r.IntN(len(fs))]}
		if r.IntN(2) == 0 {
			f = edit.Fault{} // most hooks have no fault
		}
		if f.Kind == edit.FaultRaise {
			f.Type = edit.ExcTypes[r.IntN(len(edit.ExcTypes))]
		}
		return f
	}
	dur := func() float64 { return edit.Durations[r.IntN(len(edit.Durations))] }
	var out []edit.Design
	for i := 0; i < n; i++ {
		d := edit.Design{Runner: edit.Runners[r.IntN(len(edit.Runners))], Places: r.IntN(3) + 1}
		for ti := r.IntN(maxTasks) + 1; ti > 0; ti-- {
			t := edit.TaskDesign{BodySleep: dur(), Body: pick(edit.FaultKinds)}
			for mi := r.IntN(maxManagers + 1); mi > 0; mi-- {
				t.Managers = append(t.Managers, edit.ManagerDesign{
					Kind: kinds[r.IntN(len(kinds))], EnterSleep: dur(), ExitSleep: dur(),
					Blocking: r.IntN(6) == 0, Threaded: r.IntN(5) == 0, Finally: r.IntN(2) == 0, Timeout: dur(),
					EnterStart: pick(edit.FaultKinds), EnterEnd: pick(edit.FaultKinds), Exit: pick(edit.FaultKinds),
				})
			}
			d.Tasks = append(d.Tasks, t)
		}
		out = append(out, d)
	}
	return out
}

// TestRandomDesigns: whatever the form holds, Build gives a valid
// scenario, and every fault it keeps without a word happens where it was
// put: a raise raises, a cancellation or time-out ends its hook with a
// CancelledError.
func TestRandomDesigns(t *testing.T) {
	seen := map[edit.Code]bool{}
	for i, d := range append(randomDesigns(150, 1, 4, 4), randomDesignsOf(sharedKinds, 60, 1, 4, 4)...) {
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			r := build(t, d)
			explained := map[string]bool{}
			for _, p := range r.probs {
				explained[p.Where] = true
				seen[p.Code] = true
				for _, lang := range i18n.Langs() {
					msg := p.Message(lang)
					assert.NotContains(t, msg, "{")
					assert.NotContains(t, msg, "%!")
				}
			}
			clean, _ := edit.DecodeDesign(d.Encode()) // Build's own view: no invalid values here
			for ti, task := range clean.Tasks {
				check := func(where, name string, h edit.Hook, f edit.Fault) {
					if explained[where] || f.IsNone() {
						return
					}
					switch f.Kind {
					case edit.FaultRaise:
						assert.True(t, r.raisedBy(name), "%s: %s must raise\n%s", where, name, sim.Render(r.sc))
					case edit.FaultCancel, edit.FaultTimeout:
						assert.Equal(t, "CancelledError", r.hookEnd(d.TaskName(ti), name, h), "%s: the %s must land in %s\n%s", where, f.Kind, name, sim.Render(r.sc))
					}
				}
				check(fmt.Sprintf("tasks[%d].body", ti), d.TaskName(ti), edit.HookBody, task.Body)
				for mi, m := range task.Managers {
					for _, h := range []edit.Hook{edit.HookEnterStart, edit.HookEnterEnd, edit.HookExit} {
						f := map[edit.Hook]edit.Fault{edit.HookEnterStart: m.EnterStart, edit.HookEnterEnd: m.EnterEnd, edit.HookExit: m.Exit}[h]
						check(fmt.Sprintf("tasks[%d].managers[%d].%s", ti, mi, h), d.ManagerName(ti, mi), h, f)
					}
				}
			}
		})
	}
	for _, code := range []edit.Code{edit.CodeLockTwice, edit.CodeSemaphoreFull, edit.CodeDeadlock} {
		assert.True(t, seen[code], "the random designs must reach %s", code)
	}
}

// raisedBy reports whether the run raised an exception whose message
// names the manager or task.
func (r run) raisedBy(name string) bool {
	for _, ev := range r.evs {
		if ev.Kind == sim.ExcRaised && ev.Exc != nil && strings.HasPrefix(strings.Trim(ev.Exc.Message, "'"), name+" ") {
			return true
		}
	}
	return false
}

// hookEnd is the type of the exception that first ended a hook of the
// manager (or, for HookBody, the task's innermost body, or the task itself
// when it has no with statement), "" if none did.
func (r run) hookEnd(task, name string, h edit.Hook) string {
	for _, ev := range r.evs {
		switch {
		case h == edit.HookBody && ev.Kind == sim.BodyEnded && ev.Task == task:
			return excType(ev)
		case h == edit.HookBody && ev.Kind == sim.TaskCancelled && ev.Task == task:
			return "CancelledError" // a body outside any with: the task's own code
		case h == edit.HookEnterStart && ev.Kind == sim.AenterRaised && ev.Manager == name,
			h == edit.HookExit && ev.Kind == sim.AexitRaised && ev.Manager == name:
			return excType(ev)
		}
	}
	return ""
}

func TestRandomDesignsAreDeterministic(t *testing.T) {
	for _, d := range randomDesigns(10, 2, 3, 3) {
		a, pa := d.Build()
		b, pb := d.Build()
		require.Equal(t, sim.Render(a), sim.Render(b))
		require.Equal(t, pa, pb)
	}
}
