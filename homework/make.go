package homework

import (
	"fmt"
	"strings"

	"asyncwithlab/quiz"
	"asyncwithlab/quizsim"
)

// Spec is what a teacher chooses for a new assignment. The Teacher screen
// and lab assign both fill one in and call Make, so the two give the same
// assignments from the same choices.
type Spec struct {
	Title string
	// Questions picks questions: "all" (or ""), "none", or numbers such
	// as 1-3,5 of the built-in bank or of QuizFile.
	Questions string
	// QuizFile is a teacher's own quizdown file (nil: the built-in bank),
	// and QuizName its name, for messages.
	QuizFile []byte
	QuizName string
	// QuizPath, with QuizFile, is the file's path on the site that serves
	// the app: the link references it instead of embedding the file. A
	// file bigger than MaxEmbeddedQuiz needs one.
	QuizPath   string
	Challenges []string
	Mode       string
	Penalty    float64
	Tries      int
	Pass       int
	Draw       int
	Due        string
}

// Made is a new assignment, checked and sealed: its questions, its class
// link's fragment and the teacher's new key.
type Made struct {
	Assignment *Assignment
	Questions  *quiz.Quiz
	Key        Key
	// Class is the class link's fragment (students type their name).
	Class string
}

// Make builds an assignment from a spec, with a new ID and a new key. It
// refuses what a student could not take or a teacher could not grade,
// naming the setting.
func Make(s Spec) (*Made, error) {
	id, err := NewID()
	if err != nil {
		return nil, err
	}
	a := &Assignment{ID: id, Title: strings.TrimSpace(s.Title), Mode: s.Mode, Penalty: s.Penalty, Tries: s.Tries,
		PassingGrade: s.Pass, Draw: s.Draw, Due: strings.TrimSpace(s.Due)}
	a.Challenges = append(a.Challenges, s.Challenges...)
	qs := strings.ToLower(strings.TrimSpace(s.Questions))
	var readPath func(string) ([]byte, error)
	switch {
	case s.QuizFile != nil:
		name := s.QuizName
		if name == "" {
			name = "your quiz file"
		}
		// Read it once under its own name, so that its mistakes are
		// reported as the teacher knows it. A broken question is set
		// aside, as the Teacher screen shows; only a file with no usable
		// question is refused.
		if _, err := quizsim.Read(name, s.QuizFile); err != nil {
			return nil, err
		}
		path := strings.TrimSpace(s.QuizPath)
		switch {
		case path != "":
			a.Quiz.Path = path
			readPath = func(string) ([]byte, error) { return s.QuizFile, nil }
		case len(s.QuizFile) > MaxEmbeddedQuiz:
			return nil, fmt.Errorf("%s is %d bytes, too big to embed in a link (at most %d): put it on the app's site and give its path", name, len(s.QuizFile), MaxEmbeddedQuiz)
		default:
			a.Quiz.Text = string(s.QuizFile)
		}
	case qs != "none":
		a.Quiz.Builtin = true
	}
	if qs != "" && qs != "all" && qs != "none" {
		if a.Quiz.Questions, err = ParseQuestionNumbers(qs); err != nil {
			return nil, fmt.Errorf("questions: %v", err)
		}
	}
	if err := a.Check(); err != nil {
		return nil, err
	}
	if err := a.Seal(readPath); err != nil {
		return nil, err
	}
	q, err := a.LoadQuestions(readPath)
	if err != nil {
		return nil, err
	}
	if _, err := NewGrader(a, q, nil); err != nil {
		return nil, err
	}
	class, err := Link{Assignment: a}.Encode()
	if err != nil {
		return nil, err
	}
	key, err := NewKey()
	if err != nil {
		return nil, err
	}
	return &Made{Assignment: a, Questions: q, Key: key, Class: class}, nil
}
