//go:build !js

package ui

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// desktop keeps settings and progress as files under os.UserConfigDir().
type desktop struct {
	dir string
	// mirror is where the screen's text and clickable items are written
	// (Config.Mirror), and last what was written there.
	mirror string
	last   []byte
}

// NewPlatform returns the desktop platform.
func NewPlatform() Platform {
	dir, err := os.UserConfigDir()
	if err != nil {
		dir = os.TempDir()
	}
	return &desktop{dir: filepath.Join(dir, "asyncwithlab")}
}

func (d *desktop) path(key string) string {
	return filepath.Join(d.dir, strings.NewReplacer("/", "_", "\\", "_").Replace(key)+".txt")
}

func (d *desktop) Load(key string) string {
	data, err := os.ReadFile(d.path(key))
	if err != nil {
		return ""
	}
	return string(data)
}

func (d *desktop) Save(key, value string) error {
	if err := os.MkdirAll(d.dir, 0o755); err != nil {
		return err
	}
	tmp := d.path(key) + ".tmp"
	if err := os.WriteFile(tmp, []byte(value), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, d.path(key))
}

func (d *desktop) Language() string {
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"} {
		if s := os.Getenv(v); s != "" && s != "C" && s != "POSIX" {
			return s
		}
	}
	return "en"
}

func (d *desktop) Param(string) string { return "" }

func (d *desktop) SetParam(string, string) {}

func (d *desktop) Fetch(path string) ([]byte, error) { return os.ReadFile(path) }

// Mirror writes the screen's text and its clickable items as JSON to the
// -mirror file, when one was given and they changed: the desktop's
// window.labText and window.labItems, for automation and the tests. The
// file is replaced whole, so a reader never sees half of it.
func (d *desktop) Mirror(text string, items []Clickable) {
	if d.mirror == "" {
		return
	}
	data, err := json.Marshal(struct {
		Text  string      `json:"text"`
		Items []Clickable `json:"items"`
	}{text, items})
	if err != nil || bytes.Equal(data, d.last) {
		return
	}
	d.last = data
	tmp := d.mirror + ".tmp"
	if err := os.WriteFile(tmp, data, 0o644); err == nil {
		os.Rename(tmp, d.mirror)
	}
}

// setMirror makes Mirror write to path.
func (d *desktop) setMirror(path string) { d.mirror = path }

func (d *desktop) FirstFrame() {}

func (d *desktop) Fragment() string { return "" }

func (d *desktop) SetFragment(string) {}

// ShareURL: the desktop program has no address of its own, so a link is
// the fragment alone; the web version opens it after its address.
func (d *desktop) ShareURL(fragment string) string { return "#" + fragment }

// errNoClipboard: Ebitengine has no clipboard, the clipboard packages need
// cgo and extra system libraries on Linux, and none of the usual clipboard
// commands is installed.
var errNoClipboard = errors.New("no clipboard command found (wl-copy, xclip, xsel, pbcopy or clip)")

// clipboardCommands are the programs that put their input on the
// clipboard, on the systems that have them.
var clipboardCommands = [][]string{
	{"wl-copy"}, {"xclip", "-selection", "clipboard"}, {"xsel", "--clipboard", "--input"}, {"pbcopy"}, {"clip"},
}

// CopyText hands the text to the first clipboard command that works; it
// also prints it, so that a link can always be copied from the terminal.
func (d *desktop) CopyText(s string) error {
	fmt.Println(s)
	for _, c := range clipboardCommands {
		if _, err := exec.LookPath(c[0]); err != nil {
			continue
		}
		cmd := exec.Command(c[0], c[1:]...)
		cmd.Stdin = strings.NewReader(s)
		if err := cmd.Run(); err == nil {
			return nil
		}
	}
	return errNoClipboard
}

// pasteCommands are the programs that print the clipboard's text.
var pasteCommands = [][]string{
	{"wl-paste", "--no-newline"}, {"xclip", "-selection", "clipboard", "-o"}, {"xsel", "--clipboard", "--output"},
	{"pbpaste"}, {"powershell", "-NoProfile", "-Command", "Get-Clipboard"},
}

// ReadText asks the first clipboard command that works, in the
// background so that the window does not wait for it.
func (d *desktop) ReadText(done func(string, error)) {
	go func() {
		for _, c := range pasteCommands {
			if _, err := exec.LookPath(c[0]); err != nil {
				continue
			}
			out, err := exec.Command(c[0], c[1:]...).Output()
			if err == nil {
				done(string(out), nil)
				return
			}
		}
		done("", errors.New("no clipboard command found (wl-paste, xclip, xsel, pbpaste or powershell)"))
	}()
}

// SaveFile writes the file where name says, or in the app's scenarios
// folder when name is a bare file name.
func (d *desktop) SaveFile(name string, data []byte) (string, error) {
	path := name
	if filepath.Base(name) == name {
		path = filepath.Join(d.dir, "scenarios", name)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return "", err
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		return "", err
	}
	return path, os.Rename(tmp, path)
}

// OpenFile says that files are dropped on the window here: a native file
// chooser would need cgo or a helper program.
func (d *desktop) OpenFile(_ string, done func(string, []byte, error)) {
	done("", nil, errNoChooser)
}
