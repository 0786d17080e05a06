package ui

import (
	"math"
	"slices"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"

	"asyncwithlab/quiz"
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
	if s.ses.Sequence {
		s.buildSeqControls(gs, p)
	} else {
		s.buildLaneScroll(gs, p)
	}
	if pn := s.shownPanel(); pn != nil {
		n := len(p.items)
		pn.build(gs, s, p)
		s.scrollPanel(p, pn, p.items[n:])
	}
	p.text = append(p.text, s.eventText(gs)...)
}

// layoutFor is the screen's layout with a caption of these lines. While a
// prediction is asked, the question shares the code's column with the
// code (withQuestion): predicting needs the program in view.
func (s *simScene) layoutFor(gs gameState, caption []line) simRegions {
	w, h := gs.size()
	r := layoutSim(w, h, s.unit, s.showCode, linesHeight(caption)+40*s.unit, s.bars.topRows, s.bars.ctrlRows)
	if s.asking() {
		r = r.withQuestion(s.unit)
	}
	return r
}

// scrollPanel lets a panel taller than its area scroll inside it (long
// lists on a phone, a question under the code): its items move up by the
// panel's scroll and show only inside the area, which the wheel and a
// drag scroll.
func (s *simScene) scrollPanel(p *page, pn simPanel, items []*item) {
	if key := s.panelKey(pn); key != s.scrolled {
		s.scrolled, s.panelScroll = key, 0
	}
	area := s.panelArea(pn)
	bottom := area.y
	for _, it := range items {
		bottom = max(bottom, it.y+it.h)
	}
	over := bottom + 12*s.unit - (area.y + area.h)
	if over <= 0 {
		s.panelScroll = 0
		return
	}
	s.panelScroll = min(max(s.panelScroll, 0), over)
	for _, it := range items {
		it.y -= s.panelScroll
		it.clip = &area
	}
	p.scrollAreas = append(p.scrollAreas, scrollArea{r: area, by: func(dy float64) bool {
		before := s.panelScroll
		s.panelScroll = min(max(before+dy, 0), over)
		return s.panelScroll != before
	}})
}

// panelKey names what a panel shows, so that its scroll starts at the
// top for anything new: another panel, another prediction question,
// another topic of examples.
func (s *simScene) panelKey(pn simPanel) any {
	switch pn := pn.(type) {
	case *predictPanel:
		if s.ses.Predict != nil {
			return s.ses.Predict.Active
		}
	case *examplesPanel:
		return "examples/" + pn.topic
	}
	return pn
}

// buildLaneScroll makes every lane reachable when they do not all fit:
// the wheel or a drag over the lanes, and ▲/▼ buttons in their corner,
// move the lanes shown (playback still brings the running task's lane
// into view).
func (s *simScene) buildLaneScroll(gs gameState, p *page) {
	s.laneControls, s.seqControls = nil, nil
	area := s.lay.lanes
	if area.w <= 0 || area.h <= 0 {
		return
	}
	u := s.unit
	n := len(s.ses.Replay.At(s.shown).Lanes)
	geo := layoutLanes(area.inset(6*u), n, s.lanes.first, u)
	fit := len(geo.rows)
	if fit == 0 || fit >= n {
		return
	}
	s.lanes.first = geo.first
	move := func(d int) bool {
		before := s.lanes.first
		s.lanes.first = min(max(before+d, 0), n-fit)
		return s.lanes.first != before
	}
	rowH := geo.rows[0].h
	p.scrollAreas = append(p.scrollAreas, scrollArea{r: area, by: func(dy float64) bool {
		d := int(math.Round(dy / rowH))
		if d == 0 {
			d = int(math.Copysign(1, dy))
		}
		return move(d)
	}})
	h := 26 * u
	y := area.y + area.h - h - 6*u
	down := p.smallButton("lanes-down", "▼", 0, y, h, false, func() { move(1) })
	down.x = area.x + area.w - down.w - 6*u
	up := p.smallButton("lanes-up", "▲", 0, y, h, false, func() { move(-1) })
	up.x = down.x - up.w - 4*u
	label := gs.lang().T("ui.lanesShown", s.lanes.first+1, s.lanes.first+fit, n)
	lines := p.t.wrapRuns([]quiz.Run{{Text: label}}, area.w, 13, colMuted, false)
	lw := lines[0].w
	shown := p.place(&item{kind: itemPanel, x: up.x - lw - 16*u, y: y, w: lw + 12*u, h: h, lines: lines, pad: (h - linesHeight(lines)) / 2, bg: colPanel})
	p.text = append(p.text, label)
	s.laneControls, s.laneFirst = []*item{shown, up, down}, s.lanes.first
}

// eventText is what a screen reader hears of the current event (and what
// the end-to-end tests read): the event as the engine names it, the
// sequence diagram's newest row when it is shown, and the caption. They
// are always the page text's last lines.
func (s *simScene) eventText(gs gameState) []string {
	ev := s.ses.Replay.At(s.shown).Event
	l := gs.lang()
	out := []string{l.T("ui.eventOf", s.shown+1, s.ses.Result.Trace.Len()) + ": " + ev.Kind.String() + " task=" + ev.Task + " manager=" + ev.Manager,
		captionText(s.ses, s.shown, l)}
	if s.ses.Sequence {
		// The diagram's newest row, before the caption.
		f := s.frame(gs)
		row := l.T("ui.seqNone")
		if n := s.seq.sequence(f).RowsUpTo(s.shown); n > 0 {
			row = s.seq.rowText(f, n-1)
		}
		out = []string{out[0], l.T("ui.seqRow", row), out[1]}
	}
	return out
}

// mirror updates the event's lines of the last page's text.
func (s *simScene) mirror(gs gameState, pageText []string) []string {
	out := slices.Clone(pageText)
	ev := s.eventText(gs)
	if n := len(out); n >= len(ev) {
		copy(out[n-len(ev):], ev)
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
	if s.laneControls != nil && s.lanes.first != s.laneFirst {
		return false // playback scrolled the lanes: their label changes
	}
	if s.ses.Sequence && s.seqControlsKey(gs) != s.seqKey {
		return false // a task appeared or the columns scrolled: new buttons
	}
	s.caption.lines = lines
	s.paintViews(f, dst, pn == nil || s.asking())
	// The lanes' own controls sit over them: painted again.
	if page := gs.shownPage(); page != nil {
		for _, it := range append(s.laneControls, s.seqControls...) {
			page.drawItem(dst, it, 0, it.id != "" && it.id == page.focusID)
		}
	}
	// The slider with its count is repainted on a clean strip.
	c := s.lay.controls
	sl := s.bars.slider
	vector.FillRect(dst, float32(sl.x-12*s.unit), float32(sl.y), float32(c.x+c.w-sl.x+12*s.unit), float32(sl.h), colBackground, false)
	// The count after the slider follows the cursor, as the caption does.
	s.bars.countText = gs.lang().T("ui.eventOf", s.ses.Cursor.Event()+1, s.ses.Result.Trace.Len())
	s.bars.paintSlider(gs.theme(), dst, s.ses.Cursor.Fraction())
	return true
}
