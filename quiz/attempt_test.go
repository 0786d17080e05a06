package quiz_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"asyncwithlab/quiz"
)

const sample = "---\nshuffleQuestions: true\npassingGrade: 50\n---\n" +
	"# S\n\n1. [ ] a\n2. [x] b\n3. [ ] c\n\n" +
	"# M\n\n- [x] a\n- [ ] b\n- [x] c\n- [ ] d\n\n" +
	"# Q\n\n1. one\n2. two\n3. three\n4. four\n"

func TestShufflingIsDeterministic(t *testing.T) {
	q := parse(t, sample)
	a := quiz.NewAttempt(q, 7, quiz.Immediate)
	b := quiz.NewAttempt(q, 7, quiz.Immediate)
	assert.Equal(t, a.Order, b.Order)
	assert.Equal(t, a.Shown, b.Shown)
	// These are what PCG gives for seed 7 on every platform: a homework
	// link carrying the seed must show every student the same quiz.
	assert.Equal(t, []int{2, 0, 1}, a.Order)
	assert.Equal(t, [][]int{{1, 2, 0, 3}, {1, 0, 2}, {0, 2, 1, 3}}, a.Shown)
	for seed := uint64(0); seed < 50; seed++ {
		at := quiz.NewAttempt(q, seed, quiz.Immediate)
		for i, shown := range at.Shown {
			if at.Question(i).Type == quiz.Sequence {
				assert.NotEqual(t, []int{0, 1, 2, 3}, shown, "a sequence never starts in order (seed %d)", seed)
			}
		}
	}
}

func TestNQuestionsAndNoShuffle(t *testing.T) {
	q := parse(t, "---\nnQuestions: 2\nshuffleAnswers: false\n---\n"+sample[strings.Index(sample, "# S"):])
	a := quiz.NewAttempt(q, 7, quiz.Deferred)
	assert.Equal(t, []int{0, 1}, a.Order)
	assert.Equal(t, []int{0, 1, 2}, a.Shown[0])
}

func indexOf(a *quiz.Attempt, title string) int {
	for i := range a.Order {
		if quiz.PlainText(a.Question(i).Title) == title {
			return i
		}
	}
	return -1
}

func TestScoringModes(t *testing.T) {
	q := parse(t, sample)
	tests := []struct {
		name    string
		mode    quiz.Mode
		partial bool
		answers map[string][][]int // title -> successive tries
		points  map[string]float64
	}{
		{"immediate all right", quiz.Immediate, false,
			map[string][][]int{"S": {{1}}, "M": {{2, 0}}, "Q": {{0, 1, 2, 3}}},
			map[string]float64{"S": 1, "M": 1, "Q": 1}},
		{"multiple needs the exact set", quiz.Immediate, false,
			map[string][][]int{"M": {{0}}, "Q": {{1, 0, 2, 3}}},
			map[string]float64{"M": 0, "Q": 0}},
		{"partial credit", quiz.Deferred, true,
			map[string][][]int{"M": {{0, 1, 2}}},
			map[string]float64{"M": 0.5}},
		{"interactive penalty per wrong try", quiz.Interactive, false,
			map[string][][]int{"S": {{0}, {1}}, "M": {{0}, {1}, {0, 2}}},
			map[string]float64{"S": 0.5, "M": 0}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := quiz.NewAttempt(q, 1, tc.mode)
			a.PartialCredit = tc.partial
			for title, tries := range tc.answers {
				i := indexOf(a, title)
				for _, c := range tries {
					fb, err := a.Answer(i, c)
					require.NoError(t, err)
					assert.Equal(t, tc.mode == quiz.Deferred, fb.Final && !fb.Reveal, "deferred mode reveals nothing yet")
				}
			}
			for title, want := range tc.points {
				assert.InDelta(t, want, a.Points(indexOf(a, title)), 1e-9, title)
			}
		})
	}
}

func TestAnswerChecks(t *testing.T) {
	q := parse(t, sample)
	a := quiz.NewAttempt(q, 3, quiz.Immediate)
	s, m, seq := indexOf(a, "S"), indexOf(a, "M"), indexOf(a, "Q")
	_, err := a.Answer(s, []int{0, 1})
	assert.ErrorContains(t, err, "exactly one")
	_, err = a.Answer(m, []int{9})
	assert.ErrorContains(t, err, "does not exist")
	_, err = a.Answer(seq, []int{0, 1})
	assert.ErrorContains(t, err, "orders all 4 items")
	_, err = a.Answer(m, []int{0, 0})
	assert.ErrorContains(t, err, "twice")
	_, err = a.Answer(s, []int{1})
	require.NoError(t, err)
	_, err = a.Answer(s, []int{1})
	assert.ErrorIs(t, err, quiz.ErrClosed)
	_, err = a.Answer(5, []int{1})
	assert.Error(t, err)
}

func TestScoreAndPassingGrade(t *testing.T) {
	q := parse(t, sample)
	a := quiz.NewAttempt(q, 9, quiz.Immediate)
	_, err := a.Answer(indexOf(a, "S"), []int{1})
	require.NoError(t, err)
	_, err = a.Answer(indexOf(a, "M"), []int{0, 2})
	require.NoError(t, err)
	s := a.Score()
	assert.Equal(t, 3, s.Max)
	assert.Equal(t, 2, s.Answered)
	assert.InDelta(t, 66.67, s.Percent, 0.01)
	assert.True(t, s.Passed)
	assert.False(t, a.Finished())
}

