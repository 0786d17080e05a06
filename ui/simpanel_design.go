package ui

import (
	"strconv"

	"asyncwithlab/quiz"
	"asyncwithlab/sim/edit"
)

// The editor's "build your own" tab: a form over the session's design;
// every change builds the design and runs it again.

// buildDesignForm lays out the design: runner and tasks, the chosen
// task's managers, the chosen manager's settings and faults, the body,
// and the problems of the last build.
func buildDesignForm(gs gameState, s *simScene, p *page, c *panelColumn) {
	l := gs.lang()
	e := s.ses.Editor
	d := &e.Design
	apply := func() { s.rerun(gs, "", e.BuildScenario()) }
	c.stepper("runner", l.T("ui.runner"), d.Runner.Label(l), func(step int) {
		d.Runner = edit.Cycle(edit.Runners, d.Runner, step)
		apply()
	})
	c.stepper("tasks", l.T("ui.tasks"), strconv.Itoa(len(d.Tasks)), func(step int) {
		d.SetTasks(len(d.Tasks) + step)
		apply()
	})
	// Chips: the task, then its managers.
	var tasks []string
	for i := range d.Tasks {
		tasks = append(tasks, d.TaskName(i))
	}
	c.chips("task", tasks, e.Task, func(i int) { e.Task, e.Manager = i, 0 })
	td := &d.Tasks[e.Task]
	var managers []string
	for i := range td.Managers {
		managers = append(managers, d.ManagerName(e.Task, i))
	}
	c.chips("manager", managers, e.Manager, func(i int) { e.Manager = i })
	u := s.unit
	row := &buttonRow{p: p, x: c.x, y: c.y, h: 28 * u, gap: 6 * u}
	if len(td.Managers) < edit.MaxManagers {
		row.add("manager-add", "+ "+l.T("ui.addManager"), false, func() {
			if d.AddManager(e.Task) {
				e.Manager = len(d.Tasks[e.Task].Managers) - 1
				apply()
			}
		})
	}
	if len(td.Managers) > 0 {
		row.add("manager-remove", "− "+l.T("ui.removeManager"), false, func() {
			if d.RemoveManager(e.Task, e.Manager) {
				apply()
			}
		})
	}
	c.y += 28*u + 8*u
	if len(td.Managers) > 0 {
		m := &td.Managers[e.Manager]
		c.stepper("kind", l.T("ui.kind"), m.Kind.Label(l), func(step int) {
			m.SetKind(edit.Cycle(edit.ManagerKinds, m.Kind, step))
			apply()
		})
		switch m.Kind {
		case edit.KindTimeout:
			c.stepper("timeout", "asyncio.timeout", fmtTime(m.Timeout)+" s", func(step int) {
				m.Timeout = edit.StepDuration(m.Timeout, step)
				apply()
			})
		case edit.KindSemaphore:
			// The places belong to the design (one semaphore for every
			// task), so every semaphore row shows and changes the same.
			places := d.SemaphoreValue()
			c.stepper("places", l.T("ui.semaphorePlaces"), strconv.Itoa(places), func(step int) {
				d.SetPlaces(places + step)
				apply()
			})
		}
		if m.Kind.HasCode() {
			c.stepper("enter-sleep", l.T("ui.enterSleep"), fmtTime(m.EnterSleep)+" s", func(step int) {
				m.EnterSleep = edit.StepDuration(m.EnterSleep, step)
				apply()
			})
			c.stepper("exit-sleep", l.T("ui.exitSleep"), fmtTime(m.ExitSleep)+" s", func(step int) {
				m.ExitSleep = edit.StepDuration(m.ExitSleep, step)
				apply()
			})
			// Blocking the loop and running the call in a thread exclude
			// each other: one is the mistake, the other its fix.
			c.toggle("blocking", l.T("ui.blocking"), m.Blocking, func() { m.Blocking, m.Threaded = !m.Blocking, false; apply() })
			c.toggle("threaded", l.T("ui.threaded"), m.Threaded, func() { m.Threaded, m.Blocking = !m.Threaded, false; apply() })
			if m.Kind == edit.KindGenerator {
				c.toggle("finally", l.T("ui.finally"), m.Finally, func() { m.Finally = !m.Finally; apply() })
			}
			for _, hk := range []edit.Hook{edit.HookEnterStart, edit.HookEnterEnd, edit.HookExit} {
				faultStepper(c, l, "fault-"+string(hk), hk.Label(l), edit.FaultKindsAt(hk), faultAt(m, hk), func(f edit.Fault) {
					d.SetFault(e.Task, e.Manager, hk, f)
					apply()
				})
			}
		}
	}
	c.stepper("body-sleep", l.T("ui.bodySleep"), fmtTime(td.BodySleep)+" s", func(step int) {
		td.BodySleep = edit.StepDuration(td.BodySleep, step)
		apply()
	})
	faultStepper(c, l, "fault-body", edit.HookBody.Label(l), edit.FaultKindsAt(edit.HookBody), td.Body, func(f edit.Fault) {
		d.SetFault(e.Task, 0, edit.HookBody, f)
		apply()
	})
	for _, pr := range e.Problems { // all of them: the panel scrolls
		c.text([]quiz.Run{{Text: "! " + pr.Message(l)}}, 13, colWrong, false)
	}
}

// faultAt is the fault a manager has at a hook.
func faultAt(m *edit.ManagerDesign, h edit.Hook) edit.Fault {
	switch h {
	case edit.HookEnterStart:
		return m.EnterStart
	case edit.HookEnterEnd:
		return m.EnterEnd
	}
	return m.Exit
}

// faultStepper is a stepper over the faults a hook takes, raises of every
// exception type included.
func faultStepper(c *panelColumn, l Lang, id, label string, kinds []edit.FaultKind, cur edit.Fault, set func(edit.Fault)) {
	choices := faultChoices(kinds)
	idx := 0
	for i, f := range choices {
		if f.Kind == cur.Kind && (f.Kind != edit.FaultRaise || f.Type == cur.Type) {
			idx = i
		}
	}
	c.stepper(id, label, cur.Label(l), func(step int) {
		n := len(choices)
		set(choices[((idx+step)%n+n)%n])
	})
}

// faultChoices lists every fault a hook takes, one raise per type.
func faultChoices(kinds []edit.FaultKind) []edit.Fault {
	var out []edit.Fault
	for _, k := range kinds {
		if k == edit.FaultRaise {
			for _, t := range edit.ExcTypes {
				out = append(out, edit.Fault{Kind: k, Type: t})
			}
			continue
		}
		out = append(out, edit.Fault{Kind: k})
	}
	return out
}
