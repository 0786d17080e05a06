//go:build !js && !wasip1

package e2e

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"text/tabwriter"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"asyncwithlab/homework"
	"asyncwithlab/quiz"
)

// gradeOnTeacherScreen is the teacher's side of TestHomework, in a fresh
// browser: Home → Teacher, paste the assignment link, the key file's text
// and the students' codes (through the clipboard, with the screen's Paste
// buttons), grade, read the table, and download the plain CSV. The link
// and the key file are what the teacher took from assignOnTeacherScreen. The table
// must show rep; the downloaded bytes must be exactly rep's CSV and
// exactly what `lab grade -key KEYFILE LINK FILE` prints for the same
// codes.
func gradeOnTeacherScreen(t *testing.T, made assigned, qz *quiz.Quiz, codes []string) {
	a, key, link, keyFile := made.link.Assignment, made.key, made.class, made.keyFile
	g, err := homework.NewGrader(a, qz, &key)
	require.NoError(t, err)
	rep := g.Grade(codes)
	var wantCSV bytes.Buffer
	require.NoError(t, rep.WriteCSV(&wantCSV))
	// The codes as a teacher collects them: one a line, with a mail's words around.
	codesText := "Handed in this week:\n" + strings.Join(codes, "\n") + "\n-- \nsent from a phone\n"

	b := newBrowser(t, desktop, 90*time.Second)
	shot := func(step string) { b.screenshot("grade-" + step) }
	b.grantClipboard()
	dl := b.allowDownloads()

	b.step("the teacher opens the Teacher screen")
	b.open("")
	b.waitText("[Teacher: assign and grade homework]")
	b.clickItem("teacher")
	b.waitText("Grade", "Assignment link: ", "[Paste]")
	shot("1-open")

	b.pasteInto("t-link-paste", link)
	b.waitText("Assignment link: " + link)
	b.pasteInto("t-key-paste", keyFile)
	// A one-line field takes the file's lines as one.
	b.waitText("Teacher key (or your key file's text): " + strings.Join(strings.Fields(keyFile), " "))
	b.pasteInto("t-codes-paste", codesText)
	b.waitText("Codes: " + codesText)
	shot("2-pasted")

	b.step("grade")
	b.clickItem("t-grade")
	table := expectedTable(rep, a.PassingGrade > 0)
	text := b.waitText(a.Title, fmt.Sprintf("Codes read: %d. Students graded: %d.", len(codes), len(rep.Rows)), table)
	assert.NotContains(t, text, "could not be graded")
	assert.NotContains(t, text, noKeyWarning, "the key was taken: variants are checked")
	b.reveal("t-csv-plain") // the table above it comes into view
	shot("3-graded")
	b.clickItem("t-csv-plain")

	b.step("download the CSV")
	name, got := dl.wait()
	assert.Equal(t, "week-3-async-with-grades.csv", name, "the download's name")
	b.waitText("Saved to week-3-async-with-grades.csv")
	shot("4-saved")
	assert.Equal(t, wantCSV.String(), string(got), "the downloaded CSV is the grader's, byte for byte")
	t.Logf("downloaded %s (%d bytes):\n%s", name, len(got), got)

	b.step("lab grade on the same codes")
	dir := t.TempDir()
	keyPath, codesPath := filepath.Join(dir, "week3-key.txt"), filepath.Join(dir, "codes.txt")
	require.NoError(t, os.WriteFile(keyPath, []byte(keyFile), 0o600))
	require.NoError(t, os.WriteFile(codesPath, []byte(codesText), 0o644))
	cmd := exec.Command("go", "run", "./cmd/lab", "grade", "-key", keyPath, link, codesPath)
	cmd.Dir = repoRoot
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	require.NoError(t, cmd.Run(), "lab grade: %s", stderr.String())
	assert.Empty(t, stderr.String(), "lab grade's complaints")
	assert.Equal(t, string(got), stdout.String(), "lab grade prints the CSV the Teacher screen downloaded")
	assert.Empty(t, b.consoleProblems(), "console:\n%s", b.consoleText())
}

