// Async With Lab teaches Python's async context managers: a quiz beside an
// animated simulator. This file only sets up the window and runs the
// game; the configuration comes from the command line (config_desktop.go)
// or from the page (config_js.go), everything else lives in package ui.
package main

import (
	"log"

	"github.com/hajimehoshi/ebiten/v2"

	"asyncwithlab/ui"
)

func main() {
	game, err := ui.NewGame(config())
	if err != nil {
		log.Fatal(err)
	}
	ebiten.SetWindowTitle("Async With Lab")
	ebiten.SetWindowSize(1024, 720)
	ebiten.SetWindowResizingMode(ebiten.WindowResizingModeEnabled)
	ebiten.SetScreenClearedEveryFrame(false)
	if err := ebiten.RunGame(game); err != nil {
		log.Fatal(err)
	}
}
