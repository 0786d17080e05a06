package ui

import (
	"fmt"
	"image/color"
	"math"
	"strconv"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"

	"asyncwithlab/quiz"
	"asyncwithlab/sim"
	"asyncwithlab/sim/catalog"
	"asyncwithlab/sim/replay"
)

// Colours of the simulator's resources, tokens and loop.
var (
	colResClosed   = color.RGBA{0xe4, 0xe6, 0xea, 0xff}
	colResOpening  = color.RGBA{0xfd, 0xe7, 0xb0, 0xff}
	colResOpen     = color.RGBA{0xc9, 0xec, 0xd1, 0xff}
	colResClosing  = color.RGBA{0xfd, 0xd8, 0xa8, 0xff}
	colResReleased = color.RGBA{0xf1, 0xf2, 0xf4, 0xff}
	colResLeaked   = color.RGBA{0xf6, 0xc4, 0xc0, 0xff}
	colToken       = color.RGBA{0xc6, 0x28, 0x28, 0xff}
	colSleep       = color.RGBA{0x9e, 0xc3, 0xe6, 0xff}
	colWait        = color.RGBA{0xcf, 0xd4, 0xda, 0xff}
	colBlocked     = color.RGBA{0xe5, 0x39, 0x35, 0xff}
	colLineHi      = color.RGBA{0x44, 0x4b, 0x5a, 0xff}
	colRunning     = color.RGBA{0x2f, 0x5d, 0x8a, 0xff}
)

// drawString draws s with its top-left corner at x, y.
func drawString(dst *ebiten.Image, s string, f *text.GoTextFace, x, y float64, c color.Color) {
	op := &text.DrawOptions{}
	op.GeoM.Translate(x, y)
	op.ColorScale.ScaleWithColor(c)
	text.Draw(dst, s, f, op)
}

// fitString shortens s with an ellipsis to fit width.
func fitString(s string, f *text.GoTextFace, width float64) string {
	if text.Advance(s, f) <= width {
		return s
	}
	return fitPrefix(s, f, max(width-text.Advance("…", f), 0)) + "…"
}

// fade scales a colour's alpha (for things appearing or leaving).
func fade(c color.Color, a float64) color.Color {
	r, g, b, al := c.RGBA()
	k := min(max(a, 0), 1)
	return color.RGBA64{uint16(float64(r) * k), uint16(float64(g) * k), uint16(float64(b) * k), uint16(float64(al) * k)}
}

// paint draws everything of the simulator that is not a control.
func (s *simScene) paint(g *Game, dst *ebiten.Image) {
	t := g.th
	// The title, after the top bar's buttons.
	title := s.title(g)
	tf := t.face(fontBold, 16)
	if w := s.lay.top.w - s.titleX - t.px(8); w > t.px(60) {
		drawString(dst, fitString(title, tf, w), tf, s.titleX, s.titleY+t.px(7), colText)
	}
	s.paintMoving(g, dst, true)
	s.paintSlider(g, dst)
	s.paintSpeed(g, dst)
	if s.panel != panelNone || (s.predict != nil && s.predict.active != nil) {
		s.paintPanel(g, dst)
	}
}

