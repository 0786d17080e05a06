package ui

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestPythonButton: the title bar's Python button cycles through the
// versions, reruns, says whether the program runs otherwise, keeps the
// choice in the link and for the next example opened.
func TestPythonButton(t *testing.T) {
	plat := newMemPlatform()
	g := newSimGame(t, Config{}, plat)
	require.NoError(t, g.openSimPreset("doc001-basic"))
	s := simOf(t, g)
	assert.Contains(t, pageText(g), "[Python 3.13]", "the newest by default")

	click(t, g, "python")
	assert.Equal(t, "3.11", s.ses.PythonVersion(), "after the newest, the oldest")
	assert.Contains(t, pageText(g), "[Python 3.11]")
	assert.Equal(t, "CPython 3.11 runs this program exactly as 3.13 does.", s.message)
	assert.Contains(t, plat.fragment, ".py311")
	assert.Equal(t, "3.11", plat.store[pythonKey])

	require.NoError(t, g.openSimPreset("timeout"))
	assert.Equal(t, "3.11", simOf(t, g).ses.PythonVersion(), "the choice holds for the next example")
}

// TestVersionDifferenceIsSaid: a program 3.12 runs otherwise than 3.11
// (gather counting a finished task at once) is said to differ, from the
// event where it does.
func TestVersionDifferenceIsSaid(t *testing.T) {
	g := newSimGame(t, Config{Link: "v1.p.version-gather-done-task.0.py311"}, newMemPlatform())
	s := simOf(t, g)
	click(t, g, "python")
	assert.Equal(t, "3.12", s.ses.PythonVersion())
	assert.Regexp(t, `^CPython 3\.12 runs this program differently from 3\.11, from event \d+ on\.$`, s.message)
}
