package ui

import (
	"fmt"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"

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

// paintLines draws the last of the printed lines that fit; a line too
// long for the panel wraps onto more rows rather than losing its end.
func (v *consoleView) paintLines(f *simFrame, dst *ebiten.Image, area rect, printed int, printing bool) {
	t := f.th
	in := panelBox(t, dst, area, f.lang.T("ui.console"), colCodeBg)
	mono := t.face(fontMono, 12)
	lh := t.px(12) * 1.45
	visible := max(int(in.h/lh), 1)
	fit := max(int(in.w/text.Advance(" ", mono)), 8)
	lines := f.ses.Replay.Lines()[:printed]
	type row struct {
		s    string
		last bool // of the line just printed
	}
	var rows []row
	// Only the lines that can show are laid out: each takes a row at least.
	for i := max(0, len(lines)-visible); i < len(lines); i++ {
		rs := []rune(displayable(lines[i]))
		k := 0
		for _, end := range breaks(rs, fit) {
			rows = append(rows, row{string(rs[k:end]), i == printed-1 && printing})
			k = end
		}
	}
	rows = rows[max(0, len(rows)-visible):]
	for i, r := range rows {
		c := colCode
		if r.last {
			c = colCodeString
		}
		drawString(dst, fitString(r.s, mono, in.w), mono, in.x, in.y+float64(i)*lh, c)
	}
}
