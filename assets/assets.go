// Package assets holds the data the app ships: scenario presets and the
// question banks, the interface's sentences and the fonts.
//
// The desktop build embeds every file. The browser build embeds what the
// first screen needs and leaves the files in Later out of the .wasm: it
// fetches each from the site (assets/NAME beside the page, where
// web.Pack puts them and the service worker keeps them for offline use)
// the first time it is read. The two builds differ only in their embed
// lists (embed_desktop.go, embed_web.go); code reads Banks, Messages and
// Fonts the same way in both.
package assets

import (
	"embed"
	"io/fs"
)

// Presets holds one scenario per file, presets/NAME.json.
//
//go:embed presets/*.json
var Presets embed.FS

// Banks holds the built-in question banks in quizdown, one per language:
// quiz/en.md, quiz/pt.md and quiz/es.md, with the same questions in the
// same order.
var Banks fs.FS = banks

// Messages holds the interface's sentences, one folder per language:
// i18n/LANG/*.json (package i18n reads them).
var Messages fs.FS = messages

// Fonts holds the Go fonts the app draws with, without their hinting:
// fonts/go-regular.ttf, fonts/go-bold.ttf and fonts/go-mono.ttf (see
// package internal/fontstrip; fonts/LICENSE is their licence).
//
//go:generate go run ../internal/fontstrip/gen -out fonts
var Fonts fs.FS = fonts

// Later are the files the browser build fetches when they are first read
// instead of embedding them: what the first screen does not need. The
// monospaced font draws code, which Home does not show; the question
// banks are read when a quiz starts; each language's messages are read
// when the language is first used (its language.json, the facts the
// language switch shows, stays in; English, the fallback, stays whole).
// Together they are 90 KB of the gzipped .wasm. A test checks that every
// file is embedded in the browser build or listed here, not both.
var Later = []string{
	"fonts/go-mono.ttf",
	"quiz/en.md", "quiz/es.md", "quiz/pt.md",
	"i18n/es/captions.json", "i18n/es/editor.json", "i18n/es/examples.json", "i18n/es/homework.json",
	"i18n/es/predict.json", "i18n/es/teacher.json", "i18n/es/ui.json",
	"i18n/pt/captions.json", "i18n/pt/editor.json", "i18n/pt/examples.json", "i18n/pt/homework.json",
	"i18n/pt/predict.json", "i18n/pt/teacher.json", "i18n/pt/ui.json",
}
