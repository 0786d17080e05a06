package ui

import (
	"asyncwithlab/quiz"
	"asyncwithlab/version"
)

// source is one course document the content comes from: a name it gives
// itself (its title, or its short title and site when the full title is
// long), a note in the reader's language (a message ID; "" for none), and
// the address it gives for itself ("" when it gives none).
type source struct{ title, note, address string }

// sources credits the five course documents.
var sources = []source{
	{"Python - Async Context Manager", "ui.sourceInPortuguese", "/python-async-context-manager"},
	{"9.1 Context Managers · 9.2 Usage Examples", "ui.sourceChapters", ""},
	{"6.5.2 Async Context Managers (Software Patterns Lexicon)", "", "https://softwarepatternslexicon.com/patterns-python/6/5/2"},
	{"Async Context Managers in Python", "", ""},
	{"Educative Answers", "ui.sourceEducative", ""},
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
		title := []quiz.Run{{Text: string(rune('1'+i)) + ". " + src.title, Style: quiz.Strong}}
		if src.note != "" {
			title = append(title, quiz.Run{Text: " (" + l.T(src.note) + ")"})
		}
		p.panel("", []quiz.Block{{Runs: title}, {Runs: []quiz.Run{{Text: addr, Link: src.address}}}}, colPanel, colBorder)
	}
}

func (s *aboutScene) key(gameState) bool { return false }

func (s *aboutScene) back(gs gameState) { gs.goTo(&homeScene{}) }
