package ui

import (
	"slices"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"
)

// build lays out the simulator for the screen's size and places its
// controls and the side panel's items; paint draws the rest.
func (s *simScene) build(gs gameState, p *page) {
	th := gs.theme()
	w, h := gs.size()
	s.unit = th.scale
	u := s.unit
	if s.asking() {
		s.panel = nil // a question closes the panel that was open
	}
	// The bars wrap on narrow screens; the caption's box is as tall as its
	// text at the width it will have.
	s.bars.topRows = barRows(th, s.topButtons(gs), w-16*u, 6*u, 0)
	s.bars.ctrlRows = barRows(th, s.controlButtons(gs), w-16*u, 6*u, s.sliderMin(gs))
	s.lay = layoutSim(w, h, u, s.showCode, 0, s.bars.topRows, s.bars.ctrlRows)
	s.caption.lines = s.caption.layout(s.frame(gs), s.lay.caption.w-16*u)
	s.lay = s.layoutFor(gs, s.caption.lines)
	p.height = h // fixed: nothing scrolls
	s.buildTop(gs, p)
	s.buildControls(gs, p)
	if pn := s.shownPanel(); pn != nil {
		pn.build(gs, s, p)
	}
	p.text = append(p.text, s.eventText(gs)...)
}

// layoutFor is the screen's layout with a caption of these lines.
func (s *simScene) layoutFor(gs gameState, caption []line) simRegions {
	w, h := gs.size()
	return layoutSim(w, h, s.unit, s.showCode, linesHeight(caption)+40*s.unit, s.bars.topRows, s.bars.ctrlRows)
}

// eventText is what a screen reader hears of the current event (and what
// the end-to-end tests read): the event as the engine names it, and its
// caption. It is always the page text's last two lines.
func (s *simScene) eventText(gs gameState) []string {
	ev := s.ses.Replay.At(s.shown).Event
	l := gs.lang()
	return []string{l.T("ui.eventOf", s.shown+1, s.ses.Result.Trace.Len()) + ": " + ev.Kind.String() + " task=" + ev.Task + " manager=" + ev.Manager,
		captionText(s.ses, s.shown, l)}
}

// mirror updates the event's lines of the last page's text.
func (s *simScene) mirror(gs gameState, pageText []string) []string {
	out := slices.Clone(pageText)
	if n := len(out); n >= 2 {
		copy(out[n-2:], s.eventText(gs))
	}
	return out
}

// paintDynamic repaints what playback moves (caption, lanes, loop,
// console and code when visible, the slider) over the last frame. The
// page's items (buttons, panels) are left as they are.
func (s *simScene) paintDynamic(gs gameState, dst *ebiten.Image) bool {
	pn := s.shownPanel()
	if pn != nil && (pn.wide() || !s.lay.wide) {
		return false // a panel covers the lanes
	}
	f := s.frame(gs)
	lines := s.caption.layout(f, s.lay.caption.w-16*s.unit)
	if s.layoutFor(gs, lines) != s.lay {
		return false // the caption's box changes size: a new layout
	}
	s.caption.lines = lines
	s.paintViews(f, dst, pn == nil)
	// The slider with its count is repainted on a clean strip.
	c := s.lay.controls
	sl := s.bars.slider
	vector.FillRect(dst, float32(sl.x-12*s.unit), float32(sl.y), float32(c.x+c.w-sl.x+12*s.unit), float32(sl.h), colBackground, false)
	s.bars.paintSlider(gs.theme(), dst, s.ses.Cursor.Fraction())
	return true
}
