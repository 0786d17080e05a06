package homework

import (
	"encoding/json"
	"fmt"
	"time"

	"asyncwithlab/quiz"
)

// Progress is a student's work on an assignment so far, kept on their
// device (per assignment) and turned into a code when handed in. It is a
// log of raw answers: the attempt the screen shows is rebuilt from it by
// replaying the tries, exactly as the grader does, so what the student
// sees and what the teacher grades cannot differ.
type Progress struct {
	Assignment string `json:"a"`
	Student    string `json:"u"`
	Seed       uint64 `json:"-"`
	// Questions and Challenges are as in a Submission.
	Questions  []QuestionAnswer  `json:"q,omitempty"`
	Challenges []ChallengeAnswer `json:"c,omitempty"`
	// HandedIn is when the last code was made (0: never).
	HandedIn int64 `json:"t,omitempty"`
}

// progressJSON is the stored form (the seed as hexadecimal text).
type progressJSON struct {
	Progress
	Seed string `json:"s"`
}

// Start begins a student's work on an assignment with their variant's
// seed (from their link, or ClassSeed of the name they typed).
func Start(a *Assignment, student string, seed uint64) *Progress {
	return &Progress{Assignment: a.ID, Student: student, Seed: seed}
}

// Record adds a try at question number q (1-based in the assignment's
// quiz); chosen are answer numbers (1-based).
func (p *Progress) Record(q int, chosen []int, at time.Time) {
	try := Try{Chosen: append([]int(nil), chosen...), At: at.Unix()}
	for i := range p.Questions {
		if p.Questions[i].Q == q {
			p.Questions[i].Tries = append(p.Questions[i].Tries, try)
			return
		}
	}
	p.Questions = append(p.Questions, QuestionAnswer{Q: q, Tries: []Try{try}})
}

// RecordChallenge keeps the answer to challenge n (1-based) of an
// example; a challenge is answered once.
func (p *Progress) RecordChallenge(example string, n int, order []string, option int, at time.Time) {
	for _, c := range p.Challenges {
		if c.Example == example && c.N == n {
			return
		}
	}
	p.Challenges = append(p.Challenges, ChallengeAnswer{Example: example, N: n, Order: append([]string(nil), order...), Option: option, At: at.Unix()})
}

// Attempt rebuilds the student's attempt at questions q (from
// LoadQuestions) by replaying every try: its responses and score are
// what the grader will compute.
func (p *Progress) Attempt(a *Assignment, q *quiz.Quiz) *quiz.Attempt {
	at := a.NewAttempt(q, p.Seed)
	pos := map[int]int{}
	for i, qi := range at.Order {
		pos[qi+1] = i
	}
	for _, qa := range p.Questions {
		i, ok := pos[qa.Q]
		if !ok {
			continue
		}
		for _, try := range qa.Tries {
			chosen := make([]int, len(try.Chosen))
			for k, c := range try.Chosen {
				chosen[k] = c - 1
			}
			at.Answer(i, chosen) // a try the attempt refuses is left out, as the grader does
		}
	}
	return at
}

// HandIn makes the code of the work so far, at the time now; app is the
// app's version.
func (p *Progress) HandIn(a *Assignment, now time.Time, app string) (string, error) {
	s := &Submission{Assignment: a.ID, Fingerprint: a.Fingerprint(), Student: p.Student, Seed: p.Seed,
		Questions: p.Questions, Challenges: p.Challenges, HandedIn: now.Unix(), App: app}
	code, err := s.Encode()
	if err != nil {
		return "", err
	}
	p.HandedIn = s.HandedIn
	return code, nil
}

// Encode is the progress as text for the device's storage.
func (p *Progress) Encode() string {
	data, _ := json.Marshal(progressJSON{*p, fmt.Sprintf("%x", p.Seed)})
	return string(data)
}

// DecodeProgress reads stored progress; what cannot be read is an error
// the app reports (keeping the text aside), never a crash.
func DecodeProgress(s string) (*Progress, error) {
	var w progressJSON
	if err := strictJSON([]byte(s), &w); err != nil {
		return nil, fmt.Errorf("saved homework %v", err)
	}
	p := w.Progress
	if _, err := fmt.Sscanf(w.Seed, "%x", &p.Seed); err != nil {
		return nil, fmt.Errorf("saved homework: the seed %q is not a hexadecimal number", w.Seed)
	}
	sub := Submission{Student: p.Student, Questions: p.Questions, Challenges: p.Challenges}
	if err := sub.check(); err != nil {
		return nil, fmt.Errorf("saved homework: %v", err)
	}
	return &p, nil
}
