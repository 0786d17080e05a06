package ui

import "asyncwithlab/quiz"

// homeScene offers the quiz, the simulator, the language switch and About.
type homeScene struct{}

func (s *homeScene) build(g *Game, p *page) {
	l := g.lang
	p.gap(24)
	p.plain(l.T("app"), 34, colText, true)
	p.plain(l.T("tagline"), 18, colMuted, false)
	p.gap(16)
	if g.notice != "" {
		p.panel("", []quiz.Block{{Runs: []quiz.Run{{Text: g.notice}}}}, colHintBg, colBorder)
	}
	label := l.T("quiz")
	if q, err := g.activeQuiz(); err == nil && q != nil && g.plat.Load(progressKey(g, q)) != "" {
		label = l.T("resume")
	}
	p.button("quiz", label, true, func() { g.startQuiz() })
	p.button("sim", l.T("simulator"), true, func() {
		if err := g.openSimPreset(firstPreset); err != nil {
			g.notice = err.Error()
		}
	})
	p.button("about", l.T("about"), false, func() { g.goTo(&aboutScene{}) })
	p.button("lang", l.T("language"), false, func() {
		if g.lang == English {
			g.setLang(Portuguese)
		} else {
			g.setLang(English)
		}
	})
	p.gap(16)
	p.plain(l.T("keysHelp"), 14, colMuted, false)
}

func (s *homeScene) key(*Game) bool { return false }

func (s *homeScene) back(*Game) {}
