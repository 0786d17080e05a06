package ui

import (
	"github.com/hajimehoshi/ebiten/v2"

	"asyncwithlab/sim/catalog"
	"asyncwithlab/sim/replay"
	"asyncwithlab/sim/session"
)

// simFrame is what the views paint from: the run, the event shown and
// the transition to it, in the screen's theme and language. The screen
// makes one a paint, so that every view sees the same moment.
type simFrame struct {
	ses   *session.Session
	th    *theme
	lang  Lang
	unit  float64
	shown int
	snap  *replay.Snapshot // the event shown
	// prev is the event the transition leaves, nil once it is over; anim
	// is how far it has got (0..1).
	prev *replay.Snapshot
	anim float64
	// fast: playback runs faster than 1×, where new managers appear at
	// once rather than fading in.
	fast bool
	// title is the scenario's title when the top bar has no room for it
	// (the caption's line then carries it), else "".
	title string
}

// frame is the moment the screen shows now.
func (s *simScene) frame(gs gameState) *simFrame {
	rp := s.ses.Replay
	f := &simFrame{ses: s.ses, th: gs.theme(), lang: gs.lang(), unit: s.unit, shown: s.shown, snap: rp.At(s.shown), anim: s.anim,
		fast: s.ses.Cursor.Playing && s.ses.Cursor.Speed > 1}
	if s.anim < 1 && s.from != s.shown {
		f.prev = rp.At(s.from)
	}
	return f
}

// paint draws everything of the simulator that is not a control: the
// title, each view in its region, the slider, the speed, and the side
// panel's background under its items.
func (s *simScene) paint(gs gameState, dst *ebiten.Image) {
	t := gs.theme()
	// The title, after the top bar's buttons.
	tf := t.face(fontBold, 16)
	fr := s.frame(gs)
	if w := s.lay.top.w - s.bars.titleX - t.px(8); w > t.px(60) {
		drawString(dst, fitString(s.title(gs.lang()), tf, w), tf, s.bars.titleX, s.bars.titleY+t.px(7), colText)
	} else {
		fr.title = s.title(gs.lang())
	}
	s.paintViews(fr, dst, true)
	s.bars.paintSlider(t, dst, s.ses.Cursor.Fraction())
	s.bars.paintSpeed(t, dst, s.ses.Cursor.Speed)
	if pn := s.shownPanel(); pn != nil {
		s.paintPanelBox(t, dst, pn)
	}
}

// paintViews paints the views that follow playback; the code and the
// console only when no panel covers them (codeColumn).
func (s *simScene) paintViews(f *simFrame, dst *ebiten.Image, codeColumn bool) {
	shown := func(r rect) bool { return r.w > 0 && r.h > 0 } // a layout hides a view with an empty area
	if codeColumn {
		if shown(s.lay.code) {
			s.code.paint(f, dst, s.lay.code)
		}
		if shown(s.lay.console) {
			s.console.paint(f, dst, s.lay.console)
		}
	}
	s.caption.paint(f, dst, s.lay.caption, s.message)
	switch {
	case !shown(s.lay.lanes):
	case s.ses.Sequence:
		s.seq.paint(f, dst, s.lay.lanes)
	default:
		s.lanes.paint(f, dst, s.lay.lanes)
	}
	if shown(s.lay.loop) {
		s.loop.paint(f, dst, s.lay.loop)
	}
}

// title is the scenario's name as the top bar shows it.
func (s *simScene) title(l Lang) string {
	ses := s.ses
	if ses.Name != "" {
		cat, _ := catalog.Builtin()
		if e, _, ok := cat.Entry(ses.Name); ok {
			return e.Title(l)
		}
	}
	sc := ses.Scenario
	if ed := ses.Editor; ed != nil && sc != nil {
		switch sc {
		case ed.Built:
			return l.T("ui.designed")
		case ed.Derived:
			// An example with an injected error keeps the example's title,
			// in the learner's language when the catalogue has it.
			base := ed.Base.Title
			cat, _ := catalog.Builtin()
			if entry, _, found := cat.Entry(ed.BaseName); found {
				base = entry.Title(l)
			}
			return l.T("ui.edited") + base
		}
	}
	if sc != nil && sc.Title != "" {
		return sc.Title
	}
	return l.T("ui.custom")
}
