package web

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"math"
)

// Icon colours: the app's blue and its page colour (ui/theme.go).
var (
	iconBlue  = color.NRGBA{0x2f, 0x5d, 0x8a, 0xff}
	iconPaper = color.NRGBA{0xf7, 0xf5, 0xf0, 0xff}
	iconGold  = color.NRGBA{0xe0, 0xa4, 0x2e, 0xff}
)

// IconPNG draws the app's icon, size pixels square: nested frames, as
// managers nest in async with, around the body at the centre, on the
// app's blue. Everything sits within the centre 80% (a "maskable" icon's
// safe zone), and it is drawn from shapes, so every size is sharp.
func IconPNG(size int) []byte {
	img := image.NewNRGBA(image.Rect(0, 0, size, size))
	s := float64(size)
	// Each pixel is the share of its 4×4 samples inside each shape.
	const n = 4
	for y := 0; y < size; y++ {
		for x := 0; x < size; x++ {
			var r, g, b float64
			for sy := 0; sy < n; sy++ {
				for sx := 0; sx < n; sx++ {
					px := (float64(x) + (float64(sx)+0.5)/n) / s
					py := (float64(y) + (float64(sy)+0.5)/n) / s
					c := iconAt(px, py)
					r += float64(c.R)
					g += float64(c.G)
					b += float64(c.B)
				}
			}
			img.SetNRGBA(x, y, color.NRGBA{uint8(r / n / n), uint8(g / n / n), uint8(b / n / n), 0xff})
		}
	}
	var buf bytes.Buffer
	png.Encode(&buf, img)
	return buf.Bytes()
}

// iconAt is the icon's colour at x, y in [0,1].
func iconAt(x, y float64) color.NRGBA {
	// Frames: half-widths of the outer, middle and inner one.
	for _, half := range []float64{0.33, 0.24, 0.15} {
		d := roundedBox(x-0.5, y-0.5, half, half, 0.05)
		if math.Abs(d) < 0.022 {
			return iconPaper
		}
	}
	if roundedBox(x-0.5, y-0.5, 0.06, 0.06, 0.02) < 0 {
		return iconGold
	}
	return iconBlue
}

// roundedBox is the signed distance from x, y to a box of half-sizes w, h
// centred at the origin with corners of radius r (negative inside).
func roundedBox(x, y, w, h, r float64) float64 {
	qx := math.Abs(x) - w + r
	qy := math.Abs(y) - h + r
	return math.Hypot(math.Max(qx, 0), math.Max(qy, 0)) + math.Min(math.Max(qx, qy), 0) - r
}
