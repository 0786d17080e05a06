package sim_test

import (
	"bufio"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding/charmap"

	"asyncwithlab/assets"
	"asyncwithlab/sim"
)

const doc003 = "../../shared/seeds/003_2d7b3e11ea2227a0.txt"

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
	presets, err := sim.LoadPresets(assets.Presets)
	require.NoError(t, err)
	for i, name := range []string{"doc003-class", "doc003-decorator"} {
		p, ok := sim.FindPreset(presets, name)
		require.True(t, ok, name)
		res, err := sim.Run(p.Scenario)
		require.NoError(t, err)
		want := strings.Join(blocks[i], "\n") + "\n"
		assert.Equal(t, want, res.Stdout, "%s must print what document 003's listing %d shows", name, i+1)
		assert.Contains(t, res.Stdout, "🔗")
	}
}

func TestPresetsLoadAndRunCleanly(t *testing.T) {
	presets, err := sim.LoadPresets(assets.Presets)
	require.NoError(t, err)
	names := map[string]bool{}
	for _, p := range presets {
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
