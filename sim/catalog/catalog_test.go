package catalog_test

import (
	"encoding/json"
	"errors"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"asyncwithlab/i18n"
	"asyncwithlab/sim/catalog"
)

// tinyScenario is the smallest scenario the decoder accepts.
const tinyScenario = `{"version": 1, "functions": [{"name": "main", "body": [{"print": "hi"}]}]}`

// validCatalog is a catalogue that Read accepts with the presets of
// catalogFS; each error case below breaks one thing in a fresh copy.
func validCatalog() map[string]any {
	return map[string]any{"topics": []any{
		map[string]any{"id": "basics", "presets": []any{
			map[string]any{"name": "doc001-basic", "doc": "001"},
		}},
		map[string]any{"id": "errors", "presets": []any{
			map[string]any{"name": "suppress"},
		}},
	}}
}

// topicAt and entryAt reach into a validCatalog copy.
func topicAt(c map[string]any, i int) map[string]any { return c["topics"].([]any)[i].(map[string]any) }
func entryAt(c map[string]any, t, i int) map[string]any {
	return topicAt(c, t)["presets"].([]any)[i].(map[string]any)
}

// catalogFS holds the catalogue file data beside one tiny scenario per
// preset name.
func catalogFS(data []byte, presets ...string) fstest.MapFS {
	if presets == nil {
		presets = []string{"doc001-basic", "suppress"}
	}
	fsys := fstest.MapFS{catalog.File: {Data: data}}
	for _, p := range presets {
		fsys["presets/"+p+".json"] = &fstest.MapFile{Data: []byte(tinyScenario)}
	}
	return fsys
}

func marshal(t testing.TB, v any) []byte {
	t.Helper()
	data, err := json.Marshal(v)
	require.NoError(t, err)
	return data
}

func TestReadErrors(t *testing.T) {
	tests := []struct {
		name    string
		raw     string               // the file as is, when set
		edit    func(map[string]any) // otherwise: a change to validCatalog
		presets []string             // nil: the two of validCatalog
		want    []string             // every error line expected, as substrings
	}{
		{name: "invalid JSON", raw: "{\"topics\": [\n  {\"id\": }\n]}",
			want: []string{"presets/catalog.json: topics[0].id: invalid JSON at line 2"}},
		{name: "trailing data", raw: `{"topics": []} {}`,
			want: []string{"unexpected data after the catalog object"}},
		{name: "not an object", raw: `[1, 2]`,
			want: []string{"presets/catalog.json: expected an object, got an array"}},
		{name: "no topics", raw: `{}`,
			want: []string{"topics: required field is missing"}},
		{name: "empty topics", raw: `{"topics": []}`, presets: []string{},
			want: []string{"topics: expected at least one topic"}},
		{name: "unknown top-level field",
			edit: func(c map[string]any) { c["version"] = 1 },
			want: []string{"version: unknown field (expected one of: topics)"}},
		{name: "unknown entry field",
			edit: func(c map[string]any) { entryAt(c, 1, 0)["titel"] = "x" },
			want: []string{"topics[1].presets[0].titel: unknown field (expected one of: name, doc)"}},
		{name: "a title belongs in the message catalogues",
			edit: func(c map[string]any) { topicAt(c, 0)["title"] = "Basics" },
			want: []string{"topics[0].title: unknown field (expected one of: id, presets)"}},
		{name: "entry naming no preset",
			edit: func(c map[string]any) { entryAt(c, 1, 0)["name"] = "ghost" },
			want: []string{`topics[1].presets[0].name: no preset named "ghost"`, `preset "suppress" (presets/suppress.json) is in no topic`}},
		{name: "preset listed twice",
			edit: func(c map[string]any) {
				tp := topicAt(c, 0)
				tp["presets"] = append(tp["presets"].([]any), entryAt(c, 1, 0))
			},
			want: []string{`topics[1].presets[0].name: preset "suppress" is listed twice (first at topics[0].presets[1].name)`}},
		{name: "preset in no topic", presets: []string{"extra", "doc001-basic", "suppress"},
			edit: func(map[string]any) {},
			want: []string{`preset "extra" (presets/extra.json) is in no topic`}},
		{name: "entry without a name",
			edit: func(c map[string]any) { delete(entryAt(c, 1, 0), "name") },
			want: []string{"topics[1].presets[0].name: required field is missing"}},
		{name: "name is a number",
			edit: func(c map[string]any) { entryAt(c, 1, 0)["name"] = 7 },
			want: []string{"topics[1].presets[0].name: expected a string, got a number"}},
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
			data := []byte(tt.raw)
			if tt.raw == "" {
				c := validCatalog()
				tt.edit(c)
				data = marshal(t, c)
			}
			cat, err := catalog.Read(catalogFS(data, tt.presets...))
			require.Error(t, err)
			assert.Nil(t, cat)
			var ce *catalog.Error
			require.ErrorAs(t, err, &ce)
			require.Len(t, ce.Errors, len(tt.want), "errors: %v", err)
			for i, w := range tt.want {
				assert.Contains(t, err.Error(), w)
				assert.Contains(t, ce.Errors[i].Error(), strings.TrimPrefix(w, "presets/catalog.json: "))
			}
			for _, line := range strings.Split(err.Error(), "\n") {
				assert.True(t, strings.HasPrefix(line, catalog.File+": "), "every line names the file: %q", line)
			}
		})
	}
}

