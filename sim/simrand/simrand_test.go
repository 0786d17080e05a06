package simrand_test

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"asyncwithlab/internal/conform"
	"asyncwithlab/internal/pyrun"
	"asyncwithlab/internal/pyrun/pyruntest"
	"asyncwithlab/sim"
	"asyncwithlab/sim/simrand"
)

var (
	n     = flag.Int("scenarios", 300, "how many random scenarios to compare with CPython")
	first = flag.Uint64("seed", 1, "first seed")
	dump  = flag.String("dump", "", "write each disagreeing scenario and its program to this folder")
)

func TestScenariosAreValidAndDeterministic(t *testing.T) {
	for seed := uint64(1); seed <= 300; seed++ {
		sc := simrand.Scenario(seed)
		require.NoError(t, sim.Validate(sc), "seed %d", seed)
		a, err := sim.Encode(sc)
		require.NoError(t, err)
		b, err := sim.Encode(simrand.Scenario(seed))
		require.NoError(t, err)
		require.True(t, string(a) == string(b), "seed %d is not deterministic", seed)
		back, err := sim.Decode(a)
		require.NoError(t, err, "seed %d does not survive Encode/Decode", seed)
		require.Equal(t, sim.Render(sc), sim.Render(back))
	}
}

// TestRandomConformance renders random scenarios, runs them under each
// CPython version the engine reproduces and compares with the engine run
// as that version (make conformance N=500 passes -scenarios=500).
func TestRandomConformance(t *testing.T) {
	for _, minor := range sim.PythonVersions {
		t.Run(minor, func(t *testing.T) { randomConformance(t, minor) })
	}
}

func randomConformance(t *testing.T, minor string) {
	py, ver := pyruntest.PythonVersion(t, minor)
	type item struct {
		seed uint64
		sc   *sim.Scenario
		res  *sim.Result
	}
	var items []item
	var progs []pyrun.Program
	unordered := 0
	for seed := *first; seed < *first+uint64(*n); seed++ {
		sc := simrand.Scenario(seed)
		sc.Python = minor
		res, err := sim.Run(sc)
		require.NoError(t, err, "seed %d", seed)
		if res.Unordered {
			unordered++
			continue
		}
		items = append(items, item{seed, sc, res})
		progs = append(progs, pyrun.Program{ID: fmt.Sprint(seed), Source: sim.Render(sc)})
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	results, err := pyrun.RunBatch(ctx, py, progs)
	require.NoError(t, err)
	passed, failed := 0, 0
	for i, r := range results {
		it := items[i]
		diffs := conform.Compare(it.res, conform.FromRun(ver, r))
		if len(diffs) == 0 {
			passed++
			continue
		}
		failed++
		if *dump != "" {
			enc, _ := sim.Encode(it.sc)
			base := filepath.Join(*dump, fmt.Sprintf("py%s-seed%d", minor, it.seed))
			_ = os.WriteFile(base+".json", enc, 0o644)
			_ = os.WriteFile(base+".py", []byte(sim.Render(it.sc)), 0o644)
			_ = os.WriteFile(base+".diff", []byte(strings.Join(diffs, "\n")), 0o644)
		}
		if failed <= 5 {
			enc, _ := sim.Encode(it.sc)
			t.Errorf("seed %d: engine and CPython %s disagree:\n%s\n--- program ---\n%s\n--- scenario ---\n%s",
				it.seed, ver, strings.Join(diffs, "\n"), sim.Render(it.sc), enc)
		}
	}
	t.Logf("random conformance against CPython %s: %d passed, %d failed, %d skipped (order unspecified in CPython)", ver, passed, failed, unordered)
	fmt.Printf("conformance against CPython %s: %d passed, %d failed, %d skipped\n", ver, passed, failed, unordered)
}
