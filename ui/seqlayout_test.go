package ui

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"asyncwithlab/sim/catalog/catalogtest"
	"asyncwithlab/sim/replay"
)

func overlaps(a, b rect) bool {
	const eps = 1e-6
	return a.x+eps < b.x+b.w && b.x+eps < a.x+a.w && a.y+eps < b.y+b.h && b.y+eps < a.y+a.h
}

func inside(a, area rect) bool {
	const eps = 1e-6
	return a.x >= area.x-eps && a.y >= area.y-eps && a.x+a.w <= area.x+area.w+eps && a.y+a.h <= area.y+area.h+eps
}

// TestSequenceLayoutHasNoOverlaps lays out diagrams at phone, laptop and
// desktop sizes, scrolled anywhere, with the 20 × 10 stress example folded
// and unfolded: the columns and row bands stay inside the area and never
// overlap, every label box stays inside its band, and the rows shown end
// at the cursor's row.
func TestSequenceLayoutHasNoOverlaps(t *testing.T) {
	seqs := map[string]*replay.Sequence{}
	for _, name := range []string{"doc001-basic", "gather-interleave", "stress-20x10"} {
		seqs[name] = replay.New(catalogtest.Run(t, name)).Sequence()
	}
	stress := seqs["stress-20x10"]
	require.Len(t, stress.Participants, 221, "20 workers and main, 10 managers each worker")
	folds := map[string]func(int) bool{
		"unfolded": func(int) bool { return false },
		"folded":   func(int) bool { return true },
	}
	sizes := []rect{{0, 0, 360, 300}, {8, 120, 700, 420}, {400, 150, 1000, 600}, {0, 0, 2400, 1200}}
	for name, seq := range seqs {
		for fold, folded := range folds {
			cols := columnsOf(seq, folded)
			if fold == "folded" {
				tasks := 0
				for _, p := range seq.Participants {
					if !p.Manager {
						tasks++
					}
				}
				assert.Len(t, cols.parts, tasks, "%s: one column per task", name)
			} else {
				assert.Len(t, cols.parts, len(seq.Participants))
			}
			for _, area := range sizes {
				for _, unit := range []float64{1, 2} {
					for _, cursor := range []int{0, len(seq.Rows) / 2, len(seq.Rows)} {
						for _, first := range []int{-3, 0, 7, 500} {
							t.Run(fmt.Sprintf("%s/%s/%vx%v@%v/row%d/col%d", name, fold, area.w, area.h, unit, cursor, first), func(t *testing.T) {
								g := layoutSeq(area, len(cols.parts), first, cursor, first, unit)
								require.NotEmpty(t, g.x)
								assert.True(t, g.first >= 0 && g.first+len(g.x) <= len(cols.parts), "columns %d+%d of %d", g.first, len(g.x), len(cols.parts))
								var colRects []rect
								for _, x := range g.x {
									c := rect{x - g.colW/2, area.y, g.colW, area.h}
									assert.True(t, inside(c, area), "column %v outside %v", c, area)
									for _, o := range colRects {
										assert.False(t, overlaps(c, o), "columns %v and %v overlap", c, o)
									}
									colRects = append(colRects, c)
								}
								assert.GreaterOrEqual(t, g.colW, 120*unit-1e-9, "a column stays wide enough to read")
								var bands []rect
								for k := g.firstRow; k < cursor; k++ {
									b, ok := g.rowBand(k)
									if !ok {
										assert.GreaterOrEqual(t, k, g.firstRow+g.rows)
										break
									}
									assert.True(t, inside(b, g.body), "band %v outside the body %v", b, g.body)
									assert.False(t, overlaps(b, g.header), "a row under the headers")
									for _, o := range bands {
										assert.False(t, overlaps(b, o), "bands %v and %v overlap", b, o)
									}
									bands = append(bands, b)
									// Labels: a note in its column, an arrow's between two lifelines.
									for i, x0 := range g.x {
										for _, x1 := range g.x[i:] {
											lb := g.labelBox(b, x0, x1)
											assert.True(t, inside(lb, b), "label %v outside its band %v", lb, b)
										}
									}
								}
								if cursor > 0 {
									// Scrolled as far down as it goes (as follow does), the
									// cursor's row is the last one shown.
									g := layoutSeq(area, len(cols.parts), first, cursor, cursor, unit)
									_, ok := g.rowBand(cursor - 1)
									assert.True(t, ok, "the cursor's row is shown")
									_, ok = g.rowBand(cursor)
									assert.True(t, !ok || g.rows > cursor-g.firstRow, "nothing after it")
								}
							})
						}
					}
				}
			}
		}
	}
}
