package ui

import (
	"image/color"
	"slices"
	"strconv"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"

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

// simBars is where build placed the title bar's and the playback bar's
// parts that paint draws: the title, the speed, the slider and its count.
type simBars struct {
	topRows        int // rows of buttons of the title bar
	ctrlRows       int // and of the playback bar
	titleX, titleY float64
	speedX, speedY float64
	slider         rect
	countText      string
}

// topButtons are the title bar's actions.
func (s *simScene) topButtons(gs gameState) []button {
	l := gs.lang()
	predict := l.T("ui.predict")
	if s.ses.Predict != nil {
		predict = l.T("ui.predictOn")
	}
	ps := &s.panels
	if s.hw != nil {
		bs := []button{
			{"home", "← " + l.T("hw.backToAssignment"), false, func() { s.home(gs) }},
			{"view", l.T("ui.sequence"), s.ses.Sequence, func() { s.toggleView(gs) }},
			{"help", "? " + l.T("ui.help"), s.panel == ps.help, func() { s.toggle(ps.help) }},
		}
		if !s.wideScreen(gs) {
			bs[2] = button{"code", l.T("ui.code"), s.showCode, func() { s.showCode = !s.showCode }}
		}
		return bs
	}
	home := button{"home", "← " + l.T("ui.home"), false, func() { s.home(gs) }}
	if s.ret != nil {
		// Its own id: beside a question, "home" is the question's.
		home = button{"example-back", s.ret.label, false, func() { s.home(gs) }}
	}
	bs := []button{
		home,
		{"presets", l.T("ui.presets"), s.panel == ps.examples, func() { s.toggle(ps.examples) }},
		{"editor", l.T("ui.editor"), s.panel == ps.editor, func() { s.toggle(ps.editor) }},
		{"predict", predict, s.ses.Predict != nil, func() { s.togglePredict(gs) }},
		{"view", l.T("ui.sequence"), s.ses.Sequence, func() { s.toggleView(gs) }},
		{"python", l.T("ui.python", s.ses.PythonVersion()), false, func() { s.nextPython(gs) }},
		{"versions", l.T("ui.versions"), s.panel == ps.versions, func() { s.toggle(ps.versions) }},
		{"link", l.T("ui.copyLink"), false, func() { s.copyLink(gs) }},
		{"save", l.T("ui.save"), false, func() { s.save(gs) }},
		{"help", "? " + l.T("ui.help"), s.panel == ps.help, func() { s.toggle(ps.help) }},
	}
	if !s.wideScreen(gs) {
		// A phone: Keys has no use on a touch screen and Save little; the
		// code gets a view of its own instead. The keys still work.
		bs = append(bs[:len(bs)-2], button{"code", l.T("ui.code"), s.showCode, func() { s.showCode = !s.showCode }})
		bs = slices.DeleteFunc(bs, func(b button) bool { return b.id == "versions" }) // three columns need the room
	}
	return bs
}

// wideScreen: the screen is wide enough for the code beside the lanes.
func (s *simScene) wideScreen(gs gameState) bool {
	w, _ := gs.size()
	return w >= 900*gs.theme().scale
}

// buildTop lays out the title bar: Home, the screen's actions and, when
// there is room after them, the scenario's title.
func (s *simScene) buildTop(gs gameState, p *page) {
	u := s.unit
	top := s.lay.top
	h := 34 * u
	row := &buttonRow{p: p, x: top.x + 8*u, y: top.y + 7*u, h: h, gap: 6 * u, x0: top.x + 8*u, maxX: top.x + top.w - 8*u, rowGap: 6 * u}
	for _, b := range s.topButtons(gs) {
		row.add(b.id, b.label, b.primary, b.action)
	}
	s.bars.titleX, s.bars.titleY = row.x+8*u, row.y
}

// controlButtons are the playback bar's buttons before the speed.
func (s *simScene) controlButtons(gs gameState) []button {
	l := gs.lang()
	// The actions read the session's cursor when they run: an edit
	// replaces it.
	play := "► " + l.T("ui.play")
	if s.ses.Cursor.Playing {
		play = "▌▌ " + l.T("ui.pause")
	}
	return []button{
		{"first", "|◄", false, func() { s.ses.Cursor.First() }},
		{"back", "◄", false, func() { s.ses.Cursor.StepBack() }},
		{"play", play, true, func() { s.ses.Cursor.Toggle() }},
		{"step", "►", false, func() { s.ses.Cursor.StepForward() }},
		{"last", "►|", false, func() { s.ses.Cursor.Last() }},
		{"slower", "−", false, func() { s.ses.Cursor.SpeedDown() }},
		{"speed", speedLabel(0.25), false, nil}, // room for the speed, painted
		{"faster", "+", false, func() { s.ses.Cursor.SpeedUp() }},
	}
}

// sliderMin is the narrowest the scrub slider gets beside the buttons
// (with the event count after it); narrower screens give it a row.
func (s *simScene) sliderMin(gs gameState) float64 {
	th := gs.theme()
	return 140*th.scale + th.textWidth(gs.lang().T("ui.eventOf", 99999, 99999), 14)
}

// buildControls lays out the playback bar: first, back, play, step, last,
// speed, and the scrub slider with the position.
func (s *simScene) buildControls(gs gameState, p *page) {
	l := gs.lang()
	u := s.unit
	c := s.lay.controls
	cur := s.ses.Cursor
	h := 38 * u
	row := &buttonRow{p: p, x: c.x + 8*u, y: c.y + 9*u, h: h, gap: 6 * u, x0: c.x + 8*u, maxX: c.x + c.w - 8*u, rowGap: 8 * u}
	for _, b := range s.controlButtons(gs) {
		if b.action == nil {
			s.bars.speedX, s.bars.speedY = row.space(b.width(p.t))
			continue
		}
		row.add(b.id, b.label, b.primary, b.action)
	}
	count := l.T("ui.eventOf", cur.Event()+1, s.ses.Result.Trace.Len())
	countW := p.t.textWidth(l.T("ui.eventOf", 99999, 99999), 14)
	sx, sy := row.x+8*u, row.y
	if c.x+c.w-sx < s.sliderMin(gs) {
		sx, sy = c.x+16*u, row.y+h+8*u // a row of its own
	}
	sw := max(c.x+c.w-sx-countW-24*u, 60*u)
	p.text = append(p.text, count+" · "+speedLabel(cur.Speed))
	// The slider is drawn by paintSlider; the item only takes the input.
	slider := p.place(&item{kind: itemText, id: "scrub", x: sx, y: sy, w: sw, h: h})
	slider.action = func() {} // focusable
	slider.scrub = func(x, _ float64) {
		s.ses.Cursor.Seek((x - sx) / sw)
	}
	s.bars.slider = rect{sx, sy, sw, h}
	s.bars.countText = count
}

// paintSlider draws the scrub slider: the track, the part played (frac
// of the run), a knob, and the count after it.
func (b *simBars) paintSlider(t *theme, dst *ebiten.Image, frac float64) {
	sl := b.slider
	cy := sl.y + sl.h/2
	th := t.px(6)
	roundRect(dst, float32(sl.x), float32(cy-th/2), float32(sl.w), float32(th), float32(th/2), colBorder)
	fx := sl.x + sl.w*frac
	roundRect(dst, float32(sl.x), float32(cy-th/2), float32(fx-sl.x), float32(th), float32(th/2), colAccent)
	vector.FillCircle(dst, float32(fx), float32(cy), float32(t.px(9)), colAccent, true)
	f := t.face(fontRegular, 13)
	drawString(dst, b.countText, f, sl.x+sl.w+t.px(12), cy-t.px(9), colMuted)
}

// paintSpeed draws the speed between − and +.
func (b *simBars) paintSpeed(t *theme, dst *ebiten.Image, speed float64) {
	drawString(dst, speedLabel(speed), t.face(fontBold, 14), b.speedX, b.speedY+t.px(10), colText)
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
