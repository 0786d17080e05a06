package ui

import (
	"image"
	"image/color"
	"math"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"
	xvector "golang.org/x/image/vector"
)

// Rounded rectangles — every button, answer, code span and focus ring —
// are drawn from a small antialiased mask of their corners, cut in nine
// and stretched, instead of with vector.FillPath and StrokePath: those
// compile two stencil shaders on first use, about 60 ms of the browser's
// first frame, and fill a path through the stencil buffer each time. The
// masks are drawn on the CPU once per radius and line width (a page has a
// handful) by golang.org/x/image/vector, the rasterizer text/v2 already
// links.

// cornerKey names a mask: the corner radius and the outline's width (0:
// filled), in device pixels.
type cornerKey struct{ r, width float32 }

// cornerMask is a (2c+1)-pixel square with rounded corners, white with
// the coverage as alpha, and its nine parts: the corners are c pixels
// square, the edges and the middle one pixel across.
type cornerMask struct {
	c     int
	inset int // how far the mask starts outside the rectangle (an outline's outer half)
	parts [3][3]*ebiten.Image
}

var cornerMasks = map[cornerKey]*cornerMask{}

// roundRect fills a rectangle with corners of radius r.
func roundRect(dst *ebiten.Image, x, y, w, h, r float32, c color.Color) {
	drawRounded(dst, x, y, w, h, r, 0, c)
}

// strokeRoundRect draws the outline of a rectangle with corners of radius
// r, width wide and centred on the rectangle's edge, as
// vector.StrokePath does.
func strokeRoundRect(dst *ebiten.Image, x, y, w, h, r, width float32, c color.Color) {
	drawRounded(dst, x, y, w, h, r, width, c)
}

func drawRounded(dst *ebiten.Image, x, y, w, h, r, width float32, c color.Color) {
	// Whole device pixels: the mask's edges then fall where a path's
	// would (positions on a page are whole pixels already, but for a
	// fraction of a progress bar).
	x, y = float32(math.Round(float64(x))), float32(math.Round(float64(y)))
	w, h = float32(math.Round(float64(w))), float32(math.Round(float64(h)))
	if w <= 0 || h <= 0 {
		return
	}
	r = max(0, min(r, w/2, h/2))
	m := cornerMaskFor(cornerKey{r: float32(math.Round(float64(r)*4) / 4), width: width})
	k := float32(m.inset)
	ow, oh := w+2*k, h+2*k // the drawn area, the outline's outer half included
	c2 := float32(2 * m.c)
	if ow < c2 || oh < c2 {
		drawRoundedPath(dst, x, y, w, h, r, width, c) // smaller than its corners: rare
		return
	}
	cols := [3][2]float32{{0, 1}, {float32(m.c), ow - c2}, {ow - float32(m.c), 1}} // offset, stretch
	rows := [3][2]float32{{0, 1}, {float32(m.c), oh - c2}, {oh - float32(m.c), 1}}
	for i, row := range rows {
		for j, col := range cols {
			if col[1] <= 0 || row[1] <= 0 {
				continue
			}
			op := &ebiten.DrawImageOptions{}
			op.GeoM.Scale(float64(col[1]), float64(row[1]))
			op.GeoM.Translate(float64(x-k+col[0]), float64(y-k+row[0]))
			op.ColorScale.ScaleWithColor(c)
			dst.DrawImage(m.parts[i][j], op)
		}
	}
}

// cornerMaskFor returns the mask for key, drawing it on first use.
func cornerMaskFor(key cornerKey) *cornerMask {
	if m, ok := cornerMasks[key]; ok {
		return m
	}
	alpha, c, inset := cornerAlpha(key)
	rgba := image.NewRGBA(alpha.Bounds())
	for i, a := range alpha.Pix {
		copy(rgba.Pix[4*i:4*i+4], []byte{a, a, a, a}) // white, premultiplied
	}
	img := ebiten.NewImageFromImage(rgba)
	m := &cornerMask{c: c, inset: inset}
	size := alpha.Bounds().Dx()
	bounds := [3][2]int{{0, c}, {c, c + 1}, {c + 1, size}}
	for i, row := range bounds {
		for j, col := range bounds {
			m.parts[i][j] = img.SubImage(image.Rect(col[0], row[0], col[1], row[1])).(*ebiten.Image)
		}
	}
	cornerMasks[key] = m
	return m
}

