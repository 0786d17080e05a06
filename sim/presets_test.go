package sim_test

import (
	"bufio"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"

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

// validCatalog is a catalog that LoadCatalog accepts for catalogPresets;
// each error case below breaks one thing in a fresh copy.
func validCatalog() map[string]any {
	text := func(en, pt string) map[string]any { return map[string]any{"en": en, "pt": pt} }
	return map[string]any{"topics": []any{
		map[string]any{"id": "basics", "title": text("Basics", "Básico"), "presets": []any{
			map[string]any{"name": "doc001-basic", "doc": "001", "title": text("Enter, inside, exit", "Entrar, dentro, sair"),
				"watch": text("The three lines come out in order.", "As três linhas saem em ordem.")},
		}},
		map[string]any{"id": "errors", "title": text("Errors", "Erros"), "presets": []any{
			map[string]any{"name": "suppress", "title": text("Suppress", "Suprimir"),
				"watch": text("The error disappears.", "O erro some.")},
		}},
	}}
}

// catalogPresets are the presets validCatalog lists; the loader only
// looks at their names.
var catalogPresets = []sim.Preset{{Name: "doc001-basic"}, {Name: "suppress"}}

// topicAt and entryAt reach into a validCatalog copy.
func topicAt(c map[string]any, i int) map[string]any { return c["topics"].([]any)[i].(map[string]any) }
func entryAt(c map[string]any, t, i int) map[string]any {
	return topicAt(c, t)["presets"].([]any)[i].(map[string]any)
}

func catalogFS(t *testing.T, c any) fstest.MapFS {
	t.Helper()
	data, err := json.Marshal(c)
	require.NoError(t, err)
	return fstest.MapFS{sim.CatalogFile: {Data: data}}
}

func TestLoadCatalogErrors(t *testing.T) {
	tests := []struct {
		name    string
		raw     string               // the file as is, when set
		edit    func(map[string]any) // otherwise: a change to validCatalog
		presets []sim.Preset         // nil: catalogPresets
		want    []string             // every error line expected, as substrings
	}{
		{name: "invalid JSON", raw: "{\"topics\": [\n  {\"id\": }\n]}",
			want: []string{"presets/catalog.json: invalid JSON at line 2"}},
		{name: "trailing data", raw: `{"topics": []} {}`,
			want: []string{"unexpected data after the catalog object"}},
		{name: "not an object", raw: `[1, 2]`,
			want: []string{"presets/catalog.json: expected an object, got an array"}},
		{name: "no topics", raw: `{}`,
			want: []string{"topics: required field is missing"}},
		{name: "empty topics", raw: `{"topics": []}`, presets: []sim.Preset{},
			want: []string{"topics: expected at least one topic"}},
		{name: "unknown top-level field",
			edit: func(c map[string]any) { c["version"] = 1 },
			want: []string{"version: unknown field (expected one of: topics)"}},
		{name: "unknown entry field",
			edit: func(c map[string]any) { entryAt(c, 1, 0)["titel"] = "x" },
			want: []string{"topics[1].presets[0].titel: unknown field"}},
		{name: "unknown text language",
			edit: func(c map[string]any) { entryAt(c, 0, 0)["title"].(map[string]any)["fr"] = "Entrer" },
			want: []string{"topics[0].presets[0].title.fr: unknown field (expected one of: en, pt)"}},
		{name: "missing Portuguese",
			edit: func(c map[string]any) { delete(entryAt(c, 0, 0)["watch"].(map[string]any), "pt") },
			want: []string{"topics[0].presets[0].watch.pt: required field is missing"}},
		{name: "blank English",
			edit: func(c map[string]any) { topicAt(c, 1)["title"].(map[string]any)["en"] = "  " },
			want: []string{"topics[1].title.en: text is empty"}},
		{name: "text on two lines",
			edit: func(c map[string]any) { entryAt(c, 1, 0)["watch"].(map[string]any)["en"] = "one\ntwo" },
			want: []string{"topics[1].presets[0].watch.en: text must be a single line"}},
		{name: "missing watch",
			edit: func(c map[string]any) { delete(entryAt(c, 1, 0), "watch") },
			want: []string{"topics[1].presets[0].watch: required field is missing"}},
		{name: "title is a string",
			edit: func(c map[string]any) { entryAt(c, 1, 0)["title"] = "Suppress" },
			want: []string{"topics[1].presets[0].title: expected an object, got a string"}},
		{name: "over-long title counts characters, not bytes",
			edit: func(c map[string]any) {
				tt := entryAt(c, 0, 0)["title"].(map[string]any)
				tt["pt"] = strings.Repeat("ç", sim.MaxPresetTitle)   // fits
				tt["en"] = strings.Repeat("x", sim.MaxPresetTitle+1) // does not
			},
			want: []string{"topics[0].presets[0].title.en: text is 49 characters; at most 48 fit"}},
		{name: "over-long watch",
			edit: func(c map[string]any) {
				entryAt(c, 0, 0)["watch"].(map[string]any)["pt"] = strings.Repeat("a", sim.MaxWatchText+1)
			},
			want: []string{"topics[0].presets[0].watch.pt: text is 321 characters; at most 320 fit"}},
		{name: "entry naming no preset",
			edit: func(c map[string]any) { entryAt(c, 1, 0)["name"] = "ghost" },
			want: []string{`topics[1].presets[0].name: no preset named "ghost"`, `preset "suppress" (presets/suppress.json) is in no topic`}},
		{name: "preset listed twice",
			edit: func(c map[string]any) {
				tp := topicAt(c, 0)
				tp["presets"] = append(tp["presets"].([]any), entryAt(c, 1, 0))
			},
			want: []string{`topics[1].presets[0].name: preset "suppress" is listed twice (first at topics[0].presets[1].name)`}},
		{name: "preset in no topic", presets: append([]sim.Preset{{Name: "extra"}}, catalogPresets...),
			edit: func(map[string]any) {},
			want: []string{`preset "extra" (presets/extra.json) is in no topic`}},
		{name: "entry without a name",
			edit: func(c map[string]any) { delete(entryAt(c, 1, 0), "name") },
			want: []string{"topics[1].presets[0].name: required field is missing"}},
		{name: "unknown course document",
			edit: func(c map[string]any) { entryAt(c, 1, 0)["doc"] = "005" },
			want: []string{`topics[1].presets[0].doc: "005" is not a course document`}},
		{name: "document example credited to another document",
			edit: func(c map[string]any) { entryAt(c, 0, 0)["doc"] = "002" },
			want: []string{`topics[0].presets[0].doc: preset doc001-basic is document 001's example, so doc must be "001"`}},
		{name: "document example without credit",
			edit: func(c map[string]any) { delete(entryAt(c, 0, 0), "doc") },
			want: []string{`topics[0].presets[0].doc: preset doc001-basic is document 001's example`}},
		{name: "duplicate topic id",
			edit: func(c map[string]any) { topicAt(c, 1)["id"] = "basics" },
			want: []string{`topics[1].id: topic "basics" is already defined at topics[0]`}},
		{name: "malformed topic id",
			edit: func(c map[string]any) { topicAt(c, 0)["id"] = "Basics!" },
			want: []string{`topics[0].id: "Basics!" is not a topic id`}},
		{name: "topic without presets",
			edit: func(c map[string]any) { topicAt(c, 1)["presets"] = []any{} },
			want: []string{"topics[1].presets: expected at least one preset"}},
		{name: "presets is not an array",
			edit: func(c map[string]any) { topicAt(c, 1)["presets"] = "suppress" },
			want: []string{"topics[1].presets: expected an array, got a string"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var fsys fstest.MapFS
			if tt.raw != "" {
				fsys = fstest.MapFS{sim.CatalogFile: {Data: []byte(tt.raw)}}
			} else {
				c := validCatalog()
				tt.edit(c)
				fsys = catalogFS(t, c)
			}
			presets := tt.presets
			if presets == nil {
				presets = catalogPresets
			}
			cat, err := sim.LoadCatalog(fsys, presets)
			require.Error(t, err)
			assert.Nil(t, cat)
			var ce *sim.CatalogError
			require.ErrorAs(t, err, &ce)
			require.Len(t, ce.Errors, len(tt.want), "errors: %v", err)
			for i, w := range tt.want {
				assert.Contains(t, err.Error(), w)
				assert.Contains(t, ce.Errors[i].Error(), strings.TrimPrefix(w, "presets/catalog.json: "))
			}
			for _, line := range strings.Split(err.Error(), "\n") {
				assert.True(t, strings.HasPrefix(line, sim.CatalogFile+": "), "every line names the file: %q", line)
			}
		})
	}
}

func TestLoadCatalogValid(t *testing.T) {
	cat, err := sim.LoadCatalog(catalogFS(t, validCatalog()), catalogPresets)
	require.NoError(t, err)
	require.Len(t, cat.Topics, 2)
	tests := []struct {
		name, topic, doc, titlePt string
		ok                        bool
	}{
		{"doc001-basic", "basics", "001", "Entrar, dentro, sair", true},
		{"suppress", "errors", "", "Suprimir", true},
		{"ghost", "", "", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, topic, ok := cat.Entry(tt.name)
			require.Equal(t, tt.ok, ok)
			assert.Equal(t, tt.topic, topic.ID)
			assert.Equal(t, tt.doc, e.Doc)
			assert.Equal(t, tt.titlePt, e.Title.In("pt-BR"))
			if ok {
				assert.Equal(t, tt.name, e.Name)
			}
		})
	}
}

