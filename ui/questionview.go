package ui

import (
	"strconv"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/inpututil"

	"asyncwithlab/quiz"
)

// buildQuestion lays out a question as the quiz shows it: its title and
// body, its options (marked once the answer is revealed), the hint and
// the feedback. The quiz and homework screens both use it, around their
// own buttons.
func buildQuestion(gs gameState, p *page, v *quizView) {
	l := gs.lang()
	q := v.question()
	p.textItem(q.Title, 22, colText, true)
	p.blocks(q.Body)
	instr := map[quiz.Type]string{quiz.Single: "ui.pickOne", quiz.Multiple: "ui.pickMany", quiz.Sequence: "ui.putInOrder"}[q.Type]
	p.plain(l.T(instr), 14, colMuted, false)

	reveal := v.feedback != nil && v.feedback.Reveal
	for pos, ans := range v.shown() {
		a := q.Answers[ans]
		state := verdictNone
		mark := markCheckbox
		switch q.Type {
		case quiz.Single:
			mark = markRadio
		case quiz.Sequence:
			mark = markOrder
		}
		if reveal {
			switch {
			case q.Type == quiz.Sequence && pos == ans, q.Type != quiz.Sequence && a.Correct:
				state = verdictRight
			case q.Type == quiz.Sequence, v.picked(ans):
				state = verdictWrong
			}
		}
		pos := pos
		action := func() { v.toggle(pos) }
		if q.Type == quiz.Sequence {
			action = func() {} // focus it; Shift+↑/↓ or a drag moves it
		}
		p.option("opt"+strconv.Itoa(pos), strconv.Itoa(pos+1), a.Text, a.More, mark, q.Type != quiz.Sequence && v.picked(ans), state, action)
	}

	if len(q.Hint) > 0 {
		if v.showHint {
			p.panel(l.T("ui.hintTitle"), q.Hint, colHintBg, colBorder)
		} else if !v.closed() {
			p.button("hint", l.T("ui.hint"), false, func() { v.showHint = true })
		}
	}
	if v.feedback != nil {
		feedbackPanel(gs, p, v, q)
	}
	if v.canWatch() {
		p.button("watch", "► "+l.T("ui.seeItRun"), false, func() { gs.watch(q.Watch) })
	}
}

// feedbackPanel says what the last check found, with the picked
// answers' comments and, once revealed, the explanation.
func feedbackPanel(gs gameState, p *page, v *quizView, q *quiz.Question) {
	l := gs.lang()
	fb := v.feedback
	var title string
	var blocks []quiz.Block
	bg := colWrongBg
	switch {
	case fb.Correct:
		title, bg = l.T("ui.correct"), colRightBg
	case !fb.Final:
		title = l.N("ui.tryAgain", v.triesLeft(), v.triesLeft())
	case fb.Reveal:
		title = l.T("ui.wrong") + " " + l.T("ui.answerShown")
	default:
		return // deferred: nothing is said until the review
	}
	if fb.Reveal || !fb.Final {
		for _, ans := range v.picks {
			if c := q.Answers[ans].Comment; len(c) > 0 {
				blocks = append(blocks, quiz.Block{Runs: append([]quiz.Run{{Text: l.T("ui.comment"), Style: quiz.Strong}}, c[0].Runs...)})
				blocks = append(blocks, c[1:]...)
			}
		}
	}
	if fb.Reveal && len(q.Explanation) > 0 {
		blocks = append(blocks, quiz.Block{Runs: []quiz.Run{{Text: l.T("ui.explanation"), Style: quiz.Strong}}})
		blocks = append(blocks, q.Explanation...)
	}
	p.panel(title, blocks, bg, colBorder)
}

// questionKeys handles a question's keys: digits (choose), H (hint),
// Shift+↑/↓ (move a sequence item) and Enter when no button has the focus
// (enter: check, or go on).
func questionKeys(gs gameState, v *quizView, enter func()) bool {
	for i, k := range []ebiten.Key{ebiten.Key1, ebiten.Key2, ebiten.Key3, ebiten.Key4, ebiten.Key5, ebiten.Key6, ebiten.Key7, ebiten.Key8, ebiten.Key9} {
		if inpututil.IsKeyJustPressed(k) || inpututil.IsKeyJustPressed(ebiten.KeyNumpad1+ebiten.Key(i)) {
			if i < len(v.shown()) {
				v.toggle(i)
				gs.shownPage().focusID = "opt" + strconv.Itoa(i)
				return true
			}
		}
	}
	if inpututil.IsKeyJustPressed(ebiten.KeyH) && len(v.question().Hint) > 0 {
		v.showHint = true
		return true
	}
	if ebiten.IsKeyPressed(ebiten.KeyShift) && v.question().Type == quiz.Sequence {
		delta := 0
		switch {
		case inpututil.IsKeyJustPressed(ebiten.KeyArrowUp):
			delta = -1
		case inpututil.IsKeyJustPressed(ebiten.KeyArrowDown):
			delta = 1
		}
		if delta != 0 {
			if pos, ok := optionPos(gs.shownPage().focusID); ok {
				gs.shownPage().focusID = "opt" + strconv.Itoa(v.move(pos, delta))
			}
			return true
		}
	}
	if inpututil.IsKeyJustPressed(ebiten.KeyEnter) || inpututil.IsKeyJustPressed(ebiten.KeyNumpadEnter) {
		if f := gs.shownPage().focused(); f == nil || f.kind == itemOption {
			gs.consumeKeys()
			enter()
			return true
		}
	}
	return false
}
