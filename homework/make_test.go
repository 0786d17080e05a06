package homework_test

import (
	"io/fs"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"asyncwithlab/assets"
	"asyncwithlab/homework"
	"asyncwithlab/quizsim"
)

// ownQuiz is a teacher's small quizdown file of three questions.
const ownQuiz = `# Which keyword enters an async manager?

- [x] async with
- [ ] with await

# What does __aenter__ return?

- [x] an awaitable
- [ ] a thread

# Does __aexit__ run when the body raises?

1. [x] yes
2. [ ] no
`

// bankSize is how many questions the built-in English bank has.
func bankSize(t *testing.T) int {
	t.Helper()
	data, err := fs.ReadFile(assets.Banks, "quiz/en.md")
	require.NoError(t, err)
	q, err := quizsim.Parse("quiz/en.md", data)
	require.NoError(t, err)
	return len(q.Questions)
}

func TestMake(t *testing.T) {
	tests := []struct {
		name string
		spec homework.Spec
		// questions is how many questions the assignment asks; source
		// is what its link carries.
		questions         int
		builtin, embedded bool
		path              string
	}{
		{"the whole bank", homework.Spec{Title: "Week 1", Mode: "immediate"}, bankSize(t), true, false, ""},
		{"some of the bank", homework.Spec{Title: "Week 2", Questions: "1-3, 7", Mode: "deferred"}, 4, true, false, ""},
		{"challenges only", homework.Spec{Title: "Week 3", Questions: "none", Challenges: []string{"aenter-fails"}, Mode: "immediate"}, 0, false, false, ""},
		{"an own file, embedded", homework.Spec{Title: "Mine", QuizFile: []byte(ownQuiz), QuizName: "mine.md", Mode: "interactive", Tries: 2}, 3, false, true, ""},
		{"some of an own file", homework.Spec{Title: "Mine", Questions: "2,3", QuizFile: []byte(ownQuiz), Mode: "immediate"}, 2, false, true, ""},
		{"an own file by path", homework.Spec{Title: "Mine", QuizFile: []byte(ownQuiz), QuizPath: " quizzes/mine.md ", Mode: "immediate"}, 3, false, false, "quizzes/mine.md"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := homework.Make(tt.spec)
			require.NoError(t, err)
			a := m.Assignment
			assert.Len(t, m.Questions.Questions, tt.questions)
			assert.Equal(t, tt.builtin, a.Quiz.Builtin)
			assert.Equal(t, tt.embedded, a.Quiz.Text != "")
			assert.Equal(t, tt.path, a.Quiz.Path)
			assert.NotEmpty(t, a.Quiz.Fingerprint, "sealed")
			assert.Equal(t, strings.TrimSpace(tt.spec.Title), a.Title)

			// The class link carries the assignment; a student's app
			// reads the same questions from it (a path through the site).
			l, err := homework.DecodeLink(m.Class)
			require.NoError(t, err)
			assert.Equal(t, a, l.Assignment)
			q, err := l.Assignment.LoadQuestions(func(string) ([]byte, error) { return []byte(ownQuiz), nil })
			require.NoError(t, err)
			assert.Equal(t, m.Questions.Questions, q.Questions)

			other, err := homework.Make(tt.spec)
			require.NoError(t, err)
			assert.NotEqual(t, a.ID, other.Assignment.ID, "every assignment is new")
			assert.NotEqual(t, m.Key, other.Key, "and has its own key")
		})
	}
}

func TestMakeMistakes(t *testing.T) {
	big := ownQuiz + strings.Repeat("More words about the last question.\n", 1000)
	tests := []struct {
		name string
		spec homework.Spec
		want string
	}{
		{"no title", homework.Spec{Mode: "immediate"}, "title"},
		{"no mode", homework.Spec{Title: "x", Mode: "exam"}, `mode: "exam"`},
		{"a question number of 0", homework.Spec{Title: "x", Questions: "0", Mode: "immediate"}, `questions: "0"`},
		{"a question the bank lacks", homework.Spec{Title: "x", Questions: strconv.Itoa(bankSize(t) + 1), Mode: "immediate"}, "question " + strconv.Itoa(bankSize(t)+1)},
		{"a question the own file lacks", homework.Spec{Title: "x", Questions: "4", QuizFile: []byte(ownQuiz), QuizName: "mine.md", Mode: "immediate"}, "question 4"},
		{"an unknown example", homework.Spec{Title: "x", Challenges: []string{"nope"}, Mode: "immediate"}, `no example named "nope"`},
		{"a broken own file", homework.Spec{Title: "x", QuizFile: []byte("# Q?\n\n- [ ] a\n- [ ] b\n"), QuizName: "mine.md", Mode: "immediate"}, "mine.md:"},
		{"an own file too big to embed", homework.Spec{Title: "x", QuizFile: []byte(big), QuizName: "big.md", Mode: "immediate"}, "big.md is"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := homework.Make(tt.spec)
			require.Error(t, err)
			assert.Nil(t, m)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}

func TestParseQuestionNumbers(t *testing.T) {
	n, err := homework.ParseQuestionNumbers("1-3, 5")
	require.NoError(t, err)
	assert.Equal(t, []int{1, 2, 3, 5}, n)
	for _, bad := range []string{"0", "x", "3-1", "1-", "1-100000"} {
		_, err := homework.ParseQuestionNumbers(bad)
		assert.Error(t, err, bad)
	}
}