// paintMoving paints the parts that follow playback; the code and the
// console only when no panel covers them.
func (s *simScene) paintMoving(g *Game, dst *ebiten.Image, codeColumn bool) {
	snap := s.rp.At(s.shown)
	var prev *replay.Snapshot
	if s.anim < 1 && s.from != s.shown {
		prev = s.rp.At(s.from)
	}
	if codeColumn {
		// The code and the console change only at some events: they are
		// painted once into images and copied while they stay the same.
		if s.lay.code.w > 0 {
			key := fmt.Sprint(s.gen, snap.Line, g.th.scale)
			s.codeImg.draw(dst, s.lay.code, key, func(d *ebiten.Image, r rect) { s.paintCode(g, d, r, snap.Line) })
		}
		printing := snap.Event.Kind == sim.Printed
		key := fmt.Sprint(s.gen, snap.Output, printing, g.th.scale, g.lang)
		s.consoleImg.draw(dst, s.lay.console, key, func(d *ebiten.Image, r rect) { s.paintConsole(g, d, r, snap.Output, printing) })
	}
	// The caption and the loop change with the event only.
	key := fmt.Sprint(s.gen, s.shown, s.message, g.lang, g.th.scale)
	s.captionImg.draw(dst, s.lay.caption, key, func(d *ebiten.Image, r rect) { s.paintCaption(g, d, r, snap) })
	switch {
	case s.lay.lanes.w <= 0:
	case prev == nil || (s.cur.Playing && s.cur.Speed > 1):
		// The lanes stand still between events: painted once an event,
		// with what glides (the playhead, the exception) over them. Played
		// fast, new managers appear at once rather than fading in.
		lanesKey := fmt.Sprint(key, s.laneFirst)
		s.lanesImg.draw(dst, s.lay.lanes, lanesKey, func(d *ebiten.Image, r rect) { s.paintLanes(g, d, r, snap, nil, lanesStatic) })
		s.paintLanes(g, dst, s.lay.lanes, snap, prev, lanesOverlay)
	default:
		s.paintLanes(g, dst, s.lay.lanes, snap, prev, lanesStatic|lanesOverlay)
	}
	s.loopImg.draw(dst, s.lay.loop, key, func(d *ebiten.Image, r rect) { s.paintLoop(g, d, r, snap) })
}

// title is the scenario's name as the top bar shows it.
func (s *simScene) title(g *Game) string {
	if s.name != "" {
		cat, _ := catalog.Builtin()
		if e, _, ok := cat.Entry(s.name); ok {
			return e.Title(g.lang)
		}
	}
	if s.sc != nil && s.sc.Title != "" {
		if s.edit != nil && s.sc == s.edit.derived {
			return g.lang.T("ui.edited") + s.sc.Title
		}
		return s.sc.Title
	}
	return g.lang.T("ui.custom")
}

// panelBox draws a titled panel and returns its inside.
func panelBox(t *theme, dst *ebiten.Image, r rect, title string, bg color.Color) rect {
	roundRect(dst, float32(r.x), float32(r.y), float32(r.w), float32(r.h), float32(t.px(6)), bg)
	strokeRoundRect(dst, float32(r.x), float32(r.y), float32(r.w), float32(r.h), float32(t.px(6)), float32(t.px(1)), colBorder)
	in := r.inset(t.px(8))
	if title != "" {
		f := t.face(fontBold, 12)
		c := colMuted
		if bg == colCodeBg {
			c = colCodeComment
		}
		drawString(dst, strings.ToUpper(title), f, in.x, in.y, c)
		in.y += t.px(18)
		in.h -= t.px(18)
	}
	return in
}

// paintCode draws the program with the current line highlighted, scrolled
// so that the line stays in view.
func (s *simScene) paintCode(g *Game, dst *ebiten.Image, area rect, current int) {
	t := g.th
	in := panelBox(t, dst, area, g.lang.T("ui.code"), colCodeBg)
	size := s.codeSize(t, in.w)
	lh := t.px(size) * 1.45
	visible := max(int(in.h/lh), 1)
	first := 0
	if len(s.src) > visible && current > 0 {
		first = min(max(current-1-visible/2, 0), len(s.src)-visible)
	}
	numW := t.px(30)
	mono := t.face(fontMono, size)
	// Each line is set once into an image of its own: moving the highlight
	// then costs one copy a line instead of shaping and drawing its text.
	lk := lineKey{s.gen, size, t.scale, int(in.w), int(math.Ceil(lh))}
	if s.lineKey != lk {
		for _, img := range s.lineImgs {
			img.Deallocate()
		}
		s.lineImgs, s.lineKey = map[int]*ebiten.Image{}, lk
	}
	for i := first; i < len(s.src) && i < first+visible; i++ {
		y := in.y + float64(i-first)*lh
		if i+1 == current {
			roundRect(dst, float32(in.x-t.px(4)), float32(y), float32(in.w+t.px(8)), float32(lh), float32(t.px(3)), colLineHi)
			vector.FillRect(dst, float32(in.x-t.px(4)), float32(y), float32(t.px(3)), float32(lh), colFocus, false)
		}
		img := s.lineImgs[i]
		if img == nil {
			img = ebiten.NewImage(lk.w, lk.h)
			drawString(img, strconv.Itoa(i+1), mono, 0, t.px(2), colCodeComment)
			s.codeLine(t, i, size).draw(img, numW, t.px(2), in.w-numW)
			s.lineImgs[i] = img
		}
		op := &ebiten.DrawImageOptions{}
		op.GeoM.Translate(in.x, y)
		dst.DrawImage(img, op)
	}
}

