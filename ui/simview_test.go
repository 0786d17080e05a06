package ui

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"asyncwithlab/sim/replay"
)

// TestBreaks: a long line breaks after a space, comma, bracket or dot
// in the later half of a row, else exactly at the row's width, and the
// rows cover the line.
func TestBreaks(t *testing.T) {
	tests := []struct {
		line string
		fit  int
		want []int
	}{
		{"short", 10, []int{5}},
		{"", 10, []int{0}},
		{"await asyncio.wait({c, u, b}, return_when=x)", 20, []int{19, 30, 44}},
		{"abcdefghijklmnopqrstuvwxyz", 10, []int{10, 20, 26}},
		{"a b", 2, []int{2, 3}},
	}
	for _, tt := range tests {
		got := breaks([]rune(tt.line), tt.fit)
		assert.Equal(t, tt.want, got, tt.line)
		prev := 0
		for _, end := range got {
			assert.LessOrEqual(t, end-prev, tt.fit, "a row longer than fits: %q", tt.line)
			prev = end
		}
	}
}

// TestFrameNoteOfAnObjectNotEntered: an object only made (kept for
// later, pushed on an exit stack) reads "created", whatever resource
// state the ledger gives it later.
func TestFrameNoteOfAnObjectNotEntered(t *testing.T) {
	fr := &replay.Frame{Manager: "Journal", Phase: replay.PhaseCreated, Resource: replay.ResClosed}
	assert.Equal(t, replay.PhaseCreated.Label(English), frameNote(English, fr))
	fr.Phase = replay.PhaseBody
	assert.Equal(t, replay.ResClosed.Label(English), frameNote(English, fr))
}
