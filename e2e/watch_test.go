//go:build !js && !wasip1

package e2e

import (
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"asyncwithlab/i18n"
	"asyncwithlab/quiz"
	"asyncwithlab/quizsim"
	"asyncwithlab/sim/share"
)

// TestSeeItRun: a learner answers a question, opens "See it run", finds
// the question's example at the event it is about, steps it, and comes
// back to the question exactly as it was: full screen on a laptop's
// window, beside the question on a wide one.
func TestSeeItRun(t *testing.T) {
	needBrowser(t)
	for _, tt := range []struct {
		name   string
		vp     viewport
		beside bool
	}{{"full screen", desktop, false}, {"beside", wide, true}} {
		t.Run(tt.name, func(t *testing.T) {
			b := newBrowser(t, tt.vp, 3*time.Minute)
			a := bankAttempt(t, quizSeed)
			b.open("lang=en&seed=" + strconv.Itoa(quizSeed))
			b.clickItem("quiz")

			// The first question the bank lets a learner watch.
			i := 0
			for a.Question(i).Watch == "" {
				i++
			}
			require.Positive(t, i, "the first question is vocabulary; a later one has an example")
			for k := 0; k < i; k++ { // answer the ones before it
				waitQuestion(b, a, k)
				answerRight(b, a, k)
				b.clickItem("next")
			}
			q := a.Question(i)
			waitQuestion(b, a, i)
			answerRight(b, a, i)
			after := b.waitText("Correct!", "[► See it run]")
			shot := "watch-" + strings.ReplaceAll(tt.name, " ", "-")
			b.screenshot(shot + "-1-answered")

			link, err := share.Decode(q.Watch)
			require.NoError(t, err)
			_, rp := engineRun(t, link.Preset)
			b.clickItem("watch")
			shown := waitEvent(b, rp, link.Step)
			if tt.beside {
				assert.Contains(t, shown, quiz.PlainText(q.Title), "the question stays in view")
				assert.Contains(t, shown, "[× Close the example]")
			} else {
				assert.NotContains(t, shown, quiz.PlainText(q.Title))
				assert.Contains(t, shown, "[← Back to the question]")
			}
			b.screenshot(shot + "-2-example")
			stops := rp.Stops()
			next := stops[slices.Index(stops, link.Step)+1]
			b.clickItem("step")
			waitEvent(b, rp, next)
			b.screenshot(shot + "-3-stepped")
			if tt.beside {
				// Playing repaints the simulator's strip alone; its
				// controls stay.
				b.clickItem("play")
				b.waitAria("playback beside the question", func(s string) bool { return shownIndex(s) > next+2 })
				b.screenshot(shot + "-4-playing")
				assert.Contains(t, b.aria(), quiz.PlainText(q.Title))
			}

			b.clickItem("example-back")
			back := b.waitText(questionHeader(i, len(a.Order)), quiz.PlainText(q.Title), "Correct!")
			assert.Equal(t, after, back, "the question is as it was")
			assert.Empty(t, b.consoleProblems(), "console:\n%s", b.consoleText())
		})
	}
}

// TestSeeItRunOnAPhone: in Portuguese on a phone, the example opens full
// screen at the question's event and "Voltar à pergunta" comes back.
func TestSeeItRunOnAPhone(t *testing.T) {
	needBrowser(t)
	pt := i18n.Lang("pt")
	b := newBrowser(t, phone, 3*time.Minute)
	data, err := os.ReadFile(filepath.Join(repoRoot, "assets", "quiz", "pt.md"))
	require.NoError(t, err)
	bank, err := quizsim.Parse("quiz/pt.md", data)
	require.NoError(t, err)
	a := quiz.NewAttempt(bank, quizSeed, quiz.Immediate)
	b.open("lang=pt&seed=" + strconv.Itoa(quizSeed))
	b.clickItem("quiz")
	i := 0
	for a.Question(i).Watch == "" {
		waitQuestionIn(b, pt, a, i)
		answerRight(b, a, i)
		b.clickItem("next")
		i++
	}
	q := a.Question(i)
	waitQuestionIn(b, pt, a, i)
	// Practice: the example can be watched before answering.
	b.waitText("[► " + pt.T("ui.seeItRun") + "]")
	link, err := share.Decode(q.Watch)
	require.NoError(t, err)
	_, rp := engineRun(t, link.Preset)
	b.clickItem("watch")
	b.waitText(rp.Caption(link.Step, pt), "[← "+pt.T("ui.backToQuestion")+"]")
	b.screenshot("watch-phone-pt")
	b.clickItem("example-back")
	b.waitText(pt.T("ui.questionOf", i+1, len(a.Order)), quiz.PlainText(q.Title))
	assert.Empty(t, b.consoleProblems(), "console:\n%s", b.consoleText())
}

// waitQuestionIn waits for question i in language l.
func waitQuestionIn(b *browserApp, l i18n.Lang, a *quiz.Attempt, i int) {
	b.t.Helper()
	b.waitText(l.T("ui.questionOf", i+1, len(a.Order)), quiz.PlainText(a.Question(i).Title))
}

// answerRight picks question k's right answers (it is a choice question)
// and checks them.
func answerRight(b *browserApp, a *quiz.Attempt, k int) {
	b.t.Helper()
	q := a.Question(k)
	require.NotEqual(b.t, quiz.Sequence, q.Type, "question %d is a sequence; pick another seed or question", k+1)
	for _, pos := range positions(a.Shown[k], q.Keys()) {
		b.clickItem("opt" + strconv.Itoa(pos))
	}
	b.clickItem("check")
}
