// Async With Lab teaches Python's async context managers: a quiz beside an
// animated simulator. This file only reads the flags, sets up the window
// and runs the game; everything else lives in package ui.
package main

import (
	"flag"
	"log"

	"github.com/hajimehoshi/ebiten/v2"

	"asyncwithlab/i18n"
	"asyncwithlab/ui"
)

func main() {
	quizFile := flag.String("quiz", "", "a quizdown file to take instead of the built-in bank (desktop)")
	lang := flag.String("lang", "", "language: "+i18n.Codes()+" (default: the system's)")
	shot := flag.String("screenshot", "", "write the first frame to this PNG file and quit")
	open := flag.String("open", "", "start on this screen: home, quiz, sim or about")
	scenario := flag.String("scenario", "", "a scenario file (JSON) to open in the simulator; Save writes back to it")
	link := flag.String("link", "", "a share link of the simulator (copied from the web version) to open")
	seed := flag.Uint64("seed", 0, "fix the quiz's shuffling (0: from the clock)")
	mirror := flag.String("mirror", "", "keep the screen's text and clickable items in this JSON file (for automation and tests)")
	flag.Parse()

	game, err := ui.NewGame(ui.Config{QuizFile: *quizFile, Lang: *lang, Screenshot: *shot, Open: *open, Seed: *seed, Scenario: *scenario, Link: *link, Mirror: *mirror})
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
