package homework_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"asyncwithlab/homework"
)

// TestProgressIsWhatIsGraded: the student's device keeps raw tries; the
// attempt it rebuilds scores what the grader gives the code it hands in,
// and progress survives storage.
func TestProgressIsWhatIsGraded(t *testing.T) {
	a, q := week3(t)
	seed := fixedKey.StudentSeed(a.ID, "Ana")
	p := homework.Start(a, "Ana", seed)
	at := p.Attempt(a, q)
	now := time.Unix(1765000000, 0)
	for i, qi := range at.Order {
		for _, tr := range wrongThenRight(i, at.Question(i)) {
			p.Record(qi+1, tr, now)
		}
	}
	p.RecordChallenge("aenter-fails", 1, []string{"x"}, 0, now)
	p.RecordChallenge("aenter-fails", 1, []string{"y"}, 0, now) // answered once
	require.Len(t, p.Challenges, 1)

	stored, err := homework.DecodeProgress(p.Encode())
	require.NoError(t, err)
	assert.Equal(t, p, stored)

	seen := stored.Attempt(a, q).Score()
	code, err := stored.HandIn(a, now.Add(time.Hour), "test")
	require.NoError(t, err)
	assert.Equal(t, now.Add(time.Hour).Unix(), stored.HandedIn)
	g, err := homework.NewGrader(a, q, &fixedKey)
	require.NoError(t, err)
	r := g.Grade([]string{code})
	require.Len(t, r.Rows, 1)
	questions := 0.0
	for k, c := range r.Columns {
		if c.Question > 0 {
			questions += r.Rows[0].Points[k]
		}
	}
	assert.InDelta(t, seen.Points, questions, 1e-9, "the screen's score is the grader's")
	assert.Less(t, seen.Points, 3.0, "the wrong try cost")
}

func TestBadSavedProgress(t *testing.T) {
	for _, bad := range []string{"", "{", `{"a":"x","u":"Ana","s":"zz"}`, `{"a":"x","u":"","s":"1"}`, `{"a":"x","u":"A","s":"1","extra":1}`} {
		_, err := homework.DecodeProgress(bad)
		require.Error(t, err, bad)
		assert.Contains(t, err.Error(), "saved homework")
	}
}