// expectedTable is the Teacher screen's table of rep as the screen reader
// mirror has it: student, the points by column ("–" where not asked),
// total/max, percentage, passed, the number of flags.
func expectedTable(rep *homework.Report, hasPass bool) string {
	var sb strings.Builder
	w := tabwriter.NewWriter(&sb, 0, 0, 2, ' ', 0)
	head := []string{"Student"}
	for _, c := range rep.Columns {
		head = append(head, c.Name)
	}
	fmt.Fprintln(w, strings.Join(append(head, "Total", "%", "Passed", "Flags"), "\t"))
	for _, row := range rep.Rows {
		cells := []string{row.Student}
		for i := range rep.Columns {
			if i < len(row.Asked) && row.Asked[i] {
				cells = append(cells, homework.FormatPoints(row.Points[i]))
			} else {
				cells = append(cells, "–")
			}
		}
		passed := ""
		if hasPass {
			passed = map[bool]string{true: "yes", false: "no"}[row.Passed]
		}
		cells = append(cells, homework.FormatPoints(row.Total)+"/"+strconv.Itoa(row.Max), homework.FormatPercent(row.Percent), passed, strconv.Itoa(len(row.Flags)))
		fmt.Fprintln(w, strings.Join(cells, "\t"))
	}
	w.Flush()
	return strings.TrimRight(sb.String(), "\n")
}

// grantClipboard lets the page read and write the clipboard without
// asking (as a teacher's click on "Allow" would).
func (b *browserApp) grantClipboard() {
	b.t.Helper()
	for _, name := range []string{"clipboard-read", "clipboard-write"} {
		_, err := chromedp.Call(b.ctx, browser.SetPermission, browser.SetPermissionParams{
			Permission: &browser.PermissionDescriptor{Name: name, AllowWithoutSanitization: true},
			Setting:    browser.PermissionSettingGranted, Origin: serverURL,
		})
		b.must(err, "granting %s", name)
	}
}

// pasteInto puts text on the clipboard, as another program's copy would,
// and clicks the Paste button with that id.
func (b *browserApp) pasteInto(button, text string) {
	b.t.Helper()
	b.step("paste %d bytes with %s", len(text), button)
	_, err := chromedp.Run(b.ctx, chromedp.Evaluate[chromedp.Void](
		fmt.Sprintf(`navigator.clipboard.writeText(%s)`, strconv.Quote(text)), chromedp.EvalAwaitPromise))
	b.must(err, "writing the clipboard")
	b.clickItem(button)
}

// download is the next file the page downloads.
type download struct {
	b    *browserApp
	dir  string
	name chan string
	done chan browser.EventDownloadProgress
}

// allowDownloads saves the page's downloads in a temporary directory and
// watches for them.
func (b *browserApp) allowDownloads() *download {
	b.t.Helper()
	events := true
	d := &download{b: b, dir: b.t.TempDir(), name: make(chan string, 4), done: make(chan browser.EventDownloadProgress, 4)}
	_, err := chromedp.Call(b.ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
		Behavior: browser.SetDownloadBehaviorBehaviorAllowAndName, DownloadPath: d.dir, EventsEnabled: &events,
	})
	b.must(err, "allowing downloads")
	begins := chromedp.Events(b.ctx, browser.DownloadWillBegin)
	go func() {
		for ev, err := range begins {
			if err != nil {
				return
			}
			d.name <- ev.SuggestedFilename
		}
	}()
	progress := chromedp.Events(b.ctx, browser.DownloadProgress)
	go func() {
		for ev, err := range progress {
			if err != nil {
				return
			}
			if ev.State != browser.DownloadProgressStateInProgress {
				d.done <- ev
			}
		}
	}()
	return d
}

// wait waits for the download to end and returns its name and bytes.
func (d *download) wait() (string, []byte) {
	d.b.t.Helper()
	var name string
	timeout := time.After(reactTimeout)
	select {
	case name = <-d.name:
	case <-timeout:
		d.b.t.Fatalf("no download began within %s\nscreen text:\n%s", reactTimeout, d.b.aria())
	}
	select {
	case ev := <-d.done:
		if ev.State != browser.DownloadProgressStateCompleted {
			d.b.t.Fatalf("the download of %s ended %s", name, ev.State)
		}
		// allowAndName names the file by its GUID.
		data, err := os.ReadFile(filepath.Join(d.dir, ev.GUID))
		d.b.must(err, "reading the download")
		return name, data
	case <-timeout:
		d.b.t.Fatalf("the download of %s did not end within %s", name, reactTimeout)
	}
	return "", nil
}

// noKeyWarning is what the Teacher screen says when it grades without a key.
const noKeyWarning = "No key given"
