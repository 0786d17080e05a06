package e2e

import (
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
}
