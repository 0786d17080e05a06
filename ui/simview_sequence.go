package ui

import (
	"image/color"
	"math"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"

	"asyncwithlab/sim"
	"asyncwithlab/sim/replay"
)

// seqView draws the run as document 002's sequence diagram, in the lanes'
// place: participants along the top, a row per step down to the cursor's
// event, the newest arrows growing as the cursor reaches them.
type seqView struct {
	seq    *replay.Sequence
	seqFor *sim.Result
	// unfolded and refolded override foldedByDefault per task.
	unfolded, refolded map[int]bool
	// first is the first column shown, firstRow the first row.
	first, firstRow int
}

// sequence is the diagram of the frame's run, built once a run.
func (v *seqView) sequence(f *simFrame) *replay.Sequence {
	if v.seqFor != f.ses.Result {
		v.seq, v.seqFor = f.ses.Replay.Sequence(), f.ses.Result
		v.unfolded, v.refolded, v.first, v.firstRow = map[int]bool{}, map[int]bool{}, 0, 0
	}
	return v.seq
}

// folded: task's managers share its column.
func (v *seqView) folded(task int) bool {
	if len(v.seq.Participants) <= foldedByDefault {
		return v.refolded[task]
	}
	return !v.unfolded[task]
}

// toggleFold folds or unfolds a task's managers.
func (v *seqView) toggleFold(task int) {
	if len(v.seq.Participants) <= foldedByDefault {
		v.refolded[task] = !v.refolded[task]
	} else {
		v.unfolded[task] = !v.unfolded[task]
	}
}

// geometry is the diagram's layout in area at the frame's event.
func (v *seqView) geometry(f *simFrame, area rect) (seqColumns, seqGeometry, int) {
	seq := v.sequence(f)
	cols := columnsOf(seq, v.folded)
	shown := seq.RowsUpTo(f.shown)
	return cols, layoutSeq(area.inset(f.th.px(6)), len(cols.parts), v.first, shown, v.firstRow, f.unit), shown
}

// follow keeps the cursor's row and its participants in view: the rows
// end at the cursor's, and the columns move when its participant is out
// of sight.
func (v *seqView) follow(f *simFrame, area rect) {
	cols, g, shown := v.geometry(f, area)
	v.firstRow = max(shown-g.rows, 0)
	if shown == 0 || len(g.x) == 0 {
		return
	}
	r := v.seq.Rows[shown-1]
	for _, p := range []int{r.To, r.From} {
		c := cols.col[p]
		if c < g.first || c >= g.first+len(g.x) {
			v.first = c - len(g.x)/2
		}
	}
}

// paint draws the diagram in area.
func (v *seqView) paint(f *simFrame, dst *ebiten.Image, area rect) {
	if area.w <= 0 || area.h <= 0 {
		return
	}
	t := f.th
	cols, g, shown := v.geometry(f, area)
	seq := v.seq
	roundRect(dst, float32(area.x), float32(area.y), float32(area.w), float32(area.h), float32(t.px(6)), colPanel)
	strokeRoundRect(dst, float32(area.x), float32(area.y), float32(area.w), float32(area.h), float32(t.px(6)), float32(t.px(1)), colBorder)
	bold := t.face(fontBold, 12)
	bottom := g.body.y + g.body.h
	// Lifelines and the headers of managers (a task's header is its fold
	// button, a page item, or its name when it has no managers).
	for i, x := range g.x {
		pi := cols.parts[g.first+i]
		p := seq.Participants[pi]
		if p.Created > f.shown {
			continue // not in the run yet
		}
		vector.StrokeLine(dst, float32(x), float32(g.header.y+g.header.h), float32(x), float32(bottom), float32(t.px(1)), colBorder, false)
		if p.Manager || !v.hasManagers(pi) {
			c := color.Color(colAccent)
			if !p.Manager {
				c = colText
			}
			name := fitString(p.Name, bold, g.colW-t.px(12))
			drawString(dst, name, bold, x-text.Advance(name, bold)/2, g.header.y+t.px(9), c)
		}
	}
	// Activations: a box on the lifeline while a call or a body runs.
	for _, sp := range seq.Spans {
		c := cols.col[sp.P]
		if sp.From >= shown || cols.parts[c] != sp.P {
			continue // not reached yet, or a folded manager's
		}
		x, ok := g.colX(c)
		if !ok {
			continue
		}
		to := sp.To
		if to < 0 || to >= shown {
			to = shown - 1
		}
		y0 := g.body.y + (float64(sp.From-g.firstRow)+0.5)*g.rowH
		y1 := g.body.y + (float64(to-g.firstRow)+0.5)*g.rowH
		y0, y1 = max(y0, g.body.y), min(y1, bottom)
		if y1 <= y0 {
			continue
		}
		bx := x - t.px(4) + float64(sp.Depth-1)*t.px(3)
		vector.FillRect(dst, float32(bx), float32(y0), float32(t.px(8)), float32(y1-y0), colSelectedBg, false)
		vector.StrokeRect(dst, float32(bx), float32(y0), float32(t.px(8)), float32(y1-y0), float32(t.px(1)), colAccent, false)
	}
	// The rows, the newest growing in.
	for k := g.firstRow; k < shown; k++ {
		band, ok := g.rowBand(k)
		if !ok {
			break
		}
		grow := 1.0
		if f.prev != nil && seq.Rows[k].Event > f.prev.Index {
			grow = ease(f.anim)
		}
		v.paintRow(f, dst, cols, g, k, band, k == shown-1, grow)
	}
}

