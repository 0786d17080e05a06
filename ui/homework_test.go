package ui

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"asyncwithlab/homework"
	"asyncwithlab/quiz"
	"asyncwithlab/sim/predict"
)

// The student's side of homework: opening a link, the name, the work
// list, questions and challenges logged and saved, handing in. What the
// codes hold and how they are graded is tested in homework.

// testAssignment is three built-in questions and the challenges of
// aenter-fails, in mode.
func testAssignment(t *testing.T, mode string) *homework.Assignment {
	t.Helper()
	a := &homework.Assignment{ID: "00c0ffee00c0ffee", Title: "Week 3: async with",
		Quiz:       homework.QuizSource{Builtin: true, Questions: []int{1, 2, 3}},
		Challenges: []string{"aenter-fails"}, Mode: mode, Tries: 2, PassingGrade: 60, Due: "2026-12-18"}
	require.NoError(t, a.Seal(nil))
	return a
}

// linkOf is a's link: a student's when student is set, else the class's.
func linkOf(t *testing.T, a *homework.Assignment, student string) string {
	t.Helper()
	l := homework.Link{Assignment: a}
	if student != "" {
		key := homework.Key{1, 2, 3}
		l.Student, l.Seed = student, key.StudentSeed(a.ID, student)
	}
	s, err := l.Encode()
	require.NoError(t, err)
	return s
}

// startOf waits for the assignment's questions and returns its first screen.
func startOf(t *testing.T, g *Game) *hwStart {
	t.Helper()
	s, ok := g.scene.(*hwStart)
	require.True(t, ok, "the assignment is shown (notice: %q)", g.noticeText)
	buildPage(g)
	deadline := time.Now().Add(5 * time.Second)
	for s.q == nil && s.loadErr == nil && time.Now().Before(deadline) {
		s.key(g)
		time.Sleep(time.Millisecond)
	}
	require.NoError(t, s.loadErr)
	require.NotNil(t, s.q)
	return s
}

func listOf(t *testing.T, g *Game) *hwList {
	t.Helper()
	s, ok := g.scene.(*hwList)
	require.True(t, ok, "the work list is shown (notice: %q)", g.noticeText)
	return s
}

func TestAssignmentLinkOpensItsScreen(t *testing.T) {
	a := testAssignment(t, "interactive")
	plat := newMemPlatform()
	plat.fragment = linkOf(t, a, "Ana Souza")
	g := newSimGame(t, Config{}, plat)
	s := startOf(t, g)
	text := pageText(g)
	for _, want := range []string{"Week 3: async with", "3 questions", "Predict challenges in the simulator: ",
		"Due: 2026-12-18", "you have 2 tries per question", "Passing grade: 60%", "Your name or student ID: Ana Souza", "[Start]"} {
		assert.Contains(t, text, want)
	}
	assert.True(t, s.name.locked, "a per-student link fixes the name")
	assert.Equal(t, plat.fragment, linkOf(t, a, "Ana Souza"), "the address keeps the link, for a reload")
}

func TestBadAssignmentLinkNoticeOnHome(t *testing.T) {
	plat := newMemPlatform()
	plat.fragment = "v1.a.not-a-link"
	g := newSimGame(t, Config{}, plat)
	_, home := g.scene.(*homeScene)
	require.True(t, home)
	assert.Contains(t, g.noticeText, "This assignment link could not be opened: ")
	assert.Empty(t, plat.fragment)
	// A share link still opens the simulator.
	g = newSimGame(t, Config{Link: "v1.p.aenter-fails.0"}, newMemPlatform())
	simOf(t, g)
}

