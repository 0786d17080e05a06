//go:build !js && !wasip1

package e2e

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"asyncwithlab/homework"
	"asyncwithlab/quiz"
	"asyncwithlab/sim/predict"
	"asyncwithlab/sim/session"
)

// hwStudent is how one student takes the assignment in the test.
type hwStudent struct {
	name string
	// wrongFirst: question positions (in the student's order) answered
	// wrongly once before the right answer; wrongTwice: wrongly until
	// out of tries; skip: left out.
	wrongFirst, wrongTwice, skip map[int]bool
	// reloadAfter: the page is reloaded after this many questions (0: never).
	reloadAfter int
	// wrongChallenge: challenges (1-based) answered wrongly.
	wrongChallenge map[int]bool
}

// codePattern finds a submission code in the screen's text.
var codePattern = regexp.MustCompile(`awl1\.[A-Za-z0-9_-]+\.[0-9a-f]{8}`)

// TestHomework: a teacher makes an assignment on the Teacher screen
// (three built-in questions, interactive with two tries, a passing grade,
// and the two challenges of aenter-fails), saves the key and makes
// per-student links from a pasted roster of three. Each student opens
// their link in a fresh browser: one tries wrongly first, one leaves a
// question out, one reloads halfway. Each hands in a code read from the
// screen; the teacher's grader must give exactly the points computed
// here. Then the teacher, in another fresh browser, pastes the link, the
// key file and the codes into the Teacher screen and downloads the CSV,
// which must be the grader's and lab grade's, byte for byte
// (gradeOnTeacherScreen).
func TestHomework(t *testing.T) {
	needBrowser(t)
	students := []hwStudent{
		{name: "Ana Souza", wrongFirst: map[int]bool{0: true}},
		{name: "Bruno Lima", skip: map[int]bool{2: true}, wrongChallenge: map[int]bool{2: true}},
		{name: "Carla Dias", wrongTwice: map[int]bool{1: true}, reloadAfter: 1},
	}
	var names []string
	for _, st := range students {
		names = append(names, st.name)
	}
	made := assignOnTeacherScreen(t, names)
	a := made.link.Assignment
	assert.Equal(t, homework.Assignment{ID: a.ID, Title: "Week 3: async with",
		Quiz:       homework.QuizSource{Builtin: true, Questions: []int{1, 2, 3}, Fingerprint: a.Quiz.Fingerprint},
		Challenges: []string{"aenter-fails"}, Mode: "interactive", Tries: 2, PassingGrade: 60}, *a,
		"the assignment the Teacher screen made")
	key := made.key
	qz, err := a.LoadQuestions(nil)
	require.NoError(t, err)
	ses, err := session.OpenPreset("aenter-fails")
	require.NoError(t, err)

	want := map[string][]float64{} // points by grader column
	var codes []string
	for k, st := range students {
		l, ok := made.students[st.name]
		require.True(t, ok, "a link for %s in links.csv", st.name)
		assert.Equal(t, st.name, l.Student)
		seed := key.StudentSeed(a.ID, st.name)
		require.Equal(t, seed, l.Seed, "%s's seed is derived from the key", st.name)
		chs := predict.Find(ses.Result, seed)
		require.Len(t, chs, 2)
		points, code := takeHomework(t, k+1, st, a, qz, made.fragments[st.name], seed, chs)
		want[st.name] = points
		codes = append(codes, code)
	}

	g, err := homework.NewGrader(a, qz, &key)
	require.NoError(t, err)
	rep := g.Grade(codes)
	require.Empty(t, rep.Problems)
	require.Len(t, rep.Rows, len(students))
	for _, row := range rep.Rows {
		w, ok := want[row.Student]
		require.True(t, ok, "a row for %q", row.Student)
		assert.Equal(t, w, row.Points, "%s's points by column", row.Student)
		total := 0.0
		for _, p := range w {
			total += p
		}
		assert.InDelta(t, total, row.Total, 1e-9, "%s's total", row.Student)
		assert.Equal(t, len(w), row.Max)
		assert.Empty(t, row.Flags, "%s is not flagged", row.Student)
		t.Logf("%s: %v = %.2f of %d", row.Student, row.Points, row.Total, row.Max)
	}

	// The teacher grades the same codes on the Teacher screen and
	// downloads the CSV; lab grade must print the same.
	gradeOnTeacherScreen(t, made, qz, codes)
}

