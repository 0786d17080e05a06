package ui

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestHomeOffersToResume: Home finds saved quiz progress by the bank's
// name, without reading the bank (it does so before the first frame).
func TestHomeOffersToResume(t *testing.T) {
	plat := newMemPlatform()
	g := newSimGame(t, Config{}, plat)
	assert.Contains(t, pageText(g), "[Take the quiz]")
	assert.Empty(t, g.banks, "Home reads no question bank")
	plat.Save(progressKeyOf("quiz/en.md"), "q1.i.1.x.1-0")
	g = newSimGame(t, Config{}, plat)
	assert.Contains(t, pageText(g), "[Continue the quiz]")
}
