// Package ui is the Ebitengine layer of Async With Lab: a scene manager
// (as in Ebitengine's examples/blocks), the Home, Quiz, Results and About
// scenes, text layout and input. State that can be tested without a window
// lives in plain structs (quizview.go); drawing stays thin. Platform
// differences (storage, the page's URL and language, the screen-reader
// mirror) live in platform_js.go and platform_desktop.go.
package ui
