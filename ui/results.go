package ui

import (
	"fmt"

	"asyncwithlab/quiz"
)

// resultsScene shows the score and reviews every question with the right
// answers and the explanation.
type resultsScene struct {
	a     *quiz.Attempt
	store string
}

func (s *resultsScene) build(gs gameState, p *page) {
	l, a := gs.lang(), s.a
	p.button("home", "← "+l.T("ui.home"), false, func() { gs.goTo(&homeScene{}) })
	p.plain(l.T("ui.results"), 28, colText, true)
	sc := a.Score()
	p.plain(l.T("ui.score", sc.Percent, sc.Points, sc.Max), 20, colText, true)
	if pg := a.Quiz.Options.PassingGrade; pg > 0 {
		if sc.Passed {
			p.plain(l.T("ui.passed", pg), 17, colRight, true)
		} else {
			p.plain(l.T("ui.failed", pg), 17, colWrong, true)
		}
	}
	p.button("retry", l.T("ui.retry"), true, func() {
		_ = gs.platform().Save(s.store, "")
		gs.startQuiz()
	})
	for i := range a.Order {
		q := a.Question(i)
		r := a.Responses[i]
		bg := colWrongBg
		if r.Correct {
			bg = colRightBg
		}
		blocks := []quiz.Block{
			{Runs: append([]quiz.Run{{Text: l.T("ui.yourAnswer"), Style: quiz.Strong}}, answerRuns(q, r.Chosen, l)...)},
			{Runs: append([]quiz.Run{{Text: l.T("ui.rightAnswer"), Style: quiz.Strong}}, answerRuns(q, q.Keys(), l)...)},
		}
		if len(q.Explanation) > 0 {
			blocks = append(blocks, q.Explanation...)
		}
		p.panel(fmt.Sprintf("%d. %s", i+1, quiz.PlainText(q.Title)), blocks, bg, colBorder)
	}
}

// answerRuns lists answers by their text, separated (in order for a sequence).
func answerRuns(q *quiz.Question, ans []int, l Lang) []quiz.Run {
	if len(ans) == 0 {
		return []quiz.Run{{Text: l.T("ui.noAnswer")}}
	}
	sep := "; "
	if q.Type == quiz.Sequence {
		sep = " → "
	}
	var out []quiz.Run
	for i, a := range ans {
		if i > 0 {
			out = append(out, quiz.Run{Text: sep})
		}
		out = append(out, q.Answers[a].Text...)
	}
	return out
}

func (s *resultsScene) key(gameState) bool { return false }

func (s *resultsScene) back(gs gameState) { gs.goTo(&homeScene{}) }
