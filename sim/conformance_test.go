package sim_test

import (
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"asyncwithlab/internal/conform"
	"asyncwithlab/internal/pyrun"
	"asyncwithlab/internal/pyrun/pyruntest"
	"asyncwithlab/sim"
	"asyncwithlab/sim/catalog/catalogtest"
)

var update = flag.Bool("update", false, "rerun CPython and rewrite testdata/conformance/*.cpython.json")

const conformanceDir = "testdata/conformance"

// namedScenario is a scenario with the name its expectations are stored under.
type namedScenario struct {
	name string
	sc   *sim.Scenario
}

func loadConformance(t *testing.T) []namedScenario {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(conformanceDir, "*.json"))
	require.NoError(t, err)
	var out []namedScenario
	for _, f := range files {
		if strings.HasSuffix(f, ".cpython.json") {
			continue
		}
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		sc, err := sim.Decode(data)
		require.NoError(t, err, f)
		out = append(out, namedScenario{strings.TrimSuffix(filepath.Base(f), ".json"), sc})
	}
	return out
}

func loadPresets(t *testing.T) []namedScenario {
	t.Helper()
	presets := catalogtest.Presets(t)
	out := make([]namedScenario, len(presets))
	for i, p := range presets {
		out[i] = namedScenario{"preset-" + p.Name, p.Scenario}
	}
	return out
}

// needPython finds CPython >= 3.11; in CI its absence fails the test.
func needPython(t *testing.T) (string, string) {
	t.Helper()
	return pyruntest.Python(t)
}

// runCPython runs every scenario's rendered program under CPython.
func runCPython(t *testing.T, scs []namedScenario) (map[string]conform.Expected, string) {
	t.Helper()
	py, ver := needPython(t)
	progs := make([]pyrun.Program, len(scs))
	for i, s := range scs {
		progs[i] = pyrun.Program{ID: s.name, Source: sim.Render(s.sc)}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	results, err := pyrun.RunBatch(ctx, py, progs)
	require.NoError(t, err)
	out := map[string]conform.Expected{}
	for _, r := range results {
		out[r.ID] = conform.FromRun(ver, r)
	}
	return out, ver
}

func checkAgainst(t *testing.T, scs []namedScenario, expected map[string]conform.Expected) {
	t.Helper()
	for _, s := range scs {
		t.Run(s.name, func(t *testing.T) {
			exp, ok := expected[s.name]
			require.True(t, ok, "no CPython result for %s: run go test ./sim -run TestConformanceGolden -update", s.name)
			res, err := sim.Run(s.sc)
			require.NoError(t, err)
			if diffs := conform.Compare(res, exp); len(diffs) > 0 {
				t.Errorf("engine and CPython %s disagree on %s:\n%s\n--- program ---\n%s", exp.Python, s.name, strings.Join(diffs, "\n"), sim.Render(s.sc))
			}
		})
	}
}

// TestConformanceGolden checks the engine against CPython's recorded
// behaviour, without needing Python. -update records it anew.
func TestConformanceGolden(t *testing.T) {
	scs := loadConformance(t)
	require.GreaterOrEqual(t, len(scs), 60, "the conformance suite should hold at least 60 scenarios")
	if *update {
		expected, _ := runCPython(t, scs)
		for _, s := range scs {
			data, err := json.MarshalIndent(expected[s.name], "", "  ")
			require.NoError(t, err)
			require.NoError(t, os.WriteFile(filepath.Join(conformanceDir, s.name+".cpython.json"), append(data, '\n'), 0o644))
		}
	}
	expected := map[string]conform.Expected{}
	for _, s := range scs {
		data, err := os.ReadFile(filepath.Join(conformanceDir, s.name+".cpython.json"))
		if err != nil {
			continue
		}
		var exp conform.Expected
		require.NoError(t, json.Unmarshal(data, &exp), s.name)
		expected[s.name] = exp
	}
	checkAgainst(t, scs, expected)
}

// TestLiveCPython runs every conformance scenario and every preset under
// the CPython on this machine and compares.
func TestLiveCPython(t *testing.T) {
	scs := append(loadConformance(t), loadPresets(t)...)
	sort.Slice(scs, func(i, j int) bool { return scs[i].name < scs[j].name })
	expected, _ := runCPython(t, scs)
	checkAgainst(t, scs, expected)
}
