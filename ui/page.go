package ui

import (
	"image"
	"image/color"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"

	"asyncwithlab/quiz"
)

// itemKind says how an item of a page is drawn.
type itemKind int

const (
	itemText     itemKind = iota
	itemPanel             // text on a coloured panel (hint, feedback)
	itemCode              // a dark code listing
	itemButton            // a button
	itemOption            // an answer option
	itemProgress          // a progress bar
)

// verdict is how an answer is shown once marked.
type verdict uint8

const (
	verdictNone  verdict = iota // not marked (or not revealed)
	verdictRight                // a right answer, or a right place
	verdictWrong                // a wrong pick
)

// optionMark is what an option shows beside its text.
type optionMark int

const (
	markCheckbox optionMark = iota
	markRadio
	markOrder // a sequence item: its position and a drag handle
)

// item is one laid-out element of a page, in page coordinates (device px).
type item struct {
	kind     itemKind
	x, y     float64
	w, h     float64
	lines    []line
	pad      float64
	bg       color.Color
	border   color.Color
	action   func() // clickable when set; focusable too
	id       string // stable identity, for focus and drag
	mark     optionMark
	label    string // an option's key ("1", "2"...)
	selected bool
	state    verdict
	frac     float64
	drag     bool // a sequence item that can be dragged
	// scrub, when set, follows a press and its drag across the item with
	// the pointer's screen position (a slider); action is for keys.
	scrub func(x, y float64)
	// fixed items stay where they are when the page scrolls (the
	// simulator's controls beside a scrolling question).
	fixed bool
	// clip, when set, is the only part of the screen the item shows in
	// and takes clicks in: an item of a scrolled panel.
	clip *rect
	// noDraw: the item is drawn elsewhere (the simulator beside a
	// question draws its controls on its own strip); the page keeps it
	// for clicks, keys and the screen reader.
	noDraw bool
}

// scrollArea is a part of the screen that scrolls on its own (a side
// panel's list, the simulator's lanes): the wheel over it and a drag
// that starts in it go to by, which reports whether anything moved.
type scrollArea struct {
	r  rect
	by func(dy float64) bool
}

// revealIn scrolls the area an item is clipped to so that the item is in
// view (keyboard focus moving down a panel's list).
func (p *page) revealIn(it *item) {
	c := it.clip
	a := p.scrollAreaAt(c.x+c.w/2, c.y+c.h/2)
	if a == nil {
		return
	}
	m := p.t.px(8)
	switch {
	case it.y < c.y:
		a.by(it.y - c.y - m)
	case it.y+it.h > c.y+c.h:
		a.by(min(it.y+it.h-(c.y+c.h)+m, it.y-c.y-m)) // its top stays in view
	}
}

// scrollAreaAt is the scroll area under a screen position, nil if none.
func (p *page) scrollAreaAt(x, y float64) *scrollArea {
	for i := len(p.scrollAreas) - 1; i >= 0; i-- {
		a := &p.scrollAreas[i]
		if x >= a.r.x && x < a.r.x+a.r.w && y >= a.r.y && y < a.r.y+a.r.h {
			return a
		}
	}
	return nil
}

// scrollOf is how far the page's scroll moves an item.
func (p *page) scrollOf(it *item) float64 {
	if it.fixed {
		return 0
	}
	return p.scroll
}

// page is what a scene shows: items from top to bottom, scrolled.
type page struct {
	t       *theme
	lang    Lang    // the language of the words the page adds itself
	width   float64 // screen width, device px
	x0, w   float64 // content column
	y       float64 // next free y while building
	items   []*item
	height  float64
	scroll  float64
	focusID string
	text    []string // plain text of the page, for the screen-reader mirror
	// scrollAreas scroll on their own, over the page (see scrollArea).
	scrollAreas []scrollArea
}

func newPage(t *theme, lang Lang, screenW float64) *page {
	p := &page{t: t, lang: lang, width: screenW}
	p.setColumn(0, screenW)
	p.y = t.px(16)
	return p
}

// setColumn centres the content column in the strip from x, w wide (the
// whole screen, or its left part beside the simulator).
func (p *page) setColumn(x, w float64) {
	margin := p.t.px(16)
	p.w = min(w-2*margin, p.t.px(760))
	p.x0 = x + (w-p.w)/2
}

