package ui

import (
	"asyncwithlab/i18n"
	"asyncwithlab/quiz"
)

// homeScene offers the quiz, the simulator, the language switch and About.
type homeScene struct{}

func (s *homeScene) build(g *Game, p *page) {
	l := g.lang
	p.gap(24)
	p.plain(l.T("ui.app"), 34, colText, true)
	p.plain(l.T("ui.tagline"), 18, colMuted, false)
	p.gap(16)
	if g.notice != "" {
		p.panel("", []quiz.Block{{Runs: []quiz.Run{{Text: g.notice}}}}, colHintBg, colBorder)
	}
	label := l.T("ui.quiz")
	if q, err := g.activeQuiz(); err == nil && q != nil && g.plat.Load(progressKey(g, q)) != "" {
		label = l.T("ui.resume")
	}
	p.button("quiz", label, true, func() { g.startQuiz() })
	p.button("sim", l.T("ui.simulator"), true, func() {
		if err := g.openSimPreset(firstPreset); err != nil {
			g.notice = err.Error()
		}
	})
	p.button("about", l.T("ui.about"), false, func() { g.goTo(&aboutScene{}) })
	// The language switch: one button per other language, in its own name.
	for _, other := range i18n.Langs() {
		if other != l {
			p.button("lang-"+string(other), other.Name(), false, func() { g.setLang(other) })
		}
	}
	p.gap(16)
	p.plain(l.T("ui.keysHelp"), 14, colMuted, false)
}

func (s *homeScene) key(*Game) bool { return false }

func (s *homeScene) back(*Game) {}
