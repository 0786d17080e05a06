package quiz

import (
	"errors"
	"fmt"
	"hash/fnv"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
)

// Mode is how feedback is given.
type Mode int

const (
	// Immediate checks each question as it is answered and shows the
	// explanation.
	Immediate Mode = iota
	// Deferred takes every answer first, then reviews them all with the
	// correct answers shown.
	Deferred
	// Interactive lets the learner try again after a wrong answer; each
	// wrong try costs Penalty of the question's point.
	Interactive
)

var modeCodes = []string{"i", "d", "r"}

// Attempt is one learner's pass through a quiz. Its order of questions and
// answers comes from Seed alone, so the same seed gives the same quiz on
// every platform (a homework link carries the seed).
type Attempt struct {
	Quiz *Quiz
	Seed uint64
	Mode Mode
	// Penalty is the share of a point each wrong try costs in Interactive mode.
	Penalty float64
	// PartialCredit scores multiple choice by (right picks - wrong picks) /
	// keys instead of all or nothing.
	PartialCredit bool
	// MaxTries is how many checks Interactive mode allows a question (0:
	// as many as it has answers); an assignment may set it.
	MaxTries int
	// Order lists the questions asked, as indices into Quiz.Questions.
	Order []int
	// Shown[i] is the order in which question Order[i]'s answers are
	// shown, as indices into its Answers.
	Shown [][]int
	// Responses[i] is the response to question Order[i].
	Responses []Response
}

// Response is the answer given to one question.
type Response struct {
	// Chosen holds answer indices (into Question.Answers): the picked
	// options, or for a sequence the learner's whole order.
	Chosen []int
	// Tries counts the checks made (several in Interactive mode).
	Tries int
	// Done: the question is answered and checked; no more tries.
	Done bool
	// Correct: the last check was right.
	Correct bool
}

// NewAttempt starts an attempt. Questions are shuffled when the quiz's
// options say so, and only NQuestions of them are kept when it is set.
func NewAttempt(q *Quiz, seed uint64, mode Mode) *Attempt {
	a := &Attempt{Quiz: q, Seed: seed, Mode: mode, Penalty: 0.5}
	r := rand.New(rand.NewPCG(seed, 0xa5f0_0d5e))
	a.Order = make([]int, len(q.Questions))
	for i := range a.Order {
		a.Order[i] = i
	}
	if q.Options.ShuffleQuestions {
		shuffle(r, a.Order)
	}
	if n := q.Options.NQuestions; n > 0 && n < len(a.Order) {
		a.Order = a.Order[:n]
	}
	a.Shown = make([][]int, len(a.Order))
	for i, qi := range a.Order {
		qq := q.Questions[qi]
		shown := make([]int, len(qq.Answers))
		for j := range shown {
			shown[j] = j
		}
		switch {
		case qq.Type == Sequence:
			// A sequence starts scrambled, never already in order.
			shuffle(r, shown)
			if isIdentity(shown) && len(shown) > 1 {
				shown = append(shown[1:], shown[0])
			}
		case qq.ShuffleAnswers != nil && *qq.ShuffleAnswers, qq.ShuffleAnswers == nil && q.Options.ShuffleAnswers:
			shuffle(r, shown)
		}
		a.Shown[i] = shown
	}
	a.Responses = make([]Response, len(a.Order))
	return a
}

// shuffle is Fisher–Yates with a PCG generator: the same on every platform.
func shuffle(r *rand.Rand, s []int) {
	for i := len(s) - 1; i > 0; i-- {
		j := r.IntN(i + 1)
		s[i], s[j] = s[j], s[i]
	}
}

func isIdentity(s []int) bool {
	for i, v := range s {
		if i != v {
			return false
		}
	}
	return true
}

// Question is the i-th question asked.
func (a *Attempt) Question(i int) *Question { return a.Quiz.Questions[a.Order[i]] }

// Feedback says what a check found.
type Feedback struct {
	Correct bool
	// Final: the question is closed (right, out of tries, or any answer in
	// Immediate and Deferred modes).
	Final bool
	// Reveal: show the correct answers and the explanation now.
	Reveal bool
}

// ErrClosed is returned when answering a question that is already done.
var ErrClosed = errors.New("this question is already answered")

// Answer records and checks a response to the i-th question asked.
func (a *Attempt) Answer(i int, chosen []int) (Feedback, error) {
	if i < 0 || i >= len(a.Order) {
		return Feedback{}, fmt.Errorf("there is no question %d", i+1)
	}
	q := a.Question(i)
	if err := validChoice(q, chosen); err != nil {
		return Feedback{}, err
	}
	r := &a.Responses[i]
	if r.Done && a.Mode != Deferred {
		return Feedback{}, ErrClosed
	}
	r.Chosen = slices.Clone(chosen)
	r.Correct = isCorrect(q, chosen)
	switch a.Mode {
	case Interactive:
		r.Tries++
		r.Done = r.Correct || r.Tries >= a.maxTries(q)
	case Deferred:
		// The answer may change until the review: it is one try, unjudged.
		r.Tries, r.Done = 1, true
		return Feedback{Final: true}, nil
	default:
		r.Tries++
		r.Done = true
	}
	return Feedback{Correct: r.Correct, Final: r.Done, Reveal: r.Done}, nil
}

