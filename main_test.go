package main

import (
	"context"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"asyncwithlab/homework"
)

// TestDesktopSmoke builds the desktop program, starts it on the quiz
// screen (make test runs the tests under Xvfb), and checks the screenshot
// it writes of its first frame: a real window that draws text.
func TestDesktopSmoke(t *testing.T) {
	if os.Getenv("DISPLAY") == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("no DISPLAY: run the tests under xvfb-run (make test does)")
		}
		t.Skip("no DISPLAY; run under xvfb-run")
	}
	dir := t.TempDir()
	bin := buildDesktop(t)

	// An assignment link, as a student gets it by mail: the desktop
	// program opens it on the assignment's screen.
	a := &homework.Assignment{ID: "0123456789abcdef", Title: "Week 3: async with",
		Quiz: homework.QuizSource{Builtin: true, Questions: []int{1, 2}}, Challenges: []string{"aenter-fails"}, Mode: "immediate"}
	require.NoError(t, a.Seal(nil))
	assignment, err := homework.Link{Assignment: a, Student: "Ana Souza", Seed: 7}.Encode()
	require.NoError(t, err)

	bad := filepath.Join(dir, "bad.json")
	require.NoError(t, os.WriteFile(bad, []byte(`{"version": 1, "functions": [{"name": "main", "body": [{"sleep": -1}]}]}`), 0o644))
	screens := []struct {
		name string
		args []string
	}{
		{"home", []string{"-open", "home"}},
		{"quiz", []string{"-open", "quiz"}},
		{"about", []string{"-open", "about"}},
		{"sim", []string{"-open", "sim"}},
		// A link copied from the web version, at an event in the middle.
		{"sim-link", []string{"-link", "http://example.org/lab/#v1.p.gather-interleave.30"}},
		{"sim-file", []string{"-scenario", "assets/presets/aenter-fails.json"}},
		{"homework-link", []string{"-link", "http://example.org/lab/#" + assignment}},
		// A broken scenario file: Home says why; nothing crashes.
		{"sim-bad-file", []string{"-scenario", bad}},
	}
	for _, sc := range screens {
		screen := sc.name
		t.Run(screen, func(t *testing.T) {
			shot := filepath.Join(dir, screen+".png")
			ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
			defer cancel()
			cmd := exec.CommandContext(ctx, bin, append([]string{"-screenshot", shot, "-seed", "3", "-lang", "en"}, sc.args...)...)
			cmd.Env = append(os.Environ(), "XDG_CONFIG_HOME="+dir)
			out, err := cmd.CombinedOutput()
			require.NoError(t, err, string(out))
			f, err := os.Open(shot)
			require.NoError(t, err)
			defer f.Close()
			img, err := png.Decode(f)
			require.NoError(t, err)
			assert.GreaterOrEqual(t, img.Bounds().Dx(), 640)
			dark, colours := countPixels(img)
			t.Logf("%s: %d dark samples, %d colours", screen, dark, colours)
			assert.Greater(t, dark, 100, "text is drawn (dark pixels on the light page)")
			assert.Greater(t, colours, 8, "the screen is not blank")
			if out := os.Getenv("SCREENSHOT_DIR"); out != "" {
				data, _ := os.ReadFile(shot)
				_ = os.WriteFile(filepath.Join(out, "desktop-"+screen+".png"), data, 0o644)
			}
		})
	}
}

// desktopBin is the desktop program, built once for the tests.
var desktopBin struct {
	once sync.Once
	path string
	err  error
	out  []byte
}

// TestMain removes the desktop program built for the tests.
func TestMain(m *testing.M) {
	code := m.Run()
	if desktopBin.path != "" {
		os.RemoveAll(filepath.Dir(desktopBin.path))
	}
	os.Exit(code)
}

// buildDesktop builds the desktop program once and returns its path.
func buildDesktop(t *testing.T) string {
	t.Helper()
	desktopBin.once.Do(func() {
		dir, err := os.MkdirTemp("", "asyncwithlab-desktop-")
		if err != nil {
			desktopBin.err = err
			return
		}
		desktopBin.path = filepath.Join(dir, "lab")
		desktopBin.out, desktopBin.err = exec.Command("go", "build", "-o", desktopBin.path, ".").CombinedOutput()
	})
	require.NoError(t, desktopBin.err, string(desktopBin.out))
	return desktopBin.path
}

func countPixels(img image.Image) (dark, colours int) {
	seen := map[uint32]bool{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y += 2 {
		for x := b.Min.X; x < b.Max.X; x += 2 {
			r, g, bl, _ := img.At(x, y).RGBA()
			if r+g+bl < 3*0x4000 {
				dark++
			}
			seen[(r>>12)<<8|(g>>12)<<4|bl>>12] = true
		}
	}
	return dark, len(seen)
}