func TestReadValid(t *testing.T) {
	cat, err := catalog.Read(catalogFS(marshal(t, validCatalog())))
	require.NoError(t, err)
	require.Len(t, cat.Topics, 2)
	require.Len(t, cat.Presets, 2)
	assert.Equal(t, "doc001-basic", cat.Presets[0].Name, "document examples come first")
	tests := []struct {
		name, topic, doc string
		ok               bool
	}{
		{"doc001-basic", "basics", "001", true},
		{"suppress", "errors", "", true},
		{"ghost", "", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, topic, ok := cat.Entry(tt.name)
			require.Equal(t, tt.ok, ok)
			assert.Equal(t, tt.topic, topic.ID)
			assert.Equal(t, tt.doc, e.Doc)
			p, found := cat.Preset(tt.name)
			assert.Equal(t, tt.ok, found)
			if ok {
				assert.Equal(t, tt.name, e.Name)
				assert.Equal(t, tt.name, p.Name)
				assert.NotNil(t, p.Scenario)
			}
		})
	}
}

func TestNilCatalogHasNothing(t *testing.T) {
	var cat *catalog.Catalog
	_, _, ok := cat.Entry("suppress")
	assert.False(t, ok)
	_, ok = cat.Preset("suppress")
	assert.False(t, ok)
}

func TestReadMissingFile(t *testing.T) {
	_, err := catalog.Read(fstest.MapFS{"presets/a.json": {Data: []byte(tinyScenario)}})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "preset catalog")
	assert.ErrorIs(t, err, fs.ErrNotExist)
}

func TestReadBadPreset(t *testing.T) {
	fsys := catalogFS(marshal(t, validCatalog()))
	fsys["presets/suppress.json"] = &fstest.MapFile{Data: []byte(`{"version": 1, "functions": [{"name": "main", "body": [{"sleep": "1"}]}]}`)}
	_, err := catalog.Read(fsys)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "presets/suppress.json: functions[0].body[0].sleep: expected a number")
}

// TestBuiltinCoversEveryPreset checks the real catalogue: it loads, lists
// each preset exactly once, credits every course document, and every
// title and "watch for" text exists in every language and fits.
func TestBuiltinCoversEveryPreset(t *testing.T) {
	cat, err := catalog.Builtin()
	require.NoError(t, err)
	entries := 0
	credited := map[string]int{}
	for _, topic := range cat.Topics {
		entries += len(topic.Entries)
		for _, e := range topic.Entries {
			if e.Doc != "" {
				credited[e.Doc]++
			}
		}
	}
	assert.Equal(t, len(cat.Presets), entries, "every preset is listed exactly once")
	for _, p := range cat.Presets {
		_, topic, ok := cat.Entry(p.Name)
		assert.True(t, ok, "preset %s is in the catalog", p.Name)
		assert.NotEmpty(t, topic.ID)
	}
	for _, doc := range catalog.CourseDocs {
		assert.Positive(t, credited[doc], "document %s has at least one preset", doc)
	}
	fits := func(t *testing.T, id, s string, most int) {
		assert.NotEmpty(t, strings.TrimSpace(s), "%s is empty", id)
		assert.NotContains(t, s, "\n", "%s is on one line", id)
		assert.LessOrEqual(t, utf8.RuneCountInString(s), most, "%s is at most %d characters: %q", id, most, s)
	}
	for _, lang := range i18n.Langs() {
		t.Run(string(lang), func(t *testing.T) {
			for _, topic := range cat.Topics {
				require.True(t, lang.Has("topic."+topic.ID), "topic.%s in %s", topic.ID, lang)
				fits(t, "topic."+topic.ID, topic.Title(lang), catalog.MaxTitle)
				for _, e := range topic.Entries {
					require.True(t, lang.Has("example."+e.Name+".title"), "example.%s.title in %s", e.Name, lang)
					require.True(t, lang.Has("example."+e.Name+".watch"), "example.%s.watch in %s", e.Name, lang)
					fits(t, "example."+e.Name+".title", e.Title(lang), catalog.MaxTitle)
					fits(t, "example."+e.Name+".watch", e.Watch(lang), catalog.MaxWatch)
				}
			}
		})
	}
	_, stress, ok := cat.Entry("stress-20x10")
	require.True(t, ok)
	assert.Equal(t, "Stress test", stress.Title(i18n.English))
}

// FuzzRead feeds arbitrary bytes to the catalogue reader. Nothing may
// panic; a failure is an *Error whose every line names the file; a
// catalogue that loads lists each preset exactly once. The seed corpus is
// in testdata/fuzz/FuzzRead.
func FuzzRead(f *testing.F) {
	f.Add(marshal(f, validCatalog()))
	presets := []string{"doc001-basic", "suppress"}
	f.Fuzz(func(t *testing.T, data []byte) {
		cat, err := catalog.Read(catalogFS(data, presets...))
		if err != nil {
			var ce *catalog.Error
			if !errors.As(err, &ce) || len(ce.Errors) == 0 {
				t.Fatalf("Read failed without an *Error: %v", err)
			}
			for _, line := range strings.Split(err.Error(), "\n") {
				if !strings.HasPrefix(line, catalog.File+": ") {
					t.Fatalf("error line does not name the file: %q", line)
				}
			}
			return
		}
		seen := map[string]int{}
		for _, topic := range cat.Topics {
			for _, e := range topic.Entries {
				seen[e.Name]++
			}
		}
		for _, p := range presets {
			if seen[p] != 1 {
				t.Fatalf("preset %s listed %d times", p, seen[p])
			}
			if _, _, ok := cat.Entry(p); !ok {
				t.Fatalf("Entry(%s) not found", p)
			}
		}
		if len(seen) != len(presets) {
			t.Fatalf("catalog lists %d presets, want %d", len(seen), len(presets))
		}
	})
}
