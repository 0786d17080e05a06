package ui

import (
	"image/color"
	"strconv"

	"github.com/hajimehoshi/ebiten/v2"

	"asyncwithlab/quiz"
)

// simPanel is a side panel of the simulator: the examples, the editor, a
// prediction question, the keys, a link to copy. It shows over the code
// column; the screen holds at most one (simScene.panel, or the question
// while one is asked), and paints its background under its items.
type simPanel interface {
	// build places the panel's items on the page.
	build(gs gameState, s *simScene, p *page)
	// wide: the panel takes the wider area (simRegions.wideSide), over
	// part of the lanes too, so playback cannot repaint them under it.
	wide() bool
}

// simPanels is one of each panel, kept by the screen so that a panel
// keeps its state (the chosen topic, the link) while it is closed.
type simPanels struct {
	examples *examplesPanel
	editor   *editorPanel
	predict  *predictPanel
	help     *helpPanel
	link     *linkPanel
	versions *versionsPanel
}

func newSimPanels() simPanels {
	return simPanels{examples: &examplesPanel{}, editor: &editorPanel{}, predict: &predictPanel{}, help: &helpPanel{}, link: &linkPanel{},
		versions: &versionsPanel{}}
}

// panelArea is where panel pn goes.
func (s *simScene) panelArea(pn simPanel) rect {
	if pn.wide() {
		return s.lay.wideSide
	}
	return s.lay.side
}

// paintPanelBox draws a panel's background under its items.
func (s *simScene) paintPanelBox(t *theme, dst *ebiten.Image, pn simPanel) {
	r := s.panelArea(pn)
	roundRect(dst, float32(r.x), float32(r.y), float32(r.w), float32(r.h), float32(t.px(8)), colPanel)
	strokeRoundRect(dst, float32(r.x), float32(r.y), float32(r.w), float32(r.h), float32(t.px(8)), float32(t.px(1.5)), colAccent)
}

// closeButton puts a Close button at the top-right corner of the panel's
// area r.
func (s *simScene) closeButton(gs gameState, p *page, r rect) {
	u := s.unit
	label := "× " + gs.lang().T("ui.close")
	w := p.t.textWidth(label, 15) + 20*u
	p.smallButton("close", label, r.x+r.w-w-10*u, r.y+10*u, 30*u, false, func() { s.panel = nil })
}

// panelColumn is a little flow layout inside a side panel: what it
// places goes down from the top.
type panelColumn struct {
	p    *page
	s    *simScene
	x, y float64
	w    float64
	// chipIDs, when set, names the items chips places.
	chipIDs func(i int) string
}

// column starts a flow layout inside the panel's area r.
func (s *simScene) column(p *page, r rect) *panelColumn {
	r = r.inset(12 * s.unit)
	return &panelColumn{p: p, s: s, x: r.x, y: r.y, w: r.w}
}

// text adds wrapped text.
func (c *panelColumn) text(runs []quiz.Run, size float64, col color.Color, bold bool) {
	lines := c.p.t.wrapRuns(runs, c.w, size, col, bold)
	h := linesHeight(lines)
	c.p.place(&item{kind: itemText, x: c.x, y: c.y, w: c.w, h: h, lines: lines})
	c.p.text = append(c.p.text, quiz.PlainText(runs))
	c.y += h + c.p.t.px(6)
}

// stepper places a row: a label, ◄, the value, ►.
func (c *panelColumn) stepper(id, label, value string, step func(int)) {
	p, u := c.p, c.s.unit
	h := 28 * u
	f := p.t.face(fontRegular, 14)
	labelW := min(c.w*0.38, 170*u)
	lines := p.t.wrapRuns([]quiz.Run{{Text: label}}, labelW-6*u, 13, colMuted, false)
	if len(lines) > 1 {
		lines = lines[:1]
	}
	p.place(&item{kind: itemText, x: c.x, y: c.y + (h-linesHeight(lines))/2, w: labelW, h: linesHeight(lines), lines: lines})
	x := c.x + labelW
	prev := p.smallButton(id+"-prev", "◄", x, c.y, h, false, func() { step(-1) })
	vx := prev.x + prev.w + 6*u
	next := p.smallButton(id+"-next", "►", 0, c.y, h, false, func() { step(1) })
	next.x = c.x + c.w - next.w
	valueW := next.x - vx - 6*u
	v := fitString(displayable(value), f, valueW)
	vl := []line{{frags: []frag{{s: v, face: f, col: colText}}, h: h}}
	p.place(&item{kind: itemText, x: vx, y: c.y, w: valueW, h: h, lines: vl})
	p.text = append(p.text, label+": "+value)
	c.y += h + 6*u
}

// toggle places an on/off button with its label.
func (c *panelColumn) toggle(id, label string, on bool, action func()) {
	l := "○ " + label
	if on {
		l = "● " + label
	}
	it := c.p.smallButton(id, l, c.x, c.y, 28*c.s.unit, on, action)
	c.y += it.h + 6*c.s.unit
}

// chips places a wrapping row of choices, the chosen one highlighted.
func (c *panelColumn) chips(id string, labels []string, chosen int, pick func(int)) {
	p, u := c.p, c.s.unit
	h := 26 * u
	x := c.x
	for i, label := range labels {
		itemID := id + "-" + strconv.Itoa(i)
		if c.chipIDs != nil {
			itemID = c.chipIDs(i)
		}
		it := p.smallButton(itemID, label, x, c.y, h, i == chosen, func() { pick(i) })
		if x+it.w > c.x+c.w && x > c.x {
			// Wrap: the chip goes first on the next row.
			x, c.y = c.x, c.y+h+6*u
			it.x, it.y = x, c.y
		}
		x += it.w + 6*u
	}
	if len(labels) > 0 {
		c.y += h + 8*u
	}
}