func (p *page) gap(v float64) { p.y += p.t.px(v) }

func (p *page) add(it *item) *item {
	it.x, it.y = p.x0, p.y
	if it.w == 0 {
		it.w = p.w
	}
	p.items = append(p.items, it)
	p.y += it.h + p.t.px(8)
	p.height = p.y + p.t.px(24)
	return it
}

// place adds an item where it says (x, y, w, h set), outside the flow:
// screens with a fixed layout, such as the simulator, place their controls.
func (p *page) place(it *item) *item {
	p.items = append(p.items, it)
	return it
}

// textItem adds wrapped runs.
func (p *page) textItem(runs []quiz.Run, size float64, col color.Color, bold bool) *item {
	lines := p.t.wrapRuns(runs, p.w, size, col, bold)
	p.text = append(p.text, quiz.PlainText(runs))
	return p.add(&item{kind: itemText, lines: lines, h: linesHeight(lines)})
}

func (p *page) plain(s string, size float64, col color.Color, bold bool) *item {
	return p.textItem([]quiz.Run{{Text: s}}, size, col, bold)
}

// panel adds blocks (paragraphs and code) on a coloured panel.
func (p *page) panel(title string, blocks []quiz.Block, bg, border color.Color) *item {
	pad := p.t.px(12)
	var lines []line
	if title != "" {
		lines = append(lines, p.t.wrapRuns([]quiz.Run{{Text: title, Style: quiz.Strong}}, p.w-2*pad, 16, colText, true)...)
		p.text = append(p.text, title)
	}
	for _, b := range blocks {
		if b.Kind == quiz.CodeBlock {
			// On a light panel code is set in the text colour.
			code := p.t.codeLines(b.Code, p.w-2*pad, 14, false)
			for i := range code {
				for j := range code[i].frags {
					code[i].frags[j].col = colText
				}
			}
			lines = append(lines, code...)
			p.text = append(p.text, b.Code)
			continue
		}
		lines = append(lines, p.t.wrapRuns(b.Runs, p.w-2*pad, 16, colText, false)...)
		p.text = append(p.text, quiz.PlainText(b.Runs))
	}
	return p.add(&item{kind: itemPanel, lines: lines, pad: pad, h: linesHeight(lines) + 2*pad, bg: bg, border: border})
}

// blocks adds a question's body: paragraphs and code listings.
func (p *page) blocks(blocks []quiz.Block) {
	for _, b := range blocks {
		if b.Kind == quiz.CodeBlock {
			pad := p.t.px(12)
			python := b.Lang == "" || b.Lang == "python" || b.Lang == "py" || b.Lang == "python3"
			lines := p.t.codeLines(b.Code, p.w-2*pad, 14, python)
			p.text = append(p.text, b.Code)
			p.add(&item{kind: itemCode, lines: lines, pad: pad, h: linesHeight(lines) + 2*pad, bg: colCodeBg})
			continue
		}
		p.textItem(b.Runs, 17, colText, false)
	}
}

func (p *page) button(id, label string, primary bool, action func()) *item {
	pad := p.t.px(12)
	lines := p.t.wrapRuns([]quiz.Run{{Text: label}}, p.w-2*pad, 17, colText, true)
	bg, fg := colPanel, colAccent
	if primary {
		bg, fg = colAccent, colAccentText
	}
	for i := range lines {
		for j := range lines[i].frags {
			lines[i].frags[j].col = fg
		}
	}
	w := min(p.w, max(lines[0].w+2*pad, p.t.px(160)))
	p.text = append(p.text, "["+label+"]")
	return p.add(&item{kind: itemButton, id: id, lines: lines, pad: pad, w: w, h: linesHeight(lines) + 2*pad,
		bg: bg, border: colAccent, action: action})
}

