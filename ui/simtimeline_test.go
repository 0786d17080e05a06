package ui

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"asyncwithlab/sim"
	"asyncwithlab/sim/catalog/catalogtest"
)

func runPreset(t testing.TB, name string) *sim.Result {
	t.Helper()
	return catalogtest.Run(t, name)
}

func TestTimeline(t *testing.T) {
	tests := []struct {
		preset  string
		task    string
		want    []segment // without at
		blocked []segment
		end     float64
	}{
		{"gather-interleave", "scan_job", []segment{{0, 0.5, segSleep, 0}, {0.5, 2.5, segSleep, 0}, {2.5, 2.75, segSleep, 0}}, nil, 3},
		{"gather-interleave", "main", []segment{{0, 3, segWait, 0}}, nil, 3},
		{"blocking-call", "connector", []segment{{2, 2.5, segSleep, 0}}, []segment{{0, 2, segBlocked, 0}}, 0},
	}
	for _, tc := range tests {
		t.Run(tc.preset+"/"+tc.task, func(t *testing.T) {
			tl := buildTimeline(runPreset(t, tc.preset).Trace)
			var got []segment
			for _, sg := range tl.lanes[tc.task] {
				sg.at = 0
				got = append(got, sg)
			}
			assert.Equal(t, tc.want, got)
			var blocked []segment
			for _, sg := range tl.blocked {
				sg.at = 0
				blocked = append(blocked, sg)
			}
			assert.Equal(t, tc.blocked, blocked)
			if tc.end > 0 {
				assert.Equal(t, tc.end, tl.end)
			}
		})
	}
}

func TestUpToShowsOnlyThePast(t *testing.T) {
	segs := []segment{{0, 1, segSleep, 3}, {1, 4, segWait, 9}, {4, 5, segSleep, 20}}
	assert.Empty(t, upTo(segs, 2, 0))
	assert.Equal(t, []segment{{0, 0.5, segSleep, 3}}, upTo(segs, 5, 0.5), "clipped at the playhead")
	assert.Equal(t, []segment{{0, 1, segSleep, 3}, {1, 2, segWait, 9}}, upTo(segs, 9, 2))
	assert.Len(t, upTo(segs, 99, 9), 3)
}
