package ui

import (
	"strings"

	"asyncwithlab/quiz"
)

// helpPanel lists the simulator's keys (? or F1).
type helpPanel struct{}

func (*helpPanel) wide() bool { return false }

func (*helpPanel) build(gs gameState, s *simScene, p *page) {
	l := gs.lang()
	s.closeButton(gs, p, s.lay.side)
	c := s.column(p, s.lay.side)
	c.text([]quiz.Run{{Text: l.T("ui.help")}}, 20, colText, true)
	for _, k := range strings.Split(l.T("ui.simKeys"), " · ") {
		c.text([]quiz.Run{{Text: k}}, 15, colText, false)
	}
}