// option adds an answer option.
func (p *page) option(id, key string, runs []quiz.Run, more []quiz.Block, mark optionMark, selected bool, state verdict, action func()) *item {
	pad := p.t.px(12)
	indent := p.t.px(64)
	lines := p.t.wrapRuns(runs, p.w-indent-pad, 17, colText, false)
	for _, b := range more {
		if b.Kind == quiz.CodeBlock {
			code := p.t.codeLines(b.Code, p.w-indent-pad, 14, false)
			for i := range code {
				for j := range code[i].frags {
					code[i].frags[j].col = colText
				}
			}
			lines = append(lines, code...)
			continue
		}
		lines = append(lines, p.t.wrapRuns(b.Runs, p.w-indent-pad, 17, colText, false)...)
	}
	bg := colPanel
	switch {
	case state == verdictRight:
		bg = colRightBg
	case state == verdictWrong:
		bg = colWrongBg
	case selected:
		bg = colSelectedBg
	}
	status := ""
	if selected {
		status = p.lang.T("ui.chosen")
	}
	p.text = append(p.text, key+". "+quiz.PlainText(runs)+status)
	return p.add(&item{kind: itemOption, id: id, lines: lines, pad: pad, h: max(linesHeight(lines)+2*pad, p.t.px(48)),
		bg: bg, border: colBorder, action: action, mark: mark, label: key, selected: selected, state: state,
		drag: mark == markOrder})
}

func (p *page) progress(frac float64, label string) *item {
	p.text = append(p.text, label)
	lines := p.t.wrapRuns([]quiz.Run{{Text: label}}, p.w, 14, colMuted, false)
	return p.add(&item{kind: itemProgress, lines: lines, frac: frac, h: linesHeight(lines) + p.t.px(10)})
}

func linesHeight(ls []line) float64 {
	h := 0.0
	for _, l := range ls {
		h += l.h
	}
	return h
}

// focusables lists the items that take focus, in order.
func (p *page) focusables() []*item {
	var out []*item
	for _, it := range p.items {
		if it.action != nil {
			out = append(out, it)
		}
	}
	return out
}

func (p *page) focused() *item {
	for _, it := range p.focusables() {
		if it.id == p.focusID {
			return it
		}
	}
	return nil
}

// moveFocus moves the focus by delta among the focusable items.
func (p *page) moveFocus(delta int) {
	fs := p.focusables()
	if len(fs) == 0 {
		return
	}
	idx := -1
	for i, it := range fs {
		if it.id == p.focusID {
			idx = i
		}
	}
	switch {
	case idx < 0 && delta > 0:
		idx = 0
	case idx < 0:
		idx = len(fs) - 1
	default:
		idx = (idx + delta + len(fs)) % len(fs)
	}
	p.focusID = fs[idx].id
}

// hit returns the clickable item at a screen position.
func (p *page) hit(x, y float64) *item {
	for _, it := range p.items {
		py := y + p.scrollOf(it)
		if c := it.clip; c != nil && (x < c.x || x >= c.x+c.w || y < c.y || y >= c.y+c.h) {
			continue
		}
		if it.action != nil && x >= it.x && x < it.x+it.w && py >= it.y && py < it.y+it.h {
			return it
		}
	}
	return nil
}

// clampScroll keeps the scroll within the content.
func (p *page) clampScroll(screenH float64) {
	maxScroll := max(0, p.height-screenH)
	p.scroll = min(max(p.scroll, 0), maxScroll)
}

// reveal scrolls so that an item is visible.
func (p *page) reveal(it *item, screenH float64) {
	if it.clip != nil {
		p.revealIn(it)
		return
	}
	if it.fixed {
		return // always in view
	}
	m := p.t.px(16)
	if it.y-m < p.scroll {
		p.scroll = it.y - m
	}
	if it.y+it.h+m > p.scroll+screenH {
		p.scroll = it.y + it.h + m - screenH
	}
	p.clampScroll(screenH)
}

// draw paints the page; dragY is the y offset of a dragged item (id dragID).
func (p *page) draw(dst *ebiten.Image, dragID string, dragDY float64) {
	dst.Fill(colBackground)
	p.drawItems(dst, dragID, dragDY)
}

// drawItems paints the items over what is already there.
func (p *page) drawItems(dst *ebiten.Image, dragID string, dragDY float64) {
	for _, it := range p.items {
		if it.noDraw {
			continue
		}
		dy := -p.scrollOf(it)
		if it.id != "" && it.id == dragID {
			dy += dragDY
		}
		d := dst
		if c := it.clip; c != nil {
			if it.y+dy >= c.y+c.h || it.y+it.h+dy <= c.y {
				continue // scrolled out of its area
			}
			d = dst.SubImage(image.Rect(int(c.x), int(c.y), int(c.x+c.w), int(c.y+c.h))).(*ebiten.Image)
		}
		p.drawItem(d, it, dy, it.id != "" && it.id == p.focusID)
	}
}

