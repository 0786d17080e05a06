package ui

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/gomono"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"
)

// TestFontRangesMatchTheFonts checks goFontRanges against the fonts'
// own tables (sfnt is only needed here, so it stays out of the .wasm).
func TestFontRangesMatchTheFonts(t *testing.T) {
	var fonts []*sfnt.Font
	for _, ttf := range [][]byte{goregular.TTF, gobold.TTF, gomono.TTF} {
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
