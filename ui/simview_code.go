package ui

import (
	"fmt"
	"math"
	"strconv"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"
)

// codeView is the Python program with the current line highlighted,
// scrolled so that the line stays in view.
type codeView struct {
	// img is the whole view; it changes only when the line does.
	img imageCache
	// lines holds each line of the program set once in an image of its
	// own, for lineKey: moving the highlight then costs one copy a line
	// instead of shaping and drawing its text.
	lines   map[int]*ebiten.Image
	lineKey lineKey
}

// lineKey says for what the images of the code's lines were made.
type lineKey struct {
	gen   int
	size  float64
	scale float64
	w, h  int
}

// paint draws the view in area (nothing when the layout hides the code).
func (v *codeView) paint(f *simFrame, dst *ebiten.Image, area rect) {
	if area.w <= 0 {
		return
	}
	line := f.snap.Line
	key := fmt.Sprint(f.ses.Gen, line, f.th.scale, f.lang)
	v.img.draw(dst, area, key, func(d *ebiten.Image, r rect) { v.paintLines(f, d, r, line) })
}

// paintLines draws the panel and the lines around current.
func (v *codeView) paintLines(f *simFrame, dst *ebiten.Image, area rect, current int) {
	t := f.th
	src := f.ses.Source
	in := panelBox(t, dst, area, f.lang.T("ui.code"), colCodeBg)
	size := codeSize(t, src, in.w)
	lh := t.px(size) * 1.45
	visible := max(int(in.h/lh), 1)
	first := 0
	if len(src) > visible && current > 0 {
		first = min(max(current-1-visible/2, 0), len(src)-visible)
	}
	numW := t.px(30)
	mono := t.face(fontMono, size)
	lk := lineKey{f.ses.Gen, size, t.scale, int(in.w), int(math.Ceil(lh))}
	if v.lineKey != lk {
		for _, img := range v.lines {
			img.Deallocate()
		}
		v.lines, v.lineKey = map[int]*ebiten.Image{}, lk
	}
	for i := first; i < len(src) && i < first+visible; i++ {
		y := in.y + float64(i-first)*lh
		if i+1 == current {
			roundRect(dst, float32(in.x-t.px(4)), float32(y), float32(in.w+t.px(8)), float32(lh), float32(t.px(3)), colLineHi)
			vector.FillRect(dst, float32(in.x-t.px(4)), float32(y), float32(t.px(3)), float32(lh), colFocus, false)
		}
		img := v.lines[i]
		if img == nil {
			img = ebiten.NewImage(lk.w, lk.h)
			drawString(img, strconv.Itoa(i+1), mono, 0, t.px(2), colCodeComment)
			codeLine(t, src[i], size).draw(img, numW, t.px(2), in.w-numW)
			v.lines[i] = img
		}
		op := &ebiten.DrawImageOptions{}
		op.GeoM.Translate(in.x, y)
		dst.DrawImage(img, op)
	}
}

// codeSize is the font size (CSS px) that fits the program's longest line
// in width, between 10 and 13.
func codeSize(t *theme, src []string, width float64) float64 {
	longest := 0
	for _, ln := range src {
		longest = max(longest, len([]rune(ln)))
	}
	if longest == 0 {
		return 13
	}
	// Go Mono advances 0.6 em per character; the line numbers take 30 px.
	fit := (width - t.px(30)) / (0.6 * float64(longest+1)) / t.scale
	return min(max(float64(int(fit*2))/2, 10), 13)
}

// codeLine lays out a line of the program with Python colours.
func codeLine(t *theme, src string, size float64) codeRow {
	if lines := t.codeLines(src, 1e9, size, true); len(lines) > 0 {
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