func (p *page) drawItem(dst *ebiten.Image, it *item, dy float64, focused bool) {
	t := p.t
	x, y := float32(it.x), float32(it.y+dy)
	w, h := float32(it.w), float32(it.h)
	r := float32(t.px(6))
	switch it.kind {
	case itemPanel, itemCode, itemButton, itemOption:
		roundRect(dst, x, y, w, h, r, it.bg)
		if it.border != nil {
			strokeRoundRect(dst, x, y, w, h, r, float32(t.px(1)), it.border)
		}
	case itemProgress:
		bh := float32(t.px(8))
		roundRect(dst, x, y+h-bh, w, bh, bh/2, colBorder)
		if it.frac > 0 {
			roundRect(dst, x, y+h-bh, w*float32(min(it.frac, 1)), bh, bh/2, colAccent)
		}
	}
	if focused {
		strokeRoundRect(dst, x-float32(t.px(3)), y-float32(t.px(3)), w+float32(t.px(6)), h+float32(t.px(6)), r+float32(t.px(2)), float32(t.px(3)), colFocus)
	}
	tx, ty := it.x+it.pad, it.y+dy+it.pad
	if it.kind == itemOption {
		p.drawMark(dst, it, dy)
		tx = it.x + t.px(64)
	}
	drawLines(dst, it.lines, tx, ty)
}

func (p *page) drawMark(dst *ebiten.Image, it *item, dy float64) {
	t := p.t
	cx, cy := float32(it.x+t.px(22)), float32(it.y+dy+min(it.h/2, t.px(24)))
	key := t.face(fontBold, 15)
	op := &text.DrawOptions{}
	op.GeoM.Translate(float64(cx)-t.px(14), float64(cy)-t.px(9))
	op.ColorScale.ScaleWithColor(colMuted)
	text.Draw(dst, it.label, key, op)
	bx := cx + float32(t.px(18))
	s := float32(t.px(16))
	markCol := colAccent
	switch it.state {
	case verdictRight:
		markCol = colRight
	case verdictWrong:
		markCol = colWrong
	}
	switch it.mark {
	case markCheckbox:
		strokeRoundRect(dst, bx-s/2, cy-s/2, s, s, float32(t.px(3)), float32(t.px(2)), markCol)
		if it.selected {
			roundRect(dst, bx-s/2+float32(t.px(4)), cy-s/2+float32(t.px(4)), s-float32(t.px(8)), s-float32(t.px(8)), float32(t.px(1)), markCol)
		}
	case markRadio:
		vector.StrokeCircle(dst, bx, cy, s/2, float32(t.px(2)), markCol, true)
		if it.selected {
			vector.FillCircle(dst, bx, cy, s/2-float32(t.px(4)), markCol, true)
		}
	case markOrder:
		// A grip: three short bars, the sign that the item can be dragged.
		for i := -1; i <= 1; i++ {
			vector.FillRect(dst, bx-s/2, cy+float32(i)*float32(t.px(5))-float32(t.px(1)), s, float32(t.px(2)), colMuted, false)
		}
	}
}

// drawLines draws laid-out lines with their top-left corner at x, y.
func drawLines(dst *ebiten.Image, lines []line, x, y float64) {
	for _, l := range lines {
		for _, f := range l.frags {
			m := f.face.Metrics()
			baseline := y + (l.h-(m.HAscent+m.HDescent))/2
			if f.codeBg {
				adv := text.Advance(f.s, f.face)
				pad := f.face.Size * 0.15
				roundRect(dst, float32(x+f.x-pad), float32(baseline-pad/2), float32(adv+2*pad), float32(m.HAscent+m.HDescent+pad), float32(pad), colCodeSpanBg)
			}
			op := &text.DrawOptions{}
			op.GeoM.Translate(x+f.x, baseline)
			op.ColorScale.ScaleWithColor(f.col)
			text.Draw(dst, f.s, f.face, op)
		}
		y += l.h
	}
}
