package ui

import (
	"fmt"
	"image/color"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"

	"asyncwithlab/sim"
	"asyncwithlab/sim/replay"
)

// lanesView is one lane per task along a virtual-time axis: the task's
// name and state, its stack of managers (outermost first), its history,
// and the exceptions in flight gliding between managers.
type lanesView struct {
	// img holds the lanes as they stand at an event; what glides (the
	// playhead, the exceptions) is painted over it.
	img imageCache
	// first is the first lane shown when they do not all fit.
	first int
	// tl is every lane's history, computed once for the run tlFor.
	tl    timeline
	tlFor *sim.Result
}

// lanePart selects what paintLanes draws: the lanes themselves (which a
// cache can keep between events) and what glides over them.
type lanePart uint8

const (
	lanesStatic  lanePart = 1 << iota // rows, stacks, histories, the axis
	lanesOverlay                      // the playhead, the frozen loop, exception tokens
)

// paint draws the view in area (nothing when the layout hides it).
func (v *lanesView) paint(f *simFrame, dst *ebiten.Image, area rect) {
	if area.w <= 0 {
		return
	}
	if v.tlFor != f.ses.Result {
		v.tl, v.tlFor = buildTimeline(f.ses.Result.Trace), f.ses.Result
	}
	if f.prev != nil && !f.fast {
		// Between two events: managers fade in, so the lanes are painted
		// anew every frame.
		v.paintLanes(f, dst, area, f.prev, lanesStatic|lanesOverlay)
		return
	}
	// The lanes stand still between events: painted once an event, with
	// what glides over them. Played fast, new managers appear at once
	// rather than fading in.
	key := fmt.Sprint(f.ses.Gen, f.shown, f.lang, f.th.scale, v.first)
	v.img.draw(dst, area, key, func(d *ebiten.Image, r rect) { v.paintLanes(f, d, r, nil, lanesStatic) })
	v.paintLanes(f, dst, area, f.prev, lanesOverlay)
}

// follow scrolls the lanes so that the task of the event snap is shown
// in area.
func (v *lanesView) follow(snap *replay.Snapshot, area rect, unit float64) {
	lane := -1
	for i := range snap.Lanes {
		if snap.Lanes[i].Task == snap.Event.Task {
			lane = i
		}
	}
	if lane < 0 {
		return
	}
	geo := layoutLanes(area, len(snap.Lanes), v.first, unit)
	if lane < geo.first || lane >= geo.first+len(geo.rows) {
		v.first = lane - len(geo.rows)/2
	}
}

// now is the virtual time the playhead is at: gliding from prev's time
// to the event's.
func (f *simFrame) now(prev *replay.Snapshot) float64 {
	if prev == nil {
		return f.snap.Time
	}
	return prev.Time + (f.snap.Time-prev.Time)*ease(f.anim)
}

// paintLanes draws parts of the lanes for the frame, moving from prev
// (nil: standing at the event).
func (v *lanesView) paintLanes(f *simFrame, dst *ebiten.Image, area rect, prev *replay.Snapshot, parts lanePart) {
	t := f.th
	snap := f.snap
	in := area.inset(t.px(6))
	geo := layoutLanes(in, len(snap.Lanes), v.first, f.unit)
	now := f.now(prev)
	if parts&lanesStatic != 0 {
		v.paintRows(f, dst, area, geo, prev)
	}
	if parts&lanesOverlay == 0 {
		return
	}
	// The playhead, and the frozen loop over every lane.
	if len(geo.rows) > 0 {
		x := timeX(geo.axis, geo.label, now, v.tl.end)
		y0 := geo.axis.y + geo.axis.h
		y1 := geo.rows[len(geo.rows)-1].y + geo.rows[len(geo.rows)-1].h
		vector.StrokeLine(dst, float32(x), float32(y0), float32(x), float32(y1), float32(t.px(1.5)), colFocus, true)
		if snap.Loop.Blocked {
			vector.FillRect(dst, float32(in.x), float32(y0), float32(in.w), float32(y1-y0), color.RGBA{0xe5, 0x39, 0x35, 0x30}, false)
			bf := t.face(fontBold, 15)
			msg := f.lang.T("ui.blocked")
			w := text.Advance(msg, bf)
			cx, cy := in.x+(in.w-w)/2, y0+(y1-y0)/2-t.px(12)
			roundRect(dst, float32(cx-t.px(10)), float32(cy-t.px(6)), float32(w+t.px(20)), float32(t.px(30)), float32(t.px(6)), colBlocked)
			drawString(dst, msg, bf, cx, cy, colAccentText)
		}
	}
	paintTokens(f, dst, geo, prev)
}

