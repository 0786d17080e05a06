package quiz_test

import (
	"bufio"
	"errors"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"asyncwithlab/quiz"
)

func parse(t *testing.T, src string) *quiz.Quiz {
	t.Helper()
	q, err := quiz.Parse("quiz.md", []byte(src))
	require.NoError(t, err)
	return q
}

func TestParseTypesAndParts(t *testing.T) {
	q := parse(t, "---\nshuffle_answers: false\npassingGrade: 60\nlocale: pt\n---\n\n"+
		"# What runs *first*?\n\nBody with `code`.\n\n```python\nasync with A():\n    pass\n```\n\n"+
		"1. [ ] `__aexit__`\n2. [x] `__aenter__`\n    > Right.\n\n> A hint.\n\n> **Explanation:** Entering comes first.\n\n"+
		"## Pick all\n\n- [x] a\n- [ ] b\n- [x] c\n\n### Order\n\n1. one\n2. two\n3. three\n")
	assert.False(t, q.Options.ShuffleAnswers)
	assert.Equal(t, 60, q.Options.PassingGrade)
	assert.Equal(t, "pt", q.Options.Locale)
	assert.True(t, q.Options.EnableRetry, "defaults stay")
	require.Len(t, q.Questions, 3)

	single := q.Questions[0]
	assert.Equal(t, 7, single.Line)
	assert.Equal(t, quiz.Single, single.Type)
	assert.Equal(t, []quiz.Run{{Text: "What runs "}, {Text: "first", Style: quiz.Emph}, {Text: "?"}}, single.Title)
	require.Len(t, single.Body, 2)
	assert.Equal(t, []quiz.Run{{Text: "Body with "}, {Text: "code", Style: quiz.Code}, {Text: "."}}, single.Body[0].Runs)
	assert.Equal(t, quiz.Block{Kind: quiz.CodeBlock, Code: "async with A():\n    pass", Lang: "python"}, single.Body[1])
	assert.Equal(t, []int{1}, single.Keys())
	assert.Equal(t, "Right.", quiz.PlainText(single.Answers[1].Comment[0].Runs))
	assert.Equal(t, "A hint.", quiz.PlainText(single.Hint[0].Runs))
	assert.Equal(t, "Entering comes first.", quiz.PlainText(single.Explanation[0].Runs))

	assert.Equal(t, quiz.Multiple, q.Questions[1].Type)
	assert.Equal(t, []int{0, 2}, q.Questions[1].Keys())
	assert.Equal(t, quiz.Sequence, q.Questions[2].Type)
	assert.Equal(t, []int{0, 1, 2}, q.Questions[2].Keys())
	assert.Equal(t, 32, q.Questions[2].Answers[0].Line)
}

func TestParseErrorsNameTheLine(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string
	}{
		{"no answers", "# Q\n\nJust text.\n", []string{`quiz.md:1: question "Q" has no answers`}},
		{"single with two keys", "# Q\n\n1. [x] a\n2. [x] b\n", []string{`quiz.md:3: single-choice question "Q" has 2 correct answers`}},
		{"multiple without key", "# Q\n\n- [ ] a\n- [ ] b\n", []string{`quiz.md:3: multiple-choice question "Q" has no correct answer`}},
		{"sequence of one", "# Q\n\n1. only\n", []string{`quiz.md:3: sequence question "Q" has 1 item`}},
		{"bullets without boxes", "# Q\n\n- a\n- b\n", []string{"bullet list without checkboxes"}},
		{"broken options", "---\nshuffleAnswers: [\n---\n# Q\n\n- [x] a\n- [ ] b\n", []string{"quiz.md:2: option shuffleAnswers: expected a single value"}},
		{"unclosed shortcode", "Text.\n\n{{< quizdown >}}\n# Q\n\n- [x] a\n- [ ] b\n", []string{"quiz.md:3: the {{< quizdown >}} opened here is never closed"}},
		{"unclosed options", "---\nshuffleAnswers: true\n# Q\n", []string{"quiz.md:1: the options block opened here is never closed"}},
		{"unknown option", "---\nshuffle: true\n---\n# Q\n\n- [x] a\n- [ ] b\n", []string{`quiz.md:2: unknown option "shuffle"`}},
		{"option of the wrong type", "---\nnQuestions: many\n---\n# Q\n\n- [x] a\n- [ ] b\n", []string{"quiz.md:2: option nQuestions: expected a whole number"}},
		{"not quizdown", "Hello, this is a letter.\n\nRegards.\n", []string{"no questions"}},
		{"empty", "", []string{"no questions"}},
		{"binary", "\xff\xfe\x00", []string{"quiz.md:1: the file is not valid UTF-8"}},
		{"two lists", "# Q\n\n- [x] a\n- [ ] b\n\n1. [x] c\n2. [ ] d\n", []string{`quiz.md:6: question "Q" has a second list`}},
		{"long line", "# Q\n\n- [x] " + strings.Repeat("a", 5000) + "\n- [ ] b\n", []string{"quiz.md:3: the line is 5006 characters long"}},
		{"pathological emphasis", "# Q\n\n" + strings.Repeat(strings.Repeat("*a ", 1000)+"\n", 40), []string{"Markdown markers"}},
		{"deep quotes", "# Q\n\n" + strings.Repeat(">", 20) + " x\n", []string{"quiz.md:3: the quote on this line is nested 20 deep"}},
		{"too many answers", "# Q\n\n" + strings.Repeat("- [x] a\n", 21), []string{"has 21 answers; the limit is 20"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			q, err := quiz.Parse("quiz.md", []byte(tc.src))
			require.Error(t, err)
			assert.Nil(t, q)
			var pe *quiz.ParseError
			require.True(t, errors.As(err, &pe))
			for _, w := range tc.want {
				assert.Contains(t, err.Error(), w)
			}
		})
	}
}

