package main

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"asyncwithlab/homework"
	"asyncwithlab/quiz"
)

// handIn answers every question of a student's link right and returns
// the code, as the app would make it.
func handIn(t *testing.T, link string, when int64) string {
	t.Helper()
	l, err := homework.DecodeLink(link)
	require.NoError(t, err)
	q, err := l.Assignment.LoadQuestions(nil)
	require.NoError(t, err)
	at := l.Assignment.NewAttempt(q, l.Seed)
	s := &homework.Submission{Assignment: l.Assignment.ID, Fingerprint: l.Assignment.Fingerprint(), Student: l.Student, Seed: l.Seed, HandedIn: when, App: "test"}
	for i, qi := range at.Order {
		qq := at.Question(i)
		var chosen []int
		if qq.Type == quiz.Sequence {
			for k := range qq.Answers {
				chosen = append(chosen, k+1)
			}
		} else {
			for _, k := range qq.Keys() {
				chosen = append(chosen, k+1)
			}
		}
		s.Questions = append(s.Questions, homework.QuestionAnswer{Q: qi + 1, Tries: []homework.Try{{Chosen: chosen, At: when}}})
	}
	code, err := s.Encode()
	require.NoError(t, err)
	return code
}

// TestAssignThenGrade: a teacher makes per-student links from a roster
// CSV, the students hand in codes through a form, and lab grade reads
// the form's export with the key.
func TestAssignThenGrade(t *testing.T) {
	dir := t.TempDir()
	keyFile := filepath.Join(dir, "week3.key")
	roster := writeFile(t, "roster.csv", "\ufeffStudent ID,Name\r\n101,Ana Souza\r\n102,Bruno Lima\r\n103,Carla Dias\r\n")
	code, out, errOut := runLab("assign", "-title", "Week 3", "-questions", "1-3,5", "-draw", "3", "-pass", "50",
		"-key", keyFile, "-roster", roster, "-url", "https://school.example/lab/")
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, errOut, "3 student links above")
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	require.NoError(t, err)
	require.Len(t, recs, 4)
	assert.Equal(t, []string{"student", "link"}, recs[0])
	assert.Equal(t, "101", recs[1][0], "the first name-like column: Student ID")
	assert.True(t, strings.HasPrefix(recs[1][1], "https://school.example/lab/#v1.a."))

	keyText, err := os.ReadFile(keyFile)
	require.NoError(t, err)
	assert.Contains(t, string(keyText), "awl-key-v1-")
	class := strings.TrimSpace(strings.SplitAfter(string(keyText), "# Class link: ")[1])

	export := "Timestamp,Email,Code\n"
	for i, rec := range recs[1:] {
		export += "2026-12-10,s@example.org,\"" + handIn(t, rec[1], int64(1765000000+i)) + "\"\n"
	}
	export += "2026-12-10,x@example.org,awl1.garbage.00000000\n"
	codes := writeFile(t, "form.csv", export)
	code, out, errOut = runLab("grade", "-key", keyFile, class, codes)
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, errOut, "code 4 (awl1.garbage.000…): the code is damaged")
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	require.NoError(t, err)
	require.Len(t, rows, 5, "three students and the damaged code")
	for _, row := range rows[1:4] {
		assert.Equal(t, "3", row[len(row)-5], "total")
		assert.Equal(t, "yes", row[len(row)-2], "passed")
		assert.Equal(t, "", row[len(row)-1], "no flags")
	}
	assert.Equal(t, "(code 4)", rows[4][0])

	// The same numbers without the CLI.
	l, err := homework.DecodeLink(class)
	require.NoError(t, err)
	q, err := l.Assignment.LoadQuestions(nil)
	require.NoError(t, err)
	k, err := readKeyFile(keyFile)
	require.NoError(t, err)
	g, err := homework.NewGrader(l.Assignment, q, &k)
	require.NoError(t, err)
	var buf bytes.Buffer
	require.NoError(t, g.Grade(homework.FindCodes(export)).WriteCSV(&buf))
	assert.Equal(t, buf.String(), out)

	// Without the key a code under another name is not caught.
	code, _, errOut = runLab("grade", class, codes)
	require.Equal(t, 0, code, errOut)
}

