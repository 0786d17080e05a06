package catalog_test

import (
	"bufio"
	"os"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding/charmap"

	"asyncwithlab/sim"
	"asyncwithlab/sim/catalog"
)

const doc003 = "../../../shared/seeds/003_2d7b3e11ea2227a0.txt"

// outputListings returns the code blocks that follow each "Output:" heading
// of a course document, with the document's mis-decoding undone: its UTF-8
// was read as Windows-1254, so each line is encoded back to Windows-1254
// bytes and those bytes read as UTF-8.
func outputListings(t *testing.T, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err, "the course documents are expected at ../shared/seeds")
	defer f.Close()
	enc := charmap.Windows1254.NewEncoder()
	var blocks [][]string
	var cur []string
	state := 0 // 0: looking for Output, 1: looking for the fence, 2: inside
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case state == 0 && strings.HasPrefix(line, "#") && strings.Contains(line, "**Output:**"):
			state = 1
		case state == 1 && strings.HasPrefix(line, "```"):
			state, cur = 2, nil
		case state == 2 && strings.HasPrefix(line, "```"):
			blocks = append(blocks, cur)
			state = 0
		case state == 2:
			fixed, err := enc.String(line)
			require.NoError(t, err, "line %q is not Windows-1254 mojibake", line)
			cur = append(cur, fixed)
		}
	}
	require.NoError(t, sc.Err())
	return blocks
}

func TestDocument003OutputsMatch(t *testing.T) {
	blocks := outputListings(t, doc003)
	require.Len(t, blocks, 2, "document 003 has two Output listings")
	cat, err := catalog.Builtin()
	require.NoError(t, err)
	for i, name := range []string{"doc003-class", "doc003-decorator"} {
		p, ok := cat.Preset(name)
		require.True(t, ok, name)
		res, err := sim.Run(p.Scenario)
		require.NoError(t, err)
		want := strings.Join(blocks[i], "\n") + "\n"
		assert.Equal(t, want, res.Stdout, "%s must print what document 003's listing %d shows", name, i+1)
		assert.Contains(t, res.Stdout, "🔗")
	}
}

func TestPresetsLoadAndRunCleanly(t *testing.T) {
	cat, err := catalog.Builtin()
	require.NoError(t, err)
	names := map[string]bool{}
	for _, p := range cat.Presets {
		names[p.Name] = true
		t.Run(p.Name, func(t *testing.T) {
			assert.NotEmpty(t, p.Scenario.Title, "every preset has a title for the list")
			assert.NotEmpty(t, p.Scenario.Description, "every preset explains what to watch")
			res, err := sim.Run(p.Scenario)
			require.NoError(t, err)
			assert.False(t, res.Unordered, "a preset must not depend on an order CPython leaves unspecified")
			assert.Positive(t, res.Trace.Len())
		})
	}
	for _, want := range []string{"doc000-rollback", "doc001-basic", "doc002-database", "doc003-class", "doc003-decorator", "doc004-typo"} {
		assert.True(t, names[want], "preset %s is missing", want)
	}
}

// printedAt is the virtual time of the first print starting with prefix.
func printedAt(t *testing.T, res *sim.Result, prefix string) float64 {
	t.Helper()
	for _, ev := range res.Trace.All() {
		if ev.Kind == sim.Printed && strings.HasPrefix(ev.Text, prefix) {
			return ev.Time
		}
	}
	t.Fatalf("nothing printed starting with %q", prefix)
	return 0
}

// aexitCalls counts the __aexit__ calls of a manager's instances.
func aexitCalls(res *sim.Result, manager string) int {
	n := 0
	for _, ev := range res.Trace.All() {
		if ev.Kind == sim.AexitCalled && (ev.Manager == manager || strings.HasPrefix(ev.Manager, manager+"#")) {
			n++
		}
	}
	return n
}

var dueAt = regexp.MustCompile(`^tick \d+ \(due at ([0-9.]+) s\)$`)

