// Package assets holds the data the app embeds: scenario presets (and,
// later, question banks and fonts). It has no code beyond the embedding.
package assets

import "embed"

// Presets holds one scenario per file, presets/NAME.json.
//
//go:embed presets/*.json
var Presets embed.FS
