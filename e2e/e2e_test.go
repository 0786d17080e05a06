//go:build !js && !wasip1

package e2e

import (
	"fmt"
	neturl "net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"asyncwithlab/i18n"
	"asyncwithlab/quiz"
)

// TestBoot loads the page: the first frame comes (window.labFirstFrame,
// one "lab-ready" event), the loading screen goes, Home is shown, and the
// console has no error.
func TestBoot(t *testing.T) {
	needBrowser(t)
	b := newBrowser(t, desktop, 90*time.Second)
	_, err := chromedp.Call(b.ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
		Source: `window.labReadyEvents = 0; window.addEventListener("lab-ready", () => window.labReadyEvents++);`,
	})
	require.NoError(t, err)
	start := time.Now()
	first := b.open("")
	t.Logf("first frame %s after navigation start (%s in all)", first.Round(time.Millisecond), time.Since(start).Round(time.Millisecond))
	assert.Less(t, first, firstFrameTimeout)
	assert.Equal(t, 1, evaluate[int](b, `window.labReadyEvents`), "lab-ready events")
	// The loading screen fades out and is removed 300 ms later.
	_, err = chromedp.Run(b.ctx, chromedp.Poll[bool](`getComputedStyle(document.getElementById("lab-loading")).display === "none"`,
		chromedp.WithPollingTimeout(5*time.Second)))
	assert.NoError(t, err, "the loading screen is still shown")
	assert.False(t, evaluate[bool](b, `document.getElementById("lab-loading").classList.contains("lab-failed")`), "the loading screen reports a failure")

	home := b.waitText("Async With Lab", "[Take the quiz]")
	for _, want := range []string{"Learn how Python's async context managers enter and exit.", "[About and sources]", "[English] (chosen)", "[Português]", "[Español]"} {
		assert.Contains(t, home, want)
	}
	ids := itemIDs(b.items())
	want := []string{"quiz", "sim", "about", "teacher"}
	for _, l := range i18n.Langs() {
		want = append(want, "lang-"+string(l)) // a choice of every language
	}
	assert.Equal(t, want, ids)
	b.frames(30)
	b.screenshot("home")
	require.Empty(t, b.consoleProblems(), "console:\n%s", b.consoleText())
}

// TestReloadKeepsProgress answers three questions (the third wrongly),
// reloads the page and opens the quiz again: it goes on at question 4.
func TestReloadKeepsProgress(t *testing.T) {
	needBrowser(t)
	a := bankAttempt(t, quizSeed)
	b := newBrowser(t, desktop, 90*time.Second)
	b.open(fmt.Sprintf("lang=en&seed=%d", quizSeed))
	b.waitText("[Take the quiz]")
	b.press(keyTab)
	b.press(keyEnter)
	for i := range 3 {
		q := a.Question(i)
		b.step("question %d", i+1)
		waitQuestion(b, a, i)
		picks := q.Keys()
		if i == 2 {
			picks = wrongPicks(q)
		}
		for _, pos := range positions(a.Shown[i], picks) {
			b.press(digit(pos + 1))
		}
		b.waitText(optionLines(q, a.Shown[i], picks))
		if i == 0 {
			b.screenshot("question")
		}
		b.press(keyEnter)
		if i == 2 {
			b.waitText("Not quite. The right answer is marked.\n")
			b.screenshot("feedback-wrong")
			break
		}
		b.waitText("Correct!\n")
		if i == 0 {
			b.screenshot("feedback")
		}
		b.press(keyEnter)
	}
	saved := evaluate[string](b, fmt.Sprintf(`localStorage.getItem(%q)`, progressKey))
	require.NotEmpty(t, saved, "nothing saved under %s", progressKey)
	restored, err := quiz.DecodeAttempt(a.Quiz, saved)
	require.NoError(t, err, "the saved progress does not read back: %q", saved)
	for i, r := range restored.Responses {
		assert.Equal(t, i < 3, r.Done, "question %d saved as done=%v", i+1, r.Done)
		assert.Equal(t, i < 2, r.Correct, "question %d saved as correct=%v", i+1, r.Correct)
	}

	b.step("reload")
	b.reload()
	b.waitText("[Continue the quiz]")
	b.screenshot("home-continue")
	b.press(keyTab)
	b.press(keyEnter)
	waitQuestion(b, a, 3)
	assert.Contains(t, b.aria(), questionHeader(3, len(a.Order)))
	b.screenshot("question-4")
	assert.Empty(t, b.consoleProblems(), "console:\n%s", b.consoleText())
}

