// Package assets holds the data the app embeds: scenario presets and the
// question banks, the interface's sentences and the fonts. It has no code
// beyond the embedding.
package assets

import "embed"

// Presets holds one scenario per file, presets/NAME.json.
//
//go:embed presets/*.json
var Presets embed.FS

// Banks holds the built-in question banks in quizdown, one per language:
// quiz/en.md, quiz/pt.md and quiz/es.md, with the same questions in the
// same order.
//
//go:embed quiz/*.md
var Banks embed.FS

// Messages holds the interface's sentences, one folder per language:
// i18n/LANG/*.json (package i18n reads them).
//
//go:embed i18n
var Messages embed.FS

// Fonts holds the Go fonts the app draws with, without their hinting:
// fonts/go-regular.ttf, fonts/go-bold.ttf and fonts/go-mono.ttf (see
// package internal/fontstrip; fonts/LICENSE is their licence).
//
//go:generate go run ../internal/fontstrip/gen -out fonts
//go:embed fonts/*.ttf
var Fonts embed.FS
