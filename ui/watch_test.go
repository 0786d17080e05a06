package ui

import (
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"asyncwithlab/quiz"
	"asyncwithlab/quizsim"
)

const watchQuiz = "# Which runs first?\n\n- [x] `__aenter__`\n- [ ] the body\n\n" +
	"> **Explanation:** watch it [in the simulator](#v1.p.doc001-basic.5).\n\n" +
	"# Broken link\n\n- [x] a\n- [ ] b\n\n> Explanation: [here](#v1.p.no-such.0)\n"

// newWatchGame is a game whose quiz is watchQuiz, in mode.
func newWatchGame(t *testing.T, mode string) *Game {
	t.Helper()
	plat := newMemPlatform()
	if mode != "" {
		plat.params = map[string]string{"mode": mode}
	}
	g := newSimGame(t, Config{}, plat)
	q, err := quiz.Parse("watch.md", []byte(watchQuiz))
	require.NoError(t, err)
	g.customName, g.custom = "watch.md", q
	g.seed = 1
	g.startQuiz()
	return g
}

// TestSeeItRunAndComeBack: on a window too narrow for both, "See it run"
// opens the question's example full screen at its event; "Back to the
// question" returns to the same question, with its choice, scroll and
// focus as they were.
func TestSeeItRunAndComeBack(t *testing.T) {
	g := newWatchGame(t, "")
	g.w = 1024
	qs, ok := g.scene.(*quizScene)
	require.True(t, ok)
	idx := qs.v.idx
	click(t, g, "opt0")
	p := buildPage(g)
	p.scroll, p.focusID = 40, "opt0" // scrolled down, a choice focused
	for _, it := range p.items {
		if it.id == "watch" {
			it.action()
		}
	}
	s := simOf(t, g)
	assert.Equal(t, "doc001-basic", s.ses.Name)
	assert.Equal(t, s.ses.Replay.Stops()[int(s.ses.Cursor.Pos)], 5, "at the question's event")
	assert.Contains(t, pageText(g), "[← Back to the question]")

	click(t, g, "example-back")
	assert.Same(t, qs, g.scene, "the same quiz screen")
	assert.Equal(t, idx, qs.v.idx)
	assert.Equal(t, []int{qs.v.shown()[0]}, qs.v.picks, "the choice is kept")
	assert.Equal(t, 40.0, g.page.scroll, "the next frame starts where the question was scrolled to")
	assert.Equal(t, "opt0", g.page.focusID)
	assert.Equal(t, "", g.plat.Fragment(), "the address no longer holds the example")
}

// TestSeeItRunByMode: practice offers the example before answering; a
// deferred quiz (a test) only once the answer is in.
func TestSeeItRunByMode(t *testing.T) {
	for _, tt := range []struct {
		mode   string
		before bool
	}{{"", true}, {"interactive", true}, {"deferred", false}} {
		t.Run(tt.mode, func(t *testing.T) {
			g := newWatchGame(t, tt.mode)
			v := g.scene.(*quizScene).v
			require.Equal(t, "v1.p.doc001-basic.5", v.question().Watch)
			assert.Equal(t, tt.before, hasItem(g, "watch"), "before answering")
			click(t, g, "opt0")
			click(t, g, "check")
			assert.True(t, hasItem(g, "watch"), "after answering")
		})
	}
}

// TestSeeItRunBadLink: a link that does not open says so on the question
// and the quiz goes on.
func TestSeeItRunBadLink(t *testing.T) {
	g := newWatchGame(t, "")
	qs := g.scene.(*quizScene)
	qs.v.idx = 1
	qs.v.load()
	click(t, g, "watch")
	assert.Same(t, qs, g.scene)
	assert.Contains(t, pageText(g), `This question's example could not be opened: the example "no-such" does not exist`)
}

func hasItem(g *Game, id string) bool {
	for _, it := range buildPage(g).items {
		if it.id == id {
			return true
		}
	}
	return false
}

// TestSeeItRunBeside: on a wide window the example opens beside the
// question: the question's items keep the left strip and scroll, the
// simulator's controls are fixed on the right and work there; moving to
// the next question, or closing, leaves the question alone.
func TestSeeItRunBeside(t *testing.T) {
	g := newWatchGame(t, "")
	qs := g.scene.(*quizScene)
	click(t, g, "opt0")
	click(t, g, "watch")
	sp, ok := g.scene.(*splitScene)
	require.True(t, ok, "split view at 1280 px")
	assert.Same(t, qs, sp.left)
	assert.Equal(t, "doc001-basic", sp.right.ses.Name)

	p := buildPage(g)
	lw := sp.leftWidth(g)
	var opt, step *item
	for _, it := range p.items {
		switch it.id {
		case "opt0":
			opt = it
		case "step":
			step = it
		}
	}
	require.NotNil(t, opt, "the question is there")
	require.NotNil(t, step, "the simulator's controls are there")
	assert.LessOrEqual(t, opt.x+opt.w, lw, "the question keeps to the left strip")
	assert.False(t, opt.fixed)
	assert.GreaterOrEqual(t, step.x, lw, "the simulator's controls are on the right")
	assert.True(t, step.fixed)
	text := pageText(g)
	assert.Contains(t, text, "Which runs first?")
	assert.Contains(t, text, "Event 6 of ", "the simulator at the question's event")
	assert.Contains(t, text, "[× Close the example]")

	// A click on the simulator's Step moves it; the question is untouched.
	before := sp.right.ses.Cursor.Pos
	step.action()
	assert.Greater(t, sp.right.ses.Cursor.Pos, before)
	assert.Equal(t, []int{qs.v.shown()[0]}, qs.v.picks)

	// Scrolling moves the question, not the simulator's controls.
	p = buildPage(g)
	p.scroll = 30
	assert.Equal(t, "step", p.hit(step.x+1, step.y+1).id, "a fixed control is hit where it is drawn")

	click(t, g, "example-back") // Close the example
	assert.Same(t, qs, g.scene)

	// Open again, then move on: the split closes with the question.
	click(t, g, "watch")
	require.IsType(t, &splitScene{}, g.scene)
	click(t, g, "check")
	click(t, g, "next")
	pageText(g)
	assert.Same(t, qs, g.scene, "the next question is shown alone")
}

// TestLabQuestionInTheQuiz: a question the simulator answers shows the
// program and the printed lines to put in order, and is marked by the
// engine's key.
func TestLabQuestionInTheQuiz(t *testing.T) {
	plat := newMemPlatform()
	g := newSimGame(t, Config{}, plat)
	q, err := quizsim.Parse("lab.md", []byte("# In what order?\n\n```lab\nrun: doc001-basic\nask: last line\n```\n"))
	require.NoError(t, err)
	g.customName, g.custom = "lab.md", q
	g.seed = 1
	g.startQuiz()
	text := pageText(g)
	assert.Contains(t, text, `print("Inside context")`, "the program is shown")
	v := g.scene.(*quizScene).v
	right := -1
	for pos, ans := range v.shown() {
		if quiz.PlainText(v.question().Answers[ans].Text) == "Exit context" {
			right = pos
		}
	}
	require.GreaterOrEqual(t, right, 0)
	click(t, g, "opt"+strconv.Itoa(right))
	click(t, g, "check")
	assert.Contains(t, pageText(g), "Correct!")
}
