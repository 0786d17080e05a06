package quiz_test

import (
	"fmt"
	"io/fs"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"asyncwithlab/assets"
	"asyncwithlab/i18n"
	"asyncwithlab/quiz"
	"asyncwithlab/quizsim"
)

func loadBank(t testing.TB, lang string) *quiz.Quiz {
	t.Helper()
	data, err := fs.ReadFile(assets.Banks, "quiz/"+lang+".md")
	require.NoError(t, err)
	q, err := quizsim.Parse(lang+".md", data) // the lab questions answered, as the app reads it
	require.NoError(t, err)
	return q
}

func TestBanksLoadAndMatch(t *testing.T) {
	en := loadBank(t, "en")
	assert.Equal(t, "en", en.Options.Locale)
	require.GreaterOrEqual(t, len(en.Questions), 35)
	types := map[quiz.Type]int{}
	watched, engine := 0, 0
	for _, q := range en.Questions {
		types[q.Type]++
		assert.NotEmpty(t, q.Explanation, "en line %d has an explanation", q.Line)
		if q.Watch != "" {
			watched++
		}
		if q.Engine != nil {
			engine++
		}
	}
	for _, ty := range []quiz.Type{quiz.Multiple, quiz.Single, quiz.Sequence} {
		assert.Positive(t, types[ty], "the bank uses %s questions", ty)
	}
	// Most questions can be watched: all but the vocabulary and syntax
	// ones name an example (cmd/lab's test opens every link).
	assert.GreaterOrEqual(t, watched, len(en.Questions)*3/4, "questions with an example to watch")
	assert.GreaterOrEqual(t, engine, 8, "questions the simulator answers")
	// Every language the app speaks has a bank, with the same questions
	// as English, in the same order.
	for _, l := range i18n.Langs()[1:] {
		tc := struct{ lang, name string }{string(l), l.Name()}
		t.Run(tc.lang, func(t *testing.T) {
			tr := loadBank(t, tc.lang)
			assert.Equal(t, tc.lang, tr.Options.Locale)
			require.Len(t, tr.Questions, len(en.Questions), "%s holds the same questions as en", tc.lang)
			for i, q := range en.Questions {
				p := tr.Questions[i]
				where := fmt.Sprintf("question %d (en line %d, %s line %d)", i+1, q.Line, tc.lang, p.Line)
				assert.Equal(t, q.Type, p.Type, where)
				assert.Equal(t, len(q.Answers), len(p.Answers), where)
				assert.Equal(t, q.Keys(), p.Keys(), where)
				assert.Equal(t, q.Watch, p.Watch, "%s: the same example to watch", where)
				if q.Engine != nil && assert.NotNil(t, p.Engine, "%s: the simulator answers it in %s too", where, tc.name) {
					assert.Equal(t, [2]string{q.Engine.Run, q.Engine.Ask}, [2]string{p.Engine.Run, p.Engine.Ask}, where)
				}
				assert.NotEmpty(t, p.Explanation, "%s has an explanation in %s", where, tc.name)
				assert.Equal(t, len(codeBlocks(q)), len(codeBlocks(p)), "%s: same code listings", where)
			}
		})
	}
}

func codeBlocks(q *quiz.Question) []string {
	var out []string
	for _, b := range q.Body {
		if b.Kind == quiz.CodeBlock {
			out = append(out, b.Lang)
		}
	}
	return out
}

func BenchmarkParseBuiltInBank(b *testing.B) {
	data, err := fs.ReadFile(assets.Banks, "quiz/en.md")
	require.NoError(b, err)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := quiz.Parse("en.md", data); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParse1000Questions(b *testing.B) {
	var sb strings.Builder
	for i := 0; i < 1000; i++ {
		switch i % 3 {
		case 0:
			fmt.Fprintf(&sb, "# Question %d with `code` and *emphasis*\n\n```python\nasync with A() as a:\n    print(a)\n```\n\n- [x] right\n- [ ] wrong\n- [x] also right\n    > a comment\n\n> **Explanation:** because.\n\n", i)
		case 1:
			fmt.Fprintf(&sb, "## Question %d\n\n1. [ ] a\n2. [x] b\n3. [ ] c\n\n> a hint\n\n", i)
		default:
			fmt.Fprintf(&sb, "### Question %d\n\n1. first\n2. second\n3. third\n4. fourth\n\n", i)
		}
	}
	data := []byte(sb.String())
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		q, err := quiz.Parse("gen.md", data)
		if err != nil || len(q.Questions) != 1000 {
			b.Fatal(err)
		}
	}
}
