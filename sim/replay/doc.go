// Package replay is the model behind the animated simulator screen. The
// engine (package sim) runs a scenario once; the screen then steps through
// the resulting trace, forwards and backwards, as Python Tutor does. This
// package computes everything the screen shows except the drawing: the
// world after any step (tasks, their stacks of managers, the exception in
// flight, the event loop's queues, the console, the resources), a caption
// for every step in the app's language (package i18n), the steps worth stopping at,
// and a playback cursor with speed and easing.
//
// It is pure Go and never imports ebiten, so every rule of the animation
// is unit-tested without a window.
package replay
