package homework

import (
	"fmt"
	"io/fs"

	"asyncwithlab/assets"
	"asyncwithlab/quiz"
	"asyncwithlab/quizsim"
)

// builtinBank is the bank an assignment's built-in questions come from.
// Every language's bank holds the same questions, answers and keys in the
// same order (the quiz package's tests check it), so the English one
// grades a student who worked in any language.
const builtinBank = "quiz/en.md"

// LoadQuestions reads the assignment's questions: the built-in bank, the
// embedded text, or the file at Path (read by readPath, which the app
// gives a same-origin fetch and the command line a file read). It keeps
// the chosen questions and refuses questions that changed since the
// assignment was made.
func (a *Assignment) LoadQuestions(readPath func(path string) ([]byte, error)) (*quiz.Quiz, error) {
	q, err := a.source(readPath)
	if err != nil {
		return nil, err
	}
	sub, err := a.pick(q)
	if err != nil {
		return nil, err
	}
	if fp := quiz.Fingerprint(sub); fp != a.Quiz.Fingerprint {
		return nil, fmt.Errorf("the questions changed since the assignment was made (fingerprint %s, the assignment says %s)", fp, a.Quiz.Fingerprint)
	}
	return sub, nil
}

// Seal records the fingerprint of the assignment's questions, read from
// their source; a new assignment is sealed once its settings are final.
func (a *Assignment) Seal(readPath func(path string) ([]byte, error)) error {
	q, err := a.source(readPath)
	if err != nil {
		return err
	}
	sub, err := a.pick(q)
	if err != nil {
		return err
	}
	a.Quiz.Fingerprint = quiz.Fingerprint(sub)
	return nil
}

// source parses the whole quiz the questions come from (an empty one for
// an assignment of challenges only).
func (a *Assignment) source(readPath func(path string) ([]byte, error)) (*quiz.Quiz, error) {
	var name string
	var data []byte
	var err error
	switch s := a.Quiz; {
	case s.Builtin:
		name = builtinBank
		data, err = fs.ReadFile(assets.Banks, builtinBank)
	case s.Text != "":
		name, data = "the assignment's quiz", []byte(s.Text)
	case s.Path != "":
		if readPath == nil {
			return nil, fmt.Errorf("%s: this assignment's quiz is a file on its site; give the file", s.Path)
		}
		name = s.Path
		data, err = readPath(s.Path)
	default:
		return &quiz.Quiz{Name: "no questions", Options: quiz.DefaultOptions}, nil
	}
	if err != nil {
		return nil, err
	}
	if a.Quiz.Builtin {
		return quizsim.Parse(name, data) // the app's own bank has no slips
	}
	// A teacher's file: a broken question is set aside (the student is
	// told which), the rest make the assignment, as the teacher saw when
	// making it.
	return quizsim.Read(name, data)
}

// pick keeps the chosen questions and sets how many each student draws.
func (a *Assignment) pick(q *quiz.Quiz) (*quiz.Quiz, error) {
	sub := *q
	if len(a.Quiz.Questions) > 0 {
		// The teacher chose among the questions that read: the ones set
		// aside are not this assignment's to mention.
		sub.SetAside, sub.Problems = nil, q.FileProblems()
		sub.Questions = nil
		for _, n := range a.Quiz.Questions {
			if n < 1 || n > len(q.Questions) {
				return nil, fmt.Errorf("question %d: %s has %d questions", n, q.Name, len(q.Questions))
			}
			sub.Questions = append(sub.Questions, q.Questions[n-1])
		}
	}
	if a.Draw > 0 && a.Draw < len(sub.Questions) {
		sub.Options.NQuestions = a.Draw
		sub.Options.ShuffleQuestions = true
	}
	return &sub, nil
}

// NewAttempt starts student's attempt at the questions q (from
// LoadQuestions) with the seed of their variant, in the assignment's
// feedback mode and tries: the app and the grader both use it, so a
// re-graded code scores what the student saw.
func (a *Assignment) NewAttempt(q *quiz.Quiz, seed uint64) *quiz.Attempt {
	at := quiz.NewAttempt(q, seed, Modes[a.Mode])
	if a.Penalty > 0 {
		at.Penalty = a.Penalty
	}
	at.MaxTries = a.Tries
	return at
}
