//go:build js

package assets

import (
	"embed"

	"asyncwithlab/internal/webfetch"
)

// The browser build embeds what the first screen needs: English
// sentences, every language's facts, the regular and bold fonts. The
// rest is in Later (the question banks all are: Home needs none).
var (
	//go:embed i18n/en i18n/*/language.json
	firstMessages embed.FS
	//go:embed fonts/go-regular.ttf fonts/go-bold.ttf
	firstFonts embed.FS
)

var (
	banks    = newLaterFS(embed.FS{}, "quiz", Later, fetchFromSite)
	messages = newLaterFS(firstMessages, "i18n", Later, fetchFromSite)
	fonts    = newLaterFS(firstFonts, "fonts", Later, fetchFromSite)
)

// fetchFromSite reads assets/NAME relative to the page, so the site works
// from a sub-path. 4 MiB is far above the largest file.
func fetchFromSite(name string) ([]byte, error) {
	return webfetch.Get("assets/"+name, 4<<20)
}
