package ui

import "asyncwithlab/sim/replay"

// seqColumns is which participants of a sequence diagram get a column of
// their own: every task, and the managers of the tasks not folded. col
// gives each participant its column (a folded task's managers share
// their task's); parts lists the participant of each column.
type seqColumns struct {
	col   []int
	parts []int
}

// foldedByDefault: a diagram with more participants than this starts with
// every task's managers folded into the task's column (20 tasks × 10
// managers would be 220 columns); the learner unfolds any task.
const foldedByDefault = 12

// columnsOf places the participants; folded says whether a task (by its
// participant index) has its managers folded.
func columnsOf(seq *replay.Sequence, folded func(task int) bool) seqColumns {
	c := seqColumns{col: make([]int, len(seq.Participants))}
	for i, p := range seq.Participants {
		if p.Manager && folded(p.Owner) {
			c.col[i] = c.col[p.Owner]
			continue
		}
		c.col[i] = len(c.parts)
		c.parts = append(c.parts, i)
	}
	return c
}

// seqGeometry is where a sequence diagram's parts go in its area: the
// participants' headers along the top, one column per participant shown
// (columns first to first+len(x)-1), and one band per row shown (rows
// firstRow on), the last one at the bottom.
type seqGeometry struct {
	header   rect
	body     rect
	colW     float64
	first    int       // the first column shown
	x        []float64 // the lifeline of each column shown
	rowH     float64
	firstRow int
	rows     int // bands that fit
}

// layoutSeq places n columns and the rows up to shown (how many rows the
// cursor has reached) in area, starting at column first and row firstRow
// when they do not all fit.
func layoutSeq(area rect, n, first, shown, firstRow int, unit float64) seqGeometry {
	g := seqGeometry{rowH: 22 * unit}
	g.header = rect{area.x, area.y, area.w, 34 * unit}
	g.body = rect{area.x, area.y + g.header.h, area.w, max(0, area.h-g.header.h)}
	if n <= 0 || area.w <= 0 {
		return g
	}
	g.colW = min(max(area.w/float64(n), 120*unit), 240*unit)
	fit := max(1, int(area.w/g.colW+1e-9))
	if fit >= n {
		first = 0
		fit = n
	} else {
		first = min(max(first, 0), n-fit)
	}
	g.first = first
	// Columns that all fit are centred; otherwise they fill the width.
	left := area.x + (area.w-float64(fit)*g.colW)/2
	for i := 0; i < fit; i++ {
		g.x = append(g.x, left+(float64(i)+0.5)*g.colW)
	}
	g.rows = max(1, int(g.body.h/g.rowH))
	g.firstRow = min(max(firstRow, 0), max(shown-g.rows, 0))
	return g
}

// colX is the lifeline of column c, clamped to the area's edges when the
// column is scrolled out of view (an arrow to it points off the edge).
func (g seqGeometry) colX(c int) (x float64, shown bool) {
	switch {
	case c < g.first:
		return g.header.x + 2, false
	case c >= g.first+len(g.x):
		return g.header.x + g.header.w - 2, false
	}
	return g.x[c-g.first], true
}

// rowBand is the band of row k (shown when ok).
func (g seqGeometry) rowBand(k int) (r rect, ok bool) {
	i := k - g.firstRow
	if i < 0 || i >= g.rows {
		return rect{}, false
	}
	return rect{g.body.x, g.body.y + float64(i)*g.rowH, g.body.w, g.rowH}, true
}

// labelBox is where a row's label goes in band b: over the arrow, between
// the two lifelines, or centred on a note's lifeline within its column.
func (g seqGeometry) labelBox(b rect, x0, x1 float64) rect {
	pad := 4.0
	if x0 == x1 {
		w := g.colW - 2*pad
		return rect{x0 - w/2, b.y + 1, w, b.h - 2}
	}
	lo, hi := min(x0, x1), max(x0, x1)
	return rect{lo + pad, b.y + 1, hi - lo - 2*pad, b.h * 0.6}
}
