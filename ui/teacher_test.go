package ui

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"asyncwithlab/homework"
)

// The Teacher screen: making an assignment, its key and links, grading.

// openTeacher opens Home and clicks Teacher.
func openTeacher(t *testing.T, plat *memPlatform) (*Game, *teacherScene) {
	t.Helper()
	g := newSimGame(t, Config{}, plat)
	click(t, g, "teacher")
	s, ok := g.scene.(*teacherScene)
	require.True(t, ok, "Teacher opens from Home")
	return g, s
}

func TestTeacherMakesAnAssignment(t *testing.T) {
	plat := newMemPlatform()
	g, s := openTeacher(t, plat)
	text := pageText(g)
	for _, want := range []string{"Teacher", "no proof of who did the work or when", "flagged, not prevented", "a class link cannot"} {
		assert.Contains(t, text, want)
	}
	s.title.text = "Week 3: async with"
	s.questions.text = "1-3,5"
	click(t, g, "t-ch-aenter-fails")
	click(t, g, "t-mode-interactive")
	click(t, g, "t-tries-more")
	click(t, g, "t-tries-more")
	for range 6 {
		click(t, g, "t-pass-more")
	}
	click(t, g, "t-draw-more")
	click(t, g, "t-draw-more")
	s.due.text = "2026-12-18"
	click(t, g, "t-make")
	require.NoError(t, s.makeErr)
	require.NotNil(t, s.made)

	text = pageText(g)
	class := homework.Address("https://lab.example/", s.made.Class)
	assert.Contains(t, text, class)
	assert.Contains(t, text, s.made.Key.String())
	assert.Contains(t, text, "Keep this key")
	l, err := homework.DecodeLink(class)
	require.NoError(t, err)
	want := homework.Assignment{ID: s.made.Assignment.ID, Title: "Week 3: async with",
		Quiz:       homework.QuizSource{Builtin: true, Questions: []int{1, 2, 3, 5}, Fingerprint: s.made.Assignment.Quiz.Fingerprint},
		Challenges: []string{"aenter-fails"}, Mode: "interactive", Tries: 2, PassingGrade: 60, Draw: 2, Due: "2026-12-18"}
	assert.Equal(t, want, *l.Assignment)
	assert.NotEmpty(t, want.Quiz.Fingerprint)

	// The grading fields are filled in.
	assert.Equal(t, class, s.link.text)
	assert.Equal(t, s.made.Key.String(), s.keyF.text)

	click(t, g, "t-copy-link")
	assert.Equal(t, class, plat.copied)
	click(t, g, "t-save-key")
	keyFile := string(plat.files["week-3-async-with-key.txt"])
	assert.True(t, strings.HasPrefix(keyFile, s.made.Key.String()+"\n"), keyFile)
	assert.Contains(t, keyFile, "# Class link: "+class)
	k, err := homework.ReadKeyFile(keyFile)
	require.NoError(t, err)
	assert.Equal(t, s.made.Key, *k)

	// A roster's links are the package's, on the page's address.
	s.roster.text = "name\nAna Souza\nBea Lima\n"
	click(t, g, "t-links")
	require.NoError(t, s.linksErr)
	links, err := homework.StudentLinks(s.made.Assignment, s.made.Key, []string{"Ana Souza", "Bea Lima"})
	require.NoError(t, err)
	var b strings.Builder
	require.NoError(t, homework.WriteLinksCSV(&b, links, "https://lab.example/"))
	assert.Equal(t, b.String(), string(s.links))
	click(t, g, "t-links-save")
	assert.Equal(t, b.String(), string(plat.files["links.csv"]))
	assert.Contains(t, pageText(g), "2 student links")
}

