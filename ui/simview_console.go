package ui

import (
	"fmt"

	"github.com/hajimehoshi/ebiten/v2"

	"asyncwithlab/sim"
)

// consoleView is the program's output so far, its last lines in view;
// the line just printed stands out.
type consoleView struct {
	// img changes only when something is printed.
	img imageCache
}

// paint draws the view in area.
func (v *consoleView) paint(f *simFrame, dst *ebiten.Image, area rect) {
	printed := f.snap.Output
	printing := f.snap.Event.Kind == sim.Printed
	key := fmt.Sprint(f.ses.Gen, printed, printing, f.th.scale, f.lang)
	v.img.draw(dst, area, key, func(d *ebiten.Image, r rect) { v.paintLines(f, d, r, printed, printing) })
}

// paintLines draws the last of the printed lines that fit.
func (v *consoleView) paintLines(f *simFrame, dst *ebiten.Image, area rect, printed int, printing bool) {
	t := f.th
	in := panelBox(t, dst, area, f.lang.T("ui.console"), colCodeBg)
	mono := t.face(fontMono, 12)
	lh := t.px(12) * 1.45
	visible := max(int(in.h/lh), 1)
	lines := f.ses.Replay.Lines()[:printed]
	from := max(0, len(lines)-visible)
	for i, ln := range lines[from:] {
		c := colCode
		if from+i == printed-1 && printing {
			c = colCodeString
		}
		drawString(dst, fitString(displayable(ln), mono, in.w), mono, in.x, in.y+float64(i)*lh, c)
	}
}