// TestQuizFileErrors opens quizzes given by ?quiz= that cannot be taken
// (no question can be used): pressing "Take the quiz" shows every problem
// with its line, or the HTTP status of a file that is not there.
func TestQuizFileErrors(t *testing.T) {
	needBrowser(t)
	parseErr := func(name string) string {
		_, err := quiz.Parse("fixtures/"+name, []byte(fixtures[name]))
		require.Error(t, err)
		return err.Error()
	}
	cases := []struct {
		name, quiz string
		want       []string
		allow      *regexp.Regexp // an expected console error
	}{
		{name: "two problems", quiz: "fixtures/two-errors.md", want: []string{
			`fixtures/two-errors.md:3: question "First" has a bullet list without checkboxes`,
			`fixtures/two-errors.md:8: multiple-choice question "Second" has no correct answer`,
			parseErr("two-errors.md"),
		}},
		{name: "missing file", quiz: "fixtures/missing.md", want: []string{
			"fixtures/missing.md: HTTP 404 Not Found",
		}, allow: regexp.MustCompile(`status of 404`)},
		{name: "another site", quiz: "https://example.com/quiz.md", want: []string{
			`"https://example.com/quiz.md" is on another site; quizzes load from this site only`,
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			b := newBrowser(t, desktop, 60*time.Second)
			b.open("lang=en&quiz=" + neturl.QueryEscape(c.quiz))
			b.waitText("[Take the quiz]")
			b.press(keyTab)
			b.press(keyEnter)
			b.waitText("This quiz file has problems\n")
			got := b.waitText(c.want...)
			assert.NotContains(t, got, "Question 1 of")
			if c.name == "two problems" {
				// The errors must be readable on screen too, not only in
				// the text for screen readers: the panel's text must
				// stand out from the panel (WCAG AA asks 4.5:1; 3 leaves
				// room for antialiased thin strokes).
				b.frames(5)
				img := b.screenshot("quiz-errors")
				home := b.item("home")
				ratio, fill, ink := panelContrast(img, int((home.Y+home.H)*desktop.scale)+40)
				assert.GreaterOrEqual(t, ratio, 3.0,
					"BUG: the error panel's text is unreadable: its most contrasting pixel %v on the panel's fill %v is only %.2f:1 "+
						"(the errors are a code block drawn with the dark code theme's light colours, without its dark background)", ink, fill, ratio)
			}
			// Esc goes back Home.
			b.press(keyEscape)
			b.waitText("[Take the quiz]")
			var allow []*regexp.Regexp
			if c.allow != nil {
				allow = append(allow, c.allow)
			}
			assert.Empty(t, b.consoleProblems(allow...), "console:\n%s", b.consoleText())
		})
	}
}

// TestQuizWithABrokenQuestion opens a quiz given by ?quiz= that has a
// broken question among good ones: the quiz starts with the good one,
// above it a panel names the question left out, its line and what is
// wrong; "Hide these details" folds the panel and the quiz goes on.
func TestQuizWithABrokenQuestion(t *testing.T) {
	needBrowser(t)
	b := newBrowser(t, desktop, 60*time.Second)
	b.open("lang=en&quiz=" + neturl.QueryEscape("fixtures/broken.md"))
	b.waitText("[Take the quiz]")
	b.press(keyTab)
	b.press(keyEnter)
	q, err := quiz.Read("fixtures/broken.md", []byte(fixtures["broken.md"]))
	require.NoError(t, err)
	require.Len(t, q.SetAside, 1)
	got := b.waitText("Question 1 of 1\n",
		"1 question of broken.md could not be read, and was left out",
		fmt.Sprintf("“%s” (line %d)", q.SetAside[0].Title, q.SetAside[0].Line),
		fmt.Sprintf("Line %d: %s", q.Problems[0].Line, q.Problems[0].Msg),
		"A fine question")
	assert.Contains(t, got, `Line 12: single-choice question "Which one is right?" has 2 correct answers`)
	b.frames(5)
	b.screenshot("quiz-set-aside")

	b.clickItem("aside")
	got = b.waitText("[Show what was left out]")
	assert.NotContains(t, got, "Line 12:")
	assert.Contains(t, got, "A fine question")
	assert.Empty(t, b.consoleProblems(), "console:\n%s", b.consoleText())
}