func TestTeacherShowsProblems(t *testing.T) {
	g, s := openTeacher(t, newMemPlatform())
	s.questions.text = "3-1"
	click(t, g, "t-make")
	assert.Error(t, s.makeErr)
	assert.Contains(t, pageText(g), "The assignment could not be made")
	s.questions.text = "all"
	s.due.text = "tomorrow"
	click(t, g, "t-make") // no title, a bad date
	require.Error(t, s.makeErr)
	assert.Nil(t, s.made)
	assert.Contains(t, pageText(g), s.makeErr.Error())

	s.link.text = "v1.a.nonsense"
	s.codes.text = "awl1.x.y"
	click(t, g, "t-grade")
	assert.Error(t, s.gradeErr)
	assert.Contains(t, pageText(g), "Could not grade")
}

// TestTeacherGradesCodes grades codes handed in by students (one per
// student link, one under another student's name, one damaged) and
// compares the table and the CSVs with the package's report.
func TestTeacherGradesCodes(t *testing.T) {
	plat := newMemPlatform()
	g, s := openTeacher(t, plat)
	s.title.text = "Week 3"
	s.questions.text = "1-3"
	for range 5 {
		click(t, g, "t-pass-more")
	}
	click(t, g, "t-make")
	require.NoError(t, s.makeErr)
	a, key := s.made.Assignment, s.made.Key
	q, err := a.LoadQuestions(nil)
	require.NoError(t, err)

	at := time.Date(2026, 12, 10, 9, 0, 0, 0, time.UTC)
	handIn := func(name, as string, right bool) string {
		p := homework.Start(a, as, key.StudentSeed(a.ID, name))
		for i, qq := range q.Questions {
			chosen := qq.Keys()
			if !right && i == 0 {
				chosen = []int{len(qq.Answers)}
				if len(qq.Keys()) == 1 && qq.Keys()[0] == len(qq.Answers) {
					chosen = []int{1}
				}
			}
			p.Record(i+1, chosen, at)
		}
		code, err := p.HandIn(a, at, "test")
		require.NoError(t, err)
		return code
	}
	codes := []string{handIn("Ana Souza", "Ana Souza", true), handIn("Bea Lima", "Bea Lima", false), handIn("Ana Souza", "Caio Reis", true)}
	pasted := "student,code\nAna," + codes[0] + "\nBea," + codes[1] + "\nCaio," + codes[2] + "\nDan,awl1.AAAA.00000000\n"
	plat.copied = pasted
	click(t, g, "t-codes-paste")
	require.True(t, s.codes.poll())
	assert.Equal(t, pasted, s.codes.text)
	click(t, g, "t-grade")
	require.NoError(t, s.gradeErr)
	require.NotNil(t, s.graded)

	grader, err := homework.NewGrader(a, q, &key)
	require.NoError(t, err)
	want := grader.Grade(homework.FindCodes(pasted))
	assert.Equal(t, want.Rows, s.graded.report.Rows)
	require.Len(t, s.graded.report.Rows, 3)
	require.Len(t, s.graded.report.Problems, 1)

	text := pageText(g)
	assert.Contains(t, text, "Codes read: 4. Students graded: 3.")
	assert.Contains(t, text, "1 code could not be graded")
	for _, r := range want.Rows {
		assert.Contains(t, text, r.Student)
	}
	assert.Contains(t, text, "its variant is not this student's")
	assert.Contains(t, text, "Q1  Q2  Q3  Total")

	for _, layout := range homework.Layouts {
		click(t, g, "t-csv-"+layout)
		var b strings.Builder
		require.NoError(t, want.WriteLayout(&b, layout, a.Title))
		name := "week-3-grades.csv"
		if layout != "plain" {
			name = "week-3-grades-" + layout + ".csv"
		}
		assert.Equal(t, b.String(), string(plat.files[name]), layout)
	}
}

func TestReadDroppedFiles(t *testing.T) {
	files := fstest.MapFS{
		"codes.txt":       {Data: []byte("awl1.A.1\n")},
		"export/form.csv": {Data: []byte("name,code\nBea,awl1.B.2\n")},
	}
	ch := make(chan droppedFiles, 1)
	readDropped(files, ch)
	d := <-ch
	require.NoError(t, d.err)
	assert.Equal(t, []chosenFile{
		{name: "codes.txt", data: []byte("awl1.A.1\n")},
		{name: "export/form.csv", data: []byte("name,code\nBea,awl1.B.2\n")},
	}, d.files)
}

