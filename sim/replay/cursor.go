package replay

import (
	"math"
	"sort"
)

// StopsPerSecond is the pace of playback at 1×: slow enough to read a
// short caption, fast enough that a long trace does not drag.
const StopsPerSecond = 1.5

// Speeds are the playback speeds SpeedUp and SpeedDown step through.
var Speeds = []float64{0.25, 0.5, 1, 2, 4}

// Cursor is the playback position along a replay's stops. It is plain
// arithmetic, so the screen only reads it: Event for the step to show,
// NextEvent and Tween to animate towards the next one.
type Cursor struct {
	// Pos is the position along the stops: stop k at k, halfway to stop
	// k+1 at k+0.5.
	Pos float64
	// Playing: Advance moves Pos on.
	Playing bool
	// Speed multiplies the pace; one of Speeds.
	Speed float64

	stops []int
}

// NewCursor starts paused at the first of the stops (see Replay.Stops).
func NewCursor(stops []int) *Cursor { return &Cursor{Speed: 1, stops: stops} }

// Len is the number of stops.
func (c *Cursor) Len() int { return len(c.stops) }

func (c *Cursor) last() float64 { return float64(max(len(c.stops)-1, 0)) }

// AtEnd reports whether the cursor is on the last stop.
func (c *Cursor) AtEnd() bool { return c.Pos >= c.last() }

// Stop is the number of the stop the cursor is on or past (0-based).
func (c *Cursor) Stop() int { return int(math.Floor(c.Pos)) }

// Event is the event index of the current stop (-1 without stops).
func (c *Cursor) Event() int {
	if len(c.stops) == 0 {
		return -1
	}
	return c.stops[min(c.Stop(), len(c.stops)-1)]
}

// NextEvent is the event index of the stop the cursor moves towards (the
// current one at the end).
func (c *Cursor) NextEvent() int {
	if len(c.stops) == 0 {
		return -1
	}
	return c.stops[min(c.Stop()+1, len(c.stops)-1)]
}

// Tween is how far the cursor is from the current stop to the next, eased
// (slow at both ends) so that things glide rather than jerk: 0 on a stop.
func (c *Cursor) Tween() float64 {
	t := c.Pos - math.Floor(c.Pos)
	return t * t * (3 - 2*t)
}

// Advance moves a playing cursor on by dt seconds of wall time, and stops
// playing at the last stop. It reports whether anything changed: paused,
// or at the end, nothing does, so the screen has nothing to redraw.
func (c *Cursor) Advance(dt float64) bool {
	if !c.Playing || dt <= 0 {
		return false
	}
	if c.AtEnd() {
		c.Playing = false
		return true
	}
	c.Pos += dt * StopsPerSecond * c.speed()
	if c.Pos >= c.last() {
		c.Pos, c.Playing = c.last(), false
	}
	return true
}

func (c *Cursor) speed() float64 {
	if c.Speed <= 0 {
		return 1
	}
	return c.Speed
}

// Play starts playing; from the last stop it starts over from the first.
func (c *Cursor) Play() {
	if c.AtEnd() {
		c.Pos = 0
	}
	c.Playing = len(c.stops) > 1
}

// Pause stops playing where the cursor is.
func (c *Cursor) Pause() { c.Playing = false }

// Toggle plays when paused and pauses when playing.
func (c *Cursor) Toggle() {
	if c.Playing {
		c.Pause()
	} else {
		c.Play()
	}
}

// StepForward pauses on the next stop.
func (c *Cursor) StepForward() {
	c.Playing = false
	c.Pos = math.Min(math.Floor(c.Pos)+1, c.last())
}

// StepBack pauses on the previous stop; between two stops, that is the
// one the cursor left.
func (c *Cursor) StepBack() {
	c.Playing = false
	c.Pos = math.Max(math.Ceil(c.Pos)-1, 0)
}

// First pauses on the first stop.
func (c *Cursor) First() { c.Playing, c.Pos = false, 0 }

// Last pauses on the last stop.
func (c *Cursor) Last() { c.Playing, c.Pos = false, c.last() }

// Seek moves to the stop nearest a fraction (0..1) of the way, for a
// scrub slider; playing goes on from there.
func (c *Cursor) Seek(frac float64) {
	frac = math.Max(0, math.Min(1, frac))
	c.Pos = math.Round(frac * c.last())
}

// Fraction is how far along the stops the cursor is (0..1), for the
// slider's knob.
func (c *Cursor) Fraction() float64 {
	if c.last() == 0 {
		return 0
	}
	return c.Pos / c.last()
}

// SeekEvent moves to the last stop at or before event i (the first stop
// when i is before it), pausing: after an edit, playback restarts from
// the first event that changed (see FirstDifference).
func (c *Cursor) SeekEvent(i int) {
	c.Playing = false
	k := sort.SearchInts(c.stops, i+1) - 1 // stops[k] <= i < stops[k+1]
	c.Pos = float64(max(k, 0))
}

// SpeedUp moves to the next faster speed, staying at the fastest.
func (c *Cursor) SpeedUp() { c.Speed = Speeds[min(c.speedIndex()+1, len(Speeds)-1)] }

// SpeedDown moves to the next slower speed, staying at the slowest.
func (c *Cursor) SpeedDown() { c.Speed = Speeds[max(c.speedIndex()-1, 0)] }

// speedIndex is the index in Speeds of the speed nearest the cursor's.
func (c *Cursor) speedIndex() int {
	best := 0
	for k, s := range Speeds {
		if math.Abs(s-c.speed()) < math.Abs(Speeds[best]-c.speed()) {
			best = k
		}
	}
	return best
}
