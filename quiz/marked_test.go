package quiz_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"asyncwithlab/quiz"
)

// answerView is what a learner sees of an answer.
type answerView struct {
	Text    string
	Correct bool
	Comment string
}

func viewAnswers(q *quiz.Question) []answerView {
	var out []answerView
	for _, a := range q.Answers {
		v := answerView{Text: quiz.PlainText(a.Text), Correct: a.Correct}
		for _, b := range a.Comment {
			v.Comment += quiz.PlainText(b.Runs)
		}
		out = append(out, v)
	}
	return out
}

// TestReadsAsMarked checks the places where marked 2, which quizdown-js
// reads with, differs from CommonMark; each case names marked's rule.
func TestReadsAsMarked(t *testing.T) {
	tests := []struct {
		name, src string
		titles    []string
		answers   [][]answerView
	}{
		{
			// block.item: a line that starts no item continues the item.
			"comment right under an answer",
			"# Where?\n\n- [x] 142.250.186.110\n> the ipv4 address\n- [ ] ::1\n",
			[]string{"Where?"},
			[][]answerView{{{"142.250.186.110", true, "the ipv4 address"}, {"::1", false, ""}}},
		},
		{
			// quizdown-js strips the common indentation (strip-indent).
			"quiz indented as a whole",
			"  # Q\n\n  - [x] a\n  - [ ] b\n",
			[]string{"Q"},
			[][]answerView{{{"a", true, ""}, {"b", false, ""}}},
		},
		{
			// marked's lexer: /\r\n|\r/g → "\n".
			"CR line ends",
			"# Q\r\r- [x] a\r- [ ] b\r",
			[]string{"Q"},
			[][]answerView{{{"a", true, ""}, {"b", false, ""}}},
		},
		{
			// Tokenizer.list: a task needs /^\[[ xX]\] /; tabs are 4 spaces.
			"tab after the box",
			"# Q\n\n- [x]\tyes\n- [ ] no\n",
			[]string{"Q"},
			[][]answerView{{{"yes", true, ""}, {"no", false, ""}}},
		},
		{
			// Our departure: marked folds the heading into the last answer.
			"heading right after the list",
			"# A\n\n- [x] a\n- [ ] b\n# B\n\n- [x] c\n- [ ] d\n",
			[]string{"A", "B"},
			[][]answerView{{{"a", true, ""}, {"b", false, ""}}, {{"c", true, ""}, {"d", false, ""}}},
		},
		{
			// block.lheading comes before the paragraph rule.
			"setext heading",
			"Which?\n---\n\n1. [ ] x\n2. [x] y\n",
			[]string{"Which?"},
			[][]answerView{{{"x", false, ""}, {"y", true, ""}}},
		},
		{
			// Inline: CommonMark emphasis, escapes, references, entities.
			"inline",
			"# *a* **b** \\*c\\* &copy; [d][ref]\n\n- [x] `x`\n- [ ] y\n\n[ref]: http://example.com\n",
			[]string{"a b *c* © d"},
			[][]answerView{{{"x", true, ""}, {"y", false, ""}}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			q, err := quiz.Parse("q.md", []byte(tc.src))
			require.NoError(t, err)
			require.Len(t, q.Questions, len(tc.titles))
			for i, qq := range q.Questions {
				assert.Equal(t, tc.titles[i], quiz.PlainText(qq.Title))
				assert.Equal(t, tc.answers[i], viewAnswers(qq))
			}
		})
	}
}

func TestOptionsBlocksAsQuizdownJS(t *testing.T) {
	// Under a question heading: that question's shuffleAnswers.
	q := parse(t, "# Q1\n\n---\nshuffleAnswers: false\n---\n\n- [x] a\n- [ ] b\n\n# Q2\n\n- [x] c\n- [ ] d\n")
	require.Len(t, q.Questions, 2)
	require.NotNil(t, q.Questions[0].ShuffleAnswers)
	assert.False(t, *q.Questions[0].ShuffleAnswers)
	assert.Nil(t, q.Questions[1].ShuffleAnswers)
	assert.True(t, q.Options.ShuffleAnswers)
	a := quiz.NewAttempt(q, 7, quiz.Immediate)
	for i, qi := range a.Order {
		if qi == 0 {
			assert.Equal(t, []int{0, 1}, a.Shown[i], "the first question keeps its order")
		}
	}

	plain := parse(t, "# Q1\n\n- [x] a\n- [ ] b\n\n# Q2\n\n- [x] c\n- [ ] d\n")
	assert.NotEqual(t, quiz.Fingerprint(plain), quiz.Fingerprint(q), "saved progress of the other order does not load")

	// After some text before the first question: the quiz's options.
	q = parse(t, "Some words first.\n\n---\npassingGrade: 70\n---\n\n# Q\n\n- [x] a\n- [ ] b\n")
	assert.Equal(t, 70, q.Options.PassingGrade)
	assert.Equal(t, 7, q.Questions[0].Line)

	// Errors in a question's options name their line.
	_, err := quiz.Parse("q.md", []byte("# Q\n\n---\nshuffleAnswers: maybe\n---\n\n- [x] a\n- [ ] b\n"))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "q.md:4: option shuffleAnswers")
}
