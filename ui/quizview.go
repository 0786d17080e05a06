package ui

import (
	"errors"
	"slices"

	"asyncwithlab/quiz"
)

// quizView is the state of the quiz screen, apart from drawing: which
// question is shown, what is selected, the order of a sequence, the last
// feedback. It is tested without a window.
type quizView struct {
	a        *quiz.Attempt
	idx      int   // question shown (index into a.Order)
	picks    []int // chosen answers (answer indices), for choice questions
	order    []int // the current order of a sequence (answer indices)
	showHint bool
	feedback *quiz.Feedback
	// revisable keeps a deferred answer open after its check: homework
	// takes the last answer given before handing in.
	revisable bool
	// watchBefore offers a question's example before it is answered (the
	// quiz's immediate and interactive modes); otherwise only after.
	watchBefore bool
}

// canWatch says whether "See it run" is offered for the question shown.
func (v *quizView) canWatch() bool {
	return v.question().Watch != "" && (v.watchBefore || v.closed())
}

func newQuizView(a *quiz.Attempt) *quizView {
	v := &quizView{a: a}
	// Resume at the first question not yet closed.
	for v.idx < len(a.Order)-1 && a.Responses[v.idx].Done {
		v.idx++
	}
	v.load()
	return v
}

func (v *quizView) question() *quiz.Question { return v.a.Question(v.idx) }

// load prepares the selection for the current question from its response.
func (v *quizView) load() {
	r := v.a.Responses[v.idx]
	v.showHint, v.feedback = false, nil
	q := v.question()
	if q.Type == quiz.Sequence {
		v.order = slices.Clone(v.a.Shown[v.idx])
		if len(r.Chosen) == len(q.Answers) {
			v.order = slices.Clone(r.Chosen)
		}
		v.picks = nil
	} else {
		v.picks = slices.Clone(r.Chosen)
		v.order = nil
	}
	if r.Done {
		// Deferred mode says nothing of an answer until the review.
		fb := quiz.Feedback{Correct: r.Correct && v.a.Mode != quiz.Deferred, Final: true, Reveal: v.a.Mode != quiz.Deferred}
		v.feedback = &fb
	}
}

// shown lists the answers in the order they appear on screen.
func (v *quizView) shown() []int {
	if v.question().Type == quiz.Sequence {
		return v.order
	}
	return v.a.Shown[v.idx]
}

func (v *quizView) closed() bool {
	return v.a.Responses[v.idx].Done && !(v.revisable && v.a.Mode == quiz.Deferred)
}

// toggle picks or unpicks the answer at screen position pos.
func (v *quizView) toggle(pos int) {
	shown := v.shown()
	if v.closed() || pos < 0 || pos >= len(shown) || v.question().Type == quiz.Sequence {
		return
	}
	ans := shown[pos]
	if v.question().Type == quiz.Single {
		v.picks = []int{ans}
		return
	}
	if i := slices.Index(v.picks, ans); i >= 0 {
		v.picks = slices.Delete(v.picks, i, i+1)
	} else {
		v.picks = append(v.picks, ans)
	}
}

func (v *quizView) picked(ans int) bool { return slices.Contains(v.picks, ans) }

// move shifts the sequence item at pos by delta places.
func (v *quizView) move(pos, delta int) int {
	to := pos + delta
	if v.closed() || v.question().Type != quiz.Sequence || pos < 0 || pos >= len(v.order) || to < 0 || to >= len(v.order) {
		return pos
	}
	v.reorder(pos, to)
	return to
}

// reorder moves the sequence item at from to position to.
func (v *quizView) reorder(from, to int) {
	if v.closed() || from == to || from < 0 || from >= len(v.order) {
		return
	}
	to = min(max(to, 0), len(v.order)-1)
	item := v.order[from]
	v.order = slices.Delete(v.order, from, from+1)
	v.order = slices.Insert(v.order, to, item)
}

// check submits the current answer.
func (v *quizView) check() (quiz.Feedback, error) {
	chosen := v.picks
	if v.question().Type == quiz.Sequence {
		chosen = v.order
	}
	if len(chosen) == 0 {
		return quiz.Feedback{}, errors.New("nothing chosen")
	}
	fb, err := v.a.Answer(v.idx, chosen)
	if err != nil {
		return fb, err
	}
	v.feedback = &fb
	return fb, nil
}

// next moves to the following question; it reports false at the end.
func (v *quizView) next() bool {
	if v.idx+1 >= len(v.a.Order) {
		return false
	}
	v.idx++
	v.load()
	return true
}

// triesLeft is how many checks remain in Interactive mode.
func (v *quizView) triesLeft() int {
	most := len(v.question().Answers)
	if v.a.MaxTries > 0 {
		most = v.a.MaxTries // an assignment's number of tries
	}
	return most - v.a.Responses[v.idx].Tries
}
