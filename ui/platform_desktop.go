//go:build !js

package ui

import (
	"os"
	"path/filepath"
	"strings"
)

// desktop keeps settings and progress as files under os.UserConfigDir().
type desktop struct{ dir string }

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

func (d *desktop) Mirror(string, []Clickable) {}

func (d *desktop) FirstFrame() {}