// tickDelays maps each "tick N (due at X s)" line to how late it printed.
func tickDelays(t *testing.T, res *sim.Result) []float64 {
	t.Helper()
	var late []float64
	for _, ev := range res.Trace.All() {
		if m := dueAt.FindStringSubmatch(ev.Text); ev.Kind == sim.Printed && m != nil {
			due, err := strconv.ParseFloat(m[1], 64)
			require.NoError(t, err)
			late = append(late, ev.Time-due)
		}
	}
	require.NotEmpty(t, late, "the ticker prints its due times")
	return late
}

// TestPresetClaims checks what the presets' descriptions and the
// catalog's "watch for" texts tell the learner to look at.
func TestPresetClaims(t *testing.T) {
	tests := []struct {
		preset string
		check  func(t *testing.T, res *sim.Result)
	}{
		{"doc002-timing", func(t *testing.T, res *sim.Result) {
			assert.Equal(t, 0.0, printedAt(t, res, "phase 1"))
			assert.Equal(t, 4.0, printedAt(t, res, "phase 2"), "two sequential connections take 4 s")
			assert.Equal(t, 6.0, printedAt(t, res, "phase 3"), "under gather the waits overlap: 2 s")
			assert.Equal(t, 10.0, res.Time, "blocking managers cannot overlap: 4 s more")
		}},
		{"doc002-two-in-one", func(t *testing.T, res *sim.Result) {
			assert.Less(t, printedAt(t, res, "opening the file"), printedAt(t, res, "connecting"))
			assert.Less(t, strings.Index(res.Stdout, "disconnecting"), strings.Index(res.Stdout, "closing the file"),
				"released in reverse order")
		}},
		{"doc003-always-release", func(t *testing.T, res *sim.Result) {
			assert.Zero(t, aexitCalls(res, "LeakyPair"))
			assert.Zero(t, aexitCalls(res, "CarefulPair"))
			assert.NotContains(t, res.Stdout, "LeakyPair: file closed")
			assert.Contains(t, res.Stdout, "CarefulPair: file closed")
			assert.Equal(t, 2, strings.Count(res.Stdout, "main caught ConnectionError('server refused')"))
		}},
		{"doc003-keep-light", func(t *testing.T, res *sim.Result) {
			assert.InDelta(t, 0.3, printedAt(t, res, "light_request: answer sent"), 1e-9)
			assert.Equal(t, 1.0, printedAt(t, res, "heavy_request: timed out"))
			assert.Zero(t, aexitCalls(res, "HeavySession"), "cancelled while entering: no __aexit__")
			assert.Equal(t, 1, aexitCalls(res, "LightSession"))
		}},
		{"doc003-no-blocking", func(t *testing.T, res *sim.Result) {
			for i, late := range tickDelays(t, res) {
				assert.InDelta(t, 0, late, 1e-9, "tick %d is on time", i+1)
			}
		}},
		{"blocking-call", func(t *testing.T, res *sim.Result) {
			late := tickDelays(t, res)
			assert.Zero(t, late[0])
			assert.InDelta(t, 1.5, late[1], 1e-9, "tick 2 waits for time.sleep(2) to end")
		}},
		{"stress-20x10", func(t *testing.T, res *sim.Result) {
			assert.Len(t, res.Tasks, 21, "main and 20 workers")
			require.Len(t, res.Ledger, 200, "20 tasks × 10 managers")
			type mark struct{ seq, delta int }
			var marks []mark
			for _, le := range res.Ledger {
				assert.True(t, le.Released && !le.Leaked, "%s is released", le.Label())
				marks = append(marks, mark{le.AcquiredAt, 1}, mark{le.ReleasedAt, -1})
			}
			sort.Slice(marks, func(i, j int) bool { return marks[i].seq < marks[j].seq })
			held, most := 0, 0
			for _, m := range marks {
				held += m.delta
				most = max(most, held)
			}
			assert.Greater(t, most, 10, "managers of several tasks are held at the same time")
			assert.LessOrEqual(t, strings.Count(res.Stdout, "\n"), 30, "the console output stays short")
		}},
	}
	cat, err := catalog.Builtin()
	require.NoError(t, err)
	for _, tt := range tests {
		t.Run(tt.preset, func(t *testing.T) {
			p, ok := cat.Preset(tt.preset)
			require.True(t, ok)
			res, err := sim.Run(p.Scenario)
			require.NoError(t, err)
			tt.check(t, res)
		})
	}
}
