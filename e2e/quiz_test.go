//go:build !js && !wasip1

package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"asyncwithlab/quiz"
	"asyncwithlab/quizsim"
)

// The seed of the quiz runs: it fixes the order of the sequence items (the
// English bank does not shuffle questions or answers). Among the first
// 200000 seeds it is one whose ten sequences start nearly in order: 31
// swaps in all, where a random seed needs about 58. Under SwiftShader
// every redraw costs a few hundred milliseconds, and each swap is one.
const quizSeed = 28974

// progressKey is where the app keeps the progress of the English bank.
const progressKey = "asyncwithlab.progress.quiz/en.md"

// bankAttempt reads the built-in English bank as the app does and starts
// the attempt the app starts with the seed: same questions, same order of
// answers on screen.
func bankAttempt(t *testing.T, seed uint64) *quiz.Attempt {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(repoRoot, "assets", "quiz", "en.md"))
	require.NoError(t, err)
	q, err := quizsim.Parse("quiz/en.md", data) // with the questions the simulator answers, as the app reads it
	require.NoError(t, err)
	require.Len(t, q.Questions, 53, "the English bank's size changed; the tests' expectations count on 53")
	return quiz.NewAttempt(q, seed, quiz.Immediate)
}

// optionLines is how the screen's text lists the options in this order.
func optionLines(q *quiz.Question, order []int, chosen []int) string {
	var b strings.Builder
	for pos, ans := range order {
		fmt.Fprintf(&b, "%d. %s", pos+1, quiz.PlainText(q.Answers[ans].Text))
		if q.Type != quiz.Sequence && slices.Contains(chosen, ans) {
			b.WriteString(" (chosen)")
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// questionHeader is the progress line of question i (0-based) of n.
func questionHeader(i, n int) string { return fmt.Sprintf("Question %d of %d\n", i+1, n) }

// waitQuestion waits for question i and checks that the screen lists its
// answers in the order the attempt says.
func waitQuestion(b *browserApp, a *quiz.Attempt, i int) {
	b.t.Helper()
	q := a.Question(i)
	b.waitText(questionHeader(i, len(a.Order)), quiz.PlainText(q.Title), optionLines(q, a.Shown[i], nil))
}

// positions maps answer indices to their places on screen (0-based).
func positions(order, answers []int) []int {
	var out []int
	for _, ans := range answers {
		out = append(out, slices.Index(order, ans))
	}
	return out
}

// scoreLine is the results screen's score for points out of n questions.
func scoreLine(points float64, n int) string {
	return fmt.Sprintf("You scored %.0f%% (%.1f of %d).", 100*points/float64(n), points, n)
}

// TestQuizByKeyboard takes the whole built-in quiz with the keyboard only:
// Tab and Space pick the first answer, digits pick the others (mapped to
// their places on screen by the attempt's Shown order); the first
// sequence is put in order with Tab, ↑/↓ and Shift+↓, the others with
// their digits (which focus an item) and Shift+↑; Enter checks and Enter
// goes on. Every answer is right, so the results say 100%.
func TestQuizByKeyboard(t *testing.T) {
	needBrowser(t)
	a := bankAttempt(t, quizSeed)
	n := len(a.Order)
	b := newBrowser(t, fast, 180*time.Second)
	b.open(fmt.Sprintf("lang=en&seed=%d", quizSeed))
	b.waitText("[Take the quiz]")

	// Home: Tab focuses "Take the quiz", Enter activates it.
	b.press(keyTab)
	b.press(keyEnter)
	start := time.Now()
	for i := range n {
		q := a.Question(i)
		b.step("question %d (%s)", i+1, q.Type)
		waitQuestion(b, a, i)
		switch {
		case i == 0:
			// Tab past the Home button to the right option, Space picks it.
			require.Equal(t, []int{0}, positions(a.Shown[i], q.Keys()))
			b.press(keyTab)
			b.press(keyTab)
			b.press(keySpace)
			b.waitText(optionLines(q, a.Shown[i], q.Keys()))
		case q.Type == quiz.Single || q.Type == quiz.Multiple:
			keys := q.Keys()
			for _, pos := range positions(a.Shown[i], keys) {
				b.press(digit(pos + 1))
			}
			b.waitText(optionLines(q, a.Shown[i], keys))
		case q.Type == quiz.Sequence:
			// The first sequence is sorted from the bottom with Tab,
			// ↑/↓ and Shift+↓; the others with digits and Shift+↑.
			sortByKeyboard(b, q, a.Shown[i], i == firstSequence(a))
		}
		b.press(keyEnter) // check
		b.waitText("Correct!\n")
		b.press(keyEnter) // next, or the results after the last
	}
	t.Logf("%d questions answered in %s", n, time.Since(start).Round(time.Millisecond))
	res := b.waitText("Results\n")
	assert.Contains(t, res, scoreLine(float64(n), n))
	assert.Contains(t, res, "You scored 100%")

	// A finished quiz opens on its results, here at full resolution for
	// the screenshot.
	b.step("reload at 1x")
	b.setViewport(desktop)
	b.reload()
	b.waitText("[Continue the quiz]")
	b.press(keyTab)
	b.press(keyEnter)
	b.waitText("Results\n", scoreLine(float64(n), n))
	b.screenshot("results")
	assert.Empty(t, b.consoleProblems(), "console:\n%s", b.consoleText())
}

// firstSequence is the index of the attempt's first sequence question.
func firstSequence(a *quiz.Attempt) int {
	return slices.IndexFunc(a.Order, func(qi int) bool { return a.Quiz.Questions[qi].Type == quiz.Sequence })
}

// sortByKeyboard puts a sequence question's items in order. With tab, Tab
// reaches the first item (after the Home button), ↓ and ↑ move the focus,
// and Shift+↓ moves the focused item down to its place, the last place
// first. Without, the item's digit focuses it and Shift+↑ moves it up to
// its place, the first place first.
func sortByKeyboard(b *browserApp, q *quiz.Question, shown []int, tab bool) {
	b.t.Helper()
	order := slices.Clone(shown)
	move := func(c, delta int) {
		before := b.aria()
		if delta < 0 {
			b.shiftPress(keyUp)
		} else {
			b.shiftPress(keyDown)
		}
		order[c], order[c+delta] = order[c+delta], order[c]
		b.waitAria("the item moved", func(s string) bool { return s != before })
		b.waitText(optionLines(q, order, nil))
	}
	if !tab {
		for p := range order {
			c := slices.Index(order, p)
			if c == p {
				continue
			}
			b.press(digit(c + 1))
			for ; c > p; c-- {
				move(c, -1)
			}
		}
		require.True(b.t, slices.IsSorted(order))
		return
	}
	b.press(keyTab) // the Home button
	b.press(keyTab) // the first item
	focus := 0
	for p := len(order) - 1; p >= 0; p-- {
		c := slices.Index(order, p)
		if c == p {
			continue
		}
		for ; focus < c; focus++ {
			b.press(keyDown)
		}
		for ; focus > c; focus-- {
			b.press(keyUp)
		}
		for ; c < p; c++ {
			move(c, +1)
		}
		focus = p
	}
	require.True(b.t, slices.IsSorted(order))
}

// mouseFirst is the first question TestQuizByMouse answers with the mouse;
// the ones before are restored from saved progress, all right. Under
// SwiftShader a redraw takes a few hundred milliseconds, and a question
// by mouse takes about five (pick, check, wheel, next, drags): all 53
// take a bit over a minute. E2E_QUICK=1 answers only the last 15 (all
// three types, four sequences, the longest one among them) in about 30 s,
// for a faster local run.
func mouseFirst(n int) int {
	if os.Getenv("E2E_QUICK") != "" {
		return n - 15
	}
	return 0
}

// TestQuizByMouse takes the quiz with the mouse: clicks on the options,
// Check and Next at the centres window.labItems gives, drags sequence
// items into place, and turns the wheel to reach what is below the page.
// The questions before mouseFirst come from saved progress (which the
// app must take back). A few answers are wrong on purpose; the score must
// count them.
func TestQuizByMouse(t *testing.T) {
	needBrowser(t)
	a := bankAttempt(t, quizSeed)
	n := len(a.Order)
	first := mouseFirst(n)
	// Wrong on purpose: the first question of each type, and the last.
	wrongAt := map[int]bool{n - 1: true}
	seen := map[quiz.Type]bool{}
	for i := first; i < n; i++ {
		if tp := a.Question(i).Type; !seen[tp] {
			seen[tp], wrongAt[i] = true, true
		}
	}
	right := 0
	for i := range first {
		_, err := a.Answer(i, a.Question(i).Keys())
		require.NoError(t, err)
		right++
	}

	b := newBrowser(t, fast, 150*time.Second)
	b.open(fmt.Sprintf("lang=en&seed=%d", quizSeed))
	if first > 0 {
		b.step("restore %d answers", first)
		evaluate[chromedp.Void](b, fmt.Sprintf(`localStorage.setItem(%q, %q)`, progressKey, a.Encode()))
		b.reload()
		b.waitText("[Continue the quiz]")
		b.clickItem("quiz")
	} else {
		b.waitText("[Take the quiz]")
		b.clickItem("quiz")
	}

	start := time.Now()
	for i := first; i < n; i++ {
		q := a.Question(i)
		b.step("question %d (%s)", i+1, q.Type)
		waitQuestion(b, a, i)
		picks := q.Keys()
		if wrongAt[i] && q.Type != quiz.Sequence {
			picks = wrongPicks(q)
		}
		switch q.Type {
		case quiz.Single, quiz.Multiple:
			for _, pos := range positions(a.Shown[i], picks) {
				b.clickItem(fmt.Sprintf("opt%d", pos))
			}
			b.waitText(optionLines(q, a.Shown[i], picks))
		case quiz.Sequence:
			if !wrongAt[i] {
				sortByMouse(b, q, a.Shown[i])
			} // else: checked as shown, which is never the right order
		}
		before := b.aria()
		b.clickItem("check")
		after := b.waitChange(before)
		if wrongAt[i] {
			assert.Contains(t, after, "Not quite. The right answer is marked.", "question %d", i+1)
		} else {
			right++
			assert.Contains(t, after, "Correct!", "question %d", i+1)
		}
		if i+1 < n {
			b.clickItem("next")
		} else {
			b.clickItem("finish")
		}
	}
	t.Logf("questions %d to %d answered by mouse in %s, %d of them wrong on purpose", first+1, n, time.Since(start).Round(time.Millisecond), len(wrongAt))
	res := b.waitText("Results\n")
	assert.Contains(t, res, scoreLine(float64(right), n))
	t.Logf("score: %s", scoreLine(float64(right), n))
	assert.Empty(t, b.consoleProblems(), "console:\n%s", b.consoleText())
}

// wrongPicks is a wrong answer to a choice question: the first wrong
// option (single), or the keys plus a wrong option (multiple).
func wrongPicks(q *quiz.Question) []int {
	for i, ans := range q.Answers {
		if !ans.Correct {
			if q.Type == quiz.Single {
				return []int{i}
			}
			return append(q.Keys(), i)
		}
	}
	panic("a question with no wrong answer")
}

// sortByMouse drags each sequence item to its place (selection sort): the
// mouse goes down at the item's centre, moves in steps, and is released a
// little above the centre of the item that holds the target place.
func sortByMouse(b *browserApp, q *quiz.Question, shown []int) {
	b.t.Helper()
	order := slices.Clone(shown)
	for p := range order {
		for {
			c := slices.Index(order, p)
			if c == p {
				break
			}
			from := b.reveal(fmt.Sprintf("opt%d", c))
			if top := b.item(fmt.Sprintf("opt%d", p)); top.Y < 0 {
				// Scroll up to show place p, as far as the item
				// stays on screen.
				up := max(top.Y-8, from.Y+from.H-float64(b.vp.h))
				if up < -1 {
					b.step("wheel %.0fpx to show place %d", up, p+1)
					b.wheel(up * wheelPerPixel)
					from = b.item(fmt.Sprintf("opt%d", c))
				}
			}
			// The highest place on screen at or below p: a long list
			// takes several drags.
			to := p
			var target labItem
			for ; to < c; to++ {
				target = b.item(fmt.Sprintf("opt%d", to))
				if target.Y >= 0 {
					break
				}
			}
			require.Less(b.t, to, c, "no place above item %d is on screen", c+1)
			fx, fy := from.center()
			_, ty := target.center()
			b.step("drag item %d (y=%.0f) to place %d (y=%.0f)", c+1, fy, to+1, ty-4)
			before := b.aria()
			b.drag(fx, fy, fx, ty-4, 3)
			item := order[c]
			order = slices.Delete(order, c, c+1)
			order = slices.Insert(order, to, item)
			b.waitAria("dragged item", func(s string) bool { return s != before })
			b.waitText(optionLines(q, order, nil))
		}
	}
}
