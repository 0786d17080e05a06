package edit

import (
	"fmt"
	"strings"

	"asyncwithlab/i18n"
	"asyncwithlab/sim"
)

// Point is a place in a scenario where a fault can be injected: the start
// or end of a manager definition's __aenter__, the start of its __aexit__
// (for a generator: its code before the yield, just before the yield, just
// after it), or the start of the body of a with statement. Owner, Hook
// and Stmt identify it, stably across copies of the scenario.
type Point struct {
	// Owner is the manager or function the point is in.
	Owner string `json:"owner"`
	// InManager says Owner is a manager definition.
	InManager bool `json:"inManager,omitempty"`
	// Hook is HookEnterStart, HookEnterEnd or HookExit (hooks of the
	// manager Owner), or HookBody (the with statement at Stmt).
	Hook Hook `json:"hook"`
	// Stmt is the with statement's path inside Owner, as sim's field
	// paths write it: "body[0].try.body[1]" (HookBody only).
	Stmt string `json:"stmt,omitempty"`
	// Text is the Python the point belongs to: "Database.__aenter__",
	// "session()", "async with Database(), Cache()".
	Text string `json:"text"`
	// Generator says the hook is an @asynccontextmanager's; Sync says the
	// code is a plain method or a plain with, which never awaits.
	Generator bool `json:"generator,omitempty"`
	Sync      bool `json:"sync,omitempty"`
}

// ID is a short unique key for the point: "Database:enterStart",
// "main:body[0].with.body[1]:body".
func (p Point) ID() string {
	if p.Hook == HookBody {
		return p.Owner + ":" + p.Stmt + ":" + string(p.Hook)
	}
	return p.Owner + ":" + string(p.Hook)
}

// same compares the fields that identify a point.
func (p Point) same(q Point) bool {
	return p.Owner == q.Owner && p.InManager == q.InManager && p.Hook == q.Hook && p.Stmt == q.Stmt
}

// Label describes the point for a menu in language l: "start of
// Database.__aexit__".
func (p Point) Label(l i18n.Lang) string {
	text := p.Text
	if text == "" { // a Point made by hand rather than by Points
		text = p.Owner
	}
	if p.Generator {
		switch p.Hook {
		case HookEnterStart:
			return l.T("edit.point.generator.enterStart", text)
		case HookEnterEnd:
			return l.T("edit.point.generator.enterEnd", text)
		case HookExit:
			return l.T("edit.point.generator.exit", text)
		}
	}
	switch p.Hook {
	case HookBody:
		return l.T("edit.point.body", text, p.Owner)
	case HookEnterStart:
		return l.T("edit.point.enterStart", text)
	case HookEnterEnd:
		return l.T("edit.point.enterEnd", text)
	case HookExit:
		return l.T("edit.point.exit", text)
	}
	return text
}

// FaultKinds lists the faults Inject can try at the point: a raise goes
// anywhere; "returns True" only at the __aexit__ of a class; a cancel or
// time-out needs code that awaits (Inject may still find, by running the
// scenario, that it cannot land).
func (p Point) FaultKinds() []FaultKind {
	out := []FaultKind{FaultNone, FaultRaise}
	if !p.Sync && p.Hook != HookEnterEnd {
		out = append(out, FaultCancel, FaultTimeout)
	}
	if p.Hook == HookExit && p.InManager && !p.Generator {
		out = append(out, FaultSuppress)
	}
	return out
}

// site is a point of one copy of a scenario, with where its statements go.
type site struct {
	pt  Point
	b   block // where a statement for the point goes: (*b)[at]
	at  int
	end int // a time-out wraps (*b)[at:end]
	def *sim.ManagerDef
}

// region is the stretch of code a cancellation at the site must land in,
// opened by a probe print put at the site (see probe).
func (s site) region(probe string) region {
	opens := printed(probe)
	switch {
	case s.pt.Hook == HookBody:
		return region{opens: opens, closer: bodyEnds}
	case s.pt.Hook == HookExit:
		return region{opens: opens, closer: hookEnds(s.pt.Owner, sim.AexitReturned, sim.AexitRaised)}
	case s.pt.Generator:
		return region{opens: opens, closer: hookEnds(s.pt.Owner, sim.GenYielded, sim.AenterRaised)}
	}
	return region{opens: opens, closer: hookEnds(s.pt.Owner, sim.AenterReturned, sim.AenterRaised)}
}

