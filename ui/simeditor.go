package ui

import (
	"errors"
	"strconv"

	"asyncwithlab/quiz"
	"asyncwithlab/sim"
	"asyncwithlab/sim/edit"
)

// simEditor is the editor panel's state: injecting an error into the
// example shown, or building a scenario from a design. Its methods change
// only this state and report what to run, so they are tested without a
// window.
type simEditor struct {
	build bool // the "build your own" tab; otherwise "inject"

	// Inject: the example as it was loaded, its points, the chosen point
	// and fault.
	base     *sim.Scenario
	baseName string
	derived  *sim.Scenario // the base with the fault injected
	points   []edit.Point
	point    int
	fault    edit.Fault
	injected string // what was injected, for the panel

	// Build: the design, the task and manager being edited, and the
	// problems its last build had.
	built    *sim.Scenario // the scenario last built from the design
	design   edit.Design
	task     int
	manager  int
	problems []edit.Problem
	err      string
}

func newSimEditor() *simEditor {
	return &simEditor{design: edit.Default(), fault: edit.Fault{Kind: edit.FaultRaise, Type: edit.ExcTypes[0]}}
}

// newSimEditorFromDesign restores the editor from a share link's design;
// a design that does not read back leaves the default and says why.
func newSimEditorFromDesign(data []byte) *simEditor {
	e := newSimEditor()
	d, err := edit.DecodeDesign(data)
	if err != nil {
		e.err = err.Error()
		return e
	}
	e.design, e.build = d, true
	return e
}

// setBase remembers the example the inject tab works on.
func (e *simEditor) setBase(name string, sc *sim.Scenario) {
	if e.base == sc {
		return
	}
	e.base, e.baseName = sc, name
	e.points = edit.Points(sc)
	e.point = 0
	e.injected = ""
}

// cyclePoint moves the chosen injection point.
func (e *simEditor) cyclePoint(step int) {
	if n := len(e.points); n > 0 {
		e.point = ((e.point+step)%n + n) % n
		e.fitFault()
	}
}

// faultKinds are the faults the chosen point takes.
func (e *simEditor) faultKinds() []edit.FaultKind {
	if len(e.points) == 0 {
		return nil
	}
	var out []edit.FaultKind
	for _, k := range e.points[e.point].FaultKinds() {
		if k != edit.FaultNone {
			out = append(out, k)
		}
	}
	return out
}

// fitFault keeps the chosen fault one the point takes.
func (e *simEditor) fitFault() {
	kinds := e.faultKinds()
	for _, k := range kinds {
		if k == e.fault.Kind {
			return
		}
	}
	if len(kinds) > 0 {
		e.fault = edit.Fault{Kind: kinds[0], Type: edit.ExcTypes[0]}
	}
}

// cycleFaultKind and cycleExcType move the chosen fault.
func (e *simEditor) cycleFaultKind(step int) {
	kinds := e.faultKinds()
	if len(kinds) == 0 {
		return
	}
	e.fault.Kind = edit.Cycle(kinds, e.fault.Kind, step)
	if e.fault.Kind == edit.FaultRaise && e.fault.Type == "" {
		e.fault.Type = edit.ExcTypes[0]
	}
}

func (e *simEditor) cycleExcType(step int) {
	e.fault.Type = edit.Cycle(edit.ExcTypes, e.fault.Type, step)
}

// inject returns the example with the chosen fault at the chosen point.
func (e *simEditor) inject(lang string) (*sim.Scenario, error) {
	if len(e.points) == 0 {
		return nil, errors.New(Lang(lang).T("ui.injectNone"))
	}
	p := e.points[e.point]
	sc, err := edit.Inject(e.base, p, e.fault)
	if err != nil {
		return nil, err
	}
	e.injected = e.fault.Label(Lang(lang)) + " @ " + p.Label(Lang(lang))
	e.derived = sc
	return sc, nil
}

// buildScenario builds the design; the problems stay for the panel.
func (e *simEditor) buildScenario() *sim.Scenario {
	sc, probs := e.design.Build()
	e.problems = probs
	e.built = sc
	e.task = min(max(e.task, 0), len(e.design.Tasks)-1)
	if ms := e.design.Tasks[e.task].Managers; len(ms) > 0 {
		e.manager = min(max(e.manager, 0), len(ms)-1)
	} else {
		e.manager = 0
	}
	return sc
}

