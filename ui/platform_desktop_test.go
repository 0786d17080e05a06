//go:build !js

package ui

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDesktopSaveFile(t *testing.T) {
	dir := t.TempDir()
	d := &desktop{dir: filepath.Join(dir, "config")}
	tests := []struct {
		name string
		want string
	}{
		{"scenario.json", filepath.Join(dir, "config", "scenarios", "scenario.json")}, // a bare name: the app's folder
		{filepath.Join(dir, "mine", "s.json"), filepath.Join(dir, "mine", "s.json")},  // a path: there (the -scenario file)
	}
	for _, tc := range tests {
		where, err := d.SaveFile(tc.name, []byte(`{"version": 1}`))
		require.NoError(t, err)
		assert.Equal(t, tc.want, where)
		data, err := os.ReadFile(where)
		require.NoError(t, err)
		assert.Equal(t, `{"version": 1}`, string(data))
	}
	// A file that cannot be written says so.
	_, err := d.SaveFile(filepath.Join(dir, "mine", "s.json", "under-a-file.json"), nil)
	assert.Error(t, err)
}

func TestDesktopMirror(t *testing.T) {
	path := filepath.Join(t.TempDir(), "screen.json")
	d := &desktop{dir: t.TempDir()}
	d.Mirror("not kept", nil)
	_, err := os.Stat(path)
	assert.True(t, os.IsNotExist(err), "no file without -mirror")

	d.setMirror(path)
	d.Mirror("Home\n[Start]\n", []Clickable{{ID: "hw-start", Text: "Start", X: 1, Y: 2, W: 3, H: 4}})
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.JSONEq(t, `{"text": "Home\n[Start]\n", "items": [{"id": "hw-start", "text": "Start", "x": 1, "y": 2, "w": 3, "h": 4}]}`, string(data))
	d.Mirror("Next\n", nil)
	data, err = os.ReadFile(path)
	require.NoError(t, err)
	assert.JSONEq(t, `{"text": "Next\n", "items": null}`, string(data))
}