// paintRows draws the lanes' panel, the axis and every row: name and
// state, history up to the playhead, the stack of managers (fading in
// from prev when given).
func (v *lanesView) paintRows(f *simFrame, dst *ebiten.Image, area rect, geo laneGeometry, prev *replay.Snapshot) {
	t := f.th
	snap := f.snap
	end := v.tl.end
	now := f.now(prev)
	roundRect(dst, float32(area.x), float32(area.y), float32(area.w), float32(area.h), float32(t.px(6)), colPanel)
	strokeRoundRect(dst, float32(area.x), float32(area.y), float32(area.w), float32(area.h), float32(t.px(6)), float32(t.px(1)), colBorder)
	paintAxis(t, f.lang, dst, geo, end)
	small := t.face(fontRegular, 11)
	bold := t.face(fontBold, 13)
	for r, row := range geo.rows {
		lane := &snap.Lanes[geo.first+r]
		if r%2 == 1 {
			vector.FillRect(dst, float32(row.x), float32(row.y), float32(row.w), float32(row.h), colBackground, false)
		}
		nameCol := colText
		if snap.Loop.Running == lane.Task {
			vector.FillRect(dst, float32(row.x), float32(row.y), float32(t.px(4)), float32(row.h), colRunning, false)
			nameCol = colRunning
		}
		drawString(dst, fitString(lane.Task, bold, geo.label-t.px(10)), bold, row.x+t.px(8), row.y+t.px(3), nameCol)
		if row.h >= t.px(34) {
			drawString(dst, fitString(lane.Status(f.lang), small, geo.label-t.px(10)), small, row.x+t.px(8), row.y+t.px(20), colMuted)
		}
		// History along the time axis, up to the playhead.
		band := timelineBand(row, geo.label, f.unit)
		vector.FillRect(dst, float32(band.x), float32(band.y+band.h/2), float32(band.w), float32(max(t.px(1), 1)), colBorder, false)
		for _, sg := range upTo(v.tl.lanes[lane.Task], f.shown, now) {
			c := colSleep
			if sg.kind == segWait {
				c = colWait
			}
			x0, x1 := timeX(geo.axis, geo.label, sg.t0, end), timeX(geo.axis, geo.label, sg.t1, end)
			vector.FillRect(dst, float32(x0), float32(band.y), float32(max(x1-x0, t.px(2))), float32(band.h), c, false)
		}
		for _, sg := range upTo(v.tl.blocked, f.shown, now) {
			x0, x1 := timeX(geo.axis, geo.label, sg.t0, end), timeX(geo.axis, geo.label, sg.t1, end)
			vector.FillRect(dst, float32(x0), float32(band.y), float32(max(x1-x0, t.px(2))), float32(band.h), colBlocked, false)
		}
		paintStack(f, dst, row, geo.label, lane, prev)
	}
}

// paintAxis draws the virtual-time axis with a few round ticks.
func paintAxis(t *theme, l Lang, dst *ebiten.Image, geo laneGeometry, end float64) {
	f := t.face(fontRegular, 11)
	drawString(dst, l.T("ui.loopTime"), f, geo.axis.x+t.px(8), geo.axis.y+t.px(2), colMuted)
	if end <= 0 {
		return
	}
	step := niceStep(end / 6)
	lastEnd := 0.0
	for v := 0.0; v <= end+1e-9; v += step {
		x := timeX(geo.axis, geo.label, v, end)
		vector.FillRect(dst, float32(x), float32(geo.axis.y+geo.axis.h-t.px(4)), float32(max(t.px(1), 1)), float32(t.px(4)), colMuted, false)
		label := fmtTime(float64(int64(v*1000+0.5))/1000) + " s"
		lx := min(x+t.px(2), geo.axis.x+geo.axis.w-text.Advance(label, f))
		if lx < lastEnd+t.px(6) {
			continue // no room for this tick's label
		}
		drawString(dst, label, f, lx, geo.axis.y+t.px(2), colMuted)
		lastEnd = lx + text.Advance(label, f)
	}
}

// niceStep rounds a tick interval to 1, 2 or 5 times a power of ten.
func niceStep(raw float64) float64 {
	if raw <= 0 {
		return 1
	}
	p := 1.0
	for p*10 <= raw {
		p *= 10
	}
	for p > raw {
		p /= 10
	}
	for _, m := range []float64{1, 2, 5, 10} {
		if p*m >= raw {
			return p * m
		}
	}
	return p * 10
}
