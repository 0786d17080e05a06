package quiz_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"asyncwithlab/quiz"
)

var updateCases = flag.Bool("update", false, "rewrite quiz/testdata/quizdownjs/*.golden from what Read makes")

// shown is a question as a learner sees it: in quizdown-js, or here.
type shown struct {
	Title   string
	Type    string
	Answers []answerView
}

func showQuestions(q *quiz.Quiz) []shown {
	var out []shown
	for _, qq := range q.Questions {
		out = append(out, shown{quiz.PlainText(qq.Title), qq.Type.String(), viewAnswers(qq)})
	}
	return out
}

// caseReport is everything Read makes of a case file, written as text
// for its golden file.
func caseReport(q *quiz.Quiz, err error) string {
	var b strings.Builder
	if err != nil {
		fmt.Fprintf(&b, "error:\n%s\n", err)
		return b.String()
	}
	o := q.Options
	fmt.Fprintf(&b, "options: shuffleAnswers=%v passingGrade=%d\n", o.ShuffleAnswers, o.PassingGrade)
	for _, qq := range q.Questions {
		fmt.Fprintf(&b, "question line %d %s %q", qq.Line, qq.Type, quiz.PlainText(qq.Title))
		if qq.ShuffleAnswers != nil {
			fmt.Fprintf(&b, " shuffleAnswers=%v", *qq.ShuffleAnswers)
		}
		b.WriteByte('\n')
		for _, a := range viewAnswers(qq) {
			mark := "[ ]"
			if a.Correct {
				mark = "[x]"
			}
			fmt.Fprintf(&b, "  %s %q", mark, a.Text)
			if a.Comment != "" {
				fmt.Fprintf(&b, " comment %q", a.Comment)
			}
			b.WriteByte('\n')
		}
	}
	for _, sa := range q.SetAside {
		fmt.Fprintf(&b, "set aside line %d %q\n", sa.Line, sa.Title)
		for _, p := range sa.Problems {
			fmt.Fprintf(&b, "  %d: %s\n", p.Line, p.Msg)
		}
	}
	for _, p := range q.Problems {
		fmt.Fprintf(&b, "problem %d: %s\n", p.Line, p.Msg)
	}
	for _, w := range q.Warnings {
		fmt.Fprintf(&b, "warning %d: %s\n", w.Line, w.Msg)
	}
	return b.String()
}

