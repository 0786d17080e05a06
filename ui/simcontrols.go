package ui

import (
	"fmt"
	"image/color"
	"strconv"

	"asyncwithlab/quiz"
)

// smallButton places a button of the simulator at x, y with the given
// height; its width follows its label. It returns the button.
func (p *page) smallButton(id, label string, x, y, h float64, primary bool, action func()) *item {
	pad := p.t.px(10)
	fg, bg := colAccent, color.Color(colPanel)
	if primary {
		fg, bg = colAccentText, colAccent
	}
	lines := p.t.wrapRuns([]quiz.Run{{Text: label}}, p.width, 15, fg, true)
	for i := range lines {
		for j := range lines[i].frags {
			lines[i].frags[j].col = fg
		}
	}
	w := lines[0].w + 2*pad
	p.text = append(p.text, "["+label+"]")
	ty := max((h-linesHeight(lines))/2, 0)
	return p.place(&item{kind: itemButton, id: id, x: x, y: y, w: w, h: h, lines: lines, pad: ty,
		bg: bg, border: colAccent, action: action})
}

// buttonRow lays buttons out from x to the right, wrapping to a new row
// at maxX (when set).
type buttonRow struct {
	p      *page
	x, y   float64
	h      float64
	gap    float64
	x0     float64 // where a wrapped row starts
	maxX   float64
	rowGap float64
}

func (r *buttonRow) add(id, label string, primary bool, action func()) *item {
	it := r.p.smallButton(id, label, r.x, r.y, r.h, primary, action)
	if r.maxX > 0 && r.x+it.w > r.maxX && r.x > r.x0 {
		r.x, r.y = r.x0, r.y+r.h+r.rowGap
		it.x, it.y = r.x, r.y
	}
	// Centre the label vertically inside the button.
	it.pad = (it.h - linesHeight(it.lines)) / 2
	r.x += it.w + r.gap
	return it
}

// space reserves w of the row (wrapping like add) and returns where.
func (r *buttonRow) space(w float64) (x, y float64) {
	if r.maxX > 0 && r.x+w > r.maxX && r.x > r.x0 {
		r.x, r.y = r.x0, r.y+r.h+r.rowGap
	}
	x, y = r.x, r.y
	r.x += w + r.gap
	return x, y
}

// button is one button of a bar, so that a bar can be measured before it
// is placed. A button without an action is a space for something painted
// (the speed), as wide as its label's text.
type button struct {
	id, label string
	primary   bool
	action    func()
}

// width is how much of a bar the button takes.
func (b button) width(t *theme) float64 {
	if b.action == nil {
		return t.textWidth(b.label, 15)
	}
	lines := t.wrapRuns([]quiz.Run{{Text: b.label}}, 1e9, 15, colText, true)
	return lines[0].w + 2*t.px(10)
}

// barRows is how many rows the buttons take in width avail (device px),
// with gap between them, and extra width needed after the last one.
func barRows(t *theme, buttons []button, avail, gap, extra float64) int {
	rows, x := 1, 0.0
	for _, b := range buttons {
		w := b.width(t)
		if x > 0 && x+w > avail {
			rows, x = rows+1, 0
		}
		x += w + gap
	}
	if extra > 0 && x+extra > avail {
		rows++
	}
	return rows
}

// topButtons are the title bar's actions.
func (s *simScene) topButtons(g *Game) []button {
	l := g.lang
	predict := l.T("ui.predict")
	if s.predict != nil {
		predict = l.T("ui.predictOn")
	}
	bs := []button{
		{"home", "← " + l.T("ui.home"), false, func() { s.panel = panelNone; g.plat.SetFragment(""); g.goTo(&homeScene{}) }},
		{"presets", l.T("ui.presets"), s.panel == panelPresets, func() { s.togglePanel(panelPresets) }},
		{"editor", l.T("ui.editor"), s.panel == panelEditor, func() { s.togglePanel(panelEditor) }},
		{"predict", predict, s.predict != nil, func() { s.togglePredict(g) }},
		{"link", l.T("ui.copyLink"), false, func() { s.copyLink(g) }},
		{"save", l.T("ui.save"), false, func() { s.save(g) }},
		{"help", "? " + l.T("ui.help"), s.panel == panelHelp, func() { s.togglePanel(panelHelp) }},
	}
	if !s.wideScreen(g) {
		// A phone: Keys has no use on a touch screen and Save little; the
		// code gets a view of its own instead. The keys still work.
		bs = append(bs[:len(bs)-2], button{"code", l.T("ui.code"), s.showCode, func() { s.showCode = !s.showCode }})
	}
	return bs
}