// lineKey says for what the images of the code's lines were made.
type lineKey struct {
	gen   int
	size  float64
	scale float64
	w, h  int
}

// codeSize is the font size (CSS px) that fits the program's longest line
// in width, between 10 and 13.
func (s *simScene) codeSize(t *theme, width float64) float64 {
	longest := 0
	for _, ln := range s.src {
		longest = max(longest, len([]rune(ln)))
	}
	if longest == 0 {
		return 13
	}
	// Go Mono advances 0.6 em per character; the line numbers take 30 px.
	fit := (width - t.px(30)) / (0.6 * float64(longest+1)) / t.scale
	return min(max(float64(int(fit*2))/2, 10), 13)
}

// codeLine lays out line i of the program with Python colours.
func (s *simScene) codeLine(t *theme, i int, size float64) codeRow {
	if lines := t.codeLines(s.src[i], 1e9, size, true); len(lines) > 0 {
		return codeRow{frags: lines[0].frags}
	}
	return codeRow{}
}

// codeRow is one laid-out line of the program.
type codeRow struct{ frags []frag }

func (c codeRow) draw(dst *ebiten.Image, x, y, width float64) {
	for _, f := range c.frags {
		if f.x > width {
			break
		}
		drawString(dst, fitString(f.s, f.face, width-f.x), f.face, x+f.x, y, f.col)
	}
}

// paintConsole draws the last lines printed so far.
func (s *simScene) paintConsole(g *Game, dst *ebiten.Image, area rect, printed int, printing bool) {
	t := g.th
	in := panelBox(t, dst, area, g.lang.T("ui.console"), colCodeBg)
	mono := t.face(fontMono, 12)
	lh := t.px(12) * 1.45
	visible := max(int(in.h/lh), 1)
	lines := s.rp.Lines()[:printed]
	from := max(0, len(lines)-visible)
	for i, ln := range lines[from:] {
		c := colCode
		if from+i == printed-1 && printing {
			c = colCodeString
		}
		drawString(dst, fitString(displayable(ln), mono, in.w), mono, in.x, in.y+float64(i)*lh, c)
	}
}

// paintCaption draws the current event in plain words.
func (s *simScene) paintCaption(g *Game, dst *ebiten.Image, area rect, snap *replay.Snapshot) {
	t := g.th
	bg := color.Color(colHintBg)
	if snap.Loop.Blocked {
		bg = colWrongBg
	}
	in := panelBox(t, dst, area, "", bg)
	meta := fmt.Sprintf(g.lang.T("ui.eventOf"), s.shown+1, s.res.Trace.Len()) + " · " + fmt.Sprintf(g.lang.T("ui.clock"), fmtTime(snap.Time))
	if s.message != "" {
		meta = s.message
	}
	drawString(dst, fitString(meta, t.face(fontRegular, 12), in.w), t.face(fontRegular, 12), in.x, in.y, colMuted)
	lines := s.captionLines
	for n, h := 0, 0.0; n < len(lines); n++ {
		if h += lines[n].h; h > in.h-t.px(16) && n > 0 {
			lines = lines[:n] // what the box has room for
			break
		}
	}
	drawLines(dst, lines, in.x, in.y+t.px(16))
}

// captionText is the current event in words (or why the run stopped).
func (s *simScene) captionText(g *Game) string {
	if s.err != nil && s.shown == s.res.Trace.Len()-1 {
		return fmt.Sprintf(g.lang.T("ui.runFailed"), s.err)
	}
	return s.rp.Caption(s.shown, g.lang)
}

