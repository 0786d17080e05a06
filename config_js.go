//go:build js

package main

import (
	"syscall/js"

	"asyncwithlab/ui"
)

// config is empty in the browser: the page's address holds the choices
// (?lang=, ?seed=, a link after #), which package ui reads itself. Not
// linking package flag keeps the .wasm smaller. It notes when main began
// (window.labMainStart), after Go's runtime and package initialisation,
// for make bench-web.
func config() ui.Config {
	w := js.Global()
	w.Set("labMainStart", w.Get("performance").Call("now"))
	return ui.Config{}
}
