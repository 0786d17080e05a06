package e2e

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"asyncwithlab/homework"
)

// typeText types s (letters, digits, spaces and a few signs) into the
// focused field, one key at a time as a person types.
func (b *browserApp) typeText(s string) {
	b.t.Helper()
	for _, r := range s {
		c := string(r)
		k := key{key: c, text: c}
		switch {
		case r >= 'a' && r <= 'z':
			k.code, k.vk = "Key"+strings.ToUpper(c), int64(r-'a'+'A')
		case r >= 'A' && r <= 'Z':
			k.code, k.vk = "Key"+c, int64(r)
		case r >= '0' && r <= '9':
			k.code, k.vk = "Digit"+c, int64(r)
		case r == ' ':
			k = keySpace
		}
		b.press(k)
	}
}

// TestTeacher opens the Teacher screen from Home, makes an assignment
// with a challenge and a passing grade, and finds its class link and its
// key on the screen; the link decodes to the assignment made.
func TestTeacher(t *testing.T) {
	needBrowser(t)
	b := newBrowser(t, desktop, 180*time.Second)
	b.open("")
	b.waitText("[Teacher: assign and grade homework]")
	b.clickItem("teacher")
	b.waitText("What this guarantees, and what it does not", "no proof of who did the work or when")
	b.screenshot("teacher-1-open")

	b.clickItem("t-title")
	b.typeText("Week 3")
	b.waitText("Title: Week 3")
	b.clickItem("t-ch-aenter-fails")
	for range 6 {
		b.clickItem("t-pass-more")
	}
	b.waitText("Passing grade: 60%")
	b.screenshot("teacher-2-form")
	b.clickItem("t-make")
	text := b.waitText("Made: Week 3", "Class link (students type their name):", "Keep this key")
	b.screenshot("teacher-3-made")

	link := regexp.MustCompile(`\S*#v1\.a\.[A-Za-z0-9_-]+`).FindString(text)
	require.NotEmpty(t, link, "a class link on the screen:\n%s", text)
	l, err := homework.DecodeLink(link)
	require.NoError(t, err)
	assert.Equal(t, "Week 3", l.Assignment.Title)
	assert.Equal(t, []string{"aenter-fails"}, l.Assignment.Challenges)
	assert.Equal(t, 60, l.Assignment.PassingGrade)
	assert.True(t, strings.HasPrefix(link, "http://"), "the link is on the page's own address: %s", link)
	k := regexp.MustCompile(`awl-key-v1-[0-9a-f]{64}`).FindString(text)
	require.NotEmpty(t, k, "the key on the screen")
	_, err = homework.ParseKey(k)
	require.NoError(t, err)
	assert.Contains(t, text, "Assignment link: "+link, "the grading link is filled in")

	b.clickItem("t-copy-link")
	assert.Equal(t, link, evaluate[string](b, "window.labCopied"))
	b.clickItem("t-grade")
	b.waitText("No codes found: a code starts with awl1.")
	b.screenshot("teacher-4-grade")

	// The teacher's own quiz file, picked in the browser's file chooser,
	// replaces the bank; the next assignment embeds it.
	dir := t.TempDir()
	quizPath := filepath.Join(dir, "week3.md")
	require.NoError(t, os.WriteFile(quizPath, []byte(ownQuiz), 0o644))
	b.chooseFile("t-quiz-choose", quizPath)
	b.waitText("week3.md: 2 questions. The Questions field above picks among them.")
	b.reveal("t-quiz-choose")
	b.screenshot("teacher-5-own-quiz")
	b.clickItem("t-make")
	text = b.waitText("Made: Week 3")
	mine, err := homework.DecodeLink(regexp.MustCompile(`\S*#v1\.a\.[A-Za-z0-9_-]+`).FindString(text))
	require.NoError(t, err)
	assert.NotEqual(t, l.Assignment.ID, mine.Assignment.ID, "a new assignment")
	assert.Equal(t, ownQuiz, mine.Assignment.Quiz.Text, "the file is embedded in the link")

	// A file of codes dropped on the window goes to the codes and is
	// graded at once.
	codesPath := filepath.Join(dir, "form-export.csv")
	require.NoError(t, os.WriteFile(codesPath, []byte("name,code\nDan,awl1.AAAA.00000000\n"), 0o644))
	b.dropFiles(float64(b.vp.w)/2, float64(b.vp.h)/2, codesPath)
	b.waitText("Read 1 file.", "Codes: name,code\nDan,awl1.AAAA.00000000", "Codes read: 1. Students graded: 0.", "1 code could not be graded", "the code is damaged")
	b.reveal("t-grade")
	b.screenshot("teacher-6-dropped")
	assert.Empty(t, b.consoleProblems(), "console:\n%s", b.consoleText())
}

// ownQuiz is a teacher's quizdown file of two questions.
const ownQuiz = "# Which keyword enters an async manager?\n\n- [x] async with\n- [ ] with await\n\n# Does __aexit__ run when the body raises?\n\n- [x] yes\n- [ ] no\n"