func TestAttemptRoundTrip(t *testing.T) {
	q := parse(t, sample)
	a := quiz.NewAttempt(q, 123456789, quiz.Interactive)
	_, err := a.Answer(0, a.Shown[0][:1])
	require.NoError(t, err)
	if a.Question(1).Type == quiz.Sequence {
		_, err = a.Answer(1, []int{3, 2, 1, 0})
	} else {
		_, err = a.Answer(1, []int{0})
	}
	require.NoError(t, err)
	enc := a.Encode()
	assert.True(t, strings.HasPrefix(enc, "q1.r50."))
	back, err := quiz.DecodeAttempt(q, enc)
	require.NoError(t, err)
	assert.Equal(t, a.Order, back.Order)
	assert.Equal(t, a.Shown, back.Shown)
	assert.Equal(t, a.Responses, back.Responses)
	assert.Equal(t, enc, back.Encode())
}

func TestDecodeAttemptRejectsDamage(t *testing.T) {
	q := parse(t, sample)
	good := quiz.NewAttempt(q, 5, quiz.Immediate).Encode()
	other := parse(t, "# X\n\n- [x] a\n- [ ] b\n")
	tests := map[string]string{
		"":           "expected",
		"q2.i.5.abc": "expected",
		strings.Replace(good, ".i50.", ".z50.", 1):         "unknown mode",
		strings.Replace(good, ".i50.", ".i500.", 1):        "not a percentage",
		"q1.i50.!!." + quiz.Fingerprint(q) + "._._._":      "seed",
		quiz.NewAttempt(other, 5, quiz.Immediate).Encode(): "different version",
		good + "._":                            "responses for",
		strings.TrimSuffix(good, "_") + "1-%%": "not an answer",
		strings.TrimSuffix(good, "_") + "x-1":  "expected <tries>",
	}
	for in, want := range tests {
		_, err := quiz.DecodeAttempt(q, in)
		require.Error(t, err, in)
		assert.Contains(t, err.Error(), want, in)
	}
}

func TestSettingsSurviveSaving(t *testing.T) {
	q := parse(t, sample)
	a := quiz.NewAttempt(q, 11, quiz.Deferred)
	a.PartialCredit, a.Penalty = true, 0.25
	m := indexOf(a, "M")
	_, err := a.Answer(m, []int{0, 1, 2})
	require.NoError(t, err)
	assert.InDelta(t, 0.5, a.Points(m), 1e-9)
	back, err := quiz.DecodeAttempt(q, a.Encode())
	require.NoError(t, err)
	assert.True(t, back.PartialCredit)
	assert.InDelta(t, 0.25, back.Penalty, 1e-9)
	assert.InDelta(t, 0.5, back.Points(m), 1e-9, "a teacher grading the saved string gets the student's score")
}

func TestDeferredAnswersCanChangeUntilTheReview(t *testing.T) {
	q := parse(t, sample)
	a := quiz.NewAttempt(q, 2, quiz.Deferred)
	s := indexOf(a, "S")
	fb, err := a.Answer(s, []int{0})
	require.NoError(t, err)
	assert.False(t, fb.Correct || fb.Reveal, "deferred mode judges nothing before the review")
	_, err = a.Answer(s, []int{1})
	require.NoError(t, err)
	assert.Equal(t, 1, a.Responses[s].Tries)
	assert.Equal(t, 1.0, a.Points(s))
}

func TestInteractivePenaltyAppliesToPartialCredit(t *testing.T) {
	q := parse(t, sample)
	a := quiz.NewAttempt(q, 2, quiz.Interactive)
	a.PartialCredit = true
	m := indexOf(a, "M")
	_, err := a.Answer(m, []int{0})
	require.NoError(t, err)
	assert.Zero(t, a.Points(m), "an open question scores nothing yet")
	for i := 0; i < 3; i++ {
		_, _ = a.Answer(m, []int{0})
	}
	assert.True(t, a.Responses[m].Done)
	assert.Zero(t, a.Points(m), "half right after four tries costs the penalty too")
}

func TestDecodeRefusesImpossibleStates(t *testing.T) {
	q := parse(t, sample)
	fp := quiz.Fingerprint(q)
	a := quiz.NewAttempt(q, 1, quiz.Immediate)
	s := indexOf(a, "S")
	resp := []string{"_", "_", "_"}
	resp[s] = "5-0"
	_, err := quiz.DecodeAttempt(q, "q1.i50.1."+fp+"."+strings.Join(resp, "."))
	assert.ErrorContains(t, err, "5 tries; this mode allows 1")
	resp[s] = "1-1"
	_, err = quiz.DecodeAttempt(q, "q1.i50.1."+fp+"."+strings.Join(resp, "."))
	assert.ErrorContains(t, err, "inconsistent")
}

func TestFingerprintSeesOptionsAndAnswers(t *testing.T) {
	a := parse(t, "# Q\n\n- [x] a\n- [ ] b\n")
	b := parse(t, "# Q\n\n- [x] a\n- [ ] c\n")
	c := parse(t, "---\nshuffleQuestions: true\n---\n# Q\n\n- [x] a\n- [ ] b\n")
	assert.NotEqual(t, quiz.Fingerprint(a), quiz.Fingerprint(b))
	assert.NotEqual(t, quiz.Fingerprint(a), quiz.Fingerprint(c))
}