// sites lists every point of a scenario, in source order: each manager's
// hooks, then the with statements of managers and functions.
func sites(sc *sim.Scenario) []site {
	var out []site
	for _, m := range sc.Managers {
		out = append(out, hookSites(m)...)
	}
	seen := map[string]int{}
	walkAll(sc, func(owner string, inManager bool, b block, i int, path string) {
		s := (*b)[i]
		if s.Kind != sim.SWith {
			return
		}
		text := withText(s)
		if seen[owner+"\x00"+text]++; seen[owner+"\x00"+text] > 1 {
			text += fmt.Sprintf(" (%d)", seen[owner+"\x00"+text])
		}
		pt := Point{Owner: owner, InManager: inManager, Hook: HookBody, Stmt: path, Text: text, Sync: s.Sync}
		out = append(out, site{pt: pt, b: &s.Body, at: 0, end: len(s.Body)})
	})
	return out
}

// hookSites are the points of one manager definition.
func hookSites(m *sim.ManagerDef) []site {
	pt := func(h Hook, text string) Point {
		return Point{Owner: m.Name, InManager: true, Hook: h, Text: text,
			Generator: m.Kind == sim.GeneratorManager, Sync: m.Protocol == sim.SyncProtocol}
	}
	if m.Kind == sim.GeneratorManager {
		yb, yi, top, ok := firstYield(&m.Body)
		if !ok {
			return nil
		}
		text := m.Name + "(" + strings.Join(m.Params, ", ") + ")" // its def line: audit(area)
		return []site{
			{pt: pt(HookEnterStart, text), b: &m.Body, at: 0, end: top, def: m},
			{pt: pt(HookEnterEnd, text), b: yb, at: yi, end: yi, def: m},
			{pt: pt(HookExit, text), b: yb, at: yi + 1, end: len(*yb), def: m},
		}
	}
	enter, exit := "__aenter__", "__aexit__"
	switch m.Protocol {
	case sim.SyncProtocol:
		enter, exit = "__enter__", "__exit__"
	case sim.TypoProtocol:
		enter, exit = "_aenter_", "_aexit_"
	}
	var out []site
	if m.Protocol != sim.MissingAenter {
		end := len(m.Aenter)
		at := end
		if end > 0 {
			switch m.Aenter[end-1].Kind {
			case sim.SReturn, sim.SRaise, sim.SReraise:
				at = end - 1 // before the statement that leaves the method
			}
		}
		out = append(out,
			site{pt: pt(HookEnterStart, m.Name+"."+enter), b: &m.Aenter, at: 0, end: end, def: m},
			site{pt: pt(HookEnterEnd, m.Name+"."+enter), b: &m.Aenter, at: at, end: end, def: m})
	}
	if m.Protocol != sim.MissingAexit {
		out = append(out, site{pt: pt(HookExit, m.Name+"."+exit), b: &m.Aexit, at: 0, end: len(m.Aexit), def: m})
	}
	return out
}

// withText writes a with statement's head without its colon.
func withText(s *sim.Stmt) string {
	items := make([]string, len(s.Items))
	for i, it := range s.Items {
		items[i] = it.Source()
	}
	kw := "async with "
	if s.Sync {
		kw = "with "
	}
	return kw + strings.Join(items, ", ")
}

// probeText is the line a probe print shows; no scenario prints it.
func probeText(i int) string { return fmt.Sprintf("~probe %d~", i) }

// Points lists the points of a scenario that its run reaches, in source
// order: a fault at a point the program never gets to could not show
// anything. They are found by one run of a copy with a marker print at
// every point. An invalid scenario has no points.
func Points(sc *sim.Scenario) []Point {
	cp, err := clone(sc)
	if err != nil {
		return nil
	}
	ss := sites(cp)
	ins := make([]insertion, len(ss))
	for i, s := range ss {
		ins[i] = insertion{b: s.b, at: s.at, order: i, stmt: printS(probeText(i))}
	}
	insertAll(ins)
	res := run(cp)
	if res == nil {
		return nil
	}
	reached := map[string]bool{}
	for i := 0; i < res.Trace.Len(); i++ {
		if ev := res.Trace.At(i); ev.Kind == sim.Printed {
			reached[ev.Text] = true
		}
	}
	var out []Point
	for i, s := range ss {
		if reached[probeText(i)] {
			out = append(out, s.pt)
		}
	}
	return out
}
