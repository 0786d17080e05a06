package ui

import (
	"asyncwithlab/quiz"
	"asyncwithlab/sim/edit"
)

// editorPanel is the editor: "break this example" (inject an error at a
// point of the example shown) and "build your own" (a scenario from a
// design). Its state is the session's Editor, so that it survives the
// panel closing and travels in links; the panel only lays it out and
// turns clicks into edits and re-runs.
type editorPanel struct{}

func (*editorPanel) wide() bool { return false }

func (*editorPanel) build(gs gameState, s *simScene, p *page) {
	l := gs.lang()
	ses := s.ses
	e := ses.OpenEditor()
	s.closeButton(gs, p, s.lay.side)
	c := s.column(p, s.lay.side)
	c.text([]quiz.Run{{Text: l.T("ui.editor")}}, 20, colText, true)
	u := s.unit
	h := 30 * u
	tabs := &buttonRow{p: p, x: c.x, y: c.y, h: h, gap: 6 * u}
	tabs.add("tab-inject", l.T("ui.injectTab"), !e.Building, func() { e.Building = false })
	tabs.add("tab-build", l.T("ui.buildTab"), e.Building, func() {
		e.Building = true
		if ses.Scenario != e.Built {
			s.rerun(gs, "", e.BuildScenario())
		}
	})
	c.y += h + 10*u
	if e.Err != "" {
		c.text([]quiz.Run{{Text: e.Err}}, 13, colWrong, false)
	}
	if e.Building {
		buildDesignForm(gs, s, p, c)
		return
	}
	if ses.Scenario != e.Derived {
		e.SetBase(ses.Name, ses.Scenario)
	}
	c.text([]quiz.Run{{Text: l.T("ui.injectHelp")}}, 14, colMuted, false)
	if len(e.Points) == 0 {
		c.text([]quiz.Run{{Text: l.T("ui.injectNone")}}, 14, colText, false)
		return
	}
	c.stepper("inject-where", l.T("ui.injectAt"), e.Points[e.Point].Label(l), func(d int) { e.CyclePoint(d) })
	c.stepper("inject-what", l.T("ui.injectWhat"), e.Fault.Kind.Label(l), func(d int) { e.CycleFaultKind(d) })
	if e.Fault.Kind == edit.FaultRaise {
		c.stepper("inject-type", l.T("ui.excType"), e.Fault.Type, func(d int) { e.CycleExcType(d) })
	}
	row := &buttonRow{p: p, x: c.x, y: c.y, h: h + 4*u, gap: 8 * u}
	row.add("inject-apply", l.T("ui.apply"), true, func() {
		sc, err := e.Inject(l)
		if err != nil {
			s.message = err.Error()
			return
		}
		s.message = l.T("ui.injected") + e.Injected
		s.rerun(gs, "", sc)
	})
	if ses.Scenario != e.Base {
		row.add("inject-reset", l.T("ui.reset"), false, func() {
			e.Injected = ""
			s.message = ""
			s.rerun(gs, e.BaseName, e.Base)
		})
	}
	c.y += h + 14*u
	if e.Injected != "" && ses.Scenario != e.Base {
		c.text([]quiz.Run{{Text: l.T("ui.injected") + e.Injected}}, 14, colText, false)
	}
}
