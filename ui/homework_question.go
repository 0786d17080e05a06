package ui

import (
	"slices"
	"strconv"
	"time"

	"asyncwithlab/quiz"
)

// hwQuestion is one question of an assignment, answered as in the quiz
// (the same view and keys) in the assignment's feedback mode. Every check
// is logged and saved; the attempt shown is then the log's replay.
type hwQuestion struct {
	w   *hwWork
	v   *quizView
	msg string
	// saved: the last check was logged (deferred mode says so, since it
	// says nothing else).
	saved bool
}

// newHWQuestion shows the question at position pos of the attempt.
func newHWQuestion(w *hwWork, pos int) *hwQuestion {
	v := &quizView{a: w.att, idx: pos, revisable: true}
	v.load()
	return &hwQuestion{w: w, v: v}
}

func (s *hwQuestion) build(gs gameState, p *page) {
	l, v, w := gs.lang(), s.v, s.w
	p.button("hw-back", "← "+l.T("hw.backToList"), false, func() { s.back(gs) })
	p.plain(l.T("hw.questionOf", v.idx+1, len(w.att.Order))+"  ·  "+w.a.Title, 14, colMuted, false)
	buildQuestion(gs, p, v)
	if s.saved && w.deferred() {
		p.plain(l.T("hw.savedDeferred"), 14, colMuted, false)
	}
	if s.msg != "" {
		p.plain(s.msg, 14, colWrong, false)
	}
	if !v.closed() {
		p.button("check", l.T("ui.check"), true, func() { s.check(gs) })
	}
	if v.idx+1 < len(w.att.Order) {
		p.button("hw-next", l.T("ui.next"), v.closed(), func() { s.goNext(gs) })
	}
	p.plain(l.T("hw.keysHelp"), 13, colMuted, false)
}

// check logs the try, saves the log and shows what the replay says.
func (s *hwQuestion) check(gs gameState) {
	v := s.v
	chosen := v.picks
	if v.question().Type == quiz.Sequence {
		chosen = v.order
	}
	if len(chosen) == 0 {
		return
	}
	chosen = slices.Clone(chosen)
	fb, err := s.w.answer(v.idx, chosen, time.Now())
	if err != nil {
		s.msg = err.Error()
		return
	}
	v.a = s.w.att
	v.feedback = &fb
	s.saved, s.msg = true, ""
	if err := s.w.save(gs.platform()); err != nil {
		s.msg = gs.lang().T("ui.saveFailed", err)
	}
	gs.shownPage().focusID = ""
}

// goNext shows the following question of the attempt.
func (s *hwQuestion) goNext(gs gameState) {
	gs.goTo(newHWQuestion(s.w, s.v.idx+1))
}

// key handles the quiz's keys; Enter checks, or goes on once closed.
func (s *hwQuestion) key(gs gameState) bool {
	return questionKeys(gs, s.v, func() {
		switch {
		case !s.v.closed():
			s.check(gs)
		case s.v.idx+1 < len(s.w.att.Order):
			s.goNext(gs)
		default:
			s.back(gs)
		}
	})
}

// reorder is a drag of a sequence item to a new place.
func (s *hwQuestion) reorder(gs gameState, id string, to int) {
	if from, ok := optionPos(id); ok {
		s.v.reorder(from, to)
		gs.shownPage().focusID = "opt" + strconv.Itoa(min(max(to, 0), len(s.v.order)-1))
	}
}

// back returns to the work list.
func (s *hwQuestion) back(gs gameState) {
	gs.setNotice("")
	gs.goTo(newHWList(s.w))
}

// watching is the example of the question shown (see splitScene).
func (s *hwQuestion) watching() string { return s.v.question().Watch }
