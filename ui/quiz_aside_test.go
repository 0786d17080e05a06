package ui

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"asyncwithlab/homework"
)

// brokenQuiz has a question with no key between two good ones, and an
// option the app does not know.
const brokenQuiz = "---\nshuffleQuestions: perhaps\n---\n\n# First\n\n- [x] a\n- [ ] b\n\n# Forgot the key\n\n- [ ] a\n- [ ] b\n\n# Last\n\n- [x] a\n- [ ] b\n"

// TestQuizWithABrokenQuestionLoadsTheRest: a quiz file with a broken
// question opens with the others, and the quiz screen names what was
// left out (the question, its line, what is wrong, and the file's other
// problem) until the learner hides it.
func TestQuizWithABrokenQuestionLoadsTheRest(t *testing.T) {
	path := filepath.Join(t.TempDir(), "week3.md")
	require.NoError(t, os.WriteFile(path, []byte(brokenQuiz), 0o644))
	g := newSimGame(t, Config{QuizFile: path, Seed: 1}, newMemPlatform())
	l := <-g.loading // as Update takes it
	g.custom, g.customErr, g.loading = l.q, l.err, nil
	require.NoError(t, g.customErr)
	g.startQuiz()
	qs, ok := g.scene.(*quizScene)
	require.True(t, ok, "the quiz opens")
	assert.Len(t, qs.v.a.Order, 2, "the two good questions")

	text := pageText(g)
	for _, want := range []string{
		"Question 1 of 2",
		"1 question of week3.md could not be read, and was left out",
		"“Forgot the key” (line 10)",
		`Line 12: multiple-choice question "Forgot the key" has no correct answer`,
		"Elsewhere in the file",
		"Line 2: ",
		"[Hide these details]",
	} {
		assert.Contains(t, text, want)
	}

	click(t, g, "aside")
	text = pageText(g)
	assert.Contains(t, text, "1 question of week3.md could not be read")
	assert.NotContains(t, text, "Line 12:", "hidden")
	assert.Contains(t, text, "[Show what was left out]")
}

// TestTeacherSeesWhatWasSetAside: the Teacher screen counts the questions
// an assignment can use and names the ones set aside.
func TestTeacherSeesWhatWasSetAside(t *testing.T) {
	var o ownQuiz
	o.set("week3.md", []byte(brokenQuiz))
	require.NoError(t, o.err)
	assert.Equal(t, 2, o.n)
	require.NotNil(t, o.q)
	require.Len(t, o.q.SetAside, 1)
	assert.Equal(t, 10, o.q.SetAside[0].Line)
}

// TestHomeworkSaysWhatWasSetAside: an assignment made from a file with a
// broken question gives the student the others, and its first screen
// says which question was left out; one made from chosen questions says
// nothing of those not chosen.
func TestHomeworkSaysWhatWasSetAside(t *testing.T) {
	tests := []struct {
		name      string
		questions []int
		kept      int
		count     string
		aside     bool
	}{
		{"every question", nil, 2, "2 questions", true},
		{"chosen questions", []int{2}, 1, "1 question", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := &homework.Assignment{ID: "00c0ffee00c0ffee", Title: "Week 3",
				Quiz: homework.QuizSource{Text: brokenQuiz, Questions: tc.questions}, Mode: "immediate"}
			require.NoError(t, a.Seal(nil))
			plat := newMemPlatform()
			plat.fragment = linkOf(t, a, "Ana Souza")
			g := newSimGame(t, Config{}, plat)
			s := startOf(t, g)
			assert.Len(t, s.q.Questions, tc.kept)
			text := pageText(g)
			assert.Contains(t, text, tc.count)
			if tc.aside {
				assert.Contains(t, text, "“Forgot the key” (line 10)")
			} else {
				assert.NotContains(t, text, "Forgot the key")
			}
			assert.Contains(t, text, "Elsewhere in the file", "the file's own problem concerns every assignment")
		})
	}
}
