package ui

import (
	"asyncwithlab/version"
	"fmt"
	"time"

	"asyncwithlab/homework"
	"asyncwithlab/quiz"
	"asyncwithlab/sim/predict"
	"asyncwithlab/sim/session"
)

// hwWork is a student's work on an assignment, apart from drawing: the
// assignment, its questions, the log of raw answers (homework.Progress)
// and where it is stored. The attempt shown is always rebuilt from the
// log by replay, as the grader rebuilds it, so that the screen and the
// teacher's grade cannot disagree. It is tested without a window.
type hwWork struct {
	a     *homework.Assignment
	q     *quiz.Quiz
	prog  *homework.Progress
	store string // storage key of the progress
	att   *quiz.Attempt
	// challenges are each example's predict challenges in this student's
	// variant (the seed shuffles their items and options).
	challenges map[string][]predict.Challenge
}

// hwStoreKey is where a student's work on an assignment is kept: apart
// from the free quiz's progress and the simulator's scores.
func hwStoreKey(assignmentID string) string { return "asyncwithlab.homework." + assignmentID }

// newHWWork starts (or resumes, with prog from storage) the work.
func newHWWork(a *homework.Assignment, q *quiz.Quiz, prog *homework.Progress) (*hwWork, error) {
	w := &hwWork{a: a, q: q, prog: prog, store: hwStoreKey(a.ID), challenges: map[string][]predict.Challenge{}}
	for _, name := range a.Challenges {
		ses, err := session.OpenPreset(name)
		if err != nil {
			return nil, err
		}
		w.challenges[name] = predict.Find(ses.Result, prog.Seed)
	}
	w.att = prog.Attempt(a, q)
	return w, nil
}

// hwItemState is what the list says of an item.
type hwItemState int

const (
	hwOpen     hwItemState = iota // not answered
	hwAnswered                    // answered, not marked (deferred) or tries left
	hwRight
	hwWrong
)

// hwItem is one thing the student must do: a question (Pos, its place in
// the attempt) or a challenge (Example, N 1-based).
type hwItem struct {
	Pos     int
	Example string
	N       int
	State   hwItemState
}

// isChallenge tells a challenge from a question.
func (it hwItem) isChallenge() bool { return it.Example != "" }

// id is the item's stable identity on screen.
func (it hwItem) id() string {
	if it.isChallenge() {
		return fmt.Sprintf("hw-ch-%s-%d", it.Example, it.N)
	}
	return fmt.Sprintf("hw-q-%d", it.Pos+1)
}

// deferred: nothing is marked until the teacher grades.
func (w *hwWork) deferred() bool { return w.att.Mode == quiz.Deferred }

// items lists the student's questions, then every challenge.
func (w *hwWork) items() []hwItem {
	var out []hwItem
	for pos, r := range w.att.Responses {
		st := hwOpen
		switch {
		case r.Tries == 0:
		case !r.Done || w.deferred():
			st = hwAnswered
		case r.Correct:
			st = hwRight
		default:
			st = hwWrong
		}
		out = append(out, hwItem{Pos: pos, State: st})
	}
	for _, name := range w.a.Challenges {
		for i := range w.challenges[name] {
			it := hwItem{Example: name, N: i + 1}
			if m, ok := w.challengeMark(name, i+1); ok {
				it.State = hwAnswered
				if !w.deferred() {
					it.State = hwWrong
					if m.Right {
						it.State = hwRight
					}
				}
			}
			out = append(out, it)
		}
	}
	return out
}

// done counts the items answered.
func (w *hwWork) done() (answered, total int) {
	for _, it := range w.items() {
		total++
		if it.State != hwOpen {
			answered++
		}
	}
	return answered, total
}

// answer checks a try at the question at pos (answer indices) and logs
// it: the feedback is what the replayed attempt says, and a try the
// attempt refuses (a closed question) is not logged.
func (w *hwWork) answer(pos int, chosen []int, now time.Time) (quiz.Feedback, error) {
	fb, err := w.prog.Attempt(w.a, w.q).Answer(pos, chosen)
	if err != nil {
		return fb, err
	}
	nums := make([]int, len(chosen))
	for k, c := range chosen {
		nums[k] = c + 1 // the log holds answer numbers, as the file counts them
	}
	w.prog.Record(w.att.Order[pos]+1, nums, now)
	w.att = w.prog.Attempt(w.a, w.q)
	return fb, nil
}

// recorded is the logged answer to challenge n of an example.
func (w *hwWork) recorded(example string, n int) (homework.ChallengeAnswer, bool) {
	for _, c := range w.prog.Challenges {
		if c.Example == example && c.N == n {
			return c, true
		}
	}
	return homework.ChallengeAnswer{}, false
}

// challengeMark marks the logged answer to challenge n as the grader will.
func (w *hwWork) challengeMark(example string, n int) (predict.Mark, bool) {
	c, ok := w.recorded(example, n)
	chs := w.challenges[example]
	if !ok || n < 1 || n > len(chs) {
		return predict.Mark{}, false
	}
	return chs[n-1].Check(predict.Answer{Order: c.Order, Option: c.Option - 1}), true
}

// answerChallenge logs the answer to challenge n (option 0-based, -1 for
// none); a challenge is answered once.
func (w *hwWork) answerChallenge(example string, n int, order []string, option int, now time.Time) {
	w.prog.RecordChallenge(example, n, order, option+1, now)
}

// save writes the log to the device's storage.
func (w *hwWork) save(plat Platform) error { return plat.Save(w.store, w.prog.Encode()) }

// handIn makes the submission code of the work so far.
func (w *hwWork) handIn(now time.Time) (string, error) {
	return w.prog.HandIn(w.a, now, version.Version)
}
