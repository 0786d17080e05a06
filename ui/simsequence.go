package ui

import (
	"fmt"
	"math"

	"asyncwithlab/sim/session"
)

// viewKey is where the view the learner chose last is kept: the
// simulator opens examples in it.
const viewKey = "asyncwithlab.view"

// viewSequence is viewKey's value for the sequence diagram ("" or
// anything else: the lanes).
const viewSequence = "sequence"

// preferView shows ses in the view the learner chose last, for an
// example the app opens by itself (Home, a question's See it run,
// homework). A share link opened from the address keeps its own view.
func preferView(gs gameState, ses *session.Session) {
	if gs.platform().Load(viewKey) == viewSequence {
		ses.Sequence = true
	}
}

// toggleView switches between the lanes and the sequence diagram and
// remembers the choice.
func (s *simScene) toggleView(gs gameState) {
	s.ses.Sequence = !s.ses.Sequence
	v := "lanes"
	if s.ses.Sequence {
		v = viewSequence
		s.seqAt = -2 // follow the cursor at the next build
	}
	_ = gs.platform().Save(viewKey, v) // not kept: the choice still holds for this screen
	s.syncLink(gs)
}

// buildSeqControls makes the diagram's controls: a button over each task
// that has managers, folding them into its column or unfolding them;
// ◄/► when the columns do not all fit; the wheel or a drag over the
// diagram scrolls its rows (playback brings the newest row back).
func (s *simScene) buildSeqControls(gs gameState, p *page) {
	s.seqControls = nil
	area := s.lay.lanes
	if area.w <= 0 || area.h <= 0 {
		return
	}
	u := s.unit
	f := s.frame(gs)
	if s.seqAt != s.shown {
		// Opened, switched to, or moved by a click: the cursor's row in view.
		s.seq.follow(f, area)
		s.seqAt = s.shown
	}
	cols, g, shown := s.seq.geometry(f, area)
	s.seq.first = g.first
	seq := s.seq.seq
	l := gs.lang()
	for i, x := range g.x {
		pi := cols.parts[g.first+i]
		pt := seq.Participants[pi]
		if pt.Manager || pt.Created > f.shown || !s.seq.hasManagers(pi) {
			continue
		}
		mark := "▼ "
		if s.seq.folded(pi) {
			mark = "► "
		}
		label := mark + fitString(pt.Name, p.t.face(fontBold, 13), g.colW-40*u)
		b := p.smallButton(fmt.Sprintf("seq-fold-%d", pi), label, 0, g.header.y+3*u, 26*u, false, func() { s.seq.toggleFold(pi) })
		b.x = x - b.w/2
		s.seqControls = append(s.seqControls, b)
	}
	if n := len(cols.parts); len(g.x) < n {
		h := 26 * u
		y := area.y + area.h - h - 6*u
		right := p.smallButton("seq-right", "►", 0, y, h, false, func() { s.seq.first = min(s.seq.first+1, n-len(g.x)) })
		right.x = area.x + area.w - right.w - 6*u
		left := p.smallButton("seq-left", "◄", 0, y, h, false, func() { s.seq.first = max(s.seq.first-1, 0) })
		left.x = right.x - left.w - 4*u
		s.seqControls = append(s.seqControls, left, right)
		p.text = append(p.text, l.T("ui.seqShown", g.first+1, g.first+len(g.x), n))
	}
	p.scrollAreas = append(p.scrollAreas, scrollArea{r: area, by: func(dy float64) bool {
		d := int(math.Round(dy / g.rowH))
		if d == 0 {
			d = int(math.Copysign(1, dy))
		}
		before := s.seq.firstRow
		s.seq.firstRow = min(max(before+d, 0), max(shown-g.rows, 0))
		return s.seq.firstRow != before
	}})
	s.seqKey = s.seqControlsKey(gs)
}

// seqControlsKey names what the diagram's controls show, so that
// playback rebuilds them when it changes (a task appears, the columns
// scroll).
func (s *simScene) seqControlsKey(gs gameState) string {
	f := s.frame(gs)
	cols, g, _ := s.seq.geometry(f, s.lay.lanes)
	created := 0
	for _, p := range s.seq.seq.Participants {
		if p.Created <= f.shown {
			created++
		}
	}
	return fmt.Sprint(g.first, len(cols.parts), created)
}
