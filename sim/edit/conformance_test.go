package edit_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"asyncwithlab/internal/conform"
	"asyncwithlab/internal/pyrun"
	"asyncwithlab/internal/pyrun/pyruntest"
	"asyncwithlab/sim"
	"asyncwithlab/sim/edit"
)

// TestCPythonAgrees runs what the editor makes under CPython and requires
// the engine's prediction to match: built designs (the behaviour and
// problem tables, random ones, and random ones that take the lock and the
// semaphore often, deadlocks untangled) and presets with faults injected
// at every point, under each CPython version the engine reproduces (each
// skipped when missing, except in CI).
func TestCPythonAgrees(t *testing.T) {
	for _, minor := range sim.PythonVersions {
		t.Run(minor, func(t *testing.T) { cpythonAgrees(t, minor) })
	}
}

func cpythonAgrees(t *testing.T, minor string) {
	py, ver := pyruntest.PythonVersion(t, minor)
	type program struct {
		id string
		sc *sim.Scenario
	}
	var progs []program
	addDesign := func(id string, d edit.Design) {
		sc, _ := d.Build()
		progs = append(progs, program{id, sc})
	}
	for i, c := range buildCases {
		addDesign(fmt.Sprintf("build-%d", i), c.d)
	}
	for i, c := range problemCases {
		addDesign(fmt.Sprintf("problem-%d", i), c.d)
	}
	for i, d := range randomDesigns(60, 3, 4, 4) {
		addDesign(fmt.Sprintf("random-%d", i), d)
	}
	for i, d := range randomDesignsOf(sharedKinds, 60, 6, 4, 4) {
		addDesign(fmt.Sprintf("random-shared-%d", i), d)
	}
	for _, ps := range presets(t) {
		for _, p := range edit.Points(ps.Scenario) {
			for _, f := range []edit.Fault{raiseV, cancel, timeout, suppress} {
				if sc, err := edit.Inject(ps.Scenario, p, f); err == nil {
					progs = append(progs, program{ps.Name + "/" + p.ID() + "/" + string(f.Kind), sc})
				}
			}
		}
	}
	batch := make([]pyrun.Program, len(progs))
	for i, p := range progs {
		p.sc.Python = minor
		batch[i] = pyrun.Program{ID: p.id, Source: sim.Render(p.sc)}
	}
	ctx, cancelRun := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancelRun()
	results, err := pyrun.RunBatch(ctx, py, batch)
	require.NoError(t, err)
	unordered := 0
	for i, p := range progs {
		res, err := sim.Run(p.sc)
		require.NotNil(t, res, "%s: %v", p.id, err)
		if res.Unordered {
			unordered++ // CPython's own order is unspecified here
			continue
		}
		if diffs := conform.Compare(res, conform.FromRun(ver, results[i])); len(diffs) > 0 {
			t.Errorf("engine and CPython %s disagree on %s:\n%s\n--- program ---\n%s", ver, p.id, strings.Join(diffs, "\n"), batch[i].Source)
		}
	}
	t.Logf("%d programs compared with CPython %s (%d skipped: unspecified order)", len(progs)-unordered, ver, unordered)
}
