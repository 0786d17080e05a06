package ui

import (
	"fmt"
	"image/color"
	"slices"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"

	"asyncwithlab/quiz"
)

// build lays out the simulator for the screen's size and places its
// controls; paint draws the rest.
func (s *simScene) build(g *Game, p *page) {
	s.unit = g.th.scale
	u := s.unit
	// The bars wrap on narrow screens; the caption's box is as tall as its
	// text at the width it will have.
	s.topRows = barRows(g.th, s.topButtons(g), g.w-16*u, 6*u, 0)
	s.ctrlRows = barRows(g.th, s.controlButtons(g), g.w-16*u, 6*u, s.sliderMin(g))
	s.lay = layoutSim(g.w, g.h, u, s.showCode, 0, s.topRows, s.ctrlRows)
	s.captionLines = s.captionLayout(g, s.lay.caption.w-16*u)
	s.lay = layoutSim(g.w, g.h, u, s.showCode, linesHeight(s.captionLines)+40*u, s.topRows, s.ctrlRows)
	if s.tlFor != s.res {
		s.tl, s.tlFor = buildTimeline(s.res.Trace), s.res
	}
	p.height = g.h // fixed: nothing scrolls
	s.buildTop(g, p)
	s.buildControls(g, p)
	switch s.panel {
	case panelPresets:
		s.buildPresets(g, p)
	case panelEditor:
		s.buildEditor(g, p)
	case panelHelp:
		s.buildHelp(g, p)
	case panelLink:
		s.buildLink(g, p)
	}
	if s.predict != nil {
		s.predict.build(g, p, s)
	}
	p.text = append(p.text, s.eventText(g)...)
}

// eventText is what a screen reader hears of the current event (and what
// the end-to-end tests read): the event as the engine names it, and its
// caption. It is always the page text's last two lines.
func (s *simScene) eventText(g *Game) []string {
	ev := s.rp.At(s.shown).Event
	return []string{fmt.Sprintf(g.lang.T("ui.eventOf"), s.shown+1, s.res.Trace.Len()) + ": " + ev.Kind.String() + " task=" + ev.Task + " manager=" + ev.Manager,
		s.captionText(g)}
}

// mirror updates the event's lines of the last page's text.
func (s *simScene) mirror(g *Game, pageText []string) []string {
	out := slices.Clone(pageText)
	if n := len(out); n >= 2 {
		copy(out[n-2:], s.eventText(g))
	}
	return out
}

// paintDynamic repaints what playback moves (caption, lanes, loop,
// console and code when visible, the slider) over the last frame. The
// page's items (buttons, panels) are left as they are.
func (s *simScene) paintDynamic(g *Game, dst *ebiten.Image) bool {
	covered := s.panel != panelNone || (s.predict != nil && s.predict.active != nil)
	if s.panel == panelPresets || (covered && !s.lay.wide) {
		return false // a panel covers the lanes
	}
	lines := s.captionLayout(g, s.lay.caption.w-16*s.unit)
	if lay := layoutSim(g.w, g.h, s.unit, s.showCode, linesHeight(lines)+40*s.unit, s.topRows, s.ctrlRows); lay != s.lay {
		return false // the caption's box changes size: a new layout
	}
	s.captionLines = lines
	s.paintMoving(g, dst, !covered)
	// The slider with its count is repainted on a clean strip.
	c := s.lay.controls
	sl := s.slider
	vector.FillRect(dst, float32(sl.x-12*s.unit), float32(sl.y), float32(c.x+c.w-sl.x+12*s.unit), float32(sl.h), colBackground, false)
	s.paintSlider(g, dst)
	return true
}

// paintPanel draws the side panel's background under its items.
func (s *simScene) paintPanel(g *Game, dst *ebiten.Image) {
	t := g.th
	r := s.lay.side
	if s.panel == panelPresets {
		r = s.lay.wideSide
	}
	roundRect(dst, float32(r.x), float32(r.y), float32(r.w), float32(r.h), float32(t.px(8)), colPanel)
	strokeRoundRect(dst, float32(r.x), float32(r.y), float32(r.w), float32(r.h), float32(t.px(8)), float32(t.px(1.5)), colAccent)
}

// panelColumn is a little flow layout inside the side panel.
type panelColumn struct {
	p    *page
	s    *simScene
	x, y float64
	w    float64
	maxY float64
	// chipIDs, when set, names the items chips places.
	chipIDs func(i int) string
}

func (s *simScene) column(p *page) *panelColumn {
	r := s.lay.side.inset(12 * s.unit)
	return &panelColumn{p: p, s: s, x: r.x, y: r.y, w: r.w, maxY: r.y + r.h}
}

// text adds wrapped text.
func (c *panelColumn) text(runs []quiz.Run, size float64, col color.Color, bold bool) {
	lines := c.p.t.wrapRuns(runs, c.w, size, col, bold)
	h := linesHeight(lines)
	c.p.place(&item{kind: itemText, x: c.x, y: c.y, w: c.w, h: h, lines: lines})
	c.p.text = append(c.p.text, quiz.PlainText(runs))
	c.y += h + c.p.t.px(6)
}

// closeButton puts a Close button at the panel's top-right corner.
func (s *simScene) closeButton(g *Game, p *page) { s.closeButtonAt(g, p, s.lay.side) }

func (s *simScene) closeButtonAt(g *Game, p *page, r rect) {
	u := s.unit
	label := "× " + g.lang.T("ui.close")
	w := p.t.textWidth(label, 15) + 20*u
	p.smallButton("close", label, r.x+r.w-w-10*u, r.y+10*u, 30*u, false, func() { s.panel = panelNone })
}

// buildHelp lists the keys.
func (s *simScene) buildHelp(g *Game, p *page) {
	s.closeButton(g, p)
	c := s.column(p)
	c.text([]quiz.Run{{Text: g.lang.T("ui.help")}}, 20, colText, true)
	for _, k := range strings.Split(g.lang.T("ui.simKeys"), " · ") {
		c.text([]quiz.Run{{Text: k}}, 15, colText, false)
	}
}

// buildLink shows a link to copy by hand (no clipboard here).
func (s *simScene) buildLink(g *Game, p *page) {
	s.closeButton(g, p)
	c := s.column(p)
	c.text([]quiz.Run{{Text: g.lang.T("ui.copyLink")}}, 20, colText, true)
	c.text([]quiz.Run{{Text: s.link, Style: quiz.Code}}, 13, colText, false)
}

// captionKey is what a caption's layout depends on.
type captionKey struct {
	gen, shown int
	lang       Lang
	width      float64
}

// captionLayout wraps the current caption to width, once per event (the
// playing screen asks every frame).
func (s *simScene) captionLayout(g *Game, width float64) []line {
	k := captionKey{s.gen, s.shown, g.lang, width}
	if k != s.captionFor || s.captionWrapped == nil {
		s.captionWrapped = g.th.wrapRuns(richCaption(s.captionText(g)), width, 15, colText, false)
		s.captionFor = k
	}
	return s.captionWrapped
}