func TestParseReportsAllErrors(t *testing.T) {
	_, err := quiz.Parse("quiz.md", []byte("# A\n\n1. [x] a\n2. [x] b\n\n# B\n\nno list\n\n# C\n\n1. lonely\n"))
	var pe *quiz.ParseError
	require.True(t, errors.As(err, &pe))
	require.Len(t, pe.Errors, 3)
	assert.Equal(t, []int{3, 6, 12}, []int{pe.Errors[0].Line, pe.Errors[1].Line, pe.Errors[2].Line})
}

func TestParseLimits(t *testing.T) {
	_, err := quiz.Parse("big.md", make([]byte, quiz.MaxFileBytes+1))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "the limit is")

	var b strings.Builder
	for i := 0; i <= quiz.MaxQuestions; i++ {
		b.WriteString("# Q\n\n- [x] a\n- [ ] b\n\n")
	}
	_, err = quiz.Parse("many.md", []byte(b.String()))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "more than 2000 questions")
}

const doc002 = "../../shared/seeds/002_800c21156c46ab96.txt"

// TestDocument002ReadsAsPublished parses the course document as it is
// (its quiz sits in a Hugo shortcode) and checks every question, answer
// text and key against a plain line-by-line reading of the same file.
func TestDocument002ReadsAsPublished(t *testing.T) {
	data, err := os.ReadFile(doc002)
	require.NoError(t, err, "the course documents are expected at ../shared/seeds")
	q, err := quiz.Parse("002", data)
	require.NoError(t, err)
	require.Len(t, q.Questions, 10)

	type want struct {
		line    int
		title   string
		answers []string
		keys    []int
	}
	var wants []want
	item := regexp.MustCompile(`^- \[([ x])\] (.*)$`)
	inQuiz := false
	sc := bufio.NewScanner(strings.NewReader(string(data)))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		switch {
		case strings.Contains(line, "{{< quizdown >}}"):
			inQuiz = true
		case strings.Contains(line, "{{< /quizdown >}}"):
			inQuiz = false
		case inQuiz && strings.HasPrefix(line, "### "):
			wants = append(wants, want{line: n, title: strings.TrimPrefix(line, "### ")})
		case inQuiz && item.MatchString(line):
			m := item.FindStringSubmatch(line)
			w := &wants[len(wants)-1]
			if m[1] == "x" {
				w.keys = append(w.keys, len(w.answers))
			}
			w.answers = append(w.answers, strings.ReplaceAll(m[2], "`", ""))
		}
	}
	require.Len(t, wants, 10)
	for i, w := range wants {
		got := q.Questions[i]
		assert.Equal(t, w.line, got.Line)
		assert.Equal(t, strings.ReplaceAll(w.title, "`", ""), quiz.PlainText(got.Title))
		assert.Equal(t, quiz.Multiple, got.Type, "an unordered task list is multiple choice in quizdown")
		assert.Equal(t, w.keys, got.Keys(), "question %d", i+1)
		var texts []string
		for _, a := range got.Answers {
			texts = append(texts, quiz.PlainText(a.Text))
		}
		assert.Equal(t, w.answers, texts, "question %d", i+1)
		assert.NotEmpty(t, got.Explanation, "question %d has an explanation", i+1)
		assert.Empty(t, got.Hint, "an Explanation: blockquote is not a hint")
	}
}

