package session

import (
	"errors"

	"asyncwithlab/i18n"
	"asyncwithlab/sim"
	"asyncwithlab/sim/edit"
)

// Editor is the editor panel's state: injecting an error into the example
// shown ("Break this example"), or building a scenario from a design
// ("Build your own"). Its methods change only this state and return what
// to run; the session runs it (Session.Rerun).
type Editor struct {
	// Building is the "build your own" tab; otherwise "break this example".
	Building bool

	// Break: the example as it was loaded, its injection points, the
	// chosen point and fault, and what was injected (for the panel).
	Base     *sim.Scenario
	BaseName string
	Derived  *sim.Scenario // Base with the fault injected
	Points   []edit.Point
	Point    int
	Fault    edit.Fault
	Injected string

	// Build: the design, the task and manager being edited, the scenario
	// last built and the problems its build had; Err says why a link's
	// design did not read back.
	Built    *sim.Scenario
	Design   edit.Design
	Task     int
	Manager  int
	Problems []edit.Problem
	Err      string
}

// NewEditor is the editor with the default design and a raise chosen.
func NewEditor() *Editor {
	return &Editor{Design: edit.Default(), Fault: edit.Fault{Kind: edit.FaultRaise, Type: edit.ExcTypes[0]}}
}

// NewEditorFromDesign restores the editor from a share link's design; a
// design that does not read back leaves the default and says why in Err.
func NewEditorFromDesign(data []byte) *Editor {
	e := NewEditor()
	d, err := edit.DecodeDesign(data)
	if err != nil {
		e.Err = err.Error()
		return e
	}
	e.Design, e.Building = d, true
	return e
}

// OpenEditor opens the editor (once): the panel keeps its state while it
// is closed and opened again.
func (s *Session) OpenEditor() *Editor {
	if s.Editor == nil {
		s.Editor = NewEditor()
	}
	return s.Editor
}

// SetBase makes sc (named name) the example the break tab works on.
func (e *Editor) SetBase(name string, sc *sim.Scenario) {
	if e.Base == sc {
		return
	}
	e.Base, e.BaseName = sc, name
	e.Points = edit.Points(sc)
	e.Point = 0
	e.Injected = ""
}

// CyclePoint moves the chosen injection point.
func (e *Editor) CyclePoint(step int) {
	if n := len(e.Points); n > 0 {
		e.Point = ((e.Point+step)%n + n) % n
		e.fitFault()
	}
}

// FaultKinds are the faults the chosen point takes.
func (e *Editor) FaultKinds() []edit.FaultKind {
	if len(e.Points) == 0 {
		return nil
	}
	var out []edit.FaultKind
	for _, k := range e.Points[e.Point].FaultKinds() {
		if k != edit.FaultNone {
			out = append(out, k)
		}
	}
	return out
}

// fitFault keeps the chosen fault one the point takes.
func (e *Editor) fitFault() {
	kinds := e.FaultKinds()
	for _, k := range kinds {
		if k == e.Fault.Kind {
			return
		}
	}
	if len(kinds) > 0 {
		e.Fault = edit.Fault{Kind: kinds[0], Type: edit.ExcTypes[0]}
	}
}

// CycleFaultKind moves the chosen fault's kind.
func (e *Editor) CycleFaultKind(step int) {
	kinds := e.FaultKinds()
	if len(kinds) == 0 {
		return
	}
	e.Fault.Kind = edit.Cycle(kinds, e.Fault.Kind, step)
	if e.Fault.Kind == edit.FaultRaise && e.Fault.Type == "" {
		e.Fault.Type = edit.ExcTypes[0]
	}
}

// CycleExcType moves the exception type a raise raises.
func (e *Editor) CycleExcType(step int) {
	e.Fault.Type = edit.Cycle(edit.ExcTypes, e.Fault.Type, step)
}

// Inject returns the example with the chosen fault at the chosen point,
// and says what was injected in Injected (in lang).
func (e *Editor) Inject(lang i18n.Lang) (*sim.Scenario, error) {
	if len(e.Points) == 0 {
		return nil, errors.New(lang.T("ui.injectNone"))
	}
	p := e.Points[e.Point]
	sc, err := edit.Inject(e.Base, p, e.Fault)
	if err != nil {
		return nil, err
	}
	e.Injected = e.Fault.Label(lang) + " @ " + p.Label(lang)
	e.Derived = sc
	return sc, nil
}

// BuildScenario builds the design; the problems stay for the panel.
func (e *Editor) BuildScenario() *sim.Scenario {
	sc, probs := e.Design.Build()
	e.Problems = probs
	e.Built = sc
	e.Task = min(max(e.Task, 0), len(e.Design.Tasks)-1)
	if ms := e.Design.Tasks[e.Task].Managers; len(ms) > 0 {
		e.Manager = min(max(e.Manager, 0), len(ms)-1)
	} else {
		e.Manager = 0
	}
	return sc
}
