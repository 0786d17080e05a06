//go:build js

package main

import "syscall/js"

// firstFrame tells the page, as the app does, that the first frame is drawn.
func firstFrame() {
	w := js.Global()
	w.Set("labFirstFrame", w.Get("performance").Call("now"))
	w.Call("dispatchEvent", w.Get("Event").New("lab-ready"))
}

// mainStarted notes, as the app does, when main began.
func mainStarted() {
	w := js.Global()
	w.Set("labMainStart", w.Get("performance").Call("now"))
}
