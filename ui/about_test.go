package ui

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"asyncwithlab/i18n"
	"asyncwithlab/version"
)

// TestAboutShowsVersion: About names the build, as -version prints it.
func TestAboutShowsVersion(t *testing.T) {
	saved := version.Version
	t.Cleanup(func() { version.Version = saved })
	version.Version = "v9.8.7-test"
	g := newSimGame(t, Config{Open: "about"}, newMemPlatform())
	assert.Contains(t, pageText(g), "Version v9.8.7-test")
}

// TestAboutInOurOwnWords: the About screen, in every language, shares no
// run of eight words with the course documents it credits (the project
// takes facts from them, not sentences). The addresses are left out of
// the comparison: a document's address is quoted exactly as it gives it.
func TestAboutInOurOwnWords(t *testing.T) {
	const n = 8
	files, err := filepath.Glob("../../shared/seeds/*.txt")
	require.NoError(t, err)
	require.NotEmpty(t, files, "the course documents are expected at ../shared/seeds")
	seeds := map[string]bool{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		for _, g := range wordRuns(string(data), n) {
			seeds[g] = true
		}
	}
	for _, lang := range i18n.Langs() {
		text := pageText(newSimGame(t, Config{Open: "about", Lang: string(lang)}, newMemPlatform()))
		for _, src := range sources {
			if src.address != "" {
				text = strings.ReplaceAll(text, src.address, "")
			}
		}
		require.Contains(t, text, sources[0].title, "%s: the About screen is built", lang)
		for _, g := range wordRuns(text, n) {
			assert.False(t, seeds[g], "%s: the About screen repeats a course document: %q", lang, g)
		}
	}
}

var wordRE = regexp.MustCompile(`[\p{L}\p{N}_'’]+`)

// wordRuns lists the runs of n consecutive words of a text, lowercased.
func wordRuns(text string, n int) []string {
	ws := wordRE.FindAllString(strings.ToLower(text), -1)
	var out []string
	for i := 0; i+n <= len(ws); i++ {
		out = append(out, strings.Join(ws[i:i+n], " "))
	}
	return out
}