func TestNilCatalogHasNoEntries(t *testing.T) {
	var cat *sim.Catalog
	_, _, ok := cat.Entry("suppress")
	assert.False(t, ok)
}

func TestLoadCatalogMissingFile(t *testing.T) {
	_, err := sim.LoadCatalog(fstest.MapFS{}, catalogPresets)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "preset catalog")
	assert.ErrorIs(t, err, fs.ErrNotExist)
}

func TestTextIn(t *testing.T) {
	both := sim.Text{En: "exit", Pt: "saída"}
	tests := []struct {
		text sim.Text
		lang string
		want string
	}{
		{both, "en", "exit"},
		{both, "pt", "saída"},
		{both, "pt-BR", "saída"},
		{both, "PT_br", "saída"},
		{both, "fr", "exit"},
		{both, "", "exit"},
		{sim.Text{En: "exit"}, "pt", "exit"},
	}
	for _, tt := range tests {
		t.Run(tt.lang, func(t *testing.T) {
			assert.Equal(t, tt.want, tt.text.In(tt.lang))
		})
	}
}

func TestLoadPresetsSkipsCatalog(t *testing.T) {
	fsys := fstest.MapFS{
		sim.CatalogFile:      {Data: []byte(`{"topics": []}`)},
		"presets/basic.json": {Data: []byte(`{"version": 1, "functions": [{"name": "main", "body": [{"print": "hi"}]}]}`)},
	}
	presets, err := sim.LoadPresets(fsys)
	require.NoError(t, err, "the catalog is not a scenario")
	require.Len(t, presets, 1)
	assert.Equal(t, "basic", presets[0].Name)
}