// buildEditor lays out the editor panel.
func (s *simScene) buildEditor(g *Game, p *page) {
	l := g.lang
	lang := string(l)
	e := s.edit
	s.closeButton(g, p)
	c := s.column(p)
	c.text([]quiz.Run{{Text: l.T("ui.editor")}}, 20, colText, true)
	u := s.unit
	h := 30 * u
	tabs := &buttonRow{p: p, x: c.x, y: c.y, h: h, gap: 6 * u}
	tabs.add("tab-inject", l.T("ui.injectTab"), !e.build, func() { e.build = false })
	tabs.add("tab-build", l.T("ui.buildTab"), e.build, func() {
		e.build = true
		if s.sc != e.built {
			s.rerun(g, "", e.buildScenario())
		}
	})
	c.y += h + 10*u
	if e.err != "" {
		c.text([]quiz.Run{{Text: e.err}}, 13, colWrong, false)
	}
	if e.build {
		s.buildDesignForm(g, p, c)
		return
	}
	if s.sc != e.derived {
		e.setBase(s.name, s.sc)
	}
	c.text([]quiz.Run{{Text: l.T("ui.injectHelp")}}, 14, colMuted, false)
	if len(e.points) == 0 {
		c.text([]quiz.Run{{Text: l.T("ui.injectNone")}}, 14, colText, false)
		return
	}
	c.stepper("inject-where", l.T("ui.injectAt"), e.points[e.point].Label(l), func(d int) { e.cyclePoint(d) })
	c.stepper("inject-what", l.T("ui.injectWhat"), e.fault.Kind.Label(l), func(d int) { e.cycleFaultKind(d) })
	if e.fault.Kind == edit.FaultRaise {
		c.stepper("inject-type", l.T("ui.excType"), e.fault.Type, func(d int) { e.cycleExcType(d) })
	}
	row := &buttonRow{p: p, x: c.x, y: c.y, h: h + 4*u, gap: 8 * u}
	row.add("inject-apply", l.T("ui.apply"), true, func() {
		sc, err := e.inject(lang)
		if err != nil {
			s.message = err.Error()
			return
		}
		s.message = l.T("ui.injected") + e.injected
		s.rerun(g, "", sc)
	})
	if s.sc != e.base {
		row.add("inject-reset", l.T("ui.reset"), false, func() {
			e.injected = ""
			s.message = ""
			s.rerun(g, e.baseName, e.base)
		})
	}
	c.y += h + 14*u
	if e.injected != "" && s.sc != e.base {
		c.text([]quiz.Run{{Text: l.T("ui.injected") + e.injected}}, 14, colText, false)
	}
}