// cornerAlpha draws a mask's coverage: a (2c+1)-pixel square whose
// rounded shape starts inset pixels outside the rectangle it outlines
// (the outer half of an outline; 0 for a fill).
func cornerAlpha(key cornerKey) (alpha *image.Alpha, c, inset int) {
	o := key.width / 2
	inset = int(math.Ceil(float64(o)))
	f := float32(inset) - o // where the outer edge starts inside the mask
	outerR := key.r + o
	// The corner must hold the outer radius and, for a thick outline
	// round a small radius, the ring's whole width: the middle pixel,
	// stretched along the edges, must lie in the hole.
	c = int(math.Ceil(float64(f + o + max(key.r, o))))
	size := 2*c + 1
	ras := xvector.NewRasterizer(size, size)
	s := float32(size)
	addRoundedSquare(ras, f, s-2*f, outerR, false)
	if key.width > 0 {
		// The hole, wound the other way: the rasterizer's coverage cancels.
		addRoundedSquare(ras, f+key.width, s-2*f-2*key.width, max(key.r-o, 0), true)
	}
	alpha = image.NewAlpha(image.Rect(0, 0, size, size))
	ras.Draw(alpha, alpha.Bounds(), image.Opaque, image.Point{})
	return alpha, c, inset
}

// addRoundedSquare adds a square at (at, at), side long, with corners of
// radius r (quarter circles as cubic Béziers), clockwise or, reversed,
// anticlockwise.
func addRoundedSquare(ras *xvector.Rasterizer, at, side, r float32, reversed bool) {
	const kappa = 0.5522847 // a quarter circle's control-point distance, per radius
	r = min(r, side/2)
	a, b := at, at+side
	kr := kappa * r
	if !reversed {
		ras.MoveTo(a+r, a)
		ras.LineTo(b-r, a)
		ras.CubeTo(b-r+kr, a, b, a+r-kr, b, a+r)
		ras.LineTo(b, b-r)
		ras.CubeTo(b, b-r+kr, b-r+kr, b, b-r, b)
		ras.LineTo(a+r, b)
		ras.CubeTo(a+r-kr, b, a, b-r+kr, a, b-r)
		ras.LineTo(a, a+r)
		ras.CubeTo(a, a+r-kr, a+r-kr, a, a+r, a)
	} else {
		ras.MoveTo(a+r, a)
		ras.CubeTo(a+r-kr, a, a, a+r-kr, a, a+r)
		ras.LineTo(a, b-r)
		ras.CubeTo(a, b-r+kr, a+r-kr, b, a+r, b)
		ras.LineTo(b-r, b)
		ras.CubeTo(b-r+kr, b, b, b-r+kr, b, b-r)
		ras.LineTo(b, a+r)
		ras.CubeTo(b, a+r-kr, b-r+kr, a, b-r, a)
	}
	ras.ClosePath()
}

// drawRoundedPath is the vector package's way, for a rectangle smaller
// than its corner mask.
func drawRoundedPath(dst *ebiten.Image, x, y, w, h, r, width float32, c color.Color) {
	var path vector.Path
	r = min(r, w/2, h/2)
	path.MoveTo(x+r, y)
	path.LineTo(x+w-r, y)
	path.ArcTo(x+w, y, x+w, y+r, r)
	path.LineTo(x+w, y+h-r)
	path.ArcTo(x+w, y+h, x+w-r, y+h, r)
	path.LineTo(x+r, y+h)
	path.ArcTo(x, y+h, x, y+h-r, r)
	path.LineTo(x, y+r)
	path.ArcTo(x, y, x+r, y, r)
	path.Close()
	op := &vector.DrawPathOptions{AntiAlias: true}
	op.ColorScale.ScaleWithColor(c)
	if width > 0 {
		vector.StrokePath(dst, &path, &vector.StrokeOptions{Width: width}, op)
	} else {
		vector.FillPath(dst, &path, &vector.FillOptions{}, op)
	}
}
