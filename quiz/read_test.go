package quiz_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"asyncwithlab/quiz"
)

// good is a question Read can use.
func good(title string) string {
	return fmt.Sprintf("# %s\n\n- [x] right\n- [ ] wrong\n\n", title)
}

// TestReadSetsAsideOnlyTheBrokenQuestions checks that one bad question
// costs that question only: the others load, and the bad one is named
// with its line and what is wrong with it.
func TestReadSetsAsideOnlyTheBrokenQuestions(t *testing.T) {
	longLine := "- [ ] " + strings.Repeat("x", quiz.MaxLineLength) + "\n"
	tests := []struct {
		name      string
		src       string
		kept      []string // titles of the questions loaded
		setAside  []int    // heading lines of the questions set aside
		problemAt []int    // lines of Problems, in order
		problem   string   // part of the first problem's message
	}{
		{
			name:      "a line past the limit in the second question",
			src:       good("One") + "# Two\n\n- [x] a\n" + longLine + "\n" + good("Three"),
			kept:      []string{"One", "Three"},
			setAside:  []int{6},
			problemAt: []int{9},
			problem:   fmt.Sprintf("the limit is %d", quiz.MaxLineLength),
		},
		{
			name:      "no key and no list",
			src:       good("One") + "# Two\n\n- [ ] a\n- [ ] b\n\n# Three\n\njust text\n\n" + good("Four"),
			kept:      []string{"One", "Four"},
			setAside:  []int{6, 11},
			problemAt: []int{8, 11},
			problem:   "has no correct answer",
		},
		{
			name:      "an unknown option leaves every question",
			src:       "---\nshuffleAnswers: maybe\n---\n\n" + good("One") + good("Two"),
			kept:      []string{"One", "Two"},
			problemAt: []int{2},
			problem:   "shuffleAnswers",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			q, err := quiz.Read("quiz.md", []byte(tc.src))
			require.NoError(t, err)
			var kept []string
			for _, qq := range q.Questions {
				kept = append(kept, quiz.PlainText(qq.Title))
			}
			assert.Equal(t, tc.kept, kept)
			var aside []int
			for _, sa := range q.SetAside {
				aside = append(aside, sa.Line)
				assert.NotEmpty(t, sa.Problems, "a set-aside question says why")
			}
			assert.Equal(t, tc.setAside, aside)
			var at []int
			for _, p := range q.Problems {
				at = append(at, p.Line)
			}
			assert.Equal(t, tc.problemAt, at)
			assert.Contains(t, q.Problems[0].Msg, tc.problem)

			_, err = quiz.Parse("quiz.md", []byte(tc.src))
			var pe *quiz.ParseError
			require.True(t, errors.As(err, &pe), "Parse refuses what Read sets aside")
			assert.Equal(t, q.Problems, pe.Errors)
		})
	}
}

// TestReadFailsWithNothingToShow checks that Read refuses a file with no
// usable question, listing why each was set aside.
func TestReadFailsWithNothingToShow(t *testing.T) {
	tests := []struct {
		name  string
		src   string
		lines []int
		want  string
	}{
		{"empty", "", []int{0}, "no questions"},
		{"text only", "Some notes, no quiz.\n", []int{0}, "no questions"},
		{"every question broken", "# A\n\n- [ ] a\n- [ ] b\n\n# B\n\nno list\n", []int{3, 6}, "has no correct answer"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			q, err := quiz.Read("quiz.md", []byte(tc.src))
			assert.Nil(t, q)
			var pe *quiz.ParseError
			require.True(t, errors.As(err, &pe))
			var lines []int
			for _, e := range pe.Errors {
				lines = append(lines, e.Line)
			}
			assert.Equal(t, tc.lines, lines)
			assert.Contains(t, pe.Errors[0].Msg, tc.want)
		})
	}
}

// TestManyProblemsListTheFirstInOrder checks that past 200 problems the
// first 200 are listed in line order, and the note that more were found
// comes after them.
func TestManyProblemsListTheFirstInOrder(t *testing.T) {
	var b strings.Builder
	b.WriteString(good("Kept"))
	for i := 0; i < 250; i++ {
		b.WriteString("# Broken\n\n- [ ] a\n- [ ] b\n\n")
	}
	q, err := quiz.Read("quiz.md", []byte(b.String()))
	require.NoError(t, err)
	require.Len(t, q.Questions, 1)
	require.Len(t, q.Problems, 201)
	for i := 1; i < 200; i++ {
		require.Less(t, q.Problems[i-1].Line, q.Problems[i].Line, "problems in line order")
	}
	last := q.Problems[200]
	assert.Contains(t, last.Msg, "more than 200 problems")
	assert.Contains(t, last.Msg, "listed above")
}