func TestAssignMistakes(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"-title", "x"}, "-key FILE is required"},
		{[]string{"-key", filepath.Join(dir, "a.key")}, "title: expected a title"},
		{[]string{"-title", "x", "-key", filepath.Join(dir, "b.key"), "-mode", "exam"}, `mode: "exam"`},
		{[]string{"-title", "x", "-key", filepath.Join(dir, "c.key"), "-questions", "0"}, `questions: "0": expected question numbers`},
		{[]string{"-title", "x", "-key", filepath.Join(dir, "d.key"), "-questions", "999"}, "question 999"},
		{[]string{"-title", "x", "-key", filepath.Join(dir, "e.key"), "-challenges", "nope"}, `no example named "nope"`},
		{[]string{"-title", "x", "-key", filepath.Join(dir, "h.key"), "-path", "quiz.md"}, "-path goes with -quiz"},
		{[]string{"-title", "x", "-key", filepath.Join(dir, "i.key"), "-quiz", writeFile(t, "big.md", "# Q?\n\n- [x] a\n- [ ] b\n\n"+strings.Repeat("filler words\n", 3000))}, "too big to embed"},
		{[]string{"-title", "x", "-key", filepath.Join(dir, "j.key"), "-quiz", writeFile(t, "broken.md", "# Q?\n\n- [ ] a\n- [ ] b\n")}, "broken.md"},
		{[]string{"-title", "x", "-key", filepath.Join(dir, "f.key"), "-roster", writeFile(t, "r.txt", "Ana\nana \n")}, "listed twice"},
		{[]string{"-title", "x", "-key", filepath.Join(dir, "g.key"), "-roster", writeFile(t, "r.csv", "Email,Phone\na@b,1\n")}, "expected a column named name"},
	}
	for _, tt := range tests {
		code, _, errOut := runLab(append([]string{"assign"}, tt.args...)...)
		assert.Equal(t, 1, code, tt.args)
		assert.Contains(t, errOut, tt.want)
	}
	_, err := os.Stat(filepath.Join(dir, "f.key"))
	assert.True(t, os.IsNotExist(err), "no key is written for an assignment that was not made")
	existing := writeFile(t, "kept.key", "mine")
	code, _, errOut := runLab("assign", "-title", "x", "-key", existing)
	assert.Equal(t, 1, code)
	assert.Contains(t, errOut, "exists")
	data, _ := os.ReadFile(existing)
	assert.Equal(t, "mine", string(data), "a key file is never overwritten")
}

// TestAssignSetsAsideABrokenQuestion: a file with one broken question
// makes an assignment of the others, and the teacher is told which
// question was left out and why; a student's link loads those others.
func TestAssignSetsAsideABrokenQuestion(t *testing.T) {
	quizFile := writeFile(t, "week3.md", "# Good\n\n- [x] a\n- [ ] b\n\n# No key\n\n- [ ] a\n- [ ] b\n\n# Also good\n\n1. [x] a\n2. [ ] b\n")
	code, out, errOut := runLab("assign", "-title", "Week 3", "-key", filepath.Join(t.TempDir(), "w.key"), "-quiz", quizFile)
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, errOut, `week3.md:8: multiple-choice question "No key" has no correct answer`)
	assert.Contains(t, errOut, "1 of the file's questions set aside (students are told which); the assignment has the other 2")

	l, err := homework.DecodeLink(strings.TrimSpace(out))
	require.NoError(t, err)
	q, err := l.Assignment.LoadQuestions(nil)
	require.NoError(t, err)
	assert.Len(t, q.Questions, 2)
	require.Len(t, q.SetAside, 1)
	assert.Equal(t, 6, q.SetAside[0].Line)
}
