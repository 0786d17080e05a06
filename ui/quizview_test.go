package ui

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"asyncwithlab/quiz"
)

func viewOf(t *testing.T, src string, mode quiz.Mode) *quizView {
	t.Helper()
	q, err := quiz.Parse("t.md", []byte("---\nshuffleAnswers: false\n---\n"+src))
	require.NoError(t, err)
	return newQuizView(quiz.NewAttempt(q, 1, mode))
}

func TestQuizViewChoices(t *testing.T) {
	v := viewOf(t, "# M\n\n- [x] a\n- [ ] b\n- [x] c\n\n# S\n\n1. [ ] a\n2. [x] b\n", quiz.Immediate)
	v.toggle(0)
	v.toggle(2)
	v.toggle(1)
	v.toggle(1) // unpicked again
	assert.Equal(t, []int{0, 2}, v.picks)
	fb, err := v.check()
	require.NoError(t, err)
	assert.True(t, fb.Correct && fb.Final && fb.Reveal)
	v.toggle(1)
	assert.Equal(t, []int{0, 2}, v.picks, "a closed question no longer changes")

	require.True(t, v.next())
	v.toggle(0)
	v.toggle(1)
	assert.Equal(t, []int{1}, v.picks, "single choice keeps one pick")
	_, err = v.check()
	require.NoError(t, err)
	assert.False(t, v.next(), "the last question")
}

func TestQuizViewSequence(t *testing.T) {
	v := viewOf(t, "# Q\n\n1. one\n2. two\n3. three\n", quiz.Interactive)
	start := append([]int(nil), v.order...)
	assert.NotEqual(t, []int{0, 1, 2}, start, "a sequence starts scrambled")
	// Put it right by moves and a drag.
	for pos := 0; pos < 3; pos++ {
		for i, a := range v.order {
			if a == pos {
				v.reorder(i, pos)
				break
			}
		}
	}
	assert.Equal(t, []int{0, 1, 2}, v.order)
	assert.Equal(t, 1, v.move(0, 1))
	assert.Equal(t, []int{1, 0, 2}, v.order)
	assert.Equal(t, 0, v.move(1, -1))
	assert.Equal(t, 0, v.move(0, -1), "the first item cannot move up")
	fb, err := v.check()
	require.NoError(t, err)
	assert.True(t, fb.Correct)
}

func TestQuizViewInteractiveRetries(t *testing.T) {
	v := viewOf(t, "# S\n\n1. [ ] a\n2. [x] b\n3. [ ] c\n", quiz.Interactive)
	v.toggle(0)
	fb, err := v.check()
	require.NoError(t, err)
	assert.False(t, fb.Correct)
	assert.False(t, fb.Final, "another try is allowed")
	assert.Equal(t, 2, v.triesLeft())
	v.toggle(1)
	fb, err = v.check()
	require.NoError(t, err)
	assert.True(t, fb.Correct && fb.Final)
	assert.InDelta(t, 0.5, v.a.Points(0), 1e-9)
}

func TestQuizViewResumesAtFirstOpenQuestion(t *testing.T) {
	v := viewOf(t, "# A\n\n1. [x] a\n2. [ ] b\n\n# B\n\n1. [x] a\n2. [ ] b\n", quiz.Immediate)
	v.toggle(0)
	_, err := v.check()
	require.NoError(t, err)
	back, err := quiz.DecodeAttempt(v.a.Quiz, v.a.Encode())
	require.NoError(t, err)
	resumed := newQuizView(back)
	assert.Equal(t, 1, resumed.idx)
}

func TestDisplayableNeverLeavesEmoji(t *testing.T) {
	assert.Equal(t, "[link] Opening", displayable("🔗 Opening"))
	assert.Equal(t, "• x", displayable("🦀 x"))
	assert.Equal(t, "plain → arrow", displayable("plain → arrow"))
}
