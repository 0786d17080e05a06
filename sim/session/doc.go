// Package session is the simulator as the app runs it, without a window:
// what is open (a built-in example, a share link, a scenario file, a
// design from the editor), the engine's run of it, the replay and the
// playback cursor over that run, "predict, then watch", the editor's
// state, and the link to what is shown.
//
// The screen (package ui) draws a Session and turns input into calls on
// it; the command-line tool and the tests open links and examples through
// it exactly as the app does. Like sim it never imports ebiten.
package session
