package ui

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"asyncwithlab/version"
)

// TestAboutShowsVersion: About names the build, as -version prints it.
func TestAboutShowsVersion(t *testing.T) {
	saved := version.Version
	t.Cleanup(func() { version.Version = saved })
	version.Version = "v9.8.7-test"
	g := newSimGame(t, Config{Open: "about"}, newMemPlatform())
	assert.Contains(t, pageText(g), "Version v9.8.7-test")
}
