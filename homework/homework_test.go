package homework_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"asyncwithlab/homework"
	"asyncwithlab/quiz"
	"asyncwithlab/sim/catalog/catalogtest"
	"asyncwithlab/sim/predict"
)

var update = flag.Bool("update", false, "rewrite testdata/*.csv")

// fixedKey is a teacher key for tests.
var fixedKey = homework.Key{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32}

// week3 is an assignment of five bank questions (three drawn per student)
// and the challenges of one example.
func week3(t testing.TB) (*homework.Assignment, *quiz.Quiz) {
	t.Helper()
	a := &homework.Assignment{ID: "3f9a0c1d2e4b5a69", Title: "Week 3: async with",
		Quiz:       homework.QuizSource{Builtin: true, Questions: []int{1, 2, 3, 5, 8}},
		Challenges: []string{"aenter-fails"}, Mode: "interactive", Tries: 2, PassingGrade: 60, Draw: 3, Due: "2026-12-18"}
	require.NoError(t, a.Seal(nil))
	q, err := a.LoadQuestions(nil)
	require.NoError(t, err)
	return a, q
}

// student takes the assignment as the app would: answer(i, q) gives the
// tries for the i-th question shown (answer numbers, 1-based); every
// challenge is answered right when rightChallenges. It returns the code
// and the score the student's screen showed.
func student(t testing.TB, a *homework.Assignment, q *quiz.Quiz, name string, seed uint64, at int64,
	answer func(i int, q *quiz.Question) [][]int, rightChallenges bool) (string, quiz.Score, float64) {
	t.Helper()
	att := a.NewAttempt(q, seed)
	s := &homework.Submission{Assignment: a.ID, Fingerprint: a.Fingerprint(), Student: name, Seed: seed, HandedIn: at, App: "test"}
	for i, qi := range att.Order {
		tries := answer(i, att.Question(i))
		if len(tries) == 0 {
			continue
		}
		qa := homework.QuestionAnswer{Q: qi + 1}
		for k, tr := range tries {
			chosen := make([]int, len(tr))
			for j, c := range tr {
				chosen[j] = c - 1
			}
			_, err := att.Answer(i, chosen)
			require.NoError(t, err)
			qa.Tries = append(qa.Tries, homework.Try{Chosen: tr, At: at - int64(100-k)})
		}
		s.Questions = append(s.Questions, qa)
	}
	challengePoints := 0.0
	for _, ex := range a.Challenges {
		for n, ch := range predict.Find(catalogtest.Run(t, ex), seed) {
			ans := ch.Answer
			if !rightChallenges && ch.Kind == predict.Order {
				ans.Order = append([]string(nil), ans.Order...)
				ans.Order[0], ans.Order[len(ans.Order)-1] = ans.Order[len(ans.Order)-1], ans.Order[0]
			}
			challengePoints += ch.Check(ans).Score
			s.Challenges = append(s.Challenges, homework.ChallengeAnswer{Example: ex, N: n + 1, Order: ans.Order, Option: ans.Option + 1, At: at})
		}
	}
	code, err := s.Encode()
	require.NoError(t, err)
	return code, att.Score(), challengePoints
}

// keys answers every question right at the first try.
func keys(_ int, q *quiz.Question) [][]int {
	if q.Type == quiz.Sequence {
		order := make([]int, len(q.Answers))
		for i := range order {
			order[i] = i + 1
		}
		return [][]int{order}
	}
	var k []int
	for _, i := range q.Keys() {
		k = append(k, i+1)
	}
	return [][]int{k}
}

// wrongThenRight tries a wrong answer first on question 0 (when it can).
func wrongThenRight(i int, q *quiz.Question) [][]int {
	right := keys(i, q)
	if i != 0 || q.Type == quiz.Sequence {
		return right
	}
	for a := range q.Answers {
		if !q.Answers[a].Correct {
			return [][]int{{a + 1}, right[0]}
		}
	}
	return right
}

