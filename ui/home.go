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
	if name, ok := gs.activeQuizName(); ok && gs.platform().Load(progressKeyOf(name)) != "" {
		label = l.T("ui.resume")
	}
	p.button("quiz", label, true, func() { gs.startQuiz() })
	p.button("sim", l.T("ui.simulator"), true, func() {
		if err := gs.openSimPreset(firstPreset); err != nil {
			gs.setNotice(err.Error())
		}
	})
	p.button("about", l.T("ui.about"), false, func() { gs.goTo(&aboutScene{}) })
	p.button("teacher", l.T("teacher.button"), false, func() { gs.goTo(newTeacherScene()) })
	p.gap(8)
	langSwitch(gs, p)
	p.gap(16)
	p.plain(l.T("ui.keysHelp"), 14, colMuted, false)
}

// langSwitch is the choice of language: every language the app speaks,
// each in its own name, in one row (wrapping on a narrow screen), the
// current one marked.
func langSwitch(gs gameState, p *page) {
	cur := gs.lang()
	h := p.t.px(44) // a finger's target
	row := &buttonRow{p: p, x: p.x0, y: p.y, h: h, gap: p.t.px(8), x0: p.x0, maxX: p.x0 + p.w, rowGap: p.t.px(8)}
	for _, l := range i18n.Langs() {
		row.add("lang-"+string(l), l.Name(), l == cur, func() {
			if l != cur {
				gs.setLang(l)
			}
		})
		if l == cur {
			p.text[len(p.text)-1] += cur.T("ui.chosen")
		}
	}
	p.y = row.y + h + p.t.px(8)
}

func (s *homeScene) key(gameState) bool { return false }

func (s *homeScene) back(gameState) {}
