package quizsim

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"asyncwithlab/quiz"
	"asyncwithlab/sim"
	"asyncwithlab/sim/session"
)

// labQuiz is a quiz of one lab question.
func labQuiz(run, ask string) string {
	return "# Q\n\n```lab\nrun: " + run + "\nask: " + ask + "\n```\n\nSome words under the program.\n"
}

func answers(q *quiz.Question) (texts []string, keys []string) {
	for _, a := range q.Answers {
		t := quiz.PlainText(a.Text)
		texts = append(texts, t)
		if a.Correct || q.Type == quiz.Sequence {
			keys = append(keys, t)
		}
	}
	return texts, keys
}

// TestAnswersFromTheRun: each kind of lab question gets the answers and
// key of its run, and shows the program above the question's own words.
func TestAnswersFromTheRun(t *testing.T) {
	tests := []struct {
		name, run, ask string
		typ            quiz.Type
		keys           []string // for a sequence: the order
		options        []string // every option, in the order made
	}{
		// Document 001's order of execution.
		{"output order", "doc001-basic", "output order", quiz.Sequence,
			[]string{"Enter context", "Inside context", "Exit context"}, nil},
		{"last line", "doc001-basic", "last line", quiz.Single,
			[]string{"Exit context"}, []string{"Exit context", "Inside context", "Enter context"}},
		{"by link", "https://school.example/lab/#v1.p.doc001-basic.4", "last line", quiz.Single,
			[]string{"Exit context"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q, err := Parse("lab.md", []byte(labQuiz(tt.run, tt.ask)))
			require.NoError(t, err)
			qq := q.Questions[0]
			assert.Equal(t, tt.typ, qq.Type)
			texts, keys := answers(qq)
			assert.Equal(t, tt.keys, keys)
			if tt.options != nil {
				assert.Equal(t, tt.options, texts)
			}
			assert.True(t, strings.HasPrefix(qq.Watch, "v1.p.doc001-basic."), "See it run opens the run: %q", qq.Watch)
			if tt.typ == quiz.Single {
				require.NotNil(t, qq.ShuffleAnswers)
				assert.True(t, *qq.ShuffleAnswers, "made choices are shuffled")
			}
			require.Len(t, qq.Body, 2)
			assert.Equal(t, quiz.CodeBlock, qq.Body[0].Kind, "the program first")
			assert.Contains(t, qq.Body[0].Code, "async with")
			assert.Equal(t, "Some words under the program.", quiz.PlainText(qq.Body[1].Runs))
		})
	}
}

// TestFirstAexitIsTheInnermost: nested managers exit innermost first
// (the last entered before any exit), whatever the run.
func TestFirstAexitIsTheInnermost(t *testing.T) {
	// (Not an AsyncExitStack: its own __aexit__ runs first and exits
	// what it holds from inside.)
	for _, run := range []string{"nested-exit-order", "doc002-multiple", "aexit-replaces", "suppress"} {
		t.Run(run, func(t *testing.T) {
			q, err := Parse("lab.md", []byte(labQuiz(run, "first aexit")))
			require.NoError(t, err)
			_, keys := answers(q.Questions[0])
			ses, err := session.OpenPreset(run)
			require.NoError(t, err)
			lastEntered := ""
			for i := 0; i < ses.Result.Trace.Len(); i++ {
				ev := ses.Result.Trace.At(i)
				if ev.Kind == sim.AexitCalled {
					break
				}
				if ev.Kind == sim.AenterReturned {
					lastEntered = ev.Manager
				}
			}
			require.NotEmpty(t, lastEntered)
			assert.Equal(t, []string{lastEntered + ".__aexit__"}, keys)
			assert.GreaterOrEqual(t, len(q.Questions[0].Answers), 2)
		})
	}
}

// TestLabProblemsNameTheLine: a run that cannot answer what is asked is
// reported on its block's line, with every other lab question's.
func TestLabProblemsNameTheLine(t *testing.T) {
	src := labQuiz("no-such-example", "output order") + "\n" + labQuiz("stress-20x10", "output order") + "\n" + labQuiz("doc001-basic", "first aexit")
	_, err := Parse("lab.md", []byte(src))
	var pe *quiz.ParseError
	require.True(t, errors.As(err, &pe), "%v", err)
	msgs := err.Error()
	assert.Contains(t, msgs, `lab.md:3: the lab block's run "no-such-example" does not open`)
	assert.Contains(t, msgs, `lab.md:12: the run "stress-20x10" prints 22 lines; a sequence has at most 20`)
	assert.Contains(t, msgs, `the run "doc001-basic" enters only one manager`)
	assert.Len(t, pe.Errors, 3)
	assert.True(t, strings.HasPrefix(msgs, "lab.md:3:"), "in line order")
}