func TestRegradingEqualsWhatTheStudentSaw(t *testing.T) {
	a, q := week3(t)
	g, err := homework.NewGrader(a, q, &fixedKey)
	require.NoError(t, err)
	type take struct {
		name   string
		answer func(int, *quiz.Question) [][]int
		right  bool
	}
	takes := []take{
		{"Ana Souza", keys, true},
		{"Bruno Lima", wrongThenRight, true},
		{"Carla Dias", func(i int, q *quiz.Question) [][]int {
			if i == 1 {
				return nil // left out
			}
			return keys(i, q)
		}, false},
	}
	var codes []string
	want := map[string]float64{}
	for k, tk := range takes {
		seed := fixedKey.StudentSeed(a.ID, tk.name)
		code, score, cp := student(t, a, q, tk.name, seed, 1765000000+int64(k), tk.answer, tk.right)
		codes = append(codes, code)
		want[tk.name] = score.Points + cp
	}
	r := g.Grade(codes)
	require.Empty(t, r.Problems)
	require.Len(t, r.Rows, 3)
	for _, row := range r.Rows {
		assert.InDelta(t, want[row.Student], row.Total, 1e-9, row.Student)
		assert.Empty(t, row.Flags, row.Student)
		asked := 0
		for _, ok := range row.Asked[:len(q.Questions)] {
			if ok {
				asked++
			}
		}
		assert.Equal(t, 3, asked, "three questions drawn for %s", row.Student)
	}
	assert.Greater(t, want["Ana Souza"], want["Bruno Lima"], "a wrong try costs")
	assert.Greater(t, want["Ana Souza"], want["Carla Dias"])

	var buf bytes.Buffer
	require.NoError(t, r.WriteCSV(&buf))
	golden(t, "week3.csv", buf.Bytes())
	for _, layout := range homework.Layouts[1:] {
		buf.Reset()
		require.NoError(t, r.WriteLayout(&buf, layout, a.Title))
		golden(t, "week3-"+layout+".csv", buf.Bytes())
	}
	assert.ErrorContains(t, r.WriteLayout(&buf, "excel", a.Title), `unknown layout "excel": expected one of plain, moodle, canvas`)
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		require.NoError(t, os.MkdirAll("testdata", 0o755))
		require.NoError(t, os.WriteFile(path, got, 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test ./homework -update to write it")
	assert.Equal(t, string(want), string(got))
}

func TestFlags(t *testing.T) {
	a, q := week3(t)
	g, err := homework.NewGrader(a, q, &fixedKey)
	require.NoError(t, err)
	seed := func(n string) uint64 { return fixedKey.StudentSeed(a.ID, n) }
	ana1, _, _ := student(t, a, q, "Ana", seed("Ana"), 1000, wrongThenRight, true)
	ana2, _, _ := student(t, a, q, "  ana ", seed("Ana"), 2000, keys, true)
	// Bruno hands in Dora's work: Dora's variant under Bruno's name.
	bruno, _, _ := student(t, a, q, "Bruno", seed("Dora"), 1500, wrongThenRight, true)
	dora, _, _ := student(t, a, q, "Dora", seed("Dora"), 1400, wrongThenRight, true)
	// A class-link student: their seed comes from their name.
	eva, _, _ := student(t, a, q, "Eva", homework.ClassSeed(a.ID, "Eva"), 1500, keys, true)
	other := *a
	other.ID = "0000000000000001"
	foreign, _, _ := student(t, &other, q, "Fábio", seed("Fábio"), 1500, keys, true)
	damaged := ana1[:40] + flip(ana1[40]) + ana1[41:]

	r := g.Grade([]string{ana1, ana2, bruno, dora, eva, foreign, damaged, "hello"})
	require.Len(t, r.Problems, 3)
	assert.Contains(t, r.Problems[0].Error(), "code 6")
	assert.Contains(t, r.Problems[0].Error(), "another assignment")
	assert.Contains(t, r.Problems[1].Error(), "damaged")
	assert.Contains(t, r.Problems[2].Error(), `expected a code starting "awl1."`)
	rows := map[string]homework.Row{}
	for _, row := range r.Rows {
		rows[homework.NormalizeName(row.Student)] = row
	}
	require.Len(t, rows, 4)
	assert.Contains(t, rows["ana"].Flags, "handed in 2 codes; the latest counts")
	assert.Equal(t, "  ana ", rows["ana"].Student, "the latest code is the one graded")
	assert.Contains(t, strings.Join(rows["bruno"].Flags, "|"), "not this student's")
	assert.NotContains(t, strings.Join(rows["eva"].Flags, "|"), "not this student's", "a class link's seed is accepted")
	assert.Contains(t, rows["bruno"].Flags, "the same answers as Dora, mistakes included")
	assert.Contains(t, rows["dora"].Flags, "the same answers as Bruno, mistakes included")
	assert.NotContains(t, strings.Join(rows["eva"].Flags, "|"), "the same answers", "all right: agreeing says nothing")
	assert.NotContains(t, strings.Join(rows["dora"].Flags, "|"), "not this student's")
}

func flip(b byte) string {
	if b == 'A' {
		return "B"
	}
	return "A"
}

func TestImpossibleAnswersAreFlaggedNotFatal(t *testing.T) {
	a, q := week3(t)
	g, err := homework.NewGrader(a, q, nil)
	require.NoError(t, err)
	s := &homework.Submission{Assignment: a.ID, Fingerprint: a.Fingerprint(), Student: "Zé", Seed: 7, HandedIn: 1, App: "test",
		Questions:  []homework.QuestionAnswer{{Q: 1, Tries: []homework.Try{{Chosen: []int{99}}}}, {Q: 40, Tries: []homework.Try{{Chosen: []int{1}}}}},
		Challenges: []homework.ChallengeAnswer{{Example: "aenter-fails", N: 99}, {Example: "suppress", N: 1}}}
	code, err := s.Encode()
	require.NoError(t, err)
	r := g.Grade([]string{code})
	require.Len(t, r.Rows, 1)
	flags := strings.Join(r.Rows[0].Flags, "\n")
	assert.Contains(t, flags, "challenge 99 of aenter-fails, which this assignment does not ask")
	assert.Contains(t, flags, "challenge 1 of suppress")
	assert.Contains(t, flags, "question 40, which this student's variant does not ask")
	assert.Zero(t, r.Rows[0].Total)
}

func TestLinks(t *testing.T) {
	a, _ := week3(t)
	class, err := homework.Link{Assignment: a}.Encode()
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(class, "v1.a."))
	l, err := homework.DecodeLink("https://school.example/lab/#" + class)
	require.NoError(t, err)
	assert.Equal(t, a, l.Assignment)
	assert.Equal(t, "", l.Student)

	seed := fixedKey.StudentSeed(a.ID, "Ana Souza")
	one, err := homework.Link{Assignment: a, Student: "Ana Souza", Seed: seed}.Encode()
	require.NoError(t, err)
	l, err = homework.DecodeLink(one)
	require.NoError(t, err)
	assert.Equal(t, "Ana Souza", l.Student)
	assert.Equal(t, seed, l.Seed)
	assert.Equal(t, a.Fingerprint(), l.Assignment.Fingerprint())

	bad := []struct{ link, want string }{
		{"", "expected v1.a.DATA"},
		{"v2.a.xyz", `version "v2" is newer`},
		{"v1.p.doc001-basic.0", "expected v1.a.DATA"},
		{"v1.a.!!!", "is not base64url text"},
		{"v1.a.AAAA", "is damaged"},
		{class + ".u.QW5h", "expected nothing or .u.NAME.SEED"},
		{class + ".u.QW5h.zz", `seed "zz" is not a hexadecimal number`},
		{class + ".u..1f", "name is not readable"},
		{"v1.a." + strings.Repeat("A", homework.MaxLinkBytes), "at most"},
	}
	for _, b := range bad {
		_, err := homework.DecodeLink(b.link)
		require.Error(t, err, b.link[:min(len(b.link), 30)])
		assert.Contains(t, err.Error(), b.want)
		assert.True(t, strings.HasPrefix(err.Error(), "assignment link: "), err.Error())
	}
}

func TestAssignmentCheck(t *testing.T) {
	a, _ := week3(t)
	broken := *a
	broken.Title, broken.Mode, broken.PassingGrade, broken.Due, broken.ID = "", "exam", 120, "18/12/2026", "x"
	err := broken.Check()
	require.Error(t, err)
	for _, want := range []string{"title: expected a title", `mode: "exam": expected immediate, deferred or interactive`,
		"pass: expected a percentage", `due: "18/12/2026": expected a date as YYYY-MM-DD`, "id: expected 16 hexadecimal digits"} {
		assert.Contains(t, err.Error(), want)
	}
	_, err = homework.Link{Assignment: &broken}.Encode()
	assert.Error(t, err, "a link is never made of a broken assignment")
}

func TestQuestionsThatChangedAreRefused(t *testing.T) {
	a := &homework.Assignment{ID: "3f9a0c1d2e4b5a69", Title: "Own quiz", Mode: "immediate",
		Quiz: homework.QuizSource{Text: "# One\n\n1. [x] a\n2. [ ] b\n"}}
	require.NoError(t, a.Seal(nil))
	_, err := a.LoadQuestions(nil)
	require.NoError(t, err)
	a.Quiz.Text = "# One\n\n1. [ ] a\n2. [x] b\n"
	_, err = a.LoadQuestions(nil)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "the questions changed since the assignment was made")

	onSite := &homework.Assignment{ID: "3f9a0c1d2e4b5a69", Title: "On the site", Mode: "immediate", Quiz: homework.QuizSource{Path: "/quizzes/w3.md"}}
	assert.ErrorContains(t, onSite.Seal(nil), "/quizzes/w3.md: this assignment's quiz is a file on its site; give the file")
}