// TestCatalogCoversEveryPreset checks the real catalog: it loads, lists
// each preset exactly once, and credits every course document.
func TestCatalogCoversEveryPreset(t *testing.T) {
	presets, err := sim.LoadPresets(assets.Presets)
	require.NoError(t, err)
	cat, err := sim.LoadCatalog(assets.Presets, presets)
	require.NoError(t, err)
	entries := 0
	credited := map[string]int{}
	for _, topic := range cat.Topics {
		entries += len(topic.Presets)
		for _, e := range topic.Presets {
			if e.Doc != "" {
				credited[e.Doc]++
			}
		}
	}
	assert.Equal(t, len(presets), entries, "every preset is listed exactly once")
	for _, p := range presets {
		_, topic, ok := cat.Entry(p.Name)
		assert.True(t, ok, "preset %s is in the catalog", p.Name)
		assert.NotEmpty(t, topic.ID)
	}
	for _, doc := range sim.CourseDocs {
		assert.Positive(t, credited[doc], "document %s has at least one preset", doc)
	}
	_, stress, ok := cat.Entry("stress-20x10")
	require.True(t, ok)
	assert.Equal(t, "Stress test", stress.Title.In("en"))
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
	presets, err := sim.LoadPresets(assets.Presets)
	require.NoError(t, err)
	for _, tt := range tests {
		t.Run(tt.preset, func(t *testing.T) {
			p, ok := sim.FindPreset(presets, tt.preset)
			require.True(t, ok)
			res, err := sim.Run(p.Scenario)
			require.NoError(t, err)
			tt.check(t, res)
		})
	}
}

// FuzzLoadCatalog feeds arbitrary bytes to the catalog loader. Nothing may
// panic; a failure is a CatalogError whose every line names the file; a
// catalog that loads lists each preset exactly once with titles that fit.
// The seed corpus is in testdata/fuzz/FuzzLoadCatalog.
func FuzzLoadCatalog(f *testing.F) {
	valid, err := json.Marshal(validCatalog())
	require.NoError(f, err)
	f.Add(valid)
	f.Fuzz(func(t *testing.T, data []byte) {
		cat, err := sim.LoadCatalog(fstest.MapFS{sim.CatalogFile: {Data: data}}, catalogPresets)
		if err != nil {
			var ce *sim.CatalogError
			if !errors.As(err, &ce) || len(ce.Errors) == 0 {
				t.Fatalf("LoadCatalog failed without a CatalogError: %v", err)
			}
			for _, line := range strings.Split(err.Error(), "\n") {
				if !strings.HasPrefix(line, sim.CatalogFile+": ") {
					t.Fatalf("error line does not name the file: %q", line)
				}
			}
			return
		}
		seen := map[string]int{}
		for _, topic := range cat.Topics {
			for _, e := range topic.Presets {
				seen[e.Name]++
				if utf8.RuneCountInString(e.Title.En) > sim.MaxPresetTitle || utf8.RuneCountInString(e.Title.Pt) > sim.MaxPresetTitle {
					t.Fatalf("title of %s too long: %+v", e.Name, e.Title)
				}
			}
		}
		for _, p := range catalogPresets {
			if seen[p.Name] != 1 {
				t.Fatalf("preset %s listed %d times", p.Name, seen[p.Name])
			}
			if _, _, ok := cat.Entry(p.Name); !ok {
				t.Fatalf("Entry(%s) not found", p.Name)
			}
		}
		if len(seen) != len(catalogPresets) {
			t.Fatalf("catalog lists %d presets, want %d", len(seen), len(catalogPresets))
		}
	})
}
