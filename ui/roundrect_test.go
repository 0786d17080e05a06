package ui

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestCornerAlpha: the corner masks cover what a path would — a fill is
// solid inside and clear beyond its rounded corner; an outline is a ring
// of the given width, clear inside; the middle row and column (the parts
// stretched along the edges) are straight.
func TestCornerAlpha(t *testing.T) {
	tests := []struct {
		name      string
		key       cornerKey
		wantC     int
		wantInset int
		middle    uint8 // the mask's centre pixel
	}{
		{"fill", cornerKey{r: 8}, 8, 0, 255},
		{"fill, fractional radius", cornerKey{r: 4.5}, 5, 0, 255},
		{"outline 1 px", cornerKey{r: 6, width: 1}, 7, 1, 0},
		{"outline 3 px", cornerKey{r: 8, width: 3}, 10, 2, 0},
		{"square corners", cornerKey{r: 0}, 0, 0, 255},
		{"outline thicker than its radius", cornerKey{r: 0, width: 2}, 2, 1, 0},
		{"outline 3 px round 1 px", cornerKey{r: 1, width: 3}, 4, 2, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, c, inset := cornerAlpha(tt.key)
			assert.Equal(t, tt.wantC, c)
			assert.Equal(t, tt.wantInset, inset)
			size := 2*c + 1
			assert.Equal(t, size, a.Bounds().Dx())
			assert.Equal(t, tt.middle, a.AlphaAt(c, c).A, "centre")
			if tt.key.r >= 2 {
				assert.Zero(t, a.AlphaAt(0, 0).A, "beyond the rounded corner")
				assert.Zero(t, a.AlphaAt(size-1, size-1).A)
			}
			// The middle column is the same all along the edge it is
			// stretched into: symmetric, and the top and bottom edges
			// alike.
			for y := 0; y < size; y++ {
				// (within the rasterizer's rounding of one level in 255)
				assert.InDelta(t, a.AlphaAt(c, y).A, a.AlphaAt(y, c).A, 1, "row and column agree at %d", y)
				assert.InDelta(t, a.AlphaAt(c, y).A, a.AlphaAt(c, size-1-y).A, 1, "symmetric at %d", y)
			}
			if tt.key.width > 0 {
				// Across the ring, the covered rows add up to its width.
				sum := 0.0
				for y := 0; y < c; y++ {
					sum += float64(a.AlphaAt(c, y).A) / 255
				}
				assert.InDelta(t, float64(tt.key.width), sum, 0.05, "the outline is %v px wide", tt.key.width)
			} else if tt.key.r > 0 {
				assert.Equal(t, uint8(255), a.AlphaAt(c, 0).A, "a fill's edge starts at the mask's edge")
			}
		})
	}
}
