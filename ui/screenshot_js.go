//go:build js

package ui

import (
	"errors"

	"github.com/hajimehoshi/ebiten/v2"
)

// writePNG is the desktop build's: a page has no file to write to (the
// browser tests take their screenshots through Chromium), and leaving
// image/png out keeps the .wasm smaller.
func writePNG(*ebiten.Image, string) error {
	return errors.New("screenshots are written by the desktop build only")
}