// ownQuizText is a teacher's quizdown file of two questions.
const ownQuizText = "# Which keyword enters an async manager?\n\n- [x] async with\n- [ ] with await\n\n# Does __aexit__ run when the body raises?\n\n- [x] yes\n- [ ] no\n"

// TestTeacherOwnQuiz: a teacher's own quiz file, chosen, pasted or
// dropped, becomes the assignment's questions; a broken one says why; a
// dropped file of codes still goes to the codes.
func TestTeacherOwnQuiz(t *testing.T) {
	plat := newMemPlatform()
	g, s := openTeacher(t, plat)
	assert.Contains(t, pageText(g), "None: the questions come from the built-in bank.")

	// Chosen with the file chooser.
	plat.openName, plat.openData = "week3.md", []byte(ownQuizText)
	click(t, g, "t-quiz-choose")
	require.True(t, s.own.poll(g))
	assert.Contains(t, pageText(g), "week3.md: 2 questions.")
	s.title.text = "Mine"
	s.questions.text = "2"
	click(t, g, "t-make")
	require.NoError(t, s.makeErr)
	a := s.made.Assignment
	assert.Equal(t, ownQuizText, a.Quiz.Text, "a small file is embedded in the link")
	assert.False(t, a.Quiz.Builtin)
	q, err := a.LoadQuestions(nil)
	require.NoError(t, err)
	require.Len(t, q.Questions, 1)
	assert.Equal(t, "yes", q.Questions[0].Answers[0].Text[0].Text, "the file's second question")

	// Referenced by its path on the site.
	s.own.path.text = "quizzes/week3.md"
	click(t, g, "t-make")
	require.NoError(t, s.makeErr)
	assert.Equal(t, "quizzes/week3.md", s.made.Assignment.Quiz.Path)
	assert.Empty(t, s.made.Assignment.Quiz.Text)

	// A broken file, pasted, says what is wrong and is not made.
	plat.copied = "# Q?\n\n- [ ] a\n- [ ] b\n"
	click(t, g, "t-quiz-paste")
	require.True(t, s.own.poll(g))
	require.Error(t, s.own.err)
	text := pageText(g)
	assert.Contains(t, text, "the pasted quiz could not be read")
	assert.Contains(t, text, s.own.err.Error())
	assert.NotContains(t, text, "Its path on the site", "no path for a file that cannot be used")

	// Back to the bank.
	click(t, g, "t-quiz-clear")
	assert.Nil(t, s.own.data)
	s.questions.text = "1-3"
	click(t, g, "t-make")
	require.NoError(t, s.makeErr)
	assert.True(t, s.made.Assignment.Quiz.Builtin)

	// A drop: the quiz file becomes the quiz, the codes go to the codes.
	s.takeDropped(g, droppedFiles{files: []chosenFile{
		{name: "codes.txt", data: []byte("awl1.AAAA.00000000\n")},
		{name: "mine.md", data: []byte(ownQuizText)},
	}})
	assert.Equal(t, "mine.md", s.own.name)
	assert.Equal(t, 2, s.own.n)
	assert.Equal(t, "awl1.AAAA.00000000\n\n", s.codes.text)
	text = pageText(g)
	assert.Contains(t, text, "Read mine.md as your quiz file")
	assert.Contains(t, text, "Read 1 file.")

	// No chooser (the desktop): the teacher is told to drop the file.
	plat.openData = nil
	click(t, g, "t-quiz-choose")
	require.True(t, s.own.poll(g))
	assert.Contains(t, pageText(g), "Drop the file on this window.")
	assert.Equal(t, "mine.md", s.own.name, "the quiz is kept")
}