// maxTries is how many checks Interactive mode allows a question: as many
// as it has answers, unless the attempt sets fewer or more.
func (a *Attempt) maxTries(q *Question) int {
	if a.MaxTries > 0 {
		return a.MaxTries
	}
	return len(q.Answers)
}

func validChoice(q *Question, chosen []int) error {
	seen := make([]bool, len(q.Answers))
	for _, c := range chosen {
		if c < 0 || c >= len(q.Answers) {
			return fmt.Errorf("answer %d does not exist; the question has %d", c+1, len(q.Answers))
		}
		if seen[c] {
			return fmt.Errorf("answer %d is chosen twice", c+1)
		}
		seen[c] = true
	}
	switch {
	case q.Type == Sequence && len(chosen) != len(q.Answers):
		return fmt.Errorf("a sequence answer orders all %d items", len(q.Answers))
	case q.Type == Single && len(chosen) != 1:
		return errors.New("a single-choice question takes exactly one answer")
	case len(chosen) == 0:
		return errors.New("choose at least one answer")
	}
	return nil
}

// isCorrect is quizdown's rule: the chosen set equals the keys (for a
// sequence, the order is the written order).
func isCorrect(q *Question, chosen []int) bool {
	if q.Type == Sequence {
		return isIdentity(chosen)
	}
	got := slices.Sorted(slices.Values(chosen))
	return slices.Equal(got, q.Keys())
}

// Points is the score of the i-th question, from 0 to 1; an open question
// scores nothing yet.
func (a *Attempt) Points(i int) float64 {
	r := a.Responses[i]
	if !r.Done {
		return 0
	}
	q := a.Question(i)
	pts := 0.0
	switch {
	case r.Correct:
		pts = 1
	case a.PartialCredit && q.Type == Multiple:
		right, wrong := 0, 0
		for _, c := range r.Chosen {
			if q.Answers[c].Correct {
				right++
			} else {
				wrong++
			}
		}
		pts = max(0, float64(right-wrong)/float64(len(q.Keys())))
	}
	if a.Mode == Interactive {
		pts -= a.Penalty * float64(r.Tries-1)
	}
	return max(0, pts)
}

// Score sums an attempt.
type Score struct {
	Points   float64 // sum of Points
	Max      int     // number of questions asked
	Answered int
	Percent  float64
	// Passed is set when the quiz has a passing grade and Percent reaches it.
	Passed bool
}

// Score is the attempt's result so far.
func (a *Attempt) Score() Score {
	s := Score{Max: len(a.Order)}
	for i, r := range a.Responses {
		if r.Done {
			s.Answered++
		}
		s.Points += a.Points(i)
	}
	if s.Max > 0 {
		s.Percent = 100 * s.Points / float64(s.Max)
	}
	// A small tolerance: 2/3 + 1/3 is not quite 1 in floating point.
	s.Passed = a.Quiz.Options.PassingGrade > 0 && s.Percent+1e-9 >= float64(a.Quiz.Options.PassingGrade)
	return s
}

// Finished reports whether every question asked is done.
func (a *Attempt) Finished() bool {
	for _, r := range a.Responses {
		if !r.Done {
			return false
		}
	}
	return true
}

// Fingerprint identifies a quiz's content: saved attempts refuse to load
// against a different quiz.
func Fingerprint(q *Quiz) string {
	h := fnv.New32a()
	o := q.Options
	fmt.Fprintf(h, "%v|%v|%d|", o.ShuffleAnswers, o.ShuffleQuestions, o.NQuestions)
	for _, qq := range q.Questions {
		h.Write([]byte(PlainText(qq.Title)))
		fmt.Fprintf(h, "|%d|%v", qq.Type, qq.Keys())
		if qq.ShuffleAnswers != nil { // only when set: older fingerprints stay the same
			fmt.Fprintf(h, "|s%v", *qq.ShuffleAnswers)
		}
		for _, ans := range qq.Answers {
			h.Write([]byte("|" + PlainText(ans.Text)))
		}
	}
	return strconv.FormatUint(uint64(h.Sum32()), 36)
}