// TestPhone shows the first question on a 360×640 phone screen with a
// device pixel ratio of 2: the canvas has the device's pixels, every item
// fits the width, items do not overlap, and every option and the Check
// button can be scrolled onto the screen with the wheel.
func TestPhone(t *testing.T) {
	needBrowser(t)
	a := bankAttempt(t, quizSeed)
	b := newBrowser(t, phone, 60*time.Second)
	b.open(fmt.Sprintf("lang=en&seed=%d", quizSeed))
	b.waitText("[Take the quiz]")
	canvas := evaluate[[]float64](b, `(() => { const c = document.querySelector('canvas'); const r = c.getBoundingClientRect(); return [c.width, c.height, r.width, r.height, window.devicePixelRatio]; })()`)
	assert.Equal(t, []float64{720, 1280, 360, 640, 2}, canvas, "canvas: width, height, CSS width, CSS height, devicePixelRatio")
	b.screenshot("phone-home")
	b.clickItem("quiz")
	waitQuestion(b, a, 0)
	b.screenshot("phone-question")

	q := a.Question(0)
	ids := []string{"home"}
	for i := range q.Answers {
		ids = append(ids, fmt.Sprintf("opt%d", i))
	}
	ids = append(ids, "check")
	its := b.items()
	assert.Equal(t, ids, itemIDs(its))
	for _, it := range its {
		assert.GreaterOrEqual(t, it.X, 0.0, "%s starts left of the screen", it.ID)
		assert.LessOrEqual(t, it.X+it.W, 360.0, "%s (x %.1f, w %.1f) is wider than the screen", it.ID, it.X, it.W)
		assert.Greater(t, it.W, 0.0)
		assert.GreaterOrEqual(t, it.H, 44.0, "%s is %.0f CSS px tall: too small a target for a finger", it.ID, it.H)
	}
	for i := 1; i < len(its); i++ {
		assert.LessOrEqual(t, its[i-1].Y+its[i-1].H, its[i].Y, "%s overlaps %s", its[i-1].ID, its[i].ID)
	}
	// Every option, then Check, scrolled into view with the wheel.
	for _, id := range ids[1:] {
		it := b.reveal(id)
		assert.True(t, b.visible(it), "%s is not wholly on screen: %+v", id, it)
	}
	// Pick the answer and check it: the explanation makes the page longer
	// than the screen, and Next is reached by scrolling.
	b.clickItem(fmt.Sprintf("opt%d", positions(a.Shown[0], q.Keys())[0]))
	b.clickItem("check")
	b.waitText("Correct!\n", "[Next]")
	next := b.item("next")
	assert.Greater(t, next.Y+next.H, 640.0, "Next should be below the screen on a phone after the explanation")
	b.screenshot("phone-feedback")
	// The keyboard scrolls too: End to the bottom, Home to the top.
	b.press(keyEnd)
	assert.True(t, b.visible(b.item("next")), "End did not scroll Next onto the screen: %+v", b.item("next"))
	b.press(keyHome)
	assert.True(t, b.visible(b.item("home")), "Home did not scroll back to the top: %+v", b.item("home"))
	b.clickItem("next") // with the wheel
	waitQuestion(b, a, 1)
	assert.Empty(t, b.consoleProblems(), "console:\n%s", b.consoleText())
}

// TestLanguage opens the page in Portuguese with ?lang=pt, switches to
// English with the language buttons (by way of Spanish), and reloads:
// English stays.
func TestLanguage(t *testing.T) {
	needBrowser(t)
	b := newBrowser(t, desktop, 60*time.Second)
	b.open("lang=pt")
	home := b.waitText("[Fazer o quiz]")
	assert.Contains(t, home, "[Sobre e fontes]")
	assert.Contains(t, home, "[English]")
	assert.Contains(t, home, "[Español]")
	b.screenshot("home-pt")

	b.clickItem("lang-es")
	home = b.waitText("[Hacer el cuestionario]", "[English]", "[Português]")
	assert.Contains(t, home, "[Información y fuentes]")
	assert.Equal(t, "es", evaluate[string](b, `localStorage.getItem("asyncwithlab.lang")`))
	b.screenshot("home-es")

	b.clickItem("lang-en")
	home = b.waitText("[Take the quiz]", "[Português]")
	assert.Contains(t, home, "[About and sources]")
	assert.Equal(t, "en", evaluate[string](b, `localStorage.getItem("asyncwithlab.lang")`))

	t.Run("reload", func(t *testing.T) {
		b.t = t
		b.reload()
		got := b.waitAria("Home in English or Portuguese", func(s string) bool {
			return strings.Contains(s, "[Take the quiz]") || strings.Contains(s, "[Fazer o quiz]")
		})
		assert.Contains(t, got, "[Take the quiz]",
			"BUG: the page was opened with ?lang=pt and switched to English with the language button; "+
				"after a reload it is in Portuguese again: ?lang= overrides the choice the user made later (and saved)")
	})
	t.Run("without ?lang", func(t *testing.T) {
		b.t = t
		b.open("")
		b.waitText("[Take the quiz]", "[Português]")
	})
	b.t = t
	assert.Empty(t, b.consoleProblems(), "console:\n%s", b.consoleText())
}
