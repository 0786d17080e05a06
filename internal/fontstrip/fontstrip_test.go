package fontstrip_test

import (
	"io/fs"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"asyncwithlab/assets"
	"asyncwithlab/internal/fontstrip"
)

// TestCommittedFontsAreStripped keeps assets/fonts in step with the Go
// fonts of golang.org/x/image: run `go generate ./assets` after updating it.
func TestCommittedFontsAreStripped(t *testing.T) {
	for _, f := range fontstrip.GoFonts {
		want, err := fontstrip.Strip(f.TTF)
		require.NoError(t, err)
		got, err := fs.ReadFile(assets.Fonts, "fonts/"+f.File)
		require.NoError(t, err)
		assert.True(t, string(want) == string(got), "%s differs from Strip of x/image's font: run go generate ./assets", f.File)
		assert.Less(t, len(got), len(f.TTF)*6/10, "%s: hinting is about half of the font", f.File)
	}
}

// TestEveryGlyphKeepsItsOutline compares the stripped fonts with the
// originals glyph by glyph: the same mapping from characters, the same
// advances and kerning, the same outline segments.
func TestEveryGlyphKeepsItsOutline(t *testing.T) {
	for _, f := range fontstrip.GoFonts {
		t.Run(f.File, func(t *testing.T) {
			stripped, err := fontstrip.Strip(f.TTF)
			require.NoError(t, err)
			orig, err := sfnt.Parse(f.TTF)
			require.NoError(t, err)
			small, err := sfnt.Parse(stripped)
			require.NoError(t, err)
			require.Equal(t, orig.NumGlyphs(), small.NumGlyphs())
			var b1, b2 sfnt.Buffer
			ppem := fixed.I(int(orig.UnitsPerEm()))
			for r := rune(0); r < 0x10000; r++ {
				g1, err1 := orig.GlyphIndex(&b1, r)
				g2, err2 := small.GlyphIndex(&b2, r)
				require.Equal(t, err1 == nil, err2 == nil)
				require.Equal(t, g1, g2, "rune %U", r)
			}
			for g := sfnt.GlyphIndex(0); int(g) < orig.NumGlyphs(); g++ {
				s1, err := orig.LoadGlyph(&b1, g, ppem, nil)
				require.NoError(t, err)
				s1 = append(sfnt.Segments{}, s1...) // LoadGlyph reuses its buffer
				s2, err := small.LoadGlyph(&b2, g, ppem, nil)
				require.NoError(t, err)
				require.Equal(t, s1, append(sfnt.Segments{}, s2...), "glyph %d", g)
				a1, _ := orig.GlyphAdvance(&b1, g, ppem, font.HintingNone)
				a2, _ := small.GlyphAdvance(&b2, g, ppem, font.HintingNone)
				require.Equal(t, a1, a2, "glyph %d", g)
			}
		})
	}
}

func TestStripRefusesWhatIsNotTrueType(t *testing.T) {
	tests := map[string][]byte{
		"empty":         nil,
		"text":          []byte("this is not a font at all"),
		"cut directory": append([]byte{0, 1, 0, 0, 0, 9}, make([]byte, 20)...),
		"no tables":     {0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
		"cut in half":   fontstrip.GoFonts[0].TTF[:len(fontstrip.GoFonts[0].TTF)/2],
	}
	for name, in := range tests {
		t.Run(name, func(t *testing.T) {
			_, err := fontstrip.Strip(in)
			assert.Error(t, err)
		})
	}
}

// FuzzStrip: any input gives a font or an error, never a panic.
func FuzzStrip(f *testing.F) {
	f.Add(fontstrip.GoFonts[2].TTF)
	f.Add([]byte{0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 'g', 'l', 'y', 'f', 0, 0, 0, 0, 0, 0, 0, 28, 0, 0, 0, 4, 1, 2, 3, 4})
	f.Fuzz(func(t *testing.T, in []byte) {
		_, _ = fontstrip.Strip(in)
	})
}
