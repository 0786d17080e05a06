// Command minimal is the smallest Ebitengine program that draws one line
// of text with text/v2 and the Go font: make bench-web compares the app's
// .wasm with it.
package main

import (
	"bytes"
	"log"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"
	"golang.org/x/image/font/gofont/goregular"
)

type game struct {
	face  *text.GoTextFace
	drawn bool
}

func (g *game) Update() error { return nil }

func (g *game) Draw(screen *ebiten.Image) {
	text.Draw(screen, "Hello, async with!", g.face, &text.DrawOptions{})
	if !g.drawn {
		g.drawn = true
		firstFrame()
	}
}

func (g *game) Layout(w, h int) (int, int) { return w, h }

func main() {
	mainStarted()
	src, err := text.NewGoTextFaceSource(bytes.NewReader(goregular.TTF))
	if err != nil {
		log.Fatal(err)
	}
	if err := ebiten.RunGame(&game{face: &text.GoTextFace{Source: src, Size: 24}}); err != nil {
		log.Fatal(err)
	}
}