// paintRow draws row k in its band: an arrow between two columns with
// its label over it, or a note on one (a folded manager's arrows become
// notes on its task, named).
func (v *seqView) paintRow(f *simFrame, dst *ebiten.Image, cols seqColumns, g seqGeometry, k int, band rect, current bool, grow float64) {
	t := f.th
	seq := v.seq
	r := seq.Rows[k]
	label := seq.Label(k, f.lang)
	c0, c1 := cols.col[r.From], cols.col[r.To]
	x0, shown0 := g.colX(c0)
	x1, shown1 := g.colX(c1)
	if !shown0 && !shown1 && (c0 == c1 || x0 == x1) {
		return // on columns scrolled out of view
	}
	switch {
	case cols.parts[c0] != r.From:
		// A folded manager's arrow or note: named, on its task.
		label = seq.Participants[r.From].Name + ": " + label
	case cols.parts[c1] != r.To:
		label = seq.Participants[r.To].Name + ": " + label
	}
	col := color.Color(colText)
	switch r.Tone {
	case replay.ToneMuted:
		col = colMuted
	case replay.ToneError:
		col = colWrong
	case replay.ToneSuspend:
		col = color.RGBA{0x8a, 0x5a, 0x00, 0xff}
	case replay.ToneWake:
		col = colRight
	case replay.ToneOutput:
		col = colLineHi
	}
	if current {
		vector.FillRect(dst, float32(band.x), float32(band.y), float32(band.w), float32(band.h), colHintBg, false)
	}
	face := t.face(fontRegular, 11)
	box := g.labelBox(band, x0, x1)
	if c0 == c1 {
		label = fitString(label, face, box.w)
		w := text.Advance(label, face)
		bx := min(max(x0-w/2, box.x), box.x+box.w-w)
		// On a clear patch: lifelines and activations pass under notes.
		bg := color.Color(colPanel)
		if current {
			bg = colHintBg
		}
		vector.FillRect(dst, float32(bx-t.px(3)), float32(band.y+t.px(3)), float32(w+t.px(6)), float32(band.h-t.px(6)), fade(bg, grow), false)
		drawString(dst, label, face, bx, band.y+t.px(4), fade(col, grow))
		return
	}
	// The arrow, growing from its start.
	y := band.y + band.h - t.px(5)
	xe := x0 + (x1-x0)*grow
	width := float32(t.px(1.5))
	if r.Kind == replay.SeqReturn {
		dashedLine(dst, x0, y, xe, y, t.px(5), width, col)
	} else {
		vector.StrokeLine(dst, float32(x0), float32(y), float32(xe), float32(y), width, col, true)
	}
	dir := 1.0
	if x1 < x0 {
		dir = -1
	}
	ah := t.px(6)
	vector.StrokeLine(dst, float32(xe), float32(y), float32(xe-dir*ah), float32(y-ah/2), width, col, true)
	vector.StrokeLine(dst, float32(xe), float32(y), float32(xe-dir*ah), float32(y+ah/2), width, col, true)
	label = fitString(label, face, box.w)
	w := text.Advance(label, face)
	drawString(dst, label, face, box.x+(box.w-w)/2, band.y+t.px(1), fade(col, grow))
}

// hasManagers: participant i is a task with managers of its own (its
// header folds them).
func (v *seqView) hasManagers(i int) bool {
	for _, q := range v.seq.Participants {
		if q.Manager && q.Owner == i {
			return true
		}
	}
	return false
}

// rowText is row k as a screen reader hears it: "main → Printer:
// __aenter__()".
func (v *seqView) rowText(f *simFrame, k int) string {
	r := v.seq.Rows[k]
	from, to := v.seq.Participants[r.From].Name, v.seq.Participants[r.To].Name
	if r.From == r.To {
		return from + ": " + v.seq.Label(k, f.lang)
	}
	return from + " → " + to + ": " + v.seq.Label(k, f.lang)
}

// dashedLine strokes a straight line in dashes of length dash.
func dashedLine(dst *ebiten.Image, x0, y0, x1, y1, dash float64, width float32, c color.Color) {
	dx, dy := x1-x0, y1-y0
	n := int(math.Hypot(dx, dy) / dash)
	for i := 0; i < n; i += 2 {
		a, b := float64(i)/float64(n), min(float64(i+1)/float64(n), 1)
		vector.StrokeLine(dst, float32(x0+dx*a), float32(y0+dy*a), float32(x0+dx*b), float32(y0+dy*b), width, c, false)
	}
}
