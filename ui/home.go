package ui

import (
	"asyncwithlab/i18n"
	"asyncwithlab/quiz"
)

// homeScene offers the quiz, the simulator, the language switch and About.
type homeScene struct{}

func (s *homeScene) build(gs gameState, p *page) {
	l := gs.lang()
	p.gap(24)
	p.plain(l.T("ui.app"), 34, colText, true)
	p.plain(l.T("ui.tagline"), 18, colMuted, false)
	p.gap(16)
	if n := gs.notice(); n != "" {
		p.panel("", []quiz.Block{{Runs: []quiz.Run{{Text: n}}}}, colHintBg, colBorder)
	}
	label := l.T("ui.quiz")
	if q, err := gs.activeQuiz(); err == nil && q != nil && gs.platform().Load(progressKey(q)) != "" {
		label = l.T("ui.resume")
	}
	p.button("quiz", label, true, func() { gs.startQuiz() })
	p.button("sim", l.T("ui.simulator"), true, func() {
		if err := gs.openSimPreset(firstPreset); err != nil {
			gs.setNotice(err.Error())
		}
	})
	p.button("about", l.T("ui.about"), false, func() { gs.goTo(&aboutScene{}) })
	// The language switch: one button per other language, in its own name.
	for _, other := range i18n.Langs() {
		if other != l {
			p.button("lang-"+string(other), other.Name(), false, func() { gs.setLang(other) })
		}
	}
	p.gap(16)
	p.plain(l.T("ui.keysHelp"), 14, colMuted, false)
}

func (s *homeScene) key(gameState) bool { return false }

func (s *homeScene) back(gameState) {}
