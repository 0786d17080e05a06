// Package assets holds the data the app embeds: scenario presets and the
// question banks (and, later, fonts). It has no code beyond the embedding.
package assets

import "embed"

// Presets holds one scenario per file, presets/NAME.json.
//
//go:embed presets/*.json
var Presets embed.FS

// Banks holds the built-in question banks in quizdown, one per language:
// quiz/en.md and quiz/pt.md, with the same questions in the same order.
//
//go:embed quiz/*.md
var Banks embed.FS