// takeHomework is one student in a fresh browser: open the link, answer,
// hand in. It returns the points the grader must give (by column:
// questions by number, then the challenges) and the code.
func takeHomework(t *testing.T, k int, st hwStudent, a *homework.Assignment, qz *quiz.Quiz, link string, seed uint64, chs []predict.Challenge) ([]float64, string) {
	b := newBrowser(t, fast, 100*time.Second)
	shot := func(step string) { b.screenshot(fmt.Sprintf("hw-%d-%s", k, step)) }
	att := a.NewAttempt(qz, seed) // what the student's screen shows
	points := make([]float64, len(qz.Questions)+len(chs))

	b.step("%s opens the link", st.name)
	b.openLink(link)
	b.waitText("Week 3: async with", "Your name or student ID: "+st.name, "[Start]")
	shot("1-start")
	b.clickItem("hw-start")
	b.waitText("0 of 5 answered")
	shot("2-list")

	for pos := range att.Order {
		if st.skip[pos] {
			continue
		}
		if st.reloadAfter > 0 && pos == st.reloadAfter {
			b.step("reload")
			b.reload()
			b.waitText("[Continue]")
			shot("3-reloaded")
			b.clickItem("hw-start")
			b.waitText(fmt.Sprintf("%d of 5 answered", pos))
		}
		q := att.Question(pos)
		b.step("question %d", pos+1)
		b.clickItem("hw-q-" + strconv.Itoa(pos+1))
		b.waitText(fmt.Sprintf("Question %d of 3", pos+1))
		wrong := wrongPicks(q)
		tries := [][]int{q.Keys()}
		switch {
		case st.wrongFirst[pos]:
			tries = [][]int{wrong, q.Keys()}
		case st.wrongTwice[pos]:
			tries = [][]int{wrong, wrong}
		}
		var picked []int
		for n, try := range tries {
			// Unpick the last try's answers, then pick this one's. Each
			// click changes the screen (and may move the options: the
			// last try's feedback goes); wait for it before the next,
			// so that no click lands where an option was.
			for _, p := range append(positions(att.Shown[pos], picked), positions(att.Shown[pos], try)...) {
				before := b.aria()
				b.clickItem(fmt.Sprintf("opt%d", p))
				b.waitChange(before)
			}
			picked = try
			b.waitText(optionLines(q, att.Shown[pos], try))
			before := b.aria()
			b.clickItem("check")
			after := b.waitChange(before)
			_, err := att.Answer(pos, try)
			require.NoError(t, err)
			switch {
			case slices.Equal(try, q.Keys()):
				assert.Contains(t, after, "Correct!")
			case n == 0:
				assert.Contains(t, after, "try again (1 try left)")
			default:
				assert.Contains(t, after, "Not quite. The right answer is marked.")
			}
			shot(fmt.Sprintf("4-q%d-try%d", pos+1, n+1))
		}
		points[att.Order[pos]] = att.Points(pos)
		b.clickItem("hw-back")
		b.waitText("5 answered")
	}

	b.step("the challenges")
	b.clickItem("hw-ch-aenter-fails-1")
	first := len(qz.Questions)
	for n, ch := range chs {
		b.waitText(fmt.Sprintf("Challenge %d of 2", n+1), ch.Prompt("en"))
		ans := ch.Answer
		if st.wrongChallenge[n+1] {
			ans = wrongAnswer(ch)
		}
		switch ch.Kind {
		case predict.Aexit:
			b.clickItem("option-" + strconv.Itoa(ans.Option))
		case predict.Order:
			for _, id := range ans.Order {
				before := b.aria()
				b.clickItem("item-" + id)
				b.waitChange(before)
			}
		}
		b.clickItem("predict-check")
		m := ch.Check(ans)
		if m.Right {
			b.waitText("Correct!")
		} else {
			b.waitText("Not quite")
		}
		points[first+n] = m.Score
		shot(fmt.Sprintf("5-challenge%d", n+1))
		if n+1 < len(chs) {
			b.clickItem("predict-watch")
		}
	}
	b.clickItem("home") // Back to the assignment
	b.waitText("[Hand in]")
	shot("6-list-done")

	b.clickItem("hw-handin")
	text := b.waitText("Your submission code")
	shot("7-handed-in")
	code := codePattern.FindString(text)
	require.NotEmpty(t, code, "a code on the screen:\n%s", text)
	assert.Empty(t, b.consoleProblems(), "console:\n%s", b.consoleText())
	return points, code
}

// wrongAnswer is a wrong answer to a challenge: another option, or the
// events in reverse.
func wrongAnswer(ch predict.Challenge) predict.Answer {
	if ch.Kind == predict.Aexit {
		return predict.Answer{Option: (ch.Answer.Option + 1) % len(ch.Options)}
	}
	order := slices.Clone(ch.Answer.Order)
	slices.Reverse(order)
	return predict.Answer{Order: order}
}
