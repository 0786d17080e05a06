package assets

import (
	"errors"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// site is a fake web site for laterFS: it counts fetches and can be
// switched off.
type site struct {
	files   map[string]string
	fetched map[string]int
	down    bool
}

func (s *site) fetch(name string) ([]byte, error) {
	s.fetched[name]++
	if s.down {
		return nil, errors.New("network is down")
	}
	data, ok := s.files[name]
	if !ok {
		return nil, errors.New("HTTP 404 Not Found")
	}
	return []byte(data), nil
}

func newTestLaterFS() (*laterFS, *site) {
	first := fstest.MapFS{
		"i18n/en/a.json":        {Data: []byte(`{"a": "A"}`)},
		"i18n/en/language.json": {Data: []byte(`{}`)},
		"i18n/es/language.json": {Data: []byte(`{"es": 1}`)},
	}
	s := &site{files: map[string]string{
		"i18n/es/a.json":    `{"a": "Á"}`,
		"i18n/pt/a.json":    `{"a": "Ã"}`,
		"quiz/es.md":        "# another folder's",
		"i18n/es/b.json":    `{"b": "B"}`,
		"i18n/fr/sub/x.txt": "deeper",
	}, fetched: map[string]int{}}
	later := []string{"i18n/es/a.json", "i18n/es/b.json", "i18n/pt/a.json", "i18n/fr/sub/x.txt", "quiz/es.md"}
	return newLaterFS(first, "i18n", later, s.fetch), s
}

// TestLaterFSIsAFileSystem: embedded and Later files read alike, and
// folders list both (testing/fstest checks every fs.FS rule).
func TestLaterFSIsAFileSystem(t *testing.T) {
	l, s := newTestLaterFS()
	require.NoError(t, fstest.TestFS(l, "i18n/en/a.json", "i18n/es/language.json", "i18n/es/a.json", "i18n/es/b.json", "i18n/pt/a.json", "i18n/fr/sub/x.txt"))
	names := func(dir string) []string {
		entries, err := fs.ReadDir(l, dir)
		require.NoError(t, err)
		var out []string
		for _, e := range entries {
			out = append(out, e.Name())
		}
		return out
	}
	assert.Equal(t, []string{"en", "es", "fr", "pt"}, names("i18n"))
	assert.Equal(t, []string{"a.json", "b.json", "language.json"}, names("i18n/es"))
	assert.Equal(t, []string{"i18n"}, names("."), "a Later file of another folder is not listed")
	_, err := fs.ReadFile(l, "quiz/es.md")
	assert.ErrorIs(t, err, fs.ErrNotExist)
	assert.Zero(t, s.fetched["quiz/es.md"])
}

// TestLaterFSFetchesOnceAndRetriesFailures: listing a folder fetches
// nothing; a file is fetched on its first read and kept; a failed fetch
// names the file and is tried again on the next read.
func TestLaterFSFetchesOnceAndRetriesFailures(t *testing.T) {
	l, s := newTestLaterFS()
	_, err := fs.ReadDir(l, "i18n/es")
	require.NoError(t, err)
	assert.Empty(t, s.fetched, "listing fetches nothing")

	s.down = true
	_, err = fs.ReadFile(l, "i18n/es/a.json")
	require.Error(t, err)
	assert.Contains(t, err.Error(), "i18n/es/a.json")
	assert.Contains(t, err.Error(), "network is down")

	s.down = false
	data, err := fs.ReadFile(l, "i18n/es/a.json")
	require.NoError(t, err)
	assert.Equal(t, `{"a": "Á"}`, string(data))
	_, err = fs.ReadFile(l, "i18n/es/a.json")
	require.NoError(t, err)
	assert.Equal(t, 2, s.fetched["i18n/es/a.json"], "one failed fetch, then one that is kept")

	data, err = fs.ReadFile(l, "i18n/en/a.json")
	require.NoError(t, err)
	assert.Equal(t, `{"a": "A"}`, string(data))
	_, err = l.Open("../x")
	assert.ErrorIs(t, err, fs.ErrInvalid)
}

// TestBrowserBuildHasEveryFile: every file of the embedded folders is in
// the browser build's embed lists (embed_web.go) or in Later, not both
// and not neither, and every Later file exists.
func TestBrowserBuildHasEveryFile(t *testing.T) {
	patterns := webEmbedPatterns(t)
	require.NotEmpty(t, patterns)
	embedded := func(name string) bool {
		for _, p := range patterns {
			if ok, _ := path.Match(p, name); ok || strings.HasPrefix(name, p+"/") {
				return true
			}
		}
		return false
	}
	later := map[string]bool{}
	for _, name := range Later {
		assert.False(t, later[name], "%s is listed twice in Later", name)
		later[name] = true
		_, err := os.Stat(filepath.FromSlash(name))
		assert.NoError(t, err, "Later lists %s", name)
	}
	for _, top := range []string{"quiz", "i18n", "fonts"} {
		err := filepath.WalkDir(top, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			name := filepath.ToSlash(p)
			if top == "fonts" && !strings.HasSuffix(name, ".ttf") {
				return nil // the licence is not embedded
			}
			assert.True(t, embedded(name) != later[name], "%s: embedded in the browser build %v, in Later %v: expected exactly one", name, embedded(name), later[name])
			return nil
		})
		require.NoError(t, err)
	}
}

// webEmbedPatterns reads the //go:embed patterns of embed_web.go.
func webEmbedPatterns(t *testing.T) []string {
	f, err := parser.ParseFile(token.NewFileSet(), "embed_web.go", nil, parser.ParseComments)
	require.NoError(t, err)
	var out []string
	for _, group := range f.Comments {
		for _, c := range group.List {
			if rest, ok := strings.CutPrefix(c.Text, "//go:embed "); ok {
				out = append(out, strings.Fields(rest)...)
			}
		}
	}
	return out
}
