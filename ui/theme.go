package ui

import (
	"bytes"
	"image/color"
	"io/fs"
	"log"

	"github.com/hajimehoshi/ebiten/v2/text/v2"

	"asyncwithlab/assets"
)

// Colours of the interface.
var (
	colBackground = color.RGBA{0xf7, 0xf5, 0xf0, 0xff}
	colText       = color.RGBA{0x1f, 0x23, 0x28, 0xff}
	colMuted      = color.RGBA{0x5c, 0x63, 0x6b, 0xff}
	colAccent     = color.RGBA{0x2f, 0x5d, 0x8a, 0xff} // steelblue, darker for contrast
	colAccentText = color.RGBA{0xff, 0xff, 0xff, 0xff}
	colPanel      = color.RGBA{0xff, 0xff, 0xff, 0xff}
	colBorder     = color.RGBA{0xcf, 0xd4, 0xda, 0xff}
	colFocus      = color.RGBA{0xe0, 0x8a, 0x00, 0xff}
	colRight      = color.RGBA{0x1e, 0x7b, 0x3a, 0xff}
	colRightBg    = color.RGBA{0xe3, 0xf4, 0xe6, 0xff}
	colWrong      = color.RGBA{0xb3, 0x26, 0x1e, 0xff}
	colWrongBg    = color.RGBA{0xfb, 0xe6, 0xe4, 0xff}
	colSelectedBg = color.RGBA{0xe6, 0xee, 0xf7, 0xff}
	colCodeBg     = color.RGBA{0x27, 0x2b, 0x33, 0xff}
	colCodeSpanBg = color.RGBA{0xea, 0xe7, 0xdf, 0xff}
	colHintBg     = color.RGBA{0xff, 0xf6, 0xd6, 0xff}

	// Python syntax colours on the dark code panel.
	colCode        = color.RGBA{0xe6, 0xe6, 0xe6, 0xff}
	colCodeKeyword = color.RGBA{0xc6, 0x91, 0xf0, 0xff}
	colCodeString  = color.RGBA{0xa5, 0xd6, 0x80, 0xff}
	colCodeComment = color.RGBA{0x8a, 0x93, 0x9e, 0xff}
	colCodeNumber  = color.RGBA{0xf7, 0xb8, 0x6b, 0xff}
	colCodeName    = color.RGBA{0x7f, 0xc8, 0xf8, 0xff}
)

type fontKind int

const (
	fontRegular fontKind = iota
	fontBold
	fontMono
)

type faceKey struct {
	kind fontKind
	size float64
}

// fontFiles are the fonts of each fontKind in assets.Fonts: the Go fonts
// without their hinting, which Ebitengine's text drawing never reads.
var fontFiles = [...]string{fontRegular: "fonts/go-regular.ttf", fontBold: "fonts/go-bold.ttf", fontMono: "fonts/go-mono.ttf"}

// theme holds the fonts and the device scale; faces are made on demand.
type theme struct {
	scale   float64 // device pixels per CSS pixel, times the user's zoom
	sources [3]*text.GoTextFaceSource
	faces   map[faceKey]*textFace
}

// newTheme reads the regular font, which every screen needs; the bold
// and monospace ones are read when first used (reading a font parses
// every glyph: in the browser each takes tens of milliseconds before the
// first frame).
func newTheme() (*theme, error) {
	t := &theme{scale: 1, faces: map[faceKey]*textFace{}}
	src, err := loadFont(fontRegular)
	if err != nil {
		return nil, err
	}
	t.sources[fontRegular] = src
	return t, nil
}

func loadFont(kind fontKind) (*text.GoTextFaceSource, error) {
	data, err := fs.ReadFile(assets.Fonts, fontFiles[kind])
	if err != nil {
		return nil, err
	}
	return text.NewGoTextFaceSource(bytes.NewReader(data))
}

// source returns the font of a kind, reading it on first use (the
// browser build fetches the monospaced one then: see assets.Later). If
// reading fails — a page opened offline before the service worker kept
// the files — the regular font stands in for the rest of the session.
func (t *theme) source(kind fontKind) *text.GoTextFaceSource {
	if t.sources[kind] == nil {
		src, err := loadFont(kind)
		if err != nil {
			log.Printf("font %s: %v; using the regular font", fontFiles[kind], err)
			src = t.sources[fontRegular]
		}
		t.sources[kind] = src
	}
	return t.sources[kind]
}

// face returns a face of the given kind at size CSS pixels.
func (t *theme) face(kind fontKind, size float64) *text.GoTextFace {
	k := faceKey{kind, size * t.scale}
	f, ok := t.faces[k]
	if !ok {
		f = &text.GoTextFace{Source: t.source(kind), Size: k.size}
		t.faces[k] = f
	}
	return f
}

// px converts CSS pixels to device pixels.
func (t *theme) px(v float64) float64 { return v * t.scale }

// textFace is the face type the theme hands out.
type textFace = text.GoTextFace
