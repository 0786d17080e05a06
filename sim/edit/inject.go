package edit

import (
	"slices"
	"strings"

	"asyncwithlab/i18n"
	"asyncwithlab/sim"
)

// InjectError explains why a fault cannot go at a point.
type InjectError struct {
	Point Point
	Fault Fault
	Code  Code
	// Detail is what the message quotes: a validation error, a function.
	Detail string
}

// The reasons Inject refuses a fault (besides some of Build's codes:
// CodeBadFault, CodeBadType, CodeNoAwait, CodeCannotLand).
const (
	CodeUnknownPoint  Code = "unknown-point"    // no such point in the scenario
	CodePointUnrun    Code = "point-unrun"      // the run never reaches the point
	CodeSuppressClass Code = "suppress-class"   // "returns True" away from a class's __aexit__
	CodeGenReturn     Code = "generator-return" // "returns True" at a generator: it catches instead
	CodeSyncCode      Code = "sync-code"        // cancel/timeout in a plain method
	CodeNoTaskHandle  Code = "no-task-handle"   // cancel: no unique create_task for the task
	CodeMainTask      Code = "main-task"        // cancel: the point runs in main itself
	CodeInvalid       Code = "invalid"          // the result would not be a valid scenario
)

// Error is the English message.
func (e *InjectError) Error() string { return e.Message(i18n.English) }

// Message explains the refusal in language l, starting with the point.
func (e *InjectError) Message(l i18n.Lang) string {
	text := e.explain(l)
	if e.Point.Owner == "" {
		return upperFirst(text)
	}
	return upperFirst(e.Point.Label(l)) + ": " + text
}

// explain is the message of the refusal's code, with the Detail or the
// fault's noun it quotes.
func (e *InjectError) explain(l i18n.Lang) string {
	noun := func() string { return labelOf(nouns, e.Fault.Kind, l) }
	switch e.Code {
	case CodeBadFault:
		return l.T("edit.problem.badFault", e.Detail)
	case CodeBadType:
		return l.T("edit.problem.badType", e.Detail, strings.Join(ExcTypes, ", "))
	case CodeUnknownPoint:
		return l.T("edit.inject.unknownPoint")
	case CodePointUnrun:
		return l.T("edit.inject.pointUnrun")
	case CodeSuppressClass:
		return l.T("edit.inject.suppressClass")
	case CodeGenReturn:
		return l.T("edit.inject.generatorReturn")
	case CodeSyncCode:
		return l.T("edit.inject.syncCode", noun())
	case CodeNoAwait:
		return l.T("edit.inject.noAwait")
	case CodeCannotLand:
		return l.T("edit.inject.cannotLand", noun())
	case CodeNoTaskHandle:
		return l.T("edit.inject.noTaskHandle", e.Detail)
	case CodeMainTask:
		return l.T("edit.inject.mainTask")
	case CodeInvalid:
		return l.T("edit.inject.invalid", e.Detail)
	}
	return l.T("edit.inject.unknown", e.Detail)
}

// Inject returns a copy of sc with the fault at the point; sc itself is
// never changed. A raise works at every point Points lists; "returns
// True" at the __aexit__ of a class; a cancellation or a time-out where
// the task waits after the point, timed by a trial run so that it lands
// there (a cancellation also needs the task to be one the program
// created with create_task). Otherwise the error is an *InjectError
// saying why. FaultNone returns an unchanged copy.
func Inject(sc *sim.Scenario, p Point, f Fault) (*sim.Scenario, error) {
	fail := func(code Code, detail string) (*sim.Scenario, error) {
		return nil, &InjectError{Point: p, Fault: f, Code: code, Detail: detail}
	}
	switch {
	case !slices.Contains(FaultKinds, f.Kind):
		return fail(CodeBadFault, string(f.Kind))
	case f.Kind == FaultRaise && f.Type != "" && !slices.Contains(ExcTypes, f.Type):
		return fail(CodeBadType, f.Type)
	}
	cp, err := clone(sc)
	if err != nil {
		return fail(CodeInvalid, err.Error())
	}
	if f.IsNone() {
		return cp, nil
	}
	s, ok := findSite(cp, p)
	if !ok {
		return fail(CodeUnknownPoint, p.ID())
	}
	p = s.pt // with its Text, for the messages
	switch {
	case f.Kind == FaultSuppress && s.pt.Generator && s.pt.Hook == HookExit:
		return fail(CodeGenReturn, "")
	case f.Kind == FaultSuppress && (s.pt.Hook != HookExit || s.def == nil):
		return fail(CodeSuppressClass, "")
	case !slices.ContainsFunc(Points(cp), p.same):
		return fail(CodePointUnrun, "")
	}
	out := cp
	switch f.Kind {
	case FaultRaise:
		insert(s.b, s.at, raiseS(f.excType(), "injected: "+s.pt.Label(i18n.English)))
	case FaultSuppress:
		returnTrue(s.def)
	default:
		var code Code
		var detail string
		out, code, detail = injectTimed(cp, s, f.Kind)
		if out == nil {
			return fail(code, detail)
		}
	}
	if _, err := sim.Compile(out); err != nil {
		return fail(CodeInvalid, err.Error())
	}
	return out, nil
}

