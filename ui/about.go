package ui

import (
	"asyncwithlab/quiz"
	"asyncwithlab/version"
)

// source is one course document the content comes from.
type source struct{ title, address string }

// sources credits the five course documents, each with the title and the
// address it gives for itself.
var sources = []source{
	{"Python - Async Context Manager (in Portuguese)", "/python-async-context-manager"},
	{"9.1 Context Managers · 9.2 Usage Examples (async context managers, aiofiles, aiohttp)", ""},
	{"Async Context Managers in Python: Mastering Asynchronous Resource Management", "https://softwarepatternslexicon.com/patterns-python/6/5/2"},
	{"Async Context Managers in Python", ""},
	{"What is the asynchronous context manager in Python? (Educative Answers)", ""},
}

// aboutScene credits the sources.
type aboutScene struct{}

func (s *aboutScene) build(gs gameState, p *page) {
	l := gs.lang()
	p.button("home", "← "+l.T("ui.home"), false, func() { gs.goTo(&homeScene{}) })
	p.plain(l.T("ui.about"), 28, colText, true)
	p.plain(l.T("ui.version", version.Version), 14, colMuted, false)
	p.plain(l.T("ui.aboutText"), 17, colText, false)
	p.plain(l.T("ui.sources"), 20, colText, true)
	for i, src := range sources {
		addr := src.address
		if addr == "" {
			addr = l.T("ui.noAddress")
		}
		p.panel("", []quiz.Block{{Runs: []quiz.Run{{Text: string(rune('1'+i)) + ". " + src.title, Style: quiz.Strong}}},
			{Runs: []quiz.Run{{Text: addr, Link: src.address}}}}, colPanel, colBorder)
	}
}

func (s *aboutScene) key(gameState) bool { return false }

func (s *aboutScene) back(gs gameState) { gs.goTo(&homeScene{}) }