// buildDesignForm lays out the design: runner and tasks, the chosen
// task's managers, the chosen manager's settings and faults, the body,
// and the problems of the last build.
func (s *simScene) buildDesignForm(g *Game, p *page, c *panelColumn) {
	l := g.lang
	e := s.edit
	d := &e.design
	apply := func() { s.rerun(g, "", e.buildScenario()) }
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
	c.chips("task", tasks, e.task, func(i int) { e.task, e.manager = i, 0 })
	td := &d.Tasks[e.task]
	var managers []string
	for i := range td.Managers {
		managers = append(managers, d.ManagerName(e.task, i))
	}
	c.chips("manager", managers, e.manager, func(i int) { e.manager = i })
	u := s.unit
	row := &buttonRow{p: p, x: c.x, y: c.y, h: 28 * u, gap: 6 * u}
	if len(td.Managers) < edit.MaxManagers {
		row.add("manager-add", "+ "+l.T("ui.addManager"), false, func() {
			if d.AddManager(e.task) {
				e.manager = len(d.Tasks[e.task].Managers) - 1
				apply()
			}
		})
	}
	if len(td.Managers) > 0 {
		row.add("manager-remove", "− "+l.T("ui.removeManager"), false, func() {
			if d.RemoveManager(e.task, e.manager) {
				apply()
			}
		})
	}
	c.y += 28*u + 8*u
	if len(td.Managers) > 0 {
		m := &td.Managers[e.manager]
		c.stepper("kind", l.T("ui.kind"), m.Kind.Label(l), func(step int) {
			m.SetKind(edit.Cycle(edit.ManagerKinds, m.Kind, step))
			apply()
		})
		if m.Kind == edit.KindTimeout {
			c.stepper("timeout", "asyncio.timeout", fmtTime(m.Timeout)+" s", func(step int) {
				m.Timeout = edit.StepDuration(m.Timeout, step)
				apply()
			})
		} else {
			c.stepper("enter-sleep", l.T("ui.enterSleep"), fmtTime(m.EnterSleep)+" s", func(step int) {
				m.EnterSleep = edit.StepDuration(m.EnterSleep, step)
				apply()
			})
			c.stepper("exit-sleep", l.T("ui.exitSleep"), fmtTime(m.ExitSleep)+" s", func(step int) {
				m.ExitSleep = edit.StepDuration(m.ExitSleep, step)
				apply()
			})
			c.toggle("blocking", l.T("ui.blocking"), m.Blocking, func() { m.Blocking = !m.Blocking; apply() })
			if m.Kind == edit.KindGenerator {
				c.toggle("finally", l.T("ui.finally"), m.Finally, func() { m.Finally = !m.Finally; apply() })
			}
			for _, hk := range []edit.Hook{edit.HookEnterStart, edit.HookEnterEnd, edit.HookExit} {
				hk := hk
				s.faultStepper(c, g, "fault-"+string(hk), hk.Label(l), edit.FaultKindsAt(hk), faultAt(m, hk), func(f edit.Fault) {
					d.SetFault(e.task, e.manager, hk, f)
					apply()
				})
			}
		}
	}
	c.stepper("body-sleep", l.T("ui.bodySleep"), fmtTime(td.BodySleep)+" s", func(step int) {
		td.BodySleep = edit.StepDuration(td.BodySleep, step)
		apply()
	})
	s.faultStepper(c, g, "fault-body", edit.HookBody.Label(l), edit.FaultKindsAt(edit.HookBody), td.Body, func(f edit.Fault) {
		d.SetFault(e.task, 0, edit.HookBody, f)
		apply()
	})
	for _, pr := range e.problems {
		if c.y > c.maxY-20*u {
			break
		}
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
func (s *simScene) faultStepper(c *panelColumn, g *Game, id, label string, kinds []edit.FaultKind, cur edit.Fault, set func(edit.Fault)) {
	choices := faultChoices(kinds)
	idx := 0
	for i, f := range choices {
		if f.Kind == cur.Kind && (f.Kind != edit.FaultRaise || f.Type == cur.Type) {
			idx = i
		}
	}
	c.stepper(id, label, cur.Label(g.lang), func(step int) {
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

// stepper places a row: a label, ◄, the value, ►.
func (c *panelColumn) stepper(id, label, value string, step func(int)) {
	p, u := c.p, c.s.unit
	h := 28 * u
	f := p.t.face(fontRegular, 14)
	labelW := min(c.w*0.38, 170*u)
	lines := p.t.wrapRuns([]quiz.Run{{Text: label}}, labelW-6*u, 13, colMuted, false)
	if len(lines) > 1 {
		lines = lines[:1]
	}
	p.place(&item{kind: itemText, x: c.x, y: c.y + (h-linesHeight(lines))/2, w: labelW, h: linesHeight(lines), lines: lines})
	x := c.x + labelW
	prev := p.smallButton(id+"-prev", "◄", x, c.y, h, false, func() { step(-1) })
	vx := prev.x + prev.w + 6*u
	next := p.smallButton(id+"-next", "►", 0, c.y, h, false, func() { step(1) })
	next.x = c.x + c.w - next.w
	valueW := next.x - vx - 6*u
	v := fitString(displayable(value), f, valueW)
	vl := []line{{frags: []frag{{s: v, face: f, col: colText}}, h: h}}
	p.place(&item{kind: itemText, x: vx, y: c.y, w: valueW, h: h, lines: vl})
	p.text = append(p.text, label+": "+value)
	c.y += h + 6*u
}

// toggle places an on/off button with its label.
func (c *panelColumn) toggle(id, label string, on bool, action func()) {
	l := "○ " + label
	if on {
		l = "● " + label
	}
	it := c.p.smallButton(id, l, c.x, c.y, 28*c.s.unit, on, action)
	c.y += it.h + 6*c.s.unit
}

// chips places a wrapping row of choices, the chosen one highlighted.
func (c *panelColumn) chips(id string, labels []string, chosen int, pick func(int)) {
	p, u := c.p, c.s.unit
	h := 26 * u
	x := c.x
	for i, label := range labels {
		i := i
		itemID := id + "-" + strconv.Itoa(i)
		if c.chipIDs != nil {
			itemID = c.chipIDs(i)
		}
		it := p.smallButton(itemID, label, x, c.y, h, i == chosen, func() { pick(i) })
		if x+it.w > c.x+c.w && x > c.x {
			// Wrap: the chip goes first on the next row.
			x, c.y = c.x, c.y+h+6*u
			it.x, it.y = x, c.y
		}
		x += it.w + 6*u
	}
	if len(labels) > 0 {
		c.y += h + 8*u
	}
}