// findSite finds a point in a copy of the scenario.
func findSite(sc *sim.Scenario, p Point) (site, bool) {
	for _, s := range sites(sc) {
		if s.pt.same(p) {
			return s, true
		}
	}
	return site{}, false
}

// returnTrue makes a class's __aexit__ end with return True: the last
// statement becomes it if it is a return, else it is added.
func returnTrue(m *sim.ManagerDef) {
	ret := returnS(sim.Expr{Kind: sim.EBool, Bool: true})
	if n := len(m.Aexit); n > 0 && m.Aexit[n-1].Kind == sim.SReturn {
		m.Aexit[n-1] = ret
		return
	}
	m.Aexit = append(m.Aexit, ret)
}

// injectTimed places a cancellation or a time-out at a site of sc (a
// copy it may change) and returns the resulting scenario, or nil with the
// reason.
func injectTimed(sc *sim.Scenario, s site, kind FaultKind) (*sim.Scenario, Code, string) {
	switch {
	case s.pt.Sync:
		return nil, CodeSyncCode, ""
	case !awaits((*s.b)[s.at:s.end]):
		return nil, CodeNoAwait, ""
	}
	probe := probeText(0)
	rg := s.region(probe)
	trial, ok := withProbe(sc, s.pt, probe)
	if !ok {
		return nil, CodeUnknownPoint, s.pt.ID()
	}
	res := run(trial)
	if res == nil {
		return nil, CodeCannotLand, ""
	}
	w, ok := firstWait(res.Trace, rg)
	if !ok {
		return nil, CodeCannotLand, ""
	}
	if kind == FaultCancel {
		fn := managerBase(w.task)
		if fn == "main" {
			return nil, CodeMainTask, ""
		}
		if n := len(creations(sc, fn)); n != 1 {
			return nil, CodeNoTaskHandle, fn
		}
	}
	for _, at := range w.moments() {
		cand, err := clone(sc)
		if err != nil {
			return nil, CodeInvalid, err.Error()
		}
		cs, _ := findSite(cand, s.pt)
		if kind == FaultTimeout {
			d := round6(at - w.entered)
			if d < minSleep/10 {
				continue
			}
			wrapped := append([]*sim.Stmt(nil), (*cs.b)[cs.at:cs.end]...)
			*cs.b = slices.Replace(*cs.b, cs.at, cs.end, withS([]*sim.WithItem{timeoutItem(d)}, wrapped))
		} else {
			d := round6(at - w.created)
			if d < minSleep/10 {
				continue
			}
			scheduleCancel(cand, managerBase(w.task), d)
		}
		check, ok := withProbe(cand, s.pt, probe)
		if !ok {
			continue
		}
		if res := run(check); res != nil && landed(res.Trace, rg, at, triggerOf(kind)) {
			return cand, "", ""
		}
	}
	return nil, CodeCannotLand, ""
}

// withProbe is a copy of sc with a probe print at the point.
func withProbe(sc *sim.Scenario, p Point, probe string) (*sim.Scenario, bool) {
	cp, err := clone(sc)
	if err != nil {
		return nil, false
	}
	s, ok := findSite(cp, p)
	if !ok {
		return nil, false
	}
	insert(s.b, s.at, printS(probe))
	return cp, true
}

// creation is a create_task statement.
type creation struct {
	b  block
	at int
}

// creations lists the create_task statements that start fn.
func creations(sc *sim.Scenario, fn string) []creation {
	var out []creation
	walkAll(sc, func(_ string, _ bool, b block, i int, _ string) {
		if s := (*b)[i]; s.Kind == sim.SCreateTask && s.Func == fn {
			out = append(out, creation{b, i})
		}
	})
	return out
}

// scheduleCancel adds call_later(delay, t.cancel) right after the one
// create_task statement that starts fn, naming its task if it had no name.
func scheduleCancel(sc *sim.Scenario, fn string, delay float64) {
	cs := creations(sc, fn)
	if len(cs) != 1 {
		return
	}
	c := (*cs[0].b)[cs[0].at]
	if c.As == "" {
		c.As = freshName(sc, "task_to_cancel")
	}
	insert(cs[0].b, cs[0].at+1, &sim.Stmt{Kind: sim.SCancel, Task: c.As, Delayed: true, Seconds: delay})
}
