package sim_test

import (
	"errors"
	"strings"
	"testing"

	"asyncwithlab/sim"
)

// fuzzLimits keep each fuzzed run small.
var fuzzLimits = sim.Limits{MaxEvents: 20_000, MaxTasks: 50, MaxManagers: 500, MaxOutput: 1 << 16, MaxIterate: 100_000, MaxSteps: 200_000}

// FuzzDecodeAndRun feeds arbitrary bytes to the decoder and runs whatever
// decodes. Nothing may panic; every failure must be a ScenarioError, a
// limit or a deadlock, never an internal error; a decoded scenario must
// survive Encode and Decode unchanged. The seed corpus is in
// testdata/fuzz/FuzzDecodeAndRun (presets, conformance scenarios and
// malformed inputs).
func FuzzDecodeAndRun(f *testing.F) {
	f.Add([]byte(`{"version":1,"functions":[{"name":"main","body":[]}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		sc, err := sim.Decode(data)
		if err != nil {
			var se *sim.ScenarioError
			if !errors.As(err, &se) || len(se.Errors) == 0 {
				t.Fatalf("Decode failed without a ScenarioError: %v", err)
			}
			return
		}
		res, err := sim.RunWithLimits(sc, fuzzLimits)
		if err != nil {
			if res == nil || strings.Contains(err.Error(), "internal error") ||
				!(sim.IsLimit(err) || errors.Is(err, sim.ErrDeadlock) || errors.Is(err, sim.ErrUnshowable) || errors.Is(err, sim.ErrNotReproducible)) {
				t.Fatalf("run failed: %v", err)
			}
		}
		enc, err := sim.Encode(sc)
		if err != nil {
			t.Fatal(err)
		}
		back, err := sim.Decode(enc)
		if err != nil {
			t.Fatalf("an encoded scenario does not decode: %v\n%s", err, enc)
		}
		if sim.Render(back) != sim.Render(sc) {
			t.Fatalf("Encode/Decode changed the program")
		}
	})
}