// wideScreen: the screen is wide enough for the code beside the lanes.
func (s *simScene) wideScreen(g *Game) bool { return g.w >= 900*g.th.scale }

// buildTop lays out the title bar: Home, the screen's actions and, when
// there is room after them, the scenario's title.
func (s *simScene) buildTop(g *Game, p *page) {
	u := s.unit
	top := s.lay.top
	h := 34 * u
	row := &buttonRow{p: p, x: top.x + 8*u, y: top.y + 7*u, h: h, gap: 6 * u, x0: top.x + 8*u, maxX: top.x + top.w - 8*u, rowGap: 6 * u}
	for _, b := range s.topButtons(g) {
		row.add(b.id, b.label, b.primary, b.action)
	}
	s.titleX, s.titleY = row.x+8*u, row.y
}

// controlButtons are the playback bar's buttons before the speed.
func (s *simScene) controlButtons(g *Game) []button {
	l := g.lang
	play := "► " + l.T("ui.play")
	if s.cur.Playing {
		play = "▌▌ " + l.T("ui.pause")
	}
	return []button{
		{"first", "|◄", false, func() { s.cur.First() }},
		{"back", "◄", false, func() { s.cur.StepBack() }},
		{"play", play, true, func() { s.cur.Toggle() }},
		{"step", "►", false, func() { s.cur.StepForward() }},
		{"last", "►|", false, func() { s.cur.Last() }},
		{"slower", "−", false, func() { s.cur.SpeedDown() }},
		{"speed", speedLabel(0.25), false, nil}, // room for the speed, painted
		{"faster", "+", false, func() { s.cur.SpeedUp() }},
	}
}

// sliderMin is the narrowest the scrub slider gets beside the buttons
// (with the event count after it); narrower screens give it a row.
func (s *simScene) sliderMin(g *Game) float64 {
	return 140*g.th.scale + g.th.textWidth(fmt.Sprintf(g.lang.T("ui.eventOf"), 99999, 99999), 14)
}

// buildControls lays out the playback bar: first, back, play, step, last,
// speed, and the scrub slider with the position.
func (s *simScene) buildControls(g *Game, p *page) {
	l := g.lang
	u := s.unit
	c := s.lay.controls
	h := 38 * u
	row := &buttonRow{p: p, x: c.x + 8*u, y: c.y + 9*u, h: h, gap: 6 * u, x0: c.x + 8*u, maxX: c.x + c.w - 8*u, rowGap: 8 * u}
	for _, b := range s.controlButtons(g) {
		if b.action == nil {
			s.speedX, s.speedY = row.space(b.width(p.t))
			continue
		}
		row.add(b.id, b.label, b.primary, b.action)
	}
	count := fmt.Sprintf(l.T("ui.eventOf"), s.cur.Event()+1, s.res.Trace.Len())
	countW := p.t.textWidth(fmt.Sprintf(l.T("ui.eventOf"), 99999, 99999), 14)
	sx, sy := row.x+8*u, row.y
	if c.x+c.w-sx < s.sliderMin(g) {
		sx, sy = c.x+16*u, row.y+h+8*u // a row of its own
	}
	sw := max(c.x+c.w-sx-countW-24*u, 60*u)
	p.text = append(p.text, count+" · "+speedLabel(s.cur.Speed))
	// The slider is drawn by paintSlider; the item only takes the input.
	slider := p.place(&item{kind: itemText, id: "scrub", x: sx, y: sy, w: sw, h: h})
	slider.action = func() {} // focusable
	slider.scrub = func(x, _ float64) {
		s.cur.Seek((x - sx) / sw)
	}
	s.slider = rect{sx, sy, sw, h}
	s.countText = count
}

// speedLabel is how a speed is shown: "0.25×", "1×".
func speedLabel(v float64) string {
	return strconv.FormatFloat(v, 'g', -1, 64) + "×"
}

// textWidth measures a string set in the regular face at size CSS px.
func (t *theme) textWidth(s string, size float64) float64 {
	lines := t.wrapRuns([]quiz.Run{{Text: s}}, 1e9, size, colText, false)
	if len(lines) == 0 {
		return 0
	}
	return lines[0].w
}
