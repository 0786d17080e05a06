package ui

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// within reports whether inner lies inside outer (touching edges allowed).
func within(inner, outer rect) bool {
	const eps = 1e-6
	return inner.x >= outer.x-eps && inner.y >= outer.y-eps &&
		inner.x+inner.w <= outer.x+outer.w+eps && inner.y+inner.h <= outer.y+outer.h+eps
}

func overlap(a, b rect) bool {
	if a.w == 0 || a.h == 0 || b.w == 0 || b.h == 0 {
		return false
	}
	return a.x < b.x+b.w && b.x < a.x+a.w && a.y < b.y+b.h && b.y < a.y+a.h
}

func TestLayoutSimRegionsFitAndDoNotOverlap(t *testing.T) {
	tests := []struct {
		w, h, unit float64
		showCode   bool
		wide       bool
	}{
		{1280, 800, 1, false, true},
		{2560, 1600, 2, false, true}, // the same window on a HiDPI screen
		{1024, 720, 1, false, true},
		{390, 844, 1, false, false}, // a phone
		{780, 1688, 2, true, false}, // the phone at 2×, code shown
		{899, 600, 1, false, false},
	}
	for _, tc := range tests {
		t.Run(fmt.Sprintf("%vx%v@%v", tc.w, tc.h, tc.unit), func(t *testing.T) {
			r := layoutSim(tc.w, tc.h, tc.unit, tc.showCode, 0, 1, 1)
			assert.Equal(t, tc.wide, r.wide)
			screen := rect{0, 0, tc.w, tc.h}
			parts := map[string]rect{"top": r.top, "caption": r.caption, "lanes": r.lanes, "loop": r.loop, "code": r.code, "console": r.console, "controls": r.controls}
			for name, p := range parts {
				assert.True(t, within(p, screen), "%s %+v is off the screen", name, p)
			}
			for a, pa := range parts {
				for b, pb := range parts {
					if a < b {
						assert.False(t, overlap(pa, pb), "%s %+v overlaps %s %+v", a, pa, b, pb)
					}
				}
			}
			if tc.wide || !tc.showCode {
				assert.Positive(t, r.lanes.h, "the lanes have room")
			}
			if tc.wide || tc.showCode {
				assert.Positive(t, r.code.h, "the code has room")
				assert.Greater(t, r.code.h, r.caption.h, "more room for the code than for the caption")
			} else {
				assert.Zero(t, r.code.w, "a narrow screen leaves the code to its own view")
			}
			assert.True(t, within(r.side, screen))
			assert.True(t, within(r.wideSide, screen))
			assert.GreaterOrEqual(t, r.wideSide.w, r.side.w)
			// A long caption grows its box, within limits.
			long := layoutSim(tc.w, tc.h, tc.unit, tc.showCode, 120*tc.unit, 1, 1)
			assert.InDelta(t, 120*tc.unit, long.caption.h, 1e-9)
			assert.False(t, overlap(long.caption, long.lanes))
			huge := layoutSim(tc.w, tc.h, tc.unit, tc.showCode, 5000, 1, 1)
			assert.Less(t, huge.caption.h, tc.h*0.3)
			// Bars of two rows push the body in, and still nothing overlaps.
			two := layoutSim(tc.w, tc.h, tc.unit, tc.showCode, 0, 2, 2)
			assert.Greater(t, two.top.h, r.top.h)
			assert.Greater(t, two.controls.h, r.controls.h)
			assert.False(t, overlap(two.top, two.caption))
			assert.False(t, overlap(two.controls, two.console))
		})
	}
}

