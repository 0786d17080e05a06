//go:build js

package main

import "asyncwithlab/ui"

// config is empty in the browser: the page's address holds the choices
// (?lang=, ?seed=, a link after #), which package ui reads itself. Not
// linking package flag keeps the .wasm smaller.
func config() ui.Config { return ui.Config{} }
