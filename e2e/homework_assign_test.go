//go:build !js && !wasip1

package e2e

import (
	"encoding/csv"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"asyncwithlab/homework"
)

// assigned is what the teacher took away from the Teacher screen.
type assigned struct {
	// class is the class link as the screen shows it, and link it decoded.
	class string
	link  homework.Link
	// keyFile is the downloaded key file; key the key in it.
	keyFile string
	key     homework.Key
	// students are the links of links.csv by student, decoded, and
	// fragments the same as the part after #.
	students  map[string]homework.Link
	fragments map[string]string
}

// keyBackspace deletes the character before the cursor.
var keyBackspace = key{key: "Backspace", code: "Backspace", vk: 8}

// assignOnTeacherScreen is the teacher's first visit, in a fresh browser:
// Home → Teacher, fill in TestHomework's assignment by typing and
// clicking, make it, save the key file, paste the roster, make and save
// the students' links. It returns what was downloaded and shown.
func assignOnTeacherScreen(t *testing.T, roster []string) assigned {
	b := newBrowser(t, desktop, 150*time.Second)
	defer b.close()
	shot := func(step string) { b.screenshot("assign-" + step) }
	b.grantClipboard()
	dl := b.allowDownloads()

	b.step("the teacher opens the Teacher screen")
	b.open("")
	b.clickItem("teacher")
	b.waitText("1. Make an assignment")
	b.clickItem("t-title")
	b.typeText("Week 3: async with")
	b.clickItem("t-questions")
	for range len("all") {
		b.press(keyBackspace)
	}
	b.typeText("1-3")
	b.clickItem("t-ch-aenter-fails")
	b.clickItem("t-mode-interactive")
	b.clickItem("t-tries-more")
	b.clickItem("t-tries-more")
	for range 6 {
		b.clickItem("t-pass-more")
	}
	b.waitText("Title: Week 3: async with", "bank, or from your own quiz file below: 1-3\n",
		"[Interactive (retries, with a penalty)] (chosen)", "Tries per question (interactive): 2", "Passing grade: 60%")
	b.reveal("t-ch-aenter-fails")
	shot("1-form")

	b.step("make it and save the key")
	b.clickItem("t-make")
	text := b.waitText("Made: Week 3: async with", "Keep this key")
	shot("2-made")
	var got assigned
	got.class = regexp.MustCompile(`http://\S*#v1\.a\.[A-Za-z0-9_-]+`).FindString(text)
	require.NotEmpty(t, got.class, "the class link on the screen:\n%s", text)
	var err error
	got.link, err = homework.DecodeLink(got.class)
	require.NoError(t, err)
	b.clickItem("t-save-key")
	name, data := dl.wait()
	assert.Equal(t, "week-3-async-with-key.txt", name)
	got.keyFile = string(data)
	k, err := homework.ReadKeyFile(got.keyFile)
	require.NoError(t, err)
	require.NotNil(t, k, "a key in the key file:\n%s", got.keyFile)
	got.key = *k
	assert.Contains(t, text, k.String(), "the saved key is the one shown")
	assert.Contains(t, got.keyFile, "# Class link: "+got.class)

	b.step("the students' links")
	b.pasteInto("t-roster-paste", strings.Join(roster, "\n")+"\n")
	// The field grows when the text arrives: wait, or the next click
	// lands where the buttons were.
	b.waitText("or id column: " + strings.Join(roster, "\n") + "\n\n[Paste]")
	b.clickItem("t-links")
	b.waitText("3 student links, as CSV")
	b.reveal("t-links-save")
	shot("3-links")
	b.clickItem("t-links-save")
	name, data = dl.wait()
	assert.Equal(t, "links.csv", name)
	rows, err := csv.NewReader(strings.NewReader(string(data))).ReadAll()
	require.NoError(t, err, "links.csv:\n%s", data)
	require.Len(t, rows, len(roster)+1, "a header and a row a student:\n%s", data)
	assert.Equal(t, []string{"student", "link"}, rows[0])
	got.students, got.fragments = map[string]homework.Link{}, map[string]string{}
	for _, row := range rows[1:] {
		require.Len(t, row, 2)
		addr, frag, ok := strings.Cut(row[1], "#")
		require.True(t, ok, "a whole address: %s", row[1])
		assert.Equal(t, pageURL(""), addr, "links open the page the teacher used")
		l, err := homework.DecodeLink(frag)
		require.NoError(t, err, row[1])
		assert.Equal(t, got.link.Assignment, l.Assignment, "%s's link holds the assignment", row[0])
		got.students[row[0]], got.fragments[row[0]] = l, frag
	}
	assert.Empty(t, b.consoleProblems(), "console:\n%s", b.consoleText())
	return got
}