func TestClassLinkTakesATypedName(t *testing.T) {
	a := testAssignment(t, "immediate")
	plat := newMemPlatform()
	g := newSimGame(t, Config{Link: "https://lab.example/#" + linkOf(t, a, "")}, plat)
	s := startOf(t, g)
	assert.False(t, s.name.locked)
	click(t, g, "hw-start")
	assert.Contains(t, pageText(g), "Type your name or student ID first.")
	s.name.text = "  Bea Lima "
	click(t, g, "hw-start")
	l := listOf(t, g)
	assert.Equal(t, "Bea Lima", l.w.prog.Student)
	assert.Equal(t, homework.ClassSeed(a.ID, "Bea Lima"), l.w.prog.Seed)
	assert.NotEmpty(t, plat.store[hwStoreKey(a.ID)], "the name is saved at once")
}

// TestQuestionsAreLoggedAndReplayed answers a question wrongly then
// rightly (interactive, two tries), reloads, and hands in: the code
// grades as the screen showed.
func TestQuestionsAreLoggedAndReplayed(t *testing.T) {
	a := testAssignment(t, "interactive")
	plat := newMemPlatform()
	link := linkOf(t, a, "Ana Souza")
	plat.fragment = link
	g := newSimGame(t, Config{}, plat)
	startOf(t, g)
	click(t, g, "hw-start")
	l := listOf(t, g)
	items := l.w.items()
	require.Len(t, items, 3+len(l.w.challenges["aenter-fails"]))
	assert.Contains(t, pageText(g), "0 of 5 answered")

	click(t, g, "hw-q-1")
	qs, ok := g.scene.(*hwQuestion)
	require.True(t, ok)
	q := qs.v.question()
	keys := q.Keys()
	// A wrong pick first (any answer that is not a key; a sequence is
	// reversed).
	pickWrong(qs.v)
	click(t, g, "check")
	assert.Contains(t, pageText(g), "try again (1 try left)")
	qs.v.picks, qs.v.order = nil, nil
	pickRight(qs.v, keys)
	click(t, g, "check")
	assert.Contains(t, pageText(g), "Correct!")
	saved := plat.store[hwStoreKey(a.ID)]
	prog, err := homework.DecodeProgress(saved)
	require.NoError(t, err)
	require.Len(t, prog.Questions, 1)
	assert.Len(t, prog.Questions[0].Tries, 2, "every try is logged")
	assert.Equal(t, 0.5, qs.w.att.Points(0), "a wrong try costs half a point")

	// Reload: the same link resumes the saved work.
	g = newSimGame(t, Config{}, plat)
	s := startOf(t, g)
	assert.Contains(t, pageText(g), "[Continue]")
	require.NotNil(t, s.saved)
	click(t, g, "hw-start")
	l = listOf(t, g)
	assert.Contains(t, pageText(g), "1 of 5 answered")
	assert.Contains(t, pageText(g), "right")
	assert.Equal(t, 0.5, l.w.att.Points(0))

	click(t, g, "hw-handin")
	h, ok := g.scene.(*hwHandIn)
	require.True(t, ok)
	require.NoError(t, h.err)
	text := pageText(g)
	assert.Contains(t, text, h.code, "the code is in the screen's text")
	assert.Contains(t, text, "4 items are not answered yet")
	sub, err := homework.DecodeCode(h.code)
	require.NoError(t, err)
	assert.Equal(t, "Ana Souza", sub.Student)
	click(t, g, "hw-copy")
	assert.Equal(t, h.code, plat.copied)
	click(t, g, "hw-save")
	assert.Equal(t, h.code+"\n", string(plat.files["week-3-async-with-ana-souza.txt"]))

	qz, err := a.LoadQuestions(nil)
	require.NoError(t, err)
	gr, err := homework.NewGrader(a, qz, &homework.Key{1, 2, 3})
	require.NoError(t, err)
	rep := gr.Grade([]string{h.code})
	require.Len(t, rep.Rows, 1)
	assert.InDelta(t, 0.5, rep.Rows[0].Total, 1e-9, "the grader scores what the screen showed")
	assert.Empty(t, rep.Rows[0].Flags)
}

