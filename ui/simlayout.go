package ui

// rect is an area of the screen in device pixels.
type rect struct{ x, y, w, h float64 }

// inset shrinks the rectangle by d on every side.
func (r rect) inset(d float64) rect {
	return rect{r.x + d, r.y + d, max(0, r.w-2*d), max(0, r.h-2*d)}
}

// simRegions is where the simulator screen puts each of its parts. It is
// computed from the screen size alone, so it is tested without a window.
type simRegions struct {
	wide     bool // code beside the lanes; otherwise one column
	top      rect // title and the screen's actions
	caption  rect // the current event in plain words
	lanes    rect // one lane per task: state, stack of managers, timeline
	loop     rect // the event loop: clock, running, ready, sleeping
	code     rect // the Python program (zero-sized when hidden)
	console  rect // the output so far
	controls rect // play, step, speed, scrub
	side     rect // a side panel (editor, predict, keys) over the code
	wideSide rect // the examples panel: wider, over part of the lanes too
}

// layoutSim splits a w×h screen (device px); unit is one CSS px in device
// px; captionH is the height the caption's text needs (kept between 84 CSS
// px and 30% of the body). Wide screens show the code and console in a
// left column and the lanes, loop and caption on the right; narrow ones
// stack the caption, lanes, loop and console, and leave the code to a
// panel of its own. The title bar and the playback bar take topRows and
// ctrlRows rows of buttons.
func layoutSim(w, h, unit float64, showCode bool, captionH float64, topRows, ctrlRows int) simRegions {
	var r simRegions
	m := 8 * unit
	topH := (8 + 40*float64(max(topRows, 1))) * unit
	ctrlH := (10 + 46*float64(max(ctrlRows, 1))) * unit
	r.top = rect{0, 0, w, topH}
	r.controls = rect{0, h - ctrlH, w, ctrlH}
	bodyY := topH
	bodyH := max(0, h-topH-ctrlH)
	r.wide = w >= 900*unit
	// At least two lines of caption, so that most captions fit without the
	// layout changing from one event to the next.
	captionH = min(max(captionH, 84*unit), max(bodyH*0.3, 84*unit))
	loopH := 84 * unit
	if r.wide {
		left := min(max(w*0.38, 340*unit), 560*unit)
		consoleH := min(bodyH*0.32, 220*unit)
		r.code = rect{m, bodyY, left - m, bodyH - consoleH - m}
		r.console = rect{m, bodyY + bodyH - consoleH, left - m, consoleH - m}
		rx := left + m
		rw := w - rx - m
		r.caption = rect{rx, bodyY, rw, captionH}
		r.loop = rect{rx, bodyY + bodyH - loopH, rw, loopH - m}
		lanesY := bodyY + captionH + m
		r.lanes = rect{rx, lanesY, rw, max(0, r.loop.y-m-lanesY)}
		r.side = rect{m, bodyY, left - m, bodyH - m}
		r.wideSide = rect{m, bodyY, min(w-2*m, max(left-m, 720*unit)), bodyH - m}
		return r
	}
	consoleH := min(bodyH*0.22, 140*unit)
	loopH = 100 * unit // its queues wrap onto more lines
	r.caption = rect{m, bodyY, w - 2*m, captionH}
	r.console = rect{m, bodyY + bodyH - consoleH, w - 2*m, consoleH - m}
	r.loop = rect{m, r.console.y - loopH, w - 2*m, loopH - m}
	lanesY := bodyY + captionH + m
	r.lanes = rect{m, lanesY, w - 2*m, max(0, r.loop.y-m-lanesY)}
	if showCode {
		// The code takes the lanes' and the loop's place; the caption and
		// the console stay in view.
		r.code = rect{m, lanesY, w - 2*m, max(0, r.console.y-m-lanesY)}
		r.lanes, r.loop = rect{m, lanesY, 0, 0}, rect{m, lanesY, 0, 0}
	}
	r.side = rect{m, bodyY, w - 2*m, bodyH - m}
	r.wideSide = r.side
	return r
}

// withQuestion is the layout while a prediction is asked: the question
// (the side panel) goes under the code instead of over it. Wide screens
// give the code column's top half to the code and the rest to the
// question, in the console's place; narrow ones put the code, then the
// question, under the caption, in place of the lanes, loop and console.
func (r simRegions) withQuestion(unit float64) simRegions {
	m := 8 * unit
	if r.wide {
		col := r.side
		codeH := col.h * 0.5
		r.code = rect{col.x, col.y, col.w, codeH - m}
		r.side = rect{col.x, col.y + codeH, col.w, col.h - codeH}
		r.console = rect{col.x, col.y + col.h, col.w, 0}
		return r
	}
	y0 := r.caption.y + r.caption.h + m
	bottom := r.side.y + r.side.h
	codeH := (bottom - y0) * 0.4
	r.code = rect{r.side.x, y0, r.side.w, codeH - m}
	r.side = rect{r.side.x, y0 + codeH, r.side.w, bottom - y0 - codeH}
	hidden := rect{r.side.x, y0, 0, 0}
	r.lanes, r.loop, r.console = hidden, hidden, hidden
	return r
}

// laneGeometry is how the lanes area is divided: a time axis on top, then
// one row per task. With many tasks rows shrink down to a minimum height,
// and below that only the rows from first on are shown (the screen keeps
// the running task's lane in view).
type laneGeometry struct {
	axis  rect
	rows  []rect // rows[i] is task first+i
	first int
	label float64 // width of the name and state column
}

// layoutLanes places n lanes in area, starting at lane first when they
// do not all fit.
func layoutLanes(area rect, n, first int, unit float64) laneGeometry {
	g := laneGeometry{label: min(160*unit, area.w*0.3)}
	axisH := 18 * unit
	g.axis = rect{area.x, area.y, area.w, axisH}
	if n <= 0 {
		return g
	}
	avail := area.h - axisH
	rowH := min(max(avail/float64(n), 26*unit), 64*unit)
	fit := max(1, int(avail/rowH))
	if fit >= n {
		first = 0
	} else {
		first = min(max(first, 0), n-fit)
	}
	g.first = first
	for i := first; i < n && i-first < fit; i++ {
		g.rows = append(g.rows, rect{area.x, area.y + axisH + float64(i-first)*rowH, area.w, rowH})
	}
	return g
}

// stackBoxes places the depth boxes of a lane's manager stack, outermost
// first from the left, after the label column and above the timeline band.
func stackBoxes(row rect, labelW float64, depth int, unit float64) []rect {
	if depth <= 0 {
		return nil
	}
	band := timelineBand(row, labelW, unit)
	x0 := row.x + labelW
	avail := row.w - labelW
	gap := 4 * unit
	bw := min(150*unit, (avail-gap*float64(depth))/float64(depth))
	bh := max(0, band.y-row.y-4*unit)
	out := make([]rect, depth)
	for i := range out {
		out[i] = rect{x0 + float64(i)*(bw+gap), row.y + 2*unit, max(bw, 0), bh}
	}
	return out
}

// timelineBand is the strip along the bottom of a lane that shows the
// task's history along the virtual-time axis.
func timelineBand(row rect, labelW, unit float64) rect {
	h := min(8*unit, row.h*0.25)
	return rect{row.x + labelW, row.y + row.h - h - 2*unit, row.w - labelW, h}
}

// timeX maps a virtual time to x on the axis (end is the run's last time).
func timeX(axis rect, labelW, t, end float64) float64 {
	x0 := axis.x + labelW
	if end <= 0 {
		return x0
	}
	return x0 + (axis.w-labelW)*min(max(t/end, 0), 1)
}
