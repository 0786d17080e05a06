package ui

import "asyncwithlab/quiz"

// linkPanel shows the share link to copy by hand, when the platform
// cannot put it on the clipboard (see simScene.copyLink).
type linkPanel struct {
	url string // the last link made
}

func (*linkPanel) wide() bool { return false }

func (lp *linkPanel) build(gs gameState, s *simScene, p *page) {
	s.closeButton(gs, p, s.lay.side)
	c := s.column(p, s.lay.side)
	c.text([]quiz.Run{{Text: gs.lang().T("ui.copyLink")}}, 20, colText, true)
	c.text([]quiz.Run{{Text: lp.url, Style: quiz.Code}}, 13, colText, false)
}
