package ui

import (
	"fmt"
	"image/color"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"

	"asyncwithlab/sim/replay"
)

// loopView is the event loop: the clock, the running task, the ready
// queue in order, the sleeping tasks with their wake-up times, and the
// resources open or leaked.
type loopView struct {
	// img changes with the event only.
	img imageCache
}

// paint draws the view in area.
func (v *loopView) paint(f *simFrame, dst *ebiten.Image, area rect) {
	key := fmt.Sprint(f.ses.Gen, f.shown, f.lang, f.th.scale)
	v.img.draw(dst, area, key, func(d *ebiten.Image, r rect) { v.paintLoop(f, d, r) })
}

func (v *loopView) paintLoop(f *simFrame, dst *ebiten.Image, area rect) {
	t := f.th
	l := f.lang
	snap := f.snap
	in := panelBox(t, dst, area, l.T("ui.loop"), colPanel)
	rf := t.face(fontRegular, 13)
	b := t.face(fontBold, 13)
	x, y := in.x, in.y
	lineH := t.px(18)
	put := func(label, value string, c color.Color) {
		lw, vw := text.Advance(label, b), text.Advance(value, rf)
		if x > in.x && x+lw+t.px(4)+min(vw, t.px(80)) > in.x+in.w && y+2*lineH <= in.y+in.h {
			x, y = in.x, y+lineH // wrap onto the next line when there is one
		}
		if x > in.x+in.w {
			return
		}
		drawString(dst, label, b, x, y, colMuted)
		x += lw + t.px(4)
		val := fitString(value, rf, in.x+in.w-x)
		drawString(dst, val, rf, x, y, c)
		x += text.Advance(val, rf) + t.px(16)
	}
	put("", l.T("ui.clock", fmtTime(snap.Time)), colText)
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
	if len(snap.Loop.Threads) > 0 {
		// Work off the loop: each call, and when its time.sleep ends.
		threads := make([]string, len(snap.Loop.Threads))
		for i, th := range snap.Loop.Threads {
			threads[i] = replay.ThreadLabel(th.Label, l)
			if th.Wake > 0 {
				threads[i] += " (" + fmtTime(th.Wake) + " s)"
			}
		}
		put(l.T("ui.threads")+":", strings.Join(threads, ", "), colText)
	}
	y += lineH + t.px(2)
	if y+lineH > in.y+in.h+t.px(4) {
		return
	}
	if snap.Loop.Blocked {
		drawString(dst, l.T("ui.blocked"), b, in.x, y, colBlocked)
	} else if snap.Resources.Open > 0 || len(snap.Resources.Leaked) > 0 {
		msg := l.T("ui.openCount", snap.Resources.Open)
		if len(snap.Resources.Leaked) > 0 {
			msg += " · " + l.T("ui.leaked") + ": " + strings.Join(snap.Resources.Leaked, ", ")
		}
		drawString(dst, fitString(msg, rf, in.w), rf, in.x, y, colMuted)
	}
}
