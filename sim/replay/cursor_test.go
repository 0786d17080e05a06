package replay

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestCursorSteps(t *testing.T) {
	stops := []int{0, 2, 5, 9, 12}
	tests := []struct {
		name      string
		pos       float64
		do        func(c *Cursor)
		wantPos   float64
		wantEvent int
	}{
		{"forward from a stop", 1, (*Cursor).StepForward, 2, 5},
		{"forward from between stops", 1.4, (*Cursor).StepForward, 2, 5},
		{"forward at the end stays", 4, (*Cursor).StepForward, 4, 12},
		{"back from a stop", 2, (*Cursor).StepBack, 1, 2},
		{"back from between stops goes to the one left", 2.6, (*Cursor).StepBack, 2, 5},
		{"back at the start stays", 0, (*Cursor).StepBack, 0, 0},
		{"first", 3.3, (*Cursor).First, 0, 0},
		{"last", 1, (*Cursor).Last, 4, 12},
		{"seek half way", 0, func(c *Cursor) { c.Seek(0.5) }, 2, 5},
		{"seek rounds to a stop", 0, func(c *Cursor) { c.Seek(0.3) }, 1, 2},
		{"seek clamps", 0, func(c *Cursor) { c.Seek(7) }, 4, 12},
		{"seek event on a stop", 0, func(c *Cursor) { c.SeekEvent(9) }, 3, 9},
		{"seek event between stops", 0, func(c *Cursor) { c.SeekEvent(8) }, 2, 5},
		{"seek event before the first", 3, func(c *Cursor) { c.SeekEvent(-1) }, 0, 0},
		{"seek event past the end", 0, func(c *Cursor) { c.SeekEvent(99) }, 4, 12},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := NewCursor(stops)
			c.Pos, c.Playing = tt.pos, true
			tt.do(c)
			assert.Equal(t, tt.wantPos, c.Pos)
			assert.Equal(t, tt.wantEvent, c.Event())
			if tt.name[:4] != "seek" || tt.name[:10] == "seek event" {
				assert.False(t, c.Playing, "stepping pauses")
			}
		})
	}
}

func TestCursorPlays(t *testing.T) {
	c := NewCursor([]int{0, 3, 4, 8})
	assert.False(t, c.Advance(1), "paused: nothing changes")
	assert.Zero(t, c.Pos)

	c.Play()
	assert.True(t, c.Advance(0.5))
	assert.InDelta(t, 0.5*StopsPerSecond, c.Pos, 1e-9)
	assert.Equal(t, 0, c.Event())
	assert.Equal(t, 3, c.NextEvent())

	c.SpeedUp() // 2×
	assert.Equal(t, 2.0, c.Speed)
	c.Advance(0.25)
	assert.InDelta(t, 0.5*StopsPerSecond+0.25*StopsPerSecond*2, c.Pos, 1e-9)

	assert.True(t, c.Advance(10), "runs into the end")
	assert.Equal(t, 3.0, c.Pos)
	assert.False(t, c.Playing, "and stops there")
	assert.False(t, c.Advance(1), "nothing more to do")
	assert.Equal(t, 8, c.Event())
	assert.Equal(t, 8, c.NextEvent())
	assert.Equal(t, 1.0, c.Fraction())

	c.Play()
	assert.True(t, c.Playing)
	assert.Zero(t, c.Pos, "playing from the end starts over")
	c.Toggle()
	assert.False(t, c.Playing)
	c.Toggle()
	assert.True(t, c.Playing)
	c.Pause()
	assert.False(t, c.Advance(1))
}

func TestCursorSpeedClamps(t *testing.T) {
	tests := []struct {
		name  string
		start float64
		do    func(c *Cursor)
		want  float64
	}{
		{"up", 1, (*Cursor).SpeedUp, 2},
		{"up at the top", 4, (*Cursor).SpeedUp, 4},
		{"down", 1, (*Cursor).SpeedDown, 0.5},
		{"down at the bottom", 0.25, (*Cursor).SpeedDown, 0.25},
		{"up from an odd speed", 1.1, (*Cursor).SpeedUp, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := NewCursor([]int{0, 1})
			c.Speed = tt.start
			tt.do(c)
			assert.Equal(t, tt.want, c.Speed)
		})
	}
}

func TestCursorTweenEases(t *testing.T) {
	c := NewCursor([]int{0, 1, 2})
	for _, tt := range []struct{ pos, want float64 }{{0, 0}, {1, 0}, {0.5, 0.5}, {1.5, 0.5}} {
		c.Pos = tt.pos
		assert.InDelta(t, tt.want, c.Tween(), 1e-9, "at %g", tt.pos)
	}
	c.Pos = 0.25
	assert.Less(t, c.Tween(), 0.25, "slow out of a stop")
	c.Pos = 0.75
	assert.Greater(t, c.Tween(), 0.75, "slow into the next")
}

func TestCursorWithoutStops(t *testing.T) {
	c := NewCursor(nil)
	c.Play()
	assert.False(t, c.Playing)
	assert.False(t, c.Advance(1))
	assert.Equal(t, -1, c.Event())
	assert.Equal(t, -1, c.NextEvent())
	assert.Zero(t, c.Fraction())
	c.StepForward()
	c.StepBack()
	assert.Zero(t, c.Pos)
}