// pickWrong chooses a wrong answer to the question shown.
func pickWrong(v *quizView) {
	q := v.question()
	if q.Type == quiz.Sequence {
		for i, j := 0, len(v.order)-1; i < j; i, j = i+1, j-1 {
			v.order[i], v.order[j] = v.order[j], v.order[i]
		}
		return
	}
	for pos, ans := range v.shown() {
		if !q.Answers[ans].Correct {
			v.toggle(pos)
			return
		}
	}
}

// pickRight chooses the keys.
func pickRight(v *quizView, keys []int) {
	if v.question().Type == quiz.Sequence {
		v.order = append([]int(nil), keys...)
		return
	}
	v.picks = append([]int(nil), keys...)
}

// TestChallengeIsLoggedNotScored answers a challenge in the simulator:
// the homework logs it with the student's variant, the simulator's own
// scores are untouched, deferred mode shows no verdict, and Back returns
// to the assignment.
func TestChallengeIsLoggedNotScored(t *testing.T) {
	a := testAssignment(t, "deferred")
	plat := newMemPlatform()
	plat.fragment = linkOf(t, a, "Caio Reis")
	g := newSimGame(t, Config{}, plat)
	startOf(t, g)
	click(t, g, "hw-start")
	l := listOf(t, g)
	chs := l.w.challenges["aenter-fails"]
	require.NotEmpty(t, chs)
	click(t, g, "hw-ch-aenter-fails-1")
	s := simOf(t, g)
	require.NotNil(t, s.hw)
	assert.Equal(t, l.w.prog.Seed, s.ses.Seed)
	assert.Equal(t, plat.fragment, linkOf(t, a, "Caio Reis"), "the address keeps the assignment")
	for range 2000 {
		if s.asking() {
			break
		}
		s.tick(g)
		s.ses.Cursor.Advance(0.5)
	}
	require.True(t, s.asking(), "the first challenge is asked")
	ch := chs[0]
	assert.Contains(t, pageText(g), "Challenge 1 of 2")
	pr := s.ses.Predict
	switch ch.Kind {
	case predict.Order:
		for _, id := range ch.Answer.Order {
			pr.Pick(id, -1)
		}
	case predict.Aexit:
		pr.Pick("", ch.Answer.Option)
	}
	click(t, g, "predict-check")
	assert.Nil(t, pr.Mark, "deferred mode shows no verdict")
	assert.Empty(t, plat.store[scoresKey], "the simulator's scores are not touched")
	prog, err := homework.DecodeProgress(plat.store[hwStoreKey(a.ID)])
	require.NoError(t, err)
	require.Len(t, prog.Challenges, 1)
	assert.Equal(t, 1, prog.Challenges[0].N)
	click(t, g, "home")
	listOf(t, g)
	text := pageText(g)
	assert.Contains(t, text, "[Challenge 1: ")
	assert.NotContains(t, text, "right", "deferred: no marks in the list")
	assert.Contains(t, text, "answered")
}

func TestUnreadableHomeworkIsSetAside(t *testing.T) {
	a := testAssignment(t, "immediate")
	plat := newMemPlatform()
	plat.store[hwStoreKey(a.ID)] = "{not json"
	plat.fragment = linkOf(t, a, "Ana Souza")
	g := newSimGame(t, Config{}, plat)
	startOf(t, g)
	assert.Contains(t, pageText(g), "could not be read; it was set aside")
	found := false
	for k, v := range plat.store {
		if strings.HasPrefix(k, hwStoreKey(a.ID)+".unreadable.") && v == "{not json" {
			found = true
		}
	}
	assert.True(t, found, "the unreadable text is kept under a backup key")
}

func TestCodeFileName(t *testing.T) {
	assert.Equal(t, "week-3-async-with-ana-souza.txt", codeFileName("Week 3: async with", "Ana Souza"))
	assert.Equal(t, "homework.txt", codeFileName("!!", ""))
	assert.Equal(t, "tarefa-joão.txt", codeFileName("Tarefa", "João"))
}
