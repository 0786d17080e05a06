//go:build !js

package assets

import "embed"

// The desktop build embeds every file.
var (
	//go:embed quiz/*.md
	banks embed.FS
	//go:embed i18n
	messages embed.FS
	//go:embed fonts/*.ttf
	fonts embed.FS
)
