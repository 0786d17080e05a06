package ui

import (
	"strconv"
	"time"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/inpututil"

	"asyncwithlab/quiz"
)

// progressKey is where an attempt of quiz q is saved.
func progressKey(q *quiz.Quiz) string { return "asyncwithlab.progress." + q.Name }

// startQuiz opens the quiz: the saved attempt if there is one that reads
// back, else a new one. Saved data that cannot be read is set aside under
// a backup key, with a notice, and never lost.
func (g *Game) startQuiz() {
	if g.loading != nil {
		g.goTo(&messageScene{title: g.language.T("ui.loading")})
		return
	}
	q, err := g.activeQuiz()
	if err != nil {
		g.goTo(&messageScene{title: g.language.T("ui.quizErrors"), err: err})
		return
	}
	key := progressKey(q)
	var a *quiz.Attempt
	if saved := g.plat.Load(key); saved != "" {
		a, err = quiz.DecodeAttempt(q, saved)
		if err != nil {
			backup := key + ".unreadable." + strconv.FormatInt(time.Now().Unix(), 10)
			_ = g.plat.Save(backup, saved)
			_ = g.plat.Save(key, "")
			g.noticeText = g.language.T("ui.corrupt")
			a = nil
		}
	}
	if a == nil {
		seed := g.seed
		if s, err := strconv.ParseUint(g.plat.Param("seed"), 10, 64); err == nil {
			seed = s
		}
		if seed == 0 {
			seed = uint64(time.Now().UnixNano())
		}
		mode := quiz.Immediate
		switch g.plat.Param("mode") {
		case "deferred":
			mode = quiz.Deferred
		case "interactive":
			mode = quiz.Interactive
		}
		a = quiz.NewAttempt(q, seed, mode)
	}
	s := &quizScene{v: newQuizView(a), store: key}
	if a.Finished() {
		g.goTo(&resultsScene{a: a, store: key})
		return
	}
	g.goTo(s)
}

// quizScene shows one question at a time.
type quizScene struct {
	v     *quizView
	store string // storage key of the attempt
	msg   string
}

func (s *quizScene) save(gs gameState) {
	if err := gs.platform().Save(s.store, s.v.a.Encode()); err != nil {
		s.msg = gs.lang().T("ui.saveFailed", err)
	}
}

func (s *quizScene) build(gs gameState, p *page) {
	l, v := gs.lang(), s.v
	q := v.question()
	p.button("home", "← "+l.T("ui.home"), false, func() { gs.goTo(&homeScene{}) })
	done := 0
	for _, r := range v.a.Responses {
		if r.Done {
			done++
		}
	}
	p.progress(float64(done)/float64(len(v.a.Order)), l.T("ui.questionOf", v.idx+1, len(v.a.Order)))
	if n := gs.notice(); n != "" {
		p.panel("", []quiz.Block{{Runs: []quiz.Run{{Text: n}}}}, colHintBg, colBorder)
	}
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
		s.feedbackPanel(gs, p, q)
	}
	if s.msg != "" {
		p.plain(s.msg, 14, colWrong, false)
	}
	switch {
	case !v.closed():
		p.button("check", l.T("ui.check"), true, func() { s.check(gs) })
	case v.idx+1 < len(v.a.Order):
		p.button("next", l.T("ui.next"), true, func() { s.next(gs) })
	default:
		p.button("finish", l.T("ui.finish"), true, func() { s.next(gs) })
	}
	p.plain(l.T("ui.keysHelp"), 13, colMuted, false)
}

func (s *quizScene) feedbackPanel(gs gameState, p *page, q *quiz.Question) {
	l, v := gs.lang(), s.v
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

func (s *quizScene) check(gs gameState) {
	if _, err := s.v.check(); err != nil {
		return
	}
	s.save(gs)
	gs.shownPage().focusID = ""
}

func (s *quizScene) next(gs gameState) {
	gs.setNotice("")
	if !s.v.next() {
		gs.goTo(&resultsScene{a: s.v.a, store: s.store})
		return
	}
	gs.shownPage().scroll, gs.shownPage().focusID = 0, ""
}

// key handles digits (choose), H (hint), Shift+↑/↓ (move a sequence item)
// and Enter when no button has the focus (check, or go on).
func (s *quizScene) key(gs gameState) bool {
	v := s.v
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
			if v.closed() {
				s.next(gs)
			} else {
				s.check(gs)
			}
			return true
		}
	}
	return false
}

func optionPos(id string) (int, bool) {
	if len(id) < 4 || id[:3] != "opt" {
		return 0, false
	}
	n, err := strconv.Atoi(id[3:])
	return n, err == nil
}

// reorder is a drag of a sequence item to a new place.
func (s *quizScene) reorder(gs gameState, id string, to int) {
	if from, ok := optionPos(id); ok {
		s.v.reorder(from, to)
		gs.shownPage().focusID = "opt" + strconv.Itoa(min(max(to, 0), len(s.v.order)-1))
	}
}

func (s *quizScene) back(gs gameState) { gs.goTo(&homeScene{}) }

// messageScene shows a title and, for a malformed quiz, its errors.
type messageScene struct {
	title string
	err   error
}

func (s *messageScene) build(gs gameState, p *page) {
	p.button("home", "← "+gs.lang().T("ui.home"), false, func() { gs.goTo(&homeScene{}) })
	if !gs.quizLoading() && s.err == nil && s.title == gs.lang().T("ui.loading") {
		gs.startQuiz()
		return
	}
	p.plain(s.title, 24, colText, true)
	if s.err != nil {
		var blocks []quiz.Block
		blocks = append(blocks, quiz.Block{Kind: quiz.CodeBlock, Code: s.err.Error()})
		p.panel("", blocks, colWrongBg, colWrong)
	}
}

func (s *messageScene) key(gs gameState) bool { return !gs.quizLoading() && s.err == nil }

func (s *messageScene) back(gs gameState) { gs.goTo(&homeScene{}) }
