package ui

import (
	"image/color"
	"math"
	"strconv"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"
)

// The drawing helpers the simulator's views share.

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

// ease makes movement start and end gently.
func ease(k float64) float64 {
	k = min(max(k, 0), 1)
	return k * k * (3 - 2*k)
}

// fmtTime writes a virtual time in seconds as a person reads it: to the
// microsecond, so that sums of sleeps (0.1 + 0.2 + 0.12) read 0.42, not
// 0.42000000000000004.
func fmtTime(v float64) string {
	return strconv.FormatFloat(math.Round(v*1e6)/1e6, 'f', -1, 64)
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
