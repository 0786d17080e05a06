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

var update = flag.Bool("update", false, "rerun CPython (each version) and rewrite testdata/conformance/*.cpython-3.X.json")

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
		if strings.Contains(f, ".cpython") {
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

// as is the scenarios set to run as CPython minor ("3.12"): the version
// changes how the engine runs them, not how they render.
func as(scs []namedScenario, minor string) []namedScenario {
	out := make([]namedScenario, len(scs))
	for i, s := range scs {
		sc := *s.sc
		sc.Python = minor
		out[i] = namedScenario{s.name, &sc}
	}
	return out
}

// runCPython runs every scenario's rendered program under CPython minor.
func runCPython(t *testing.T, minor string, scs []namedScenario) map[string]conform.Expected {
	t.Helper()
	py, ver := pyruntest.PythonVersion(t, minor)
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
	return out
}

func checkAgainst(t *testing.T, scs []namedScenario, expected map[string]conform.Expected) {
	t.Helper()
	for _, s := range scs {
		t.Run(s.name, func(t *testing.T) {
			exp, ok := expected[s.name]
			require.True(t, ok, "no CPython %s result for %s: run go test ./sim -run TestConformanceGolden -update", s.sc.Python, s.name)
			res, err := sim.Run(s.sc)
			require.NoError(t, err)
			if diffs := conform.Compare(res, exp); len(diffs) > 0 {
				t.Errorf("engine and CPython %s disagree on %s:\n%s\n--- program ---\n%s", exp.Python, s.name, strings.Join(diffs, "\n"), sim.Render(s.sc))
			}
		})
	}
}

// goldenPath is where the recording of scenario name under CPython minor is.
func goldenPath(name, minor string) string {
	return filepath.Join(conformanceDir, name+".cpython-"+minor+".json")
}

// TestConformanceGolden checks the engine, run as each CPython version it
// reproduces, against that version's recorded behaviour, without needing
// Python. -update records it anew with each interpreter.
func TestConformanceGolden(t *testing.T) {
	scs := loadConformance(t)
	require.GreaterOrEqual(t, len(scs), 60, "the conformance suite should hold at least 60 scenarios")
	for _, minor := range sim.PythonVersions {
		t.Run(minor, func(t *testing.T) {
			scs := as(scs, minor)
			if *update {
				expected := runCPython(t, minor, scs)
				for _, s := range scs {
					data, err := json.MarshalIndent(expected[s.name], "", "  ")
					require.NoError(t, err)
					require.NoError(t, os.WriteFile(goldenPath(s.name, minor), append(data, '\n'), 0o644))
				}
			}
			expected := map[string]conform.Expected{}
			for _, s := range scs {
				data, err := os.ReadFile(goldenPath(s.name, minor))
				if err != nil {
					continue
				}
				var exp conform.Expected
				require.NoError(t, json.Unmarshal(data, &exp), s.name)
				expected[s.name] = exp
			}
			checkAgainst(t, scs, expected)
		})
	}
}

// TestLiveCPython runs every conformance scenario and every preset under
// each CPython version the engine reproduces (each found on this machine;
// in CI all must be) and compares.
func TestLiveCPython(t *testing.T) {
	all := append(loadConformance(t), loadPresets(t)...)
	sort.Slice(all, func(i, j int) bool { return all[i].name < all[j].name })
	for _, minor := range sim.PythonVersions {
		t.Run(minor, func(t *testing.T) {
			scs := as(all, minor)
			checkAgainst(t, scs, runCPython(t, minor, scs))
		})
	}
}