// TestCasesAsQuizdownJS reads each case file of testdata/quizdownjs and
// compares what a learner is shown with what quizdown-js shows for it,
// worked out by hand from its source: src/parser.ts (bonartm/quizdown-js:
// the quiz's options are the first options token before the first
// heading; a question is every token from a heading to the next; its
// answers are the first list's items, right when item.checked; an
// unordered list is multiple choice, an ordered one single choice when
// its first item is a task and a sequence otherwise; an item's
// blockquotes are its comment) over marked 2's lexer, after strip-indent
// and its own three entity replacements. The rule each case turns on is
// named in it. Each file's whole reading (questions, set-aside ones,
// problems, warnings) is also kept in NAME.golden; go test -update
// rewrites those.
func TestCasesAsQuizdownJS(t *testing.T) {
	multi := func(title string, answers ...answerView) shown { return shown{title, "multiple", answers} }
	single := func(title string, answers ...answerView) shown { return shown{title, "single", answers} }
	right := func(text string) answerView { return answerView{Text: text, Correct: true} }
	wrong := func(text string) answerView { return answerView{Text: text} }
	tests := []struct {
		file string
		rule string
		// quizdownJS is what quizdown-js shows; nil where it shows
		// nothing (Hugo refuses the page).
		quizdownJS []shown
		// ours, when set, is where this app deliberately shows otherwise
		// (with a warning or a set-aside notice).
		ours     []shown
		problems []string // parts of the problems' messages, in order
		warnings []string // parts of the warnings' messages, in order
	}{
		{
			file: "comment-under-answer",
			rule: "marked block.item: a line that starts no item continues the item (a lazy line), so the > line is a blockquote in the answer: its comment",
			quizdownJS: []shown{multi("Which call does async with make first?",
				answerView{"__aenter__", true, "It runs before the body, and its result is bound by as."},
				answerView{"__aexit__", false, "That one runs when the body is left."},
				wrong("__enter__"))},
		},
		{
			file: "options-per-question",
			rule: "docs/options.md: shuffleAnswers may be set under a question heading, over the quiz's",
			quizdownJS: []shown{
				{"Put the steps of a clean run in order", "sequence", []answerView{wrong("__aenter__ runs"), wrong("the body runs"), wrong("__aexit__ runs")}},
				multi("Which step is always awaited?", right("both __aenter__ and __aexit__"), wrong("only __aenter__"), wrong("neither")),
			},
		},
		{
			file:       "options-after-intro",
			rule:       "parser.ts hasQuizOptions: an options token anywhere before the first heading is the quiz's",
			quizdownJS: []shown{single("What must __aexit__ return to swallow an error?", right("a true value"), wrong("None"))},
		},
		{
			file: "options-second-shortcode",
			rule: "each {{< quizdown >}} is a quiz of its own in quizdown-js; this app shows the page as one quiz, so the second block's passingGrade is left out, with a warning",
			quizdownJS: []shown{
				multi("Which protocol does async with use?", right("__aenter__ and __aexit__"), wrong("__enter__ and __exit__")),
				single("Does __aexit__ run when the body raises?", right("yes"), wrong("no")),
			},
			warnings: []string{"this quizdown block's options set passingGrade"},
		},
		{
			file:       "indented-shortcode-in-list",
			rule:       "strip-indent: the common indentation of the quiz's text goes before marked reads it",
			quizdownJS: []shown{multi("What does asyncio.run do with the coroutine you give it?", right("runs it to the end in a new event loop"), wrong("schedules it and returns at once"))},
		},
		{
			file:       "cr-line-ends",
			rule:       "marked's Lexer: src.replace(/\\r\\n|\\r/g, '\\n')",
			quizdownJS: []shown{multi("Old Mac line ends", right("they are newlines"), wrong("the file is one line"))},
		},
		{
			file:       "box-without-space",
			rule:       "marked Tokenizer.list: a task is /^\\[[ xX]\\] /, so \"[x]a\" is text and item.checked is undefined",
			quizdownJS: []shown{multi("Which of these are awaitable?", wrong("[x]a coroutine object"), right("a Task"), wrong("an int"))},
			warnings:   []string{`starts with "[x]" that is not a checkbox`},
		},
		{
			file:       "box-after-tab",
			rule:       "marked: a tab is four spaces, the item's marker takes one, so the text starts with spaces and /^\\[[ xX]\\] / fails",
			quizdownJS: []shown{multi("Which of these are awaitable?", wrong("[x] a coroutine object"), right("a Task"), wrong("an int"))},
			warnings:   []string{`starts with "[x]" that is not a checkbox`},
		},
		{
			file:       "box-zero-width-space",
			rule:       "marked's task rule wants a space (U+0020) after the box; a zero-width space is not one",
			quizdownJS: []shown{multi("Which of these are awaitable?", wrong("[x]\u200b a coroutine object"), right("a Task"), wrong("an int"))},
			warnings:   []string{`starts with "[x]" that is not a checkbox`},
		},
		{
			file: "box-first-of-ordered",
			rule: "parser.ts determineQuestionType: an ordered list whose first item is not a task is a sequence",
			quizdownJS: []shown{{"Which runs last?", "sequence", []answerView{
				wrong("[x]the body"), wrong("__aenter__"), wrong("__aexit__")}}},
			warnings: []string{`starts with "[x]" that is not a checkbox`, "is an ordered list whose first item has no checkbox, so it is a sequence"},
		},
		{
			file:     "unclosed-shortcode",
			rule:     "Hugo refuses to build a page whose shortcode is never closed",
			ours:     []shown{single("Is async with allowed outside an async def?", wrong("yes"), right("no"))},
			problems: []string{"the {{< quizdown >}} opened here is never closed"},
		},
		{
			file: "heading-after-list",
			rule: "marked block.item: the heading line right under the list continues the last item, and the list goes on after the blank line, so quizdown-js shows one question of four answers; this app keeps two, and warns",
			quizdownJS: []shown{multi("Which method ends an async with block?", right("__aexit__"),
				wrong("__aenter__ Which method starts it?"), right("__aenter__"), wrong("__aexit__"))},
			ours: []shown{
				multi("Which method ends an async with block?", right("__aexit__"), wrong("__aenter__")),
				multi("Which method starts it?", right("__aenter__"), wrong("__aexit__")),
			},
			warnings: []string{"quizdown-js folds the heading into the last answer"},
		},
		{
			file: "question-without-key",
			rule: "quizdown-js shows a multiple-choice question with no [x] (nothing can be right); this app sets it aside, says so, and keeps the others",
			ours: []shown{
				multi("Which method ends an async with block?", right("__aexit__"), wrong("__aenter__")),
				single("Which method starts it?", right("__aenter__"), wrong("__aexit__")),
			},
			problems: []string{`multiple-choice question "Which of these can suppress an exception?" has no correct answer`},
		},
		{
			file: "seven-hashes",
			rule: "CommonMark and marked: an ATX heading has 1 to 6 #; quizdown-js shows the line as text in the first question (whose answers are its first list) and no second question",
			ours: []shown{
				multi("First question", right("right"), wrong("wrong")),
			},
			problems: []string{`"#######" is not a heading`},
		},
		{
			file: "tab-indented-list",
			rule: "marked block.code: four spaces (a tab) of indentation is a listing, so the first question has no list",
			ours: []shown{
				multi("Which method does it await first?", right("__aenter__"), wrong("__aexit__")),
			},
			problems: []string{"its list is indented by a tab or four spaces, so Markdown reads it as code"},
		},
		{
			file: "deep-quote",
			rule: "marked reads a blockquote of any depth; this app has a limit of 8 (deeper ones are a slip, and cost a reader stack), so it sets aside only the question holding it",
			quizdownJS: []shown{
				multi("Which call does async with make last?", right("__aexit__"), wrong("__aenter__")),
				multi("Which call does async with make first?", right("__aenter__"), wrong("__aexit__")),
			},
			ours: []shown{
				multi("Which call does async with make first?", right("__aenter__"), wrong("__aexit__")),
			},
			problems: []string{"the quote on this line is nested 10 deep; the limit is 8"},
		},
		{
			file: "hr-separator",
			rule: "quizdown-js's options rule replaces marked's hr: a --- line opens an options block that runs to the next ---, so the question between two separators is no question there; this app sets it aside, naming it",
			ours: []shown{
				multi("Which method does async with await first?", right("__aenter__"), wrong("__aexit__")),
				single("Does __aexit__ run when the body raises?", right("yes"), wrong("no")),
			},
			problems: []string{`question "Which method does it await last?" is inside the options block that the --- on line 6 opens, which ends at the --- on line 13`},
		},
		{
			file: "shortcode-opened-twice",
			rule: "Hugo: a {{< quizdown >}} opened again before it is closed leaves the first one unclosed, and Hugo refuses the page",
			ours: []shown{
				multi("Which method does async with await first?", right("__aenter__"), wrong("__aexit__")),
				multi("Which method does it await last?", right("__aexit__"), wrong("__aenter__")),
			},
			problems: []string{"the {{< quizdown >}} opened here is never closed"},
		},
		{
			file:       "html-comment-in-answer",
			rule:       "marked keeps an HTML comment as HTML, and the browser never shows it; a comment line under an answer is part of it (a lazy line)",
			quizdownJS: []shown{multi("Which of these are awaitable?", right("a Task"), wrong("an int"))},
		},
		{
			file: "setext-options",
			rule: "marked's lheading rule: a line of text with --- under it is a heading, so the text becomes a question and the options are never read, in quizdown-js as here",
			ours: []shown{
				multi("shuffleAnswers: false", right("__aenter__"), wrong("__aexit__")),
			},
			problems: []string{`question "Which method does async with await first?" has no answers`, `question "Read the program first." has no answers`},
			warnings: []string{`reads "Read the program first." as a heading`, `reads "shuffleAnswers: false" as a heading`},
		},
		{
			file:       "seven-hashes-under-list",
			rule:       "marked: ####### is no heading, so right under a list it is a lazy line of the last answer, and the list goes on: one question of four answers, in quizdown-js as here, with a warning",
			quizdownJS: []shown{multi("Which method does async with await first?", right("__aenter__"), wrong("__aexit__ ####### Which one last?"), right("__aexit__"), wrong("__aenter__"))},
			warnings:   []string{`the line "####### Which one last?" under the answers of question`},
		},
		{
			file:       "long-line-outside-shortcode",
			rule:       "quizdown-js reads only the shortcode's text: a long line of the page around it is no concern of the quiz",
			quizdownJS: []shown{multi("Which method does async with await first?", right("__aenter__"), wrong("__aexit__"))},
		},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			path := filepath.Join("testdata", "quizdownjs", tc.file+".md")
			data, err := os.ReadFile(path)
			require.NoError(t, err)
			q, err := quiz.Read(tc.file+".md", data)
			require.NoError(t, err, "Read loads what it can")

			want := tc.ours
			if want == nil {
				want = tc.quizdownJS
			}
			assert.Equal(t, want, showQuestions(q), "rule: %s", tc.rule)
			if tc.ours != nil && tc.quizdownJS != nil {
				assert.NotEmpty(t, append(q.Warnings, q.Problems...), "a difference from quizdown-js is said")
			}
			assert.Len(t, q.Problems, len(tc.problems))
			for i, p := range tc.problems {
				if i < len(q.Problems) {
					assert.Contains(t, q.Problems[i].Msg, p)
				}
			}
			assert.Len(t, q.Warnings, len(tc.warnings))
			for i, w := range tc.warnings {
				if i < len(q.Warnings) {
					assert.Contains(t, q.Warnings[i].Msg, w)
				}
			}
			_, strictErr := quiz.Parse(tc.file+".md", data)
			assert.Equal(t, len(tc.problems) > 0, strictErr != nil, "Parse refuses exactly the files with problems")

			golden := filepath.Join("testdata", "quizdownjs", tc.file+".golden")
			got := caseReport(q, nil)
			if *updateCases {
				require.NoError(t, os.WriteFile(golden, []byte(got), 0o644))
			}
			wantReport, err := os.ReadFile(golden)
			require.NoError(t, err, "run go test ./quiz -run TestCasesAsQuizdownJS -update to write it")
			assert.Equal(t, string(wantReport), got)
		})
	}
}
