// Package ui is the Ebitengine layer of Async With Lab: a scene manager
// (as in Ebitengine's examples/blocks), the Home, Quiz, Results, About and
// simulator scenes, text layout and input. Scenes see the game through a
// narrow gameState (scene.go), as the blocks example hands its scenes a
// GameState. State that can be tested without a window lives in plain
// structs (quizview.go) or in sim/session (the simulator); drawing stays
// thin. Platform differences (storage, the page's URL and language, the
// screen-reader mirror) live in platform_js.go and platform_desktop.go.
//
// The simulator screen (simscene.go) draws a session.Session. It is a
// composition: views, each painting one region from the same simFrame
// with its own cache (simview_*.go), the title and playback bars
// (simcontrols.go), and at most one side panel behind the simPanel
// interface (simpanel*.go).
package ui
