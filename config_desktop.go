//go:build !js

package main

import (
	"flag"
	"fmt"
	"os"

	"asyncwithlab/i18n"
	"asyncwithlab/ui"
	"asyncwithlab/version"
)

// config reads the command line.
func config() ui.Config {
	quizFile := flag.String("quiz", "", "a quizdown file to take instead of the built-in bank")
	lang := flag.String("lang", "", "language: "+i18n.Codes()+" (default: the system's)")
	shot := flag.String("screenshot", "", "write the first frame to this PNG file and quit")
	open := flag.String("open", "", "start on this screen: home, quiz, sim or about")
	scenario := flag.String("scenario", "", "a scenario file (JSON) to open in the simulator; Save writes back to it")
	link := flag.String("link", "", "a share link or an assignment link (copied from the web version) to open")
	seed := flag.Uint64("seed", 0, "fix the quiz's shuffling (0: from the clock)")
	mirror := flag.String("mirror", "", "keep the screen's text and clickable items in this JSON file (for automation and tests)")
	showVersion := flag.Bool("version", false, "print the version and quit")
	flag.Parse()
	if *showVersion {
		fmt.Println("Async With Lab", version.Version)
		os.Exit(0)
	}
	return ui.Config{QuizFile: *quizFile, Lang: *lang, Screenshot: *shot, Open: *open, Seed: *seed,
		Scenario: *scenario, Link: *link, Mirror: *mirror}
}