func TestEmbeddedInADiv(t *testing.T) {
	q, err := quiz.Parse("page.html", []byte("<p>intro</p>\n<div class=\"quizdown\">\n\n# Q\n\n- [x] a\n- [ ] b\n</div>\n<p>end</p>\n"))
	require.NoError(t, err)
	require.Len(t, q.Questions, 1)
	assert.Equal(t, 4, q.Questions[0].Line)
}

func TestOptionsBlock(t *testing.T) {
	q := parse(t, "\n---\n# a comment\nshuffleAnswers: False   # trailing comment\nshuffle_questions: TRUE\nprimaryColor: \"#ff0000\"\ncustomPassMsg: 'It''s done'\nnQuestions: 3\n---\n# Q\n\n- [x] a\n- [ ] b\n")
	o := q.Options
	assert.False(t, o.ShuffleAnswers)
	assert.True(t, o.ShuffleQuestions)
	assert.Equal(t, "#ff0000", o.PrimaryColor)
	assert.Equal(t, "It's done", o.CustomPassMsg)
	assert.Equal(t, 3, o.NQuestions)
	assert.Equal(t, 10, q.Questions[0].Line, "the options block keeps line numbers")

	tests := map[string]string{
		"shuffleAnswers: yes":        `option shuffleAnswers: expected true or false, got "yes"`,
		"  nested: 1":                "indented",
		"just words":                 "expected name: value",
		"passingGrade: 150":          "a percentage from 0 to 100",
		"locale: \"open":             "not closed",
		"textColor:":                 "expected a value",
		"nQuestions: \"3\"":          "expected a whole number",
		"shuffleAnswers: - true":     "",
		"primaryColor: {r: 1, g: 2}": "expected a single value",
	}
	for line, want := range tests {
		_, err := quiz.Parse("quiz.md", []byte("---\n"+line+"\n---\n# Q\n\n- [x] a\n- [ ] b\n"))
		if want == "" {
			continue
		}
		require.Error(t, err, line)
		assert.Contains(t, err.Error(), "quiz.md:2: ", line)
		assert.Contains(t, err.Error(), want, line)
	}
}

func TestQuizdownJSLeniency(t *testing.T) {
	q := parse(t, "\ufeffIntro text is ignored.\r\n\r\n# Use \\_\\_aenter\\_\\_ &amp; friends\r\n\r\n- [x] a\r\n\r\n  more of a\r\n- [ ] b\r\n\r\nText after the list.\r\n\r\n```python\r\nx = 1\r\n```\r\n")
	require.Len(t, q.Questions, 1)
	qq := q.Questions[0]
	assert.Equal(t, 3, qq.Line)
	assert.Equal(t, "Use __aenter__ & friends", quiz.PlainText(qq.Title))
	assert.Equal(t, "more of a", quiz.PlainText(qq.Answers[0].More[0].Runs))
	require.Len(t, qq.Body, 2, "text after the list joins the question, as in quizdown-js")
	assert.Equal(t, "x = 1", qq.Body[1].Code)
}

func TestEmptyHeadingLine(t *testing.T) {
	_, err := quiz.Parse("q.md", []byte("#\n\n- [x] a\n- [ ] b\n\n# \n\n- [x] c\n- [ ] d\n"))
	var pe *quiz.ParseError
	require.True(t, errors.As(err, &pe))
	require.Len(t, pe.Errors, 2)
	assert.Equal(t, 1, pe.Errors[0].Line)
	assert.Equal(t, 6, pe.Errors[1].Line)
}

func TestSeveralEmbeddedQuizzes(t *testing.T) {
	page := "<p>x</p>\n<div id=\"q1\" class=\"box quizdown\">\n    # A &lt;1&gt;\n\n    - [x] a\n    - [ ] b\n</div>\n<div class=\"quizdown\">\n# B\n\n1. [x] c\n2. [x] d\n</div>\n"
	_, err := quiz.Parse("page.html", []byte(page))
	require.Error(t, err, "the second quiz of the page is checked too")
	assert.Contains(t, err.Error(), "page.html:11: single-choice question \"B\" has 2 correct answers")
	q, err := quiz.Parse("page.html", []byte(strings.Replace(page, "2. [x] d", "2. [ ] d", 1)))
	require.NoError(t, err)
	require.Len(t, q.Questions, 2)
	assert.Equal(t, "A <1>", quiz.PlainText(q.Questions[0].Title))
	assert.Equal(t, 3, q.Questions[0].Line)
}
