package ui

import (
	"fmt"
	"image/color"

	"github.com/hajimehoshi/ebiten/v2"

	"asyncwithlab/quiz"
	"asyncwithlab/sim/session"
)

// captionView is the current event in plain words, under a line with the
// event's number and the clock (or the screen's notice).
type captionView struct {
	img imageCache
	// lines is the caption laid out for the layout in use: the screen
	// sizes the caption's box from it, then the view draws it.
	lines []line
	// wrapped is the caption wrapped for wrappedFor, kept because a
	// playing screen asks every frame.
	wrapped    []line
	wrappedFor captionKey
}

// captionKey is what a caption's layout depends on.
type captionKey struct {
	gen, shown int
	lang       Lang
	width      float64
}

// layout wraps the frame's caption to width, once per event.
func (v *captionView) layout(f *simFrame, width float64) []line {
	k := captionKey{f.ses.Gen, f.shown, f.lang, width}
	if k != v.wrappedFor || v.wrapped == nil {
		v.wrapped = f.th.wrapRuns([]quiz.Run{{Text: captionText(f.ses, f.shown, f.lang)}}, width, 15, colText, false)
		v.wrappedFor = k
	}
	return v.wrapped
}

// paint draws the view in area; message, when set, takes the place of
// the event's number and clock.
func (v *captionView) paint(f *simFrame, dst *ebiten.Image, area rect, message string) {
	key := fmt.Sprint(f.ses.Gen, f.shown, message, f.lang, f.th.scale, f.title)
	v.img.draw(dst, area, key, func(d *ebiten.Image, r rect) { v.paintBox(f, d, r, message) })
}

func (v *captionView) paintBox(f *simFrame, dst *ebiten.Image, area rect, message string) {
	t := f.th
	snap := f.snap
	bg := color.Color(colHintBg)
	if snap.Loop.Blocked {
		bg = colWrongBg
	}
	in := panelBox(t, dst, area, "", bg)
	meta := f.lang.T("ui.eventOf", f.shown+1, f.ses.Result.Trace.Len()) + " · " + f.lang.T("ui.clock", fmtTime(snap.Time))
	if f.title != "" {
		meta += " · " + f.title
	}
	if message != "" {
		meta = message
	}
	drawString(dst, fitString(meta, t.face(fontRegular, 12), in.w), t.face(fontRegular, 12), in.x, in.y, colMuted)
	lines := v.lines
	for n, h := 0, 0.0; n < len(lines); n++ {
		if h += lines[n].h; h > in.h-t.px(16) && n > 0 {
			lines = lines[:n] // what the box has room for
			break
		}
	}
	drawLines(dst, lines, in.x, in.y+t.px(16))
}

// captionText is the event shown of the session's run in words (or why the
// run stopped, at its last event).
func captionText(ses *session.Session, shown int, l Lang) string {
	if ses.Err != nil && shown == ses.Result.Trace.Len()-1 {
		return l.T("ui.runFailed", ses.Err)
	}
	return ses.Replay.Caption(shown, l)
}
