package ui

import (
	"bytes"
	"image/color"
	"io/fs"

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

func newTheme() (*theme, error) {
	t := &theme{scale: 1, faces: map[faceKey]*textFace{}}
	for i, ttf := range fontFiles {
		data, err := fs.ReadFile(assets.Fonts, ttf)
		if err != nil {
			return nil, err
		}
		src, err := text.NewGoTextFaceSource(bytes.NewReader(data))
		if err != nil {
			return nil, err
		}
		t.sources[i] = src
	}
	return t, nil
}

// face returns a face of the given kind at size CSS pixels.
func (t *theme) face(kind fontKind, size float64) *text.GoTextFace {
	k := faceKey{kind, size * t.scale}
	f, ok := t.faces[k]
	if !ok {
		f = &text.GoTextFace{Source: t.sources[kind], Size: k.size}
		t.faces[k] = f
	}
	return f
}

// px converts CSS pixels to device pixels.
func (t *theme) px(v float64) float64 { return v * t.scale }

// textFace is the face type the theme hands out.
type textFace = text.GoTextFace
