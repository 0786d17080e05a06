package ui

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestEveryLaneIsReachable: 21 lanes (main and 20 workers) do not fit at
// 1280×800; the ▲/▼ buttons and the wheel over the lanes bring each
// one into view, and the screen says which are shown.
func TestEveryLaneIsReachable(t *testing.T) {
	g := newSimGame(t, Config{Link: "v1.p.stress-20x10.999999"}, newMemPlatform())
	s := simOf(t, g)
	buildPage(g)
	n := len(s.ses.Replay.At(s.shown).Lanes)
	require.Equal(t, 21, n)
	geo := layoutLanes(s.lay.lanes.inset(6*s.unit), n, s.lanes.first, s.unit)
	fit := len(geo.rows)
	require.Less(t, fit, n, "the lanes do not all fit at 1280×800")
	assert.Contains(t, pageText(g), "Tasks 1–")

	seen := map[int]bool{}
	for range n {
		for i := s.lanes.first; i < s.lanes.first+fit; i++ {
			seen[i] = true
		}
		if !hasItem(g, "lanes-down") {
			break
		}
		click(t, g, "lanes-down")
	}
	assert.Len(t, seen, n, "every lane was shown")
	assert.Equal(t, n-fit, s.lanes.first, "down stops at the last lane")
	assert.Contains(t, pageText(g), "of 21")

	// The wheel over the lanes scrolls them back up.
	p := buildPage(g)
	lanes := s.lay.lanes
	a := p.scrollAreaAt(lanes.x+lanes.w/2, lanes.y+lanes.h/2)
	require.NotNil(t, a, "the lanes scroll on their own")
	assert.True(t, a.by(-1000))
	assert.Zero(t, s.lanes.first)
	assert.False(t, a.by(-10), "nothing above the first lane")
}

// TestPanelListsScrollOnPhones: on a phone the examples panel's list is
// taller than the screen; it scrolls inside the panel (its items show and
// take clicks only there) and every example can be reached.
func TestPanelListsScrollOnPhones(t *testing.T) {
	g, _, p, area, last := phoneExamples(t)
	require.Greater(t, last.y+last.h, area.y+area.h, "the list is longer than the panel")
	assert.NotSame(t, last, p.hit(last.x+1, last.y+1), "an item below the panel takes no click there")

	a := p.scrollAreaAt(area.x+area.w/2, area.y+area.h/2)
	require.NotNil(t, a)
	assert.True(t, a.by(1e6), "the list scrolls")
	p = buildPage(g)
	var moved *item
	for _, it := range p.items {
		if it.id == last.id {
			moved = it
		}
	}
	require.NotNil(t, moved)
	assert.LessOrEqual(t, moved.y+moved.h, area.y+area.h, "the last item comes into view")
	assert.Same(t, moved, p.hit(moved.x+1, moved.y+1), "and takes clicks there")
}

// TestFocusScrollsThePanel: moving the keyboard focus to an example
// below the panel's edge scrolls the panel to it.
func TestFocusScrollsThePanel(t *testing.T) {
	g, s, p, area, last := phoneExamples(t)
	require.Greater(t, last.y+last.h, area.y+area.h)
	p.focusID = last.id
	g.revealFocus()
	assert.Positive(t, s.panelScroll, "the panel scrolled")
	p = buildPage(g)
	for _, it := range p.items {
		if it.id == last.id {
			assert.LessOrEqual(t, it.y+it.h, area.y+area.h, "the focused example is in view")
		}
	}
}

// phoneExamples opens the examples panel on a 360×640 screen and returns
// the page, the panel's area and its last example (clipped to the area).
func phoneExamples(t *testing.T) (*Game, *simScene, *page, rect, *item) {
	t.Helper()
	g := newSimGame(t, Config{Open: "sim"}, newMemPlatform())
	g.w, g.h = 360, 640
	s := simOf(t, g)
	click(t, g, "presets")
	p := buildPage(g)
	var last *item
	for _, it := range p.items {
		if it.clip != nil && it.action != nil {
			last = it
		}
	}
	require.NotNil(t, last, "the panel's items are clipped to it")
	return g, s, p, s.panelArea(s.panels.examples), last
}
