//go:build !js && !wasip1

package e2e

import (
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"asyncwithlab/quiz"
	"asyncwithlab/sim/share"
)

// TestSeeItRun: a learner answers a question, opens "See it run", finds
// the question's example at the event it is about, steps it, and comes
// back to the question exactly as it was.
func TestSeeItRun(t *testing.T) {
	needBrowser(t)
	b := newBrowser(t, desktop, 3*time.Minute)
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
	b.screenshot("watch-1-answered")

	link, err := share.Decode(q.Watch)
	require.NoError(t, err)
	_, rp := engineRun(t, link.Preset)
	b.clickItem("watch")
	waitEvent(b, rp, link.Step)
	b.waitText("[← Back to the question]")
	b.screenshot("watch-2-simulator")
	stops := rp.Stops()
	next := stops[slices.Index(stops, link.Step)+1]
	b.clickItem("step")
	waitEvent(b, rp, next)

	b.clickItem("home")
	back := b.waitText(questionHeader(i, len(a.Order)), quiz.PlainText(q.Title), "Correct!")
	assert.Equal(t, after, back, "the question is as it was")
	b.screenshot("watch-3-back")
	assert.Empty(t, b.consoleProblems(), "console:\n%s", b.consoleText())
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
