// Package catalogtest gives tests the built-in examples in one call, so
// that no test package keeps its own copy of "load the presets, find one,
// run it". Only tests import it.
package catalogtest

import (
	"testing"

	"github.com/stretchr/testify/require"

	"asyncwithlab/sim"
	"asyncwithlab/sim/catalog"
)

// Scenario is the built-in example name's scenario; the test fails when
// there is none.
func Scenario(t testing.TB, name string) *sim.Scenario {
	t.Helper()
	cat, err := catalog.Builtin()
	require.NoError(t, err)
	p, ok := cat.Preset(name)
	require.True(t, ok, "no built-in example %q", name)
	return p.Scenario
}

// Run runs the built-in example name; the test fails when the run does.
func Run(t testing.TB, name string) *sim.Result {
	t.Helper()
	res, err := sim.Run(Scenario(t, name))
	require.NoError(t, err)
	return res
}

// Presets is every built-in example.
func Presets(t testing.TB) []catalog.Preset {
	t.Helper()
	cat, err := catalog.Builtin()
	require.NoError(t, err)
	require.NotEmpty(t, cat.Presets)
	return cat.Presets
}
