package ui

import (
	"slices"
	"strconv"
	"time"

	"asyncwithlab/quiz"
)

// progressKey is where an attempt of quiz q is saved.
func progressKey(q *quiz.Quiz) string { return progressKeyOf(q.Name) }

// progressKeyOf is the storage key of the progress in the quiz named name.
func progressKeyOf(name string) string { return "asyncwithlab.progress." + name }

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
	// What the reader left out shows in full on a fresh attempt, folded
	// on one resumed (the learner has seen it).
	fresh := !slices.ContainsFunc(a.Responses, func(r quiz.Response) bool { return r.Done })
	s := &quizScene{v: newQuizView(a), store: key, asideOpen: fresh}
	// Watching an example first is practice, not a peek: a deferred quiz
	// (a test) shows it once the answer is in.
	s.v.watchBefore = a.Mode != quiz.Deferred
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
	// asideOpen shows what the quiz file's reader left out, in full.
	asideOpen bool
}

func (s *quizScene) save(gs gameState) {
	if err := gs.platform().Save(s.store, s.v.a.Encode()); err != nil {
		s.msg = gs.lang().T("ui.saveFailed", err)
	}
}

func (s *quizScene) build(gs gameState, p *page) {
	l, v := gs.lang(), s.v
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
	asideNotice(gs, p, v.a.Quiz, &s.asideOpen, "aside")
	buildQuestion(gs, p, v)
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

// key handles the question's keys (see questionKeys); Enter checks, or
// goes on once the question is closed.
func (s *quizScene) key(gs gameState) bool {
	return questionKeys(gs, s.v, func() {
		if s.v.closed() {
			s.next(gs)
		} else {
			s.check(gs)
		}
	})
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

// watching is the example of the question shown (see splitScene).
func (s *quizScene) watching() string { return s.v.question().Watch }

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