// Encode writes the attempt compactly, e.g. "q1.r50p.1kz2.a3f.1-1!.2-30!._":
// format; mode (i, d or r) with the interactive penalty in percent and "p"
// for partial credit; seed; quiz fingerprint; then one response a question
// (tries, "-" and the chosen answers as base-36 digits; "_" unanswered; a
// trailing "!" closes a question).
func (a *Attempt) Encode() string {
	var b strings.Builder
	b.WriteString("q1.")
	if a.Mode >= 0 && int(a.Mode) < len(modeCodes) {
		b.WriteString(modeCodes[a.Mode])
	} else {
		b.WriteString(modeCodes[Immediate])
	}
	b.WriteString(strconv.Itoa(int(math.Round(a.Penalty * 100))))
	if a.PartialCredit {
		b.WriteByte('p')
	}
	b.WriteByte('.')
	b.WriteString(strconv.FormatUint(a.Seed, 36))
	b.WriteByte('.')
	b.WriteString(Fingerprint(a.Quiz))
	for _, r := range a.Responses {
		b.WriteByte('.')
		if r.Tries == 0 {
			b.WriteByte('_')
			continue
		}
		b.WriteString(strconv.Itoa(r.Tries))
		b.WriteByte('-')
		for _, c := range r.Chosen {
			b.WriteString(strconv.FormatInt(int64(c), 36))
		}
		if r.Done {
			b.WriteByte('!')
		}
	}
	return b.String()
}

// DecodeAttempt restores an attempt saved by Encode for the same quiz. A
// damaged or foreign string gets an error saying what is wrong.
func DecodeAttempt(q *Quiz, s string) (*Attempt, error) {
	if len(s) > 64<<10 {
		return nil, errors.New("saved attempt: too long")
	}
	parts := strings.Split(s, ".")
	if len(parts) < 4 || parts[0] != "q1" {
		return nil, errors.New(`saved attempt: expected "q1.<mode>.<seed>.<quiz>..."`)
	}
	settings := parts[1]
	partial := strings.HasSuffix(settings, "p")
	settings = strings.TrimSuffix(settings, "p")
	if settings == "" {
		return nil, errors.New("saved attempt: the mode is missing")
	}
	mode := slices.Index(modeCodes, settings[:1])
	if mode < 0 {
		return nil, fmt.Errorf("saved attempt: unknown mode %q (expected i, d or r)", settings[:1])
	}
	penalty, err := strconv.Atoi(settings[1:])
	if err != nil || penalty < 0 || penalty > 100 {
		return nil, fmt.Errorf("saved attempt: the penalty %q is not a percentage", settings[1:])
	}
	seed, err := strconv.ParseUint(parts[2], 36, 64)
	if err != nil {
		return nil, fmt.Errorf("saved attempt: the seed %q is not a number", parts[2])
	}
	if parts[3] != Fingerprint(q) {
		return nil, errors.New("saved attempt: it belongs to a different version of this quiz")
	}
	a := NewAttempt(q, seed, Mode(mode))
	a.Penalty, a.PartialCredit = float64(penalty)/100, partial
	resp := parts[4:]
	if len(resp) != len(a.Order) {
		return nil, fmt.Errorf("saved attempt: %d responses for %d questions", len(resp), len(a.Order))
	}
	for i, p := range resp {
		if p == "_" {
			continue
		}
		r := &a.Responses[i]
		tries, rest, ok := strings.Cut(p, "-")
		n, err := strconv.Atoi(tries)
		if !ok || err != nil || n < 1 || n > 100 {
			return nil, fmt.Errorf("saved attempt: response %d: expected <tries>-<answers>, got %q", i+1, p)
		}
		r.Tries = n
		if strings.HasSuffix(rest, "!") {
			r.Done, rest = true, strings.TrimSuffix(rest, "!")
		}
		for _, c := range rest {
			v, err := strconv.ParseInt(string(c), 36, 64)
			if err != nil {
				return nil, fmt.Errorf("saved attempt: response %d: %q is not an answer", i+1, c)
			}
			r.Chosen = append(r.Chosen, int(v))
		}
		if err := validChoice(a.Question(i), r.Chosen); err != nil {
			return nil, fmt.Errorf("saved attempt: response %d: %v", i+1, err)
		}
		r.Correct = isCorrect(a.Question(i), r.Chosen)
		// Only states Answer can reach are accepted.
		limit := 1
		if a.Mode == Interactive {
			limit = a.maxTries(a.Question(i))
		}
		switch {
		case r.Tries > limit:
			return nil, fmt.Errorf("saved attempt: response %d: %d tries; this mode allows %d", i+1, r.Tries, limit)
		case a.Mode != Interactive && !r.Done, r.Correct && !r.Done, a.Mode == Interactive && !r.Done && r.Tries >= limit:
			return nil, fmt.Errorf("saved attempt: response %d is inconsistent (tries %d, closed %v)", i+1, r.Tries, r.Done)
		}
	}
	return a, nil
}
