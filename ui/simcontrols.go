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

// buttonRow lays buttons out from x to the right; it returns the x after
// the last one.
type buttonRow struct {
	p    *page
	x, y float64
	h    float64
	gap  float64
}

func (r *buttonRow) add(id, label string, primary bool, action func()) *item {
	it := r.p.smallButton(id, label, r.x, r.y, r.h, primary, action)
	// Centre the label horizontally inside the button's padding.
	it.pad = (it.h - linesHeight(it.lines)) / 2
	r.x += it.w + r.gap
	return it
}

// buildTop lays out the title bar: Home, the scenario's title and the
// screen's actions.
func (s *simScene) buildTop(g *Game, p *page) {
	l := g.lang
	u := s.unit
	top := s.lay.top
	h := 34 * u
	y := top.y + (top.h-h)/2
	row := &buttonRow{p: p, x: top.x + 8*u, y: y, h: h, gap: 6 * u}
	row.add("home", "← "+l.T("home"), false, func() { s.back(g); s.panel = panelNone; g.plat.SetFragment(""); g.goTo(&homeScene{}) })
	row.add("presets", l.T("presets"), s.panel == panelPresets, func() { s.togglePanel(panelPresets) })
	row.add("editor", l.T("editor"), s.panel == panelEditor, func() { s.togglePanel(panelEditor) })
	predict := l.T("predict")
	if s.predict != nil {
		predict = l.T("predictOn")
	}
	row.add("predict", predict, s.predict != nil, func() { s.togglePredict(g) })
	row.add("link", l.T("copyLink"), false, func() { s.copyLink(g) })
	row.add("save", l.T("save"), false, func() { s.save(g) })
	row.add("help", "? "+l.T("help"), s.panel == panelHelp, func() { s.togglePanel(panelHelp) })
	if !s.lay.wide {
		label := l.T("code")
		row.add("code", label, s.showCode, func() { s.showCode = !s.showCode })
	}
	s.titleX = row.x + 8*u
}

// buildControls lays out the playback bar: first, back, play, step, last,
// speed and the scrub slider.
func (s *simScene) buildControls(g *Game, p *page) {
	l := g.lang
	u := s.unit
	c := s.lay.controls
	h := 38 * u
	y := c.y + (c.h-h)/2
	row := &buttonRow{p: p, x: c.x + 8*u, y: y, h: h, gap: 6 * u}
	row.add("first", "|◄", false, func() { s.cur.First() })
	row.add("back", "◄", false, func() { s.cur.StepBack() })
	play := "► " + l.T("play")
	if s.cur.Playing {
		play = "▌▌ " + l.T("pause")
	}
	row.add("play", play, true, func() { s.cur.Toggle() })
	row.add("step", "►", false, func() { s.cur.StepForward() })
	row.add("last", "►|", false, func() { s.cur.Last() })
	row.x += 8 * u
	row.add("slower", "−", false, func() { s.cur.SpeedDown() })
	s.speedX = row.x
	row.x += p.t.textWidth(speedLabel(4), 15) + 8*u
	row.add("faster", "+", false, func() { s.cur.SpeedUp() })
	// The slider takes the rest of the bar, with the position after it.
	count := fmt.Sprintf(l.T("eventOf"), s.cur.Event()+1, s.res.Trace.Len())
	countW := p.t.textWidth(fmt.Sprintf(l.T("eventOf"), 99999, 99999), 14)
	sx := row.x + 8*u
	sw := max(c.x+c.w-sx-countW-24*u, 60*u)
	p.text = append(p.text, count+" · "+speedLabel(s.cur.Speed))
	// The slider is drawn by paintSlider; the item only takes the input.
	slider := p.place(&item{kind: itemText, id: "scrub", x: sx, y: y, w: sw, h: h})
	slider.action = func() {} // focusable; ←/→ move it
	slider.scrub = func(x, _ float64) {
		s.cur.Seek((x - sx) / sw)
	}
	s.slider = rect{sx, y, sw, h}
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
