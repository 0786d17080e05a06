package ui

import (
	"image/color"

	"github.com/hajimehoshi/ebiten/v2/text/v2"

	"asyncwithlab/quiz"
	"asyncwithlab/sim"
	"asyncwithlab/sim/session"
)

// versionsPanel sets the runs of the program on each CPython version side
// by side: each version's console output, the lines that differ from the
// run shown marked, where its events part from it, and how its tasks end.
type versionsPanel struct {
	// of is the run shown that runs were made beside; they are made again
	// when it changes (an edit, a rerun, another version).
	of   any
	runs []session.VersionRun
}

func (*versionsPanel) wide() bool { return true }

func (vp *versionsPanel) build(gs gameState, s *simScene, p *page) {
	l := gs.lang()
	r := s.lay.wideSide
	s.closeButton(gs, p, r)
	c := s.column(p, r)
	c.text([]quiz.Run{{Text: l.T("ui.versionsTitle")}}, 20, colText, true)
	c.text([]quiz.Run{{Text: l.T("ui.versionsHelp")}}, 13, colMuted, false)
	if vp.of != any(s.ses.Result) {
		vp.of, vp.runs = s.ses.Result, s.ses.Versions()
	}
	if len(vp.runs) == 0 {
		return
	}
	u := s.unit
	gap := 10 * u
	w := (c.w - gap*float64(len(vp.runs)-1)) / float64(len(vp.runs))
	bottom := r.y + r.h - 12*u
	for i, vr := range vp.runs {
		col := &panelColumn{p: p, s: s, x: c.x + float64(i)*(w+gap), y: c.y, w: w}
		vp.column(gs, s, col, vr, bottom)
	}
}

// column places one version's run.
func (vp *versionsPanel) column(gs gameState, s *simScene, c *panelColumn, vr session.VersionRun, bottom float64) {
	l := gs.lang()
	c.text([]quiz.Run{{Text: l.T("ui.python", vr.Python)}}, 16, colText, true)
	switch {
	case vr.Shown:
		c.text([]quiz.Run{{Text: l.T("ui.versionShown")}}, 13, colAccent, true)
	default:
		v := vr.Python
		it := c.p.smallButton("version-"+v, l.T("ui.versionShow"), c.x, c.y, 26*s.unit, false, func() { s.choosePython(gs, v) })
		c.y += it.h + 6*s.unit
	}
	if vr.Err != nil {
		c.text([]quiz.Run{{Text: vr.Err.Error()}}, 13, colWrong, false)
		return
	}
	status, stCol := l.T("ui.versionSame"), color.Color(colRight)
	switch {
	case vr.Shown:
		status, stCol = "", nil
	case vr.FirstDiff >= 0:
		status, stCol = l.T("ui.versionDiffers", vr.FirstDiff+1), colWrong
	case vr.Result.Stdout != vp.shownStdout():
		status, stCol = l.T("ui.versionOutputDiffers"), colWrong
	}
	if status != "" {
		c.text([]quiz.Run{{Text: status}}, 13, stCol, false)
	}
	c.text([]quiz.Run{{Text: l.T("ui.console")}}, 13, colMuted, true)
	f := c.p.t.face(fontMono, 12)
	lh := c.p.t.px(16)
	// The font is monospaced: a line wraps every perLine characters.
	perLine := max(int(c.w/text.Advance("M", f))-2, 8)
	for i, out := range vr.Lines {
		rows := wrapRunes(displayable(out), perLine)
		if c.y+float64(len(rows)+1)*lh > bottom-float64(len(vr.Result.Tasks))*lh {
			c.text([]quiz.Run{{Text: l.T("ui.versionMore", len(vr.Lines)-i)}}, 12, colMuted, false)
			break
		}
		fg := color.Color(colText)
		mark := "  "
		if vr.Changed[i] {
			fg, mark = colWrong, "≠ "
		}
		c.p.text = append(c.p.text, mark+out)
		for j, row := range rows {
			if j > 0 {
				mark = "  " // the mark stands on the line's first row only
			}
			c.p.place(&item{kind: itemText, x: c.x, y: c.y, w: c.w, h: lh, lines: []line{{frags: []frag{{s: mark + row, face: f, col: fg}}, h: lh}}})
			c.y += lh
		}
	}
	c.y += 6 * s.unit
	for _, t := range vr.Result.Tasks {
		if c.y+lh > bottom {
			break
		}
		c.text([]quiz.Run{{Text: t.Name + ": " + taskEnd(l, t)}}, 12, colMuted, false)
	}
}

// wrapRunes cuts s into rows of at most n characters.
func wrapRunes(s string, n int) []string {
	r := []rune(s)
	rows := []string{}
	for len(r) > n {
		rows, r = append(rows, string(r[:n])), r[n:]
	}
	return append(rows, string(r))
}

// shownStdout is the console output of the run shown.
func (vp *versionsPanel) shownStdout() string {
	for _, vr := range vp.runs {
		if vr.Shown && vr.Result != nil {
			return vr.Result.Stdout
		}
	}
	return ""
}

// taskEnd says how a task ended, as its lane says it.
func taskEnd(l Lang, t sim.TaskOutcome) string {
	switch t.State {
	case "result":
		return l.T("lane.status.done", t.Result)
	case "exception":
		return l.T("lane.status.failed", t.Exc.Repr)
	case "cancelled":
		return l.T("lane.status.cancelled")
	}
	return l.T("lane.status.waiting")
}