func fmtTime(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// richCaption turns a caption into text runs.
func richCaption(s string) []quiz.Run { return []quiz.Run{{Text: s}} }

// resColour is the fill of a manager box for its resource's state.
func resColour(r replay.Resource) color.Color {
	switch r {
	case replay.ResOpening:
		return colResOpening
	case replay.ResOpen:
		return colResOpen
	case replay.ResClosing:
		return colResClosing
	case replay.ResReleased:
		return colResReleased
	case replay.ResLeaked:
		return colResLeaked
	}
	return colResClosed
}

// paintLanes draws the time axis and one lane per task: its name and
// state, its stack of managers (outermost first) and its history.
func (s *simScene) paintLanes(g *Game, dst *ebiten.Image, area rect, snap, prev *replay.Snapshot, parts lanePart) {
	t := g.th
	l := g.lang
	in := area.inset(t.px(6))
	geo := layoutLanes(in, len(snap.Lanes), s.laneFirst, s.unit)
	end := s.tl.end
	now := snap.Time
	if prev != nil {
		now = prev.Time + (snap.Time-prev.Time)*ease(s.anim)
	}
	if parts&lanesStatic != 0 {
		s.paintLaneRows(g, dst, area, geo, snap, prev)
	}
	if parts&lanesOverlay == 0 {
		return
	}
	// The playhead, and the frozen loop over every lane.
	if len(geo.rows) > 0 {
		x := timeX(geo.axis, geo.label, now, end)
		y0 := geo.axis.y + geo.axis.h
		y1 := geo.rows[len(geo.rows)-1].y + geo.rows[len(geo.rows)-1].h
		vector.StrokeLine(dst, float32(x), float32(y0), float32(x), float32(y1), float32(t.px(1.5)), colFocus, true)
		if snap.Loop.Blocked {
			vector.FillRect(dst, float32(in.x), float32(y0), float32(in.w), float32(y1-y0), color.RGBA{0xe5, 0x39, 0x35, 0x30}, false)
			f := t.face(fontBold, 15)
			msg := l.T("ui.blocked")
			w := text.Advance(msg, f)
			cx, cy := in.x+(in.w-w)/2, y0+(y1-y0)/2-t.px(12)
			roundRect(dst, float32(cx-t.px(10)), float32(cy-t.px(6)), float32(w+t.px(20)), float32(t.px(30)), float32(t.px(6)), colBlocked)
			drawString(dst, msg, f, cx, cy, colAccentText)
		}
	}
	s.paintTokens(g, dst, geo, snap, prev)
}

// lanePart selects what paintLanes draws: the lanes themselves (which a
// cache can keep between events) and what glides over them.
type lanePart uint8

const (
	lanesStatic  lanePart = 1 << iota // rows, stacks, histories, the axis
	lanesOverlay                      // the playhead, the frozen loop, exception tokens
)

// paintLaneRows draws the lanes' panel, the axis and every row: name and
// state, history up to the event's time, the stack of managers (fading in
// from prev when given).
func (s *simScene) paintLaneRows(g *Game, dst *ebiten.Image, area rect, geo laneGeometry, snap, prev *replay.Snapshot) {
	t := g.th
	l := g.lang
	end := s.tl.end
	now := snap.Time
	if prev != nil {
		now = prev.Time + (snap.Time-prev.Time)*ease(s.anim)
	}
	roundRect(dst, float32(area.x), float32(area.y), float32(area.w), float32(area.h), float32(t.px(6)), colPanel)
	strokeRoundRect(dst, float32(area.x), float32(area.y), float32(area.w), float32(area.h), float32(t.px(6)), float32(t.px(1)), colBorder)
	s.paintAxis(g, dst, geo, end)
	small := t.face(fontRegular, 11)
	bold := t.face(fontBold, 13)
	for r, row := range geo.rows {
		i := geo.first + r
		lane := &snap.Lanes[i]
		if r%2 == 1 {
			vector.FillRect(dst, float32(row.x), float32(row.y), float32(row.w), float32(row.h), colBackground, false)
		}
		running := snap.Loop.Running == lane.Task
		nameCol := colText
		if running {
			vector.FillRect(dst, float32(row.x), float32(row.y), float32(t.px(4)), float32(row.h), colRunning, false)
			nameCol = colRunning
		}
		drawString(dst, fitString(lane.Task, bold, geo.label-t.px(10)), bold, row.x+t.px(8), row.y+t.px(3), nameCol)
		if row.h >= t.px(34) {
			drawString(dst, fitString(lane.Status(l), small, geo.label-t.px(10)), small, row.x+t.px(8), row.y+t.px(20), colMuted)
		}
		// History along the time axis, up to the playhead.
		band := timelineBand(row, geo.label, s.unit)
		vector.FillRect(dst, float32(band.x), float32(band.y+band.h/2), float32(band.w), float32(max(t.px(1), 1)), colBorder, false)
		for _, sg := range upTo(s.tl.lanes[lane.Task], s.shown, now) {
			c := colSleep
			if sg.kind == segWait {
				c = colWait
			}
			x0, x1 := timeX(geo.axis, geo.label, sg.t0, end), timeX(geo.axis, geo.label, sg.t1, end)
			vector.FillRect(dst, float32(x0), float32(band.y), float32(max(x1-x0, t.px(2))), float32(band.h), c, false)
		}
		for _, sg := range upTo(s.tl.blocked, s.shown, now) {
			x0, x1 := timeX(geo.axis, geo.label, sg.t0, end), timeX(geo.axis, geo.label, sg.t1, end)
			vector.FillRect(dst, float32(x0), float32(band.y), float32(max(x1-x0, t.px(2))), float32(band.h), colBlocked, false)
		}
		s.paintStack(g, dst, row, geo.label, lane, prev)
	}
}

// paintAxis draws the virtual-time axis with a few round ticks.
func (s *simScene) paintAxis(g *Game, dst *ebiten.Image, geo laneGeometry, end float64) {
	t := g.th
	f := t.face(fontRegular, 11)
	drawString(dst, g.lang.T("ui.loopTime"), f, geo.axis.x+t.px(8), geo.axis.y+t.px(2), colMuted)
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

// paintStack draws a lane's managers as boxes, outermost first; a box that
// has just appeared fades in.
func (s *simScene) paintStack(g *Game, dst *ebiten.Image, row rect, labelW float64, lane *replay.Lane, prev *replay.Snapshot) {
	t := g.th
	boxes := stackBoxes(row, labelW, len(lane.Frames), s.unit)
	var before *replay.Lane
	if prev != nil {
		before = prev.Lane(lane.Task)
	}
	name := t.face(fontBold, 12)
	small := t.face(fontRegular, 11)
	for i, fr := range lane.Frames {
		b := boxes[i]
		alpha := 1.0
		if before != nil && before.Frame(fr.Manager) == nil {
			alpha = ease(s.anim)
		}
		fill := resColour(fr.Resource)
		border := color.Color(colBorder)
		if fr.NoAexit || fr.Resource == replay.ResLeaked {
			border = colWrong
		}
		// Plain rectangles: a lane view of 200 managers stays cheap to draw.
		boxRect(dst, b, t.px(1.5), fade(fill, alpha), fade(border, alpha))
		if b.w < t.px(24) {
			continue
		}
		drawString(dst, fitString(fr.Manager, name, b.w-t.px(8)), name, b.x+t.px(4), b.y+t.px(2), fade(colText, alpha))
		if b.h >= t.px(30) {
			drawString(dst, fitString(s.frameNote(g.lang, &fr), small, b.w-t.px(8)), small, b.x+t.px(4), b.y+t.px(17), fade(colMuted, alpha))
		}
	}
}

// boxRect fills a rectangle and draws its border, without anti-aliased
// paths (which cost far more to draw).
func boxRect(dst *ebiten.Image, b rect, border float64, fill, line color.Color) {
	x, y, w, h, bw := float32(b.x), float32(b.y), float32(b.w), float32(b.h), float32(max(border, 1))
	vector.FillRect(dst, x, y, w, h, fill, false)
	vector.FillRect(dst, x, y, w, bw, line, false)
	vector.FillRect(dst, x, y+h-bw, w, bw, line, false)
	vector.FillRect(dst, x, y, bw, h, line, false)
	vector.FillRect(dst, x+w-bw, y, bw, h, line, false)
}

// frameNote is the second line of a manager box: what happened to it
// last, else its resource's (or phase's) badge.
func (s *simScene) frameNote(l Lang, fr *replay.Frame) string {
	switch {
	case fr.Resource == replay.ResLeaked:
		return fr.Resource.Label(l)
	case fr.NoAexit:
		return replay.PhaseFailed.Label(l)
	case fr.Phase == replay.PhaseExited && fr.Raised != nil:
		return l.T("ui.raisedNote") + fr.Raised.Type
	case fr.Phase == replay.PhaseExited:
		return "→ " + fr.Returned
	case fr.Phase == replay.PhaseExiting && fr.Received != nil:
		return l.T("ui.gotNote") + fr.Received.Type
	case fr.Phase == replay.PhaseExiting:
		return "__aexit__(None…)"
	case fr.Phase == replay.PhaseEntering:
		return "__aenter__…"
	}
	if r := fr.Resource.Label(l); r != "" {
		return r
	}
	return fr.Phase.Label(l)
}

// paintTokens draws each exception in flight as a red tag at the stack
// level it has reached; the highlighted one glides from where it was.
func (s *simScene) paintTokens(g *Game, dst *ebiten.Image, geo laneGeometry, snap, prev *replay.Snapshot) {
	t := g.th
	f := t.face(fontBold, 12)
	for _, tk := range snap.Tokens {
		x, y, ok := s.tokenPos(geo, snap, tk)
		if !ok {
			continue
		}
		if prev != nil {
			for _, pt := range prev.Tokens {
				if pt.Task == tk.Task {
					if px, py, ok := s.tokenPos(geo, prev, pt); ok {
						k := ease(s.anim)
						x, y = px+(x-px)*k, py+(y-py)*k
					}
				}
			}
		}
		label := tk.Exc.Type
		switch tk.Move {
		case replay.MoveSuppressed:
			label += " (" + g.lang.T("ui.suppressed") + ")"
		case replay.MoveReplaced:
			if tk.Old != nil {
				label = tk.Old.Type + " → " + tk.Exc.Type
			}
		}
		label = displayable(label)
		w := text.Advance(label, f) + t.px(12)
		roundRect(dst, float32(x), float32(y), float32(w), float32(t.px(18)), float32(t.px(9)), colToken)
		drawString(dst, label, f, x+t.px(6), y+t.px(2), colAccentText)
	}
}

// tokenPos is where a token sits: on the box of the manager it is at, or
// at the left of the lane's stack when it is in the task's own code.
func (s *simScene) tokenPos(geo laneGeometry, snap *replay.Snapshot, tk replay.Token) (x, y float64, ok bool) {
	r := tk.Lane - geo.first
	if r < 0 || r >= len(geo.rows) || tk.Exc == nil {
		return 0, 0, false
	}
	row := geo.rows[r]
	lane := &snap.Lanes[tk.Lane]
	boxes := stackBoxes(row, geo.label, len(lane.Frames), s.unit)
	if tk.Level >= 0 && tk.Level < len(boxes) {
		b := boxes[tk.Level]
		return b.x + b.w*0.35, b.y + b.h - s.unit*12, true
	}
	// In the task's own code: under the task's name.
	return row.x + 8*s.unit, row.y + max(row.h-20*s.unit, 16*s.unit), true
}

// ease makes movement start and end gently.
func ease(k float64) float64 {
	k = min(max(k, 0), 1)
	return k * k * (3 - 2*k)
}

// paintLoop draws the event loop: the clock, the running task, the ready
// queue in order and the sleeping tasks with their wake-up times.
func (s *simScene) paintLoop(g *Game, dst *ebiten.Image, area rect, snap *replay.Snapshot) {
	t := g.th
	l := g.lang
	in := panelBox(t, dst, area, l.T("ui.loop"), colPanel)
	f := t.face(fontRegular, 13)
	b := t.face(fontBold, 13)
	x, y := in.x, in.y
	lineH := t.px(18)
	put := func(label, value string, c color.Color) {
		lw, vw := text.Advance(label, b), text.Advance(value, f)
		if x > in.x && x+lw+t.px(4)+min(vw, t.px(80)) > in.x+in.w && y+2*lineH <= in.y+in.h {
			x, y = in.x, y+lineH // wrap onto the next line when there is one
		}
		if x > in.x+in.w {
			return
		}
		drawString(dst, label, b, x, y, colMuted)
		x += lw + t.px(4)
		v := fitString(value, f, in.x+in.w-x)
		drawString(dst, v, f, x, y, c)
		x += text.Advance(v, f) + t.px(16)
	}
	put("", fmt.Sprintf(l.T("ui.clock"), fmtTime(snap.Time)), colText)
	running := snap.Loop.Running
	if running == "" {
		running = "—"
	}
	put(l.T("ui.running")+":", running, colRunning)
	ready := strings.Join(snap.Loop.Ready, " → ")
	if ready == "" {
		ready = "—"
	}
	put(l.T("ui.ready")+":", ready, colText)
	var sleeping []string
	for _, sl := range snap.Loop.Sleeping {
		sleeping = append(sleeping, sl.Task+" ("+fmtTime(sl.Wake)+" s)")
	}
	sl := strings.Join(sleeping, ", ")
	if sl == "" {
		sl = "—"
	}
	put(l.T("ui.sleeping")+":", sl, colText)
	if len(snap.Loop.Waiting) > 0 {
		put(l.T("ui.waiting")+":", strings.Join(snap.Loop.Waiting, ", "), colText)
	}
	y += lineH + t.px(2)
	if y+lineH > in.y+in.h+t.px(4) {
		return
	}
	if snap.Loop.Blocked {
		drawString(dst, l.T("ui.blocked"), b, in.x, y, colBlocked)
	} else if snap.Resources.Open > 0 || len(snap.Resources.Leaked) > 0 {
		msg := fmt.Sprintf(l.T("ui.openCount"), snap.Resources.Open)
		if len(snap.Resources.Leaked) > 0 {
			msg += " · " + l.T("ui.leaked") + ": " + strings.Join(snap.Resources.Leaked, ", ")
		}
		drawString(dst, fitString(msg, f, in.w), f, in.x, y, colMuted)
	}
}

// paintSlider draws the scrub slider: the track, the part played, a knob.
func (s *simScene) paintSlider(g *Game, dst *ebiten.Image) {
	t := g.th
	sl := s.slider
	cy := sl.y + sl.h/2
	th := t.px(6)
	roundRect(dst, float32(sl.x), float32(cy-th/2), float32(sl.w), float32(th), float32(th/2), colBorder)
	fx := sl.x + sl.w*s.cur.Fraction()
	roundRect(dst, float32(sl.x), float32(cy-th/2), float32(fx-sl.x), float32(th), float32(th/2), colAccent)
	vector.FillCircle(dst, float32(fx), float32(cy), float32(t.px(9)), colAccent, true)
	f := t.face(fontRegular, 13)
	drawString(dst, s.countText, f, sl.x+sl.w+t.px(12), cy-t.px(9), colMuted)
}

// paintSpeed draws the speed between − and +.
func (s *simScene) paintSpeed(g *Game, dst *ebiten.Image) {
	t := g.th
	drawString(dst, speedLabel(s.cur.Speed), t.face(fontBold, 14), s.speedX, s.speedY+t.px(10), colText)
}

// imageCache keeps a part of the screen painted in an image of its own,
// repainted only when its key changes.
type imageCache struct {
	img *ebiten.Image
	key string
}

// draw copies the part to r on dst, painting it first when key differs
// from the last one (paint gets the image and r moved to its origin).
func (c *imageCache) draw(dst *ebiten.Image, r rect, key string, paint func(*ebiten.Image, rect)) {
	w, h := int(math.Ceil(r.w)), int(math.Ceil(r.h))
	if w <= 0 || h <= 0 {
		return
	}
	if c.img == nil || c.img.Bounds().Dx() != w || c.img.Bounds().Dy() != h {
		if c.img != nil {
			c.img.Deallocate()
		}
		c.img, c.key = ebiten.NewImage(w, h), ""
	}
	if c.key != key {
		c.img.Clear()
		paint(c.img, rect{0, 0, r.w, r.h})
		c.key = key
	}
	op := &ebiten.DrawImageOptions{}
	op.GeoM.Translate(r.x, r.y)
	dst.DrawImage(c.img, op)
}
