package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"asyncwithlab/homework"
	"asyncwithlab/ui"
)

// desktopApp is the desktop program running under Xvfb, driven as a user
// would: real mouse clicks from xdotool on its window, the screen read
// from its -mirror file.
type desktopApp struct {
	t      *testing.T
	mirror string
	window string
}

// mirrored is the -mirror file's content.
type mirrored struct {
	Text  string         `json:"text"`
	Items []ui.Clickable `json:"items"`
}

func (d *desktopApp) screen() mirrored {
	var m mirrored
	data, err := os.ReadFile(d.mirror)
	if err == nil {
		err = json.Unmarshal(data, &m)
	}
	if err != nil && !os.IsNotExist(err) {
		d.t.Fatalf("reading the mirror: %v", err)
	}
	return m
}

// waitText waits until the screen holds every string.
func (d *desktopApp) waitText(want ...string) string {
	d.t.Helper()
	text, ok := d.waitTextFor(20*time.Second, want...)
	if !ok {
		d.t.Fatalf("waited 20s for %q; the screen shows:\n%s", want, text)
	}
	return text
}

// waitTextFor waits up to limit until the screen holds every string.
func (d *desktopApp) waitTextFor(limit time.Duration, want ...string) (string, bool) {
	d.t.Helper()
	deadline := time.Now().Add(limit)
	for {
		m := d.screen()
		missing := ""
		for _, w := range want {
			if !strings.Contains(m.Text, w) {
				missing = w
				break
			}
		}
		if missing == "" {
			return m.Text, true
		}
		if time.Now().After(deadline) {
			return m.Text, false
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// clickTo clicks a button that leads to another screen and waits for it.
// When the machine is busy (make test runs the browser tests beside this
// one), a click can fall between two of the program's frames and go
// unseen; the screen then stays as it was, and clicking again is safe.
func (d *desktopApp) clickTo(id string, want ...string) string {
	d.t.Helper()
	for try := 0; try < 3; try++ {
		if try > 0 && !slices.ContainsFunc(d.screen().Items, func(it ui.Clickable) bool { return it.ID == id }) {
			break // the screen moved on after all
		}
		d.click(id)
		if text, ok := d.waitTextFor(5*time.Second, want...); ok {
			return text
		}
	}
	return d.waitText(want...)
}

// click presses and releases the left button on the item's centre (held
// for a few frames: Ebitengine reads the button's state once a frame).
func (d *desktopApp) click(id string) {
	d.t.Helper()
	for _, it := range d.screen().Items {
		if it.ID != id {
			continue
		}
		x, y := int(it.X+it.W/2), int(it.Y+it.H/2)
		d.xdotool("mousemove", "--window", d.window, fmt.Sprint(x), fmt.Sprint(y))
		time.Sleep(100 * time.Millisecond)
		d.xdotool("mousedown", "1")
		time.Sleep(250 * time.Millisecond)
		d.xdotool("mouseup", "1")
		time.Sleep(100 * time.Millisecond)
		return
	}
	d.t.Fatalf("no item %q on the screen:\n%s", id, d.screen().Text)
}

func (d *desktopApp) xdotool(args ...string) string {
	d.t.Helper()
	out, err := exec.Command("xdotool", args...).CombinedOutput()
	require.NoError(d.t, err, "xdotool %v: %s", args, out)
	return strings.TrimSpace(string(out))
}

// TestDesktopHandIn: the desktop program opens a student's assignment
// link (-link), the student starts, answers a question, hands in and
// saves the code as a file; the code read from the window and the file
// grade as the answer deserves.
func TestDesktopHandIn(t *testing.T) {
	if os.Getenv("DISPLAY") == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("no DISPLAY: run the tests under xvfb-run (make test does)")
		}
		t.Skip("no DISPLAY; run under xvfb-run")
	}
	if _, err := exec.LookPath("xdotool"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("xdotool is missing: make deps installs it")
		}
		t.Skip("xdotool is missing; make deps installs it")
	}
	bin := buildDesktop(t)
	dir := t.TempDir()

	a := &homework.Assignment{ID: "0123456789abcdef", Title: "Week 3: async with",
		Quiz: homework.QuizSource{Builtin: true, Questions: []int{1, 2}}, Mode: "immediate"}
	require.NoError(t, a.Seal(nil))
	key := homework.Key{7}
	seed := key.StudentSeed(a.ID, "Ana Souza")
	link, err := homework.Link{Assignment: a, Student: "Ana Souza", Seed: seed}.Encode()
	require.NoError(t, err)
	q, err := a.LoadQuestions(nil)
	require.NoError(t, err)
	att := a.NewAttempt(q, seed) // what the window shows

	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	d := &desktopApp{t: t, mirror: filepath.Join(dir, "screen.json")}
	cmd := exec.CommandContext(ctx, bin, "-lang", "en", "-mirror", d.mirror, "-link", "https://school.example/lab/#"+link)
	cmd.Env = append(os.Environ(), "XDG_CONFIG_HOME="+dir)
	var out strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &out
	require.NoError(t, cmd.Start())
	defer func() {
		cmd.Process.Kill()
		cmd.Wait()
		if t.Failed() {
			t.Logf("the program's output:\n%s", out.String())
		}
	}()
	d.waitText("Week 3: async with", "Ana Souza", "[Start]")
	d.window = d.xdotool("search", "--sync", "--onlyvisible", "--name", "Async With Lab")
	d.window = strings.Fields(d.window)[0]

	d.clickTo("hw-start", "0 of 2 answered")
	d.clickTo("hw-q-1", "Question 1 of 2")
	first := att.Question(0)
	for _, k := range first.Keys() {
		// Shown[0] lists the answers in the order the window shows them;
		// the options' ids count from 0.
		d.click(fmt.Sprintf("opt%d", slices.Index(att.Shown[0], k)))
	}
	d.clickTo("check", "Correct!")
	d.clickTo("hw-back", "1 of 2 answered")
	text := d.clickTo("hw-handin", "Your submission code")
	code := regexp.MustCompile(`awl1\.[A-Za-z0-9_-]+\.[0-9a-f]{8}`).FindString(text)
	require.NotEmpty(t, code, "a code in the window:\n%s", text)
	text = d.clickTo("hw-save", "Saved to ")
	saved := strings.TrimSpace(regexp.MustCompile(`Saved to (\S+)`).FindStringSubmatch(text)[1])
	data, err := os.ReadFile(saved)
	require.NoError(t, err, "the saved code file (%s)", saved)
	assert.Equal(t, []string{code}, homework.FindCodes(string(data)), "the file holds the code")
	assert.True(t, strings.HasPrefix(saved, dir), "saved in the app's folder: %s", saved)

	g, err := homework.NewGrader(a, q, &key)
	require.NoError(t, err)
	rep := g.Grade([]string{code})
	require.Empty(t, rep.Problems)
	require.Len(t, rep.Rows, 1)
	row := rep.Rows[0]
	assert.Equal(t, "Ana Souza", row.Student)
	assert.Empty(t, row.Flags, "the code is Ana's own variant")
	want := []float64{0, 0}
	want[att.Order[0]] = 1
	assert.Equal(t, want, row.Points, "the question answered right scores, the other not")
	assert.Empty(t, strings.TrimSpace(out.String()), "the program's output")
}
