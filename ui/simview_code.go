package ui

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"
)

// codeView is the Python program with the current line highlighted,
// scrolled so that the line stays in view.
type codeView struct {
	// img is the whole view; it changes only when the line does.
	img imageCache
	// lines holds each row of the program set once in an image of its
	// own, for lineKey: moving the highlight then costs one copy a row
	// instead of shaping and drawing its text.
	lines   map[int]*ebiten.Image
	lineKey lineKey
	// rows are the program's lines laid out, wrapped, for lineKey.
	rows []codeRow
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

// paintLines draws the panel and the lines around current. A line too
// long for the panel wraps onto rows indented under it, so that nothing
// a learner should read (the argument that makes the point) is cut off.
func (v *codeView) paintLines(f *simFrame, dst *ebiten.Image, area rect, current int) {
	t := f.th
	src := f.ses.Source
	in := panelBox(t, dst, area, f.lang.T("ui.code"), colCodeBg)
	size := codeSize(t, src, in.w)
	lh := t.px(size) * 1.45
	numW := t.px(30)
	mono := t.face(fontMono, size)
	lk := lineKey{f.ses.Gen, size, t.scale, int(in.w), int(math.Ceil(lh))}
	if v.lineKey != lk {
		for _, img := range v.lines {
			img.Deallocate()
		}
		v.lines, v.lineKey = map[int]*ebiten.Image{}, lk
		v.rows = wrapCode(t, src, size, in.w-numW)
	}
	rows := v.rows
	visible := max(int(in.h/lh), 1)
	cur := slices.IndexFunc(rows, func(r codeRow) bool { return r.line+1 == current })
	first := 0
	if len(rows) > visible && cur > 0 {
		first = min(max(cur-1-visible/2, 0), len(rows)-visible)
	}
	for i := first; i < len(rows) && i < first+visible; i++ {
		y := in.y + float64(i-first)*lh
		r := rows[i]
		if r.line+1 == current {
			roundRect(dst, float32(in.x-t.px(4)), float32(y), float32(in.w+t.px(8)), float32(lh), float32(t.px(3)), colLineHi)
			vector.FillRect(dst, float32(in.x-t.px(4)), float32(y), float32(t.px(3)), float32(lh), colFocus, false)
		}
		img := v.lines[i]
		if img == nil {
			img = ebiten.NewImage(lk.w, lk.h)
			if r.indent == 0 {
				drawString(img, strconv.Itoa(r.line+1), mono, 0, t.px(2), colCodeComment)
			}
			r.draw(img, numW+r.indent, t.px(2), in.w-numW-r.indent)
			v.lines[i] = img
		}
		op := &ebiten.DrawImageOptions{}
		op.GeoM.Translate(in.x, y)
		dst.DrawImage(img, op)
	}
}

// wrapCode lays the program out in rows of at most width: a line that
// does not fit goes on in rows indented four spaces past its own
// indentation (at most half the width), broken after a space, a comma,
// a bracket or a dot where one comes late enough.
func wrapCode(t *theme, src []string, size, width float64) []codeRow {
	face := t.face(fontMono, size)
	charW := text.Advance(" ", face)
	var rows []codeRow
	for i, s := range src {
		s = displayable(strings.ReplaceAll(s, "\t", "    "))
		runes := []rune(s)
		lead := len(s) - len(strings.TrimLeft(s, " "))
		indent := min(float64(lead+4)*charW, width/2)
		fit := max(int((width-indent)/charW), 8)
		if float64(len(runes))*charW <= width {
			fit = len(runes) // it fits whole: one row
		}
		toks := highlightPython(s)
		k := 0 // rune offset of the current row in s
		for _, end := range breaks(runes, max(fit, 1)) {
			r := codeRow{line: i, frags: slicedFrags(toks, k, end, face, charW)}
			if k > 0 {
				r.indent = indent
			}
			rows = append(rows, r)
			k = end
		}
	}
	return rows
}

// breaks are the rune offsets where the rows of a line end (the last is
// len(runes)), each row at most fit runes long; an empty line is one
// empty row.
func breaks(runes []rune, fit int) []int {
	if len(runes) == 0 {
		return []int{0}
	}
	var out []int
	for k := 0; k < len(runes); {
		end := min(k+fit, len(runes))
		if end < len(runes) {
			for j := end; j > k+fit/2; j-- {
				if strings.ContainsRune(" ,([.", runes[j-1]) {
					end = j
					break
				}
			}
		}
		out = append(out, end)
		k = end
	}
	return out
}

// slicedFrags are the coloured fragments of the tokens between rune
// offsets from and to of their line, placed on a monospace grid.
func slicedFrags(toks []codeTok, from, to int, face *text.GoTextFace, charW float64) []frag {
	var out []frag
	pos := 0
	for _, tk := range toks {
		rs := []rune(tk.s)
		lo, hi := max(from, pos), min(to, pos+len(rs))
		if lo < hi {
			out = append(out, frag{x: float64(lo-from) * charW, s: string(rs[lo-pos : hi-pos]), face: face, col: tk.col})
		}
		pos += len(rs)
	}
	return out
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

// codeRow is one laid-out row of the program: a line, or part of one
// that wraps.
type codeRow struct {
	frags []frag
	// line is the program's line (0-based) the row belongs to; indent
	// is where a wrapped line's later rows start.
	line   int
	indent float64
}

func (c codeRow) draw(dst *ebiten.Image, x, y, width float64) {
	for _, f := range c.frags {
		if f.x > width {
			break
		}
		drawString(dst, fitString(f.s, f.face, width-f.x), f.face, x+f.x, y, f.col)
	}
}