func TestKeys(t *testing.T) {
	k, err := homework.NewKey()
	require.NoError(t, err)
	back, err := homework.ParseKey(" " + k.String() + "\n")
	require.NoError(t, err)
	assert.Equal(t, k, back)
	for _, bad := range []string{"", "awl-key-v1-00", "awl1.abc.def", "awl-key-v1-" + strings.Repeat("g", 64)} {
		_, err := homework.ParseKey(bad)
		assert.Error(t, err, bad)
	}
	s := fixedKey.StudentSeed("a", "Ana Souza")
	assert.Equal(t, s, fixedKey.StudentSeed("a", "  ana   SOUZA "), "names compare as a teacher would")
	assert.NotEqual(t, s, fixedKey.StudentSeed("a", "Ana Sousa"))
	assert.NotEqual(t, s, fixedKey.StudentSeed("b", "Ana Souza"), "another assignment, another variant")
	assert.NotEqual(t, s, k.StudentSeed("a", "Ana Souza"), "another key, another variant")
	assert.NotEqual(t, s, homework.ClassSeed("a", "Ana Souza"))
}

func TestFindCodes(t *testing.T) {
	a, q := week3(t)
	c1, _, _ := student(t, a, q, "Ana", 1, 1, keys, true)
	c2, _, _ := student(t, a, q, "Bia, \"the\" second", 2, 2, keys, true)
	export := "Timestamp,Name,Your code\n2026-12-10 10:00,Ana,\"" + c1 + "\"\n2026-12-10 11:00,Bia,\"  " + c2 + "\n\"\n"
	assert.Equal(t, []string{c1, c2}, homework.FindCodes(export))
	assert.Equal(t, []string{"awl1.abc"}, homework.FindCodes("see awl1.abc, thanks"), "a cut code is found, to be reported")
}

func BenchmarkGrade500(b *testing.B) {
	a, q := week3(b)
	g, err := homework.NewGrader(a, q, &fixedKey)
	require.NoError(b, err)
	var codes []string
	for i := range 500 {
		name := "student " + string(rune('A'+i%26)) + string(rune('a'+i/26))
		code, _, _ := student(b, a, q, name, fixedKey.StudentSeed(a.ID, name), int64(i), wrongThenRight, i%3 == 0)
		codes = append(codes, code)
	}
	b.ResetTimer()
	for range b.N {
		r := g.Grade(codes)
		if len(r.Rows) != 500 {
			b.Fatalf("%d rows", len(r.Rows))
		}
	}
}

func TestFormatPoints(t *testing.T) {
	for v, want := range map[float64]string{1: "1", 0.5: "0.5", 1.0 / 3: "0.33", 2.0 / 3: "0.67", 0: "0", 12.125: "12.13", 0.1 + 0.2: "0.3"} {
		assert.Equal(t, want, homework.FormatPoints(v), "%v", v)
	}
	assert.Equal(t, "66.7", homework.FormatPercent(200.0/3))
}
