//go:build !js && !wasip1

package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"asyncwithlab/i18n"
	"asyncwithlab/quiz"
	"asyncwithlab/quizsim"
)

// es is the language these tests check: the third, added with data files
// only, must reach every screen.
var es = i18n.Lang("es")

// TestSpanish goes through every screen in Spanish, as a learner whose
// browser asks for it: Home, a question of the Spanish bank with its
// feedback, About, a short quiz to its results, and the simulator on a
// wide screen, each checked against the catalogue and screenshotted.
func TestSpanish(t *testing.T) {
	needBrowser(t)
	data, err := os.ReadFile(filepath.Join(repoRoot, "assets", "quiz", "es.md"))
	require.NoError(t, err)
	bank, err := quizsim.Parse("quiz/es.md", data)
	require.NoError(t, err)
	a := quiz.NewAttempt(bank, quizSeed, quiz.Immediate)

	b := newBrowser(t, desktop, 2*time.Minute)
	b.open(fmt.Sprintf("lang=es&seed=%d", quizSeed))
	b.waitText("["+es.T("ui.quiz")+"]", "["+es.T("ui.simulator")+"]", "["+es.T("ui.about")+"]", "[English]", "[Português]")
	b.frames(10)
	b.screenshot("es-home")

	b.clickItem("quiz")
	q := a.Question(0)
	b.waitText(es.T("ui.questionOf", 1, len(a.Order)), quiz.PlainText(q.Title))
	b.clickItem(fmt.Sprintf("opt%d", positions(a.Shown[0], q.Keys())[0]))
	b.clickItem("check")
	b.waitText(es.T("ui.correct"), "["+es.T("ui.next")+"]", quiz.PlainText(q.Explanation[0].Runs))
	b.frames(10)
	b.screenshot("es-question")

	b.press(keyEscape)
	b.waitText("[" + es.T("ui.about") + "]")
	b.clickItem("about")
	b.waitText(es.T("ui.sources"))
	b.frames(10)
	b.screenshot("es-about")

	b.open("lang=es&quiz=" + "fixtures/short.md")
	b.waitText("[" + es.T("ui.quiz") + "]")
	b.clickItem("quiz")
	b.waitText(es.T("ui.questionOf", 1, 2))
	b.clickItem("opt0")
	b.clickItem("check")
	b.waitText(es.T("ui.correct"))
	b.clickItem("next")
	b.waitText(es.T("ui.questionOf", 2, 2))
	b.clickItem("opt0") // wrong
	b.clickItem("check")
	b.waitText(es.T("ui.wrong"))
	b.clickItem("finish")
	b.waitText(es.T("ui.results"), es.T("ui.score", 50.0, 1.0, 2))
	b.frames(10)
	b.screenshot("es-results")

	openExampleAt(b, es, "aenter-fails", 20)
	b.waitText("[" + es.T("ui.presets") + "]")
	b.frames(10)
	b.screenshot("es-sim")
	require.Empty(t, b.consoleProblems(), "console:\n%s", b.consoleText())
}

// TestSpanishPhone: the simulator on a phone in Spanish, where the longer
// words must still fit.
func TestSpanishPhone(t *testing.T) {
	b := newBrowser(t, phone, 3*time.Minute)
	openExampleAt(b, es, "doc002-database", 12)
	b.frames(10)
	b.screenshot("es-sim-phone")
	for _, it := range b.items() {
		require.LessOrEqual(t, it.X+it.W, 360.5, "%s (x %.1f, w %.1f) is wider than the phone", it.ID, it.X, it.W)
	}
	require.Empty(t, b.consoleProblems(), "console:\n%s", b.consoleText())
}