func TestLayoutLanes(t *testing.T) {
	area := rect{100, 50, 800, 400}
	tests := []struct {
		name      string
		n, first  int
		rows      int
		wantFirst int
		maxRowH   float64
		minRowH   float64
	}{
		{"one task gets a tall lane, capped", 1, 0, 1, 0, 64, 64},
		{"three tasks share the height", 3, 0, 3, 0, 64, 26},
		{"twenty tasks still fit at the minimum height? no: some rows", 20, 0, 14, 0, 26, 26},
		{"a scrolled start is kept within range", 20, 15, 14, 6, 26, 26},
		{"a start beyond the end is clamped", 20, 99, 14, 6, 26, 26},
		{"all fit: the start is ignored", 3, 2, 3, 0, 64, 26},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			g := layoutLanes(area, tc.n, tc.first, 1)
			require.Len(t, g.rows, tc.rows)
			assert.Equal(t, tc.wantFirst, g.first)
			for i, r := range g.rows {
				assert.True(t, within(r, area), "row %d %+v", i, r)
				assert.LessOrEqual(t, r.h, tc.maxRowH)
				assert.GreaterOrEqual(t, r.h, tc.minRowH)
				if i > 0 {
					assert.InDelta(t, g.rows[i-1].y+g.rows[i-1].h, r.y, 1e-9, "rows follow each other")
				}
				assert.GreaterOrEqual(t, r.y, g.axis.y+g.axis.h, "rows are below the time axis")
			}
		})
	}
}

func TestStackBoxesGrowOutermostFirst(t *testing.T) {
	row := rect{0, 100, 900, 56}
	for depth := 0; depth <= 10; depth++ {
		boxes := stackBoxes(row, 160, depth, 1)
		require.Len(t, boxes, depth)
		for i, b := range boxes {
			assert.True(t, within(b, row), "box %d of %d %+v", i, depth, b)
			assert.GreaterOrEqual(t, b.x, 160.0, "boxes start after the label column")
			assert.False(t, overlap(b, timelineBand(row, 160, 1)), "boxes stay above the timeline")
			if i > 0 {
				assert.Greater(t, b.x, boxes[i-1].x+boxes[i-1].w, "inner managers are to the right of outer ones")
			}
		}
	}
}

func TestTimeX(t *testing.T) {
	axis := rect{10, 0, 210, 18}
	assert.Equal(t, 60.0, timeX(axis, 50, 0, 4))
	assert.Equal(t, 140.0, timeX(axis, 50, 2, 4))
	assert.Equal(t, 220.0, timeX(axis, 50, 4, 4))
	assert.Equal(t, 220.0, timeX(axis, 50, 9, 4), "clamped to the end")
	assert.Equal(t, 60.0, timeX(axis, 50, 1, 0), "a run that takes no time")
}

func TestNiceStep(t *testing.T) {
	for raw, want := range map[float64]float64{0.3: 0.5, 0.5: 0.5, 0.7: 1, 1.2: 2, 3: 5, 7: 10, 0.04: 0.05, 0: 1} {
		assert.InDelta(t, want, niceStep(raw), 1e-9, "niceStep(%v)", raw)
	}
}

// TestQuestionUnderTheCode: while a prediction is asked the program stays
// in view at every size: the question (side) and the code share the
// body without overlapping, and neither is empty.
func TestQuestionUnderTheCode(t *testing.T) {
	for _, sz := range []struct {
		name       string
		w, h, unit float64
	}{{"desktop", 1280, 800, 1}, {"laptop", 1024, 720, 1}, {"hidpi", 2560, 1600, 2}, {"tablet", 800, 1000, 1}, {"phone", 720, 1280, 2}} {
		t.Run(sz.name, func(t *testing.T) {
			r := layoutSim(sz.w, sz.h, sz.unit, false, 84*sz.unit, 1, 1).withQuestion(sz.unit)
			assert.Greater(t, r.code.h, 120*sz.unit, "the code has room for lines")
			assert.Greater(t, r.side.h, 150*sz.unit, "the question has room")
			assert.LessOrEqual(t, r.code.y+r.code.h, r.side.y, "the question is under the code")
			assert.LessOrEqual(t, r.side.y+r.side.h, r.controls.y, "above the playback bar")
			if !r.wide { // one column: the code comes after the caption
				assert.GreaterOrEqual(t, r.code.y, r.caption.y+r.caption.h, "the caption stays in view")
			}
			assert.Zero(t, r.console.h, "the console gives its place")
		})
	}
}

func TestFmtTime(t *testing.T) {
	for _, tt := range []struct {
		v    float64
		want string
	}{{0, "0"}, {1, "1"}, {0.1 + 0.2 + 0.12, "0.42"}, {0.000001, "0.000001"}, {12.5, "12.5"}} {
		assert.Equal(t, tt.want, fmtTime(tt.v), "%v", tt.v)
	}
}
