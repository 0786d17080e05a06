package ui

import (
	"io/fs"
	"strings"
	"testing"

	"github.com/hajimehoshi/ebiten/v2/text/v2"
	"github.com/stretchr/testify/assert"
	"golang.org/x/image/font/sfnt"

	"asyncwithlab/assets"
)

// TestFontRangesMatchTheFonts checks goFontRanges against the fonts'
// own tables (sfnt is only needed here, so it stays out of the .wasm).
func TestFontRangesMatchTheFonts(t *testing.T) {
	var fonts []*sfnt.Font
	for _, name := range fontFiles {
		ttf, err := fs.ReadFile(assets.Fonts, name)
		if err != nil {
			t.Fatal(err)
		}
		f, err := sfnt.Parse(ttf)
		if err != nil {
			t.Fatal(err)
		}
		fonts = append(fonts, f)
	}
	var b sfnt.Buffer
	for r := rune(0x2190); r < 0x10000; r++ {
		all := true
		for _, f := range fonts {
			if i, err := f.GlyphIndex(&b, r); err != nil || i == 0 {
				all = false
			}
		}
		if all != fontHas(r) {
			assert.Failf(t, "coverage", "fontHas(%U) = %v, the fonts say %v", r, fontHas(r), all)
		}
	}
	// A shape the fonts lack becomes a bullet; one they have stays.
	assert.Equal(t, "• play", displayable("▶ play"))
	assert.Equal(t, "► play", displayable("► play"))
}

func TestFitPrefix(t *testing.T) {
	th, err := newTheme()
	if err != nil {
		t.Fatal(err)
	}
	f := th.face(fontMono, 10)
	w := text.Advance("x", f) // monospace: every rune is as wide
	tests := []struct {
		s     string
		width float64
		want  string
	}{
		{"abcdef", 3.5 * w, "abc"},
		{"abcdef", 6 * w, "abcdef"},
		{"abcdef", 0, "a"}, // at least one rune
		{"", 10 * w, ""},
		{"ção→x", 2.5 * w, "çã"},
		{strings.Repeat("long ", 200), 50.5 * w, strings.Repeat("long ", 10)},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, fitPrefix(tc.s, f, tc.width), "%q in %.1f runes", tc.s, tc.width/w)
	}
}
